import Foundation
import XCTest
@testable import TradeFacts
import PCRE2Kit

/// Issue 17, item 13c: a rule with more than 100 groups keeps its matches.
final class RuleBudgetTests: XCTestCase {
    /// A folder with one rule file, loaded after the built-in rules (as `--rules` does).
    func userRules(_ yaml: String) throws -> (folder: String, set: RuleSet) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tradefacts-budget-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        try yaml.write(to: dir.appendingPathComponent("evil.yaml"), atomically: true, encoding: .utf8)
        return (dir.path, try RuleSet.load(extraDirectories: [dir.path]))
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
