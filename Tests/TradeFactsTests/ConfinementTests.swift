import Foundation
import XCTest
@testable import TradeFacts

/// Confinement (issue 17, "Hardening, round two"): what a walk of a folder and a configuration
/// file may reach, and how bad rule files are reported. Each test failed before its fix.
final class ConfinementTests: XCTestCase {
    /// A fresh folder tree: each entry of `files` is a path relative to it and its contents; a
    /// path ending in `/` is a folder.
    func tree(_ files: [String: String]) throws -> URL {
        let top = TestScratch.folder("confine")
        for (path, contents) in files.sorted(by: { $0.key < $1.key }) {
            let url = top.appendingPathComponent(path)
            if path.hasSuffix("/") {
                try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            } else {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try contents.write(to: url, atomically: true, encoding: .utf8)
            }
        }
        return top
    }

    func link(_ top: URL, _ path: String, to target: String) throws {
        try FileManager.default.createSymbolicLink(atPath: top.appendingPathComponent(path).path, withDestinationPath: target)
    }

    func documents(_ jsonl: String) -> [[String: Any]] {
        jsonl.split(separator: "\n").compactMap { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any] }
    }

    /// A `--rules` folder that gives a built-in definition again as a pattern that does not compile
    /// exits 2 with the definition's file:line:column and PCRE2's message (it exited 1 with
    /// "Error: missing closing parenthesis"); invalid UTF-8 in a rule file is reported at its line
    /// and column (it said line 0), naming the byte and nothing else of the file.
    func testBadRuleFilesExitTwoWithTheirPlace() throws {
        let top = try tree(["rules/dates.yaml": "definitions:\n  month: '(?:jan'\n"])
        let rules = top.appendingPathComponent("rules").path
        let r = try CLI.run(["extract", "--rules", rules, "-"], stdin: "Exports rose in March 2025.")
        XCTAssertEqual(r.status, 2, r.stderr)
        XCTAssertTrue(r.stderr.contains("\(rules)/dates.yaml:2:10: error: definition 'month' does not compile: missing closing parenthesis"), r.stderr)

        try FileManager.default.removeItem(atPath: rules + "/dates.yaml")
        let bytes = Array("type: money\nrules:\n  - id: x\n    description: 'secret caf".utf8) + [0xE9] + Array("'\n    pattern: abc\n".utf8)
        try Data(bytes).write(to: URL(fileURLWithPath: rules + "/latin.yaml"))
        let utf = try CLI.run(["extract", "--rules", rules, "-"], stdin: "x")
        XCTAssertEqual(utf.status, 2, utf.stderr)
        XCTAssertTrue(utf.stderr.contains("\(rules)/latin.yaml:4:29: error: rule file is not valid UTF-8 (byte 0xE9)"), utf.stderr)
        XCTAssertFalse(utf.stderr.contains("secret"), utf.stderr)
    }
}
