import Foundation
import TradeFactsRecords
import TradeFactsText

/// A change whose implied previous value contradicts the previous value stated for the same fact.
package struct ImpliedPreviousValue: Check {
    package static let description = CheckDescription(
        id: "implied-previous-value",
        name: "Change implies a previous value the story contradicts",
        severity: .warning,
        summary: "A figure with a percent change implies a previous value (value / (1 + change)) that differs from the previous value stated elsewhere for the same fact, beyond rounding.",
        rationale: """
            "Exports were 5.6 billion dlrs in March, up 12 pct" implies about 5.0 billion a year earlier; when the story \
            gives March 1986 exports as 4.0 billion, one of the three numbers is wrong. The stated previous value is a \
            comparison base of the same figure ("up 12 pct from 4.0 billion") or a figure for the same reporter, flow, \
            commodity and partner in the period the change's basis points to (a year earlier for a year-on-year change). \
            Rounding of all three figures and `percent-change-slack` are allowed for. A change that runs "from … to …" \
            within its clause is `percent-change-arithmetic`'s business and is left to it.
            """,
        triggering: [
            CheckExample("Exports were 5.6 billion dlrs in March, ↓up 12 pct from 4.0 billion dlrs a year earlier, Taiwan said.", date: "1987-04-10"),
            CheckExample("Taiwan's exports were 5.6 billion dlrs in March, ↓up 12 pct year-on-year. Exports were 4.0 billion dlrs in March 1986.", date: "1987-04-10"),
        ],
        nonTriggering: [
            CheckExample("Exports were 5.6 billion dlrs in March, up 12 pct from 5.0 billion dlrs a year earlier, Taiwan said.", date: "1987-04-10"),
            CheckExample("Taiwan's exports were 5.6 billion dlrs in March, up 12 pct year-on-year. Exports were 5.0 billion dlrs in March 1986.", date: "1987-04-10"),
            CheckExample("Taiwan's exports were 5.6 billion dlrs in March, up 12 pct from February. Exports were 4.0 billion dlrs in March 1986.", date: "1987-04-10"),
            CheckExample("Exports rose 12 pct to 5.6 billion dlrs from 4.0 billion dlrs, Taiwan said.", date: "1987-04-10"),
        ]
    )

    package init() {}

    package func run(_ context: CheckContext) -> [Finding] {
        let m = context.mentions
        let records = context.comparableRecords()
        var findings: [Finding] = []
        // Indexes built once, so the check stays linear in the story's size: comparison bases by
        // sentence, and every record by its fact and period.
        func fact(_ r: TradeRecord, _ p: ResolvedPeriod) -> FactKey {
            FactKey(reporter: r.reporter?.value ?? "", flow: r.flow.value, commodity: r.commodity?.value ?? "", partner: r.partner?.value ?? "", from: p.from, to: p.to)
        }
        var basesBySentence: [Int: [TradeRecord]] = [:]
        var byFact: [FactKey: [TradeRecord]] = [:]
        for b in records {
            if b.isComparison { basesBySentence[b.sentence, default: []].append(b) }
            if let p = context.period(of: b) { byFact[fact(b, p), default: []].append(b) }
        }
        for r in records where !r.isComparison {
            guard let ci = r.change, case let .percent(_, nil, nil, .percent, direction?, basis) = m[ci].value, direction != .flat,
                  m[ci].qualifier == nil, let change = context.valueWithRounding(m[ci]), let now = context.amount(of: r),
                  context.fromTo(ofChange: ci, type: .money) == nil, let current = context.period(of: r) else { continue }
            let signed = direction == .down ? -change.value : change.value
            // The stated previous value: the figure's own base in its sentence, else the figure for the period the basis names.
            var base = (basesBySentence[r.sentence] ?? []).first { b in
                b.flow.value == r.flow.value && b.reporter?.value == r.reporter?.value && b.commodity?.value == r.commodity?.value
                    && b.partner?.value == r.partner?.value && m[b.value].span.start > m[ci].span.start
            }
            if base == nil {
                let months: Int? = switch basis ?? r.derivedBasis {
                case "year-on-year": 12
                case "month-on-month": 1
                case "quarter-on-quarter": 3
                default: nil
                }
                guard let back = months else { continue }
                let wanted = ResolvedPeriod(from: current.from.adding(months: -back), to: current.to.adding(months: -back).lastDayOfMonth,
                                            value: "", granularity: current.granularity)
                let candidates = byFact[fact(r, wanted)] ?? []
                // One amount for that period, or the story gives it several ways and we cannot tell which.
                guard Set(candidates.compactMap { context.amount(of: $0)?.value }).count == 1 else { continue }
                base = candidates.first
            }
            guard let b = base, let prev = context.amount(of: b), prev.currency == now.currency,
                  context.variantCues(sentence: b.sentence) == context.variantCues(sentence: r.sentence) else { continue }
            let slack = context.settings.percentChangeSlack
            let lowFactor = 1 + (signed - change.halfUnit - slack) / 100, highFactor = 1 + (signed + change.halfUnit + slack) / 100
            guard lowFactor > 0 else { continue }
            let impliedLow = (now.value - now.halfUnit) / highFactor, impliedHigh = (now.value + now.halfUnit) / lowFactor
            guard prev.value + prev.halfUnit < impliedLow || prev.value - prev.halfUnit > impliedHigh else { continue }
            let implied = now.value / (1 + signed / 100)
            let actual = (now.value - prev.value) / prev.value * 100
            findings.append(finding(
                "\"\(m[ci].text)\" to \"\(m[r.value].text)\" implies a previous value of about \(DecimalMath.scaled(implied)), but \"\(m[b.value].text)\" is given for \(b.isComparison ? "the base" : "the compared period"); that is a change of \(DecimalMath.string(actual))%",
                at: m[ci].span,
                related: [RelatedSpan(span: m[r.value].span, message: "the value"), RelatedSpan(span: m[b.value].span, message: "the previous value stated")],
                details: [("stated", .decimal(signed)), ("value", .decimal(now.value)), ("impliedPrevious", .decimal(DecimalMath.rounded(implied, places: 0))),
                          ("statedPrevious", .decimal(prev.value)), ("computedChange", .decimal(DecimalMath.rounded(actual, places: 2))),
                          ("off", .decimal(DecimalMath.rounded(DecimalMath.abs(actual - signed), places: 2)))]))
        }
        return findings
    }
}
