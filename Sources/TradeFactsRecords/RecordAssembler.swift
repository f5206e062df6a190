import Foundation
import PCRE2Kit
import TradeFactsText
import TradeFactsRules
import TradeFactsExtract
import TradeFactsStatements

/// Assembles trade records from mentions, sentence by sentence, using the lexicons in `Rules/`
/// (flows, places, commodities) and the `record-*` definitions. Parts a sentence leaves out are
/// carried from context the way a reader does: the reporter, commodity and period of the previous
/// figure, else of the headline and lede; the source named anywhere in the article.
public final class RecordAssembler: @unchecked Sendable {
    let flows: Pattern
    let places: Pattern
    let commodities: Pattern
    let source: Pattern
    let partnerListIntro: Pattern
    let clauseBreak: Pattern
    let comparisonCue: Pattern
    /// `record-compared-value-cue` and `record-change-amount-cue` (Rules/records.yaml).
    let comparedValueCue: Pattern, changeAmountCue: Pattern
    let partnerPreposition: Pattern
    let qualifierWords: Pattern?
    /// "cumulative", "accumulated": a figure that runs from the start of its year.
    let cumulativeCue: Pattern
    /// Adjectives of place ("Dutch exports"); nil without the `demonyms` lexicon.
    let demonyms: Pattern?
    let ruleSet: RuleSet
    /// The lexicons whose values hits take, found by name once (nil when the rule set lacks one).
    let flowsLexicon, placesLexicon, commoditiesLexicon, qualifiersLexicon, demonymsLexicon: Lexicon?

    /// An assembler reading `ruleSet`'s lexicons (`flows`, `places`, `commodities`, `record-qualifiers`)
    /// and `record-*` definitions. Throws when one of its patterns does not compile (a definition missing, say).
    public init(ruleSet: RuleSet) throws {
        self.ruleSet = ruleSet
        flowsLexicon = ruleSet.lexicons["flows"]
        placesLexicon = ruleSet.lexicons["places"]
        commoditiesLexicon = ruleSet.lexicons["commodities"]
        qualifiersLexicon = ruleSet.lexicons["record-qualifiers"]
        demonymsLexicon = ruleSet.lexicons["demonyms"]
        cumulativeCue = try ruleSet.compile(#"(?<![A-Za-z])(?:cumulative|cumulated|accumulated|year-to-date)(?![A-Za-z])"#)
        demonyms = ruleSet.lexicons["demonyms"] == nil ? nil
            : try ruleSet.compile(#"(?<![A-Za-z])(?<w>{{lexicon:demonyms}})(?![A-Za-z])"#, caseless: false)
        // A flow word that ends an institution's name ("the Foreign Trade Department") is not a flow.
        flows = try ruleSet.compile(ruleSet.lexicons["institution-nouns"] == nil ? #"(?<![A-Za-z-])(?<w>{{lexicon:flows}})(?![A-Za-z])"#
                                    : #"(?<![A-Za-z-])(?<w>{{lexicon:flows}})(?![A-Za-z])(?!(?-i:\s+(?=[A-Z])){{lexicon:institution-nouns}}\b)"#)
        places = try ruleSet.compile(#"(?<![A-Za-z])(?<w>(?:The\s+)?{{lexicon:places}})(?![A-Za-z])"#, caseless: false)
        commodities = try ruleSet.compile(#"(?<![A-Za-z-])(?<w>{{lexicon:commodities}})(?![A-Za-z])"#)
        source = try ruleSet.compile("{{record-source}}", caseless: false)
        partnerListIntro = try ruleSet.compile("{{partner-list-intro}}")
        clauseBreak = try ruleSet.compile("{{record-clause-break}}")
        comparisonCue = try ruleSet.compile("{{record-comparison-cue}}")
        comparedValueCue = try ruleSet.compile("{{record-compared-value-cue}}")
        changeAmountCue = try ruleSet.compile("{{record-change-amount-cue}}")
        partnerPreposition = try ruleSet.compile("{{partner-preposition}}")
        qualifierWords = ruleSet.lexicons["record-qualifiers"] == nil ? nil
            : try ruleSet.compile(#"(?<![A-Za-z-])(?<w>{{lexicon:record-qualifiers}})(?![A-Za-z])"#)
    }

    /// The clauses of a sentence, split at `record-clause-break`.
    package func clauses(of sentence: Span, _ doc: Document) -> [Span] {
        var out: [Span] = []
        var start = sentence.start
        for b in doc.matchSpans(of: clauseBreak, in: sentence) where b.start > start {
            out.append(Span(start, b.start))
            start = b.end
        }
        out.append(Span(start, sentence.end))
        return out
    }

    /// Whether the words just before a figure make it a comparison base ("from 7.79 billion").
    package func hasComparisonCue(before span: Span, _ doc: Document) -> Bool {
        let window = Span(max(0, span.start - 40), span.start)
        return !doc.matchSpans(of: comparisonCue, in: window, limit: 1).isEmpty
    }

    /// The canonical flows ("exports", "imports") named in `span`.
    package func flowNames(in span: Span, _ doc: Document) -> Set<String> {
        Set(hits(flows, lexicon: flowsLexicon, in: span, doc).map(\.value))
    }

    struct Hit { let value: String; let span: Span }

    /// The flows lexicon's value for balances that are not trade flows.
    static let notTrade = "not trade"

    /// The flows lexicon's values that are trade figures.
    static let tradeFlows: Set<String> = ["exports", "imports", "total trade", "trade surplus", "trade deficit"]

    /// The flows lexicon's value for a trade balance named without its sign ("trade balance").
    static let tradeBalance = "trade balance"

    /// Whether a flows value is a balance (a trade surplus or deficit, a trade balance, or a balance that is not trade).
    static func isBalance(_ value: String) -> Bool { value == "trade surplus" || value == "trade deficit" || value == tradeBalance || value == notTrade }

    /// Whether the words between a bare balance and an account name make the balance that
    /// account's: they end in "in", "on", "of" or "for", with an optional "the" and qualifiers.
    static func isAccountOf(_ gap: Span, _ doc: Document) -> Bool {
        let words = doc.text(gap).lowercased().split(whereSeparator: { !$0.isLetter && $0 != "-" })
        guard let i = words.lastIndex(where: { $0 == "in" || $0 == "on" || $0 == "of" || $0 == "for" }) else { return false }
        return words[(i + 1)...].allSatisfy { $0 == "the" || $0.hasSuffix("-term") || $0 == "net" }
    }

    /// Whether a balance is named by one word alone ("surplus", "deficits", "gap"), which leaves
    /// open which balance it is.
    static func isBare(_ hit: Hit, _ doc: Document) -> Bool {
        (hit.value == "trade surplus" || hit.value == "trade deficit") && !doc.text(hit.span).contains(where: \.isWhitespace)
    }

    /// The matches of `pattern`'s `group` in `span`, each valued by `lexicon` when it lists the text, else the text itself.
    func hits(_ pattern: Pattern, lexicon: Lexicon?, in span: Span, _ doc: Document, group: String = "w") -> [Hit] {
        doc.matchSpans(of: pattern, in: span, group: group).map { s in
            let text = doc.text(s)
            return Hit(value: lexicon?.lookup(text) ?? text, span: s)
        }
    }

    /// The trade records of a document, in document order (none without a money or quantity mention): one per money figure (or volume without money) that a
    /// flow word in its sentence makes a trade figure, with reporter, commodity, partner, period,
    /// change, partner count and source, read from the sentence or carried from context.
    /// `statements` (stage two) then link each record to the statement of its figure, give it the
    /// statement's modality, mark a statement's base as a comparison record with the base's own
    /// period, and add a comparison record for a base no record had.
    public func assemble(_ extraction: Extraction, statements: [Statement] = []) -> [TradeRecord] {
        var records = assembleFromMentions(extraction)
        if !statements.isEmpty { link(&records, statements, extraction.mentions, extraction.document) }
        droppingHeadlineRepeats(&records, extraction)
        return records
    }

    /// A headline figure that the body states again (same flow, amount, currency and period) is one
    /// record, the body's: "FINLAND FEBRUARY TRADE SURPLUS AT 641 MLN MARKKA" over "Finland had a
    /// 641 mln markka trade surplus in February". A headline figure the body gives differently
    /// stays, for the checks to compare.
    func droppingHeadlineRepeats(_ records: inout [TradeRecord], _ extraction: Extraction) {
        let doc = extraction.document, mentions = extraction.mentions
        guard let first = doc.sentences.first, records.contains(where: { $0.sentence == 0 }) else { return }
        let firstLine = doc.lineIndex.span(ofLine: 1, in: doc.bytes)
        let isHeadline = extraction.headlineSpan.map { $0.overlaps(first.span) }
            ?? (first.span.end <= firstLine.end && !doc.bytes[first.span.start..<first.span.end].contains { $0 >= 0x61 && $0 <= 0x7A })
        guard isHeadline else { return }
        func key(_ r: TradeRecord) -> String? {
            guard case let .money(a?, _, _, c?, _) = mentions[r.value].value else { return nil }
            let p = r.derivedPeriod ?? r.period.flatMap { mentions[$0].period }
            return "\(r.flow.value)|\(a)|\(c)|\(p.map { "\($0.from.iso)..\($0.to.iso)" } ?? "")"
        }
        let body = Set(records.filter { $0.sentence > 0 }.compactMap(key))
        records.removeAll { r in r.sentence == 0 && !r.isComparison && key(r).map(body.contains) == true }
    }

    func assembleFromMentions(_ extraction: Extraction) -> [TradeRecord] {
        let doc = extraction.document
        let mentions = extraction.mentions
        var records: [TradeRecord] = []
        // Records are made of money figures and volumes; a document without any has none.
        guard mentions.contains(where: { $0.type == .money || $0.type == .quantity }) else { return records }
        let everything = Span(0, doc.bytes.count)

        // Article-level context: the source and the headline/lede's reporter, commodity and period.
        let docSource = hits(source, lexicon: nil, in: everything, doc, group: "source").first
        let leadEnd = doc.sentences.prefix(3).last?.span.end ?? 0
        let lead = Span(0, leadEnd)
        let leadReporter = placesIn(lead, doc).first ?? demonyms.flatMap { hits($0, lexicon: demonymsLexicon, in: lead, doc).first }
        let leadCommodity = hits(commodities, lexicon: commoditiesLexicon, in: lead, doc).first
        // Balances named in full ("trade deficit", "current account deficit", "budget deficit"), in
        // text order: a bare "the deficit" later refers to the last of them.
        let namedBalances = hits(flows, lexicon: flowsLexicon, in: everything, doc)
            .filter { Self.isBalance($0.value) && !Self.isBare($0, doc) }

        func isFigurePeriod(_ m: Mention) -> Bool {
            guard let p = m.period else { return false }
            return m.role == nil && m.isOwnPeriodQualifier && p.granularity != .day && !(m.periodFields?.samePeriod ?? false)
        }
        /// A period written as the figure's possessive right before it ("1986's record 112.2
        /// billion marks", "February's 2.9 billion"): the figure's own, whatever follows it.
        func possessivePeriod(of money: Mention, among candidates: [Int]) -> Int? {
            candidates.last { i in
                let m = mentions[i]
                // (A preposition before it is the figure's: "from 1986's record 112.2 billion".)
                guard m.span.end <= money.span.start, money.span.start - m.span.end <= 24, m.role == nil, let p = m.period,
                      p.granularity != .day, !(m.periodFields?.samePeriod ?? false) else { return false }
                return doc.isPossessiveGap(from: m.span.end, to: money.span.start)
            }
        }

        // The month offset between a current figure's period and its comparison base, once the story
        // has stated one ("from 7.79 billion a year earlier" → −12): later bare bases follow it.
        var establishedOffset: Int? = nil

        for (si, sentence) in doc.sentences.enumerated() {
            let inSentence = extraction.mentions(inSentence: si)
            // Unit prices ("1.24 dlrs a pound") are prices, not trade figures.
            // Volumes ("9.8 mln tonnes") are a record's value when their clause gives no money;
            // beside a money figure ("5.82 million tonnes of steel worth 24.6 billion yuan") they are its volume.
            let plainMoneys = inSentence.filter { mentions[$0].type == .money && !hasUnit(mentions[$0]) }
            let volumes = inSentence.filter { mentions[$0].type == .quantity }
            // Records are made of figures: a sentence without any is not read further.
            guard !plainMoneys.isEmpty || !volumes.isEmpty else { continue }
            let clauseSpansForVolumes = plainMoneys.isEmpty || volumes.isEmpty ? [] : clauses(of: sentence.span, doc)
            func clauseOf(_ i: Int) -> Span { clauseSpansForVolumes.first { $0.start <= mentions[i].span.start && mentions[i].span.start < $0.end } ?? sentence.span }
            let attachedVolume: [Int: Int] = Dictionary(uniqueKeysWithValues: volumes.compactMap { v in
                let c = clauseOf(v)
                return plainMoneys.filter { c.contains(mentions[$0].span) }
                    .min { distance(mentions[$0].span, mentions[v].span) < distance(mentions[$1].span, mentions[v].span) }
                    .map { ($0, v) }
            }.reduce(into: [Int: Int]()) { acc, pair in if acc[pair.0] == nil { acc[pair.0] = pair.1 } }.map { ($0.key, $0.value) })
            let moneys = (plainMoneys + volumes.filter { v in !attachedVolume.values.contains(v) }).sorted()
            guard !moneys.isEmpty else { continue }
            let flowHits = hits(flows, lexicon: flowsLexicon, in: sentence.span, doc)
            guard !flowHits.isEmpty else { continue }
            let placeHits = placesIn(sentence.span, doc)
            let commodityHits = hits(commodities, lexicon: commoditiesLexicon, in: sentence.span, doc)
            let sourceHit = hits(source, lexicon: nil, in: sentence.span, doc, group: "source").first
            let clauseSpans = clauses(of: sentence.span, doc)
            func clause(of span: Span) -> Span { clauseSpans.first { $0.start <= span.start && span.start < $0.end } ?? sentence.span }
            let changes = inSentence.filter { mentions[$0].direction != nil && mentions[$0].type == .percent }

            // A figure is a comparison base when a cue precedes it and its clause has another figure.
            // (Cues are read once per figure: long sentences must not make this quadratic in regex calls.)
            var cue: [Int: Bool] = [:]
            for mi in moneys { cue[mi] = hasComparisonCue(before: mentions[mi].matchSpan, doc) }
            var plainInClause: [Int: Int] = [:]  // clause start → figures without a cue
            for mi in moneys where cue[mi] == false { plainInClause[clause(of: mentions[mi].span).start, default: 0] += 1 }
            func isComparison(_ mi: Int) -> Bool {
                cue[mi] == true && (plainInClause[clause(of: mentions[mi].span).start] ?? 0) > 0
            }
            var recordOfMoney: [Int: TradeRecord] = [:]
            // Current figures first, then the bases that lean on them.
            let ordered = moneys.filter { !isComparison($0) } + moneys.filter(isComparison)
            let prices = inSentence.filter { mentions[$0].type == .money && hasUnit(mentions[$0]) }
            for mi in ordered {
                let money = mentions[mi]
                // An amount of change ("will fall by 15 to 20 billion dlrs", "rose by 1.2 billion") is
                // not a level: no record of its own.
                if isChangeAmount(money, doc) { continue }
                let figureClause = clause(of: money.span)
                // The base of a unit price ("down from 1.71 dlrs") is a price too.
                if hasComparisonCue(before: money.matchSpan, doc) && prices.contains(where: { figureClause.contains(mentions[$0].span) }) { continue }
                let comparison = isComparison(mi)
                let previous = records.last { !$0.isComparison }
                if comparison {
                    // The base takes the current figure's reporter, flow, commodity and partner.
                    let currentIndex = moneys.filter { $0 != mi && figureClause.contains(mentions[$0].span) && !isComparison($0) }
                        .min { distance(mentions[$0].span, money.span) < distance(mentions[$1].span, money.span) }
                    guard let ci = currentIndex, let current = recordOfMoney[ci] else { continue }
                    var record = current
                    record.value = mi
                    record.change = nil
                    record.isComparison = true
                    record.partnerCount = nil
                    record.namedPartners = []
                    // Its period: written right after it ("a year earlier", "in February"), else the story's usual offset.
                    let nextMoney = moneys.filter { mentions[$0].span.start > money.span.end }.map { mentions[$0].span.start }.min() ?? figureClause.end
                    let written = possessivePeriod(of: money, among: inSentence) ?? inSentence.first { i in
                        let m = mentions[i]
                        return m.span.start >= money.span.end && m.span.start < nextMoney && figureClause.contains(m.span)
                            && m.period != nil && m.role == nil && m.period?.granularity != .day
                    }
                    record.period = written
                    record.periodCarried = false
                    record.derivedPeriod = nil
                    if written == nil, let offset = establishedOffset, let cp = current.period.flatMap({ mentions[$0].period }) {
                        var derived = ResolvedPeriod(from: cp.from.adding(months: offset), to: cp.to.adding(months: offset).lastDayOfMonth,
                                                     value: cp.value, granularity: cp.granularity)
                        derived.value = offset % 12 == 0 ? TimexValue.shift(cp.value, years: offset / 12) : String(derived.from.iso.prefix(7))
                        record.derivedPeriod = derived
                    }
                    // An anaphor ("a year ago", "the same month last year") counts back from the
                    // current figure's period, not from whatever period the text names last.
                    if let w = written, let f = mentions[w].periodFields, f.samePeriod,
                       let cp = current.derivedPeriod ?? current.period.flatMap({ mentions[$0].period }) {
                        record.derivedPeriod = PeriodResolver.resolveSamePeriod(antecedent: cp, f)
                    }
                    if let w = written, let wp = record.derivedPeriod ?? mentions[w].period, let cp = current.period.flatMap({ mentions[$0].period }) {
                        establishedOffset = (wp.from.year - cp.from.year) * 12 + (wp.from.month - cp.from.month)
                    }
                    recordOfMoney[mi] = record
                    records.append(record)
                    continue
                }

                // The flow word nearest the figure in its clause, else in the sentence, preferring one before it.
                // A trade balance named without its sign takes the surplus or deficit its clause names;
                // without one the figure's sign is unknown, and no record is made.
                var clauseFlows = flowHits.filter { figureClause.contains($0.span) }
                if clauseFlows.contains(where: { $0.value == "trade surplus" || $0.value == "trade deficit" }) {
                    clauseFlows.removeAll { $0.value == Self.tradeBalance }
                }
                let flow = nearest(clauseFlows.isEmpty ? flowHits : clauseFlows, to: money.span)!
                if flow.value == Self.tradeBalance { continue }
                // The nearest balance is not a trade flow ("current account surplus"): no trade record.
                if flow.value == Self.notTrade { continue }
                // A bare "surplus" or "deficit" means the balance last named in full: after "budget
                // deficit" or "current account surplus", it is not the trade balance.
                // Unless its clause names the trade balance right after it ("a surplus on merchandise trade").
                let namesTradeAfter = Self.isBare(flow, doc) && flowHits.contains { h in
                    h.value == Self.tradeBalance && h.span.start > flow.span.end && h.span.start - flow.span.end <= 12
                        && Self.isAccountOf(Span(flow.span.end, h.span.start), doc)
                }
                if Self.isBare(flow, doc), !namesTradeAfter, let antecedent = namedBalances.last(where: { $0.span.end <= flow.span.start }),
                   antecedent.value == Self.notTrade { continue }
                // Nor is it when its clause says which account it is ("a deficit of 8.14 billion
                // marks in the short-term capital account", "a surplus on invisibles").
                if Self.isBare(flow, doc), flowHits.contains(where: { h in
                    h.value == Self.notTrade && h.span.start > flow.span.end && h.span.start - flow.span.end <= 60
                        && figureClause.contains(h.span) && Self.isAccountOf(Span(flow.span.end, h.span.start), doc)
                }) { continue }
                var record = TradeRecord(flow: RecordField(value: flow.value, span: flow.span, via: "flows"), value: mi, sentence: si)

                // Reporter: a place before the flow word that is not the object of to/from/with.
                let reporterHit = placeHits.last { $0.span.end <= flow.span.start && figureClause.contains($0.span) && !isPartnerPosition($0.span, doc) }
                    ?? placeHits.first { $0.span.end <= flow.span.start && !isPartnerPosition($0.span, doc) }
                // Else an adjective of place just before the flow word ("Dutch exports", "the French trade deficit").
                let demonymHit = reporterHit != nil ? nil : demonyms.flatMap { d in
                    hits(d, lexicon: demonymsLexicon, in: Span(max(figureClause.start, flow.span.start - 30), flow.span.start), doc).last
                }
                if let r = reporterHit {
                    record.reporter = RecordField(value: r.value, span: r.span, via: "places")
                } else if let r = demonymHit {
                    record.reporter = RecordField(value: r.value, span: r.span, via: "demonyms")
                } else if let r = previous?.reporter {
                    record.reporter = RecordField(value: r.value, span: r.span, via: "carried")
                } else if let r = leadReporter {
                    record.reporter = RecordField(value: r.value, span: r.span, via: "carried")
                }
                // Bilateral partner: "exports to the United States", "the surplus with Japan".
                if let p = placeHits.first(where: { $0.span.start > flow.span.end && $0.span.start - flow.span.end < 24 && isPartnerPosition($0.span, doc)
                                                      && (figureClause.contains(flow.span) == figureClause.contains($0.span)) }) {
                    record.partner = RecordField(value: p.value, span: p.span, via: "places")
                }
                let clauseCommodities = commodityHits.filter { figureClause.contains($0.span) }
                if let c = nearest(clauseCommodities.isEmpty ? commodityHits : clauseCommodities, to: flow.span) {
                    record.commodity = RecordField(value: c.value, span: c.span, via: "commodities")
                } else if let c = previous?.commodity {
                    record.commodity = RecordField(value: c.value, span: c.span, via: "carried")
                } else if let c = leadCommodity {
                    record.commodity = RecordField(value: c.value, span: c.span, via: "carried")
                }
                // Period: written in the figure's clause, else in the sentence (not after a base), else carried.
                let bases = moneys.filter(isComparison).map { mentions[$0].span.start }
                let periods = inSentence.filter { i in
                    isFigurePeriod(mentions[i]) && !bases.contains { b in b > money.span.end && mentions[i].span.start > b && figureClause.contains(mentions[i].span) }
                }
                // A period in the figure's own clause; else one in a clause of the sentence that has no figure of its own.
                let clausePeriods = periods.filter { figureClause.contains(mentions[$0].span) }
                let freePeriods = periods.filter { i in
                    let c = clause(of: mentions[i].span)
                    return !moneys.contains { c.contains(mentions[$0].span) }
                }
                var candidates = clausePeriods.isEmpty ? freePeriods : clausePeriods
                // In a list of figures each with its period ("1.17 billion dlrs in 1985, 1.01 billion
                // in 1984 and 293 mln in 1983"), a period written right after another figure is that
                // figure's, when this one has a period after it.
                // A possessive period of another figure ("than January's 527 mln deficit") is that figure's.
                candidates.removeAll { i in
                    moneys.contains { j in j != mi && possessivePeriod(of: mentions[j], among: [i]) == i }
                }
                if candidates.contains(where: { mentions[$0].span.start >= money.span.end }) {
                    candidates.removeAll { i in
                        let p = mentions[i].span
                        return p.end <= money.span.start && moneys.contains { j in
                            j != mi && mentions[j].span.end <= p.start && p.start - mentions[j].span.end <= 8
                        }
                    }
                }
                if let p = possessivePeriod(of: money, among: periods) {
                    record.period = p
                } else if let p = candidates.min(by: { distance(mentions[$0].span, money.span) < distance(mentions[$1].span, money.span) }) {
                    record.period = p
                } else if let p = previous?.period {
                    record.period = p
                    record.periodCarried = true
                }
                // Change: the nearest percent with a direction in the figure's clause, not beyond a base.
                let clauseChanges = changes.filter { i in
                    figureClause.contains(mentions[i].span) && !bases.contains { b in b > money.span.end && mentions[i].span.start > b }
                }
                record.change = clauseChanges.min { a, b in
                    let da = distance(mentions[a].span, money.span) + (mentions[a].span.start > money.span.end ? 1 : 0)
                    let db = distance(mentions[b].span, money.span) + (mentions[b].span.start > money.span.end ? 1 : 0)
                    return da < db
                }
                // A change without a basis word takes one from a compared period in its clause ("from July").
                if let c = record.change, mentions[c].basis == nil, let rp = record.period.flatMap({ mentions[$0].period }) {
                    let compared = inSentence.first { i in
                        figureClause.contains(mentions[i].span) && ["from", "compared to"].contains(mentions[i].qualifier ?? "") && mentions[i].period != nil
                    }
                    if let ci = compared, let cp = mentions[ci].period {
                        let months = (rp.from.year - cp.from.year) * 12 + (rp.from.month - cp.from.month)
                        switch (months, rp.granularity) {
                        case (1, .month): record.derivedBasis = "month-on-month"
                        case (3, .quarter): record.derivedBasis = "quarter-on-quarter"
                        case (12, _): record.derivedBasis = "year-on-year"
                        default: break
                        }
                    }
                }
                // Partner count: in this sentence, or the next one when it names no other figure.
                var countSentence = si
                var count = inSentence.first { isPartnerCount(mentions[$0]) }
                if count == nil, si + 1 < doc.sentences.count {
                    let next = doc.sentences[si + 1].span
                    let nextMentions = extraction.mentions(inSentence: si + 1).filter { next.contains(mentions[$0].span) }
                    if !nextMentions.contains(where: { mentions[$0].type == .money }) {
                        count = nextMentions.first { isPartnerCount(mentions[$0]) }
                        countSentence = si + 1
                    }
                }
                if let c = count {
                    record.partnerCount = c
                    record.namedPartners = namedPartners(after: mentions[c].span, in: doc.sentences[countSentence].span, doc)
                }
                if let s = sourceHit ?? docSource {
                    // "the Agriculture Department" → "Agriculture Department".
                    let name = s.value.hasPrefix("the ") || s.value.hasPrefix("The ") ? String(s.value.dropFirst(4)) : s.value
                    record.source = RecordField(value: name, span: s.span, via: sourceHit != nil ? "record-source" : "carried")
                }
                record.volume = attachedVolume[mi]
                if let q = qualifierWords {
                    record.qualifiers = Array(Set(hits(q, lexicon: qualifiersLexicon, in: figureClause, doc).map(\.value))).sorted()
                }
                recordOfMoney[mi] = record
                records.append(record)
            }
        }
        records.sort { mentions[$0.value].span.start < mentions[$1.value].span.start }
        return records
    }

    /// Links records to the statements of their figures (see ``assemble(_:statements:)``).
    func link(_ records: inout [TradeRecord], _ statements: [Statement], _ mentions: [Mention], _ doc: Document) {
        var byValue: [Int: Int] = [:]
        for (i, r) in records.enumerated() where byValue[r.value] == nil { byValue[r.value] = i }
        var added: [TradeRecord] = []
        var notTrade = Set<Int>()
        // Periods that statements bind to a comparison figure: not a current figure's period.
        let basePeriods = Set(statements.flatMap { [$0.basePeriod, $0.base2Period].compactMap { $0 } })
        func resolved(_ r: TradeRecord) -> ResolvedPeriod? { r.derivedPeriod ?? r.period.flatMap { mentions[$0].period } }
        // The current period of the last statement read (of any measure), for a figure whose own
        // statement names none: its comparison anaphors ("816 mln a year earlier") count from it.
        var lastCurrent: ResolvedPeriod? = nil
        // Statements whose value is written as a comparison ("The deficit compared with a deficit of
        // 1.76 billion dlrs in February 1986"): their figure is a base, and their period no current one.
        var comparedStatements = Set<Int>()
        for (si, st) in statements.enumerated() {
            let previousCurrent = lastCurrent
            if let v = st.value, introducedAsComparison(mentions[v], doc) { comparedStatements.insert(si) }
            if !comparedStatements.contains(si), let p = st.period, let q = mentions[p].period, q.granularity != .day,
               !(mentions[p].periodFields?.samePeriod ?? false) {
                lastCurrent = q
            }
            guard let v = st.value, let ri = byValue[v] else { continue }
            if comparedStatements.contains(si) {
                // A compared figure keeps its own period, an anaphor counted from the current one.
                records[ri].isComparison = true
                if let p = st.period, mentions[p].period.map({ $0.granularity != .day }) == true {
                    records[ri].period = p
                    records[ri].periodCarried = false
                    records[ri].derivedPeriod = nil
                    if let f = mentions[p].periodFields, f.samePeriod, let c = previousCurrent {
                        records[ri].derivedPeriod = PeriodResolver.resolveSamePeriod(antecedent: c, f)
                    }
                }
            }
            // The statement's measure names the figure: a trade flow or balance replaces the
            // nearest flow word; another account's balance, reserves or output is no trade record.
            if let measure = st.measure, let span = measure.span {
                if measure.value == Self.tradeBalance {
                    // The record's surplus or deficit word gives the sign the measure leaves out.
                } else if Self.tradeFlows.contains(measure.value) {
                    if records[ri].flow.value != measure.value {
                        records[ri].flow = RecordField(value: measure.value, span: span, via: "statement")
                    }
                } else if measure.value != Self.notTrade {
                    notTrade.insert(v)
                    continue
                }
            }
            if records[ri].statement == nil { records[ri].statement = si }
            // Places the statement reads around its measure ("Singapore's trade surplus with Japan")
            // fill a partner the record lacks, and replace a reporter carried from context.
            if records[ri].partner == nil, let p = st.partner, let span = p.span, p.value != records[ri].reporter?.value {
                records[ri].partner = RecordField(value: p.value, span: span, via: "statement")
            }
            if records[ri].reporter == nil || records[ri].reporter?.via == "carried", let r = st.reporter, let span = r.span,
               r.value != records[ri].partner?.value {
                records[ri].reporter = RecordField(value: r.value, span: span, via: "statement")
            }
            // The statement's period is the figure's; a period another statement gives a comparison
            // figure is not: the figure then takes the period of the current figure before it.
            if let p = st.period, mentions[p].period.map({ $0.granularity != .day }) == true, !records[ri].isComparison {
                if records[ri].period != p {
                    records[ri].period = p
                    records[ri].periodCarried = false
                    records[ri].derivedPeriod = nil
                }
                // A month written without its year before the measure, and a year written apart
                // ("The February surplus last year was 189 mln dlrs"): that month of that year.
                if let f = mentions[p].periodFields, let month = f.month, f.year == nil, f.yearOffset == nil, f.monthTo == nil, f.day == nil,
                   let y = doc.sentences[st.sentence].span.contains(mentions[p].span) ? yearApart(from: p, in: st, mentions) : nil {
                    let first = CalendarDate(year: y, month: month, day: 1)
                    records[ri].derivedPeriod = ResolvedPeriod(from: first, to: first.lastDayOfMonth, value: String(first.iso.prefix(7)), granularity: .month)
                }
            } else if let p = records[ri].period, basePeriods.contains(p), !records[ri].isComparison {
                let previous = records[..<ri].last { !$0.isComparison && $0.period != nil && !basePeriods.contains($0.period!) }
                records[ri].period = previous?.period
                records[ri].periodCarried = previous != nil
            }
            let modality = st.modality.value == "reported" ? nil : st.modality.value
            records[ri].modality = modality
            records[ri].direction = st.direction?.value
            if records[ri].change == nil, let c = st.change { records[ri].change = c }
            // Each comparison figure (the base, a second base, and the first-published figures
            // they revise) is a comparison record with its own period; a revised one is marked so.
            var comparisons: [(figure: Int, period: Int?, revised: Bool)] = []
            for (b, period, original) in [(st.base, st.basePeriod, st.baseRevisedFrom), (st.base2, st.base2Period, st.base2RevisedFrom)] {
                guard let b else { continue }
                comparisons.append((b, period, original != nil))
                if let o = original { comparisons.append((o, period, false)) }
            }
            // A comparison period written as an anaphor ("a year earlier", "the same month last
            // year") is counted back from the statement's current period, not from whatever period
            // the text names last.
            // A cumulative figure ("the cumulative trade position in July", "accumulated exports to
            // March") runs from the start of its period's year: its month is where it ends.
            let cumulative = st.measure?.span.map { m in
                !doc.matchSpans(of: cumulativeCue, in: Span(max(doc.sentences[st.sentence].span.start, m.start - 30), m.start), limit: 1).isEmpty
            } ?? false
            func fromYearStart(_ p: ResolvedPeriod) -> ResolvedPeriod? {
                guard [.month, .quarter, .half, .span].contains(p.granularity), p.from.year == p.to.year, p.from.month > 1 else { return nil }
                let from = CalendarDate(year: p.from.year, month: 1, day: 1)
                return ResolvedPeriod(from: from, to: p.to, value: "\(from.iso.prefix(7))/\(p.to.iso.prefix(7))", granularity: .span)
            }
            if cumulative, !records[ri].isComparison, let p = resolved(records[ri]), let whole = fromYearStart(p), records[ri].period != nil {
                records[ri].derivedPeriod = whole
            }
            // "the two months": the months up to the latest month the story has reported so far
            // (not to a comparison month named last, "They were 20.2 billion in February 1986").
            if let p = records[ri].period, let f = mentions[p].periodFields, f.samePeriod, f.monthsToDate != nil,
               let latest = records[max(0, ri - 50)..<ri].filter({ !$0.isComparison }).compactMap({ r -> ResolvedPeriod? in
                   guard let q = resolved(r), q.granularity == .month else { return nil }
                   return q
               }).max(by: { $0.to < $1.to }) {
                records[ri].derivedPeriod = PeriodResolver.resolveSamePeriod(antecedent: latest, f)
            }
            let current = resolved(records[ri]) ?? (records[ri].isComparison ? nil : previousCurrent)
            func anchored(_ period: Int?) -> ResolvedPeriod? {
                guard let p = period else { return nil }
                if let fields = mentions[p].periodFields, fields.samePeriod, let c = current {
                    return PeriodResolver.resolveSamePeriod(antecedent: c, fields)
                }
                // "the previous month", "the preceding year" as a comparison period: the unit before
                // the current figure's period, not before the article's date ("fell 9.2 pct from the
                // previous month to 277.2 mln" in an April story about February).
                if let fields = mentions[p].periodFields, let c = current, fields.year == nil,
                   mentions[p].isPreviousUnit {
                    if let m = fields.monthOffset, c.granularity == .month {
                        let first = CalendarDate(year: c.from.year, month: c.from.month, day: 1).adding(months: m)
                        return ResolvedPeriod(from: first, to: first.lastDayOfMonth, value: String(first.iso.prefix(7)), granularity: .month)
                    }
                    if let y = fields.yearOffset, fields.month == nil, fields.quarter == nil, fields.half == nil { return c.shifted(years: y) }
                }
                return cumulative ? mentions[p].period.flatMap(fromYearStart) : nil
            }
            for (b, period, revised) in comparisons where mentions[b].type == .money || mentions[b].type == .quantity {
                if let bi = byValue[b] {
                    // A base is a figure of the statement's measure and subject, unless a balance
                    // word of its own stands right by it ("from a surplus of 33 mln", "a 71 mln deficit").
                    let own = records[bi].flow.span, f = mentions[b].span
                    let ownBalance = Self.isBalance(records[bi].flow.value)
                        && ((own.end <= f.start && f.start - own.end <= 12) || (own.start >= f.end && own.start - f.end <= 3))
                    if !ownBalance { records[bi].flow = records[ri].flow }
                    if records[bi].reporter == nil || records[bi].reporter?.via == "carried" { records[bi].reporter = records[ri].reporter ?? records[bi].reporter }
                    if records[bi].partner == nil { records[bi].partner = records[ri].partner }
                    if records[bi].commodity == nil || records[bi].commodity?.via == "carried" { records[bi].commodity = records[ri].commodity ?? records[bi].commodity }
                    records[bi].isComparison = true
                    records[bi].statement = si
                    records[bi].modality = revised ? "revised" : nil
                    records[bi].direction = nil
                    if let bp = period, records[bi].period != bp {
                        records[bi].period = bp
                        records[bi].periodCarried = false
                    }
                    if period != nil { records[bi].derivedPeriod = anchored(period) }
                } else {
                    // A base no record had: it takes the current figure's reporter, flow, commodity and partner.
                    var base = records[ri]
                    base.value = b
                    base.change = nil
                    base.direction = nil
                    base.isComparison = true
                    base.partnerCount = nil
                    base.namedPartners = []
                    base.volume = nil
                    base.period = period
                    base.periodCarried = false
                    base.derivedPeriod = anchored(period)
                    base.derivedBasis = nil
                    base.statement = si
                    base.modality = revised ? "revised" : nil
                    added.append(base)  // statements claim each figure once, so no base is added twice
                }
            }
        }
        // A current figure still without a period takes the current period of the last statement
        // before it, whatever that statement measures ("The current account deficit narrowed … in
        // January …. Exports were 905 mln dlrs"), else the last period written before it that is
        // a figure's period (not a comparison's, a day or an anaphor); a headline figure, the
        // first such period of the lede.
        // Periods of figures that turned out to be comparisons (a statement's second base, "and a
        // 47 mln dlr deficit in February 1986") are not a current figure's either: a period carried
        // from one is dropped and carried again below.
        let comparisonPeriods = basePeriods.union(records.filter(\.isComparison).compactMap(\.period))
        for k in records.indices where records[k].periodCarried && !records[k].isComparison {
            if let p = records[k].period, comparisonPeriods.contains(p) { records[k].period = nil; records[k].periodCarried = false }
        }
        func isFigurePeriod(_ i: Int) -> Bool {
            let m = mentions[i]
            guard let p = m.period, p.granularity != .day, m.isOwnPeriodQualifier, m.role == nil else { return false }
            return !(m.periodFields?.samePeriod ?? false) && !comparisonPeriods.contains(i)
        }
        let statementPeriods = statements.enumerated().compactMap { si, st in
            comparedStatements.contains(si) ? nil : st.period.flatMap { isFigurePeriod($0) ? (end: st.span.end, period: $0) : nil }
        }
        let figurePeriods = mentions.indices.filter { mentions[$0].type.isCalendar && isFigurePeriod($0) }
        // Records are in text order: two cursors walk the statements' periods and the written periods
        // along with them, so this stays linear in the number of records.
        var nextStatement = 0, nextWritten = 0
        for k in records.indices {
            let start = mentions[records[k].value].span.start
            while nextStatement < statementPeriods.count, statementPeriods[nextStatement].end <= start { nextStatement += 1 }
            while nextWritten < figurePeriods.count, mentions[figurePeriods[nextWritten]].span.end <= start { nextWritten += 1 }
            guard !records[k].isComparison, records[k].period == nil, records[k].derivedPeriod == nil else { continue }
            let fromStatement = nextStatement > 0 ? statementPeriods[nextStatement - 1].period : nil
            let written = nextWritten > 0 ? figurePeriods[nextWritten - 1] : nil
            let lede = records[k].sentence == 0 ? figurePeriods[nextWritten...].first(where: { mentions[$0].span.start > start }) : nil
            if let p = fromStatement ?? written ?? lede {
                records[k].period = p
                records[k].periodCarried = true
            }
        }
        if !added.isEmpty {
            records += added
            records.sort { mentions[$0.value].span.start < mentions[$1.value].span.start }
        }
        if !notTrade.isEmpty { records.removeAll { notTrade.contains($0.value) } }
    }

    /// Whether a figure is introduced as what something is compared with: "compared with a deficit
    /// of 1.76 billion", "against 5.1 billion", "up from a surplus of 33 mln" (`record-compared-value-cue`).
    func introducedAsComparison(_ m: Mention, _ doc: Document) -> Bool {
        !doc.matchSpans(of: comparedValueCue, in: Span(max(0, m.matchSpan.start - 48), m.matchSpan.start), limit: 1).isEmpty
    }

    /// Whether a figure is written as an amount of change: "by" (with a word of approximation) right
    /// before it (`record-change-amount-cue`).
    func isChangeAmount(_ m: Mention, _ doc: Document) -> Bool {
        !doc.matchSpans(of: changeAmountCue, in: Span(max(0, m.matchSpan.start - 32), m.matchSpan.start), limit: 1).isEmpty
    }

    /// The year of a relative year phrase in a statement's span other than its period ("last year"
    /// beside "The February surplus"), not one of its comparison periods.
    func yearApart(from period: Int, in st: Statement, _ mentions: [Mention]) -> Int? {
        // Mentions are sorted by position: start at the statement's first one (binary search).
        var i = mentions.partitioningIndex { $0.span.start >= st.span.start } - 1
        while i + 1 < mentions.count, mentions[i + 1].span.start < st.span.end {
            i += 1
            let m = mentions[i]
            guard i != period, i != st.basePeriod, i != st.base2Period, st.span.contains(m.span), let f = m.periodFields, f.yearOffset != nil, f.month == nil, f.quarter == nil, f.half == nil, !f.samePeriod,
                  let q = m.period, q.granularity == .year else { continue }
            return q.from.year
        }
        return nil
    }

    /// For every partner-count mention, the partners named after it in its sentence.
    public func namedPartnersOfCounts(_ extraction: Extraction) -> [Int: [RecordField]] {
        var out: [Int: [RecordField]] = [:]
        let doc = extraction.document
        for (i, m) in extraction.mentions.enumerated() where isPartnerCount(m) {
            guard let s = doc.sentenceIndex(of: m.span.start) else { continue }
            let named = namedPartners(after: m.span, in: doc.sentences[s].span, doc)
            if !named.isEmpty { out[i] = named }
        }
        return out
    }

    func hasUnit(_ m: Mention) -> Bool {
        if case let .money(_, _, _, _, per) = m.value { return per != nil }
        return false
    }

    /// Places in a span: the lexicon's phrases, also after a capitalised "The" ("The US trade deficit").
    func placesIn(_ span: Span, _ doc: Document) -> [Hit] {
        hits(places, lexicon: nil, in: span, doc).map { h in
            let text = doc.text(h.span)
            let lex = placesLexicon
            let value = lex?.lookup(text) ?? (text.hasPrefix("The ") ? lex?.lookup(String(text.dropFirst(4))) : nil) ?? text
            return Hit(value: value, span: h.span)
        }
    }

    package func isPartnerCount(_ m: Mention) -> Bool {
        if case let .count(_, _, _, _, partners) = m.value { return partners }
        return false
    }

    /// Places listed after "including", "such as", … following a partner count.
    package func namedPartners(after count: Span, in sentence: Span, _ doc: Document) -> [RecordField] {
        let rest = Span(count.end, sentence.end)
        guard let intro = firstMatch(partnerListIntro, in: rest, doc) else { return [] }
        // The list runs to the end of the clause: stop at a comma followed by a non-place word like "with".
        let listSpan = Span(intro.span.end, sentence.end)
        var out: [RecordField] = []
        var lastEnd = listSpan.start
        for h in placesIn(listSpan, doc) {
            let gap = doc.text(Span(lastEnd, h.span.start)).trimmingCharacters(in: .whitespaces)
            if !out.isEmpty && !Self.isListJoiner(gap) { break }
            out.append(RecordField(value: h.value, span: h.span, via: "places"))
            lastEnd = h.span.end
        }
        return out
    }

    /// Whether the text between two places of a list joins them: nothing, a comma, "and" or "or",
    /// with or without the word "the" ("the United States, the Netherlands and the EU"). "the"
    /// counts only as a word of its own ("other" is not "or").
    package static func isListJoiner(_ gap: String) -> Bool {
        let words = gap.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" || $0 == "\n" || $0 == "\r" }).filter { $0 != "the" }
        return words.isEmpty || words == ["and"] || words == ["or"]
    }

    func firstMatch(_ pattern: Pattern, in span: Span, _ doc: Document) -> Hit? {
        doc.matchSpans(of: pattern, in: span, limit: 1).first.map { Hit(value: doc.text($0), span: $0) }
    }

    /// Whether the words just before the place make it a partner, not the reporter
    /// (`partner-preposition`: "exports to the United States").
    func isPartnerPosition(_ span: Span, _ doc: Document) -> Bool {
        !doc.matchSpans(of: partnerPreposition, in: Span(max(0, span.start - 6), span.start), limit: 1).isEmpty
    }

    func nearest(_ hits: [Hit], to span: Span) -> Hit? {
        hits.min { a, b in
            let da = distance(a.span, span) + (a.span.start > span.end ? 1 : 0)
            let db = distance(b.span, span) + (b.span.start > span.end ? 1 : 0)
            return da < db
        }
    }

    package func distance(_ a: Span, _ b: Span) -> Int {
        if a.end <= b.start { return b.start - a.end }
        if b.end <= a.start { return a.start - b.end }
        return 0
    }
}
