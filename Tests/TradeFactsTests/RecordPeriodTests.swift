import Foundation
import XCTest
@testable import TradeFacts

/// How records take their periods from statements: comparison chains, anchored anaphors and
/// cumulative figures.
final class RecordPeriodTests: XCTestCase {
    func records(_ text: String, _ date: String) -> [(amount: String, from: String, to: String, comparison: Bool)] {
        let r = Fixtures.engine.process(Document(id: "t", text: text, referenceDate: CalendarDate(iso: date)))
        guard let e = r.extraction else { return [] }
        return r.records.map { rec in
            let json = rec.json(mentions: e.mentions, in: e.document)
            return (json["value"]?["amount"]?.scalarText ?? "", json["period"]?["from"]?.scalarText ?? "", json["period"]?["to"]?.scalarText ?? "",
                    json["comparison"]?.scalarText == "true")
        }
    }

    /// "from B in P2 and C a year earlier": both bases are comparison records, the second counted
    /// back a year from the current period, not from the base period written before it.
    func testComparisonChainAndAnchoredYearEarlier() {
        let got = records("NZ TRADE\nWELLINGTON, March 5 - Exports fell to 905 mln N.Z. Dlrs in January from 929 mln in December and 816 mln a year earlier, the department said.\n", "1987-03-05")
        XCTAssertEqual(got.map(\.amount), ["905000000", "929000000", "816000000"])
        XCTAssertEqual(got.map(\.comparison), [false, true, true])
        XCTAssertEqual(got.map(\.from), ["1987-01-01", "1986-12-01", "1986-01-01"])
    }

    /// A cumulative figure's month is where it ends: the period runs from January.
    func testCumulativeFigureRunsFromTheStartOfItsYear() {
        let got = records("TURKEY TRADE\nANKARA, Oct 19 - The cumulative trade position in July showed a 1.85 billion dlr deficit, the institute said.\n", "1987-10-19")
        XCTAssertEqual(got.first?.from, "1987-01-01")
        XCTAssertEqual(got.first?.to, "1987-07-31")
        let plain = records("TURKEY TRADE\nANKARA, Oct 19 - The trade position in July showed a 1.85 billion dlr deficit, the institute said.\n", "1987-10-19")
        XCTAssertEqual(plain.first?.from, "1987-07-01")
    }

    /// In a list of figures each with its period, a period written right after one figure is not
    /// the next figure's.
    func testListOfFiguresEachWithItsPeriod() {
        let got = records("MEXICO TRADE\nMEXICO CITY, March 9 - Mexico posted a trade deficit of 40 mln dlrs in 1986, against surpluses of 2.1 billion dlrs in 1985, 1.4 billion in 1984 and 600 mln in 1983.\n", "1987-03-09")
        let byAmount = Dictionary(got.map { ($0.amount, $0.from) }, uniquingKeysWith: { a, _ in a })
        XCTAssertEqual(byAmount["1400000000"], "1984-01-01")
        XCTAssertEqual(byAmount["600000000"], "1983-01-01")
    }

    /// "from 1986's record 95.5 billion marks": the possessive period is the figure's, whatever
    /// period the clause names later.
    func testPossessivePeriodIsTheFiguresOwn() {
        let got = records("GERMAN OUTLOOK\nBONN, March 18 - The nominal trade surplus would change little from 1986's record 95.5 billion marks because of better terms of trade in 1987, it said.\n", "1987-03-18")
        XCTAssertEqual(got.first { $0.amount == "95500000000" }?.from, "1986-01-01")
    }

    /// "the previous month" as a comparison period is the month before the current figure's, not
    /// the month before the article's date.
    func testPreviousMonthCountsFromTheCurrentFigure() {
        let got = records("MALAYSIA TRADE\nKUALA LUMPUR, May 10 - Malaysia's exports rose to 1.9 billion ringgit in March from 1.7 billion the previous month, the bank said.\n", "1987-05-10")
        XCTAssertEqual(got.map(\.from), ["1987-03-01", "1987-02-01"])
    }

    /// "the three months": the months up to the latest month reported, and its base a year back.
    func testMonthsToDate() {
        let got = records("THAI TRADE\nBANGKOK, April 20 - Exports rose to 7.1 billion baht in March from 6.4 billion in February. The trade surplus for the three months widened to 2.2 billion baht from 1.5 billion a year ago.\n", "1987-04-20")
        let surplus = got.filter { $0.amount == "2200000000" || $0.amount == "1500000000" }
        XCTAssertEqual(surplus.map(\.from), ["1987-01-01", "1986-01-01"])
        XCTAssertEqual(surplus.map(\.to), ["1987-03-31", "1986-03-31"])
    }

    /// "The March surplus last year": that month of that year.
    func testMonthWithAYearWrittenApart() {
        let got = records("CANADA TRADE\nOTTAWA, May 5 - Canada had a trade surplus of 900 mln dlrs in March. The March surplus last year was 310 mln dlrs.\n", "1987-05-05")
        XCTAssertEqual(got.first { $0.amount == "310000000" }?.from, "1986-03-01")
    }

    /// A figure whose statement names no period takes the last statement's current period, and its
    /// "a year earlier" counts back from that, not from the base period written just before.
    func testYearEarlierCountsFromTheLastStatementsPeriod() {
        let got = records("NZ ACCOUNTS\nWELLINGTON, June 20 - The current account deficit narrowed to 150 mln dlrs in May. Exports were 800 mln dlrs against 820 mln in April and 700 mln a year earlier.\n", "1987-06-20")
        XCTAssertEqual(got.first { $0.amount == "700000000" }?.from, "1986-05-01")
    }

    /// A headline figure that the body gives again for the same fact and period is one record, the
    /// body's; a headline figure the body gives differently stays, for the checks.
    func testHeadlineRepeatIsOneRecord() {
        let same = records("FINLAND FEBRUARY TRADE SURPLUS 641 MLN MARKKA\nHELSINKI, March 23 - Finland had a 641 mln markka trade surplus in February, the board said.\n", "1987-03-23")
        XCTAssertEqual(same.map(\.amount), ["641000000"])
        let differs = records("FINLAND FEBRUARY TRADE SURPLUS 614 MLN MARKKA\nHELSINKI, March 23 - Finland had a 641 mln markka trade surplus in February, the board said.\n", "1987-03-23")
        XCTAssertEqual(differs.map(\.amount), ["614000000", "641000000"])
    }
}
