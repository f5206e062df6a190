import Foundation
import TradeFactsExtract

/// "rose 1% from 5% to 6%": a change in percentage points written as a percent change.
package struct PointsVersusPercent: Check {
    package static let description = CheckDescription(
        id: "points-vs-percent",
        name: "Percent written for percentage points",
        severity: .warning,
        summary: "A change between two rates is given in percent where it equals the difference in percentage points.",
        rationale: """
            A rate that goes from 5 % to 6 % rises by 1 percentage point, or by 20 percent. "rose 1% from 5% \
            to 6%" mixes the two, and readers take it as a 1 % relative rise.
            """,
        triggering: [
            CheckExample("The tariff ↓rose 1% from 5% to 6%.", date: "2025-03-01"),
        ],
        nonTriggering: [
            CheckExample("The tariff rose 1 percentage point from 5% to 6%.", date: "2025-03-01"),
            CheckExample("The tariff rose 20% from 5% to 6%.", date: "2025-03-01"),
        ]
    )

    package init() {}

    package func run(_ context: CheckContext) -> [Finding] {
        var findings: [Finding] = []
        for (i, m) in context.mentions.enumerated() {
            guard case let .percent(v?, _, _, .percent, direction?, _) = m.value, direction != .flat,
                  let (fi, ti) = context.fromTo(ofChange: i, type: .percent),
                  case let .percent(a?, _, _, .percent, _, _) = context.mentions[fi].value,
                  case let .percent(b?, _, _, .percent, _, _) = context.mentions[ti].value, a > 0 else { continue }
            let points = DecimalMath.abs(b - a)
            let relative = DecimalMath.abs(b - a) / a * 100
            guard points == v, DecimalMath.abs(relative - v) > 0.5 else { continue }
            findings.append(finding(
                "\"\(m.text)\": from \(Numbers.string(a))% to \(Numbers.string(b))% is \(Numbers.string(points)) percentage points, a \(DecimalMath.string(relative))% change; say \"percentage points\"",
                at: m.span,
                related: [RelatedSpan(span: context.mentions[fi].span, message: "from"), RelatedSpan(span: context.mentions[ti].span, message: "to")],
                details: [("points", .decimal(points)), ("relativePercent", .decimal(Decimal(string: DecimalMath.string(relative, places: 2)) ?? relative))]))
        }
        return findings
    }
}
