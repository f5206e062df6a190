import ArgumentParser
import Foundation
import TradeFacts
import PCRE2Kit
import TradeFactsEval

struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score the engine on external test data (Recognizers-Text specs, TempEval-3 TimeBank/AQUAINT, the blind Reuters gold) and on the Corpus.",
        discussion: "Data sets that are absent are skipped with a note. Scores are printed as percentages.")

    enum Suite: String, ExpressibleByArgument, CaseIterable {
        case all, corpus, recognizers, tempeval, reuters, mutations, slips, prefilter, records, values, currencies
        /// `records` on the older record-only gold (eval/gold/reuters-records) unless --gold says otherwise.
        case recordsBlind = "records-blind"
    }

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
    @Option(help: "Records: the folder of the blind Reuters gold (default eval/gold/reuters-statements; for records-blind eval/gold/reuters-records); values: the value gold folder (default eval/gold/modern-values).")
    var gold: String?
    @Flag(help: "Values: give each article the gold's referenceDate, as a wire record carries its date (for sets whose datelines have no year).")
    var dateFromGold = false
    @Option(help: "Mutations and slips: the generator's seed.")
    var seed: UInt64 = 1987
    @Option(help: "Mutations: edits drawn per article and kind.")
    var perArticle: Int = 3
    @Argument(help: "all, corpus, recognizers, tempeval, reuters, mutations, slips, prefilter, records, records-blind (records on the older record gold), values (money, percent, period and count values against eval/gold/modern-values) or currencies (every form of every currency the lexicons list, in a sentence).")
    var suite: Suite = .all

    func row(_ name: String, _ cases: Int, _ s: Score, _ r: Score) -> String {
        func p(_ x: Double) -> String { String(format: "%5.1f", x * 100) }
        return name.padding(toLength: 46, withPad: " ", startingAt: 0)
            + String(format: "%6d %6d %6d  ", cases, r.gold, r.system)
            + "\(p(s.precision)) \(p(s.recall)) \(p(s.f1))   \(p(r.precision)) \(p(r.recall)) \(p(r.f1))   \(p(r.valueAccuracy)) \(p(r.valueF1))\n"
    }

    /// Per-field and record precision, recall and F1, and up to `misses` misses (--misses by default).
    func recordTable(_ r: RecordScorer.Result, fields: [String], misses: Int? = nil) {
        func p(_ x: Double) -> String { String(format: "%5.1f", x * 100) }
        writeOut("field        tp    fp    fn     P      R      F1\n")
        for f in fields + ["record"] {
            let s = f == "record" ? r.records : (r.fields[f] ?? RecordScorer.FieldScore())
            writeOut(f.padding(toLength: 10, withPad: " ", startingAt: 0) + String(format: "%5d %5d %5d ", s.tp, s.fp, s.fn) + " \(p(s.precision))  \(p(s.recall))  \(p(s.f1))\n")
        }
        for m in r.misses.prefix(misses ?? self.misses) { writeOut("  [\(m.source)] \(m.detail)\n") }
    }

    /// Per list (money, percent, periods, counts) precision, recall and value F1, agreement on the
    /// extra fields, and up to --misses misses.
    func valueTable(_ r: ValueScorer.Result) {
        func p(_ x: Double) -> String { String(format: "%5.1f", x * 100) }
        writeOut("values       tp    fp    fn     P      R      F1\n")
        for k in ValueScorer.Kind.allCases {
            let s = r.scores[k] ?? RecordScorer.FieldScore()
            writeOut(k.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0) + String(format: "%5d %5d %5d ", s.tp, s.fp, s.fn) + " \(p(s.precision))  \(p(s.recall))  \(p(s.f1))\n")
        }
        for (name, a) in r.agreeing.sorted(by: { $0.key < $1.key }) {
            writeOut("  \(name): \(a.agree) of \(a.of) found items agree (\(p(a.of == 0 ? 0 : Double(a.agree) / Double(a.of))) %)\n")
        }
        if r.weekdays > 0 { writeOut("  weekdays and weekends named alone, not scored (the briefs leave them out): \(r.weekdays)\n") }
        if r.dayWords > 0 { writeOut("  today/yesterday/tomorrow alone, not scored (this set's gold tags none): \(r.dayWords)\n") }
        for m in r.misses.prefix(misses) { writeOut("  [\(m.source)] \(m.detail)\n") }
    }

    func run() throws {
        let engine = try options.engine(keepLatent: true)  // latent mentions are always scored
        let header = "set".padding(toLength: 46, withPad: " ", startingAt: 0)
            + " cases   gold    sys  strictP strictR strictF1  relaxP relaxR relaxF1  valAcc valF1\n"
        if suite == .all || suite == .corpus {
            let r = try RecordScorer.run(directory: corpus, engine: engine)
            writeOut("Records against the Corpus gold (\(r.articles) articles)\n")
            recordTable(r, fields: CorpusRunner.coreRecordFields)
            writeOut("\n")
        }
        if suite == .all || suite == .records {
            try records(engine, gold: gold ?? Self.statementGold)
        }
        if suite == .all || suite == .recordsBlind {
            try records(engine, gold: gold ?? Self.recordGold)
        }
        if suite == .all || suite == .values {
            let dir = suite == .values ? gold ?? "eval/gold/modern-values" : "eval/gold/modern-values"
            let r = try ValueScorer.run(directory: dir, engine: engine, dateFromGold: dateFromGold, reuters: "\(data)/reuters21578")
            writeOut("Values against \(dir) (\(r.articles) articles)\n")
            if r.unscored > 0 { writeOut("  \(r.unscored) gold files name stories not found under \(data) (reuters21578, tempeval3); skipped\n") }
            valueTable(r)
            writeOut("\n")
        }
        if suite == .all || suite == .currencies {
            let rows = CurrencyTableEval.run(ruleSet: engine.ruleSet, engine: engine)
            writeOut("Currency table: every form the currency lexicons list, in a sentence (amount and ISO code right)\n")
            for r in rows {
                writeOut(String(format: "%6d of %6d  %5.1f %%  ", r.right, r.total, r.total == 0 ? 0 : Double(r.right) * 100 / Double(r.total)) + r.form + "\n")
                for m in r.misses.prefix(misses) { writeOut("    \(m)\n") }
            }
            let right = rows.reduce(0) { $0 + $1.right }, total = rows.reduce(0) { $0 + $1.total }
            writeOut(String(format: "%6d of %6d  %5.1f %%  all forms\n\n", right, total, total == 0 ? 0 : Double(right) * 100 / Double(total)))
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
        if suite == .all || suite == .slips {
            try slips()
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

    static let statementGold = "eval/gold/reuters-statements", recordGold = "eval/gold/reuters-records"

    /// Records (and statements, when the engine produces them) against a blind Reuters gold set,
    /// the stories read from the SGML in --data.
    func records(_ engine: Engine, gold: String) throws {
        let dir = "\(data)/reuters21578"
        guard FileManager.default.fileExists(atPath: dir) else {
            writeOut("Reuters-21578 not found at \(dir); records against \(gold) skipped\n\n")
            return
        }
        guard FileManager.default.fileExists(atPath: gold) else {
            writeOut("Blind Reuters gold not found at \(gold); skipped\n\n")
            return
        }
        let stories = try BlindRecordEval.loadGold(directory: gold)
        let r = try BlindRecordEval.run(gold: stories, reuters: dir, engine: engine)
        let t = r.total
        writeOut("Records against the blind Reuters gold (\(gold)): \(r.stories.count) stories scored of \(stories.count), "
                 + "\(t.records.tp + t.records.fn) gold records, \(t.records.tp + t.records.fp) system records\n")
        if r.volumeRecordsSetAside > 0 {
            writeOut("  \(r.volumeRecordsSetAside) system records without a currency set aside: this gold's records are money only (volumes are statements)\n")
        }
        for u in r.unscored { writeOut("  not scored: \(u)\n") }
        writeOut(String(format: "records found (a system record with the gold record's flow, amount and currency): P %.1f  R %.1f  F1 %.1f  (%d of %d gold, %d system)\n",
                        t.found.precision * 100, t.found.recall * 100, t.found.f1 * 100, t.found.tp, t.found.tp + t.found.fn, t.found.tp + t.found.fp))
        writeOut("accuracy on found records (\(t.paired)):\n")
        let labels = ["period": "period", "reporter": "reporter", "partner": "partner", "commodity": "commodity", "change": "change",
                      "comparison": "base", "direction": "direction", "modality": "modality"]
        for f in ["period", "reporter", "partner", "commodity", "change", "comparison", "direction", "modality"] where r.fields.contains(f) {
            writeOut("  " + labels[f]!.padding(toLength: 10, withPad: " ", startingAt: 0)
                     + String(format: "%5.1f %%  (%d of %d)\n", r.accuracy(f) * 100, t.agreeing[f, default: 0], t.paired))
        }
        writeOut("records with every field right, field by field (a field the gold leaves out must be left out too):\n")
        recordTable(t, fields: r.fields, misses: 0)
        if let c = r.coreTotal {
            writeOut("record on \(BlindRecordEval.fields.joined(separator: ", ")) only: "
                     + String(format: "P %.1f  R %.1f  F1 %.1f (%d right)\n", c.records.precision * 100, c.records.recall * 100, c.records.f1 * 100, c.records.tp))
        }
        if r.goldStatements > 0 {
            if r.statementsProduced {
                let s = r.statements
                writeOut(String(format: "statements: %d gold, %d system, %d paired: P %.1f  R %.1f  F1 %.1f\n", s.gold, s.system, s.matched,
                                s.precision * 100, s.recall * 100, s.f1 * 100))
                for role in StatementEval.roles {
                    writeOut("  " + role.padding(toLength: 10, withPad: " ", startingAt: 0) + String(format: "%5.1f %%\n", s.accuracy(role) * 100))
                }
                for m in s.misses.prefix(misses) { writeOut("  [\(m.source)] \(m.detail)\n") }
            } else {
                writeOut("statements: not produced by this engine (\(r.goldStatements) gold statements not scored)\n")
            }
        }
        for m in t.misses.prefix(misses) { writeOut("  [\(m.source)] \(m.detail)\n") }
        writeOut("\n")
    }

    /// Planted slips in real copy: one decidable slip per copy of a Reuters story (and of the consistent
    /// Corpus articles), and how many some check notices; findings on the clean stories for the false alarms.
    func slips() throws {
        let dir = "\(data)/reuters21578"
        let hasReuters = FileManager.default.fileExists(atPath: dir)
        if !hasReuters { writeOut("Reuters-21578 not found at \(dir); slips are planted in the Corpus articles only\n") }
        let checkEngine = try options.engine()  // findings, as the check command gives them
        let start = Date()
        let stories = try SlipEval.load(reuters: hasReuters ? dir : nil, corpus: FileManager.default.fileExists(atPath: corpus) ? corpus : nil)
        let r = SlipEval.run(stories: stories, engine: checkEngine, seed: seed, perKind: Self.slipsPerClass, keepUndetected: misses)
        func pct(_ a: Int, _ n: Int) -> String { n == 0 ? "    -" : String(format: "%5.1f%%", Double(a) * 100 / Double(n)) }
        func fired(_ byCheck: [String: Int]) -> String {
            byCheck.sorted { a, b in a.value != b.value ? a.value > b.value : a.key < b.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        }
        writeOut("Planted slips in real copy (seed \(seed); one slip per copy, at most one copy per story and class, at most \(Self.slipsPerClass) copies per class)\n")
        writeOut("  stories: \(r.reutersStories) Reuters-21578 stories, \(r.corpusArticles) consistent Corpus articles; \(r.candidates) with a statement or record with a figure (where slips are planted)\n")
        writeOut("  detected: the copy has a finding (any check, any severity) that the clean story has not (same check and span, moved by the edit)\n")
        let perHundred = r.reutersStories == 0 ? 0 : Double(r.reutersFindingCount) * 100 / Double(r.reutersStories)
        writeOut("  clean Reuters stories: \(r.reutersFindingCount) findings in \(r.reutersStories) stories (" + String(format: "%.2f", perHundred) + " per 100 stories)"
                 + (r.reutersFindings.isEmpty ? "" : ": " + fired(r.reutersFindings)) + "\n")
        writeOut("  clean Corpus articles: \(r.corpusFindings.count) findings in \(r.corpusArticles) articles\n")
        for f in r.corpusFindings { writeOut("    \(f)\n") }
        for f in r.reutersFindingList.prefix(misses) { writeOut("    \(f)\n") }
        writeOut("class                planted detected  recall  scanned  without a site  checks that fired\n")
        for kind in SlipEval.Kind.allCases {
            let k = r.kinds[kind] ?? SlipEval.KindResult()
            var line = kind.rawValue.padding(toLength: 20, withPad: " ", startingAt: 0)
            line += String(format: "%8d %8d ", k.planted, k.detected) + pct(k.detected, k.planted)
            line += String(format: " %8d %15d  ", k.scanned, k.withoutSite) + fired(k.byCheck) + "\n"
            writeOut(line)
        }
        writeOut("all classes".padding(toLength: 20, withPad: " ", startingAt: 0) + String(format: "%8d %8d ", r.totalPlanted, r.totalDetected) + pct(r.totalDetected, r.totalPlanted) + "\n")
        let inCorpus = r.kinds.values.reduce(0) { $0 + $1.plantedInCorpus }
        let elsewhere = r.kinds.values.reduce(0) { $0 + $1.detectedElsewhere }
        writeOut("  copies planted in Corpus articles: \(inCorpus) of \(r.totalPlanted); detected copies whose new findings all point outside the edited sentence: \(elsewhere)\n")
        for kind in SlipEval.Kind.allCases {
            for u in r.undetected[kind] ?? [] {
                writeOut("  undetected \(kind.rawValue): \(u.story): \"\(u.slip.original)\" → \"\(u.slip.replacement)\" (\(u.slip.note))\n      \(u.sentence)\n")
            }
        }
        writeOut(String(format: "  %.1f s\n\n", Date().timeIntervalSince(start)))
    }

    static let slipsPerClass = 600

    func percent(_ a: Int, _ n: Int) -> String { String(format: "%.1f%%", Double(a) * 100 / Double(n)) }
}
