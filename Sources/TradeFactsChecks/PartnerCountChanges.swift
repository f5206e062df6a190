import Foundation

/// A partner count that changes within the story for the same flow.
package struct PartnerCountChanges: Check {
    package static let description = CheckDescription(
        id: "partner-count-changes",
        name: "Partner count changes within the story",
        severity: .warning,
        summary: "The same reporter, flow, commodity and period are said to reach two different numbers of partners.",
        rationale: """
            "Exports went to 64 countries and regions" in the lede and "the 46 countries and regions" for the same \
            exports and period further down cannot both be right. Counts given as a comparison ("up from 58 countries"), \
            approximate counts ("more than 60 countries") and counts of different periods are left alone.
            """,
        triggering: [
            CheckExample("In the first half of this year, Jilin exported auto parts worth $22.1 million to 64 countries and regions. Jilin's auto parts exports in the first half of this year reached $22.1 million, shipped to ↓46 countries and regions.", date: "2025-07-15"),
        ],
        nonTriggering: [
            CheckExample("In the first half of this year, Jilin exported auto parts worth $22.1 million to 64 countries and regions. Jilin's auto parts exports in the first half of this year reached $22.1 million, shipped to 64 countries and regions.", date: "2025-07-15"),
            CheckExample("In the first half of this year, Jilin exported auto parts worth $22.1 million to 64 countries and regions. In the first half of 2024, Jilin's auto parts exports were $18.0 million, shipped to 46 countries and regions.", date: "2025-07-15"),
            CheckExample("In the first half of this year, Jilin exported auto parts worth $22.1 million to 64 countries and regions. Jilin's auto parts exports in the first half of this year reached $22.1 million, shipped to more than 60 countries and regions.", date: "2025-07-15"),
        ],
        cues: [
            // A count given as a comparison base ("up from 58 countries") is not a second statement of the count.
            "comparison": #"(?:{{lexicon:comparison-cues}}) \z"#,
        ]
    )

    package init() {}

    package func run(_ context: CheckContext) -> [Finding] {
        let m = context.mentions
        var first: [FactKey: Int] = [:]
        let comparison = cue("comparison", in: context)
        var reported = Set<Int>()
        var findings: [Finding] = []
        let ordered = context.records.filter { $0.partnerCount != nil && !$0.isComparison }
            .sorted { m[$0.partnerCount!].span.start < m[$1.partnerCount!].span.start }
        for r in ordered {
            let ci = r.partnerCount!
            guard case let .count(v?, nil, nil, _, true) = m[ci].value, m[ci].qualifier == nil, r.reporter != nil,
                  let p = context.period(of: r), !context.isFuture(sentence: context.sentence(of: m[ci].span)) else { continue }
            if context.hasCue(comparison, before: m[ci].matchSpan) { continue }
            let key = FactKey(reporter: r.reporter!.value, flow: r.flow.value, commodity: r.commodity?.value ?? "",
                              partner: r.partner?.value ?? "", from: p.from, to: p.to)
            guard let fi = first[key] else { first[key] = ci; continue }
            guard case let .count(v0?, _, _, _, _) = m[fi].value, v0 != v, !reported.contains(ci) else { continue }
            reported.insert(ci)
            findings.append(finding(
                "\"\(m[ci].text)\" for \(r.reporter!.value)'s \(r.commodity.map { $0.value + " " } ?? "")\(r.flow.value) differs from \"\(m[fi].text)\" given earlier for the same period",
                at: m[ci].span,
                related: [RelatedSpan(span: m[fi].span, message: "first given as \(m[fi].text)")],
                details: [("first", .decimal(v0)), ("second", .decimal(v)), ("difference", .decimal(v - v0))]))
        }
        return findings
    }
}
