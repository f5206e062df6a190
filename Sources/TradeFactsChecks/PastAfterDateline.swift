import Foundation
import TradeFactsText
import TradeFactsExtract

/// A past event, or a "since" anchor, dated after the article's date, in a clause that carries
/// no trade record ("output grew two pct in 1986 after shrinking in 1988" in a 1987 story).
package struct PastAfterDateline: Check {
    package static let description = CheckDescription(
        id: "past-after-dateline",
        name: "Past event dated after the dateline",
        severity: .error,
        summary: "A clause in the past tense, or a \"since\" anchor, names a year or month that begins after the article's date.",
        rationale: """
            What a story tells in the past has happened by its date: "the peso has risen 3.1 pct since August 1988" or \
            "output shrank in 1988" in a March 1987 story has a slipped year. The date must be written with its year \
            as a time adverbial ("in 1988", "since August 1988", "during 1988"), not as the name of a plan or a \
            crop ("the 1988 budget"); the clause must say what happened in the past ("had", "was", "grew", \
            "shrinking" after "grew"…: the shared past cue, Rules/checks.yaml) and the sentence must not forecast, plan or schedule \
            (the shared forecast cue, which includes maturities, "due 1992", and likelihoods, "unlikely to continue in \
            1988"). Reported periods of trade records are period-after-dateline's.
            """,
        triggering: [
            CheckExample("Output grew two pct in 1986 after shrinking in ↓1988.", date: "1987-03-20"),
            CheckExample("The peso has risen 3.1 pct since ↓August 1988, the bank said.", date: "1987-03-20"),
            CheckExample("In ↓1988 and 1984 the country's trade surpluses had covered its debt service.", date: "1987-03-20"),
            CheckExample("Output was lower in ↓1988, the bank said.", date: "1987-03-20"),
            CheckExample("Sugar output was lower in ↓1988/89, the ministry said.", date: "1987-03-20"),
        ],
        nonTriggering: [
            CheckExample("Output grew two pct in 1986 after shrinking in 1985.", date: "1987-03-20"),
            CheckExample("The peso has risen 3.1 pct since August 1986, the bank said.", date: "1987-03-20"),
            CheckExample("Output is expected to grow two pct in 1988, the bank said.", date: "1987-03-20"),
            CheckExample("The 1988 budget was approved by parliament on Tuesday.", date: "1987-03-20"),
            CheckExample("The bonds, which were priced at par, are due 1992.", date: "1987-03-20"),
            CheckExample("Exchange rates had increased the scope for it this year, but this was unlikely to continue in 1988.", date: "1987-04-26"),
            CheckExample("A sinking fund that starts in 1998 retired five pct of the debentures.", date: "1987-03-04"),
            CheckExample("The company reached agreement to build plants and boost the local content of its cars to 60 pct in 1988.", date: "1987-03-11"),
            CheckExample("Its record earnings were achieved in the third quarter of fiscal 1987.", date: "1987-06-29"),
            CheckExample("Exports were 2.1 billion dlrs in 1985 and output was lower in 1986.", date: "1987-03-20"),
            CheckExample("Sugar production quotas, set for the first time in 1987/88, had been submitted to the President.", date: "1987-03-27"),
        ],
        cues: [
            // A preposition that makes the date a time adverbial ("in 1988", "during 1988", "since August 1988").
            "adverbial": #"(?<![A-Za-z])(?:in|during|since|throughout|over)\s+(?:the\s+(?:whole\s+of\s+|first\s+half\s+of\s+|second\s+half\s+of\s+|year\s+)?)?\z"#,
            // A purpose or aim in the clause ("to boost local content to 60 pct in 1988"): not a report.
            "aim": #"\bto\s+(?:build|boost|raise|increase|lift|cut|reduce|expand|double|reach|bring|limit|hold)\b"#,
        ]
    )

    package init() {}

    package func run(_ context: CheckContext) -> [Finding] {
        guard let reference = context.referenceDate else { return [] }
        let m = context.mentions
        let recordPeriods = Set(context.records.compactMap(\.period))
        let adverbial = cue("adverbial", in: context), past = context.helpers[.past]
        var findings: [Finding] = []
        var seen = Set<Int>()
        for (i, date) in m.enumerated() where date.type.isCalendar {
            // A year written (not relative, not an anaphor) that begins after the article's date.
            guard let f = date.periodFields, f.year != nil, f.yearOffset == nil, !f.samePeriod, date.role == nil,
                  let p = date.period, p.from > reference, !recordPeriods.contains(i) else { continue }
            // A company's fiscal year ("the third quarter of fiscal 1987") runs on its own calendar.
            if date.text.lowercased().contains("fiscal") { continue }
            // A season or marketing year named by the article's year ("quotas, set for the first
            // time in 1987/88, had been submitted" in March 1987) is no slipped year, though the
            // crop's year begins later.
            if f.yearTo != nil, let y = f.year, y <= reference.year { continue }
            let s = context.sentence(of: date.span)
            guard !seen.contains(s), !context.isFuture(sentence: s) else { continue }
            let sentence = context.document.sentences[s].span
            // "since August 1988", or a time adverbial in a clause that tells the past.
            let isAnchor = date.qualifier == "since"
            guard isAnchor || context.hasCue(adverbial, before: date.span, length: 36) else { continue }
            if !isAnchor {
                let clause = context.helpers.assembler.clauses(of: sentence, context.document).first { $0.start <= date.span.start && date.span.start < $0.end } ?? sentence
                guard !context.document.matchSpans(of: past, in: clause, limit: 1).isEmpty,
                      context.document.matchSpans(of: cue("aim", in: context), in: clause, limit: 1).isEmpty else { continue }
            }
            seen.insert(s)
            findings.append(finding(
                "\"\(date.text)\" (from \(p.from.iso)) is told as \(isAnchor ? "a starting point" : "past") but begins after \(context.referenceDescription)",
                at: date.span, details: [("periodStart", .string(p.from.iso)), ("referenceDate", .string(reference.iso))]))
        }
        return findings
    }
}
