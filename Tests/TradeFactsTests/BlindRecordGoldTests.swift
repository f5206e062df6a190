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

    /// A gold record is found by a system record of its flow, amount and currency, even when its
    /// period is wrong; the period is then scored as a field of the found record, and the record
    /// is not right in every field.
    func testFoundRecordsAreScoredApartFromTheirFields() throws {
        let gold: [[String: String]] = [
            ["reporter": "Canada", "flow": "exports", "amount": "100", "currency": "CAD", "period": "1986-01-01..1986-12-31"],
            ["reporter": "Canada", "flow": "imports", "amount": "80", "currency": "CAD", "period": "1986-01-01..1986-12-31"],
        ]
        func record(_ fields: [String: String]) -> JSONValue { .object(fields.map { ($0.key, JSONValue.string($0.value)) }.sorted { $0.0 < $1.0 }) }
        let system = [
            record(["reporter": "Canada", "flow": "exports", "amount": "100", "currency": "CAD", "period": "1985-01-01..1985-12-31"]),
            record(["reporter": "Canada", "flow": "exports", "amount": "80", "currency": "CAD", "period": "1986-01-01..1986-12-31"]),
        ]
        let r = RecordScorer.score(system: system, gold: gold, source: "t", fields: BlindRecordEval.fields)
        XCTAssertEqual(r.found.tp, 1)  // exports 100: found, period wrong
        XCTAssertEqual(r.found.fn, 1)  // imports 80: the system's 80 is exports, not found
        XCTAssertEqual(r.found.fp, 1)
        XCTAssertEqual(r.paired, 1)
        XCTAssertEqual(r.periodRight, 0)
        XCTAssertEqual(r.agreeing["reporter"], 1)
        XCTAssertEqual(r.records.tp, 0)  // no record right in every field
    }
}
