import TradeFactsText
/// The members of a JSON Lines record that make an article (see ``ArticleReader``).
package struct JSONLineRecord: Equatable {
    /// How the record's `date` member was given.
    enum DateMember: Equatable {
        case absent
        case string(String)
        /// Present but not a string (`null`, a number, …).
        case other
    }
    /// The `id` member as text (`"\(value)"`), when present.
    package var id: String?
    /// The UTF-8 bytes of the `text` member, when it is a string.
    package var text: [UInt8]?
    var date: DateMember = .absent
    /// The `title` member, when it is a string.
    package var title: String?
}

/// Reads the common shape of a JSON Lines record straight from its bytes: one object whose members
/// are strings (any escape, `\uXXXX` surrogate pairs included), `null`, `true`, `false` or plain
/// numbers, with an `id` that is a string when present.
///
/// Anything else — nested values, numbers with exponents or many digits, a non-string `id`,
/// duplicate keys, escaped keys, invalid UTF-8, `\u0000`, lone surrogates, a leading byte-order
/// mark, malformed JSON — makes ``parse(_:)`` return nil, and the caller reads the line with
/// Foundation (``ArticleReader/foundationRecord(_:)``), so results and error messages are exactly
/// Foundation's. Where it does answer, it answers as Foundation would (the tests compare the two).
package struct JSONLineParser {
    /// Member keys seen on the current line (to leave duplicate keys to Foundation).
    private var keys: [Range<Int>] = []
    /// Decoded bytes of a member other than `text`.
    private var scratch: [UInt8] = []

    /// The record, or nil to fall back to Foundation.
    package mutating func parse(_ p: UnsafeBufferPointer<UInt8>) -> JSONLineRecord? {
        let n = p.count
        var i = 0
        @inline(__always) func skipSpace() {
            while i < n, p[i] == 0x20 || p[i] == 0x0A || p[i] == 0x0D || p[i] == 0x09 { i += 1 }
        }
        @inline(__always) func next(_ c: UInt8) -> Bool {
            skipSpace()
            guard i < n, p[i] == c else { return false }
            i += 1
            return true
        }
        keys.removeAll(keepingCapacity: true)
        var record = JSONLineRecord()
        guard next(UInt8(ascii: "{")) else { return nil }
        if !next(UInt8(ascii: "}")) {
            repeat {
                guard next(UInt8(ascii: "\"")), let key = Self.plainKey(p, &i) else { return nil }
                for k in keys where k.count == key.count && p[k].elementsEqual(p[key]) { return nil }
                keys.append(key)
                guard next(UInt8(ascii: ":")) else { return nil }
                skipSpace()
                guard i < n else { return nil }
                let name = Self.member(p[key])
                if p[i] == UInt8(ascii: "\"") {
                    i += 1
                    if name == .text {
                        var text: [UInt8] = []
                        text.reserveCapacity(n - i)
                        guard Self.string(p, &i, into: &text) else { return nil }
                        record.text = text
                        continue
                    }
                    scratch.removeAll(keepingCapacity: true)
                    guard Self.string(p, &i, into: &scratch) else { return nil }
                    guard name != .other else { continue }
                    let value = String(decoding: scratch, as: UTF8.self)
                    switch name {
                    case .id: record.id = value
                    case .date: record.date = .string(value)
                    case .title: record.title = value
                    case .text, .other: break
                    }
                } else {
                    guard Self.scalar(p, &i), name != .id else { return nil }
                    if name == .date { record.date = .other }
                }
            } while next(UInt8(ascii: ","))
            guard next(UInt8(ascii: "}")) else { return nil }
        }
        skipSpace()
        return i == n ? record : nil
    }

    private enum Member { case id, text, date, title, other }

    private static func member(_ key: Slice<UnsafeBufferPointer<UInt8>>) -> Member {
        switch key.count {
        case 2 where key.elementsEqual("id".utf8): .id
        case 4 where key.elementsEqual("text".utf8): .text
        case 4 where key.elementsEqual("date".utf8): .date
        case 5 where key.elementsEqual("title".utf8): .title
        default: .other
        }
    }

    /// A key without escapes, after its opening quote: its byte range, `i` past its closing quote.
    private static func plainKey(_ p: UnsafeBufferPointer<UInt8>, _ i: inout Int) -> Range<Int>? {
        let start = i
        while i < p.count {
            let b = p[i]
            if b == UInt8(ascii: "\"") { i += 1; return start..<(i - 1) }
            guard b >= 0x20, b != UInt8(ascii: "\\") else { return nil }
            guard let length = InputDecoder.validSequenceLength(p, at: i) else { return nil }
            i += length
        }
        return nil
    }

    /// `null`, `true`, `false`, or a number `-?(0|[1-9][0-9]{0,14})(\.[0-9]{1,15})?`; `i` past it.
    private static func scalar(_ p: UnsafeBufferPointer<UInt8>, _ i: inout Int) -> Bool {
        let n = p.count
        for word in ["null", "true", "false"] where p[i] == word.utf8.first! {
            let w = word.utf8
            guard i + w.count <= n, p[i..<(i + w.count)].elementsEqual(w) else { return false }
            i += w.count
            return true
        }
        @inline(__always) func digits(max: Int) -> Int {
            let start = i
            while i < n, i - start < max + 1, p[i] >= UInt8(ascii: "0"), p[i] <= UInt8(ascii: "9") { i += 1 }
            return i - start
        }
        if p[i] == UInt8(ascii: "-") { i += 1 }
        guard i < n, p[i] >= UInt8(ascii: "0"), p[i] <= UInt8(ascii: "9") else { return false }
        let leadingZero = p[i] == UInt8(ascii: "0")
        let whole = digits(max: 15)
        guard whole <= 15, !(leadingZero && whole > 1) else { return false }
        if i < n, p[i] == UInt8(ascii: ".") {
            i += 1
            let fraction = digits(max: 15)
            guard fraction >= 1, fraction <= 15 else { return false }
        }
        return i == n || (p[i] != UInt8(ascii: "e") && p[i] != UInt8(ascii: "E"))
    }

    /// A string's contents after its opening quote, decoded into `out`; `i` past its closing quote.
    /// False for what is left to Foundation (control characters, invalid UTF-8, bad escapes).
    private static func string(_ p: UnsafeBufferPointer<UInt8>, _ i: inout Int, into out: inout [UInt8]) -> Bool {
        let n = p.count
        var run = i
        @inline(__always) func flush() {
            if i > run { out.append(contentsOf: UnsafeBufferPointer(rebasing: p[run..<i])) }
        }
        while i < n {
            if i + 8 <= n && JSONValue.plainEight(p, at: i) { i += 8; continue }
            let b = p[i]
            if b >= 0x20 && b < 0x80 && b != UInt8(ascii: "\"") && b != UInt8(ascii: "\\") { i += 1; continue }
            if b == UInt8(ascii: "\"") {
                flush()
                i += 1
                return true
            }
            if b >= 0x80 {
                guard let length = InputDecoder.validSequenceLength(p, at: i) else { return false }
                i += length
                continue
            }
            guard b == UInt8(ascii: "\\"), i + 1 < n else { return false }
            flush()
            let e = p[i + 1]
            i += 2
            switch e {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                guard var scalar = hex4(p, i) else { return false }
                i += 4
                if scalar >= 0xD800 && scalar < 0xDC00 {
                    guard i + 1 < n, p[i] == UInt8(ascii: "\\"), p[i + 1] == UInt8(ascii: "u"),
                          let low = hex4(p, i + 2), low >= 0xDC00 && low < 0xE000 else { return false }
                    i += 6
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if (scalar >= 0xDC00 && scalar < 0xE000) || scalar == 0 {
                    return false
                }
                appendUTF8(scalar, to: &out)
            default:
                return false
            }
            run = i
        }
        return false
    }

    /// Four hex digits at `i`.
    private static func hex4(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> UInt32? {
        guard i + 4 <= p.count else { return nil }
        var v: UInt32 = 0
        for k in i..<(i + 4) {
            let c = p[k]
            let d: UInt8
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = c - UInt8(ascii: "A") + 10
            default: return nil
            }
            v = v << 4 | UInt32(d)
        }
        return v
    }

    private static func appendUTF8(_ v: UInt32, to out: inout [UInt8]) {
        switch v {
        case ..<0x80:
            out.append(UInt8(v))
        case ..<0x800:
            out.append(0xC0 | UInt8(v >> 6)); out.append(0x80 | UInt8(v & 0x3F))
        case ..<0x10000:
            out.append(0xE0 | UInt8(v >> 12)); out.append(0x80 | UInt8((v >> 6) & 0x3F)); out.append(0x80 | UInt8(v & 0x3F))
        default:
            out.append(0xF0 | UInt8(v >> 18)); out.append(0x80 | UInt8((v >> 12) & 0x3F))
            out.append(0x80 | UInt8((v >> 6) & 0x3F)); out.append(0x80 | UInt8(v & 0x3F))
        }
    }
}
