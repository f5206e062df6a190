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
        package var misses: [EvalMiss] = []
    }

    package static func run(directory: String, engine: Engine) throws -> Result {
        var result = Result()
        let files = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        for file in files where file.hasSuffix(".txt") || file.hasSuffix(".md") {
            let base = String(file[..<file.lastIndex(of: ".")!])
            guard let expectedText = try? String(contentsOfFile: "\(directory)/\(base).expected.yaml", encoding: .utf8),
                  let expected = try YAMLNode.parse(expectedText, file: "")?.plainValue as? [String: Any] else { continue }
            result.articles += 1
            let bytes = [UInt8](FileManager.default.contents(atPath: "\(directory)/\(file)") ?? Data())
            let r = engine.process(Document(id: file, bytes: bytes, referenceDate: (expected["date"]).flatMap { CalendarDate(iso: "\($0)") }))
            guard let e = r.extraction else { continue }
            let system = r.records.map { CorpusRunner.flatten($0.json(mentions: e.mentions, in: e.document)) }
            let gold = ((expected["records"] as? [[String: Any]]) ?? []).map { g in g.mapValues { CorpusRunner.text($0) ?? "" } }
            var unpaired = Array(system.indices)
            for g in gold {
                // The system record agreeing on the most core fields.
                let best = unpaired.max { a, b in agreement(system[a], g) < agreement(system[b], g) }
                guard let s = best, agreement(system[s], g) > 0 else {
                    for f in CorpusRunner.coreRecordFields where g[f] != nil { result.fields[f, default: FieldScore()].fn += 1 }
                    result.records.fn += 1
                    result.misses.append(EvalMiss(source: file, text: g["flow"] ?? "?", detail: "gold record not found: \(g)"))
                    continue
                }
                unpaired.removeAll { $0 == s }
                var allRight = true
                for f in CorpusRunner.coreRecordFields {
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
                for (k, v) in g where !CorpusRunner.coreRecordFields.contains(k) && system[s][k]?.scalarText != v { allRight = false }
                if allRight { result.records.tp += 1 } else {
                    result.records.fp += 1; result.records.fn += 1
                    result.misses.append(EvalMiss(source: file, text: g["flow"] ?? "?", detail: "differs: gold \(g), ours \(system[s].serialized())"))
                }
            }
            for s in unpaired {
                result.records.fp += 1
                for f in CorpusRunner.coreRecordFields where system[s][f] != nil { result.fields[f, default: FieldScore()].fp += 1 }
                result.misses.append(EvalMiss(source: file, text: system[s]["flow"]?.scalarText ?? "?", detail: "spurious record: \(system[s].serialized())"))
            }
        }
        return result
    }

    package static func agreement(_ s: JSONValue, _ g: [String: String]) -> Int {
        var n = 0
        if s["flow"]?.scalarText == g["flow"] { n += 2 }
        if s["amount"]?.scalarText == g["amount"] { n += 3 }
        for f in ["reporter", "period", "commodity", "partner"] where g[f] != nil && s[f]?.scalarText == g[f] { n += 1 }
        return n
    }
}
