import Foundation
import TradeFactsText
import TradeFactsExtract
import TradeFactsStatements

/// A comparison base dated after the figure it is compared with ("fell to 3.2 billion dlrs in 1986
/// from 3.4 billion in 1988").
package struct BaseAfterValue: Check {
    package static let description = CheckDescription(
        id: "base-after-value",
        name: "Base period after the period it is compared with",
        severity: .error,
        summary: "A change is measured from a base whose period begins after the period of the value it is compared with.",
        rationale: """
            A figure moves from an earlier period to a later one: "exports fell to 3.2 billion dlrs in 1986 from 3.4 \
            billion in 1988" has a slipped year in one of the two periods. The two periods must be of one kind (a \
            base "last month" beside a crop year is when an earlier estimate was made). Both must be written with their \
            figures in the statement (Rules/statements.yaml: value, period, base, base period); a base written as an \
            anaphor ("a year earlier") is counted back from the value's period and cannot be later.
            """,
        triggering: [
            CheckExample("Mineral exports fell to 3.2 billion dlrs in 1986 from 3.4 billion in ↓1988.", date: "1989-03-10"),
            CheckExample("The trade deficit was 2.1 billion dlrs in March, compared with 1.6 billion in ↓June.", date: "1987-07-10"),
        ],
        nonTriggering: [
            CheckExample("Reserves rose to 310 billion dlrs in April from 306 billion dlrs the previous month.", date: "1987-06-10"),
            CheckExample("Mineral exports fell to 3.2 billion dlrs in 1986 from 3.4 billion in 1985.", date: "1987-03-10"),
            CheckExample("The trade deficit was 2.1 billion dlrs in March, compared with 1.6 billion in February.", date: "1987-04-10"),
            CheckExample("Exports are expected to rise to 3.4 billion dlrs in 1988 from 3.2 billion in 1987.", date: "1987-03-10"),
            CheckExample("It put the 1985/86 crop at 78.10 mln tonnes, vs 78.20 mln tonnes last month.", date: "1987-03-10"),
        ]
    )

    package init() {}

    /// Whether two periods are of one kind (years with years, months with months): a base of
    /// another length is when an earlier estimate was published ("put the 1985/86 crop at 78.10
    /// mln tonnes, vs 78.10 mln tonnes last month"), not the period the figure is for.
    static func alike(_ a: ResolvedPeriod, _ b: ResolvedPeriod) -> Bool {
        let la = a.to.dayNumber - a.from.dayNumber + 1, lb = b.to.dayNumber - b.from.dayNumber + 1
        return 2 * la >= lb && 2 * lb >= la
    }

    package func run(_ context: CheckContext) -> [Finding] {
        let m = context.mentions
        var findings: [Finding] = []
        for st in context.statements {
            guard st.value != nil, let pi = st.period, let bi = st.basePeriod, let p = m[pi].period, let bp = m[bi].period,
                  !(m[bi].periodFields?.samePeriod ?? false), bp.from > p.to, Self.alike(p, bp) else { continue }
            // "the previous month" is the month before the value's, whatever the article's date:
            // an anaphor, never later than its value.
            if m[bi].periodFields?.year == nil, m[bi].isPreviousUnit { continue }
            findings.append(finding(
                "the base \"\(m[bi].text)\" (from \(bp.from.iso)) is later than the period it is compared with, \"\(m[pi].text)\" (to \(p.to.iso))",
                at: m[bi].span,
                related: [RelatedSpan(span: m[pi].span, message: "the value's period")]
                    + [st.value, st.base].compactMap { $0 }.map { RelatedSpan(span: m[$0].span, message: $0 == st.value ? "the value" : "the base") },
                details: [("period", .string(p.value)), ("basePeriod", .string(bp.value))]))
        }
        return findings
    }
}
