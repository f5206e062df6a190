import Foundation
import TradeFactsRecords

/// The same fact given two different values.
package struct RepeatedFigureDiffers: Check {
    package static let description = CheckDescription(
        id: "repeated-figure-differs",
        name: "Same figure given two values",
        severity: .warning,
        summary: "The same reporter, flow, commodity, partner and period are given two different amounts (headline and body, or twice in the body).",
        rationale: """
            When the headline says exports reached $5.2 billion and the body $5.8 billion for the same period, \
            one is wrong. A value a thousand times the other is the classic million/billion slip and is said so. \
            Figures introduced as a comparison ("from", "against", "compared with") and revised figures are left alone, \
            and so are values the rounding of either reconciles (a headline's "1.2 BILLION" for 1.25 billion). A \
            headline's figure takes its reporter and period from the lede when it does not write them.
            """,
        triggering: [
            CheckExample("Guangdong exports hit $5.2 billion in the first half\nMarch 5, 2025\nIn the first half of this year, Guangdong exported goods worth ↓$5.8 billion.", date: "2025-07-15"),
            CheckExample("In the first half of this year, Guangdong exported goods worth $5.8 billion. Guangdong's exports of goods in the first half of this year were ↓$5.8 million.", date: "2025-07-15"),
            CheckExample("CHILE SEES 900 MLN DLR TRADE SURPLUS IN 1987\nSANTIAGO, March 20 - Chile expects a trade surplus of ↓950 mln dlrs in 1987, the central bank said.", date: "1987-03-20"),
            CheckExample("CHILE POSTS 68 MLN DLR TRADE SURPLUS IN JANUARY\nSANTIAGO, Feb 20 - Chile's exports were 400 mln dlrs and imports 322 mln dlrs in January, leaving a trade surplus of ↓78 mln dlrs in January, the central bank said.", date: "1987-02-20"),
            CheckExample("Yugoslav exports in the first quarter were 875.59 billion dinars, compared with 667.18 billion dinars a year earlier, the office said. The office added that Yugoslav exports in the first quarter were ↓775.59 billion dinars.", date: "1987-04-10"),
        ],
        nonTriggering: [
            CheckExample("Guangdong exports hit $5.8 billion in the first half\nMarch 5, 2025\nIn the first half of this year, Guangdong exported goods worth $5.8 billion.", date: "2025-07-15"),
            CheckExample("In the first half of this year, Guangdong exported goods worth $5.8 billion, up from $5.2 billion in the first half of 2024.", date: "2025-07-15"),
            CheckExample("In the first half of this year, Guangdong exported goods worth $5.8 billion. Exports to Japan in the first half of this year were $1.2 billion.", date: "2025-07-15"),
            CheckExample("CHILE SEES 1.2 BILLION DLR TRADE SURPLUS IN 1987\nSANTIAGO, March 20 - Chile expects a trade surplus of 1.25 billion dlrs in 1987, the central bank said.", date: "1987-03-20"),
        ],
        cues: [
            // A figure given as a base or a revision ("up from $5.2 billion", "a revised $5.6 billion"),
            // or with "from" shortly before it, is not a second statement of the same fact.
            "comparison": #"(?:(?:{{lexicon:comparison-cues}}|revised) \z| from )"#,
        ]
    )

    package init() {}

    package func run(_ context: CheckContext) -> [Finding] {
        let m = context.mentions
        // Only figures that stand alone in their sentence, with their reporter and period written there:
        // anything less and the "same fact" may be two facts the assembler could not tell apart.
        // A headline names its figure's reporter and period by the lede's words (a headline record
        // takes them from context): it is still the same fact as the body's.
        // Without a dateline to mark it, the headline is a first sentence written in capitals (read once).
        let firstSentenceIsCaps: Bool = {
            guard context.extraction.headlineSpan == nil, let first = context.document.sentences.first else { return false }
            let letters = context.document.text(first.span).unicodeScalars.filter { CharacterSet.letters.contains($0) }
            return letters.count >= 8 && letters.allSatisfy { CharacterSet.uppercaseLetters.contains($0) }
        }()
        func inHeadline(_ r: TradeRecord) -> Bool {
            if let h = context.extraction.headlineSpan { return h.contains(m[r.value].span) }
            return r.sentence == 0 && firstSentenceIsCaps
        }
        let comparisonCue = cue("comparison", in: context)
        /// `loose`: for a body figure compared with a headline's, its sentence may hold other figures.
        func key(_ r: TradeRecord, loose: Bool = false) -> FactKey? {
            let headline = inHeadline(r)
            guard !r.periodCarried || headline, let p = r.period.flatMap({ m[$0].period }), let reporterField = r.reporter,
                  reporterField.via != "carried" || headline,
                  context.document.sentences.indices.contains(r.sentence) else { return nil }
            let sentence = context.document.sentences[r.sentence].span
            // One money figure in the sentence, or the figure is the headline's (a headline is compared
            // with the body's figure of the same fact, however many figures the lede has).
            // (A figure the sentence compares it with, "compared with 667.18 billion", does not count.)
            guard headline || loose || context.extraction.mentions(inSentence: r.sentence).filter({
                m[$0].type == .money && sentence.contains(m[$0].span) && !context.hasCue(comparisonCue, before: m[$0].matchSpan)
            }).count == 1 else { return nil }
            let reporter = reporterField.value
            return FactKey(reporter: reporter, flow: r.flow.value, commodity: r.commodity?.value ?? "", partner: r.partner?.value ?? "", from: p.from, to: p.to)
        }
        func isComparison(_ r: TradeRecord) -> Bool { context.hasCue(comparisonCue, before: m[r.value].matchSpan) }
        func amount(_ r: TradeRecord) -> (Decimal, String)? {
            guard let a = m[r.value].numericValue, let c = m[r.value].currency else { return nil }
            return (a, c)
        }
        var findings: [Finding] = []
        var firstByKey: [FactKey: TradeRecord] = [:]
        // The headline's figures, by fact: the first body figure of the same fact is compared with
        // one, even in a lede of several figures ("CHILE SEES 68 MLN DLR SURPLUS" against a lede
        // that gives exports, imports and the surplus).
        var headlineByKey: [FactKey: TradeRecord] = [:]
        for r in context.records where inHeadline(r) && !isComparison(r) {
            if let k = key(r), headlineByKey[k] == nil { headlineByKey[k] = r }
        }
        var headlineCompared = Set<FactKey>()
        for r in context.records {
            guard !isComparison(r), let (a, c) = amount(r) else { continue }
            var k = key(r)
            if k == nil, !inHeadline(r), let lk = key(r, loose: true), headlineByKey[lk] != nil, !headlineCompared.contains(lk) {
                k = lk
            }
            guard let k else { continue }
            if !inHeadline(r), headlineByKey[k] != nil { headlineCompared.insert(k) }
            guard let first = firstByKey[k] else { firstByKey[k] = r; continue }
            guard let (a0, c0) = amount(first), c0 == c, a0 != a else { continue }
            // A headline rounds ("1.2 BILLION" for 1.25 billion): values the rounding of either reconciles agree.
            if let x = context.valueWithRounding(m[first.value]), let y = context.valueWithRounding(m[r.value]),
               x.value + x.halfUnit >= y.value - y.halfUnit && y.value + y.halfUnit >= x.value - x.halfUnit { continue }
            let ratio = a > a0 ? a / a0 : a0 / a
            let scaleSlip = ratio == 1000 || ratio == 1_000_000
            findings.append(finding(
                "\"\(m[r.value].text)\" for \(r.flow.value) differs from \"\(m[first.value].text)\" given for the same \(r.reporter?.value ?? "") \(r.flow.value) and period" + (scaleSlip ? " (a thousandfold difference: million and billion mixed up?)" : ""),
                at: m[r.value].span,
                related: [RelatedSpan(span: m[first.value].span, message: "first given as \(m[first.value].text)")],
                details: [("first", .decimal(a0)), ("second", .decimal(a)), ("ratio", .decimal(Decimal(string: DecimalMath.string(ratio, places: 3)) ?? ratio))]))
        }
        return findings
    }
}
