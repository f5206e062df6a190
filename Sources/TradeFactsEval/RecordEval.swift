import Foundation
import TradeFactsRules
import TradeFactsText
import TradeFacts

/// Scores trade records against the Corpus gold, field by field and record by record.
///
/// System and gold records are paired in order of best agreement (same flow and amount first).
/// For each core field a pair counts a true positive when both give the same value, a false
/// positive when the system gives a value the gold does not, and a false negative when the gold
/// gives a value the system does not. A record is correct when every core field and every extra
/// field the gold lists agree.
package enum RecordScorer {
    package struct FieldScore: Sendable {
        package var tp = 0, fp = 0, fn = 0
        package init() {}
        package var precision: Double { tp + fp == 0 ? 0 : Double(tp) / Double(tp + fp) }
        package var recall: Double { tp + fn == 0 ? 0 : Double(tp) / Double(tp + fn) }
        package var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
    }

    package struct Result: Sendable {
        package var articles = 0
        package var fields: [String: FieldScore] = [:]
        /// Records: tp = correct system records, fp = other system records, fn = gold records not matched correctly.
        package var records = FieldScore()
        /// Records found: a system record with a gold record's flow, amount and currency is a true
        /// positive whatever its other fields say (they are scored by `agreeing`); fp = other system
        /// records, fn = gold records no system record has.
        package var found = FieldScore()
        /// Gold records found (`found.tp`), and those of them whose period is right.
        package var paired = 0, periodRight = 0
        /// Per field, the found records on which system and gold agree (both giving the same value, or neither giving one).
        package var agreeing: [String: Int] = [:]
        package var misses: [EvalMiss] = []
        package init() {}

        /// Adds another result's counts and misses to this one.
        package mutating func add(_ other: Result) {
            articles += other.articles
            for (f, s) in other.fields {
                var t = fields[f, default: FieldScore()]
                t.tp += s.tp; t.fp += s.fp; t.fn += s.fn
                fields[f] = t
            }
            records.tp += other.records.tp; records.fp += other.records.fp; records.fn += other.records.fn
            found.tp += other.found.tp; found.fp += other.found.fp; found.fn += other.found.fn
            paired += other.paired; periodRight += other.periodRight
            for (f, n) in other.agreeing { agreeing[f, default: 0] += n }
            misses += other.misses
        }
    }

    package static func run(directory: String, engine: Engine) throws -> Result {
        var result = Result()
        let files = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        for file in files where file.hasSuffix(".txt") || file.hasSuffix(".md") {
            let base = String(file[..<file.lastIndex(of: ".")!])
            guard let expectedText = try? String(contentsOfFile: "\(directory)/\(base).expected.yaml", encoding: .utf8),
                  let expected = try YAMLNode.parse(expectedText, file: "")?.plainValue as? [String: Any] else { continue }
            let bytes = [UInt8](FileManager.default.contents(atPath: "\(directory)/\(file)") ?? Data())
            let r = engine.process(Document(id: file, bytes: bytes, referenceDate: (expected["date"]).flatMap { CalendarDate(iso: "\($0)") }))
            guard let system = systemRecords(r) else { result.articles += 1; continue }
            result.add(score(system: system, gold: goldRecords(expected["records"]), source: file))
        }
        return result
    }

    /// A document's records, flattened as the gold writes them (by `flatten`); nil when the document could not be read.
    package static func systemRecords(_ r: DocumentResult, flatten: (JSONValue) -> JSONValue = CorpusRunner.flatten) -> [JSONValue]? {
        guard let e = r.extraction else { return nil }
        return r.records.map { flatten($0.json(mentions: e.mentions, in: e.document)) }
    }

    /// A gold `records` list (parsed YAML) as field-to-text maps.
    package static func goldRecords(_ any: Any?) -> [[String: String]] {
        ((any as? [[String: Any]]) ?? []).map { g in g.mapValues { CorpusRunner.text($0) ?? "" } }
    }

    /// Scores one article: pairs each gold record with the unpaired system record agreeing most,
    /// then compares `fields` (a field the gold leaves out must be absent from the system record
    /// too) and every other field the gold lists. Counts as one article.
    package static func score(system: [JSONValue], gold: [[String: String]], source: String,
                             fields: [String] = CorpusRunner.coreRecordFields) -> Result {
        var result = Result()
        result.articles = 1
        var unpaired = Array(system.indices)
        // Pass 1: each gold record with the unpaired system record of its flow, amount and currency
        // agreeing most; pass 2: the gold records left with the one agreeing most on anything.
        var pairOf: [Int: Int] = [:]
        for (gi, g) in gold.enumerated() {
            let same = unpaired.filter { isSameFigure(system[$0], g) }
            guard let s = same.max(by: { agreement(system[$0], g) < agreement(system[$1], g) }) else { continue }
            unpaired.removeAll { $0 == s }
            pairOf[gi] = s
        }
        result.found.tp = pairOf.count
        result.found.fn = gold.count - pairOf.count
        result.found.fp = system.count - pairOf.count
        for (gi, g) in gold.enumerated() {
            if pairOf[gi] == nil, let s = unpaired.max(by: { agreement(system[$0], g) < agreement(system[$1], g) }), agreement(system[s], g) > 0 {
                unpaired.removeAll { $0 == s }
                pairOf[gi] = s
            }
            guard let s = pairOf[gi] else {
                for f in fields where g[f] != nil { result.fields[f, default: FieldScore()].fn += 1 }
                result.records.fn += 1
                result.misses.append(EvalMiss(source: source, text: g["flow"] ?? "?", detail: "gold record not found: \(g)"))
                continue
            }
            if isSameFigure(system[s], g) {
                result.paired += 1
                if g["period"] != nil, system[s]["period"]?.scalarText == g["period"] { result.periodRight += 1 }
                for f in Set(fields).union(g.keys) where system[s][f]?.scalarText == g[f] { result.agreeing[f, default: 0] += 1 }
            }
            var allRight = true
            for f in fields {
                let sv = system[s][f]?.scalarText, gv = g[f]
                var score = result.fields[f, default: FieldScore()]
                if let gv, sv == gv { score.tp += 1 }
                else {
                    if gv != nil { score.fn += 1 }
                    if sv != nil { score.fp += 1 }
                    if gv != nil || sv != nil { allRight = false }
                }
                result.fields[f] = score
            }
            for (k, v) in g where !fields.contains(k) && system[s][k]?.scalarText != v { allRight = false }
            if allRight { result.records.tp += 1 } else {
                result.records.fp += 1; result.records.fn += 1
                result.misses.append(EvalMiss(source: source, text: g["flow"] ?? "?", detail: "differs: gold \(g), ours \(system[s].serialized())"))
            }
        }
        for s in unpaired {
            result.records.fp += 1
            for f in fields where system[s][f] != nil { result.fields[f, default: FieldScore()].fp += 1 }
            result.misses.append(EvalMiss(source: source, text: system[s]["flow"]?.scalarText ?? "?", detail: "spurious record: \(system[s].serialized())"))
        }
        return result
    }

    /// Whether a system record states a gold record's figure: the same flow, amount and currency.
    package static func isSameFigure(_ s: JSONValue, _ g: [String: String]) -> Bool {
        g["amount"] != nil && s["amount"]?.scalarText == g["amount"] && s["flow"]?.scalarText == g["flow"] && s["currency"]?.scalarText == g["currency"]
    }

    package static func agreement(_ s: JSONValue, _ g: [String: String]) -> Int {
        var n = 0
        if s["flow"]?.scalarText == g["flow"] { n += 2 }
        if s["amount"]?.scalarText == g["amount"] { n += 3 }
        for f in ["reporter", "period", "commodity", "partner"] where g[f] != nil && s[f]?.scalarText == g[f] { n += 1 }
        return n
    }
}
