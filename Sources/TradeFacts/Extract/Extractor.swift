import Foundation
import PCRE2Kit

/// A problem met while extracting from one document (e.g. a rule hit the match limit).
/// The rest of the document's results are kept.
public struct ExtractionDiagnostic: Sendable, Codable {
    public let rule: String
    public let message: String
}

/// What extraction yields for one document.
public struct Extraction: Sendable {
    public let document: Document
    public let referenceDate: CalendarDate?
    public let referenceDateSource: ReferenceDateSource
    /// The dateline mention's span, when the reference date came from it.
    public let datelineSpan: Span?
    /// The headline line (first line, when a dateline follows it).
    public let headlineSpan: Span?
    public let mentions: [Mention]
    public let diagnostics: [ExtractionDiagnostic]
}

/// Runs every rule over a document, resolves overlaps, normalizes values and resolves dates
/// against the reference date (the `--date` option, else the dateline).
public final class Extractor: @unchecked Sendable {
    public let ruleSet: RuleSet
    let futureCues: Pattern?

    public init(ruleSet: RuleSet) throws {
        self.ruleSet = ruleSet
        futureCues = ruleSet.lexicons["future-cues"] != nil ? try ruleSet.compile(#"\b{{lexicon:future-cues}}\b"#) : nil
    }

    struct Candidate {
        let rule: Int
        let match: Span
        let span: Span
        let groups: [(field: String, range: Range<Int>)]
    }

    /// Extracts mentions from `document`. `scratch` is per-thread matching state.
    public func extract(_ document: Document, scratch: MatchScratch = MatchScratch()) -> Extraction {
        var candidates: [Candidate] = []
        var diagnostics: [ExtractionDiagnostic] = []
        document.bytes.withUnsafeBufferPointer { buffer in
            for (index, rule) in ruleSet.rules.enumerated() {
                do {
                    try rule.pattern.forEachMatch(in: buffer, scratch: scratch) { m in
                        let whole = m.range
                        let span = rule.spanGroup.flatMap { m.range(ofGroup: $0) } ?? whole
                        var groups: [(String, Range<Int>)] = []
                        for fg in rule.fieldGroups { if let r = m.range(ofGroup: fg.group) { groups.append((fg.field, r)) } }
                        if !whole.isEmpty { candidates.append(Candidate(rule: index, match: Span(whole), span: Span(span), groups: groups)) }
                        return true
                    }
                } catch {
                    diagnostics.append(ExtractionDiagnostic(rule: rule.id, message: "\(error)"))
                }
            }
        }
        let chosen = resolveOverlaps(candidates)
        var mentions: [Mention] = chosen.compactMap { normalize($0, document) }

        // Reference date: given, else the dateline.
        var reference = document.givenReferenceDate
        var source: ReferenceDateSource = reference == nil ? .none : .option
        var datelineSpan: Span? = nil
        var headlineSpan: Span? = nil
        if let i = datelineIndex(mentions, document) {
            mentions[i].role = "dateline"
            datelineSpan = mentions[i].span
            let f = mentions[i].periodFields!
            if reference == nil {
                reference = CalendarDate(validYear: f.year!, month: f.month!, day: f.day!)
                source = reference == nil ? .none : .dateline
            }
            let line = document.lineIndex.lineIndex(of: mentions[i].span.start)
            if line > 0 { headlineSpan = document.lineIndex.span(ofLine: 1, in: document.bytes) }
        }

        // Resolve calendar mentions, then anaphoric ones ("the same period last year").
        for i in mentions.indices {
            guard case let .calendar(fields, _) = mentions[i].value, !fields.samePeriod else { continue }
            let tense = self.tense(around: mentions[i].span, in: document)
            mentions[i].value = .calendar(fields: fields, resolved: PeriodResolver.resolve(fields, reference: reference, tense: tense))
        }
        for i in mentions.indices {
            guard case let .calendar(fields, nil) = mentions[i].value, fields.samePeriod else { continue }
            if let antecedent = antecedentPeriod(before: i, mentions, document) {
                mentions[i].value = .calendar(fields: fields, resolved: PeriodResolver.resolveSamePeriod(antecedent: antecedent, yearOffset: fields.yearOffset))
            }
        }
        return Extraction(document: document, referenceDate: reference, referenceDateSource: source,
                          datelineSpan: datelineSpan, headlineSpan: headlineSpan, mentions: mentions, diagnostics: diagnostics)
    }

    /// Longest match wins; then higher priority; then the earlier rule. Accepted matches never overlap.
    func resolveOverlaps(_ candidates: [Candidate]) -> [Candidate] {
        let order = candidates.indices.sorted { a, b in
            let x = candidates[a], y = candidates[b]
            if x.match.length != y.match.length { return x.match.length > y.match.length }
            let px = ruleSet.rules[x.rule].priority, py = ruleSet.rules[y.rule].priority
            if px != py { return px > py }
            if x.match.start != y.match.start { return x.match.start < y.match.start }
            return x.rule < y.rule
        }
        var accepted: [Candidate] = []
        var taken: [Span] = []  // kept sorted by start
        for i in order {
            let c = candidates[i]
            // Binary search for the first taken span ending after c starts.
            var lo = 0, hi = taken.count
            while lo < hi { let mid = (lo + hi) / 2; if taken[mid].start < c.match.start { lo = mid + 1 } else { hi = mid } }
            let overlapsPrevious = lo > 0 && taken[lo - 1].end > c.match.start
            let overlapsNext = lo < taken.count && taken[lo].start < c.match.end
            if overlapsPrevious || overlapsNext { continue }
            taken.insert(c.match, at: lo)
            accepted.append(c)
        }
        return accepted.sorted { ($0.span.start, $0.span.end) < ($1.span.start, $1.span.end) }
    }

    /// The first full date near the start of one of the first three non-empty lines.
    func datelineIndex(_ mentions: [Mention], _ document: Document) -> Int? {
        var nonEmpty = 0
        for lineNo in 1...max(1, min(document.lineIndex.lineStarts.count, 6)) {
            let line = document.lineIndex.span(ofLine: lineNo, in: document.bytes)
            if document.text(line).trimmingCharacters(in: .whitespaces).isEmpty { continue }
            nonEmpty += 1
            if nonEmpty > 3 { break }
            for (i, m) in mentions.enumerated() where line.contains(m.span) && m.span.start - line.start <= 40 {
                if let f = m.periodFields, f.year != nil, f.month != nil, f.day != nil, f.dayTo == nil { return i }
            }
        }
        return nil
    }

    /// Future when the sentence has a future cue ("will", "is expected to", "forecast"); past otherwise.
    func tense(around span: Span, in document: Document) -> Tense {
        guard let cues = futureCues, let s = document.sentenceIndex(of: span.start) else { return .past }
        let future = !document.matchSpans(of: cues, in: document.sentences[s].span, limit: 1).isEmpty
        return future ? .future : .past
    }

    /// The period a "same period" mention refers back to: the nearest earlier period in the same
    /// or the two previous sentences that is not itself a comparison base or an open anchor.
    func antecedentPeriod(before index: Int, _ mentions: [Mention], _ document: Document) -> ResolvedPeriod? {
        let here = document.sentenceIndex(of: mentions[index].span.start) ?? 0
        for j in stride(from: index - 1, through: 0, by: -1) {
            let m = mentions[j]
            guard let p = m.period, m.role == nil, p.granularity != .day, m.qualifier == nil,
                  !(m.periodFields?.samePeriod ?? false) else { continue }
            let s = document.sentenceIndex(of: m.span.start) ?? 0
            if here - s > 2 { return nil }
            return p
        }
        return nil
    }

    // MARK: Normalization

    func normalize(_ c: Candidate, _ document: Document) -> Mention? {
        let rule = ruleSet.rules[c.rule]
        var raw: [String: String] = rule.literals
        for g in c.groups { raw[g.field] = document.text(Span(g.range)) }
        let qualifier = raw["qualifier"].map { q in
            ruleSet.lexicons["qualifiers"]?.lookup(q) ?? ruleSet.lexicons["date-qualifiers"]?.lookup(q) ?? Lexicon.key(q)
        }
        let value: MentionValue
        switch rule.type {
        case .money:
            let scale = raw["scale"].flatMap(Numbers.scale) ?? 1
            let amount = raw["amount"].flatMap(Numbers.parse).map { $0 * scale }
            let low = raw["low"].flatMap(Numbers.parse).map { $0 * scale }
            let high = raw["high"].flatMap(Numbers.parse).map { $0 * scale }
            guard amount != nil || low != nil || high != nil else { return nil }
            value = .money(amount: amount, low: low, high: high, currency: raw["currency"].flatMap(currency))
        case .percent:
            let unit = raw["unit"].flatMap { ruleSet.lexicons["percent-units"]?.lookup($0) }.flatMap(PercentUnit.init(rawValue:)) ?? .percent
            var v = raw["value"].flatMap(Numbers.parse)
            let low = raw["low"].flatMap(Numbers.parse), high = raw["high"].flatMap(Numbers.parse)
            guard v != nil || low != nil || high != nil else { return nil }
            var direction = raw["direction"].flatMap { ruleSet.lexicons["directions"]?.lookup($0) }.flatMap(Direction.init(rawValue:))
            if let sign = raw["sign"] {
                if sign.hasPrefix("-") || sign.hasPrefix("\u{2212}") { direction = .down } else if sign.hasPrefix("+") { direction = .up }
            }
            if let x = v, x < 0 { v = -x; direction = .down }
            let basis = raw["basis"].map { ruleSet.lexicons["bases"]?.lookup($0) ?? Lexicon.key($0) }
            value = .percent(value: v, low: low, high: high, unit: unit, direction: direction, basis: basis)
        case .count:
            let v = raw["value"].flatMap(Numbers.parse)
            let low = raw["low"].flatMap(Numbers.parse), high = raw["high"].flatMap(Numbers.parse)
            guard v != nil || low != nil else { return nil }
            let of = Lexicon.key(raw["of"] ?? "")
            let partners = ruleSet.lexicons["partner-nouns"]?.lookup(of) != nil
            value = .count(value: v, low: low, high: high, of: of, partners: partners)
        case .number:
            guard var v = raw["value"].flatMap(Numbers.parse) else { return nil }
            if let s = raw["scale"].flatMap(Numbers.scale) { v *= s }
            value = .number(value: v)
        case .date, .period:
            guard let f = calendarFields(raw) else { return nil }
            value = .calendar(fields: f, resolved: nil)
        }
        return Mention(type: rule.type, span: c.span, matchSpan: c.match, text: document.text(c.span), rule: rule.id,
                       value: value, qualifier: qualifier, role: nil)
    }

    func currency(_ text: String) -> String? {
        for name in ["currency-symbols", "currency-words", "currency-codes"] {
            if let code = ruleSet.lexicons[name]?.lookup(text) { return code }
        }
        let t = text.trimmingCharacters(in: .whitespaces)
        if t.count == 3, t.allSatisfy({ $0.isUppercase && $0.isASCII }) { return t }
        return nil
    }

    func offset(_ text: String) -> Int? {
        if let v = ruleSet.lexicons["relative-offsets"]?.lookup(text), let n = Int(v) { return n }
        return Int(text)
    }

    /// Normalizes calendar fields; nil when a field that was captured cannot be read.
    func calendarFields(_ raw: [String: String]) -> PeriodFields? {
        var f = PeriodFields()
        func read<T>(_ key: String, _ parse: (String) -> T?, into path: WritableKeyPath<PeriodFields, T?>) -> Bool {
            guard let text = raw[key] else { return true }
            guard let v = parse(text) else { return false }
            f[keyPath: path] = v
            return true
        }
        let ok = read("year", Numbers.year, into: \.year)
            && read("yearOffset", offset, into: \.yearOffset)
            && read("month", Numbers.month, into: \.month)
            && read("monthTo", Numbers.month, into: \.monthTo)
            && read("day", Numbers.ordinal, into: \.day)
            && read("dayTo", Numbers.ordinal, into: \.dayTo)
            && read("quarter", Numbers.ordinal, into: \.quarter)
            && read("quarterTo", Numbers.ordinal, into: \.quarterTo)
            && read("half", Numbers.ordinal, into: \.half)
            && read("firstMonths", Numbers.ordinal, into: \.firstMonths)
            && read("firstQuarters", Numbers.ordinal, into: \.firstQuarters)
            && read("decade", Numbers.year, into: \.decade)
            && read("dayOffset", { self.ruleSet.lexicons["relative-days"]?.lookup($0).flatMap(Int.init) ?? Int($0) }, into: \.dayOffset)
            && read("monthOffset", offset, into: \.monthOffset)
            && read("weekOffset", offset, into: \.weekOffset)
            && read("weekday", Numbers.weekday, into: \.weekday)
        guard ok else { return nil }
        if let q = f.quarter, q == -1 { f.quarter = 4 }
        if let h = f.half, h == -1 { f.half = 2 }
        if raw["toDate"] != nil { f.toDate = true }
        if raw["samePeriod"] != nil { f.samePeriod = true }
        return f
    }
}

extension MatchScratch {
    /// A scratch for the current thread, created on first use.
    public static var shared: MatchScratch {
        let key = "tradefacts.matchscratch"
        if let s = Thread.current.threadDictionary[key] as? MatchScratch { return s }
        let s = MatchScratch()
        Thread.current.threadDictionary[key] = s
        return s
    }
}
