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

    /// What is wrong with an example's outcome, or nil: `mine` are the rule's results as JSON,
    /// `field` reads a field of one as the example names it, `what` names a result ("mention").
    static func judge(_ example: RuleExample, mine: [JSONValue], others: [String], what: String,
                      field: (JSONValue, String) -> String?) -> String? {
        guard let expect = example.expect else {
            return mine.isEmpty ? nil : "expected no \(what) from this rule, found \(mine.count): "
                + mine.map { $0["text"]?.scalarText.map { "\"\($0)\"" } ?? "one" }.joined(separator: ", ")
        }
        if mine.isEmpty {
            return "expected a \(what) from this rule, found none" + (others.isEmpty ? "" : " (found: \(others.joined(separator: ", ")))")
        }
        if mine.contains(where: { m in expect.allSatisfy { field(m, $0.key) == $0.value } }) { return nil }
        return expect.filter { field(mine[0], $0.key) != $0.value }
            .map { "\($0.key): expected \($0.value), got \(field(mine[0], $0.key) ?? "nothing")" }.joined(separator: "; ")
    }

    /// The document an example is read in: its text, dated by the example or ``defaultReferenceDate``.
    static func document(_ example: RuleExample, file: String) -> Document {
        Document(id: "\(file):\(example.line)", text: example.text, referenceDate: example.referenceDate ?? defaultReferenceDate)
    }

    package static func run(_ extractor: Extractor) -> [RuleExampleResult] {
        var results: [RuleExampleResult] = []
        for rule in extractor.ruleSet.rules {
            for example in rule.examples {
                let doc = document(example, file: rule.file)
                let extraction = extractor.extract(doc, keepLatent: true)
                let mine = extraction.mentions.filter { $0.rule == rule.id }.map { $0.json(in: doc) }
                let failure = judge(example, mine: mine, others: extraction.mentions.map { "\($0.rule) \"\($0.text)\"" },
                                    what: "mention", field: expected)
                results.append(RuleExampleResult(rule: rule.id, file: rule.file, line: example.line, text: example.text, failure: failure))
            }
        }
        return results
    }

    /// A statement's role as an example names it: word roles by value; `value`, `base` by amount
    /// (or percent); `change` by its signed value; `period`, `baseperiod` as `from..to`.
    package static func statementRole(_ statement: JSONValue, _ key: String) -> String? {
        switch key {
        case "value", "base", "base2", "baserevised", "base2revised":
            let name = ["baserevised": "baseRevisedFrom", "base2revised": "base2RevisedFrom"][key] ?? key
            guard let f = statement[name] else { return nil }
            return (f["amount"] ?? f["value"])?.scalarText
        case "change": return statement["change"]?["value"]?.scalarText
        case "period", "baseperiod", "base2period":
            guard let p = statement[["period": "period", "baseperiod": "basePeriod", "base2period": "base2Period"][key]!], let from = p["from"]?.scalarText,
                  let to = p["to"]?.scalarText else { return nil }
            return from + ".." + to
        default: return statement[key]?["value"]?.scalarText
        }
    }

    /// Runs every statement rule's examples through the whole engine (so the mentions, the other
    /// statement rules and their priorities count): a positive example must yield a statement from
    /// that rule with every expected role; a negative one must yield none from that rule.
    package static func runStatements(_ engine: Engine) -> [RuleExampleResult] {
        var results: [RuleExampleResult] = []
        for rule in engine.ruleSet.statementRules {
            for example in rule.examples {
                let doc = document(example, file: rule.file)
                let result = engine.process(doc)
                let mentions = result.extraction?.mentions ?? []
                let mine = result.statements.filter { $0.rule == rule.id }.map { $0.json(mentions: mentions, in: doc) }
                let failure = judge(example, mine: mine, others: result.statements.map(\.rule), what: "statement", field: statementRole)
                results.append(RuleExampleResult(rule: rule.id, file: rule.file, line: example.line, text: example.text, failure: failure))
            }
        }
        return results
    }
}
