import Foundation
import PCRE2Kit
import TradeFactsText
import TradeFactsRules
import TradeFactsExtract
import TradeFactsRecords

/// Helpers that read figures for the arithmetic and direction checks.
extension CheckContext {
    /// Lower-cased text just before a span (up to `length` bytes), for cue words like "from" and "to".
    public func textBefore(_ span: Span, length: Int = 16) -> String {
        document.text(Span(max(0, span.start - length), span.start)).lowercased()
    }

    /// The rule set's lexicon `name` (nil when the rule set lacks it).
    public func lexicon(_ name: String) -> Lexicon? { helpers.lexicons[name] }

    /// Whether `cue` matches the `length` bytes just before `span` (a cue written to end there, `… \\z`).
    public func hasCue(_ cue: Pattern, before span: Span, length: Int = 16) -> Bool {
        !document.matchSpans(of: cue, in: Span(max(0, span.start - length), span.start), limit: 1).isEmpty
    }

    /// Whether the sentence at `index` forecasts or plans ("will", "would", "is expected to", "forecast", "target").
    public func isFuture(sentence index: Int) -> Bool {
        if let cached = cache.future[index] { return cached }
        let future = !document.matchSpans(of: helpers[.forecast], in: document.sentences[index].span, limit: 1).isEmpty
        cache.future[index] = future
        return future
    }

    /// Whether the text around a percentage makes it a share ("accounted for 78.5% of exports").
    public func isShare(_ span: Span) -> Bool {
        let window = Span(max(0, span.start - 40), min(document.bytes.count, span.end + 30))
        return !document.matchSpans(of: helpers[.share], in: window, limit: 1).isEmpty
    }

    /// The figures a change runs between: mentions of the same type in the change's sentence, after
    /// it, introduced by "from" and "to" ("rose 12 pct to 5.6 billion dlrs from 5.0 billion";
    /// "up 3% from $4 million to $4.12 million"). Indices into `mentions`.
    public func fromTo(ofChange index: Int, type: MentionType) -> (from: Int, to: Int)? {
        let change = mentions[index]
        let s = sentence(of: change.span)
        // Only figures in the change's own clause ("…, leaving a surplus of €17.3bn, down from €19.4bn" is another clause).
        let sentenceSpan = helpers.assembler.clauses(of: document.sentences[s].span, document)
            .first { $0.start <= change.span.start && change.span.start < $0.end } ?? document.sentences[s].span
        var from: Int? = nil, to: Int? = nil
        for i in extraction.mentions(inSentence: s) where i != index && mentions[i].span.start > change.span.end
            && sentenceSpan.contains(mentions[i].span) {
            // (Any whitespace between the word and the figure: wire copy breaks lines anywhere.)
            let before = Self.spaced(textBefore(mentions[i].span, length: 8))
            // A change that runs to a figure of another kind ("rose 10 pct to 112,900 tons") is that
            // figure's: the money figures after it belong to another statement.
            if mentions[i].type != type, mentions[i].type == .money || mentions[i].type == .quantity,
               before.hasSuffix("from ") || before.hasSuffix("to ") {
                if from == nil && to == nil { return nil } else { break }
            }
            guard mentions[i].type == type else { continue }
            // A figure of another unit is another statement's ("a 5.8 pct drop in net profit to 64.5
            // mln Swiss francs … cut its payout to 33 francs per share from 38").
            if let other = from ?? to, !Self.sameUnit(mentions[other], mentions[i]) { continue }
            if before.hasSuffix("from ") && from == nil { from = i }
            else if before.hasSuffix("to ") && to == nil { to = i }
            // Stop at the next change: its figures are its own.
            if mentions[i].type == .percent, case .percent(_, _, _, _, _?, _) = mentions[i].value { break }
        }
        guard let f = from, let t = to else { return nil }
        return (f, t)
    }

    /// Whether two figures are in one unit: money in one currency, both per the same unit or
    /// neither ("64.5 mln Swiss francs" and "38" francs a share are not).
    static func sameUnit(_ a: Mention, _ b: Mention) -> Bool {
        guard case let .money(_, _, _, ca, pa) = a.value, case let .money(_, _, _, cb, pb) = b.value else { return true }
        return pa == pb && (ca == nil || cb == nil || ca == cb)
    }

    /// The figures after a word or phrase (not a mention: "doubled", "tripled") in its clause,
    /// introduced by "from" and "to" ("doubled to 5.6 billion dlrs from 2.8 billion"). Indices into `mentions`.
    public func fromTo(after word: Span, type: MentionType) -> (from: Int, to: Int)? {
        let s = sentence(of: word)
        let clause = helpers.assembler.clauses(of: document.sentences[s].span, document)
            .first { $0.start <= word.start && word.start < $0.end } ?? document.sentences[s].span
        var from: Int? = nil, to: Int? = nil
        for i in mentions.indices where mentions[i].type == type && mentions[i].span.start >= word.end && clause.contains(mentions[i].span) {
            // (Any whitespace between the word and the figure: wire copy breaks lines anywhere.)
            let before = Self.spaced(textBefore(mentions[i].span, length: 8))
            if before.hasSuffix("from ") && from == nil { from = i }
            else if before.hasSuffix("to ") && to == nil { to = i }
        }
        guard let f = from, let t = to else { return nil }
        return (f, t)
    }

    /// `text` with every run of whitespace (line breaks, tabs) as one space.
    static func spaced(_ text: String) -> String {
        guard text.contains(where: { $0 == "\n" || $0 == "\r" || $0 == "\t" }) || text.contains("  ") else { return text }
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" })
        return words.joined(separator: " ") + (text.last?.isWhitespace == true ? " " : "")
    }

    /// A record's period: the period mention's, else the one derived from the story's convention.
    public func period(of r: TradeRecord) -> ResolvedPeriod? {
        r.derivedPeriod ?? r.period.flatMap { mentions[$0].period }
    }

    /// A record's amount with its rounding, when it is a single amount (not a range or a unit price).
    public func amount(of r: TradeRecord) -> (value: Decimal, halfUnit: Decimal, currency: String)? {
        let m = mentions[r.value]
        guard case let .money(a?, nil, nil, c?, nil) = m.value, m.qualifier == nil, a > 0,
              let v = valueWithRounding(m) else { return nil }
        return (v.value, v.halfUnit, c)
    }

    /// Records of a story that describe one fact each and can be compared with each other across
    /// figures: reporter known, an exact amount, a period written beside the figure itself (see
    /// `hasOwnPeriod`), a flow word that is not part of an institution's name ("Foreign Trade
    /// Department"), and not said in a forecast.
    public func comparableRecords() -> [TradeRecord] {
        if let cached = cache.comparable { return cached }
        let result = records.filter { r in
            r.reporter != nil && amount(of: r) != nil && hasOwnPeriod(r) && !isInstitutionName(r.flow.span)
                && document.sentences.indices.contains(r.sentence) && !isFuture(sentence: r.sentence)
        }
        cache.comparable = result
        return result
    }

    /// Whether a record's period is written beside its own figure, so that arithmetic across figures
    /// does not rest on a period the assembler had to guess in a sentence of many figures:
    /// the first period after the figure (before the next figure), else the last one before it when
    /// no comparison base stands between and the figure is not itself a base; a base ("from 6.20
    /// billion in January") counts only when its period follows it and another period stands between
    /// it and the figure before it, or the period is its possessive ("December's 421 mln").
    public func hasOwnPeriod(_ r: TradeRecord) -> Bool {
        // A period carried from another clause of the same sentence counts; the positions below decide.
        guard let p = r.period, document.sentences.indices.contains(r.sentence) else { return false }
        let money = mentions[r.value]
        let s = document.sentences[r.sentence].span
        let inSentence = extraction.mentions(inSentence: r.sentence)
        let moneys = inSentence.filter { mentions[$0].type == .money }
        let periods = inSentence.filter { mentions[$0].period != nil && mentions[$0].role == nil }
        let next = moneys.map { mentions[$0].span.start }.filter { $0 > money.span.start }.min() ?? s.end
        let previous = moneys.map { mentions[$0].span.end }.filter { $0 <= money.span.start }.max() ?? s.start
        let after = periods.first { mentions[$0].span.start >= money.span.end && mentions[$0].span.start < next }
        let isBase = helpers.assembler.hasComparisonCue(before: money.matchSpan, document)
        if let a = after {
            guard a == p else { return false }
            return !isBase || periods.contains { mentions[$0].span.start >= previous && mentions[$0].span.end <= money.span.start }
                || previous == s.start
        }
        // "exports of 6.92 billion and imports of 6.31 billion in February last year": a period after the next
        // figure may be this one's too.
        if let n = moneys.first(where: { mentions[$0].span.start == next }) {
            let afterNext = moneys.map { mentions[$0].span.start }.filter { $0 > mentions[n].span.start }.min() ?? s.end
            if periods.contains(where: { mentions[$0].span.start >= mentions[n].span.end && mentions[$0].span.start < afterNext }) { return false }
        }
        guard let b = periods.last(where: { mentions[$0].span.end <= money.span.start }), b == p else { return false }
        let between = Span(mentions[b].span.end, money.span.start)
        if isBase { return between.end - between.start <= 4 }  // "December's 421 mln"
        // No base, and no word that moves the period ("the year-ago month total of"), between the period and the figure.
        if moneys.contains(where: { between.contains(mentions[$0].span) && helpers.assembler.hasComparisonCue(before: mentions[$0].matchSpan, document) }) { return false }
        return document.matchSpans(of: helpers[.relativePeriod], in: between, limit: 1).isEmpty
    }

    /// Whether a flow word is part of a name ("the Foreign Trade Department", "Trade Ministry").
    public func isInstitutionName(_ span: Span) -> Bool {
        let after = Span(span.end, min(document.bytes.count, span.end + 16))
        return after.length > 0 && !document.matchSpans(of: helpers[.institutionAfter], in: after, limit: 1).isEmpty
    }

    /// Words that make a figure a variant (seasonally adjusted, smoothed, provisional, revised, …) in the
    /// sentence at `index`, lower-cased: figures are compared only when their sentences agree on them.
    public func variantCues(sentence index: Int) -> Set<String> {
        Set(document.matchSpans(of: helpers[.figureVariant], in: document.sentences[index].span).map { document.text($0).lowercased() })
    }

    /// Whether the clause of a balance figure makes it something other than the merchandise trade
    /// balance ("current account", "invisibles", "capital account", "farm trade", "energy").
    public func isOtherBalance(_ r: TradeRecord) -> Bool {
        let money = mentions[r.value].span
        let s = document.sentences[r.sentence].span
        let clause = helpers.assembler.clauses(of: s, document).first { $0.start <= money.start && money.start < $0.end } ?? s
        // The words before the flow ("the long-term capital account deficit"), and the figure's clause up to the figure.
        let phrase = Span(max(s.start, r.flow.span.start - 40), r.flow.span.end)
        let figure = Span(clause.start, money.end)
        return !document.matchSpans(of: helpers[.balanceNotTrade], in: phrase, limit: 1).isEmpty
            || !document.matchSpans(of: helpers[.balanceNotTrade], in: figure, limit: 1).isEmpty
    }

    /// What makes two records "the same" apart from their flow: reporter, commodity, partner, period
    /// (and the flow unless `flow` is false). Nil without a period.
    public func factKey(_ r: TradeRecord, flow: Bool = true) -> FactKey? {
        guard let p = period(of: r) else { return nil }
        return FactKey(reporter: r.reporter?.value ?? "", flow: flow ? r.flow.value : "", commodity: r.commodity?.value ?? "",
                       partner: r.partner?.value ?? "", from: p.from, to: p.to)
    }

    /// Whether two spans are in the same sentence.
    public func sameSentence(_ a: Span, _ b: Span) -> Bool { sentence(of: a) == sentence(of: b) }

    /// A figure's value as written and the half-width of its rounding ("5.6 billion" → 5.6e9 ± 0.05e9).
    public func valueWithRounding(_ m: Mention) -> (value: Decimal, halfUnit: Decimal)? {
        let key = Span(m.span.start, m.span.end)
        if let cached = cache.rounding[key] { return cached }
        let computed = computeValueWithRounding(m)
        cache.rounding[key] = computed
        return computed
    }

    /// Half a unit of the lowest non-zero decimal place of `v` (6 → 0.5, 2e9 → 0.5e9, 0.5 → 0.05).
    static func wordRounding(_ v: Decimal) -> Decimal {
        guard v != 0 else { return 0 }
        // The digits of the significand, and the exponent of its last one ("6" → 0, 2e9 → 9).
        var digits = "\(v.significand < 0 ? -v.significand : v.significand)"
        var exponent = Int(v.exponent)
        while digits.count > 1, digits.hasSuffix("0") { digits.removeLast(); exponent += 1 }
        return Decimal(sign: .plus, exponent: exponent - 1, significand: 5)
    }

    func computeValueWithRounding(_ m: Mention) -> (value: Decimal, halfUnit: Decimal)? {
        let value = m.numericValue
        guard let v = value else { return nil }
        // The first number written in the mention gives the precision and the scale.
        let bytes = Array(m.text.utf8)
        // A figure written in words ("six pct", "two billion") is rounded to its last named digit:
        // half a unit of its lowest non-zero place (6 ± 0.5, 2 billion ± 0.5 billion).
        guard let first = bytes.firstIndex(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return (v, Self.wordRounding(v)) }
        var end = first
        var decimals = 0, afterPoint = false
        while end < bytes.count {
            let b = bytes[end]
            if b >= 0x30 && b <= 0x39 { if afterPoint { decimals += 1 } }
            else if b == UInt8(ascii: ",") && !afterPoint { }
            else if b == UInt8(ascii: "."), !afterPoint, end + 1 < bytes.count, bytes[end + 1] >= 0x30, bytes[end + 1] <= 0x39 { afterPoint = true }
            else { break }
            end += 1
        }
        guard let written = Numbers.parse(String(decoding: bytes[first..<end], as: UTF8.self)), written != 0 else { return (v, 0) }
        if v == written { return (v, Decimal(sign: .plus, exponent: -decimals - 1, significand: 5)) }
        // A figure scaled by a power of ten ("22.13 million"): shift the half unit's exponent
        // rather than divide (Decimal division is slow and this runs for every figure).
        for k in [6, 9, 3, 12, 2, 5, 7, 1, 4, 8, 10, 11] where Decimal(sign: written.sign, exponent: written.exponent + k, significand: written.significand) == v {
            return (v, Decimal(sign: .plus, exponent: -decimals - 1 + k, significand: 5))
        }
        let half = Decimal(sign: .plus, exponent: -decimals - 1, significand: 5)
        return (v, half * (v / written))
    }
}

/// Decimal helpers for the checks.
enum DecimalMath {
    static func abs(_ d: Decimal) -> Decimal { d < 0 ? -d : d }
    /// A value rounded to `places` decimals, for details.
    package static func rounded(_ d: Decimal, places: Int = 2) -> Decimal {
        var v = d, r = Decimal()
        NSDecimalRound(&r, &v, places, .plain)
        return r
    }
    /// A money amount in billions or millions for messages ("5.6 billion").
    package static func scaled(_ d: Decimal) -> String {
        let a = abs(d)
        if a >= 1_000_000_000 { return string(d / 1_000_000_000, places: 3) + " billion" }
        if a >= 1_000_000 { return string(d / 1_000_000, places: 3) + " million" }
        return string(d, places: 2)
    }
    package static func string(_ d: Decimal, places: Int = 1) -> String {
        var v = d, r = Decimal()
        NSDecimalRound(&r, &v, places, .plain)
        return Numbers.string(r)
    }
}

/// The identity of a fact for comparing records (see ``CheckContext/factKey(_:flow:)``): two
/// records with equal keys state the same fact, so their amounts must agree.
public struct FactKey: Hashable, Sendable {
    /// Every stored property, as the memberwise initializer takes them.
    package init(reporter: String, flow: String, commodity: String, partner: String, from: CalendarDate, to: CalendarDate) { self.reporter = reporter; self.flow = flow; self.commodity = commodity; self.partner = partner; self.from = from; self.to = to }
    /// The reporter's canonical name; empty when the record has none.
    public let reporter: String
    /// The flow ("exports", "trade surplus"); empty when records are compared across flows.
    public let flow: String
    /// The commodity's normalized head; empty for a figure that names none (all goods).
    public let commodity: String
    /// The single partner; empty for a figure that names none.
    public let partner: String
    /// The first day of the record's period (inclusive).
    public let from: CalendarDate
    /// The last day of the record's period (inclusive).
    public let to: CalendarDate
}
