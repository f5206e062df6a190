import Foundation
import XCTest
@testable import TradeFacts
import TradeFactsEval

/// Rule files written by users: catastrophic patterns are stopped, malformed or oversized files
/// are errors with file:line, YAML bombs are refused before anything is expanded, and a rule can
/// only match text.
final class HostileRuleTests: XCTestCase {
    func ruleFolder(_ files: [String: String]) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tradefacts-rules-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        for (name, text) in files { try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return dir.path
    }

    func load(_ text: String, file: String = "hostile.yaml") -> Result<RuleSet, Error> {
        Result { try RuleSet(sources: [[RuleSet.RuleSource(path: file, text: text)]]) }
    }

    func assertRejected(_ text: String, line: Int, containing fragment: String, file: StaticString = #filePath, sourceLine: UInt = #line) {
        let start = Date()
        switch load(text) {
        case .success: XCTFail("loaded, but should have been rejected", file: file, line: sourceLine)
        case .failure(let error):
            let e = error as? RuleError
            XCTAssertEqual(e?.line, line, "\(error)", file: file, line: sourceLine)
            XCTAssertTrue("\(error)".hasPrefix("hostile.yaml:\(line):"), "\(error)", file: file, line: sourceLine)
            XCTAssertTrue("\(error)".contains(fragment), "\(error)", file: file, line: sourceLine)
        }
        XCTAssertLessThan(Date().timeIntervalSince(start), 10, file: file, line: sourceLine)
    }

    func testCatastrophicBacktrackingIsStoppedAndReportedThroughTheCLI() throws {
        let rules = try ruleFolder(["evil.yaml": """
            type: number
            rules:
              - id: evil.backtrack
                pattern: '(a+)+$'
              - id: evil.backtrack-unlimited
                pattern: '(*LIMIT_MATCH=4000000000)(*NO_JIT)(?:(a|aa)+)+$'
            """])
        let text = "Exports rose 5% to $5 million in 2024. " + String(repeating: "a", count: 5_000) + "!\nImports were $3 million.\n"
        let article = try CLI.temp("story.txt", text)
        let start = Date()
        let run = try CLI.run(["extract", "--rules", rules, "--format", "jsonl", article])
        XCTAssertLessThan(Date().timeIntervalSince(start), 60)
        XCTAssertEqual(run.status, 0, run.stderr)
        let doc = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
        XCTAssertEqual(doc["document"] as? String, article)
        let warnings = doc["warnings"] as? [String] ?? []
        for id in ["evil.backtrack", "evil.backtrack-unlimited"] {
            XCTAssertTrue(warnings.contains { $0.hasPrefix("rule \(id): ") && $0.contains("limit") }, "\(id): \(warnings)")
        }
        let texts = (doc["mentions"] as! [[String: Any]]).compactMap { $0["text"] as? String }
        XCTAssertEqual(texts, ["rose 5%", "$5 million", "2024", "$3 million"])
        // check reports the same on standard error and keeps the document's findings.
        let check = try CLI.run(["check", "--rules", rules, article])
        XCTAssertTrue((check.stdout + check.stderr).contains("evil.backtrack"), check.stdout + check.stderr)
    }

    func testBrokenRuleFilesThroughTheCLIExitTwoWithFileAndLine() throws {
        let cases: [(String, String)] = [
            ("type: money\nrules:\n  - id: x.bad\n    pattern: '(unclosed'\n", ":4:"),
            ("type: money\nrules:\n  - id: x.bad\n    pattern: 'a'\n    colour: red\n", ":5:"),
            ("type: money\nrules:\n  - id: x.bad\n    pattern: 'a'\n    priority: high\n", ":5:"),
            ("type: money\nrules:\n  - id: x.a\n    pattern: 'a'\n  - id: x.a\n    pattern: 'b'\n", ":5:"),
            ("type: money\nrules:\n  - id: x.bad\n    pattern: 'a'\n    fields: { amount: nope }\n", ":5:"),
            ("type: money\nrules: [*boom]\n", ":2:"),
        ]
        for (yaml, location) in cases {
            let rules = try ruleFolder(["bad.yaml": yaml])
            let run = try CLI.run(["extract", "--rules", rules, "-"], stdin: "Exports were $5 million.")
            XCTAssertEqual(run.status, 2, yaml)
            XCTAssertTrue(run.stderr.contains("bad.yaml\(location)") && run.stderr.contains("error:"), "\(yaml)\n\(run.stderr)")
        }
    }

    func testAnchorsAndAliasesCannotBeSmuggledIn() {
        let bomb = (1...9).map { i in "l\(i): &l\(i) [" + Array(repeating: "*l\(i - 1)", count: 9).joined(separator: ",") + "]" }
        assertRejected("l0: &l0 \"lol\"\n" + bomb.joined(separator: "\n") + "\n", line: 1, containing: "anchors and aliases")
        // Spellings a line scan could miss; libyaml's own parser sees them all.
        assertRejected("type: money\nrules: [{id: a.b, pattern: x},*a]\n", line: 2, containing: "alias")
        assertRejected("type: money\ndescription: 'it''s\n  fine' \nrules: !!seq &a [ ]\n", line: 4, containing: "anchor")
        assertRejected("type: money\nrules:\n- {id: a.b,\tpattern: &p x}\n", line: 3, containing: "anchor")
        assertRejected("type: money\ndescription: \"multi\n  line\" \nx: [\"q\",*z]\n", line: 4, containing: "alias")
        assertRejected("? &k key\n: value\n", line: 1, containing: "anchor")
        assertRejected("%YAML 1.1\n---\n!!map &m {a: 1}\n", line: 3, containing: "anchor")
        // Quoted text that merely looks like an anchor is fine.
        if case .failure(let e) = load("type: money\ndescription: 'see &this and *that'\nrules: []\n") { XCTFail("\(e)") }
    }

    func testDeepNestingIsRejectedBeforeComposing() {
        // libyaml stops at 1000 levels itself; the loader's own limit is 64.
        assertRejected(String(repeating: "[", count: 200_000) + String(repeating: "]", count: 200_000), line: 1, containing: "nest")
        assertRejected(String(repeating: "[", count: 100) + String(repeating: "]", count: 100), line: 1, containing: "nested more than 64")
        assertRejected("a:\n" + (1...80).map { String(repeating: " ", count: $0) + "b:\n" }.joined() + String(repeating: " ", count: 81) + "c: 1\n",
                       line: 65, containing: "nested more than 64")
    }

    func testDefinitionBombHugePatternAndHugeLexicon() {
        // Each definition uses the previous one twice: 2^12 copies once expanded.
        var defs = ["d0: '" + String(repeating: "abcdefghij", count: 30) + "'"]
        for i in 1...12 { defs.append("d\(i): '{{d\(i - 1)}}|{{d\(i - 1)}}'") }
        let bomb = "type: money\ndefinitions:\n" + defs.map { "  " + $0 }.joined(separator: "\n") + "\nrules:\n  - id: x.bomb\n    pattern: '{{d12}}'\n"
        assertRejected(bomb, line: 18, containing: "expands to more than")

        let huge = "type: money\nrules:\n  - id: x.huge\n    pattern: '" + (0..<200_000).map { "w\($0)" }.joined(separator: "|") + "'\n"
        assertRejected(huge, line: 4, containing: "expands to more than")

        let lexicon = "lexicon: big\nentries:\n  x:\n" + (0..<100_000).map { "    - phrase\($0)\n" }.joined()
        let rule = "type: money\nrules:\n  - id: x.lex\n    pattern: '{{lexicon:big}}'\n"
        let start = Date()
        do {
            _ = try RuleSet(sources: [[RuleSet.RuleSource(path: "big.yaml", text: lexicon), RuleSet.RuleSource(path: "hostile.yaml", text: rule)]])
            XCTFail("a 1.5 MB alternation should be refused")
        } catch {
            XCTAssertTrue("\(error)".hasPrefix("hostile.yaml:4:"), "\(error)")
        }
        XCTAssertLessThan(Date().timeIntervalSince(start), 30)
    }

    func testOversizedRuleFileIsRefusedWithItsName() throws {
        let rules = try ruleFolder(["big.yaml": "type: money\nrules: []\n# " + String(repeating: "x", count: 5 << 20) + "\n"])
        let run = try CLI.run(["rules", "list", "--rules", rules])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("big.yaml") && run.stderr.contains("larger than 4 MiB"), run.stderr)
    }

    func testRulesCanOnlyMatch() throws {
        // \C (one byte in UTF mode) is refused; callouts have no function to call; a pattern cannot raise the match limit.
        assertRejected("type: number\nrules:\n  - id: x.c\n    pattern: 'a\\C'\n", line: 4, containing: "does not compile")
        let set = try load("type: number\nrules:\n  - id: x.callout\n    pattern: '(?C1)(?<v>[0-9]+)(?C\"cat /etc/passwd\")'\n    fields: { value: v }\n").get()
        let doc = Document(id: "t", text: "Exports 42.")
        let extractor = try Extractor(ruleSet: set, keepLatent: true)
        let ex = extractor.extract(doc, scratch: .init())
        XCTAssertEqual(ex.mentions.map(\.text), ["42"])
        XCTAssertTrue(ex.diagnostics.isEmpty)
        // A pattern with a file path or an include-like verb is just text to match.
        let set2 = try load("type: number\nrules:\n  - id: x.path\n    pattern: '(*UTF)(*CR)(?<v>/etc/passwd)'\n    fields: { value: v }\n").get()
        XCTAssertTrue(try Extractor(ruleSet: set2, keepLatent: true).extract(doc, scratch: .init()).mentions.isEmpty)
    }

    /// Every group named after a TIMEX3 part is read, none crashes the loader: a user's rule may
    /// mark a period and the day it ended with `timexOwn` and `timexEndDay`.
    func testEveryTimexPartGroupIsAField() throws {
        let set = try load("type: period\nrules:\n  - id: x.own\n    pattern: '(?<timexOwn>the\\s+first\\s+quarter)\\s+ended\\s+(?<timexEndDay>January\\s+31)'\n"
            + "    set: { quarter: \"1\" }\n").get()
        let doc = Document(id: "t", text: "The first quarter ended January 31 was weak.", referenceDate: CalendarDate(year: 1987, month: 3, day: 1))
        let ex = try Extractor(ruleSet: set, keepLatent: true).extract(doc, scratch: .init())
        XCTAssertEqual(ex.mentions.first?.timexParts.map(\.kind), [.own, .endDay])
    }
}
