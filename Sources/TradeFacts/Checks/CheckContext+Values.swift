import Foundation

/// Helpers that read figures for the arithmetic and direction checks.
extension CheckContext {
    /// Lower-cased text just before a span (up to `length` bytes), for cue words like "from" and "to".
    public func textBefore(_ span: Span, length: Int = 16) -> String {
        document.text(Span(max(0, span.start - length), span.start)).lowercased()
    }

    /// Whether the sentence at `index` forecasts or plans ("will", "would", "is expected to", "forecast", "target").
    public func isFuture(sentence index: Int) -> Bool {
        !document.matchSpans(of: helpers.futureCue, in: document.sentences[index].span, limit: 1).isEmpty
    }

    /// Whether the text around a percentage makes it a share ("accounted for 78.5% of exports").
    public func isShare(_ span: Span) -> Bool {
        let window = Span(max(0, span.start - 40), min(document.bytes.count, span.end + 30))
        return !document.matchSpans(of: helpers.shareCue, in: window, limit: 1).isEmpty
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
        for i in mentions.indices where i != index && mentions[i].type == type && mentions[i].span.start > change.span.end
            && sentenceSpan.contains(mentions[i].span) {
            let before = textBefore(mentions[i].matchSpan, length: 8)
            if before.hasSuffix("from ") && from == nil { from = i }
            else if before.hasSuffix("to ") && to == nil { to = i }
            // Stop at the next change: its figures are its own.
            if mentions[i].type == .percent, case .percent(_, _, _, _, _?, _) = mentions[i].value { break }
        }
        guard let f = from, let t = to else { return nil }
        return (f, t)
    }

    /// A figure's value as written and the half-width of its rounding ("5.6 billion" → 5.6e9 ± 0.05e9).
    public func valueWithRounding(_ m: Mention) -> (value: Decimal, halfUnit: Decimal)? {
        let value = m.numericValue
        guard let v = value else { return nil }
        // The first number written in the mention gives the precision and the scale.
        guard let r = m.text.range(of: #"[0-9][0-9,]*(\.[0-9]+)?"#, options: .regularExpression),
              let written = Numbers.parse(String(m.text[r])), written != 0 else { return (v, 0) }
        let digits = m.text[r]
        let decimals = digits.firstIndex(of: ".").map { digits.distance(from: $0, to: digits.endIndex) - 1 } ?? 0
        var half: Decimal = 0.5
        for _ in 0..<decimals { half /= 10 }
        return (v, half * (v / written))
    }
}

/// Decimal helpers for the checks.
enum DecimalMath {
    static func abs(_ d: Decimal) -> Decimal { d < 0 ? -d : d }
    static func string(_ d: Decimal, places: Int = 1) -> String {
        var v = d, r = Decimal()
        NSDecimalRound(&r, &v, places, .plain)
        return Numbers.string(r)
    }
}
