import Foundation
import PCRE2Kit

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
    let ruleSet: RuleSet

    public init(ruleSet: RuleSet) throws {
        self.ruleSet = ruleSet
        flows = try ruleSet.compile(#"(?<![A-Za-z-])(?<w>{{lexicon:flows}})(?![A-Za-z])"#)
        places = try ruleSet.compile(#"(?<![A-Za-z])(?<w>{{lexicon:places}})(?![A-Za-z])"#, caseless: false)
        commodities = try ruleSet.compile(#"(?<![A-Za-z-])(?<w>{{lexicon:commodities}})(?![A-Za-z])"#)
        source = try ruleSet.compile("{{record-source}}", caseless: false)
        partnerListIntro = try ruleSet.compile("{{partner-list-intro}}")
    }

    struct Hit { let value: String; let span: Span }

    /// The flows lexicon's value for balances that are not trade flows.
    static let notTrade = "not trade"

    func hits(_ pattern: Pattern, lexicon: String?, in span: Span, _ doc: Document, group: String = "w") -> [Hit] {
        doc.matchSpans(of: pattern, in: span, group: group).map { s in
            let text = doc.text(s)
            return Hit(value: lexicon.flatMap { ruleSet.lexicons[$0]?.lookup(text) } ?? text, span: s)
        }
    }

    public func assemble(_ extraction: Extraction) -> [TradeRecord] {
        let doc = extraction.document
        let mentions = extraction.mentions
        var records: [TradeRecord] = []
        let everything = Span(0, doc.bytes.count)

        // Article-level context: the source and the headline/lede's reporter, commodity and period.
        let docSource = hits(source, lexicon: nil, in: everything, doc, group: "source").first
        let leadEnd = doc.sentences.prefix(3).last?.span.end ?? 0
        let lead = Span(0, leadEnd)
        let leadReporter = hits(places, lexicon: "places", in: lead, doc).first
        let leadCommodity = hits(commodities, lexicon: "commodities", in: lead, doc).first

        func isFigurePeriod(_ m: Mention) -> Bool {
            guard let p = m.period else { return false }
            return m.role == nil && m.qualifier == nil && p.granularity != .day && !(m.periodFields?.samePeriod ?? false)
        }

        for (si, sentence) in doc.sentences.enumerated() {
            let inSentence = mentions.indices.filter { sentence.span.contains(mentions[$0].span) }
            let moneys = inSentence.filter { mentions[$0].type == .money }
            guard !moneys.isEmpty else { continue }
            let flowHits = hits(flows, lexicon: "flows", in: sentence.span, doc)
            guard !flowHits.isEmpty else { continue }
            let placeHits = hits(places, lexicon: "places", in: sentence.span, doc)
            let commodityHits = hits(commodities, lexicon: "commodities", in: sentence.span, doc)
            let sourceHit = hits(source, lexicon: nil, in: sentence.span, doc, group: "source").first

            for mi in moneys {
                let money = mentions[mi]
                // The flow word nearest the figure, preferring one before it.
                let flow = nearest(flowHits, to: money.span)!
                // The nearest balance is not a trade flow ("current account surplus"): no trade record.
                if flow.value == Self.notTrade { continue }
                let previous = records.last
                var record = TradeRecord(flow: RecordField(value: flow.value, span: flow.span, via: "flows"), value: mi, sentence: si)

                // Reporter: a place before the flow word that is not the object of to/from/with.
                let reporterHit = placeHits.first { $0.span.end <= flow.span.start && !isPartnerPosition($0.span, doc) }
                if let r = reporterHit {
                    record.reporter = RecordField(value: r.value, span: r.span, via: "places")
                } else if let r = previous?.reporter {
                    record.reporter = RecordField(value: r.value, span: r.span, via: "carried")
                } else if let r = leadReporter {
                    record.reporter = RecordField(value: r.value, span: r.span, via: "carried")
                }
                // Bilateral partner: "exports to the United States".
                if let p = placeHits.first(where: { $0.span.start > flow.span.end && $0.span.start - flow.span.end < 24 && isPartnerPosition($0.span, doc) }) {
                    record.partner = RecordField(value: p.value, span: p.span, via: "places")
                }
                if let c = nearest(commodityHits, to: flow.span) {
                    record.commodity = RecordField(value: c.value, span: c.span, via: "commodities")
                } else if let c = previous?.commodity {
                    record.commodity = RecordField(value: c.value, span: c.span, via: "carried")
                } else if let c = leadCommodity {
                    record.commodity = RecordField(value: c.value, span: c.span, via: "carried")
                }
                // Period: written in the sentence, else carried from the previous figure.
                let periods = inSentence.filter { isFigurePeriod(mentions[$0]) }
                if let p = periods.min(by: { distance(mentions[$0].span, money.span) < distance(mentions[$1].span, money.span) }) {
                    record.period = p
                } else if let p = previous?.period {
                    record.period = p
                    record.periodCarried = true
                }
                // Change: the nearest percent with a direction, after the figure and before the next one.
                let nextMoney = moneys.first { mentions[$0].span.start > money.span.end }.map { mentions[$0].span.start } ?? sentence.span.end
                record.change = inSentence.first { i in
                    let m = mentions[i]
                    guard case let .percent(_, _, _, _, direction, _) = m.value, direction != nil else { return false }
                    return m.span.start >= money.span.end && m.span.start < nextMoney
                } ?? inSentence.last { i in
                    guard case let .percent(_, _, _, _, direction, _) = mentions[i].value, direction != nil else { return false }
                    return mentions[i].span.end <= money.span.start
                }
                // Partner count: in this sentence, or the next one when it names no other figure.
                var countSentence = si
                var count = inSentence.first { isPartnerCount(mentions[$0]) }
                if count == nil, si + 1 < doc.sentences.count {
                    let next = doc.sentences[si + 1].span
                    let nextMentions = mentions.indices.filter { next.contains(mentions[$0].span) }
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
                    record.source = RecordField(value: s.value, span: s.span, via: sourceHit != nil ? "record-source" : "carried")
                }
                records.append(record)
            }
        }
        return records
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

    func isPartnerCount(_ m: Mention) -> Bool {
        if case let .count(_, _, _, _, partners) = m.value { return partners }
        return false
    }

    /// Places listed after "including", "such as", … following a partner count.
    func namedPartners(after count: Span, in sentence: Span, _ doc: Document) -> [RecordField] {
        let rest = Span(count.end, sentence.end)
        guard let intro = firstMatch(partnerListIntro, in: rest, doc) else { return [] }
        // The list runs to the end of the clause: stop at a comma followed by a non-place word like "with".
        let listSpan = Span(intro.span.end, sentence.end)
        var out: [RecordField] = []
        var lastEnd = listSpan.start
        for h in hits(places, lexicon: "places", in: listSpan, doc) {
            let gap = doc.text(Span(lastEnd, h.span.start)).trimmingCharacters(in: .whitespaces)
            let joiner = gap.replacingOccurrences(of: "the", with: "").trimmingCharacters(in: CharacterSet(charactersIn: " ,"))
            if !out.isEmpty && !(joiner.isEmpty || joiner == "and" || joiner == "or") { break }
            out.append(RecordField(value: h.value, span: h.span, via: "places"))
            lastEnd = h.span.end
        }
        return out
    }

    func firstMatch(_ pattern: Pattern, in span: Span, _ doc: Document) -> Hit? {
        doc.matchSpans(of: pattern, in: span, limit: 1).first.map { Hit(value: doc.text($0), span: $0) }
    }

    /// Whether the place is preceded by "to", "from" or "with" (so it is a partner, not the reporter).
    func isPartnerPosition(_ span: Span, _ doc: Document) -> Bool {
        let before = doc.text(Span(max(0, span.start - 6), span.start)).lowercased()
        return before.hasSuffix("to ") || before.hasSuffix("from ") || before.hasSuffix("with ")
    }

    func nearest(_ hits: [Hit], to span: Span) -> Hit? {
        hits.min { a, b in
            let da = distance(a.span, span) + (a.span.start > span.end ? 1 : 0)
            let db = distance(b.span, span) + (b.span.start > span.end ? 1 : 0)
            return da < db
        }
    }

    func distance(_ a: Span, _ b: Span) -> Int {
        if a.end <= b.start { return b.start - a.end }
        if b.end <= a.start { return a.start - b.end }
        return 0
    }
}
