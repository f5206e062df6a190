import ArgumentParser
import Foundation
import TradeFacts
import PCRE2Kit
import TradeFactsEval

struct CorpusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "corpus",
        abstract: "Run a corpus folder: each article against its NAME.expected.yaml; exit 1 on any difference.")
    @OptionGroup var options: EngineOptions
    @Argument(help: "The corpus folder.")
    var directory: String = "Corpus"

    func run() throws {
        let engine = try options.engine()
        let results = try CorpusRunner.run(directory: directory, engine: engine)
        for r in results where !r.failures.isEmpty {
            writeOut("\(directory)/\(r.article):\n" + r.failures.map { "  - \($0)\n" }.joined())
        }
        let failed = results.filter { !$0.failures.isEmpty }.count
        writeOut("\(results.count - failed) passed, \(failed) failed\n")
        if failed > 0 { throw ExitCode(1) }
    }
}
