import Foundation
import TradeFactsText
import TradeFacts

/// Statements of the blind Reuters gold (`eval/gold/reuters-statements`) and their scoring
/// against the `statements` of the engine's document JSON, when the engine produces them.
///
/// A gold statement is paired with the unpaired system statement whose key span (the value's,
/// else the change's, else the base's) overlaps its own, one of the same measure first. On a
/// pair each role is compared: measure, direction, modality, value (amount), period (of the
/// value), base (present on both with overlapping spans, or absent on both) and change (present
/// on both with overlapping spans and the same value, or absent on both).
package enum StatementEval {
    /// One figure role of a statement (`value`, `base` or `change`): its span and its other fields as text.
    package struct Role: Sendable {
        package let span: Span
        package let fields: [String: String]
    }

    /// One gold statement.
    package struct GoldStatement: Sendable {
        package let measure: String
        /// reporter, partner, commodity, direction, modality, as written.
        package let fields: [String: String]
        package let value: Role?, base: Role?, change: Role?, cue: Role?
        /// The span that pairs the statement: the value's, else the change's, else the base's.
        package var key: Span? { (value ?? change ?? base)?.span }
    }

    /// The roles compared on a pair, in the order they are printed.
    package static let roles = ["measure", "direction", "modality", "value", "period", "base", "change"]

    package struct Score: Sendable {
        package var gold = 0, system = 0, matched = 0
        /// Per role: pairs on which it is right.
        package var right: [String: Int] = [:]
        package var misses: [EvalMiss] = []
        package init() {}
        package var precision: Double { system == 0 ? 0 : Double(matched) / Double(system) }
        package var recall: Double { gold == 0 ? 0 : Double(matched) / Double(gold) }
        package var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
        package func accuracy(_ role: String) -> Double { matched == 0 ? 0 : Double(right[role, default: 0]) / Double(matched) }

        package mutating func add(_ o: Score) {
            gold += o.gold; system += o.system; matched += o.matched
            for (k, v) in o.right { right[k, default: 0] += v }
            misses += o.misses
        }
    }

    // MARK: Reading

    /// A `span: [start, end]` (or `start`/`end` members) of a parsed YAML or JSON role.
    static func span(_ any: Any?) -> Span? {
        if let a = any as? [Any], a.count == 2, let s = a[0] as? Int, let e = a[1] as? Int { return Span(s, e) }
        return nil
    }

    static func role(_ any: Any?) -> Role? {
        guard let d = any as? [String: Any], let s = span(d["span"]) else { return nil }
        var fields: [String: String] = [:]
        for (k, v) in d where k != "span" { fields[k] = CorpusRunner.text(v) }
        return Role(span: s, fields: fields)
    }

    /// A gold `statements` list (parsed YAML).
    package static func goldStatements(_ any: Any?) -> [GoldStatement] {
        ((any as? [[String: Any]]) ?? []).map { d in
            var fields: [String: String] = [:]
            for k in ["reporter", "partner", "commodity", "direction", "modality"] { fields[k] = CorpusRunner.text(d[k]) }
            return GoldStatement(measure: CorpusRunner.text(d["measure"]) ?? "", fields: fields,
                                 value: role(d["value"]), base: role(d["base"]), change: role(d["change"]), cue: role(d["cue"]))
        }
    }

    /// A system role's span from the document JSON: `span: [start, end]`, or `start` and `end`.
    static func span(_ v: JSONValue?) -> Span? {
        guard let v else { return nil }
        if case let .array(a)? = v["span"], a.count == 2, let s = a[0].scalarText.flatMap(Int.init), let e = a[1].scalarText.flatMap(Int.init) {
            return Span(s, e)
        }
        if let s = v["start"]?.scalarText.flatMap(Int.init), let e = v["end"]?.scalarText.flatMap(Int.init) { return Span(s, e) }
        return nil
    }

    /// A system period as `from..to`: a string, or an object with `from` and `to`.
    static func period(_ v: JSONValue?) -> String? {
        guard let v else { return nil }
        if let f = v["from"]?.scalarText, let t = v["to"]?.scalarText { return "\(f)..\(t)" }
        return v.scalarText
    }

    static func key(_ s: JSONValue) -> Span? { span(s["value"]) ?? span(s["change"]) ?? span(s["base"]) }

    // MARK: Scoring

    /// The `statements` of a document's JSON; nil when the engine does not produce them.
    package static func systemStatements(_ documentJSON: JSONValue) -> [JSONValue]? {
        guard case let .array(a)? = documentJSON["statements"] else { return nil }
        return a
    }

    /// Pairs and scores one story's statements.
    package static func score(system: [JSONValue], gold: [GoldStatement], source: String) -> Score {
        var result = Score()
        result.gold = gold.count
        result.system = system.count
        var unpaired = Array(system.indices)
        for g in gold {
            let candidates = unpaired.filter { i in g.key.map { k in key(system[i]).map(k.overlaps) ?? false } ?? false }
            let best = candidates.first { system[$0]["measure"]?.scalarText == g.measure } ?? candidates.first
            guard let s = best else {
                result.misses.append(EvalMiss(source: source, text: g.measure, detail: "gold statement not found: \(describe(g))"))
                continue
            }
            unpaired.removeAll { $0 == s }
            result.matched += 1
            let sys = system[s]
            var wrong: [String] = []
            for r in roles {
                if agrees(r, g, sys) { result.right[r, default: 0] += 1 } else { wrong.append(r) }
            }
            if !wrong.isEmpty {
                result.misses.append(EvalMiss(source: source, text: g.measure,
                                              detail: "statement differs in \(wrong.joined(separator: ", ")): gold \(describe(g)), ours \(sys.serialized())"))
            }
        }
        for s in unpaired {
            result.misses.append(EvalMiss(source: source, text: system[s]["measure"]?.scalarText ?? "?", detail: "spurious statement: \(system[s].serialized())"))
        }
        return result
    }

    static func agrees(_ role: String, _ g: GoldStatement, _ s: JSONValue) -> Bool {
        func present(_ gr: Role?, _ key: String, _ compare: (Role, JSONValue) -> Bool) -> Bool {
            switch (gr, s[key]) {
            case (nil, nil): return true
            case let (gr?, sv?): return span(sv).map(gr.span.overlaps) ?? false && compare(gr, sv)
            default: return false
            }
        }
        switch role {
        // Word roles are `{value, text, start, end}` objects; figures carry `amount` (money, volume)
        // or `value` (a percentage level); periods are the statement's own `period`.
        case "measure": return (s["measure"]?["value"] ?? s["measure"])?.scalarText == g.measure
        case "direction", "modality": return (s[role]?["value"] ?? s[role])?.scalarText == g.fields[role]
        case "value": return present(g.value, "value") { gr, sv in (sv["amount"] ?? sv["value"])?.scalarText == gr.fields["amount"] }
        case "period": return period(s["period"] ?? s["value"]?["period"]) == g.value?.fields["period"]
        case "base": return present(g.base, "base") { _, _ in true }
        case "change": return present(g.change, "change") { gr, sv in sv["value"]?.scalarText == gr.fields["value"] }
        default: return false
        }
    }

    static func describe(_ g: GoldStatement) -> String {
        var parts = [g.measure]
        for k in ["reporter", "partner", "commodity", "direction", "modality"] { if let v = g.fields[k] { parts.append("\(k)=\(v)") } }
        if let v = g.value { parts.append("value=\(v.fields["amount"] ?? "?")@\(v.span.start)") }
        if let c = g.change { parts.append("change=\(c.fields["value"] ?? "?")@\(c.span.start)") }
        if let b = g.base { parts.append("base=\(b.fields["amount"] ?? "?")@\(b.span.start)") }
        return parts.joined(separator: " ")
    }

    // MARK: Records

    /// A record's JSON flattened as the gold writes it (`CorpusRunner.flatten`), with the fields
    /// the statement gold adds: `direction` (the record's own, from its statement, else its
    /// change's), `modality` (the record's own, from its statement; for a record no statement
    /// reads, from its qualifiers: forecast, revised, provisional, estimate or target; else
    /// `reported`) and `comparison` ("true" for a comparison base).
    package static func systemRecord(_ json: JSONValue) -> JSONValue {
        guard case var .object(members) = CorpusRunner.flatten(json) else { return json }
        // The record's own direction (from its statement), else its change's.
        members.removeAll { $0.0 == "direction" }
        if let d = json["direction"]?.scalarText ?? json["change"]?["direction"]?.scalarText {
            members.append(("direction", .string(d)))
        }

        var qualifiers: Set<String> = []
        if case let .array(q)? = json["qualifiers"] { qualifiers = Set(q.compactMap(\.scalarText)) }
        // The record's own modality (from its statement: a record linked to a statement without one
        // is reported), else, for a record no statement reads, one of its qualifiers, else reported.
        let linked = json["statement"] != nil
        let modality = json["modality"]?.scalarText
            ?? (linked ? nil : ["forecast", "target", "estimate", "revised", "provisional"].first(where: qualifiers.contains)) ?? "reported"
        members.removeAll { $0.0 == "modality" || $0.0 == "statement" }
        members.append(("modality", .string(modality)))
        if json["comparison"]?.scalarText == "true" { members.append(("comparison", .string("true"))) }
        return .object(members)
    }
}
