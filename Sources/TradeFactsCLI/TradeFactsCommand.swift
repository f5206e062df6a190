import ArgumentParser
import Foundation
import TradeFacts
import PCRE2Kit
import TradeFactsEval

/// The `tradefacts` command and its subcommands; `main.swift` of the executable runs ``main()``.
public struct TradeFactsCommand: ParsableCommand {
    public init() {}

    public static let configuration = CommandConfiguration(
        commandName: "tradefacts",
        abstract: "Extract trade facts from news articles and check them for consistency.",
        discussion: """
            Exit codes: 0 success (check: no error-level finding), 1 check found an error-level finding, \
            2 usage or rule error, 3 an input could not be read (the others are still processed).
            """,
        version: TradeFactsVersion.string,
        subcommands: [Extract.self, CheckCommand.self, ReportCommand.self, RulesCommand.self, ChecksCommand.self, CorpusCommand.self, EvalCommand.self, LSPCommand.self]
    )

    /// Runs the command; usage errors exit 2 (not ArgumentParser's 64), as documented.
    public static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
            OutputBuffer.standardOutput.flush()
        } catch {
            OutputBuffer.standardOutput.flush()
            let code = exitCode(for: error)
            if code == .validationFailure {
                // Print the usage message as ArgumentParser would, then exit 2.
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
