import Foundation

/// Turns raw file bytes into UTF-8 text:
/// - UTF-8 is kept as it is (invalid sequences never match a rule, and are reported);
/// - UTF-16 with a byte-order mark is converted (unpaired surrogates and an odd last byte become U+FFFD, with a note);
/// - text that is not UTF-8 but looks like Latin-1 / Windows-1252 (bytes 0x80–0xFF only ever alone,
///   never one valid multi-byte UTF-8 sequence) is converted from Windows-1252, with a note naming
///   the first such byte. Text that mixes valid UTF-8 with invalid bytes is kept (the invalid bytes
///   are reported by the engine), since guessing a second encoding there would garble the valid part.
/// After a conversion, offsets, lines and columns refer to the UTF-8 text, not to the file's bytes.
public enum InputDecoder {
    /// The outcome of ``InputDecoder/decode(_:)``: the text as UTF-8, and a note when it was converted.
    public struct Decoded: Sendable {
        /// Every stored property, as the memberwise initializer takes them.
        package init(bytes: [UInt8], note: String?) { self.bytes = bytes; self.note = note }
        /// The text as UTF-8; it may still hold invalid sequences when the input mixed them with valid UTF-8.
        public let bytes: [UInt8]
        /// What was converted, for a warning ("converted from UTF-16LE (byte-order mark); …"); nil when
        /// the bytes were kept as they are.
        public let note: String?
    }

    /// Whether `start` (the first bytes of an input) opens with a UTF-16 byte-order mark.
    public static func hasUTF16ByteOrderMark(_ start: some Collection<UInt8>) -> Bool {
        let two = Array(start.prefix(2))
        return two == [0xFF, 0xFE] || two == [0xFE, 0xFF]
    }

    /// Decodes raw file bytes: UTF-16 with a byte-order mark and text that looks like Windows-1252
    /// are converted to UTF-8 (with a ``Decoded/note``); anything else is kept as it is. A piece of
    /// an input (one JSON Lines record) is decoded with `utf16: false`: a byte-order mark means
    /// something only at the start of the input, and FF FE in a record is two Windows-1252 bytes.
    public static func decode(_ raw: [UInt8], utf16: Bool = true) -> Decoded {
        if utf16, hasUTF16ByteOrderMark(raw) {
            let little = raw[0] == 0xFF
            var units: [UInt16] = []
            units.reserveCapacity(raw.count / 2)
            var i = 2
            while i + 1 < raw.count {
                units.append(little ? UInt16(raw[i]) | UInt16(raw[i + 1]) << 8 : UInt16(raw[i]) << 8 | UInt16(raw[i + 1]))
                i += 2
            }
            var problems: [String] = []
            if raw.count % 2 == 1 { problems.append("an odd number of bytes (the last byte was dropped)") }
            var it = units.makeIterator()
            var decoder = UTF16()
            var out: [UInt8] = []
            out.reserveCapacity(units.count * 3 / 2)
            var replaced = 0
            loop: while true {
                switch decoder.decode(&it) {
                case .scalarValue(let v): out.append(contentsOf: Array(String(Character(v)).utf8))
                case .emptyInput: break loop
                case .error: replaced += 1; out += [0xEF, 0xBF, 0xBD]
                }
            }
            if replaced > 0 { problems.append("\(replaced) unpaired surrogate(s), replaced by U+FFFD") }
            let what = little ? "UTF-16LE" : "UTF-16BE"
            let note = problems.isEmpty ? "converted from \(what) (byte-order mark); offsets refer to the UTF-8 text"
                : "converted from \(what) (byte-order mark) with \(problems.joined(separator: " and ")); offsets refer to the UTF-8 text"
            return Decoded(bytes: out, note: note)
        }
        if let first = firstInvalidUTF8(raw), looksLikeSingleByteText(raw) {
            let line = raw[..<first].reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
            let lineStart = raw[..<first].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
            let note = String(format: "not UTF-8: looks like Latin-1/Windows-1252 (byte 0x%02X at line %d, column %d); converted from Windows-1252; offsets refer to the UTF-8 text",
                              raw[first], line, first - lineStart + 1)
            return Decoded(bytes: windows1252ToUTF8(raw), note: note)
        }
        return Decoded(bytes: raw, note: nil)
    }

    /// True when no byte ≥ 0x80 is part of a valid multi-byte UTF-8 sequence (so the text is in a
    /// single-byte encoding, or plain ASCII).
    static func looksLikeSingleByteText(_ bytes: [UInt8]) -> Bool {
        var i = 0
        let n = bytes.count
        while i < n {
            if bytes[i] < 0x80 { i += 1; continue }
            if let length = validSequenceLength(bytes, at: i), length > 1 { return false }
            i += 1
        }
        return true
    }

    /// The length of the valid UTF-8 sequence starting at `i`, or nil.
    @inline(__always)
    package static func validSequenceLength<C: RandomAccessCollection>(_ bytes: C, at i: Int) -> Int? where C.Element == UInt8, C.Index == Int {
        let b = bytes[i], n = bytes.endIndex
        if b < 0x80 { return 1 }
        let length: Int
        if b & 0xE0 == 0xC0 && b >= 0xC2 { length = 2 }
        else if b & 0xF0 == 0xE0 { length = 3 }
        else if b & 0xF8 == 0xF0 && b <= 0xF4 { length = 4 }
        else { return nil }
        guard i + length <= n else { return nil }
        for k in 1..<length where bytes[i + k] & 0xC0 != 0x80 { return nil }
        if length == 3 {
            let cp = (Int(b & 0x0F) << 12) | (Int(bytes[i + 1] & 0x3F) << 6)
            if cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF) { return nil }
        }
        if length == 4 {
            let cp = (Int(b & 0x07) << 18) | (Int(bytes[i + 1] & 0x3F) << 12)
            if cp < 0x10000 || cp > 0x10FFFF { return nil }
        }
        return length
    }

    /// Windows-1252's 0x80–0x9F (Latin-1 has control characters there); the five undefined bytes map to themselves.
    static let cp1252High: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    static func windows1252ToUTF8(_ raw: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(raw.count + raw.count / 8)
        for b in raw {
            if b < 0x80 { out.append(b); continue }
            let cp = b < 0xA0 ? cp1252High[Int(b - 0x80)] : UInt32(b)
            out.append(contentsOf: Array(String(Character(Unicode.Scalar(cp)!)).utf8))
        }
        return out
    }

    /// The byte offset of the first invalid UTF-8 sequence, or nil when the bytes are valid UTF-8.
    public static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { p in
            let n = p.count
            var i = 0
            while i < n {
                // Eight ASCII bytes at a time.
                if i + 8 <= n, UnsafeRawPointer(p.baseAddress! + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    i += 8
                    continue
                }
                guard let length = validSequenceLength(p, at: i) else { return i }
                i += length
            }
            return nil
        }
    }
}

/// UTF-16 (either byte order) to UTF-8, fed a piece at a time: a JSON Lines file or stream in
/// UTF-16 is read in chunks like a UTF-8 one instead of whole. Fed the same bytes in any pieces, it
/// writes the same UTF-8 as ``InputDecoder/decode(_:)`` does for the whole input: an unpaired
/// surrogate becomes U+FFFD, an odd last byte is dropped.
public struct UTF16StreamDecoder: Sendable {
    /// Little-endian (byte-order mark FF FE) or big-endian (FE FF).
    public let littleEndian: Bool
    /// A byte of a code unit whose other byte has not arrived yet.
    private var oddByte: UInt8? = nil
    /// A high surrogate waiting for its low one.
    private var high: UInt16? = nil

    public init(littleEndian: Bool) { self.littleEndian = littleEndian }

    /// The UTF-8 of the code units completed by `bytes`.
    public mutating func feed(_ bytes: some Collection<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 3 / 2 + 4)
        var iterator = bytes.makeIterator()
        while true {
            let first: UInt8
            if let b = oddByte { first = b; oddByte = nil } else {
                guard let b = iterator.next() else { break }
                first = b
            }
            guard let second = iterator.next() else { oddByte = first; break }
            unit(littleEndian ? UInt16(first) | UInt16(second) << 8 : UInt16(first) << 8 | UInt16(second), into: &out)
        }
        return out
    }

    /// The end of the input: a high surrogate still waiting becomes U+FFFD; an odd byte is dropped.
    public mutating func finish() -> [UInt8] {
        oddByte = nil
        guard high != nil else { return [] }
        high = nil
        return [0xEF, 0xBF, 0xBD]
    }

    private mutating func unit(_ u: UInt16, into out: inout [UInt8]) {
        if let h = high {
            high = nil
            if (0xDC00...0xDFFF).contains(u) {
                append(0x10000 + ((UInt32(h) - 0xD800) << 10) + (UInt32(u) - 0xDC00), into: &out)
                return
            }
            out += [0xEF, 0xBF, 0xBD]
        }
        if (0xD800...0xDBFF).contains(u) { high = u; return }
        if (0xDC00...0xDFFF).contains(u) { out += [0xEF, 0xBF, 0xBD]; return }
        append(UInt32(u), into: &out)
    }

    private func append(_ v: UInt32, into out: inout [UInt8]) {
        switch v {
        case ..<0x80: out.append(UInt8(v))
        case ..<0x800: out += [UInt8(0xC0 | (v >> 6)), UInt8(0x80 | (v & 0x3F))]
        case ..<0x10000: out += [UInt8(0xE0 | (v >> 12)), UInt8(0x80 | ((v >> 6) & 0x3F)), UInt8(0x80 | (v & 0x3F))]
        default: out += [UInt8(0xF0 | (v >> 18)), UInt8(0x80 | ((v >> 12) & 0x3F)), UInt8(0x80 | ((v >> 6) & 0x3F)), UInt8(0x80 | (v & 0x3F))]
        }
    }
}
