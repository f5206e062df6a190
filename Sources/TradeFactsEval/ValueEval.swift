import Foundation
import TradeFactsRules
import TradeFactsText
import TradeFacts

/// Scores mention values against a value gold folder (`eval/gold/modern-values`): for each article
/// `NAME.txt`, `NAME.gold.yaml` lists its money amounts, percentages, periods and partner counts.
/// A gold file with no article beside it names a Reuters-21578 story instead (`id: reuters-NNNN`,
/// `file: reut2-0NN.sgm`): its text is read from the Reuters folder, never stored with the gold, and
/// its items are placed by UTF-8 byte offsets (`at: "START-END"`) rather than by text.
///
/// Each gold item is placed in the text: its `text` is searched for from the end of the previous
/// item of the same list (the gold's own rule for repeated strings). A gold item is found when a
/// system mention of its kind overlaps that place and gives its value: money the same amount (or
/// range end) and currency; a percent the same magnitude (basis points also as points: 84 as 0.84;
/// a gold value of two or more decimal places, as 66.67 for "66-2/3 pct", also any value it rounds); a period the same first and last day; a
/// count the same number. A system mention that finds no gold item is a false positive, except a
/// dateline, and a weekday or the weekend named alone ("on Monday", "last Friday", "the weekend") in a set whose gold tags no
/// weekday: the later briefs leave weekdays out ("not the dateline, not weekdays"), so there they
/// are not scored either way and are counted apart; the first set's gold tags them, and they count.
/// "Today", "yesterday" and "tomorrow" alone, on which the briefs are silent and annotators differ
/// (some tag them as days, some leave them out as they leave weekdays), are treated the same way:
/// scored in a set whose gold tags one, counted apart in a set whose gold tags none.
/// Kind and fiscal readings are reported as agreement on the items found.
package enum ValueScorer {
    /// The gold lists and the mention types they are scored against.
    package enum Kind: String, CaseIterable, Sendable {
        case money, percent, periods, counts
    }

    package struct Result: Sendable {
        package var articles = 0
        package var scores: [Kind: RecordScorer.FieldScore] = [:]
        /// Found items whose system mention agrees on an extra field (percent kind, fiscal
        /// reading), and the found items the gold gives that field for.
        package var agreeing: [String: (agree: Int, of: Int)] = [:]
        package var misses: [EvalMiss] = []
        /// Gold files naming a Reuters story that could not be read (no Reuters folder, no such story).
        package var unscored = 0
        /// Weekdays and weekends the engine read, left out of the scores of a set whose gold tags none
        /// (the briefs leave weekdays out).
        package var weekdays = 0
        /// "Today", "yesterday", "tomorrow" the engine read, left out of the scores of a set whose
        /// gold tags none.
        package var dayWords = 0
        package init() {}
    }

    struct GoldItem {
        let kind: Kind
        let text: String
        let fields: [String: String]
        var span: Span?
    }

    /// With `dateFromGold`, each article is given its gold `referenceDate`, as a wire record
    /// carries its date apart from the text (sets whose datelines have no year, like Reuters');
    /// otherwise the engine reads the date from the article, as a user's run on a file would, and
    /// an article that gives none is given the gold's, as a user gives `--date`.
    package static func run(directory: String, engine: Engine, dateFromGold: Bool = false, reuters: String? = nil) throws -> Result {
        var result = Result()
        var pending: [(gold: [GoldItem], mentions: [Mention], file: String)] = []
        let files = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        try runReutersStories(files: files, directory: directory, engine: engine, reuters: reuters, into: &result, pending: &pending)
        for file in files where file.hasSuffix(".txt") {
            let base = String(file.dropLast(4))
            let goldPath = "\(directory)/\(base).gold.yaml"
            guard let goldText = try? String(contentsOfFile: goldPath, encoding: .utf8),
                  let gold = try YAMLNode.parse(goldText, file: goldPath)?.plainValue as? [String: Any] else { continue }
            let text = try String(contentsOfFile: "\(directory)/\(file)", encoding: .utf8)
            // The reference date is read from the article's dateline, as a user's run would.
            let goldDate = (gold["referenceDate"].flatMap { CorpusRunner.text($0) }).flatMap(CalendarDate.init(iso:))
            var extraction = engine.process(Document(id: file, text: text, referenceDate: dateFromGold ? goldDate : nil)).extraction
            // An article whose text gives no year (a yearless dateline, no year written) gets the
            // gold's date, as a user gives it with --date.
            if extraction?.referenceDate == nil, let goldDate {
                extraction = engine.process(Document(id: file, text: text, referenceDate: goldDate)).extraction
            }
            let mentions = extraction?.mentions ?? []
            result.articles += 1
            pending.append((items(gold, in: Array(text.utf8)), mentions, base))
        }
        // Whether the set's gold tags a weekday, the weekend or a day word decides whether the
        // rules that read them are scored.
        var unscored = Set<String>()
        for c in silentConventions where !pending.contains(where: { p in p.gold.contains { $0.kind == .periods && c.tagged($0.text) } }) {
            unscored.formUnion(c.rules)
        }
        for p in pending { score(gold: p.gold, mentions: p.mentions, file: p.file, unscored: unscored, into: &result) }
        return result
    }

    static let weekdayNames = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    static let dayWordNames: Set<String> = ["today", "yesterday", "tomorrow", "tonight"]
    /// A gold text that is a day word alone ("yesterday", "Today").
    package static func isDayWord(_ text: String) -> Bool {
        let words = text.lowercased().split(whereSeparator: { !$0.isLetter })
        return words.count == 1 && dayWordNames.contains(String(words[0]))
    }
    /// A gold text that names a weekday alone ("Wednesday", "on Tuesday", "last Friday").
    static func isWeekdayName(_ text: String) -> Bool {
        let words = text.lowercased().split(whereSeparator: { !$0.isLetter })
        return words.count <= 3 && words.contains { weekdayNames.contains(String($0)) }
    }

    /// What the briefs leave out or leave unsaid, and annotators differ on: the rules that read it,
    /// scored only in a set whose gold tags it (`tagged`).
    struct SilentConvention: Sendable {
        let rules: Set<String>
        let tagged: @Sendable (String) -> Bool
    }
    static let silentConventions = [
        SilentConvention(rules: weekdayRules, tagged: isWeekdayName),
        SilentConvention(rules: weekendRules, tagged: isWeekend),
        SilentConvention(rules: dayWordRules, tagged: isDayWord),
    ]

    /// The gold files that name a story rather than sit beside an article: a Reuters story is read
    /// from `reuters` (`file: reut2-*.sgm`), a TimeBank story from the TempEval-3 folder beside it
    /// (`file: TimeBank/wsj_0136.tml`: its TEXT without tags, as `eval tempeval` reads it); each is
    /// given its gold date, as the wire or the document's creation time gave it. Without the data
    /// folder they are counted in `unscored` and skipped.
    static func runReutersStories(files: [String], directory: String, engine: Engine, reuters: String?, into result: inout Result,
                                  pending: inout [(gold: [GoldItem], mentions: [Mention], file: String)]) throws {
        var wanted: [(file: String, id: String, sgml: String, gold: [String: Any])] = []  // (file: the story's SGML or .tml file)
        for file in files where file.hasSuffix(".gold.yaml") && !files.contains(String(file.dropLast(10)) + ".txt") {
            let path = "\(directory)/\(file)"
            guard let gold = try YAMLNode.parse(String(contentsOfFile: path, encoding: .utf8), file: path)?.plainValue as? [String: Any],
                  let id = gold["id"].flatMap({ CorpusRunner.text($0) }), let sgml = gold["file"].flatMap({ CorpusRunner.text($0) }) else { continue }
            wanted.append((file, id, sgml, gold))
        }
        guard !wanted.isEmpty else { return }
        var byID: [String: (text: String, date: CalendarDate?)] = [:]
        var absent = Set<String>()    // stories whose data folder is not there
        // TimeBank stories from the TempEval-3 folder beside the Reuters one.
        let tml = wanted.filter { $0.sgml.hasSuffix(".tml") }
        if !tml.isEmpty {
            if let root = reuters.map({ ($0 as NSString).deletingLastPathComponent + "/tempeval3/TBAQ-cleaned" }),
               FileManager.default.fileExists(atPath: root) {
                for w in tml {
                    guard let xml = try? String(contentsOfFile: "\(root)/\(w.sgml)", encoding: .utf8),
                          let doc = TimeMLDocument.parse(xml, id: w.id) else { continue }
                    byID[w.id] = (doc.text, doc.dct)
                }
            } else {
                absent.formUnion(tml.map(\.id))
            }
        }
        let sgml = wanted.filter { !$0.sgml.hasSuffix(".tml") }
        if !sgml.isEmpty {
            if let reuters, FileManager.default.fileExists(atPath: reuters) {
                for s in try ReutersStory.load(directory: reuters, only: Set(sgml.map(\.sgml))) where byID["reuters-\(s.id)"] == nil {
                    byID["reuters-\(s.id)"] = (s.text, s.date)
                }
            } else {
                absent.formUnion(sgml.map(\.id))
            }
        }
        result.unscored += absent.count
        try score(wanted.filter { !absent.contains($0.id) }, byID, engine, &result, &pending)
    }

    /// Scores the named stories found in `byID` (text and date), reporting the missing ones.
    static func score(_ wanted: [(file: String, id: String, sgml: String, gold: [String: Any])], _ byID: [String: (text: String, date: CalendarDate?)],
                      _ engine: Engine, _ result: inout Result, _ pending: inout [(gold: [GoldItem], mentions: [Mention], file: String)]) throws {
        for w in wanted {
            guard let story = byID[w.id] else {
                result.unscored += 1
                result.misses.append(EvalMiss(source: w.file, text: "", detail: "no story \(w.id) in \(w.sgml)"))
                continue
            }
            let length = story.text.utf8.count
            if let want = w.gold["bytes"].flatMap({ CorpusRunner.text($0) }).flatMap({ Int($0) }), want != length {
                result.unscored += 1
                result.misses.append(EvalMiss(source: w.file, text: "", detail: "story \(w.id) is \(length) bytes, the gold's offsets are for \(want)"))
                continue
            }
            let goldDate = (w.gold["referenceDate"].flatMap { CorpusRunner.text($0) }).flatMap(CalendarDate.init(iso:))
            let mentions = engine.process(Document(id: w.id, text: story.text, referenceDate: goldDate ?? story.date)).extraction?.mentions ?? []
            result.articles += 1
            pending.append((items(w.gold, in: Array(story.text.utf8)), mentions, w.id))
        }
    }

    /// The gold items of every list, each placed at its occurrence in `bytes` (or at its `at`
    /// byte offsets, whose text is then read from `bytes`).
    static func items(_ gold: [String: Any], in bytes: [UInt8]) -> [GoldItem] {
        var out: [GoldItem] = []
        for kind in Kind.allCases {
            var from = 0
            for case let entry as [String: Any] in gold[kind.rawValue] as? [Any] ?? [] {
                let fields = entry.compactMapValues { CorpusRunner.text($0) }
                if let at = fields["at"] {
                    let ends = at.split(separator: "-").compactMap { Int($0) }
                    let span = ends.count == 2 && 0 <= ends[0] && ends[0] < ends[1] && ends[1] <= bytes.count ? Span(ends[0], ends[1]) : nil
                    let text = span.map { String(decoding: bytes[$0.start..<$0.end], as: UTF8.self) } ?? "(offsets \(at) outside the story)"
                    out.append(GoldItem(kind: kind, text: text, fields: fields.filter { $0.key != "at" }, span: span))
                    continue
                }
                let text = fields["text"] ?? ""
                var item = GoldItem(kind: kind, text: text, fields: fields, span: nil)
                let needle = Array(text.utf8)
                if let at = bytes.firstIndex(of: needle, from: from) ?? bytes.firstIndex(of: needle) {
                    item.span = Span(at, at + needle.count)
                    from = at + needle.count
                }
                out.append(item)
            }
        }
        return out
    }

    /// The rules that read a weekday named alone, which the value briefs do not tag.
    static let weekdayRules: Set<String> = ["date.weekday", "date.weekday-relative"]
    /// The rule that reads the weekend ("the weekend", "last weekend"), which annotators who leave
    /// weekdays out mostly leave out with them.
    static let weekendRules: Set<String> = ["period.weekend"]
    /// A gold text that names the weekend ("last weekend", "over the weekend").
    static func isWeekend(_ text: String) -> Bool {
        let words = text.lowercased().split(whereSeparator: { !$0.isLetter })
        return words.count <= 3 && words.contains("weekend")
    }
    /// The rule that reads "today", "yesterday", "tomorrow" alone.
    static let dayWordRules: Set<String> = ["date.relative-day"]

    /// The gold list a mention is scored in, if any.
    static func kind(of m: Mention, unscored: Set<String> = []) -> Kind? {
        if m.role == "dateline" || m.role == "stamp" || m.latent || unscored.contains(m.rule) { return nil }
        switch m.value {
        case .money: return .money
        case .percent: return .percent
        case .calendar: return m.period == nil ? nil : .periods
        case let .count(_, _, _, _, partners): return partners ? .counts : nil
        default: return nil
        }
    }

    static func decimal(_ s: String?) -> Decimal? { s.flatMap { Decimal(string: $0, locale: Locale(identifier: "en_US_POSIX")) } }

    /// Whether mention `m` gives the value of gold item `g`.
    static func agrees(_ m: Mention, _ g: GoldItem) -> Bool {
        let wantText = g.fields["amount"] ?? g.fields["value"]
        // A gold value written to two or more places of decimals (66.67 for "66-2/3 pct", which no
        // decimal writes out) agrees with a value it rounds, to half a unit of its last place.
        let places = wantText.flatMap { t in t.firstIndex(of: ".").map { t.distance(from: $0, to: t.endIndex) - 1 } } ?? 0
        var halfUnit = Decimal(0)
        if places >= 2 {
            halfUnit = Decimal(5)
            for _ in 0...places { halfUnit /= 10 }
        }
        func close(_ a: Decimal?, _ b: Decimal?) -> Bool {
            guard let a, let b else { return false }
            let d = (a - b).magnitude, scale = max(a.magnitude, b.magnitude)
            return d <= scale * Decimal(string: "0.0000001")! || d < halfUnit
        }
        let want = decimal(wantText)
        switch m.value {
        case let .money(amount, low, high, currency, _):
            return currency == g.fields["currency"] && [amount, low, high].contains { close($0, want) }
        case let .percent(v, low, high, unit, _, _):
            // Basis points are hundredths of a point: a gold that gives "84 basis points" as 0.84
            // points names the same quantity.
            let values = unit == .basis_points ? [v, low, high] + [v, low, high].map { $0.map { $0 / 100 } } : [v, low, high]
            return values.contains { close($0, want) }
        case let .count(v, low, high, _, _):
            return [v, low, high].contains { close($0, want) }
        case .calendar:
            guard let p = m.period else { return false }
            return p.from.iso == g.fields["from"] && p.to.iso == g.fields["to"]
        default:
            return false
        }
    }

    static func score(gold: [GoldItem], mentions: [Mention], file: String, unscored: Set<String>, into result: inout Result) {
        var used = Set<Int>()
        for g in gold {
            var s = result.scores[g.kind, default: RecordScorer.FieldScore()]
            let overlapping = mentions.indices.filter { i in
                guard kind(of: mentions[i], unscored: unscored) == g.kind, let span = g.span else { return false }
                return mentions[i].span.start < span.end && span.start < mentions[i].span.end
            }
            if let hit = overlapping.first(where: { agrees(mentions[$0], g) }) {
                s.tp += 1
                used.insert(hit)
                extras(mentions[hit], g, into: &result)
            } else {
                s.fn += 1
                let got = overlapping.map { describe(mentions[$0]) }.joined(separator: "; ")
                let want = g.fields.filter { $0.key != "text" && $0.key != "note" }.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
                result.misses.append(EvalMiss(source: file, text: g.text, detail: "missed \(g.kind.rawValue) \"\(g.text)\" (\(want))" + (got.isEmpty ? "" : "; got \(got)")))
            }
            result.scores[g.kind] = s
        }
        result.weekdays += mentions.filter { (weekdayRules.contains($0.rule) || weekendRules.contains($0.rule)) && unscored.contains($0.rule) && !$0.latent }.count
        result.dayWords += mentions.filter { dayWordRules.contains($0.rule) && unscored.contains($0.rule) && !$0.latent }.count
        for (i, m) in mentions.enumerated() where !used.contains(i) {
            guard let k = kind(of: m, unscored: unscored) else { continue }
            // A mention overlapping a found item of its kind is the same figure read twice only if
            // it gives a value the gold lacks; count it, as a user would see it.
            result.scores[k, default: RecordScorer.FieldScore()].fp += 1
            result.misses.append(EvalMiss(source: file, text: m.text, detail: "extra \(k.rawValue) \"\(m.text)\": \(describe(m))"))
        }
    }

    /// Agreement on the percent kind and the fiscal reading of a found item.
    static func extras(_ m: Mention, _ g: GoldItem, into result: inout Result) {
        if g.kind == .percent, let want = g.fields["kind"] {
            var a = result.agreeing["percent kind", default: (0, 0)]
            a.of += 1
            if m.percentKind == want { a.agree += 1 } else {
                result.misses.append(EvalMiss(source: "kind", text: m.text, detail: "percent kind of \"\(g.text)\": gold \(want), got \(m.percentKind ?? "none") (\(m.rule))"))
            }
            result.agreeing["percent kind"] = a
        }
        if g.kind == .periods {
            var a = result.agreeing["fiscal reading", default: (0, 0)]
            let wantFiscal = g.fields["fiscal"] == "true"
            let gotFiscal: Bool
            if case let .calendar(fields, _) = m.value { gotFiscal = fields.fiscalYearStart != nil } else { gotFiscal = false }
            if wantFiscal || gotFiscal {
                a.of += 1
                if wantFiscal == gotFiscal { a.agree += 1 }
                result.agreeing["fiscal reading"] = a
            }
        }
    }

    static func describe(_ m: Mention) -> String {
        switch m.value {
        case let .money(amount, low, high, currency, _):
            return "money \(amount.map { "\($0)" } ?? "\(low.map { "\($0)" } ?? "?")-\(high.map { "\($0)" } ?? "?")") \(currency ?? "no currency") (\(m.rule))"
        case let .percent(v, _, _, _, _, _):
            return "percent \(v.map { "\($0)" } ?? "range") kind \(m.percentKind) (\(m.rule))"
        case .calendar:
            return "period \(m.period.map { "\($0.from.iso)..\($0.to.iso)" } ?? "unresolved") (\(m.rule))"
        case let .count(v, _, _, _, _):
            return "count \(v.map { "\($0)" } ?? "range") (\(m.rule))"
        default:
            return "\(m.type) (\(m.rule))"
        }
    }
}
