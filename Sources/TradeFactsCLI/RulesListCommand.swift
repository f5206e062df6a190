import ArgumentParser
import Foundation
import TradeFacts
import PCRE2Kit
import TradeFactsEval
extension RulesCommand {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the rules in force with their files and descriptions.")
        @OptionGroup var options: EngineOptions
        func run() throws {
            let engine = try options.engine()
            for r in engine.ruleSet.rules {
                writeOut("\(r.id)\t\(r.type.rawValue)\t\(r.file):\(r.line)\t\(r.description)\n")
            }
        }
    }
}
