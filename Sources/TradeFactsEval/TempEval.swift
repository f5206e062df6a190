import Foundation
import TradeFactsText
import TradeFactsExtract
import TradeFacts

/// A TimeML document: text with TIMEX3 tags removed, the gold TIMEX3s as byte spans, and the DCT.
package struct TimeMLDocument: Sendable {
    package struct Timex: Sendable {
        package let span: Span
        package let type: String
        package let value: String
        package let text: String
    }
    package let id: String
    package let dct: CalendarDate?
    package let text: String
    package let timexes: [Timex]

    /// Parses a `.tml` file: the DCT's value, and the TEXT element with its inline TIMEX3s.
    package static func parse(_ xml: String, id: String) -> TimeMLDocument? {
        var dct: CalendarDate? = nil
        if let d = xml.range(of: "<DCT>"), let v = xml[d.upperBound...].range(of: "value=\"") {
            dct = CalendarDate(iso: String(xml[v.upperBound...].prefix(10)))
        }
        guard let open = xml.range(of: "<TEXT>"), let close = xml.range(of: "</TEXT>", range: open.upperBound..<xml.endIndex) else { return nil }
        let body = xml[open.upperBound..<close.lowerBound]
        var out: [UInt8] = []
        var timexes: [Timex] = []
        var current: (start: Int, attrs: [String: String])? = nil
        var i = body.startIndex
        while i < body.endIndex {
            let c = body[i]
            if c == "<", let end = body[i...].firstIndex(of: ">") {
                let tag = body[body.index(after: i)..<end]
                if tag.hasPrefix("TIMEX3") {
                    current = (out.count, attributes(String(tag)))
                } else if tag.hasPrefix("/TIMEX3"), let cur = current {
                    let span = Span(cur.start, out.count)
                    timexes.append(Timex(span: span, type: cur.attrs["type"] ?? "", value: cur.attrs["value"] ?? "",
                                         text: String(decoding: out[span.start..<span.end], as: UTF8.self)))
                    current = nil
                }
                i = body.index(after: end)
            } else if c == "&", let semi = body[i...].prefix(8).firstIndex(of: ";") {
                let entity = String(body[i...semi])
                let map = ["&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": "\"", "&apos;": "'"]
                out += Array((map[entity] ?? entity).utf8)
                i = body.index(after: semi)
            } else {
                out += Array(String(c).utf8)
                i = body.index(after: i)
            }
        }
        return TimeMLDocument(id: id, dct: dct, text: String(decoding: out, as: UTF8.self), timexes: timexes)
    }

    static func attributes(_ tag: String) -> [String: String] {
        var attrs: [String: String] = [:]
        let parts = tag.split(separator: "\"", omittingEmptySubsequences: false)
        var k = 0
        while k + 1 < parts.count {
            let key = parts[k].split(separator: " ").last.map { String($0).replacingOccurrences(of: "=", with: "") } ?? ""
            attrs[key] = String(parts[k + 1])
            k += 2
        }
        return attrs
    }
}

/// TempEval-3 style scoring of DATE expressions: strict (exact span) and relaxed (overlapping span)
/// precision, recall and F1, and value accuracy and value F1 over the relaxed matches.
///
/// Values are scored under two conventions, both printed:
/// - **exact** (`strict`, `relaxed`): the value strings must be equal, as TempEval-3's scorer
///   compares them, after only mappings of pure notation (``Agreement/exact``);
/// - **lenient** (`lenientStrict`, `lenientRelaxed`): also counts a gold that leaves a part
///   unspecified (`1989-WXX`, `1988-QX`, `1968-XX`) as agreeing with our value when ours is that
///   value with the unspecified parts resolved or left out (``Agreement/lenient``).
///
/// A system mention that overlaps a gold TIMEX3 of another type (TIME "Friday night", DURATION
/// "the first nine months", SET) and no gold DATE is set aside, counted in `otherType` and printed,
/// not scored as spurious: it is a real time expression whose TimeML type differs (TempEval-3
/// scores extraction over all types). Gold TIME/DURATION/SET are not in the gold count either.
package enum TempEvalScorer {
    package struct Result: Sendable {
        package var documents = 0
        /// Spans, and values compared exactly (notation mappings only).
        package var strict = Score()
        package var relaxed = Score()
        /// The same spans, and values compared under the lenient underspecified-gold convention.
        package var lenientStrict = Score()
        package var lenientRelaxed = Score()
        package var misses: [EvalMiss] = []
        /// System mentions set aside because they overlap a gold TIMEX3 of another type only.
        package var otherType = 0
        /// Values right only under the lenient convention (`1989-WXX` matched by `1989-W43`).
        package var underspecified = 0
        package init() {}

        package static func + (a: Result, b: Result) -> Result {
            var r = Result()
            r.documents = a.documents + b.documents
            r.strict = a.strict + b.strict; r.relaxed = a.relaxed + b.relaxed
            r.lenientStrict = a.lenientStrict + b.lenientStrict; r.lenientRelaxed = a.lenientRelaxed + b.lenientRelaxed
            r.misses = a.misses + b.misses
            r.otherType = a.otherType + b.otherType; r.underspecified = a.underspecified + b.underspecified
            return r
        }
    }

    /// How our value stands to the gold value.
    package enum Agreement: Sendable, Equatable {
        /// Equal strings after mappings of notation only, each a second spelling of the same value:
        /// week numbers with or without a leading zero (`2000-W7`, `2000-W07`: ISO writes two
        /// digits), and TimeBank's decade `198X` and century `19XX` for TimeML's `198` and `19`
        /// (``canonicalGold(_:)``; TimeBank writes every decade and century that way, never `198`).
        case exact
        /// Agreement only if a gold that leaves parts unspecified is read as "whichever it is":
        /// - a year with its unknown parts written out (`1968-XX`, `1994-XX-XX`) and the bare year:
        ///   TimeML reads `1968-XX` as some month of 1968, a finer unit than the year, so an exact
        ///   comparison tells them apart, though both say only "in 1968";
        /// - an underspecified gold (`1989-WXX`, `1988-QX`, `1998-XX-XX` with a day of ours) and our
        ///   value of the same shape that agrees at every position the gold gives: TimeBank's
        ///   annotators often left unresolved the week or quarter that "last week" or "the quarter"
        ///   names; we resolve it. A gold more specific than ours is never matched this way.
        case lenient
        case none
    }

    /// How our value stands to the gold value (see ``Agreement``); `gold` after ``canonicalGold(_:)``.
    package static func agreement(gold: String, ours: String?) -> Agreement {
        guard let ours else { return .none }
        let g = padWeek(gold), o = padWeek(ours)
        if g == o { return .exact }
        if g.range(of: #"^[0-9]{4}(-XX)+$"#, options: .regularExpression) != nil, o == String(g.prefix(4)) { return .lenient }
        guard g.contains("X"), !o.contains("X"), g.count == o.count else { return .none }
        for (a, b) in zip(g, o) where a != "X" && a != b { return .none }
        // Same shape: an X stands for a digit (a week or quarter or month number), never a letter.
        for (a, b) in zip(g, o) where a == "X" && !b.isNumber { return .none }
        return .lenient
    }

    /// `2000-W7` → `2000-W07`.
    static func padWeek(_ v: String) -> String {
        guard let r = v.range(of: #"^[0-9]{4}-W[0-9]$"#, options: .regularExpression) else { return v }
        return v[r].dropLast() + "0" + String(v.last!)
    }

    /// One TIMEX3 of ours: a mention, or one of its parts (``TimexPart``).
    package struct Item {
        package let span: Span
        package let text: String
        package let value: String?
    }

    /// A mention as the TIMEX3s TimeML would write: its parts when it has them ("Aug. 26 to Oct. 20"
    /// is "Aug. 26" and "Oct. 20"), else itself with its value (decades "198X" → "198").
    package static func items(_ m: Mention) -> [Item] {
        if !m.timexParts.isEmpty {
            return m.timexParts.map { p in
                let start = p.span.start - m.span.start, end = p.span.end - m.span.start
                let bytes = Array(m.text.utf8)
                let text = start >= 0 && end <= bytes.count ? String(decoding: bytes[start..<end], as: UTF8.self) : m.text
                return Item(span: p.span, text: text, value: m.timexValue(of: p))
            }
        }
        var value = m.timexValue
        if let p = m.period, p.granularity == .decade { value = String(p.value.prefix(3)) }
        return [Item(span: m.span, text: m.text, value: value)]
    }

    /// TimeBank writes a decade both as "198" and as "198X" (both mean the 1980s), and a century both
    /// as "19" and as "19XX" (the 1900s).
    package static func canonicalGold(_ v: String) -> String {
        if v.count == 4, v.hasSuffix("X"), v.prefix(3).allSatisfy(\.isNumber) { return String(v.prefix(3)) }
        if v.count == 4, v.hasSuffix("XX"), v.prefix(2).allSatisfy(\.isNumber) { return String(v.prefix(2)) }
        return v
    }

    package static func run(directory: String, engine: Engine, keepMisses: Int = 0) throws -> Result {
        var result = Result()
        let fm = FileManager.default
        var files: [String] = []
        if let walker = fm.enumerator(atPath: directory) {
            for case let f as String in walker where f.hasSuffix(".tml") { files.append(f) }
        }
        for file in files.sorted() {
            let xml = try String(contentsOfFile: "\(directory)/\(file)", encoding: .utf8)
            guard let doc = TimeMLDocument.parse(xml, id: file) else { continue }
            result.documents += 1
            let r = engine.process(Document(id: file, text: doc.text, referenceDate: doc.dct))
            let gold = doc.timexes.filter { $0.type == "DATE" }
            let others = doc.timexes.filter { $0.type != "DATE" }
            let all = (r.extraction?.mentions ?? []).filter { $0.type.isCalendar && ($0.role == nil || $0.role == "dateline") }.flatMap(items)
            let system = all.filter { m in
                let otherType = !gold.contains { $0.span.overlaps(m.span) } && others.contains { $0.span.overlaps(m.span) }
                if otherType { result.otherType += 1 }
                return !otherType
            }
            for k in [\Result.strict, \.relaxed, \.lenientStrict, \.lenientRelaxed] {
                result[keyPath: k].gold += gold.count; result[keyPath: k].system += system.count
            }
            var used = Set<Int>()
            for g in gold {
                let overlapping = system.indices.filter { !used.contains($0) && system[$0].span.overlaps(g.span) }
                guard let best = overlapping.first(where: { system[$0].span == g.span }) ?? overlapping.first else {
                    if result.misses.count < keepMisses { result.misses.append(EvalMiss(source: file, text: g.text, detail: "missed (gold \(g.value))")) }
                    continue
                }
                used.insert(best)
                let m = system[best]
                let agreement = agreement(gold: canonicalGold(g.value), ours: m.value)
                let exact = agreement == .exact, lenient = agreement != .none
                if agreement == .lenient { result.underspecified += 1 }
                result.relaxed.matched += 1; result.lenientRelaxed.matched += 1
                if exact { result.relaxed.valueCorrect += 1 }
                if lenient { result.lenientRelaxed.valueCorrect += 1 }
                if m.span == g.span {
                    result.strict.matched += 1; result.lenientStrict.matched += 1
                    if exact { result.strict.valueCorrect += 1 }
                    if lenient { result.lenientStrict.valueCorrect += 1 }
                }
                if !exact && result.misses.count < keepMisses {
                    result.misses.append(EvalMiss(source: file, text: g.text, detail: "value: gold \(g.value), ours \(m.value ?? "none") (\"\(m.text)\")" + (lenient ? "; agrees under the lenient convention" : "")))
                }
            }
            for i in system.indices where !used.contains(i) && result.misses.count < keepMisses {
                let m = system[i]
                let goldHere = doc.timexes.first { $0.span.overlaps(m.span) }
                result.misses.append(EvalMiss(source: file, text: m.text, detail: "spurious (\(m.value ?? "unresolved"))" + (goldHere.map { "; gold has \($0.type) \($0.value)" } ?? "")))
            }
        }
        return result
    }
}
