import Foundation
import XCTest
@testable import TradeFacts
import TradeFactsEval

/// The blind Reuters record gold (`eval/gold/reuters-records`) loads and the scorer runs on every
/// story. The score itself is not asserted: it is a measurement, not a contract.
final class BlindRecordGoldTests: XCTestCase {
    let goldDirectory = Fixtures.packageRoot.appendingPathComponent("eval/gold/reuters-records").path

    func testGoldIsWellFormed() throws {
        let gold = try BlindRecordEval.loadGold(directory: goldDirectory)
        XCTAssertEqual(gold.count, 40)
        XCTAssertEqual(Set(gold.map(\.id)).count, 40)
        for g in gold {
            XCTAssertEqual("\(g.id).yaml", g.file)
            XCTAssertNotNil(g.date, g.file)
            XCTAssertTrue(g.sgml.hasPrefix("reut2-0") && g.sgml.hasSuffix(".sgm"), g.file)
            for r in g.records {
                for f in ["reporter", "flow", "amount", "period"] { XCTAssertFalse(r[f, default: ""].isEmpty, "\(g.file): \(f) missing in \(r)") }
                XCTAssertTrue(["exports", "imports", "trade surplus", "trade deficit", "total trade"].contains(r["flow"] ?? ""), "\(g.file): \(r)")
                XCTAssertNotNil(Decimal(string: r["amount"] ?? ""), "\(g.file): \(r)")
                let ends = (r["period"] ?? "").components(separatedBy: "..")
                XCTAssertEqual(ends.count, 2, "\(g.file): \(r)")
                XCTAssertTrue(ends.allSatisfy { CalendarDate(iso: $0) != nil } && ends[0] <= ends[1], "\(g.file): \(r)")
                XCTAssertTrue(Set(r.keys).isSubset(of: BlindRecordEval.fields), "\(g.file): a field the scorer does not compare: \(r)")
            }
        }
    }

    func testScorerScoresEveryStory() throws {
        guard let shared = Fixtures.shared else { throw XCTSkip("../shared is absent") }
        let reuters = shared.appendingPathComponent("data/reuters21578").path
        guard FileManager.default.fileExists(atPath: reuters) else { throw XCTSkip("Reuters-21578 absent from ../shared") }
        let gold = try BlindRecordEval.loadGold(directory: goldDirectory)
        let result = try BlindRecordEval.run(gold: gold, reuters: reuters, engine: Fixtures.engine)
        XCTAssertEqual(result.unscored, [])
        XCTAssertEqual(result.stories.map(\.id), gold.map(\.id))
        XCTAssertEqual(result.total.articles, gold.count)
        for (s, g) in zip(result.stories, gold) {
            XCTAssertEqual(s.gold, g.records.count)
            // Every gold record is either right or missed, every system record right or spurious.
            XCTAssertEqual(s.result.records.tp + s.result.records.fn, s.gold, s.id)
            XCTAssertEqual(s.result.records.tp + s.result.records.fp, s.system, s.id)
        }
    }
}
