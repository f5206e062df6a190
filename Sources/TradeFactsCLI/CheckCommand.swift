import ArgumentParser
import Foundation
import TradeFacts
import PCRE2Kit
import TradeFactsEval

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Report inconsistencies; exit 1 when a finding is at or above --fail-on.",
        discussion: """
            Formats: text (compiler-style, colour on a terminal), json (an array of {document, findings}), \
            jsonl (one such object per line), sarif (SARIF 2.1.0), github (workflow commands), junit (XML, \
            one test case per document). Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage or \
            rule error, 3 an input could not be read, or a folder or glob held no article (the others are still \
            checked and reported). Standard error stays silent unless --summary (or a terminal) asks for the summary line.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, jsonl, sarif, github, junit }
    enum FailOn: String, ExpressibleByArgument, CaseIterable { case error, warning, info, never }
    enum Color: String, ExpressibleByArgument, CaseIterable { case auto, always, never }

    @OptionGroup var options: EngineOptions
    @Option(help: "text, json, jsonl, sarif, github or junit.")
    var format: Format = .text
    @Option(name: .customLong("fail-on"), help: "Lowest severity that makes the exit code 1: error (default), warning, info or never.")
    var failOn: FailOn?
    @Option(help: "Colour in the text format: auto (default: FORCE_COLOR, then NO_COLOR, then whether standard output is a terminal), always or never.")
    var color: Color = .auto
    @Option(help: "Report only findings not recorded in this baseline file.")
    var baseline: String?
    @Option(name: .customLong("write-baseline"), help: "Record the current findings in this baseline file.")
    var writeBaseline: String?
    @Argument(help: "Files or folders to read; - for standard input.")
    var paths: [String] = []

    func validate() throws {
        if paths.isEmpty && !options.showConfig { throw ValidationError("Missing expected argument '<paths> ...'") }
    }

    func failSeverity(_ config: Configuration) -> Severity? { Self.failSeverity(failOn, config) }

    /// The lowest severity that fails the run: `--fail-on`, else the configuration's, else error.
    static func failSeverity(_ failOn: FailOn?, _ config: Configuration) -> Severity? {
        switch failOn ?? config.failOn.flatMap(FailOn.init(rawValue:)) ?? .error {
        case .error: .error; case .warning: .warning; case .info: .info; case .never: nil
        }
    }

    /// Whether the text format is coloured: `--color always|never` decides; with `auto`, a
    /// non-empty `FORCE_COLOR` other than `0`/`false` turns colour on (`0`/`false` off), then a
    /// non-empty `NO_COLOR` turns it off, else colour follows whether standard output is a terminal.
    static func colors(_ choice: Color, environment: [String: String], terminal: Bool) -> Bool {
        switch choice {
        case .always: return true
        case .never: return false
        case .auto:
            if let force = environment["FORCE_COLOR"], !force.isEmpty { return !["0", "false"].contains(force.lowercased()) }
            if let no = environment["NO_COLOR"], !no.isEmpty { return false }
            return terminal
        }
    }

    func run() throws {
        var failing = false
        var kept: [DocumentResult] = []
        var findings = 0
        let color = format == .text && Self.colors(color, environment: ProcessInfo.processInfo.environment, terminal: isatty(STDOUT_FILENO) == 1)
        let config = try options.configuration()
        let threshold = failSeverity(config)
        var accepted: Baseline? = nil
        if let baseline {
            do { accepted = try Baseline.load(path: baseline) } catch {
                throw EngineOptions.usageFailure("\(error)")
            }
        }
        var recorded = Baseline()
        let format = self.format
        let streaming = [Format.text, .jsonl, .github].contains(format)
        @Sendable func rendered(_ result: DocumentResult) -> String {
            switch format {
            case .text: return TextDiagnostics.render(result, color: color)
            case .jsonl:
                return JSONWriter.text { w in
                    result.writeFindingsJSON(to: &w)
                    w.raw("\n")
                }
            default: return GitHubReport.render(result)
            }
        }
        // Without a baseline the streaming formats are rendered on the worker threads, in parallel;
        // a baseline is consumed in input order, so with one they are rendered here.
        let render: (@Sendable (DocumentResult) -> String)? = streaming && accepted == nil ? rendered : nil
        var totals = try processAll(paths, options: options, configuration: config, render: render) { given, text in
            if writeBaseline != nil { recorded.add(given) }
            let result = accepted != nil ? accepted!.filter(given) : given
            findings += result.findings.count
            if let t = threshold, result.findings.contains(where: { $0.severity >= t }) { failing = true }
            if let text { writeOut(text) } else if streaming { writeOut(rendered(result)) } else { kept.append(result) }
        }
        switch format {
        case .json:
            var w = JSONWriter(pretty: true)
            w.beginArray()
            for r in kept { r.writeFindingsJSON(to: &w) }
            w.endArray()
            w.raw("\n")
            writeOut(w.text)
        case .sarif: writeOut(SARIFReport.render(kept))
        case .junit: writeOut(JUnitReport.render(kept, failOn: threshold))
        case .text, .jsonl, .github: break
        }
        OutputBuffer.standardOutput.flush()
        // Standard error follows one rule for every format: silent unless --summary asks for the
        // summary line or it is a terminal (the line counts documents, findings and unreadable inputs).
        totals.findings = findings  // after the baseline
        options.printSummary(totals, config)
        if let writeBaseline {
            // Only a regular file (or nothing) is replaced: a symlink, a FIFO or a device node at the
            // path is refused rather than turned into a regular file.
            var info = stat()
            if lstat(writeBaseline, &info) == 0, (info.st_mode & S_IFMT) != S_IFREG {
                throw EngineOptions.usageFailure("\(writeBaseline): not a regular file; the baseline is written only to a regular file or a new path")
            }
            do { try recorded.serialized().write(toFile: writeBaseline, atomically: true, encoding: .utf8) } catch {
                throw EngineOptions.usageFailure("\(writeBaseline): cannot write the baseline: \(error)")
            }
        }
        if totals.unreadable > 0 { throw ExitCode(3) }
        if failing { throw ExitCode(1) }
    }
}
