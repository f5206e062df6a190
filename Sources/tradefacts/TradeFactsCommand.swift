import ArgumentParser
import Foundation
import TradeFacts

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
        } catch {
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

    func referenceDate() throws -> CalendarDate? {
        guard let date else { return nil }
        guard let d = CalendarDate(iso: date) else { throw ValidationError("--date must be a valid YYYY-MM-DD date, got '\(date)'") }
        return d
    }

    func engine(keepLatent: Bool = false) throws -> Engine {
        do {
            return try Engine(ruleSet: RuleSet.load(extraDirectories: ruleDirectories), keepLatent: keepLatent)
        } catch let e as RuleError {
            FileHandle.standardError.write(Data("\(e)\n".utf8))
            throw ExitCode(2)
        }
    }
}

/// Reads each input and processes it; unreadable inputs become error results so every document is accounted for.
func processAll(_ paths: [String], options: EngineOptions, keepLatent: Bool = false, _ body: (DocumentResult) -> Void) throws -> (documents: Int, unreadable: Int) {
    let engine = try options.engine(keepLatent: keepLatent)
    let date = try options.referenceDate()
    var count = 0, unreadable = 0
    for source in Inputs.expand(paths) {
        count += 1
        let result: DocumentResult
        do {
            let decoded = InputDecoder.decode(try Inputs.read(source))
            result = engine.process(Document(id: source.path, bytes: decoded.bytes, referenceDate: date))
        } catch {
            unreadable += 1
            result = Engine.failed(source.path, "\(error)")
        }
        body(result)
    }
    return (count, unreadable)
}

func writeOut(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
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

    func run() throws {
        var results: [JSONValue] = []
        let totals = try processAll(paths, options: options, keepLatent: latent) { result in
            if format == .jsonl { writeOut(result.json().serialized() + "\n") } else { results.append(result.json()) }
        }
        if format == .json {
            let value = results.count == 1 && totals.documents == 1 && paths.count == 1 && !FileManager.default.isDirectory(paths[0]) ? results[0] : .array(results)
            writeOut(value.serialized(pretty: true) + "\n")
        }
        if totals.unreadable > 0 { throw ExitCode(3) }
    }
}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "Report inconsistencies as diagnostics; exit 1 when any error-level finding.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var options: EngineOptions
    @Option(help: "text (compiler-style) or json.")
    var format: Format = .text
    @Argument(help: "Files or folders to read; - for standard input.")
    var paths: [String]

    func run() throws {
        var worst: Severity? = nil
        var all: [JSONValue] = []
        var findings = 0
        let color = format == .text && isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        let totals = try processAll(paths, options: options) { result in
            findings += result.findings.count
            for f in result.findings where worst == nil || f.severity > worst! { worst = f.severity }
            switch format {
            case .text: writeOut(TextDiagnostics.render(result, color: color))
            case .json:
                var o: [(String, JSONValue)] = [("document", .string(result.documentID))]
                if let e = result.error { o.append(("error", .string(e))) }
                let findings = result.extraction.map { e in result.findings.map { $0.json(in: e.document) } } ?? []
                o.append(("findings", .array(findings)))
                all.append(.object(o))
            }
        }
        if format == .json { writeOut(JSONValue.array(all).serialized(pretty: true) + "\n") }
        if format == .text {
            FileHandle.standardError.write(Data("\(totals.documents) document(s), \(findings) finding(s)\(totals.unreadable > 0 ? ", \(totals.unreadable) unreadable" : "")\n".utf8))
        }
        if totals.unreadable > 0 { throw ExitCode(3) }
        if worst == .error { throw ExitCode(1) }
    }
}

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rules", abstract: "List rules or run their examples.",
                                                    subcommands: [Test.self, List.self])

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
    static let configuration = CommandConfiguration(commandName: "checks", abstract: "List the validator's checks.")
    func run() throws {
        for c in CheckCatalogue.all {
            let d = c.description
            writeOut("\(d.id) (\(d.severity.rawValue)): \(d.summary)\n")
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

    enum Suite: String, ExpressibleByArgument, CaseIterable { case all, corpus, recognizers, tempeval, reuters }

    @OptionGroup var options: EngineOptions
    @Option(help: "The folder holding recognizers-specs/ and tempeval3/.")
    var data: String = "../shared/data"
    @Option(help: "Print up to N misses per suite or file, for reading.")
    var misses: Int = 0
    @Option(help: "Reuters topics to run (comma-separated).")
    var topics: String = "trade"
    @Option(help: "Reuters: print the records of N stories, for reading by eye.")
    var sample: Int = 0
    @Flag(help: "Reuters: print every finding, for classifying true problems and false alarms.")
    var findings = false
    @Option(help: "The corpus folder for the record scores.")
    var corpus: String = "Corpus"
    @Argument(help: "all, corpus, recognizers, tempeval or reuters.")
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
                for part in ["TimeBank", "AQUAINT"] {
                    let r = try TempEvalScorer.run(directory: "\(dir)/\(part)", engine: engine, keepMisses: misses)
                    writeOut(row(part, r.documents, r.strict, r.relaxed))
                    all.documents += r.documents; all.strict = all.strict + r.strict; all.relaxed = all.relaxed + r.relaxed
                    all.misses += r.misses
                    all.otherType += r.otherType; all.underspecified += r.underspecified
                }
                writeOut(row("TimeBank + AQUAINT", all.documents, all.strict, all.relaxed))
                writeOut("  set aside: \(all.otherType) mentions overlapping only a gold TIME, DURATION or SET; right values against an underspecified gold (1989-WXX): \(all.underspecified)\n")
                for m in all.misses { writeOut("  [\(m.source)] \"\(m.text)\": \(m.detail)\n") }
            } else {
                writeOut("TempEval-3 data not found at \(dir); skipped\n")
            }
        }
        if suite == .all || suite == .reuters {
            let dir = "\(data)/reuters21578"
            guard FileManager.default.fileExists(atPath: dir) else {
                writeOut("Reuters-21578 not found at \(dir); skipped\n")
                return
            }
            let wanted = Set(topics.split(separator: ",").map(String.init))
            let stories = try ReutersStory.load(directory: dir).filter { !wanted.isDisjoint(with: $0.topics) }
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
