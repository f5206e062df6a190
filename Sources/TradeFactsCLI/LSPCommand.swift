import ArgumentParser
import Foundation
import TradeFacts
import TradeFactsLSP

struct LSPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lsp",
        abstract: "Run a language server (LSP 3.17 over standard input and output) for editors.",
        discussion: """
            Diagnostics are the findings of `check` for each open Markdown or text article, with the \
            .tradefacts.yml found from the article's folder; hover shows what a figure or date was read \
            as; a quick fix writes a suppression comment. Logs go to standard error. Exit code 0 after \
            shutdown and exit, 1 when the client exits without shutdown or the input ends first. See docs/lsp.md.
            """)

    @Option(help: "Reference date YYYY-MM-DD for every document (overrides front matter and dateline).")
    var date: String?
    @Option(name: .customLong("rules"), help: "A folder of extra rule files, read after the configuration's. Repeatable.")
    var ruleDirectories: [String] = []
    @Option(name: .customLong("config"), help: "A configuration file for every document (default: the nearest .tradefacts.yml upward from each document).")
    var configPath: String?
    @Flag(name: .customLong("no-config"), help: "Ignore .tradefacts.yml files.")
    var noConfig = false
    @Flag(name: .customLong("allow-outside-rules"), help: "Read the rule folders a .tradefacts.yml names outside its repository.")
    var allowOutsideRules = false
    @Flag(help: "Log the method of every message on standard error.")
    var verbose = false
    @Flag(help: .hidden)
    var stdio = false  // Clients that launch servers with --stdio (vscode-languageclient) are served as usual.

    func validate() throws {
        if let date, CalendarDate(iso: date) == nil { throw ValidationError("--date must be a valid YYYY-MM-DD date, got '\(date)'") }
    }

    func run() throws {
        var options = AnalyzerOptions()
        options.referenceDate = date.flatMap(CalendarDate.init(iso:))
        options.extraRuleDirectories = ruleDirectories
        options.configPath = configPath
        options.noConfig = noConfig
        options.allowOutsideRules = allowOutsideRules
        let code = LanguageServer.serve(options: options, verbose: verbose) { line in
            FileHandle.standardError.write(Data("tradefacts lsp: \(line)\n".utf8))
        }
        throw ExitCode(code)
    }
}
