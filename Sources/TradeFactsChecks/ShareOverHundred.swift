import Foundation
import TradeFactsText

/// A share of a whole above 100 %.
package struct ShareOverHundred: Check {
    package static let description = CheckDescription(
        id: "share-over-100",
        name: "Share above 100 percent",
        severity: .warning,
        summary: "A percentage given as a share of a whole is above 100 %.",
        rationale: """
            A part cannot be more than its whole: "private firms accounted for 178.5% of exports" has a slipped digit. \
            A percentage of a price, a value, equity, an economy's output, a quota or a level (lexicon ratio-bases) is a \
            ratio, not a share, and may exceed 100 %.
            """,
        triggering: [CheckExample("Private firms accounted for ↓178.5% of exports.", date: "2025-03-01")],
        nonTriggering: [
            CheckExample("Private firms accounted for 78.5% of exports.", date: "2025-03-01"),
            CheckExample("Exports rose 178.5% on the year.", date: "2025-03-01"),
            CheckExample("The notes can be redeemed if the price of the shares exceeds 130 pct of the conversion price.", date: "1987-03-01"),
            CheckExample("The losses account for 110 pct of year-end equity.", date: "1987-03-01"),
        ],
        cues: [
            // A ratio's base right after the percentage ("130 pct of the conversion price", "110 pct of year-end equity").
            "ratio-base": #"\A\s*of\s+(?:the\s+|its\s+|their\s+|a\s+)?(?:[A-Za-z-]+\s+){0,2}?(?:{{lexicon:ratio-bases}})(?![A-Za-z])"#,
        ]
    )

    package init() {}

    package func run(_ context: CheckContext) -> [Finding] {
        let mentions = context.mentions
        // Only percentages can be shares: the others are passed over without copying them.
        return mentions.indices.compactMap { i -> Finding? in
            guard mentions[i].type == .percent else { return nil }
            let m = mentions[i]
            guard case let .percent(v?, _, _, .percent, nil, _) = m.value, v > 100, context.isShare(m.span) else { return nil }
            let after = Span(m.span.end, min(context.document.bytes.count, m.span.end + 60))
            guard context.document.matchSpans(of: cue("ratio-base", in: context), in: after, limit: 1).isEmpty else { return nil }
            return finding("\"\(m.text)\" is given as a share of a whole but exceeds 100%", at: m.span, details: [("value", .decimal(v))])
        }
    }
}
