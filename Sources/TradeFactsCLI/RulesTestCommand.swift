import ArgumentParser
import Foundation
import TradeFacts
import PCRE2Kit
import TradeFactsEval
extension RulesCommand {
    struct Test: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Run every rule's and every check's examples; exit 1 when any fails.")
        @OptionGroup var options: EngineOptions

        func run() throws {
            let engine = try options.engine()
            let rules = RuleExampleRunner.run(engine.extractor) + RuleExampleRunner.runStatements(engine)
            let checks = CheckExampleRunner.run(engine)
            for r in rules where r.failure != nil {
                writeOut("\(r.file):\(r.line): \(r.rule): FAIL: \(r.failure!)\n    text: \(r.text)\n")
            }
            for c in checks where c.failure != nil {
                writeOut("check \(c.check) (\(c.triggering ? "triggering" : "non-triggering")): FAIL: \(c.failure!)\n    text: \(c.text)\n")
            }
            let failed = rules.filter { $0.failure != nil }.count + checks.filter { $0.failure != nil }.count
            let total = rules.count + checks.count
            writeOut("rules: \(rules.count) examples in \(engine.ruleSet.rules.count) mention rules and \(engine.ruleSet.statementRules.count) statement rules; checks: \(checks.count) examples in \(engine.checks.count) checks\n")
            writeOut("\(total - failed) passed, \(failed) failed\n")
            if failed > 0 { throw ExitCode(1) }
        }
    }
}
