import XCTest
import Foundation
@testable import TradeFacts
import TradeFactsEval

/// The value scorer's agreement rule: a gold value written rounded agrees with the exact value it
/// rounds, and with nothing further off.
final class ValueScorerTests: XCTestCase {
    private func score(_ text: String, gold: String) throws -> ValueScorer.Result {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("value-scorer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try text.write(to: dir.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        try gold.write(to: dir.appendingPathComponent("a.gold.yaml"), atomically: true, encoding: .utf8)
        return try ValueScorer.run(directory: dir.path, engine: Fixtures.engine)
    }

    func testARoundedGoldValueAgreesWithTheValueItRounds() throws {
        let text = "The bank owns 66-2/3 pct of the company and 33-1/3 pct of the rest.\n"
        var r = try score(text, gold: "referenceDate: \"1987-06-18\"\npercent:\n  - {text: \"66-2/3 pct\", value: \"66.67\", kind: share}\n  - {text: \"33-1/3 pct\", value: \"33.33\", kind: share}\n")
        XCTAssertEqual(r.scores[.percent]?.tp, 2)
        // A gold value of one decimal place, or one off by more than half its last unit, does not.
        r = try score(text, gold: "referenceDate: \"1987-06-18\"\npercent:\n  - {text: \"66-2/3 pct\", value: \"66.7\", kind: share}\n  - {text: \"33-1/3 pct\", value: \"33.34\", kind: share}\n")
        XCTAssertEqual(r.scores[.percent]?.tp, 0)
    }
}
