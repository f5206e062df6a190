/// "since October 2004" given as the cause of this year's change in a 2025 article.
package struct StaleAnchor: Check {

    package static let description = CheckDescription(
        id: "stale-anchor",
        name: "Stale 'since' anchor explains a current change",
        severity: .warning,
        summary: "A cause anchored \"since\" a date ten or more years before the dateline explains this year's figures.",
        rationale: """
            A trend that began two decades ago rarely explains why this year's figures fell; "since October \
            2004" in a 2025 story about this year's slump is most often a typo for a recent year (2024). The \
            check fires only in sentences that give a cause ("due to", "because of") near a figure of the \
            dateline's year, so long-running history told as history is left alone.
            """,
        triggering: [
            CheckExample("In the first three quarters of this year, imports fell 61.1% to $490 million. This downward trend is due to a sluggish market ↓since October 2004.", date: "2025-10-03"),
        ],
        nonTriggering: [
            CheckExample("In the first three quarters of this year, imports fell 61.1% to $490 million. This downward trend is due to a sluggish market since October 2024.", date: "2025-10-03"),
            CheckExample("The company has exported cars since 1985, and exports reached $5 million this year.", date: "2025-10-03"),
        ]
    )

    package init() {}

    package func run(_ context: CheckContext) -> [Finding] {
        guard let reference = context.referenceDate else { return [] }
        let mentions = context.mentions
        var findings: [Finding] = []
        for anchor in mentions {
            guard anchor.qualifier == "since", let ap = anchor.period else { continue }
            let apart = reference.year - ap.from.year
            guard apart >= context.settings.staleAnchorYears else { continue }
            let s = context.sentence(of: anchor.span)
            guard context.isCausal(sentence: s) else { continue }
            // A current figure nearby: a record of the dateline's year in this sentence or the two before.
            guard let record = context.records.last(where: { r in
                r.sentence <= s && s - r.sentence <= 2 && (r.period.flatMap { mentions[$0].period }?.to.year == reference.year)
            }) else { continue }
            // The most recent year with the same last digit: 2004 → 2024 in a 2025 article.
            let suggestion = ap.from.year + ((reference.year - ap.from.year) / 10) * 10
            let hint = suggestion <= reference.year ? "; a typo for \(suggestion)?" : ""
            let period = record.period.map { mentions[$0] }
            findings.append(finding(
                "\"\(context.document.text(anchor.matchSpan))\" is \(apart) years before \(context.referenceDescription) yet explains a change in \(period.map { "\"\($0.text)\"" } ?? "this year")\(hint)",
                at: anchor.matchSpan,
                related: period.map { [RelatedSpan(span: $0.span, message: "the period of the figure it explains")] } ?? [],
                details: [("anchorYear", .int(ap.from.year)), ("referenceYear", .int(reference.year)), ("yearsApart", .int(apart))]))
        }
        return findings
    }
}
