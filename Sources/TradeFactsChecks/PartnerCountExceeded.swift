import Foundation

/// More partners named than the count says.
package struct PartnerCountExceeded: Check {
    package static let description = CheckDescription(
        id: "partner-count-exceeded",
        name: "More named partners than the stated count",
        severity: .warning,
        summary: "A list of partners introduced by a count names more partners than the count.",
        rationale: "\"to two countries, including Japan, Vietnam and Thailand\": either the count or the list is wrong.",
        triggering: [CheckExample("Exports of $5 million went to ↓two countries, including Japan, Vietnam and Thailand.", date: "2025-03-01")],
        nonTriggering: [CheckExample("Exports of $5 million went to 12 countries, including Japan, Vietnam and Thailand.", date: "2025-03-01")]
    )

    package init() {}

    package func run(_ context: CheckContext) -> [Finding] {
        let named = context.helpers.assembler.namedPartnersOfCounts(context.extraction)
        return named.keys.sorted().compactMap { i in
            guard case let .count(v?, _, _, _, true) = context.mentions[i].value, let list = named[i],
                  Decimal(list.count) > v, context.mentions[i].qualifier == nil else { return nil }
            return finding("\"\(context.mentions[i].text)\" but \(list.count) are named: \(list.map(\.value).joined(separator: ", "))",
                           at: context.mentions[i].span, related: list.map { RelatedSpan(span: $0.span, message: "named partner") },
                           details: [("count", .decimal(v)), ("named", .int(list.count))])
        }
    }
}
