import TradeFactsText
/// The outcome of one check example.
package struct CheckExampleResult: Sendable {
    package let check: String
    package let triggering: Bool
    package let text: String
    /// nil when the example passed.
    package let failure: String?
}

/// Runs every check's examples through the whole engine: a triggering example must produce a
/// finding of that check starting at the `↓` marker; a non-triggering one must produce none.
package enum CheckExampleRunner {
    package static let marker = "↓"

    package static func run(_ engine: Engine) -> [CheckExampleResult] {
        var results: [CheckExampleResult] = []
        for check in engine.checks {
            let d = type(of: check).description
            for (examples, triggering) in [(d.triggering, true), (d.nonTriggering, false)] {
                for example in examples {
                    var text = example.text
                    var markerOffset: Int? = nil
                    if let r = text.range(of: marker) {
                        markerOffset = text.utf8.distance(from: text.startIndex, to: r.lowerBound)
                        text.removeSubrange(r)
                    }
                    let doc = Document(id: "\(d.id) example", text: text, referenceDate: example.referenceDate)
                    let result = engine.process(doc)
                    let mine = result.findings.filter { $0.check == d.id }
                    var failure: String? = nil
                    if triggering {
                        if markerOffset == nil {
                            failure = "triggering example has no \(marker) marker"
                        } else if !mine.contains(where: { $0.span.start == markerOffset }) {
                            failure = mine.isEmpty ? "expected a finding at the marker, found none"
                                : "expected a finding at byte \(markerOffset!), found at " + mine.map { "\($0.span.start) \"\(doc.text($0.span))\"" }.joined(separator: ", ")
                        }
                    } else if !mine.isEmpty {
                        failure = "expected no finding, found: " + mine.map(\.message).joined(separator: "; ")
                    }
                    results.append(CheckExampleResult(check: d.id, triggering: triggering, text: example.text, failure: failure))
                }
            }
        }
        return results
    }
}
