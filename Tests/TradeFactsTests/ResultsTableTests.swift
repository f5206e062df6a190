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

    /// A quarter named with the day it ended gives the company's year ("fiscal 1986" of a company
    /// whose second quarter ended January 31: August 1985 to July 1986), and a year-ago figure is
    /// that quarter's a year before.
    func testCompanyFiscalYearFromAQuarterEnded() {
        let text = """
            ORCHARD GAMES SEEKS BUYER
            RENO, Nev., March 9 - The company said on Monday it wants a buyer.
                For the second quarter ended January 31, Orchard Games earned 2.6 mln dlrs, up from 1.5 mln dlrs a
            year before.  For all of fiscal 1986, the company earned 9.0 mln dlrs.
            """
        let e = extraction(text, date: "1987-03-09")
        XCTAssertEqual(period("the second quarter ended January 31", in: e), "1986-11-01..1987-01-31")
        XCTAssertEqual(period("a\nyear before", in: e), "1985-11-01..1986-01-31")
        XCTAssertEqual(period("fiscal 1986", in: e), "1985-08-01..1986-07-31")
    }

    /// A company's year that the story says ended in another month than December gives its
    /// quarters named without a year: the latest of that number that has begun.
    func testQuartersOfAYearEndedInSeptember() {
        let text = """
            Larkspur Mills Co. reported a 47% decline in fourth-quarter earnings.
            The company earned $45.2 million, or 65 cents a share, compared with $84.9 million a year earlier.
            For the year ended Sept. 30, Larkspur earned $422.5 million, or $6.44 a share.
            """
        let e = extraction(text, date: "1989-11-02")
        XCTAssertEqual(period("fourth-quarter", in: e), "1989-07-01..1989-09-30")
        XCTAssertEqual(period("a year earlier", in: e), "1988-07-01..1988-09-30")
        // Statistics for the twelve months to a month are no company's year.
        let stats = "Exports Steady\nWELLINGTON, Nov. 2 - Exports are expected to rise 5% in the fourth quarter. In the year ended Aug. 31 exports rose 3%.\n"
        XCTAssertEqual(period("the fourth quarter", in: extraction(stats, date: "1989-11-02")), "1989-10-01..1989-12-31")
    }

    /// A note opening with a year in the story of a company whose year ends in January is that
    /// fiscal year, named by the calendar year most of it falls in.
    func testNoteYearOfAFiscalCompany() {
        let text = "<BIRCHWOOD LTD> YEAR JAN 31 NET\nShr 51 cts vs one dlr\n    Net 25.1 mln vs 46.8 mln\n    Note: 1986 excludes an extraordinary gain of 1.1 mln dlrs.\n"
        XCTAssertEqual(period("1986", in: extraction(text, date: "1987-04-01")), "1986-02-01..1987-01-31")
        // A calendar company's note keeps the calendar year.
        let calendar = "BIRCHWOOD LTD YEAR NET\nShr 51 cts vs one dlr\n    Net 25.1 mln vs 46.8 mln\n    Note: 1986 excludes an extraordinary gain of 1.1 mln dlrs.\n"
        XCTAssertEqual(period("1986", in: extraction(calendar, date: "1987-04-01")), "1986-01-01..1986-12-31")
    }

    /// A results note's sentence that opens with a year gives its anaphors that year; "the nine
    /// months" after a quarter and "1986 nine months" are the months to the quarter's end.
    func testResultsNotesYears() {
        let text = """
            PINE RIDGE MILLS <PRM> 3RD QTR NET
            Shr 42 cts vs 1.53 dlrs
                Net 32.1 mln vs 120.1 mln
                Nine mths
                Shr 1.24 dlrs vs 3.35 dlrs
                NOTE: 1987 per-share earnings include charges of 11 cts a share in the quarter and 13 cts a share for
            the nine months.
                1986 net income includes gains of 1.11 dlrs a share in the quarter and 2.23 dlrs a share in the nine months.
                1986 nine months net excludes gains.
            """
        let e = extraction(text, date: "1987-10-20")
        let periods = e.mentions.filter { $0.type == .period || $0.type == .date }.map { "\($0.text)=\($0.period.map { "\($0.from.iso)..\($0.to.iso)" } ?? "-")" }
        XCTAssertEqual(periods.filter { $0.hasPrefix("the quarter") }, ["the quarter=1987-07-01..1987-09-30", "the quarter=1986-07-01..1986-09-30"])
        XCTAssertEqual(periods.filter { $0.hasPrefix("the nine months") },
                       ["the nine months=1987-01-01..1987-09-30", "the nine months=1986-01-01..1986-09-30"])
        XCTAssertEqual(period("1986 nine months", in: e), "1986-01-01..1986-09-30")
    }

    /// A results headline's bare quarter reported longer after the calendar quarter than companies
    /// take is the company's later quarter; soon after, or over statistics, the calendar's.
    func testHeadlineQuarterFromTheReportingLag() {
        let text = "WILLOW CREEK STORES INC <WCS> 1ST QTR\nShr one ct vs nil\n    Net 32,345 vs 3,772\n    Revs 9,946,578 vs 5,939,252\n"
        XCTAssertEqual(period("1ST QTR", in: extraction(text, date: "1987-06-01")), "1987-02-01..1987-04-30")
        XCTAssertEqual(period("1ST QTR", in: extraction(text, date: "1987-04-20")), "1987-01-01..1987-03-31")
        let fourth = "WILLOW CREEK STORES INC <WCS> 4TH QTR\nShr one ct vs nil\n    Net 32,345 vs 3,772\n"
        XCTAssertEqual(period("4TH QTR", in: extraction(fourth, date: "1987-03-25")), "1986-10-01..1986-12-31", "a year's results come later")
        // Listed in Canada: reports are due within 60 days.
        let toronto = "MAPLE HILLS MINES LTD <MHM.TO> 1ST QTR NET\nShr two cts vs seven cts\n    Net 164,000 vs 417,000\n"
        XCTAssertEqual(period("1ST QTR", in: extraction(toronto, date: "1987-06-01")), "1987-01-01..1987-03-31")
        // A table's line giving the day the quarter ends.
        let end = "WILLOW CREEK STORES INC 1ST QTR NET\n    April 30 end\n    Shr loss one ct vs loss two cts\n"
        XCTAssertEqual(period("1ST QTR", in: extraction(end, date: "1987-06-01")), "1987-02-01..1987-04-30")
        let trade = "U.K. 1ST QTR TRADE DEFICIT WIDENS\nLONDON, June 1 - The deficit widened to 1.2 billion stg.\n"
        XCTAssertEqual(period("1ST QTR", in: extraction(trade, date: "1987-06-01")), "1987-01-01..1987-03-31")
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

    /// "Period ended" or "Ended" with its day after the dateline of a quarter's table: the quarter
    /// up to that day, and the table's months and year from it; under a year's headline, the day alone.
    func testPeriodEndedOnTheDatelineLine() {
        var e = extraction("AMERICAN NURSERY PRODUCTS <ANSY> 3RD QTR NET\nTAHLEQUAH, OKLA., March 26 - Period ended Feb 28\n    Shr profit five cts vs profit four cts\n    Nine mths\n    Shr loss 28 cts vs loss 40 cts\n", date: "1987-03-26")
        var p = e.mentions.first { $0.text == "Period ended Feb 28" }?.period
        XCTAssertEqual(p.map { "\($0.from.iso)..\($0.to.iso)" }, "1986-12-01..1987-02-28")
        p = e.mentions.first { $0.text == "Nine mths" }?.period
        XCTAssertEqual(p.map { "\($0.from.iso)..\($0.to.iso)" }, "1986-06-01..1987-02-28")
        e = extraction("CARTER HAWLEY HALE STORES INC <CHH> 4TH QTR LOSS\nLOS ANGELES, March 19 - ended Jan 31\n    Shr loss 1.58 dlrs vs profit 58 cts\n    Year\n    Shr loss 2.10 dlrs vs profit 1.20 dlrs\n", date: "1987-03-19")
        p = e.mentions.first { $0.text == "ended Jan 31" }?.period
        XCTAssertEqual(p.map { "\($0.from.iso)..\($0.to.iso)" }, "1986-11-01..1987-01-31")
        // On the line under a dateline that ends with its dash; not in prose that wraps.
        e = extraction("ACME CORP 2ND QTR NET\nDALLAS, March 26 -\n    Period ended Feb 28\n    Shr 1.20 dlrs vs 98 cts\n", date: "1987-03-26")
        XCTAssertEqual(e.mentions.first { $0.text == "Period ended Feb 28" }?.period?.from.iso, "1986-12-01")
        e = extraction("U.S. HOME SEES BEST FIRST QTR SINCE 1983\nHOUSTON, March 26 - U.S. Home Corp said its first quarter\nending March 31, 1987, will be its best.", date: "1987-03-26")
        XCTAssertNil(e.mentions.first { $0.text.hasPrefix("ending") })
        e = extraction("ACME CORP YEAR NET\nDALLAS, March 26 - Period ended Dec 31\n    Shr 1.20 dlrs vs 98 cts\n", date: "1987-03-26")
        XCTAssertNil(e.mentions.first { $0.text.contains("Period") })
        XCTAssertEqual(e.mentions.first { $0.text == "Dec 31" }?.period?.from.iso, "1986-12-31")
    }

    /// A results note's dividend dates ("Div pay Aug 6. Reg July 17.") look ahead, though the
    /// table's figures are reported; "Yr ended March 31" is the company's year.
    func testDividendDatesInAResultsNoteLookAhead() {
        let e = extraction("HARDWOOD HOLDINGS LTD YR TO MARCH\nSYDNEY, June 18 - Yr ended March 31\n    Shr 37.8 cents vs 30.7\n    Net 60.58 mln dlrs vs 47.42 mln\n    NOTE - Div pay Aug 6. Reg July 17. Div is unfranked.\n", date: "1987-06-18")
        XCTAssertEqual(e.mentions.first { $0.text == "Yr ended March 31" }?.period.map { "\($0.from.iso)..\($0.to.iso)" }, "1986-04-01..1987-03-31")
        XCTAssertEqual(e.mentions.first { $0.text == "Aug 6" }?.period?.from.iso, "1987-08-06")
        XCTAssertEqual(e.mentions.first { $0.text == "July 17" }?.period?.from.iso, "1987-07-17")
    }
}
