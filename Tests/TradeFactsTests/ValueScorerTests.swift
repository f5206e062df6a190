import XCTest
@testable import TradeFacts
import TradeFactsEval

/// The value scorer's conventions for what the briefs leave unsaid: a day word alone ("yesterday")
/// is scored in a set whose gold tags one and counted apart in a set whose gold tags none.
final class ValueScorerTests: XCTestCase {
    private func scoreSet(goldPeriods: String) throws -> ValueScorer.Result {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("value-scorer-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let text = "Exports rose 5 pct in March, the ministry said yesterday.\n"
        try text.write(toFile: "\(dir)/a.txt", atomically: true, encoding: .utf8)
        let gold = """
            referenceDate: "2025-04-10"
            percent:
              - {text: "5 pct", value: "5", kind: change}
            periods:
              - {text: "March", from: "2025-03-01", to: "2025-03-31"}
            \(goldPeriods)
            """
        try gold.write(toFile: "\(dir)/a.gold.yaml", atomically: true, encoding: .utf8)
        return try ValueScorer.run(directory: dir, engine: Fixtures.engine, dateFromGold: true)
    }

    func testDayWordsAreNotScoredWhereTheGoldTagsNone() throws {
        let r = try scoreSet(goldPeriods: "")
        XCTAssertEqual(r.dayWords, 1)
        XCTAssertEqual(r.scores[.periods]?.tp, 1)
        XCTAssertEqual(r.scores[.periods]?.fp, 0)
    }

    func testDayWordsAreScoredWhereTheGoldTagsThem() throws {
        // Tagged with the right day: found.
        let found = try scoreSet(goldPeriods: "  - {text: \"yesterday\", from: \"2025-04-09\", to: \"2025-04-09\"}")
        XCTAssertEqual(found.dayWords, 0)
        XCTAssertEqual(found.scores[.periods]?.tp, 2)
        // Tagged with another day: a miss and an extra, as any period.
        let wrong = try scoreSet(goldPeriods: "  - {text: \"yesterday\", from: \"2025-04-08\", to: \"2025-04-08\"}")
        XCTAssertEqual(wrong.scores[.periods]?.fn, 1)
        XCTAssertEqual(wrong.scores[.periods]?.fp, 1)
    }

    func testDayWordText() {
        XCTAssertTrue(ValueScorer.isDayWord("Yesterday"))
        XCTAssertFalse(ValueScorer.isDayWord("yesterday's session"))
        XCTAssertFalse(ValueScorer.isDayWord("the week to yesterday"))
    }

    func testTheWeekendIsScoredOnlyWhereTheGoldTagsOne() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("value-scorer-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "Talks over the weekend failed, and exports rose 5 pct in March.\n".write(toFile: "\(dir)/a.txt", atomically: true, encoding: .utf8)
        let gold = """
            referenceDate: "2025-04-10"
            periods:
              - {text: "March", from: "2025-03-01", to: "2025-03-31"}
            """
        try gold.write(toFile: "\(dir)/a.gold.yaml", atomically: true, encoding: .utf8)
        var r = try ValueScorer.run(directory: dir, engine: Fixtures.engine, dateFromGold: true)
        XCTAssertEqual(r.weekdays, 1)
        XCTAssertEqual(r.scores[.periods]?.fp, 0)
        try (gold + "\n  - {text: \"the weekend\", from: \"2025-04-05\", to: \"2025-04-06\"}\n").write(toFile: "\(dir)/a.gold.yaml", atomically: true, encoding: .utf8)
        r = try ValueScorer.run(directory: dir, engine: Fixtures.engine, dateFromGold: true)
        XCTAssertEqual(r.weekdays, 0)
        XCTAssertEqual(r.scores[.periods]?.tp, 2)
    }
}
