import Foundation
import XCTest
@testable import TradeFacts
import TradeFactsEval

/// The command-line contract: output shapes and exit codes.
final class CLITests: XCTestCase {
    let consistent = "Exports up\nMarch 5, 2024\nIn the first two months of this year, Guangdong exported steel worth $5 million, up 3% year-on-year.\n"
    let contradictory = "Exports up\nMarch 5, 2024\nGuangdong exports rose in the first half of this year.\nIn the first half of 2022, Guangdong exported steel worth $5 million, up 3%.\n"

    func testExtractJSONContract() throws {
        let r = try CLI.run(["extract", try CLI.temp("a.txt", consistent)])
        XCTAssertEqual(r.status, 0, r.stderr)
        let obj = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(Set(obj.keys).isSuperset(of: ["document", "referenceDate", "mentions", "records", "findings"]), true)
        XCTAssertEqual(obj["referenceDate"] as? String, "2024-03-05")
        let money = try XCTUnwrap((obj["mentions"] as? [[String: Any]])?.first { $0["type"] as? String == "money" })
        for key in ["text", "start", "end", "line", "column", "rule", "amount", "currency"] { XCTAssertNotNil(money[key], key) }
        XCTAssertEqual((obj["records"] as? [Any])?.count, 1)
    }

    func testExtractJSONLinesFromStdinWithDate() throws {
        let r = try CLI.run(["extract", "--format", "jsonl", "--date", "2025-10-03", "-"], stdin: "Exports rose 5% last year.")
        XCTAssertEqual(r.status, 0)
        let lines = r.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 1)
        let obj = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        XCTAssertEqual(obj["document"] as? String, "-")
        XCTAssertEqual(obj["referenceDate"] as? String, "2025-10-03")
    }

    func testCheckExitCodes() throws {
        XCTAssertEqual(try CLI.run(["check", try CLI.temp("ok.txt", consistent)]).status, 0)
        let bad = try CLI.run(["check", try CLI.temp("bad.txt", contradictory)])
        XCTAssertEqual(bad.status, 1)
        XCTAssertTrue(bad.stdout.contains("bad.txt:4:4: error:"), bad.stdout)
        XCTAssertTrue(bad.stdout.contains("[period-year-contradiction]"))
        XCTAssertTrue(bad.stdout.contains("^~~~"))
        let json = try CLI.run(["check", "--format", "json", try CLI.temp("bad.txt", contradictory)])
        XCTAssertEqual(json.status, 1)
        let arr = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        let f = try XCTUnwrap((arr.first?["findings"] as? [[String: Any]])?.first)
        for key in ["check", "severity", "message", "line", "column", "start", "end", "text", "related"] { XCTAssertNotNil(f[key], key) }
    }

    func testUsageAndRuleErrorsExitTwo() throws {
        XCTAssertEqual(try CLI.run(["extract", "--date", "2025-02-30", "-"], stdin: "").status, 2)
        XCTAssertEqual(try CLI.run(["frobnicate"]).status, 2)
        let ruleFile = try CLI.temp("bad.yaml", "type: money\nrules:\n  - id: x\n    pattern: '(unclosed'\n")
        let dir = URL(fileURLWithPath: ruleFile).deletingLastPathComponent().path
        let r = try CLI.run(["check", "--rules", dir, "-"], stdin: "text")
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("bad.yaml:4:"), r.stderr)
    }

    func testUnreadableInputExitsThreeAndOthersStillProcessed() throws {
        let good = try CLI.temp("good.txt", contradictory)
        let r = try CLI.run(["extract", "--format", "jsonl", "/nonexistent/file.txt", good])
        XCTAssertEqual(r.status, 3)
        let lines = r.stdout.split(separator: "\n").map { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        XCTAssertEqual(lines.count, 2, "every input accounted for")
        XCTAssertTrue((lines[0]?["error"] as? String)?.contains("no such file") ?? false)
        XCTAssertEqual((lines[1]?["findings"] as? [Any])?.count, 1)
    }

    func testRulesTestCommandPasses() throws {
        let r = try CLI.run(["rules", "test"])
        XCTAssertEqual(r.status, 0, r.stdout)
        XCTAssertTrue(r.stdout.contains(" 0 failed"))
    }

    func testRulesProfileStagesOnly() throws {
        let file = Fixtures.packageRoot.appendingPathComponent("Corpus/australia-trade-balance.txt").path
        let r = try CLI.run(["rules", "profile", "--stages-only", file])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.hasPrefix("stages of extract (1 thread) over 1 documents"), r.stdout)
        for stage in Stage.allCases { XCTAssertTrue(r.stdout.contains(stage.label), stage.label) }
        XCTAssertFalse(r.stdout.contains("rules over"), "the per-rule timing is skipped")
    }
}
