import Foundation
import TradeFactsText

/// "Doubled", "tripled", "halved" against the two values stated.
package struct MultipleContradiction: Check {
    package static let description = CheckDescription(
        id: "multiple-contradiction",
        name: "A multiple contradicts its two values",
        severity: .warning,
        summary: "\"Doubled\", \"tripled\", \"quadrupled\" or \"halved\" (or \"more than doubled\") does not fit the two values it runs between.",
        rationale: """
            "Exports doubled to 5.6 billion dlrs from 3.5 billion" is a rise of 60 %: the word or a figure is wrong. \
            A plain multiple is allowed the tolerance `multiple-tolerance` (10 % of the multiple by default) beyond \
            the rounding of the figures; "more than doubled" must exceed the multiple for some rounding of the figures. \
            Approximate forms ("nearly doubled", "about halved") are left alone. A multiple that says the opposite \
            direction of the values ("halved" between rising values) is an error.
            """,
        triggering: [
            CheckExample("Exports ↓doubled to 5.6 billion dlrs from 3.5 billion dlrs.", date: "1987-03-01"),
            CheckExample("Imports more than ↓tripled from $2.0 million to $5.1 million.", date: "2025-03-01"),
            CheckExample("The trade deficit ↓halved to 4.1 billion dlrs from 3.9 billion dlrs.", date: "1987-03-01"),
        ],
        nonTriggering: [
            CheckExample("Exports doubled to 5.6 billion dlrs from 2.8 billion dlrs.", date: "1987-03-01"),
            CheckExample("Exports doubled to 5.6 billion dlrs from 2.9 billion dlrs.", date: "1987-03-01"),
            CheckExample("Imports more than tripled from $2.0 million to $6.5 million.", date: "2025-03-01"),
            CheckExample("The trade deficit nearly halved to 4.1 billion dlrs from 7.0 billion dlrs.", date: "1987-03-01"),
            CheckExample("The trade deficit halved to 4 billion dlrs from 7 billion dlrs.", date: "1987-03-01"),
            CheckExample("Exports approximately doubled to 5.6 billion dlrs from 3.5 billion dlrs.", date: "1987-03-01"),
        ],
        cues: [
            // A multiple verb (lexicon multiples: the value is the factor).
            "multiple": #"(?<![A-Za-z])(?<w>{{lexicon:multiples}})(?![A-Za-z])"#,
            // A qualifier right before it (lexicon qualifiers: "more than", "nearly", "about").
            "qualifier": #"(?<![A-Za-z])(?<q>{{lexicon:qualifiers}}) \z"#,
        ]
    )

    package init() {}


    package func run(_ context: CheckContext) -> [Finding] {
        let m = context.mentions
        // A finding needs two figures of money ("from … to …"); without them the text is not searched.
        guard m.lazy.filter({ $0.type == .money }).count >= 2 else { return [] }
        let tolerance = context.settings.multipleTolerance
        var findings: [Finding] = []
        let multiples = context.lexicon("multiples")
        let qualifiers = context.lexicon("qualifiers")
        let qualifier = cue("qualifier", in: context)
        for hit in context.document.matchSpans(of: cue("multiple", in: context), in: Span(0, context.document.bytes.count), group: "w") {
            let word = context.document.text(hit).lowercased()
            guard let factor = multiples?.lookup(word).flatMap({ Decimal(string: $0) }) else { continue }
            // The qualifier right before the verb ("more than doubled", "nearly tripled").
            let q = context.document.matchSpans(of: qualifier, in: Span(max(0, hit.start - 20), hit.start), group: "q", limit: 1).first
                .flatMap { qualifiers?.lookup(context.document.text($0)) }
            let moreThan = q == "more than"
            // Approximate and upper-bounded multiples are not held to a number.
            if q == "about" || q == "less than" || q == "at most" { continue }
            guard let (fi, ti) = context.fromTo(after: hit, type: .money), m[fi].currency == m[ti].currency,
                  let from = context.valueWithRounding(m[fi]), let to = context.valueWithRounding(m[ti]),
                  from.value - from.halfUnit > 0, m[fi].qualifier == nil, m[ti].qualifier == nil else { continue }
            let ratio = to.value / from.value
            let lowest = (to.value - to.halfUnit) / (from.value + from.halfUnit)
            let highest = (to.value + to.halfUnit) / (from.value - from.halfUnit)
            let flipped = (factor > 1 && highest < 1) || (factor < 1 && lowest > 1)
            let wrong: Bool
            if moreThan { wrong = factor > 1 ? highest <= factor : lowest >= factor }
            else { wrong = highest < factor * (1 - tolerance) || lowest > factor * (1 + tolerance) }
            guard wrong || flipped else { continue }
            let phrase = (moreThan ? "more than " : "") + word
            var f = finding(
                "\"\(phrase)\" does not fit \"\(m[fi].text)\" → \"\(m[ti].text)\": the value was multiplied by \(DecimalMath.string(ratio, places: 2))" + (flipped ? ", the opposite direction" : ""),
                at: hit,
                related: [RelatedSpan(span: m[fi].span, message: "from"), RelatedSpan(span: m[ti].span, message: "to")],
                details: [("stated", .decimal(factor)), ("moreThan", .bool(moreThan)), ("computed", .decimal(DecimalMath.rounded(ratio, places: 3))),
                          ("lowest", .decimal(DecimalMath.rounded(lowest, places: 3))), ("highest", .decimal(DecimalMath.rounded(highest, places: 3)))])
            if flipped { f.severity = .error }
            findings.append(f)
        }
        return findings
    }
}
