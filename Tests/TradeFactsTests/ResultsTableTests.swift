import XCTest
@testable import TradeFacts

/// Company results tables in the 1980s wire style (issue 18): a dateline with a province, figures
/// after "vs" at a line's end, pence after "Shr" and "div", the quarter a table ends and the months
/// to it, and the company's quarter its headline numbers. Every text is our own.
final class ResultsTableTests: XCTestCase {
    private let table = """
        MAPLE LEAF TRUST <MLT.TO> 3RD QTR NET
        CALGARY, Alberta, Aug 27 -
            Qtr ended July 31
            Shr 1.20 dlrs vs 98 cts
            Net 45.2 mln vs 38.1 mln
            Nine mths
            Shr 3.41 dlrs vs 2.87 dlrs
            Net 128.4 mln vs 110.2 mln
            The trust said profit in the third quarter rose 18.6 pct.
        """

    private func extraction(_ text: String, date: String) -> Extraction {
        Fixtures.engine.process(Document(id: "d", text: text, referenceDate: CalendarDate(iso: date))).extraction!
    }

    private func money(_ e: Extraction) -> [String] {
        e.mentions.compactMap { m in
            guard case let .money(amount, _, _, currency, _) = m.value else { return nil }
            return "\(m.text)=\(amount.map { "\($0)" } ?? "none") \(currency ?? "?")"
        }
    }

    private func period(_ phrase: String, in e: Extraction) -> String? {
        e.mentions.first { $0.text == phrase && $0.period != nil }.flatMap { $0.period }.map { "\($0.from.iso)..\($0.to.iso)" }
    }

    func testTableFiguresTakeTheLocalDollarAndTheFigureAfterVs() {
        let e = extraction(table, date: "1987-08-27")
        XCTAssertEqual(e.mentions.first { $0.role == "dateline" }?.text, "Aug 27")
        let m = money(e)
        XCTAssertTrue(m.contains("98 cts=0.98 CAD"), "\(m)")
        XCTAssertTrue(m.contains("38.1 mln=38100000 CAD"), "\(m)")
        XCTAssertTrue(m.contains("110.2 mln=110200000 CAD"), "\(m)")
    }

    func testBareTableFiguresAreMoneyInTheTablesCurrency() {
        // Figures with no currency word or scale ("Net 699,037 vs 1,349,077") and a dateline whose
        // place is in title case: Canadian dollars, carried from the table's cents.
        let e = extraction("""
            BIRCHWOOD MILLS LTD <BWM.TO> YEAR NET
            Toronto, March 30 -
             Shr 51 cts vs one dlr
                Net 2,275,000 vs loss 9,560,000
                Revs 17.0 mln vs 19.9 mln
                Avg shrs 4,460,000 vs 4,410,000
            """, date: "1987-03-30")
        XCTAssertEqual(e.mentions.first { $0.role == "dateline" }?.text, "March 30")
        let m = money(e)
        for expected in ["51 cts=0.51 CAD", "2,275,000=2275000 CAD", "9,560,000=9560000 CAD", "17.0 mln=17000000 CAD", "19.9 mln=19900000 CAD"] {
            XCTAssertTrue(m.contains(expected), "\(m)")
        }
        XCTAssertFalse(m.contains { $0.hasPrefix("4,460,000") || $0.hasPrefix("4,410,000") }, "share counts are not money: \(m)")
    }

    func testTableQuarterAndMonthsToIt() {
        let e = extraction(table, date: "1987-08-27")
        XCTAssertEqual(period("Qtr ended July 31", in: e), "1987-05-01..1987-07-31")
        XCTAssertEqual(period("Nine mths", in: e), "1986-11-01..1987-07-31")
        // The headline's quarter and the same quarter in the text are the company's, not July-September.
        XCTAssertEqual(period("3RD QTR", in: e), "1987-05-01..1987-07-31")
        XCTAssertEqual(period("the third quarter", in: e), "1987-05-01..1987-07-31")
    }

    func testPenceAfterTableWords() {
        let e = extraction("SUGAR GROUP PROFIT UP\nLONDON, June 10 -\n    Year to March 31\n    Shr 24.6p vs 20.1p\n    Final div 6.5p, making 9.8p vs 8.6p\n",
                           date: "1987-06-10")
        let m = money(e)
        for expected in ["24.6p=0.246 GBP", "6.5p=0.065 GBP", "9.8p=0.098 GBP"] { XCTAssertTrue(m.contains(expected), "\(m)") }
        XCTAssertEqual(period("Year to March 31", in: e), "1986-04-01..1987-03-31")
    }

    func testCropYearFromTheStorysCropAndCurrenciesOfTheTime() {
        // A bare split year in a sentence without the crop, in a story of one crop from a place without a fiscal year.
        let e = extraction("ABIDJAN, Feb 12 - Cocoa arrivals rose in the first four months of the 1986/87 season. They forecast 1986/87 output "
                           + "at a record, at a price of 400 CFA francs a kilo and 1,600 SDRs a tonne.", date: "1987-02-12")
        XCTAssertEqual(e.mentions.filter { $0.text == "1986/87" }.first?.period.map { "\($0.from.iso)..\($0.to.iso)" }, "1986-10-01..1987-09-30")
        let m = money(e)
        XCTAssertTrue(m.contains("400 CFA francs=400 XOF"), "\(m)")
        XCTAssertTrue(m.contains("1,600 SDRs=1600 XDR"), "\(m)")
    }
}
