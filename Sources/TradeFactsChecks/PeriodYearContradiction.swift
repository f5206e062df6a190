import TradeFactsText
import TradeFactsRecords
/// A figure's period names a year that contradicts the dateline and the rest of the story.
///
/// Triggers when a record's period carries an explicit year other than the dateline's, while
/// another mention of the same stretch of the year ("the first three quarters of this year")
/// resolves to the dateline's year in a sentence about the same flow.
package struct PeriodYearContradiction: Check {
    package static let description = CheckDescription(
        id: "period-year-contradiction",
        name: "Period year contradicts the dateline",
        severity: .error,
        summary: "A figure's period names a year that contradicts the dateline and another mention of the same period for the same flow.",
        rationale: """
            When the headline or lede reports "the first three quarters of this year" and the body gives the \
            same exports for "the first nine months of 2024" in a 2025 article, one of the two years is wrong, \
            and the figure is attributed to the wrong year either way. The check fires only when the story's \
            figure for that flow is the other year's (no figure of the dateline's year for the same flow and \
            the same stretch of the year stands beside it, which would make it a comparison), the period is \
            part of a year (whole years are routinely compared), and the headline or lede names the \
            same stretch of the dateline's year for the same flow.
            """,
        triggering: [
            CheckExample("Exports rose in the first three quarters of this year.\nIn ↓the first nine months of 2024, exports reached $5 million.", date: "2025-10-03"),
            CheckExample("Imports fell in the first half of this year. In ↓the first half of 2023, imports were $3 billion, down 4%.", date: "2024-08-01"),
        ],
        nonTriggering: [
            CheckExample("Exports rose in the first half of this year.\nIn the first half of this year, exports reached $5 million, up from $4 million in the first half of 2024.", date: "2025-08-01"),
            CheckExample("Exports grew strongly this year.\nIn 2024, exports reached $5 million, up 4%.", date: "2025-08-01"),
            CheckExample("Exports rose in the first three quarters of this year.\nIn the first nine months of this year, exports reached $5 million.", date: "2025-10-03"),
            CheckExample("Exports rose in the first half of this year. In the first half of 2024, imports were $3 billion.", date: "2025-08-01"),
            CheckExample("In the first nine months of 2024, exports reached $5 million.", date: "2025-10-03"),
            CheckExample("JAPAN FEBRUARY TRADE DEFICIT WIDENS\nThe trade deficit widened to 1.2 billion dlrs in February from 0.9 billion in February 1986, the ministry said.", date: "1987-03-16"),
            CheckExample("DUTCH COCOA IMPORTS FALL IN JANUARY\nDutch cocoa imports fell to\n8,120 tonnes in January from 9,870 tonnes in January 1986,\nand exports fell to 212 tonnes from 540, the statistics office said.\n    Imports of Ghanaian cocoa were 1,950 tonnes (2,410 in\nJanuary 1986), Ivorian 730 (1,120).", date: "1987-04-03"),
        ]
    )

    package init() {}

    package func run(_ context: CheckContext) -> [Finding] {
        guard let reference = context.referenceDate else { return [] }
        let mentions = context.mentions
        var findings: [Finding] = []
        var reported = Set<Int>()
        func sameShape(_ a: ResolvedPeriod, _ b: ResolvedPeriod) -> Bool {
            a.from.month == b.from.month && a.from.day == b.from.day && a.to.month == b.to.month && a.to.day == b.to.day
        }
        // Built once, so the check stays linear in the story's size: the figures of the dateline's
        // year by flow, subject and stretch of the year; and the headline and lede mentions of a
        // stretch of the dateline's year, with the flows their sentences name.
        struct Shape: Hashable { let flow, reporter, commodity: String; let fm, fd, tm, td: Int }
        func shape(_ r: TradeRecordKeyParts, _ p: ResolvedPeriod) -> Shape {
            Shape(flow: r.flow, reporter: r.reporter, commodity: r.commodity, fm: p.from.month, fd: p.from.day, tm: p.to.month, td: p.to.day)
        }
        var current = Set<Shape>()
        for other in context.records where !other.isComparison {
            guard let op = other.period.flatMap({ mentions[$0].period }), op.from.year == reference.year else { continue }
            current.insert(shape(TradeRecordKeyParts(other), op))
        }
        // The stretches of the dateline's year each sentence names, for the comparison test below.
        struct SentenceShape: Hashable { let sentence, fm, fd, tm, td: Int }
        var currentInSentence = Set<SentenceShape>()
        for q in mentions where q.role == nil {
            guard let qp = q.period, qp.from.year == reference.year else { continue }
            currentInSentence.insert(SentenceShape(sentence: context.sentence(of: q.span), fm: qp.from.month, fd: qp.from.day, tm: qp.to.month, td: qp.to.day))
        }
        var flowsOfSentence: [Int: Set<String>] = [:]
        let ledeMentions: [(index: Int, flows: Set<String>)] = mentions.indices.compactMap { qi in
            let q = mentions[qi]
            guard let qp = q.period, q.role == nil, q.qualifier == nil, !(q.periodFields?.samePeriod ?? false),
                  qp.from.year == reference.year, qp.to.year == reference.year, context.isInHeadlineOrLede(q.span) else { return nil }
            let s = context.sentence(of: q.span)
            if flowsOfSentence[s] == nil { flowsOfSentence[s] = context.flows(inSentence: s) }
            return (qi, flowsOfSentence[s]!)
        }
        for record in context.records where !record.periodCarried {
            // A part of a year (months, quarters, halves), written with an explicit other year.
            // Whole years are left alone: last year's annual figure beside this year's is ordinary news.
            guard let pi = record.period, !reported.contains(pi), mentions[pi].qualifier == nil, let p = mentions[pi].period,
                  p.granularity != .year, p.granularity != .day, p.granularity != .decade,
                  let year = mentions[pi].periodFields?.year, year != reference.year else { continue }
            // A period in brackets after a figure is wire copy's year-ago base ("2,169 tonnes (3,025 in January 1986)").
            guard !Self.inBrackets(mentions[pi].span, context.extraction.document.bytes) else { continue }
            // A year-ago anaphor ("the same period of 1986") is a comparison by its words; a span
            // across two years ("1985/86") is no stretch of one year.
            guard !(mentions[pi].periodFields?.samePeriod ?? false), p.from.year == p.to.year else { continue }
            // The same stretch of the dateline's year in the same sentence makes the two a
            // comparison ("a deficit of 1.2 billion in February against 0.9 billion in February 1986").
            // (The record's own period is of another year, so it is not among them.)
            let sentence = context.sentence(of: mentions[pi].span)
            guard !currentInSentence.contains(SentenceShape(sentence: sentence, fm: p.from.month, fd: p.from.day, tm: p.to.month, td: p.to.day)) else { continue }
            // When the story also gives a figure for the same flow in the dateline's year, the two are a comparison.
            guard !current.contains(shape(TradeRecordKeyParts(record), p)) else { continue }
            // Mentions of the same stretch of the year in the headline or lede, resolved to the dateline's year, about the same flow.
            let matches = ledeMentions.filter { q in
                q.index != pi && sameShape(mentions[q.index].period!, p) && q.flows.contains(record.flow.value)
            }.map(\.index)
            guard !matches.isEmpty else { continue }
            // Quote the mention that says the year most plainly ("… of this year") when there is one.
            let quoted = mentions[matches.first { mentions[$0].periodFields?.yearOffset != nil } ?? matches[0]]
            let qp = quoted.period!
            var related = matches.map { qi in
                RelatedSpan(span: mentions[qi].span, message: "\"\(mentions[qi].text)\" (\(qp.from.iso)..\(qp.to.iso)) for the same \(record.flow.value)")
            }
            if let d = context.extraction.datelineSpan { related.append(RelatedSpan(span: d, message: "dateline \(reference.iso)")) }
            findings.append(finding(
                "\"\(mentions[pi].text)\" (\(p.from.iso)..\(p.to.iso)) contradicts \(context.referenceDescription) and \"\(quoted.text)\" (\(qp.from.iso)..\(qp.to.iso)) for the same \(record.flow.value)",
                at: mentions[pi].span, related: related,
                details: [("foundYear", .int(year)), ("expectedYear", .int(reference.year)), ("yearsApart", .int(abs(reference.year - year)))]))
            reported.insert(pi)
        }
        return findings
    }
}

extension PeriodYearContradiction {
    /// Whether `span` lies inside brackets that close after it, within 80 bytes either side and
    /// without a full stop between.
    static func inBrackets(_ span: Span, _ bytes: [UInt8]) -> Bool {
        var i = span.start - 1, open = false
        while i >= max(0, span.start - 80) {
            let b = bytes[i]
            if b == UInt8(ascii: ")") || b == UInt8(ascii: ".") && i + 1 < bytes.count && bytes[i + 1] == 0x20 { return false }
            if b == UInt8(ascii: "(") { open = true; break }
            i -= 1
        }
        guard open else { return false }
        var j = span.end
        while j < min(bytes.count, span.end + 80) {
            if bytes[j] == UInt8(ascii: ")") { return true }
            if bytes[j] == UInt8(ascii: "(") { return false }
            j += 1
        }
        return false
    }
}

/// The parts of a record that say which fact it is, as plain strings (absent parts empty).
struct TradeRecordKeyParts {
    let flow, reporter, commodity: String
    init(_ r: TradeRecord) { flow = r.flow.value; reporter = r.reporter?.value ?? ""; commodity = r.commodity?.value ?? "" }
}
