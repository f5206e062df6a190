import TradeFactsText
import TradeFactsExtract
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
        triggering: [
            CheckExample("In ↓the first half of 2026, exports reached $5 million, up 4%.", date: "2025-10-03"),
            CheckExample("The group had ↓1989 sales of 1.2 billion dlrs.", date: "1987-03-06"),
        ],
        nonTriggering: [
            CheckExample("In the first half of 2025, exports reached $5 million, up 4%.", date: "2025-10-03"),
            CheckExample("In the first half of 2026, exports will reach $5 million, the ministry forecast.", date: "2025-10-03"),
            CheckExample("NEW DELHI, March 31 - He said India had agreed to export iron ore worth 400 mln dlrs to Japan in 1987/88.", date: "1987-03-31"),
            CheckExample("The group had 1986 sales of 1.2 billion dlrs.", date: "1987-03-06"),
            CheckExample("Wheat sales of 362,000 tonnes for the current season and 151,000 for the 1987/88 season were 40 mln dlrs, down by half.", date: "1987-03-05"),
            CheckExample("The group expects 1989 sales of 1.2 billion dlrs.", date: "1987-03-06"),
            CheckExample("In 1988, the company should report a profit of 10 mln dlrs.", date: "1987-03-06"),
            CheckExample("The committee voted to cap 1988 defense spending at 282 billion dlrs.", date: "1987-03-06"),
            CheckExample("Prices fell, with the benchmark Canada 9-1/2 pct of 2001 at 106-3/8.", date: "1987-03-03"),
        ],
        cues: [
            // Besides the shared past cue (Rules/checks.yaml): what a company had or reported.
            "held": #"\b(?:had|has\s+had|reported|registered|earned|made)\b"#,
            // A plan, a modal, a proposal, a term of a contract or a span of years: not a report.
            "not-done": #"\b(?:should|would|could|can|may|might|must|shall|(?:was|is|are|were)\s+to|to\s+(?:be|hit|cap|reach|recoup|reduce|raise|cut|lower|increase|boost|bring)|forecast\w*|project\w*|plann?\w*|aim\w*|seek\w*|request\w*|propos\w*|target\w*|expect\w*|estimat\w*|between|through|until|by\s+the\s+end)\b"#,
        ]
    )

    package init() {}

    package func run(_ context: CheckContext) -> [Finding] {
        guard let reference = context.referenceDate else { return [] }
        var findings: [Finding] = []
        var seen = Set<Int>()
        for record in context.records {
            guard let pi = record.period, !record.periodCarried, !seen.contains(pi), let p = context.mentions[pi].period,
                  p.from > reference, !context.isFuture(sentence: record.sentence), record.modality == nil,
                  // A crop's season ("the 1987/88 season") is sold and shipped ahead: forward
                  // sales for it are news, never a report too early.
                  !Extractor.isSeason(context.mentions[pi].text) else { continue }
            seen.insert(pi)
            findings.append(finding(
                "\(Self.isReported(record.flow.value)) for \"\(context.mentions[pi].text)\" (from \(p.from.iso)), which begins after \(context.referenceDescription) and is not a forecast",
                at: context.mentions[pi].span,
                related: [RelatedSpan(span: context.mentions[record.value].span, message: "the figure")],
                details: [("periodStart", .string(p.from.iso)), ("referenceDate", .string(reference.iso))]))
        }
        // Statements of any measure ("The group had 1989 sales of 1.2 billion dlrs" in a 1987
        // story): the period written in the statement's own clause, read as a report.
        for st in context.statements {
            guard let v = st.value, let pi = st.period, !seen.contains(pi), st.modality.value == "reported" else { continue }
            let pm = context.mentions[pi]
            guard let p = pm.period, p.from > reference, pm.role == nil, pm.qualifier == nil,
                  let f = pm.periodFields, f.year != nil, f.yearOffset == nil, !f.samePeriod,
                  !context.document.text(Span(max(0, pm.span.start - 8), pm.span.end)).lowercased().contains("fiscal"),
                  !context.isFuture(sentence: st.sentence), !Extractor.isSeason(pm.text) else { continue }
            // Told as done: a past verb in the statement's clause, and no word of plan, modality or
            // range in its sentence ("should report", "was to fall", "debt falling due between 1987
            // and 1992"); a headline, which has no tense, is left alone.
            let sentence = context.document.sentences[st.sentence].span
            if let h = context.extraction.headlineSpan, h.overlaps(sentence) { continue }
            let clause = context.helpers.assembler.clauses(of: sentence, context.document).first { $0.start <= pm.span.start && pm.span.start < $0.end } ?? sentence
            guard !context.document.matchSpans(of: context.helpers[.past], in: clause, limit: 1).isEmpty
                    || !context.document.matchSpans(of: cue("held", in: context), in: clause, limit: 1).isEmpty,
                  context.document.matchSpans(of: cue("not-done", in: context), in: sentence, limit: 1).isEmpty else { continue }
            seen.insert(pi)
            let measure = st.measure?.value ?? "a figure"
            findings.append(finding(
                "\(Self.isReported(measure)) for \"\(pm.text)\" (from \(p.from.iso)), which begins after \(context.referenceDescription) and is not a forecast",
                at: pm.span,
                related: [RelatedSpan(span: context.mentions[v].span, message: "the figure")],
                details: [("periodStart", .string(p.from.iso)), ("referenceDate", .string(reference.iso))]))
        }
        return findings
    }

    /// "exports are reported", "the trade surplus is reported": the verb agrees with the measure.
    static func isReported(_ measure: String) -> String {
        let plural = measure.hasSuffix("s") && !measure.hasSuffix("ss") && measure != "services"
        return plural ? "\(measure) are reported" : "the \(measure) is reported"
    }
}
