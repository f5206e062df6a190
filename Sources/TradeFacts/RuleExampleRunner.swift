import TradeFactsText
/// The outcome of running one rule example.
package struct RuleExampleResult: Sendable {
    package let rule: String
    package let file: String
    package let line: Int
    package let text: String
    /// nil when the example passed; otherwise what went wrong.
    package let failure: String?
}

/// Runs every rule's examples through the whole extractor (so overlaps with other rules count),
/// SwiftLint-style: a positive example must yield a mention from that rule with every expected
/// field; a negative one (`expect: none`) must yield no mention from that rule.
package enum RuleExampleRunner {
    /// Reference date for examples that do not give one.
    package static let defaultReferenceDate = CalendarDate(year: 2025, month: 10, day: 3)

    /// The text an example's expected field is compared with: a scalar as written; the TIMEX3 parts
    /// (`timex`) as `text=value` pairs joined by "; " (`timex: "Aug. 26=1989-08-26; Oct. 20=1989-10-20"`).
    package static func expected(_ mention: JSONValue, _ key: String) -> String? {
        guard let v = mention[key] else { return nil }
        if case let .array(items) = v {
            return items.map { "\($0["text"]?.scalarText ?? "")=\($0["value"]?.scalarText ?? "")" }.joined(separator: "; ")
        }
        return v.scalarText
    }

    package static func run(_ extractor: Extractor) -> [RuleExampleResult] {
        var results: [RuleExampleResult] = []
        for rule in extractor.ruleSet.rules {
            for example in rule.examples {
                let doc = Document(id: "\(rule.file):\(example.line)", text: example.text,
                                   referenceDate: example.referenceDate ?? defaultReferenceDate)
                let extraction = extractor.extract(doc, keepLatent: true)
                let mine = extraction.mentions.filter { $0.rule == rule.id }.map { $0.json(in: doc) }
                var failure: String? = nil
                if let expect = example.expect {
                    if mine.isEmpty {
                        let others = extraction.mentions.map { "\($0.rule) \"\($0.text)\"" }.joined(separator: ", ")
                        failure = "expected a mention from this rule, found none" + (others.isEmpty ? "" : " (found: \(others))")
                    } else if !mine.contains(where: { m in expect.allSatisfy { expected(m, $0.key) == $0.value } }) {
                        let closest = mine[0]
                        let diffs = expect.filter { expected(closest, $0.key) != $0.value }
                            .map { "\($0.key): expected \($0.value), got \(expected(closest, $0.key) ?? "nothing")" }
                        failure = diffs.joined(separator: "; ")
                    }
                } else if !mine.isEmpty {
                    failure = "expected no mention from this rule, found " + mine.compactMap { $0["text"]?.scalarText }.map { "\"\($0)\"" }.joined(separator: ", ")
                }
                results.append(RuleExampleResult(rule: rule.id, file: rule.file, line: example.line, text: example.text, failure: failure))
            }
        }
        return results
    }
}
