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
}
