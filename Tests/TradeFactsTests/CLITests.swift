import Foundation
import XCTest
@testable import TradeFacts

/// The command-line contract: output shapes and exit codes.
final class CLITests: XCTestCase {
    static var binary: URL? {
        var candidates = [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()]
        for b in Bundle.allBundles { candidates.append(b.bundleURL.deletingLastPathComponent()) }
        candidates.append(Fixtures.packageRoot.appendingPathComponent(".build/debug"))
        return candidates.map { $0.appendingPathComponent("tradefacts") }.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    struct Run { let status: Int32; let stdout: String; let stderr: String }

    func run(_ args: [String], stdin: String? = nil) throws -> Run {
        guard let binary = Self.binary else { throw XCTSkip("tradefacts binary not built") }
        let p = Process()
        p.executableURL = binary
        p.arguments = args
        p.currentDirectoryURL = Fixtures.packageRoot
        let out = Pipe(), err = Pipe(), input = Pipe()
        p.standardOutput = out; p.standardError = err; p.standardInput = input
        try p.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Run(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    func temp(_ name: String, _ contents: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tradefacts-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try contents.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    let consistent = "Exports up\nMarch 5, 2024\nIn the first two months of this year, Guangdong exported steel worth $5 million, up 3% year-on-year.\n"
    let contradictory = "Exports up\nMarch 5, 2024\nGuangdong exports rose in the first half of this year.\nIn the first half of 2022, Guangdong exported steel worth $5 million, up 3%.\n"

    func testExtractJSONContract() throws {
        let r = try run(["extract", try temp("a.txt", consistent)])
        XCTAssertEqual(r.status, 0, r.stderr)
        let obj = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(Set(obj.keys).isSuperset(of: ["document", "referenceDate", "mentions", "records", "findings"]), true)
        XCTAssertEqual(obj["referenceDate"] as? String, "2024-03-05")
        let money = try XCTUnwrap((obj["mentions"] as? [[String: Any]])?.first { $0["type"] as? String == "money" })
        for key in ["text", "start", "end", "line", "column", "rule", "amount", "currency"] { XCTAssertNotNil(money[key], key) }
        XCTAssertEqual((obj["records"] as? [Any])?.count, 1)
    }

    func testExtractJSONLinesFromStdinWithDate() throws {
        let r = try run(["extract", "--format", "jsonl", "--date", "2025-10-03", "-"], stdin: "Exports rose 5% last year.")
        XCTAssertEqual(r.status, 0)
        let lines = r.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 1)
        let obj = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        XCTAssertEqual(obj["document"] as? String, "-")
        XCTAssertEqual(obj["referenceDate"] as? String, "2025-10-03")
    }

    func testCheckExitCodes() throws {
        XCTAssertEqual(try run(["check", try temp("ok.txt", consistent)]).status, 0)
        let bad = try run(["check", try temp("bad.txt", contradictory)])
        XCTAssertEqual(bad.status, 1)
        XCTAssertTrue(bad.stdout.contains("bad.txt:4:4: error:"), bad.stdout)
        XCTAssertTrue(bad.stdout.contains("[period-year-contradiction]"))
        XCTAssertTrue(bad.stdout.contains("^~~~"))
        let json = try run(["check", "--format", "json", try temp("bad.txt", contradictory)])
        XCTAssertEqual(json.status, 1)
        let arr = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        let f = try XCTUnwrap((arr.first?["findings"] as? [[String: Any]])?.first)
        for key in ["check", "severity", "message", "line", "column", "start", "end", "text", "related"] { XCTAssertNotNil(f[key], key) }
    }

    func testUsageAndRuleErrorsExitTwo() throws {
        XCTAssertEqual(try run(["extract", "--date", "2025-02-30", "-"], stdin: "").status, 2)
        XCTAssertEqual(try run(["frobnicate"]).status, 2)
        let ruleFile = try temp("bad.yaml", "type: money\nrules:\n  - id: x\n    pattern: '(unclosed'\n")
        let dir = URL(fileURLWithPath: ruleFile).deletingLastPathComponent().path
        let r = try run(["check", "--rules", dir, "-"], stdin: "text")
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("bad.yaml:4:"), r.stderr)
    }

    func testUnreadableInputExitsThreeAndOthersStillProcessed() throws {
        let good = try temp("good.txt", contradictory)
        let r = try run(["extract", "--format", "jsonl", "/nonexistent/file.txt", good])
        XCTAssertEqual(r.status, 3)
        let lines = r.stdout.split(separator: "\n").map { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        XCTAssertEqual(lines.count, 2, "every input accounted for")
        XCTAssertTrue((lines[0]?["error"] as? String)?.contains("no such file") ?? false)
        XCTAssertEqual((lines[1]?["findings"] as? [Any])?.count, 1)
    }

    func testRulesTestCommandPasses() throws {
        let r = try run(["rules", "test"])
        XCTAssertEqual(r.status, 0, r.stdout)
        XCTAssertTrue(r.stdout.contains(" 0 failed"))
    }
}
