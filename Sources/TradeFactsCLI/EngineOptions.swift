import ArgumentParser
import Foundation
import TradeFacts
import PCRE2Kit
import TradeFactsEval

/// Options shared by commands that read articles.
struct EngineOptions: ParsableArguments {
    @Option(name: .long, help: "Reference date YYYY-MM-DD for every document (overrides the dateline).")
    var date: String?

    @Option(name: .customLong("rules"), help: "A folder of extra rule files; adds to or overrides the built-in rules. Repeatable.")
    var ruleDirectories: [String] = []

    enum InputFormatOption: String, ExpressibleByArgument, CaseIterable {
        case auto, text, markdown, jsonl
        var format: InputFormat { InputFormat(rawValue: rawValue)! }
    }
    @Option(name: .customLong("input-format"), help: "auto (by extension; stdin starting with { is JSON Lines), text, markdown or jsonl.")
    var inputFormat: InputFormatOption = .auto

    @Option(name: .customLong("jobs"), help: "Worker threads (default: all cores). Output order and bytes do not depend on it.")
    var jobs: Int?

    @Option(name: .customLong("max-input-mb"), help: "The largest input (or JSON Lines record) read, in MB; a larger one is an error naming it (default 256).")
    var maxInputMB: Int = 256

    @Option(name: .customLong("max-document-mb"), help: "The longest document processed, in MB; a longer one is an error naming it, and the others are processed (default 1).")
    var maxDocumentMB: Int = 1

    @Flag(help: "Print a summary line (documents, mentions, records, findings, throughput) on standard error; it is printed anyway when standard error is a terminal, after the progress bar.")
    var summary = false

    /// The most worker threads `--jobs` takes: four per core, and at least 64.
    static var maximumJobs: Int { max(64, 4 * ProcessInfo.processInfo.activeProcessorCount) }

    /// Refuses a `--jobs` outside 1…``maximumJobs`` (0 was taken silently, and ten million threads
    /// tried to allocate 76 GB) and a `--date` that is not a real YYYY-MM-DD date, with the usage.
    func validate() throws {
        if let jobs, !(1...Self.maximumJobs).contains(jobs) {
            throw ValidationError("--jobs must be between 1 and \(Self.maximumJobs), got \(jobs)")
        }
        _ = try referenceDate()
        guard (1...(1 << 20)).contains(maxInputMB) else { throw ValidationError("--max-input-mb must be between 1 and \(1 << 20), got \(maxInputMB)") }
        Inputs.maxInputBytes = maxInputMB << 20
        guard (1...(1 << 20)).contains(maxDocumentMB) else { throw ValidationError("--max-document-mb must be between 1 and \(1 << 20), got \(maxDocumentMB)") }
    }

    /// Whether to print the summary line: asked for, or an interactive run (the progress bar's terminal).
    var showSummary: Bool { summary || isatty(STDERR_FILENO) == 1 }

    @Option(name: .customLong("config"), help: "A configuration file (default: the nearest .tradefacts.yml upward from here).")
    var configPath: String?

    @Flag(name: .customLong("no-config"), help: "Ignore .tradefacts.yml files.")
    var noConfig = false

    @Flag(name: .customLong("no-prefilter"), help: "Run every rule over the whole text instead of only where its trigger occurs (same results, slower; for verification and benchmarks).")
    var noPrefilter = false

    @Flag(name: .customLong("allow-outside-rules"), help: "Read the rule folders a .tradefacts.yml names outside its repository (refused by default, exit 2).")
    var allowOutsideRules = false

    @Flag(name: .customLong("show-config"), help: "Print which .tradefacts.yml is in force (or none) and its effective settings, then exit 0.")
    var showConfig = false

    @Flag(name: .customLong("follow-symlinks"), help: "Read symbolic links found in folders that resolve outside the folder walked (by default each is reported, not read, and the run exits 3).")
    var followSymlinks = false

    /// The configuration in force; its errors exit 2 with file:line. With `--show-config`, prints
    /// it and exits 0.
    func configuration() throws -> Configuration {
        var config = Configuration()
        if !noConfig, let path = configPath ?? Configuration.find() {
            do {
                config = try Configuration.load(path: path, allowOutsideRules: allowOutsideRules)
            } catch let e as RuleError {
                throw Self.usageFailure("\(e)")
            } catch let e as ConfigurationErrors {
                throw Self.usageFailure("\(e)")
            }
        }
        if showConfig {
            writeOut(config.settingsDescription(extraRules: ruleDirectories) + "search: \(configSearch)\n")
            throw ExitCode.success
        }
        return config
    }

    /// How the configuration was chosen, for `--show-config`.
    var configSearch: String {
        if noConfig { return "none (--no-config)" }
        if configPath != nil { return "--config" }
        let here = FileManager.default.currentDirectoryPath
        let top = Configuration.repositoryRoot(of: here).map { "\($0) (the repository's root)" } ?? "/ (no repository)"
        return "from \(here) up to \(top)"
    }

    /// Writes `message` (a configuration or rule-file error) on standard error; the exit code 2 to throw.
    static func usageFailure(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data((message + "\n").utf8))
        return ExitCode(2)
    }

    /// Prints the summary line, naming the configuration in force, when ``showSummary``.
    func printSummary(_ summary: BatchSummary, _ config: Configuration) {
        guard showSummary else { return }
        FileHandle.standardError.write(Data((summary.line + "; config: \(config.path ?? "none")\n").utf8))
    }

    func referenceDate() throws -> CalendarDate? {
        guard let date else { return nil }
        guard let d = CalendarDate(iso: date) else { throw ValidationError("--date must be a valid YYYY-MM-DD date, got '\(date)'") }
        return d
    }

    /// An engine with the rules and checks of `config` (read once by the caller with
    /// ``configuration()``) and of these options.
    func engine(_ config: Configuration, keepLatent: Bool = false) throws -> Engine {
        do {
            return try Engine(ruleSet: RuleSet.load(extraDirectories: config.ruleDirectories + ruleDirectories), checks: config.checks,
                              keepLatent: keepLatent, severities: config.severities, settings: config.settings,
                              prefilter: !noPrefilter, maxDocumentBytes: maxDocumentMB << 20)
        } catch let e as RuleError {
            throw Self.usageFailure("\(e)")
        } catch let e as PCRE2Error {
            // A helper pattern of the records or checks broken by a definition given again in a rule folder.
            throw Self.usageFailure("error: a pattern does not compile with the definitions in force: \(e)")
        }
    }

    /// An engine for commands that need nothing else from the configuration.
    func engine(keepLatent: Bool = false) throws -> Engine {
        try engine(try configuration(), keepLatent: keepLatent)
    }
}
