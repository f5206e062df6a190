import Foundation
import TradeFactsText
import TradeFactsExtract
import TradeFacts

/// Scores the engine on Microsoft Recognizers-Text's English test specs (number, percent, currency,
/// date periods): span precision/recall/F1 (strict = same span, relaxed = overlapping) and value
/// accuracy over the relaxed matches, per file.
package enum RecognizersScorer {
    /// How one spec file is read and compared.
    package struct Spec: Sendable {
        package let file: String
        /// Gold result types taken from the file (`TypeName` or `Type`).
        let goldTypes: Set<String>
        /// Which of our mentions compete.
        package let system: @Sendable (Mention) -> Bool
        /// Whether our mention has the gold result's value.
        let valueMatches: @Sendable (Mention, [String: Any]) -> Bool
        /// Why a case is out of scope for news text (nil when in scope). Out-of-scope cases are
        /// counted and reported apart, never silently dropped.
        package var outOfScope: @Sendable (_ input: String, _ results: [[String: Any]]) -> String? = { _, _ in nil }
    }

    package struct FileResult: Sendable {
        package let file: String
        package var cases = 0
        package var strict = Score()
        package var relaxed = Score()
        package var misses: [EvalMiss] = []
        /// Cases left out of the scores, by reason.
        package var outOfScope: [String: Int] = [:]
    }

    package static func decimal(_ any: Any?) -> Decimal? {
        guard let s = any as? String else { return nil }
        return Decimal(string: s.replacingOccurrences(of: "%", with: ""), locale: Locale(identifier: "en_US_POSIX"))
    }

    package static func same(_ a: Decimal?, _ b: Decimal?) -> Bool {
        guard let a, let b else { return false }
        let d = a - b
        return (d < 0 ? -d : d) <= max(Decimal(string: "0.0000001")!, (a < 0 ? -a : a) * Decimal(string: "0.000001")!)
    }

    /// Our period as Recognizers' (start, end) pair. Recognizers ends a calendar unit ("March",
    /// "next week") at the next unit's first day, exclusive, but a range between two named days
    /// ("Oct. 2 to October 22", "November 19-20": `(XXXX-11-19,XXXX-11-20,P1D)`) at the second day
    /// itself; both say the same as our inclusive first and last day.
    package static func range(_ m: Mention) -> (String, String)? {
        guard let p = m.period else { return nil }
        if p.value.range(of: #"^[0-9]{4}-[0-9]{2}-[0-9]{2}/[0-9]{4}-[0-9]{2}-[0-9]{2}$"#, options: .regularExpression) != nil {
            return (p.from.iso, p.to.iso)
        }
        return (p.from.iso, p.to.adding(days: 1).iso)
    }

    package static let specs: [Spec] = [
        // A number inside a money or count mention is read as its amount or value (our overlap
        // resolution keeps the typed mention and drops the bare number inside it).
        Spec(file: "Number/English/NumberModel.json", goldTypes: ["number"],
             system: { $0.type == .number || $0.type == .money || $0.type == .count },
             valueMatches: { m, g in
                 let gold = decimal((g["Resolution"] as? [String: Any])?["value"])
                 switch m.value {
                 case let .number(v): return same(v, gold)
                 case let .money(a, _, _, _, _): return same(a, gold)
                 case let .count(v, _, _, _, _): return same(v, gold)
                 default: return false
                 }
             },
             outOfScope: { input, _ in
                 if input.range(of: #"^[0-9]+(\.[0-9]+){3}$"#, options: .regularExpression) != nil { return "IP address" }
                 if input.contains("phone") { return "phone number" }
                 if input.range(of: #"[0-9]/[0-9]+/[0-9]{4}"#, options: .regularExpression) != nil { return "numeric calendar date (the dates work)" }
                 if input.contains("^") || input.range(of: #"[0-9]e[-+]?[0-9]"#, options: .regularExpression) != nil { return "scientific or exponent notation" }
                 if input.range(of: #"[0-9]\.[0-9]{3},[0-9]{2}(?![0-9])|[0-9],[0-9]{1,2}(?![0-9])"#, options: .regularExpression) != nil,
                    !input.contains("12,34,567") { return "decimal comma or comma-run list (English news uses , for thousands)" }
                 if input.contains("-nought-") { return "game score read digit by digit" }
                 return nil
             }),
        Spec(file: "Number/English/PercentModel.json", goldTypes: ["percentage"],
             system: { $0.type == .percent },
             valueMatches: { m, g in
                 guard case let .percent(v, _, _, _, _, _) = m.value else { return false }
                 let gold = decimal((g["Resolution"] as? [String: Any])?["value"])
                 return same(v, gold) || same(m.signedChange, gold)
             },
             outOfScope: { input, results in
                 if input.contains("http") { return "URL" }
                 if !results.isEmpty, results.allSatisfy({ ($0["Resolution"] as? [String: Any])?["value"] as? String == "null" }) {
                     return "the word percent without a number (no value)"
                 }
                 return nil
             }),
        // Minor units: Recognizers gives "50 cents" as 50 Cent; we give 0.50 in the main unit.
        Spec(file: "NumberWithUnit/English/CurrencyModel.json", goldTypes: ["currency"],
             system: { $0.type == .money },
             valueMatches: { m, g in
                 guard case let .money(amount, _, _, currency, _) = m.value else { return false }
                 let r = g["Resolution"] as? [String: Any]
                 let iso = r?["isoCurrency"] as? String
                 let minor = ["Cent", "Pence", "Penny"].contains(r?["unit"] as? String ?? "")
                 return same(minor ? amount.map { $0 * 100 } : amount, decimal(r?["value"])) && (iso == nil || iso == currency)
             },
             outOfScope: { input, results in
                 let units = results.compactMap { ($0["Resolution"] as? [String: Any])?["unit"] as? String }
                 if units.contains(where: { ["Bitcoin", "Satoshi"].contains($0) }) { return "crypto-currency (not ISO 4217)" }
                 if input.range(of: #"(?i)(?<!rmb )\b([0-9]+|[a-z]*teen|one|three) (dollars?|usd)( and)? (fifty|forty|[0-9]+)( cents)?[ .]*$|dollars? and (one|two) and|dollars? (and )?forty|kuai"#,
                                options: .regularExpression) != nil { return "spoken price with the minor units after the currency (chat phrasing)" }
                 return nil
             }),
        Spec(file: "DateTime/English/DatePeriodExtractor.json", goldTypes: ["daterange"],
             system: { $0.type.isCalendar && $0.period?.granularity != .day && $0.periodFields?.reference == nil },
             valueMatches: { _, _ in true }),
        Spec(file: "DateTime/English/DatePeriodParser.json", goldTypes: ["daterange"],
             system: { $0.type.isCalendar && $0.period?.granularity != .day && $0.periodFields?.reference == nil },
             valueMatches: { m, g in
                 guard let (s, e) = range(m), let v = g["Value"] as? [String: Any] else { return false }
                 for key in ["FutureResolution", "PastResolution"] {
                     if let r = v[key] as? [String: Any], r["startDate"] as? String == s, r["endDate"] as? String == e { return true }
                 }
                 // Seasons and the like carry only a TIMEX value ("2016-SU"), no start and end.
                 if (v["FutureResolution"] as? [String: Any])?.isEmpty ?? true, let timex = v["Timex"] as? String { return timex == m.timexValue }
                 return false
             }),
        Spec(file: "DateTime/English/DateTimeModel.json", goldTypes: ["datetimeV2.daterange"],
             system: { $0.type.isCalendar && $0.period?.granularity != .day && $0.periodFields?.reference == nil },
             valueMatches: { m, g in
                 guard let (s, e) = range(m), let values = (g["Resolution"] as? [String: Any])?["values"] as? [[String: Any]] else { return false }
                 return values.contains { $0["start"] as? String == s && $0["end"] as? String == e }
             }),
    ]

    /// Character offsets of a mention (the specs count characters, not bytes).
    static func characterRange(_ span: Span, in bytes: [UInt8]) -> Range<Int> {
        let start = String(decoding: bytes[0..<span.start], as: UTF8.self).count
        let length = String(decoding: bytes[span.start..<span.end], as: UTF8.self).count
        return start..<(start + length)
    }

    package static func run(directory: String, engine: Engine, keepMisses: Int = 0) throws -> [FileResult] {
        var results: [FileResult] = []
        for spec in specs {
            let path = "\(directory)/\(spec.file)"
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            var bytes = [UInt8](data)
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
            guard let cases = try JSONSerialization.jsonObject(with: Data(bytes)) as? [[String: Any]] else { continue }
            var fr = FileResult(file: spec.file)
            for c in cases {
                guard let input = c["Input"] as? String else { continue }
                if let reason = spec.outOfScope(input, (c["Results"] as? [[String: Any]]) ?? []) {
                    fr.outOfScope[reason, default: 0] += 1
                    continue
                }
                fr.cases += 1
                var reference: CalendarDate? = RuleExampleRunner.defaultReferenceDate
                if let ctx = c["Context"] as? [String: Any], let ref = ctx["ReferenceDateTime"] as? String {
                    reference = CalendarDate(iso: String(ref.prefix(10)))
                }
                let doc = Document(id: spec.file, text: input, referenceDate: reference)
                let r = engine.process(doc)
                let system = (r.extraction?.mentions ?? []).filter(spec.system)
                let gold = ((c["Results"] as? [[String: Any]]) ?? []).filter { g in
                    spec.goldTypes.contains((g["TypeName"] as? String) ?? (g["Type"] as? String) ?? "")
                }
                fr.strict.gold += gold.count; fr.relaxed.gold += gold.count
                fr.strict.system += system.count; fr.relaxed.system += system.count
                var used = Set<Int>()
                for g in gold {
                    guard let start = g["Start"] as? Int else { continue }
                    let end = (g["End"] as? Int).map { $0 + 1 } ?? start + ((g["Length"] as? Int) ?? 0)
                    let goldRange = start..<end
                    let ranges = system.map { characterRange($0.span, in: doc.bytes) }
                    let overlapping = system.indices.filter { !used.contains($0) && ranges[$0].overlaps(goldRange) }
                    let text = (g["Text"] as? String) ?? ""
                    guard let best = overlapping.first(where: { ranges[$0] == goldRange }) ?? overlapping.first else {
                        if fr.misses.count < keepMisses { fr.misses.append(EvalMiss(source: input, text: text, detail: "missed")) }
                        continue
                    }
                    used.insert(best)
                    let ok = spec.valueMatches(system[best], g)
                    fr.relaxed.matched += 1
                    if ok { fr.relaxed.valueCorrect += 1 }
                    if ranges[best] == goldRange { fr.strict.matched += 1; if ok { fr.strict.valueCorrect += 1 } }
                    if !ok && fr.misses.count < keepMisses {
                        fr.misses.append(EvalMiss(source: input, text: text, detail: "wrong value: ours \(system[best].json(in: doc).serialized())"))
                    }
                }
                for i in system.indices where !used.contains(i) && fr.misses.count < keepMisses {
                    fr.misses.append(EvalMiss(source: input, text: system[i].text, detail: "spurious"))
                }
            }
            results.append(fr)
        }
        return results
    }
}
