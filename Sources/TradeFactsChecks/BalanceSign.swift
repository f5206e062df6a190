import Foundation
import TradeFactsText
import TradeFactsRecords

/// A surplus or deficit that the exports and imports stated beside it contradict.
package struct BalanceSign: Check {
    package static let description = CheckDescription(
        id: "balance-sign",
        name: "Surplus or deficit contradicts exports and imports",
        severity: .error,
        summary: "A trade surplus or deficit has the wrong sign, or the wrong amount, for the exports and imports stated for the same reporter and period.",
        rationale: """
            With exports of 5.6 billion and imports of 6.0 billion, "a surplus of 0.4 billion" is a deficit: the sign \
            flips the meaning of the figure, an error. When the sign is right but the amount is not exports minus \
            imports within the rounding of the three figures, the finding is a warning (one figure slipped). Only \
            figures with the same reporter, commodity, partner, period and currency are compared, only when the \
            story gives one amount for each with its period written beside it, and only when their sentences agree on \
            variants (seasonally adjusted, smoothed, provisional, revised); balances other than merchandise trade \
            (current account, invisibles, capital account, farm or energy trade) and forecasts are left alone.
            """,
        triggering: [
            CheckExample("Exports were 5.6 billion dlrs in March and imports 6.0 billion dlrs, leaving a ↓surplus of 0.4 billion dlrs, Taiwan said.", date: "1987-04-10"),
            CheckExample("Japan's exports were 20.1 billion dlrs in March and imports 12.5 billion, the ministry said. The March trade surplus was ↓9.6 billion dlrs.", date: "1987-04-10"),
        ],
        nonTriggering: [
            CheckExample("Exports were 5.6 billion dlrs in March and imports 6.0 billion dlrs, leaving a deficit of 0.4 billion dlrs, Taiwan said.", date: "1987-04-10"),
            CheckExample("Japan's exports were 20.1 billion dlrs in March and imports 12.5 billion, the ministry said. The March trade surplus was 7.6 billion dlrs.", date: "1987-04-10"),
            CheckExample("Japan's exports were 20.14 billion dlrs in March and imports 12.5 billion, the ministry said. The March trade surplus was 7.6 billion dlrs.", date: "1987-04-10"),
            CheckExample("Japan's exports were 20.1 billion dlrs in March and imports 12.5 billion. The trade surplus with the United States was 4.1 billion dlrs in March.", date: "1987-04-10"),
            CheckExample("Exports will be 5.6 billion dlrs in 1988 and imports 6.0 billion, leaving a surplus of 0.4 billion dlrs, Taiwan forecast.", date: "1987-04-10"),
            CheckExample("The seasonally adjusted series shows a trade surplus of 33 mln dlrs in February, Japan said. Non-seasonally adjusted exports were 843 mln dlrs in February and imports 890 mln dlrs in February.", date: "1987-03-30"),
        ]
    )

    package init() {}

    package func run(_ context: CheckContext) -> [Finding] {
        let m = context.mentions
        let records = context.comparableRecords()
        // One amount per fact, or the story's figures cannot be told apart.
        var byKey: [FactKey: [TradeRecord]] = [:]
        for r in records { if let k = context.factKey(r) { byKey[k, default: []].append(r) } }
        func single(_ flow: String, like r: TradeRecord, currency: String) -> TradeRecord? {
            var probe = r
            probe.flow.value = flow
            guard let k = context.factKey(probe), let list = byKey[k],
                  Set(list.compactMap { context.amount(of: $0)?.value }).count == 1,
                  let first = list.first, context.amount(of: first)?.currency == currency else { return nil }
            return first
        }
        var findings: [Finding] = []
        for b in records where b.flow.value == "trade surplus" || b.flow.value == "trade deficit" {
            guard let bal = context.amount(of: b), let e = single("exports", like: b, currency: bal.currency),
                  let i = single("imports", like: b, currency: bal.currency),
                  let ex = context.amount(of: e), let im = context.amount(of: i), !context.isOtherBalance(b),
                  Set([b.sentence, e.sentence, i.sentence].map(context.variantCues)).count == 1 else { continue }
            let surplus = b.flow.value == "trade surplus"
            let slack = context.settings.sumSlack * max(ex.value, im.value)
            let low = (ex.value - ex.halfUnit) - (im.value + im.halfUnit) - slack
            let high = (ex.value + ex.halfUnit) - (im.value - im.halfUnit) + slack
            let exact = ex.value - im.value
            let related = [RelatedSpan(span: m[e.value].span, message: "exports \(m[e.value].text)"),
                           RelatedSpan(span: m[i.value].span, message: "imports \(m[i.value].text)"),
                           RelatedSpan(span: b.flow.span, message: surplus ? "called a surplus" : "called a deficit")]
            let details: [(String, JSONValue)] = [("exports", .decimal(ex.value)), ("imports", .decimal(im.value)),
                                                  ("stated", .decimal(surplus ? bal.value : -bal.value)), ("computed", .decimal(exact)),
                                                  ("off", .decimal(DecimalMath.abs(exact - (surplus ? bal.value : -bal.value))))]
            if (surplus && high < 0) || (!surplus && low > 0) {
                findings.append(finding(
                    "\"\(m[b.value].text)\" is given as a \(surplus ? "surplus" : "deficit"), but exports \"\(m[e.value].text)\" minus imports \"\(m[i.value].text)\" is a \(exact < 0 ? "deficit" : "surplus") of \(DecimalMath.scaled(DecimalMath.abs(exact)))",
                    at: context.sameSentence(b.flow.span, m[b.value].span) ? b.flow.span : m[b.value].span,
                    related: related + [RelatedSpan(span: m[b.value].span, message: "the balance")], details: details))
                continue
            }
            let signed = surplus ? bal.value : -bal.value
            let statedLow = signed - bal.halfUnit, statedHigh = signed + bal.halfUnit
            guard statedHigh < low || statedLow > high else { continue }
            var f = finding(
                "\"\(m[b.value].text)\" is not exports \"\(m[e.value].text)\" minus imports \"\(m[i.value].text)\" (\(DecimalMath.scaled(DecimalMath.abs(exact)))), even allowing for rounding",
                at: m[b.value].span, related: related, details: details)
            f.severity = .warning
            findings.append(f)
        }
        return findings
    }
}
