import XCTest
@testable import TradeFacts
import TradeFactsEval

/// SwiftLint-style: every rule's and every check's examples run as tests.
final class ExampleTests: XCTestCase {
    func testEveryRuleExamplePasses() {
        let results = RuleExampleRunner.run(Fixtures.engine.extractor)
        XCTAssertGreaterThan(results.count, 50)
        for r in results {
            XCTAssertNil(r.failure, "\(r.file):\(r.line) \(r.rule): \(r.failure ?? "") — text: \(r.text)")
        }
    }

    /// Statement rules (stage two) run their examples through the whole engine.
    func testEveryStatementRuleExamplePasses() {
        let results = RuleExampleRunner.runStatements(Fixtures.engine)
        XCTAssertFalse(Fixtures.engine.ruleSet.statementRules.isEmpty)
        for rule in Fixtures.engine.ruleSet.statementRules {
            XCTAssertTrue(rule.examples.contains { $0.expect != nil }, "statement rule \(rule.id) has no triggering example")
            XCTAssertTrue(rule.examples.contains { $0.expect == nil }, "statement rule \(rule.id) has no non-triggering example (expect: none)")
            XCTAssertFalse(rule.description.isEmpty, "statement rule \(rule.id) has no description")
        }
        for r in results {
            XCTAssertNil(r.failure, "\(r.file):\(r.line) \(r.rule): \(r.failure ?? "") — text: \(r.text)")
        }
    }

    func testEveryRuleHasPositiveAndNegativeCoverage() {
        for rule in Fixtures.engine.ruleSet.rules {
            XCTAssertFalse(rule.examples.isEmpty, "rule \(rule.id) has no examples")
            XCTAssertTrue(rule.examples.contains { $0.expect != nil }, "rule \(rule.id) has no positive example")
            XCTAssertTrue(rule.examples.contains { $0.expect == nil }, "rule \(rule.id) has no non-triggering example (expect: none)")
            XCTAssertFalse(rule.description.isEmpty, "rule \(rule.id) has no description")
        }
    }

    func testEveryCheckExamplePasses() {
        let results = CheckExampleRunner.run(Fixtures.engine)
        XCTAssertEqual(Set(results.map(\.check)).count, CheckCatalogue.all.count)
        for r in results {
            XCTAssertNil(r.failure, "check \(r.check) (\(r.triggering ? "triggering" : "non-triggering")): \(r.failure ?? "") — \(r.text)")
        }
    }

    func testEveryCheckIsDescribed() {
        var ids = Set<String>()
        for c in CheckCatalogue.all {
            let d = c.description
            XCTAssertTrue(ids.insert(d.id).inserted, "duplicate check id \(d.id)")
            XCTAssertFalse(d.triggering.isEmpty, "\(d.id) has no triggering example")
            XCTAssertFalse(d.nonTriggering.isEmpty, "\(d.id) has no non-triggering example")
            XCTAssertFalse(d.rationale.isEmpty)
        }
    }

    func testCorpusReadsAsExpected() throws {
        let dir = Fixtures.packageRoot.appendingPathComponent("Corpus").path
        let results = try CorpusRunner.run(directory: dir, engine: Fixtures.engine)
        XCTAssertGreaterThanOrEqual(results.count, 6, "the corpus should hold at least six articles")
        for r in results {
            XCTAssertTrue(r.failures.isEmpty, "Corpus/\(r.article):\n" + r.failures.joined(separator: "\n"))
        }
    }

    /// `same-period-length` reads "the same quarter" by bytes: white space between, no letter after.
    func testSamePeriodWording() {
        XCTAssertTrue(SamePeriodLength.says("in the same  quarter last year", "same", then: "quarter"))
        XCTAssertTrue(SamePeriodLength.says("the same\nmonth.", "same", then: "month"))
        XCTAssertTrue(SamePeriodLength.says("same half", "same", then: "half"))
        XCTAssertFalse(SamePeriodLength.says("the same quarterly report", "same", then: "quarter"))
        XCTAssertFalse(SamePeriodLength.says("samequarter", "same", then: "quarter"))
        XCTAssertFalse(SamePeriodLength.says("same", "same", then: "quarter"))
        XCTAssertTrue(SamePeriodLength.says("not the same year but the same quarter", "same", then: "quarter"))
    }
}
