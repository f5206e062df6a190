import ArgumentParser
import Foundation
import TradeFacts
import PCRE2Kit

@main
struct TradeFactsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tradefacts",
        abstract: "Extract trade facts from news articles and check them for consistency.",
        discussion: """
            Exit codes: 0 success (check: no error-level finding), 1 check found an error-level finding, \
            2 usage or rule error, 3 an input could not be read (the others are still processed).
            """,
        version: TradeFactsVersion.string,
        subcommands: [Extract.self, CheckCommand.self, RulesCommand.self, ChecksCommand.self, CorpusCommand.self, EvalCommand.self]
    )

    /// Runs the command; usage errors exit 2 (not ArgumentParser's 64), as documented.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
            output.flush()
        } catch {
            output.flush()
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

    @Flag(help: "Print a summary line (documents, mentions, records, findings, throughput) on standard error; it is printed anyway when standard error is a terminal, after the progress bar.")
    var summary = false

    /// Whether to print the summary line: asked for, or an interactive run (the progress bar's terminal).
    var showSummary: Bool { summary || isatty(STDERR_FILENO) == 1 }

    @Option(name: .customLong("config"), help: "A configuration file (default: the nearest .tradefacts.yml upward from here).")
    var configPath: String?

    @Flag(name: .customLong("no-config"), help: "Ignore .tradefacts.yml files.")
    var noConfig = false

    @Flag(name: .customLong("no-prefilter"), help: "Run every rule over the whole text instead of only where its trigger occurs (same results, slower; for verification and benchmarks).")
    var noPrefilter = false

    /// The configuration in force; its errors exit 2 with file:line.
    func configuration() throws -> Configuration {
        if noConfig { return Configuration() }
        guard let path = configPath ?? Configuration.find() else { return Configuration() }
        do {
            return try Configuration.load(path: path)
        } catch let e as RuleError {
            FileHandle.standardError.write(Data("\(e)\n".utf8))
            throw ExitCode(2)
        }
    }

    func referenceDate() throws -> CalendarDate? {
        guard let date else { return nil }
        guard let d = CalendarDate(iso: date) else { throw ValidationError("--date must be a valid YYYY-MM-DD date, got '\(date)'") }
        return d
    }

    func engine(keepLatent: Bool = false) throws -> Engine {
        let config = try configuration()
        do {
            return try Engine(ruleSet: RuleSet.load(extraDirectories: config.ruleDirectories + ruleDirectories), checks: config.checks,
                              keepLatent: keepLatent, severities: config.severities, settings: config.settings,
                              prefilter: !noPrefilter)
        } catch let e as RuleError {
            FileHandle.standardError.write(Data("\(e)\n".utf8))
            throw ExitCode(2)
        }
    }
}

/// Reads each input and processes it on all cores (`--jobs`), in input order; unreadable inputs
/// become error results so every document is accounted for. `render` runs on worker threads.
func processAll(_ paths: [String], options: EngineOptions, keepLatent: Bool = false,
                render: (@Sendable (DocumentResult) -> String)? = nil,
                _ body: (DocumentResult, String?) -> Void) throws -> BatchSummary {
    let engine = try options.engine(keepLatent: keepLatent)
    var runner = BatchRunner(engine: engine, jobs: options.jobs ?? ProcessInfo.processInfo.activeProcessorCount,
                             referenceDate: try options.referenceDate())
    runner.configuration = try options.configuration()
    runner.inputFormat = options.inputFormat.format
    let progress = ProgressBar(paths: paths)
    if progress.enabled { runner.progress = { progress.update($0) } }
    let summary = runner.run(paths, render: render) { result, text in body(result, text) }
    progress.finish()
    output.flush()
    return summary
}

/// Buffered standard output.
final class OutputBuffer: @unchecked Sendable {
    var pending: [UInt8] = []
    func write(_ text: String) {
        pending.append(contentsOf: text.utf8)
        if pending.count >= 1 << 16 { flush() }
    }
    func flush() {
        guard !pending.isEmpty else { return }
        FileHandle.standardOutput.write(Data(pending))
        pending.removeAll(keepingCapacity: true)
    }
}
let output = OutputBuffer()

/// A one-line progress bar on standard error, only when it is a terminal.
final class ProgressBar: @unchecked Sendable {
    let enabled: Bool
    let totalBytes: Int?
    var last = Date.distantPast
    init(paths: [String]) {
        enabled = isatty(STDERR_FILENO) == 1
        guard enabled, !paths.contains("-") else { totalBytes = nil; return }
        totalBytes = Inputs.expand(paths).reduce(0) { sum, source in
            sum + ((try? FileManager.default.attributesOfItem(atPath: source.path)[.size] as? Int) ?? 0)
        }
    }
    func update(_ s: BatchSummary) {
        guard Date().timeIntervalSince(last) > 0.2 else { return }
        last = Date()
        var line = String(format: "\r%d docs, %.1f MB, %.1f MB/s", s.documents, Double(s.bytes) / 1_048_576, s.megabytesPerSecond)
        if let total = totalBytes, total > 0, s.bytes > 0, s.megabytesPerSecond > 0 {
            let remaining = Double(max(0, total - s.bytes)) / 1_048_576 / s.megabytesPerSecond
            line += String(format: ", %3.0f%%, ETA %.0f s", min(100, Double(s.bytes) * 100 / Double(total)), remaining)
        }
        FileHandle.standardError.write(Data((line + "   ").utf8))
    }
    func finish() { if enabled { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) } }
}

func writeOut(_ text: String) {
    output.write(text)
}

struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Extract mentions, records and findings as JSON, one object per document.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case json, jsonl }

    @OptionGroup var options: EngineOptions
    @Option(help: "json (pretty, an array when several documents) or jsonl (one object per line).")
    var format: Format = .json
    @Flag(help: "Keep latent mentions (bare numbers), marked \"latent\": true.")
    var latent = false
    @Argument(help: "Files or folders to read; - for standard input.")
    var paths: [String]

    /// A document's output: one line of JSON Lines, or pretty-printed JSON; `inArray`: as an element
    /// of the top-level array (every line indented by two spaces).
    static func render(_ r: DocumentResult, jsonl: Bool, inArray: Bool = false) -> String {
        JSONWriter.text(pretty: !jsonl, indent: inArray ? 1 : 0) { w in
            if inArray { w.raw("  ") }
            r.writeJSON(to: &w)
            if jsonl { w.raw("\n") }
        }
    }

    /// Pretty-printed `text` as an element of the top-level array: every line indented by two spaces.
    static func indented(_ text: String) -> String {
        var out: [UInt8] = [0x20, 0x20]
        out.reserveCapacity(text.utf8.count + text.utf8.count / 8)
        for b in text.utf8 {
            out.append(b)
            if b == 0x0A { out.append(0x20); out.append(0x20) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    func run() throws {
        var documents = 0
        let jsonl = format == .jsonl
        // json: a single document named by itself is written as an object, anything else as an
        // array, element by element as documents come. While the output may still be one object,
        // the first document's text waits.
        let maybeSingle = !jsonl && paths.count == 1 && !FileManager.default.isDirectory(paths[0]) && !paths[0].hasSuffix(".jsonl")
        var first: String? = nil
        let summary = try processAll(paths, options: options, keepLatent: latent, render: { r in
            Self.render(r, jsonl: jsonl, inArray: !jsonl && !maybeSingle)
        }) { _, text in
            documents += 1
            if jsonl {
                writeOut(text!)
            } else if !maybeSingle {
                writeOut(documents == 1 ? "[\n" : ",\n")
                writeOut(text!)
            } else if documents == 1 {
                first = text!
            } else {
                if let f = first { writeOut("[\n" + Self.indented(f)); first = nil }
                writeOut(",\n" + Self.indented(text!))
            }
        }
        if !jsonl {
            if let first { writeOut(first + "\n") }
            else { writeOut(documents == 0 ? "[\n\n]\n" : "\n]\n") }
        }
        output.flush()
        if options.showSummary { FileHandle.standardError.write(Data((summary.line + "\n").utf8)) }
        if summary.unreadable > 0 { throw ExitCode(3) }
    }
}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Report inconsistencies; exit 1 when a finding is at or above --fail-on.",
        discussion: """
            Formats: text (compiler-style, colour on a terminal), json (an array of {document, findings}), \
            jsonl (one such object per line), sarif (SARIF 2.1.0), github (workflow commands), junit (XML, \
            one test case per document). Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage or \
            rule error, 3 an input could not be read (the others are still checked and reported).
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, jsonl, sarif, github, junit }
    enum FailOn: String, ExpressibleByArgument, CaseIterable { case error, warning, info, never }

    @OptionGroup var options: EngineOptions
    @Option(help: "text, json, jsonl, sarif, github or junit.")
    var format: Format = .text
    @Option(name: .customLong("fail-on"), help: "Lowest severity that makes the exit code 1: error (default), warning, info or never.")
    var failOn: FailOn?
    @Option(help: "Report only findings not recorded in this baseline file.")
    var baseline: String?
    @Option(name: .customLong("write-baseline"), help: "Record the current findings in this baseline file.")
    var writeBaseline: String?
    @Argument(help: "Files or folders to read; - for standard input.")
    var paths: [String]

    func failSeverity(_ config: Configuration) -> Severity? {
        switch failOn ?? config.failOn.flatMap(FailOn.init(rawValue:)) ?? .error {
        case .error: .error; case .warning: .warning; case .info: .info; case .never: nil
        }
    }

    func run() throws {
        var failing = false
        var kept: [DocumentResult] = []
        var findings = 0
        let color = format == .text && isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        let threshold = failSeverity(try options.configuration())
        var accepted: Baseline? = nil
        if let baseline {
            do { accepted = try Baseline.load(path: baseline) } catch {
                FileHandle.standardError.write(Data("\(error)\n".utf8))
                throw ExitCode(2)
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
        let totals = try processAll(paths, options: options, render: render) { given, text in
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
        case .text:
            FileHandle.standardError.write(Data("\(totals.documents) document(s), \(findings) finding(s)\(totals.unreadable > 0 ? ", \(totals.unreadable) unreadable" : "")\n".utf8))
        output.flush()
        case .jsonl, .github: break
        }
        output.flush()
        if options.showSummary { FileHandle.standardError.write(Data((totals.line + "\n").utf8)) }
        if let writeBaseline {
            do { try recorded.serialized().write(toFile: writeBaseline, atomically: true, encoding: .utf8) } catch {
                FileHandle.standardError.write(Data("\(writeBaseline): cannot write the baseline: \(error)\n".utf8))
                throw ExitCode(2)
            }
        }
        if totals.unreadable > 0 { throw ExitCode(3) }
        if failing { throw ExitCode(1) }
    }
}

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rules", abstract: "List rules or run their examples.",
                                                    subcommands: [Test.self, List.self, Profile.self])

    struct Test: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Run every rule's and every check's examples; exit 1 when any fails.")
        @OptionGroup var options: EngineOptions

        func run() throws {
            let engine = try options.engine()
            let rules = RuleExampleRunner.run(engine.extractor)
            let checks = CheckExampleRunner.run(engine)
            for r in rules where r.failure != nil {
                writeOut("\(r.file):\(r.line): \(r.rule): FAIL: \(r.failure!)\n    text: \(r.text)\n")
            }
            for c in checks where c.failure != nil {
                writeOut("check \(c.check) (\(c.triggering ? "triggering" : "non-triggering")): FAIL: \(c.failure!)\n    text: \(c.text)\n")
            }
            let failed = rules.filter { $0.failure != nil }.count + checks.filter { $0.failure != nil }.count
            let total = rules.count + checks.count
            writeOut("rules: \(rules.count) examples in \(engine.ruleSet.rules.count) rules; checks: \(checks.count) examples in \(engine.checks.count) checks\n")
            writeOut("\(total - failed) passed, \(failed) failed\n")
            if failed > 0 { throw ExitCode(1) }
        }
    }

    struct Profile: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Time every rule's pattern over the given files, slowest first (for rule authors).")
        @OptionGroup var options: EngineOptions
        @Option(help: "How many rules to list.")
        var top = 20
        @Flag(help: "Print only the time of each stage of extract (one pass; for benchmarks).")
        var stagesOnly = false
        @Argument(help: "Files to scan.")
        var paths: [String]

        func run() throws {
            let engine = try options.engine(keepLatent: true)
            var texts: [[UInt8]] = []
            if !stagesOnly { for source in Inputs.expand(paths) { texts.append(try Inputs.read(source)) } }
            let bytes = texts.reduce(0) { $0 + $1.count }
            let scratch = MatchScratch()
            var rows: [(id: String, seconds: Double, matches: Int)] = []
            for rule in engine.ruleSet.rules where !stagesOnly {
                var matches = 0
                let start = DispatchTime.now().uptimeNanoseconds
                for t in texts {
                    t.withUnsafeBufferPointer { b in
                        try? rule.pattern.forEachMatch(in: b, scratch: scratch) { _ in matches += 1; return true }
                    }
                }
                rows.append((rule.id, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, matches))
            }
            let total = rows.reduce(0) { $0 + $1.seconds }
            if !stagesOnly {
                writeOut(String(format: "%d rules over %.1f MB: %.3f s in all, %.1f MB/s for all rules together\n", rows.count, Double(bytes) / 1_048_576, total, Double(bytes) / 1_048_576 / total))
            }
            // The extractor's own scan: every rule only where its trigger occurs, triggers included,
            // over the documents as `extract` reads them (JSON Lines records, Markdown bodies).
            // Stages: the whole of `extract --format jsonl --jobs 1`, timed stage by stage.
            StageProfiler.reset()
            StageProfiler.enabled = true
            var documents: [Document] = []
            for source in Inputs.expand(paths) {
                let raw = try Inputs.read(source)
                let articles = StageProfiler.time(.read) { ArticleReader.articles(path: source.path, raw: raw, format: options.inputFormat.format) }
                documents += articles.filter { $0.error == nil }.map { $0.document(referenceDate: nil) }
            }
            let staged = try options.engine()
            var rendered = 0
            for d in documents {
                let r = staged.process(d, scratch: scratch)
                rendered += StageProfiler.time(.render) { Extract.render(r, jsonl: true).utf8.count }
            }
            StageProfiler.enabled = false
            let stages = StageProfiler.nanoseconds
            let stagesTotal = Double(stages.values.reduce(0, +)) / 1e9
            let documentBytes = Double(documents.reduce(0) { $0 + $1.bytes.count }) / 1_048_576
            writeOut(String(format: "stages of extract (1 thread) over %d documents, %.1f MB in, %.1f MB out: %.3f s, %.1f MB/s\n",
                            documents.count, documentBytes, Double(rendered) / 1_048_576, stagesTotal, documentBytes / stagesTotal))
            for stage in Stage.allCases {
                let seconds = Double(stages[stage] ?? 0) / 1e9
                writeOut(String(format: "  %7.3f s %5.1f%% %9.1f MB/s  %@\n", seconds, 100 * seconds / stagesTotal, documentBytes / max(seconds, 1e-9), stage.label))
            }
            if stagesOnly { return }
            // Every pattern the pipeline runs (rules, triggers, and the helpers of extraction, records
            // and checks), timed while the whole engine processes the documents.
            Pattern.profiling = true
            let profiled = try options.engine()
            let start = DispatchTime.now().uptimeNanoseconds
            for d in documents { _ = profiled.process(d, scratch: scratch) }
            let pipelineSeconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            Pattern.profiling = false
            let patterns = Pattern.registered.filter { $0.profiledCalls > 0 }
            let inPatterns = Double(patterns.reduce(0) { $0 + $1.profiledNanoseconds }) / 1e9
            writeOut(String(format: "whole pipeline (extract, records, checks) over %d documents: %.3f s, of which %.3f s in %d patterns\n",
                            documents.count, pipelineSeconds, inPatterns, patterns.count))
            for p in patterns.sorted(by: { $0.profiledNanoseconds > $1.profiledNanoseconds }).prefix(top) {
                let rule = profiled.ruleSet.rules.first { $0.pattern === p }?.id
                writeOut(String(format: "%8.3f s %8d calls  %@\n", Double(p.profiledNanoseconds) / 1e9, p.profiledCalls,
                                rule ?? String(p.source.prefix(90)).replacingOccurrences(of: "\n", with: " ")))
            }
            for prefilter in [false, true] {
                let extractor = try Extractor(ruleSet: engine.ruleSet, keepLatent: false, prefilter: prefilter)
                let start = DispatchTime.now().uptimeNanoseconds
                var matches = 0
                for d in documents { matches += extractor.scanCount(d, scratch: scratch) }
                let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
                writeOut(String(format: "extractor scan of %d documents, %@: %.3f s, %.1f MB/s, %d matches\n", documents.count,
                                prefilter ? "prefiltered (triggers included)" : "every rule over the whole text", seconds,
                                Double(documents.reduce(0) { $0 + $1.bytes.count }) / 1_048_576 / seconds, matches))
            }
            for r in rows.sorted(by: { $0.seconds > $1.seconds }).prefix(top) {
                writeOut(String(format: "%8.1f MB/s %7.3f s %7d matches  %@\n", Double(bytes) / 1_048_576 / max(r.seconds, 1e-9), r.seconds, r.matches, r.id))
            }
        }
    }

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

extension FileManager {
    func isDirectory(_ path: String) -> Bool {
        var d: ObjCBool = false
        return fileExists(atPath: path, isDirectory: &d) && d.boolValue
    }
}

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

struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score the engine on external test data (Recognizers-Text specs, TempEval-3 TimeBank/AQUAINT) and on the Corpus.",
        discussion: "Data sets that are absent are skipped with a note. Scores are printed as percentages.")

    enum Suite: String, ExpressibleByArgument, CaseIterable { case all, corpus, recognizers, tempeval, reuters, mutations, prefilter }

    @OptionGroup var options: EngineOptions
    @Option(help: "The folder holding recognizers-specs/ and tempeval3/.")
    var data: String = "../shared/data"
    @Option(help: "Print up to N misses per suite or file, for reading.")
    var misses: Int = 0
    @Option(help: "Reuters topics to run (comma-separated).")
    var topics: String = "trade"
    @Option(help: "Reuters: print the records of N stories, for reading by eye.")
    var sample: Int = 0
    @Option(help: "Reuters: only these story ids (NEWID, comma-separated), e.g. to read a finding's records with --sample.")
    var stories: String?
    @Flag(help: "Reuters: print every finding, for classifying true problems and false alarms.")
    var findings = false
    @Option(help: "The corpus folder for the record scores.")
    var corpus: String = "Corpus"
    @Option(help: "Mutations: the generator's seed.")
    var seed: UInt64 = 1987
    @Option(help: "Mutations: edits drawn per article and kind.")
    var perArticle: Int = 3
    @Argument(help: "all, corpus, recognizers, tempeval, reuters, mutations or prefilter.")
    var suite: Suite = .all

    func row(_ name: String, _ cases: Int, _ s: Score, _ r: Score) -> String {
        func p(_ x: Double) -> String { String(format: "%5.1f", x * 100) }
        return name.padding(toLength: 46, withPad: " ", startingAt: 0)
            + String(format: "%6d %6d %6d  ", cases, r.gold, r.system)
            + "\(p(s.precision)) \(p(s.recall)) \(p(s.f1))   \(p(r.precision)) \(p(r.recall)) \(p(r.f1))   \(p(r.valueAccuracy)) \(p(r.valueF1))\n"
    }

    func run() throws {
        let engine = try options.engine(keepLatent: true)  // latent mentions are always scored
        let header = "set".padding(toLength: 46, withPad: " ", startingAt: 0)
            + " cases   gold    sys  strictP strictR strictF1  relaxP relaxR relaxF1  valAcc valF1\n"
        if suite == .all || suite == .corpus {
            let r = try RecordScorer.run(directory: corpus, engine: engine)
            func p(_ x: Double) -> String { String(format: "%5.1f", x * 100) }
            writeOut("Records against the Corpus gold (\(r.articles) articles)\n")
            writeOut("field        tp    fp    fn     P      R      F1\n")
            for f in CorpusRunner.coreRecordFields + ["record"] {
                let s = f == "record" ? r.records : (r.fields[f] ?? RecordScorer.FieldScore())
                writeOut(f.padding(toLength: 10, withPad: " ", startingAt: 0) + String(format: "%5d %5d %5d ", s.tp, s.fp, s.fn) + " \(p(s.precision))  \(p(s.recall))  \(p(s.f1))\n")
            }
            for m in r.misses.prefix(misses) { writeOut("  [\(m.source)] \(m.detail)\n") }
            writeOut("\n")
        }
        if suite == .all || suite == .recognizers {
            let dir = "\(data)/recognizers-specs"
            if FileManager.default.fileExists(atPath: dir) {
                writeOut("Recognizers-Text English specs (\(dir))\n" + header)
                let results = try RecognizersScorer.run(directory: dir, engine: engine, keepMisses: misses)
                for r in results { writeOut(row(r.file, r.cases, r.strict, r.relaxed)) }
                for r in results where !r.outOfScope.isEmpty {
                    writeOut("  out of scope in \(r.file): " + r.outOfScope.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: "; ") + "\n")
                }
                for r in results { for m in r.misses { writeOut("  [\(r.file)] \"\(m.text)\": \(m.detail)\n      in: \(m.source.prefix(200))\n") } }
            } else {
                writeOut("Recognizers-Text specs not found at \(dir); skipped\n")
            }
        }
        if suite == .all || suite == .tempeval {
            let dir = "\(data)/tempeval3/TBAQ-cleaned"
            if FileManager.default.fileExists(atPath: dir) {
                writeOut("\nTempEval-3 TBAQ-cleaned, DATE expressions (\(dir))\n" + header)
                var all = TempEvalScorer.Result()
                var lenientRows = ""
                for part in ["TimeBank", "AQUAINT"] {
                    let r = try TempEvalScorer.run(directory: "\(dir)/\(part)", engine: engine, keepMisses: misses)
                    writeOut(row("\(part), values exact", r.documents, r.strict, r.relaxed))
                    lenientRows += row("\(part), values lenient", r.documents, r.lenientStrict, r.lenientRelaxed)
                    all = all + r
                }
                writeOut(row("TimeBank + AQUAINT, values exact", all.documents, all.strict, all.relaxed))
                writeOut(lenientRows + row("TimeBank + AQUAINT, values lenient", all.documents, all.lenientStrict, all.lenientRelaxed))
                writeOut("  values exact: equal strings after notation mappings only (week W7 = W07, decade 198X = 198, century 19XX = 19), as TempEval-3 compares them\n")
                writeOut("  values lenient: also an underspecified gold (1989-WXX, 1988-QX, 1968-XX) agrees with our value resolving or leaving out its X parts: \(all.underspecified) values\n")
                writeOut("  set aside: \(all.otherType) mentions overlapping only a gold TIME, DURATION or SET\n")
                for m in all.misses { writeOut("  [\(m.source)] \"\(m.text)\": \(m.detail)\n") }
            } else {
                writeOut("TempEval-3 data not found at \(dir); skipped\n")
            }
        }
        if suite == .all || suite == .mutations {
            // Findings, not mentions, are measured here: the engine the check command uses.
            let checkEngine = try options.engine()
            let r = try MutationEval.run(directory: corpus, engine: checkEngine, seed: seed, perArticle: perArticle, keepUndetected: misses)
            writeOut("Mutations of the consistent Corpus articles (\(r.articles.count) articles, seed \(seed), up to \(perArticle) edits per article and kind)\n")
            writeOut("  unmutated articles: \(r.cleanFindings.count) findings\n")
            for f in r.cleanFindings { writeOut("    \(f)\n") }
            writeOut("kind                 mutants detected   rate  articles without a site  checks that fired\n")
            for kind in MutationEval.Kind.allCases {
                let k = r.kinds[kind] ?? MutationEval.KindResult()
                let rate = k.mutants == 0 ? "    -" : String(format: "%5.1f%%", Double(k.detected) * 100 / Double(k.mutants))
                let fired: [String] = k.byCheck.sorted { a, b in a.value != b.value ? a.value > b.value : a.key < b.key }.map { "\($0.key) \($0.value)" }
                var line = kind.rawValue.padding(toLength: 20, withPad: " ", startingAt: 0)
                line += String(format: "%8d %8d ", k.mutants, k.detected) + rate
                line += String(format: "  %23d  ", k.articlesWithoutSite) + fired.joined(separator: ", ") + "\n"
                writeOut(line)
                for u in r.undetected[kind] ?? [] { writeOut("    undetected: \(u)\n") }
            }
            writeOut("\n")
        }
        if suite == .all || suite == .prefilter {
            // The prefilter must not change any mention: compare it with a full scan on real text.
            var documents = try CorpusRunner.documents(in: corpus)
            let tml = "\(data)/tempeval3/TBAQ-cleaned"
            if let walker = FileManager.default.enumerator(atPath: tml) {
                for case let f as String in walker where f.hasSuffix(".tml") {
                    if let xml = try? String(contentsOfFile: "\(tml)/\(f)", encoding: .utf8), let d = TimeMLDocument.parse(xml, id: f) {
                        documents.append(Document(id: f, text: d.text, referenceDate: d.dct))
                    }
                }
            }
            let reuters = "\(data)/reuters21578"
            if FileManager.default.fileExists(atPath: reuters) {
                documents += try ReutersStory.load(directory: reuters).map { Document(id: "reuters-\($0.id)", text: $0.text, referenceDate: $0.date) }
            }
            let r = try PrefilterEval.compare(documents, ruleSet: engine.ruleSet)
            writeOut("Prefilter against a full scan (Corpus, TempEval-3 and Reuters-21578 where present): \(r.documents) documents, "
                     + String(format: "%.1f MB", Double(r.bytes) / 1_048_576) + ", \(r.mentions) mentions\n")
            writeOut("  documents whose mentions differ: \(r.differences.count)\n")
            writeOut(String(format: "  extraction time: %.2f s prefiltered, %.2f s full scan (%.1fx)\n", r.prefilteredSeconds, r.fullScanSeconds,
                            r.fullScanSeconds / max(r.prefilteredSeconds, 1e-9)))
            for d in r.differences.prefix(max(misses, 5)) { writeOut("  [\(d.document)]\n      \(d.detail)\n") }
            writeOut("\n")
        }
        if suite == .all || suite == .reuters {
            let dir = "\(data)/reuters21578"
            guard FileManager.default.fileExists(atPath: dir) else {
                writeOut("Reuters-21578 not found at \(dir); skipped\n")
                return
            }
            let wanted = Set(topics.split(separator: ",").map(String.init))
            let only = stories.map { Set($0.split(separator: ",").map(String.init)) }
            let stories = try ReutersStory.load(directory: dir).filter { !wanted.isDisjoint(with: $0.topics) && (only?.contains($0.id) ?? true) }
            var withRecord = 0, withComplete = 0, records = 0, complete = 0, findingCount = 0, sampled = 0
            var bySeverity: [String: Int] = [:]
            for story in stories {
                let r = engine.process(Document(id: "reuters-\(story.id)", text: story.text, referenceDate: story.date))
                records += r.records.count
                complete += r.records.filter(\.isComplete).count
                if !r.records.isEmpty { withRecord += 1 }
                if r.records.contains(where: \.isComplete) { withComplete += 1 }
                findingCount += r.findings.count
                for f in r.findings { bySeverity[f.severity.rawValue, default: 0] += 1 }
                if findings, !r.findings.isEmpty { writeOut(TextDiagnostics.render(r)) }
                if sampled < sample, let e = r.extraction, !r.records.isEmpty {
                    sampled += 1
                    writeOut("== \(r.documentID) (\(story.date?.iso ?? "no date")): \(story.text.prefix(while: { $0 != "\n" }))\n")
                    for rec in r.records { writeOut("   " + CorpusRunner.flatten(rec.json(mentions: e.mentions, in: e.document)).serialized() + "\n") }
                }
            }
            let n = max(1, stories.count)
            writeOut("\nReuters-21578 stories with topics \(wanted.sorted().joined(separator: ",")): \(stories.count)\n")
            writeOut("  with at least one record: \(withRecord) (\(percent(withRecord, n))); with a complete record: \(withComplete) (\(percent(withComplete, n)))\n")
            writeOut("  records: \(records), complete: \(complete)\n")
            writeOut("  findings: \(findingCount) (\(String(format: "%.1f", Double(findingCount) * 100 / Double(n))) per 100 stories) \(bySeverity.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))\n")
        }
    }

    func percent(_ a: Int, _ n: Int) -> String { String(format: "%.1f%%", Double(a) * 100 / Double(n)) }
}
