import Foundation

/// A share of a whole above 100 %.
package struct ShareOverHundred: Check {
    package static let description = CheckDescription(
        id: "share-over-100",
        name: "Share above 100 percent",
        severity: .warning,
        summary: "A percentage given as a share of a whole is above 100 %.",
        rationale: "A part cannot be more than its whole: \"private firms accounted for 178.5% of exports\" has a slipped digit.",
        triggering: [CheckExample("Private firms accounted for ↓178.5% of exports.", date: "2025-03-01")],
        nonTriggering: [
            CheckExample("Private firms accounted for 78.5% of exports.", date: "2025-03-01"),
            CheckExample("Exports rose 178.5% on the year.", date: "2025-03-01"),
        ]
    )

    package init() {}

    package func run(_ context: CheckContext) -> [Finding] {
        let mentions = context.mentions
        // Only percentages can be shares: the others are passed over without copying them.
        return mentions.indices.compactMap { i in
            guard mentions[i].type == .percent else { return nil }
            let m = mentions[i]
            guard case let .percent(v?, _, _, .percent, nil, _) = m.value, v > 100, context.isShare(m.span) else { return nil }
            return finding("\"\(m.text)\" is given as a share of a whole but exceeds 100%", at: m.span, details: [("value", .decimal(v))])
        }
    }
}
