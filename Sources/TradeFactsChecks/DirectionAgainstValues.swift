import Foundation
import TradeFactsText
import TradeFactsExtract
import TradeFactsStatements

/// A direction word that the statement's own two values contradict, with or without a stated
/// change: "Cocoa exports fell to 812 mln dlrs from 640 mln", "the surplus narrowed to 4.1
/// billion from 2.9 billion", "a market share of 64 pct, down from 51 pct".
package struct DirectionAgainstValues: Check {
    package static let description = CheckDescription(
        id: "direction-against-values",
        name: "Direction word contradicts the two values",
        severity: .error,
        summary: "A statement says its measure rose, fell, widened or narrowed, but the value it reached and the base it came from move the other way.",
        rationale: """
            "Exports fell to 812 mln dlrs from 640 mln" cannot be right: one of the word and the two figures is wrong. \
            The statement layer binds the direction word, the value and its base (Rules/statements.yaml), so this holds \
            for money, percent levels, volumes and counts alike, without a percentage change. A balance's "widened" and \
            "narrowed" compare sizes (a deficit that widened grew), "swung" is left alone, and so are values the rounding \
            of what is written can reconcile, values of different currencies or units, statements whose base period is \
            later than the value's (another check's business), and percent changes written between two money figures \
            ("rose 5 pct to 3.1 billion dlrs from 3.3 billion"), which direction-contradiction reads.
            """,
        triggering: [
            CheckExample("Cocoa exports ↓fell to 812 mln dlrs from 640 mln in 1985.", date: "1987-03-10"),
            CheckExample("The Dutch trade surplus ↓narrowed to 4.1 billion guilders in March from February's 2.9 billion.", date: "1987-04-10"),
            CheckExample("Its market share was 64 pct last year, ↓down from 51 pct in 1983.", date: "1987-03-10"),
            CheckExample("Exports in March rose to 620 mln dlrs, ↓down 10 pct from 560 mln dlrs a year earlier.", date: "1987-04-10"),
        ],
        nonTriggering: [
            CheckExample("Cocoa exports rose to 812 mln dlrs from 640 mln in 1985.", date: "1987-03-10"),
            CheckExample("The Dutch trade surplus narrowed to 2.9 billion guilders in March from February's 4.1 billion.", date: "1987-04-10"),
            CheckExample("Its market share was 64 pct last year, up from 51 pct in 1983.", date: "1987-03-10"),
            CheckExample("Exports fell to 4.1 billion dlrs from 4.1 billion in February.", date: "1987-04-10"),
            CheckExample("Exports in March rose to 620 mln dlrs, up 10 pct from 560 mln dlrs a year earlier.", date: "1987-04-10"),
            CheckExample("The balance swung into a deficit of 300 mln dlrs in March from a surplus of 200 mln in February.", date: "1987-04-10"),
        ]
    )

    package init() {}

    package func run(_ context: CheckContext) -> [Finding] {
        let m = context.mentions
        var findings: [Finding] = []
        for st in context.statements {
            guard let v = st.value, let b = st.base else { continue }
            // A percent change that runs from one money figure to another is direction-contradiction's.
            if let c = st.change, context.fromTo(ofChange: c, type: .money) != nil { continue }
            guard Self.comparable(m[v], m[b]), let value = context.valueWithRounding(m[v]), let base = context.valueWithRounding(m[b]) else { continue }
            // A base later than the value turns the comparison round: period-order checks read that.
            if let p = st.period.flatMap({ m[$0].period }), let bp = st.basePeriod.flatMap({ m[$0].period }), bp.from > p.from { continue }
            let fell = value.value + value.halfUnit < base.value - base.halfUnit
            let rose = value.value - value.halfUnit > base.value + base.halfUnit
            guard fell || rose else { continue }
            // The direction word, and the change's own direction ("rose to 620 mln dlrs, down 10 pct
            // from 560 mln"): the first that the two values contradict.
            var said: [(direction: String, span: Span)] = []
            if let w = st.direction, let span = w.span { said.append((w.value, span)) }
            if let c = st.change, let d = m[c].direction, !said.contains(where: { $0.span.overlaps(m[c].span) }) { said.append((d.rawValue, m[c].span)) }
            guard let wrong = said.first(where: { s in Self.rises(s.direction).map { ($0 && fell) || (!$0 && rose) } ?? false }),
                  let up = Self.rises(wrong.direction) else { continue }
            let measure = st.measure?.value ?? "the figure"
            findings.append(finding(
                "\"\(context.document.text(wrong.span))\" says the \(measure) \(up ? "grew" : "shrank"), but it \(fell ? "fell" : "rose") from \"\(m[b].text)\" to \"\(m[v].text)\"",
                at: wrong.span,
                related: [RelatedSpan(span: m[v].span, message: "the value"), RelatedSpan(span: m[b].span, message: "the base")],
                details: [("value", .decimal(value.value)), ("base", .decimal(base.value)), ("direction", .string(wrong.direction))]))
        }
        return findings
    }

    /// Whether a statement's direction value says the figure grew (up, widened), shrank (down,
    /// narrowed), or neither (swung, flat: nil). Balances are written as sizes, so a deficit that
    /// widened grew and one that narrowed shrank, as their amounts do.
    static func rises(_ direction: String) -> Bool? {
        switch direction {
        case "up", "widened": return true
        case "down", "narrowed": return false
        default: return nil
        }
    }

    /// Whether two figures can be compared: both money of one currency, both percentages of one
    /// unit, or both volumes of one unit.
    static func comparable(_ a: Mention, _ b: Mention) -> Bool {
        switch (a.value, b.value) {
        case let (.money(_, _, _, ca, pa), .money(_, _, _, cb, pb)): return ca != nil && ca == cb && pa == pb
        case let (.percent(_, _, _, ua, da, _), .percent(_, _, _, ub, db, _)): return ua == ub && da == nil && db == nil
        case let (.quantity(_, _, _, ua), .quantity(_, _, _, ub)): return ua == ub
        default: return false
        }
    }
}
