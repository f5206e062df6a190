import Foundation

/// A JSON value with ordered object keys, written deterministically (byte-identical across runs).
public indirect enum JSONValue: Sendable, Equatable {
    /// JSON `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// An integer, written in decimal.
    case int(Int)
    /// A decimal number, written without exponent or binary rounding ("22130000", "87.4").
    case decimal(Decimal)
    /// A string, escaped as JSON requires.
    case string(String)
    /// An array, written in order.
    case array([JSONValue])
    /// An object: its members (key, value) written in the order given, not sorted.
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool { a.serialized() == b.serialized() }

    /// Object member lookup.
    public subscript(key: String) -> JSONValue? {
        if case let .object(members) = self { return members.first(where: { $0.0 == key })?.1 }
        return nil
    }

    /// A plain string rendering of a scalar (for comparisons with expected values written as text).
    public var scalarText: String? {
        switch self {
        case .null: return "null"
        case let .bool(b): return b ? "true" : "false"
        case let .int(i): return String(i)
        case let .decimal(d): return DecimalText.string(d)
        case let .string(s): return s
        case .array, .object: return nil
        }
    }

    /// Compact JSON (one line), or pretty-printed with two-space indentation.
    public func serialized(pretty: Bool = false) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        write(into: &out, pretty: pretty, indent: 0)
        return String(decoding: out, as: UTF8.self)
    }

    /// Writes UTF-8 bytes (no intermediate Strings: this is on the batch hot path).
    package func write(into out: inout [UInt8], pretty: Bool, indent: Int) {
        func append(_ s: StaticString) { s.withUTF8Buffer { out.append(contentsOf: $0) } }
        func newline(_ level: Int) {
            out.append(0x0A)
            for _ in 0..<level { out.append(0x20); out.append(0x20) }
        }
        switch self {
        case .null: append("null")
        case let .bool(b): if b { append("true") } else { append("false") }
        case let .int(i): JSONValue.writeInt(i, into: &out)
        case let .decimal(d): out.append(contentsOf: DecimalText.string(d).utf8)
        case let .string(s): JSONValue.writeString(s, into: &out)
        case let .array(items):
            if items.isEmpty { append("[]"); return }
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                if pretty { newline(indent + 1) }
                item.write(into: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty { newline(indent) }
            out.append(UInt8(ascii: "]"))
        case let .object(members):
            if members.isEmpty { append("{}"); return }
            out.append(UInt8(ascii: "{"))
            for (i, (key, value)) in members.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                if pretty { newline(indent + 1) }
                JSONValue.writeString(key, into: &out)
                out.append(UInt8(ascii: ":"))
                if pretty { out.append(0x20) }
                value.write(into: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty { newline(indent) }
            out.append(UInt8(ascii: "}"))
        }
    }

    package static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// A JSON string: quotes, backslashes and control characters escaped (and U+2028/2029, which
    /// break JavaScript), everything else copied as UTF-8.
    package static func writeString(_ s: String, into out: inout [UInt8]) {
        var s = s
        _ = s.withUTF8 { writeEscaped($0, validating: false, into: &out) }
    }

    /// Writes `bytes` as a JSON string like ``writeString(_:into:)`` when they are valid UTF-8 and
    /// returns true; returns false, having written nothing, when they are not.
    package static func writeValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) -> Bool {
        writeEscaped(bytes, validating: true, into: &out)
    }

    /// Whether the eight bytes at `i` stand in a JSON string as they are: ASCII, and neither a quote,
    /// a backslash nor a control character. (Word-at-a-time tests: `x - 0x01…` borrows into a
    /// byte's top bit exactly where a byte of `x` is zero, `x - 0x20…` where one is below 0x20.)
    @inline(__always)
    package static func plainEight(_ p: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, high: UInt64 = 0x8080_8080_8080_8080
        let w = UnsafeRawPointer(p.baseAddress! + i).loadUnaligned(as: UInt64.self)
        let quote = w ^ (ones &* 0x22), backslash = w ^ (ones &* 0x5C)
        let special = (w &- ones &* 0x20) | (quote &- ones) & ~quote | (backslash &- ones) & ~backslash
        return (w | special) & high == 0
    }

    /// Copies runs of bytes that need no escape in one go. Without `validating` the bytes must be
    /// valid UTF-8 (a String's).
    private static func writeEscaped(_ p: UnsafeBufferPointer<UInt8>, validating: Bool, into out: inout [UInt8]) -> Bool {
        let mark = out.count
        out.append(UInt8(ascii: "\""))
        let n = p.count
        var i = 0, run = 0
        @inline(__always) func flush(_ upTo: Int) {
            if upTo > run { out.append(contentsOf: UnsafeBufferPointer(rebasing: p[run..<upTo])) }
        }
        while i < n {
            if i + 8 <= n && plainEight(p, at: i) { i += 8; continue }
            let b = p[i]
            if b >= 0x20 && b < 0x80 && b != UInt8(ascii: "\"") && b != UInt8(ascii: "\\") { i += 1; continue }
            if b >= 0x80 {
                // U+2028 and U+2029 are E2 80 A8 / E2 80 A9.
                if b == 0xE2, i + 2 < n, p[i + 1] == 0x80, p[i + 2] == 0xA8 || p[i + 2] == 0xA9 {
                    flush(i)
                    out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "2"), UInt8(ascii: "0"), UInt8(ascii: "2"),
                                            p[i + 2] == 0xA8 ? UInt8(ascii: "8") : UInt8(ascii: "9")])
                    i += 3
                    run = i
                } else if validating {
                    guard let length = InputDecoder.validSequenceLength(p, at: i) else {
                        out.removeSubrange(mark...)
                        return false
                    }
                    i += length
                } else {
                    i += 1
                }
                continue
            }
            flush(i)
            out.append(UInt8(ascii: "\\"))
            switch b {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): out.append(b)
            case 0x0A: out.append(UInt8(ascii: "n"))
            case 0x0D: out.append(UInt8(ascii: "r"))
            case 0x09: out.append(UInt8(ascii: "t"))
            default:
                out.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(b >> 4)], hex[Int(b & 0xF)]])
            }
            i += 1
            run = i
        }
        flush(n)
        out.append(UInt8(ascii: "\""))
        return true
    }

    /// Decimal digits of `i`, as `String(i)` writes them.
    package static func writeInt(_ i: Int, into out: inout [UInt8]) {
        if i < 0 { out.append(UInt8(ascii: "-")) }
        var m = i.magnitude
        if m < 10 { out.append(UInt8(ascii: "0") + UInt8(m)); return }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var k = 20
            while m > 0 {
                k -= 1
                digits[k] = UInt8(ascii: "0") + UInt8(m % 10)
                m /= 10
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: digits[k..<20]))
        }
    }
}

/// Builds a JSON object, skipping nil members.
package struct JSONObjectBuilder {
    /// Every stored property, as the memberwise initializer takes them.
    package init(members: [(String, JSONValue)] = []) { self.members = members }
    package var members: [(String, JSONValue)] = []
    package mutating func add(_ key: String, _ value: JSONValue?) { if let value { members.append((key, value)) } }
    package mutating func add(_ key: String, _ value: String?) { if let value { members.append((key, .string(value))) } }
    package mutating func add(_ key: String, _ value: Decimal?) { if let value { members.append((key, .decimal(value))) } }
    package mutating func add(_ key: String, _ value: Int?) { if let value { members.append((key, .int(value))) } }
    package var value: JSONValue { .object(members) }
}
