import XCTest
@testable import TradeFacts
import TradeFactsEval

/// A bad rule file gets an error naming the file, the line and the cause.
final class RuleLoaderTests: XCTestCase {
    func load(_ yaml: String) -> RuleError? {
        do {
            _ = try RuleSet(sources: [[RuleSet.RuleSource(path: "bad.yaml", text: yaml)]])
            return nil
        } catch let e as RuleError {
            return e
        } catch {
            XCTFail("not a RuleError: \(error)")
            return nil
        }
    }

    func testValidRuleLoads() throws {
        let set = try RuleSet(sources: [[RuleSet.RuleSource(path: "ok.yaml", text: """
            type: money
            rules:
              - id: test.money
                pattern: '(?<cur>\\$)(?<n>[0-9]+)'
                fields: { amount: n, currency: cur }
                examples:
                  - text: "$5"
                    expect: { amount: "5" }
            """)]])
        XCTAssertEqual(set.rules.map(\.id), ["test.money"])
    }

    func testLatentMustBeABoolean() throws {
        let e = load("""
            type: number
            rules:
              - id: test.latent
                latent: sometimes
                pattern: '(?<n>[0-9]+)'
                fields: { value: n }
            """)
        XCTAssertEqual(e?.line, 4)
        let ok = try RuleSet(sources: [[RuleSet.RuleSource(path: "ok.yaml", text: """
            type: number
            rules:
              - id: test.latent
                latent: true
                pattern: '(?<n>[0-9]+)'
                fields: { value: n }
            """)]])
        XCTAssertTrue(ok.rules[0].latent)
    }

    func testPatternThatDoesNotCompile() {
        let e = load("""
            type: money
            rules:
              - id: test.bad
                pattern: '(?<n>[0-9]+'
            """)
        XCTAssertEqual(e?.file, "bad.yaml")
        XCTAssertEqual(e?.line, 4)
        XCTAssertTrue(e?.message.contains("does not compile") ?? false, e?.description ?? "")
        XCTAssertTrue(e?.message.contains("offset") ?? false, e?.description ?? "")
    }

    func testUnknownKeyFieldAndGroup() {
        XCTAssertEqual(load("type: money\nrules:\n  - id: a\n    patern: 'x'\n")?.line, 4)
        XCTAssertTrue(load("type: money\nrules:\n  - id: a\n    pattern: '(?<n>x)'\n    fields: { colour: n }\n")?.message.contains("not a field of money") ?? false)
        XCTAssertTrue(load("type: money\nrules:\n  - id: a\n    pattern: '(?<n>x)'\n    fields: { amount: m }\n")?.message.contains("does not have") ?? false)
    }

    func testWrongTypesAndMissingParts() {
        XCTAssertTrue(load("type: money\nrules:\n  - id: a\n    pattern: ['x']\n")?.message.contains("must be a string") ?? false)
        XCTAssertTrue(load("type: dollars\nrules: []\n")?.message.contains("unknown type") ?? false)
        XCTAssertTrue(load("rules:\n  - id: a\n    pattern: 'x'\n")?.message.contains("has no type") ?? false)
        XCTAssertTrue(load("type: money\nrules:\n  - id: a\n    pattern: 'x'\n    priority: high\n")?.message.contains("whole number") ?? false)
        for bad in ["Bad Id", "Money.x", "-a", ".a", "a_b", "a b", "\"\"", "'é'"] {
            XCTAssertTrue(load("type: money\nrules:\n  - id: \(bad)\n    pattern: 'x'\n")?.message.contains("must be lower-case") ?? false, bad)
        }
        for good in ["a", "0", "money.symbol-amount", "a.b-c.9"] {
            XCTAssertNil(load("type: money\nrules:\n  - id: \(good)\n    pattern: 'x'\n"), good)
        }
    }

    func testDuplicateIdsAndUnknownDefinitions() {
        let dup = load("type: money\nrules:\n  - id: a\n    pattern: 'x'\n  - id: a\n    pattern: 'y'\n")
        XCTAssertEqual(dup?.line, 5)
        XCTAssertTrue(dup?.message.contains("duplicate rule id") ?? false)
        XCTAssertTrue(load("type: money\nrules:\n  - id: a\n    pattern: '{{nope}}'\n")?.message.contains("unknown definition") ?? false)
        XCTAssertTrue(load("type: money\nrules:\n  - id: a\n    pattern: '{{lexicon:nope}}'\n")?.message.contains("unknown lexicon") ?? false)
        XCTAssertTrue(load("definitions:\n  a: '{{a}}'\ntype: money\nrules:\n  - id: x\n    pattern: '{{a}}'\n")?.message.contains("nest too deeply") ?? false)
    }

    func testInvalidYAMLAndAnchorsAreRejected() {
        let e = load("type: money\nrules:\n  - id: a\n    pattern: 'x\n")
        XCTAssertNotNil(e)
        XCTAssertTrue(e?.message.contains("invalid YAML") ?? false, e?.description ?? "")
        let bomb = load("a: &x [1, 2]\nb: [*x, *x]\n")
        XCTAssertEqual(bomb?.line, 1)
        XCTAssertTrue(bomb?.message.contains("anchors") ?? false)
        // A key given twice is an error at the second one; so is a second document.
        let twice = load("type: money\nrules:\n  - id: a\n    pattern: 'x'\n    pattern: 'y'\n")
        XCTAssertEqual(twice?.line, 5)
        XCTAssertEqual(twice?.column, 5)
        XCTAssertTrue(twice?.message.contains("'pattern' is given twice") ?? false, twice?.description ?? "")
        let second = load("type: money\nrules: []\n---\ntype: money\n")
        XCTAssertEqual(second?.line, 3)
        XCTAssertTrue(second?.message.contains("second") ?? false, second?.description ?? "")
        // The syntax error's place is libyaml's.
        let unclosed = load("type: money\nrules: [\n")
        XCTAssertEqual(unclosed?.line, 3)
    }

    func testYAMLReadsScalarsAsWritten() throws {
        let node = try XCTUnwrap(YAMLNode.parse("a: 'x: y'\nb: |\n  two\n  lines\nc:\nd: [1, \"é\"]\ne: ~\n", file: "t.yaml"))
        XCTAssertEqual(node.value("a")?.scalar, "x: y")
        XCTAssertEqual(node.value("b")?.scalar, "two\nlines\n")
        XCTAssertEqual(node.value("c")?.scalar, "")
        XCTAssertEqual(try node.value("d")?.requireSequence("d").map { $0.scalar }, ["1", "é"])
        XCTAssertEqual(node.value("e")?.scalar, "~")
        XCTAssertEqual(node.value("d")?.line, 6)
        XCTAssertEqual(node.value("d")?.column, 4)
        XCTAssertNil(try YAMLNode.parse("# only a comment\n", file: "t.yaml"))
        XCTAssertNil(try YAMLNode.parse("", file: "t.yaml"))
    }

    func testUserRulesOverrideEmbeddedOnes() throws {
        let embedded = EmbeddedRules.files.map { RuleSet.RuleSource(path: $0.path, text: $0.contents) }
        let user = RuleSet.RuleSource(path: "mine.yaml", text: """
            type: money
            rules:
              - id: money.symbol-amount
                description: overridden
                pattern: 'ZZZ(?<n>[0-9]+)'
                fields: { amount: n }
                set: { currency: XYZ }
                examples:
                  - text: "ZZZ5"
                    expect: { amount: "5", currency: XYZ }
            """)
        let set = try RuleSet(sources: [embedded, [user]])
        XCTAssertEqual(set.rules.filter { $0.id == "money.symbol-amount" }.map(\.description), ["overridden"])
        let engine = try Engine(ruleSet: set)
        let r = engine.process(Document(id: "t", text: "worth ZZZ7 and $5 million", referenceDate: nil))
        XCTAssertEqual(r.mentions.first?.text, "ZZZ7")
    }

    func testEmbeddedRulesIncludeEveryRuleFile() {
        let paths = Set(EmbeddedRules.files.map(\.path))
        for f in ["Rules/money.yaml", "Rules/percent.yaml", "Rules/dates.yaml", "Rules/counts.yaml", "Rules/lexicons/places.yaml"] {
            XCTAssertTrue(paths.contains(f), "\(f) not embedded")
        }
    }
}
