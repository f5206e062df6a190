import XCTest
@testable import TradeFacts

/// Rules run only where their triggers occur; that must never change what is extracted.
final class PrefilterTests: XCTestCase {
    func testPrefilterChangesNoMentionInTheCorpusOrTheRuleExamples() throws {
        let dir = Fixtures.packageRoot.appendingPathComponent("Corpus").path
        var documents = try CorpusRunner.documents(in: dir)
        for rule in Fixtures.engine.ruleSet.rules {
            for (i, e) in rule.examples.enumerated() {
                documents.append(Document(id: "\(rule.id) example \(i + 1)", text: e.text, referenceDate: e.referenceDate ?? CalendarDate(iso: "2025-10-03")))
            }
        }
        let r = try PrefilterEval.compare(documents, ruleSet: Fixtures.engine.ruleSet)
        XCTAssertGreaterThan(r.mentions, 500)
        for d in r.differences { XCTFail("\(d.document): \(d.detail)") }
    }

    func testRulesRunOnlyInTheSentencesOfTheirTrigger() throws {
        let set = try RuleSet(sources: [[RuleSet.RuleSource(path: "t.yaml", text: """
            type: count
            trigger: 'ships?'
            rules:
              - id: test.count
                pattern: '(?<n>[0-9]+) (?<of>[a-z]+)'
                fields: { value: n, of: of }
                examples:
                  - text: "5 ships"
                    expect: { value: "5" }
              - id: test.count-everywhere
                trigger: none
                pattern: '(?<n>[0-9]+)(?<of>x)'
                fields: { value: n, of: of }
                examples:
                  - text: "5x"
                    expect: { value: "5" }
            """)]])
        XCTAssertEqual(set.triggerPatterns.count, 1)
        XCTAssertEqual(set.ruleTriggers.map { $0 != nil }, [true, false])
        let text = "It sent 5 ships. It kept 7 boats and 3x. Then 9 cars left."
        let filtered = try Extractor(ruleSet: set).extract(Document(id: "t", text: text)).mentions.map(\.text)
        let full = try Extractor(ruleSet: set, prefilter: false).extract(Document(id: "t", text: text)).mentions.map(\.text)
        // Without a trigger in their sentences, "7 boats" and "9 cars" are not looked for: the
        // trigger here is deliberately narrower than the rule, to show where the rule runs.
        XCTAssertEqual(filtered, ["5 ships", "3x"])
        XCTAssertEqual(full, ["5 ships", "7 boats", "3x", "9 cars"])
    }

    func testATriggerThatDoesNotCompileIsALocatedError() {
        do {
            _ = try RuleSet(sources: [[RuleSet.RuleSource(path: "bad.yaml", text: """
                type: count
                rules:
                  - id: test.count
                    trigger: '(ships'
                    pattern: '(?<n>[0-9]+) ships'
                    fields: { value: n }
                """)]])
            XCTFail("a broken trigger loaded")
        } catch let e as RuleError {
            XCTAssertEqual(e.file, "bad.yaml")
            XCTAssertEqual(e.line, 4)
            XCTAssertTrue(e.message.contains("trigger"), e.description)
        } catch { XCTFail("\(error)") }
    }
}
