import Foundation
import XCTest
@testable import TradeFacts
import PCRE2Kit

/// Issue 17, items 6 and 13c: the total work of one user rule on one document is bounded (a budget
/// of steps across all its start positions), and a rule with more than 100 groups keeps its matches.
final class RuleBudgetTests: XCTestCase {
    /// A folder with one rule file, loaded after the built-in rules (as `--rules` does).
    func userRules(_ yaml: String) throws -> (folder: String, set: RuleSet) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tradefacts-budget-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        try yaml.write(to: dir.appendingPathComponent("evil.yaml"), atomically: true, encoding: .utf8)
        return (dir.path, try RuleSet.load(extraDirectories: [dir.path]))
    }

    static let opening = "Exports rose 5% to $5 million in 2024.\n"
    static let closing = "\nImports were $3 million.\n"
    static let builtInMentions = ["rose 5%", "$5 million", "2024", "$3 million"]

    /// Runs the engine with a small budget; returns the warnings and the mentions' texts and rules.
    /// With `stopped`, asserts that exactly one warning starts with it and that the run was quick.
    func run(_ set: RuleSet, _ text: String, budget: RuleBudget, stopped: String? = nil,
             file: StaticString = #filePath, line: UInt = #line) throws -> (warnings: [String], texts: [String], rules: [String]) {
        let engine = try Engine(ruleSet: set, ruleBudget: budget)
        let start = Date()
        let result = engine.process(Document(id: "hostile-story", text: text), scratch: MatchScratch())
        let mentions = result.extraction?.mentions ?? []
        XCTAssertEqual(result.documentID, "hostile-story", file: file, line: line)
        if let stopped {
            XCTAssertEqual(result.warnings.filter { $0.hasPrefix(stopped) }.count, 1, "\(result.warnings)", file: file, line: line)
            XCTAssertLessThan(Date().timeIntervalSince(start), 20, file: file, line: line)
        }
        return (result.warnings, mentions.map(\.text), mentions.map(\.rule))
    }

    func testNestedQuantifierRuleIsStoppedByItsWorkBudget() throws {
        // Each 16-letter word costs (a+)+ tens of thousands of steps at each of its start
        // positions, far below the match limit (which PCRE2 counts per start position): before the
        // budget, 380 KB of such words took 33 s with no warning.
        let (_, set) = try userRules("""
            type: number
            rules:
              - id: evil.nested
                pattern: '(a+)+(?<v>[0-9])'
                fields: { value: v }
            """)
        let text = Self.opening + "Code aa7.\n" + String(repeating: String(repeating: "a", count: 16) + " ", count: 3_000) + Self.closing
        let r = try run(set, text, budget: RuleBudget(base: 2_000_000, perByte: 0),
                        stopped: "rule evil.nested: work budget of 2000000 steps for this document used up at line 3")
        // The rule's match found before the budget ran out is kept, and so is every other rule's mention.
        XCTAssertEqual(r.texts, ["rose 5%", "$5 million", "2024", "aa7", "$3 million"])
        XCTAssertEqual(r.rules[3], "evil.nested")
    }

    /// The same budget bounds a user's statement rule (run over each sentence with a figure) and a
    /// user's trigger that is a pattern rather than a literal: spent, the statement rule stops for
    /// the document with a warning naming it; a spent trigger lets its rules search the whole text.
    /// The built-in statements and mentions are kept.
    func testStatementRuleAndTriggerAreStoppedByTheirWorkBudget() throws {
        let (_, set) = try userRules("""
            statements:
              - id: statement.evil
                pattern: '(?<value>{{slot:money}})(?:\\s(a+)+)+[0-9]'
            type: number
            rules:
              - id: evil.triggered
                pattern: 'zzq(?<v>[0-9])'
                trigger: '(?:(a+)+)+[0-9]'
                fields: { value: v }
            """)
        let words = String(repeating: String(repeating: "a", count: 16) + " ", count: 2_000)
        let text = "Exports rose 5% in 2024 to $5 million " + words + "zzq7.\n" + Self.closing
        let budget = RuleBudget(base: 2_000_000, perByte: 0)
        let engine = try Engine(ruleSet: set, ruleBudget: budget)
        let start = Date()
        let result = engine.process(Document(id: "hostile-story", text: text), scratch: MatchScratch())
        XCTAssertLessThan(Date().timeIntervalSince(start), 20)
        XCTAssertEqual(result.warnings.filter { $0.hasPrefix("rule statement.evil: work budget of 2000000 steps for this document used up at line 1") }.count, 1, "\(result.warnings)")
        let texts = (result.extraction?.mentions ?? []).map(\.text)
        XCTAssertTrue(texts.contains("$5 million") && texts.contains("$3 million"), "\(texts)")
        XCTAssertTrue(texts.contains("zzq7"), "the trigger's rule still ran (over the whole text): \(texts)")
    }

    func testLongLookaheadRuleIsStoppedByItsWorkBudget() throws {
        // Each start position scans up to 64 KiB ahead and backtracks over it: 4 s per 150 KB before.
        let (_, set) = try userRules(#"""
            type: number
            rules:
              - id: evil.lookahead
                pattern: '(?=[\s\S]{0,65535}QQ)'
            """#)
        let text = Self.opening + String(repeating: "a", count: 30_000) + Self.closing
        let r = try run(set, text, budget: RuleBudget(base: 1_000_000, perByte: 0),
                        stopped: "rule evil.lookahead: work budget of 1000000 steps for this document used up at line 1, column ")
        XCTAssertEqual(r.texts, Self.builtInMentions)
    }

    func testBudgetIsPerDocumentAndPerRuleAndDeterministic() throws {
        let (_, set) = try userRules(#"""
            type: number
            rules:
              - id: evil.lookahead
                pattern: '(?=[\s\S]{0,65535}QQ)'
              - id: fine.digits
                pattern: '(?<v>[0-9]+)'
                fields: { value: v }
                latent: true
            """#)
        let text = Self.opening + String(repeating: "a", count: 20_000) + Self.closing
        let budget = RuleBudget(base: 500_000, perByte: 0)
        let first = try run(set, text, budget: budget, stopped: "rule evil.lookahead: work budget"), second = try run(set, text, budget: budget)
        // The same place every time: the budget counts steps, not time.
        XCTAssertEqual(first.warnings, second.warnings)
        // A document the rule has no trouble with does not inherit the last one's spent budget.
        let plain = try run(set, "Imports were $3 million in QQ.\n", budget: budget)
        XCTAssertEqual(plain.warnings, [])
    }

    func testDefaultBudgetStopsAHostileRuleThroughTheCLI() throws {
        let (folder, _) = try userRules("""
            type: number
            rules:
              - id: evil.nested
                pattern: '(a+)+[0-9]'
            """)
        let text = Self.opening + String(repeating: String(repeating: "a", count: 18) + " ", count: 2_000) + Self.closing
        let article = try CLI.temp("nested.txt", text)
        let start = Date()
        let run = try CLI.run(["extract", "--rules", folder, "--format", "jsonl", article])
        XCTAssertLessThan(Date().timeIntervalSince(start), 30)
        XCTAssertEqual(run.status, 0, run.stderr)
        let doc = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
        XCTAssertEqual(doc["document"] as? String, article)
        let warnings = doc["warnings"] as? [String] ?? []
        XCTAssertTrue(warnings.contains { $0.hasPrefix("rule evil.nested: work budget of ") && $0.contains("line 2") }, "\(warnings)")
        XCTAssertEqual((doc["mentions"] as! [[String: Any]]).compactMap { $0["text"] as? String }, Self.builtInMentions)
    }

    func testRuleWithMoreThanAHundredGroupsKeepsItsMatches() throws {
        // The value is group 120; the match data had room for 100 groups, so PCRE2 left it unset and
        // the mention was dropped without a word.
        let pattern = String(repeating: "(x)?", count: 119) + "(?<v>[0-9]+)" + String(repeating: "(y)?", count: 30)
        let (_, set) = try userRules("type: number\nrules:\n  - id: many.groups\n    pattern: '\(pattern)'\n    fields: { value: v }\n")
        let ex = try Extractor(ruleSet: set, keepLatent: true).extract(Document(id: "t", text: "Exports 42."), scratch: MatchScratch())
        let mine = ex.mentions.filter { $0.rule == "many.groups" }
        XCTAssertEqual(mine.map(\.text), ["42"])
        XCTAssertEqual(mine.first?.numericValue, 42)
        XCTAssertTrue(ex.diagnostics.isEmpty, "\(ex.diagnostics)")
        // At the PCRE2 level: every group of a 300-group pattern is reported.
        let wide = try Pattern(String(repeating: "(a)", count: 300))
        let groups = try wide.allMatches(in: String(repeating: "a", count: 300))
        XCTAssertEqual(groups.first?.count, 301)
        XCTAssertEqual(groups.first?.last ?? nil, 299..<300)
    }
}
