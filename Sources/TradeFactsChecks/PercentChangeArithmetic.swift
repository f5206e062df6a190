import Foundation
import TradeFactsText

/// A percent change that does not fit the two values it runs between, within the rounding of what is written.
package struct PercentChangeArithmetic: Check {
    package static let description = CheckDescription(
        id: "percent-change-arithmetic",
        name: "Percent change does not fit its two values",
        severity: .warning,
        summary: "A stated percent change does not match the change between the two figures it runs between, allowing for rounding.",
        rationale: """
            "Exports rose 12 pct to 5.6 billion dlrs from 4.0 billion" is a 40 % rise: one of the three numbers \
            is wrong. Tolerances come from the precision written: "12 pct" stands for 11.5–12.5, "5.6 billion" \
            for 5.55–5.65 billion, so only changes that no rounding can explain are reported (statcheck's lesson: \
            respect rounding, or cry wolf).
            """,
        triggering: [
            CheckExample("Exports ↓rose 12 pct to 5.6 billion dlrs from 4.0 billion dlrs.", date: "1987-03-01"),
            CheckExample("Imports were ↓down 3% from $4.12 million to $3.05 million.", date: "2025-03-01"),
        ],
        nonTriggering: [
            CheckExample("Copper sales rose 10 pct to 112,900 tons and operating earnings grew to 54.2 mln dlrs from 11.1 mln dlrs.", date: "1987-10-20"),
            CheckExample("Its sales for February rose five pct on a comparable-store basis to 20.7 mln dlrs from 10.4 mln dlrs.", date: "1987-03-05"),
            CheckExample("Exports fell six pct to 441 mln dlrs from 468 mln dlrs.", date: "1987-04-10"),
            CheckExample("Imports rose one pct to 172.5 mln dlrs from 170.4 mln dlrs.", date: "1987-04-10"),
            CheckExample("Exports rose 12 pct to 5.6 billion dlrs from 5.0 billion dlrs.", date: "1987-03-01"),
            CheckExample("Imports were down 26% from $4.12 million to $3.05 million.", date: "2025-03-01"),
            CheckExample("Imports were down 3% from $4 million to $3 million.", date: "2025-03-01"),
            CheckExample("Exports rose 12 pct to 5.6 billion dlrs.", date: "1987-03-01"),
            CheckExample("Costs declined nearly 30 pct to 3.41 dlrs from 4.81 dlrs.", date: "1987-03-01"),
        ],
        cues: [
            // A basis other than the totals right after the change: comparable or same stores, constant prices, volume.
            "other-basis": #"\A[^.;]{0,30}?\b(?:comparable[-\s]+store|same[-\s]+store|comparable\s+basis|constant\s+(?:prices|dollars|currency)|in\s+volume|volume\s+terms|real\s+terms)\b"#,
        ]
    )

    package init() {}

    package func run(_ context: CheckContext) -> [Finding] {
        var findings: [Finding] = []
        for (i, m) in context.mentions.enumerated() {
            // An approximate change ("nearly 30 pct") is not held to its digits.
            guard case let .percent(_, _, _, .percent, direction?, _) = m.value, direction != .flat, m.qualifier == nil,
                  let stated = context.valueWithRounding(m), let (fi, ti) = context.fromTo(ofChange: i, type: .money),
                  let from = context.valueWithRounding(context.mentions[fi]), let to = context.valueWithRounding(context.mentions[ti]),
                  from.value > 0, to.value > 0 else { continue }
            // Same currency, or the comparison means nothing.
            if context.mentions[fi].currency != context.mentions[ti].currency { continue }
            // A change on another basis than the two totals ("rose six pct on a comparable store basis to
            // 108.6 mln dlrs from 89.3 mln") is not their change.
            let between = Span(m.span.end, min(context.document.bytes.count, m.span.end + 48))
            if !context.document.matchSpans(of: cue("other-basis", in: context), in: between, limit: 1).isEmpty { continue }
            let signed = direction == .down ? -stated.value : stated.value
            let exact = (to.value - from.value) / from.value * 100
            let lowest = ((to.value - to.halfUnit) - (from.value + from.halfUnit)) / (from.value + from.halfUnit) * 100
            let highest = ((to.value + to.halfUnit) - (from.value - from.halfUnit)) / (from.value - from.halfUnit) * 100
            let slack = context.settings.percentChangeSlack
            let statedLow = signed - stated.halfUnit - slack, statedHigh = signed + stated.halfUnit + slack
            guard statedHigh < lowest || statedLow > highest else { continue }
            // Opposite signs are the direction check's business.
            if (exact < 0) != (signed < 0) && exact != 0 { continue }
            let from$ = context.mentions[fi], to$ = context.mentions[ti]
            findings.append(finding(
                "\"\(m.text)\" does not fit \"\(from$.text)\" → \"\(to$.text)\": that is a change of \(DecimalMath.string(exact))% (rounding allows \(DecimalMath.string(lowest))% to \(DecimalMath.string(highest))%)",
                at: m.span,
                related: [RelatedSpan(span: from$.span, message: "from"), RelatedSpan(span: to$.span, message: "to")],
                details: [("stated", .decimal(signed)), ("computed", .decimal(Decimal(string: DecimalMath.string(exact, places: 2)) ?? exact)),
                          ("off", .decimal(Decimal(string: DecimalMath.string(DecimalMath.abs(exact - signed), places: 2)) ?? 0))]))
        }
        return findings
    }
}
