/// Data reported for a period that has not begun by the dateline.
package struct PeriodAfterDateline: Check {
    package static let description = CheckDescription(
        id: "period-after-dateline",
        name: "Reported period lies after the dateline",
        severity: .error,
        summary: "A figure is reported, not forecast, for a period that starts after the article's date.",
        rationale: """
            Customs cannot have reported exports "for the first half of 2026" in a 2025 article; unless the \
            sentence forecasts, plans or agrees on the figure ("will", "is expected to", "forecast", "target", \
            "had agreed to export", "intention"), or its statement is not a report, the year is wrong.
            """,
        triggering: [CheckExample("In ↓the first half of 2026, exports reached $5 million, up 4%.", date: "2025-10-03")],
        nonTriggering: [
            CheckExample("In the first half of 2025, exports reached $5 million, up 4%.", date: "2025-10-03"),
            CheckExample("In the first half of 2026, exports will reach $5 million, the ministry forecast.", date: "2025-10-03"),
            CheckExample("NEW DELHI, March 31 - He said India had agreed to export iron ore worth 400 mln dlrs to Japan in 1987/88.", date: "1987-03-31"),
        ]
    )

    package init() {}

    package func run(_ context: CheckContext) -> [Finding] {
        guard let reference = context.referenceDate else { return [] }
        var findings: [Finding] = []
        var seen = Set<Int>()
        for record in context.records {
            guard let pi = record.period, !record.periodCarried, !seen.contains(pi), let p = context.mentions[pi].period,
                  p.from > reference, !context.isFuture(sentence: record.sentence), record.modality == nil else { continue }
            seen.insert(pi)
            findings.append(finding(
                "\(record.flow.value) are reported for \"\(context.mentions[pi].text)\" (from \(p.from.iso)), which begins after \(context.referenceDescription) and is not a forecast",
                at: context.mentions[pi].span,
                related: [RelatedSpan(span: context.mentions[record.value].span, message: "the figure")],
                details: [("periodStart", .string(p.from.iso)), ("referenceDate", .string(reference.iso))]))
        }
        return findings
    }
}
