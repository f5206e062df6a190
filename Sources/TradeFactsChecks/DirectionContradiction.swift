import Foundation
import TradeFactsExtract

/// A rise word with a falling pair of values, or the reverse.
package struct DirectionContradiction: Check {
    package static let description = CheckDescription(
        id: "direction-contradiction",
        name: "Direction word contradicts the numbers",
        severity: .error,
        summary: "A change described as a rise runs between falling values, or a fall between rising ones.",
        rationale: """
            "Exports rose 5 pct to 3.1 billion dlrs from 3.3 billion" cannot be right: the values fell. A sign \
            that flips the meaning of a figure is an error, whichever of the word or the numbers is wrong.
            """,
        triggering: [
            CheckExample("Exports ↓rose 5 pct to 3.1 billion dlrs from 3.3 billion dlrs.", date: "1987-03-01"),
            CheckExample("Imports ↓fell 10% from $2.0 million to $2.2 million.", date: "2025-03-01"),
            CheckExample("TAIWAN EXPORTS\nTaiwan said its exports in February ↓fell 15 pct to 3.5 billion dlrs from\n2.9 billion dlrs a year earlier.", date: "1987-03-10"),
        ],
        nonTriggering: [
            CheckExample("Exports fell 6 pct to 3.1 billion dlrs from 3.3 billion dlrs.", date: "1987-03-01"),
            CheckExample("Imports rose 10% from $2.0 million to $2.2 million.", date: "2025-03-01"),
            CheckExample("Imports fell 10% from $2 million to $2.2 million, within rounding of the first figure.", date: "2025-03-01"),
            CheckExample("Swissair reported a 5.8 pct drop in net profit to 64.5 mln Swiss francs and would cut its payout to 33 francs per share from 38.",
                         date: "1987-03-19"),
        ]
    )

    package init() {}

    package func run(_ context: CheckContext) -> [Finding] {
        var findings: [Finding] = []
        for (i, m) in context.mentions.enumerated() {
            guard case let .percent(_, _, _, _, direction?, _) = m.value, direction != .flat,
                  let (fi, ti) = context.fromTo(ofChange: i, type: .money),
                  let from = context.valueWithRounding(context.mentions[fi]), let to = context.valueWithRounding(context.mentions[ti]) else { continue }
            // Only when no rounding can make the values move the stated way.
            let fell = to.value + to.halfUnit < from.value - from.halfUnit
            let rose = to.value - to.halfUnit > from.value + from.halfUnit
            guard (direction == .up && fell) || (direction == .down && rose) else { continue }
            findings.append(finding(
                "\"\(m.text)\" says \(direction == .up ? "up" : "down"), but the values \(fell ? "fell" : "rose") from \"\(context.mentions[fi].text)\" to \"\(context.mentions[ti].text)\"",
                at: m.span,
                related: [RelatedSpan(span: context.mentions[fi].span, message: "from"), RelatedSpan(span: context.mentions[ti].span, message: "to")],
                details: [("direction", .string(direction.rawValue)), ("from", .decimal(from.value)), ("to", .decimal(to.value))]))
        }
        return findings
    }
}
