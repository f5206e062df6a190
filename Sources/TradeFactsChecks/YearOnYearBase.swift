/// A year-on-year change compared to a year that is not the year before the period it describes.
package struct YearOnYearBase: Check {
    package static let description = CheckDescription(
        id: "yoy-base-year",
        name: "Year-on-year base is not the previous year",
        severity: .warning,
        summary: "A change is compared to an explicit year that is not the year before the figure's period.",
        rationale: """
            "87.4% year-on-year growth … compared to 2004" for a 2024 figure compares against a year two \
            decades back: either the base year or the growth figure is wrong, and most often the year is a \
            typo (2004 for 2024). A year-on-year change compares a period with the same period one year earlier.
            """,
        triggering: [
            CheckExample("In the first nine months of 2024, Jilin exported auto parts worth $22.13 million, up 87.4% year-on-year, with volumes increasing compared to ↓2004.", date: "2025-10-03"),
            CheckExample("Exports rose 12 pct to 5.6 billion dlrs in 1986. The increase was compared to ↓1975.", date: "1987-03-01"),
        ],
        nonTriggering: [
            CheckExample("In the first nine months of this year, Jilin exported auto parts worth $22.13 million, up 87.4% year-on-year, with volumes increasing compared to 2024.", date: "2025-10-03"),
            CheckExample("Exports reached $5 million in 2024, compared to 2023 when they were lower.", date: "2025-03-01"),
            CheckExample("Output in 2024 compared to 2004 doubled.", date: "2025-03-01"),
        ]
    )

    package init() {}

    package func run(_ context: CheckContext) -> [Finding] {
        let mentions = context.mentions
        var findings: [Finding] = []
        for (bi, base) in mentions.enumerated() {
            guard base.qualifier == "compared to", let bp = base.period, bp.granularity == .year else { continue }
            let bs = context.sentence(of: base.span)
            // The figure being compared: a record with a change in this sentence or the two before.
            guard let record = context.records.last(where: { r in
                r.change != nil && r.sentence <= bs && bs - r.sentence <= 2 && mentions[r.value].span.start < base.span.start
            }), let pi = record.period, let period = mentions[pi].period, pi != bi else { continue }
            let periodYear = period.from.year
            let expected = periodYear - 1
            guard bp.from.year != expected, bp.from.year != periodYear else { continue }
            let apart = periodYear - bp.from.year
            let changeText = record.change.map { "\"\(mentions[$0].text)\"" } ?? "the change"
            findings.append(finding(
                "\(changeText) is compared to \(bp.from.year), \(abs(apart)) years \(apart > 0 ? "before" : "after") the period it compares (\"\(mentions[pi].text)\", \(periodYear)); a year-on-year base would be \(expected)",
                at: base.span,
                related: [RelatedSpan(span: mentions[pi].span, message: "the figure's period (\(periodYear))")]
                    + (record.change.map { [RelatedSpan(span: mentions[$0].span, message: "the change")] } ?? []),
                details: [("baseYear", .int(bp.from.year)), ("expectedYear", .int(expected)), ("yearsApart", .int(abs(apart)))]))
        }
        return findings
    }
}
