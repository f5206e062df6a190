import ArgumentParser
import Foundation
import TradeFacts
import PCRE2Kit
import TradeFactsEval

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rules", abstract: "List rules or run their examples.",
                                                    subcommands: [Test.self, List.self, Profile.self])

}
