import ArgumentParser
import Foundation
import TradeFacts
import PCRE2Kit
import TradeFactsEval

struct ChecksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "checks", abstract: "List the validator's checks (text, or the Markdown catalogue page).")
    enum Format: String, ExpressibleByArgument, CaseIterable { case text, markdown }
    @Option(help: "text or markdown.")
    var format: Format = .text
    func run() throws {
        switch format {
        case .markdown: writeOut(CheckCatalogue.markdown())
        case .text:
            for c in CheckCatalogue.all {
                let d = c.description
                writeOut("\(d.id) (\(d.severity.rawValue)): \(d.summary)\n")
            }
        }
    }
}
