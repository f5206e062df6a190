import Foundation
import TradeFactsRecords

/// Parts that do not add up to their stated total.
package struct PartsExceedTotal: Check {
    package static let description = CheckDescription(
        id: "parts-exceed-total",
        name: "Parts do not add up to the total",
        severity: .warning,
        summary: "Exports plus imports differ from the total trade stated for the same reporter and period, or figures for single partners add up to more than the total of the same flow.",
        rationale: """
            Exports of 5.6 billion, imports of 6.0 billion and "total trade of 9.8 billion" cannot all be right \
            (5.6 + 6.0 = 11.6). Likewise exports to the United States and to Japan cannot together exceed all exports. \
            The comparison allows for the rounding of every figure written; it needs the same reporter, commodity, \
            period and currency, one amount for each fact in the story with its period written beside it, and \
            sentences that agree on variants (seasonally adjusted, provisional, revised). Partners that are groups of countries \
            (the EC, ASEAN) may overlap with the countries named and are summed only alone.
            """,
        triggering: [
            CheckExample("Taiwan's exports in March were 5.6 billion dlrs and imports 6.0 billion dlrs. Its total trade in March was ↓9.8 billion dlrs.", date: "1987-04-10"),
            CheckExample("Japan's exports were 20.1 billion dlrs in March. Exports to the United States were 12.2 billion dlrs in March and exports to China were ↓9.0 billion dlrs in March.", date: "1987-04-10"),
        ],
        nonTriggering: [
            CheckExample("Taiwan's exports in March were 5.6 billion dlrs and imports 6.0 billion dlrs. Its total trade in March was 11.6 billion dlrs.", date: "1987-04-10"),
            CheckExample("Taiwan's exports in March were 5.64 billion dlrs and imports 6.0 billion dlrs. Its total trade in March was 11.7 billion dlrs.", date: "1987-04-10"),
            CheckExample("Japan's exports were 20.1 billion dlrs in March. Exports to the United States were 8.2 billion dlrs in March and exports to China were 3.0 billion dlrs in March.", date: "1987-04-10"),
            CheckExample("Japan's exports were 20.1 billion dlrs in March. Exports to the United States were 12.2 billion dlrs in February and exports to China were 9.0 billion dlrs in March.", date: "1987-04-10"),
        ]
    )

    package init() {}


    package func run(_ context: CheckContext) -> [Finding] {
        let m = context.mentions
        let records = context.comparableRecords()
        let groups = context.lexicon("partner-groups")
        var byKey: [FactKey: [TradeRecord]] = [:]
        for r in records { if let k = context.factKey(r) { byKey[k, default: []].append(r) } }
        /// The story's one amount for a fact, or nil when it gives none or several.
        func single(_ r: TradeRecord, flow: String? = nil, partner: RecordField?? = nil) -> TradeRecord? {
            var probe = r
            if let f = flow { probe.flow.value = f }
            if let p = partner { probe.partner = p }
            guard let k = context.factKey(probe), let list = byKey[k],
                  Set(list.compactMap { context.amount(of: $0)?.value }).count == 1 else { return nil }
            return list.first
        }
        var findings: [Finding] = []

        // Exports + imports against total trade.
        for t in records where t.flow.value == "total trade" {
            guard let tot = context.amount(of: t), single(t) != nil, let e = single(t, flow: "exports"), let i = single(t, flow: "imports"),
                  let ex = context.amount(of: e), let im = context.amount(of: i), ex.currency == tot.currency, im.currency == tot.currency,
                  !context.isOtherBalance(t), Set([t.sentence, e.sentence, i.sentence].map(context.variantCues)).count == 1 else { continue }
            let sum = ex.value + im.value, slack = ex.halfUnit + im.halfUnit + tot.halfUnit + context.settings.sumSlack * tot.value
            guard DecimalMath.abs(sum - tot.value) > slack else { continue }
            findings.append(finding(
                "\"\(m[t.value].text)\" of total trade is not exports \"\(m[e.value].text)\" plus imports \"\(m[i.value].text)\" (\(DecimalMath.scaled(sum))), even allowing for rounding",
                at: m[t.value].span,
                related: [RelatedSpan(span: m[e.value].span, message: "exports"), RelatedSpan(span: m[i.value].span, message: "imports")],
                details: [("total", .decimal(tot.value)), ("exports", .decimal(ex.value)), ("imports", .decimal(im.value)),
                          ("sum", .decimal(sum)), ("off", .decimal(DecimalMath.abs(sum - tot.value)))]))
        }

        // Bilateral figures against the total of the same flow.
        var seen = Set<FactKey>()
        for r in records where r.partner == nil && ["exports", "imports", "total trade"].contains(r.flow.value) {
            guard let key = context.factKey(r), !seen.contains(key), let whole = single(r), let tot = context.amount(of: whole),
                  !context.isOtherBalance(whole), whole.reporter?.via != "carried" else { continue }
            seen.insert(key)
            // Every partner's one figure for the same reporter, flow, commodity and period.
            var parts: [(TradeRecord, (value: Decimal, halfUnit: Decimal, currency: String))] = []
            var partners = Set<String>()
            // A total whose reporter is written in its sentence: a carried reporter may hide a partner the story
            // set earlier ("exports to the United States … exports were 3.85 billion marks").
            for p in records where p.partner != nil && !partners.contains(p.partner!.value) && p.partner!.value != r.reporter?.value {
                guard let one = single(r, partner: .some(p.partner)), one.value == p.value, let a = context.amount(of: one),
                      a.currency == tot.currency, context.variantCues(sentence: one.sentence) == context.variantCues(sentence: whole.sentence) else { continue }
                partners.insert(p.partner!.value)
                parts.append((one, a))
            }
            // Partners that group other partners (lexicon partner-groups) overlap their members' figures.
            if parts.count > 1 { parts.removeAll { groups?.lookup($0.0.partner!.value) != nil } }
            guard !parts.isEmpty else { continue }
            let low = parts.reduce(Decimal(0)) { $0 + $1.1.value - $1.1.halfUnit }
            guard low > tot.value + tot.halfUnit + context.settings.sumSlack * tot.value else { continue }
            let sum = parts.reduce(Decimal(0)) { $0 + $1.1.value }
            let last = parts.max { m[$0.0.value].span.start < m[$1.0.value].span.start }!.0
            findings.append(finding(
                (parts.count == 1 ? "\"\(m[last.value].text)\" for \(r.flow.value) with \(last.partner!.value)" : "\(r.flow.value.capitalized) to \(parts.map { $0.0.partner!.value }.joined(separator: ", ")) add up to \(DecimalMath.scaled(sum)),")
                    + " more than all \(r.flow.value) \"\(m[whole.value].text)\" for the same period",
                at: m[last.value].span,
                related: [RelatedSpan(span: m[whole.value].span, message: "all \(r.flow.value)")]
                    + parts.filter { $0.0.value != last.value }.map { RelatedSpan(span: m[$0.0.value].span, message: "\(r.flow.value) with \($0.0.partner!.value)") },
                details: [("total", .decimal(tot.value)), ("partsSum", .decimal(sum)), ("parts", .int(parts.count)), ("off", .decimal(sum - tot.value))]))
        }
        return findings
    }
}
