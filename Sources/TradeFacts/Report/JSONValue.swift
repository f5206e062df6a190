import Foundation

/// A JSON value with ordered object keys, written deterministically (byte-identical across runs).
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    /// A decimal number, written without exponent or binary rounding ("22130000", "87.4").
    case decimal(Decimal)
    case string(String)
    case array([JSONValue])
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
        case let .decimal(d): return Numbers.string(d)
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
    func write(into out: inout [UInt8], pretty: Bool, indent: Int) {
        func append(_ s: StaticString) { s.withUTF8Buffer { out.append(contentsOf: $0) } }
        func newline(_ level: Int) {
            out.append(0x0A)
            for _ in 0..<level { out.append(0x20); out.append(0x20) }
        }
        switch self {
        case .null: append("null")
        case let .bool(b): if b { append("true") } else { append("false") }
        case let .int(i): out.append(contentsOf: String(i).utf8)
        case let .decimal(d): out.append(contentsOf: Numbers.string(d).utf8)
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

    static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// A JSON string: quotes, backslashes and control characters escaped (and U+2028/2029, which
    /// break JavaScript), everything else copied as UTF-8.
    static func writeString(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var utf8 = s.utf8.makeIterator()
        var pending: [UInt8] = []
        while let b = utf8.next() {
            switch b {
            case UInt8(ascii: "\""): out.append(UInt8(ascii: "\\")); out.append(b)
            case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\")); out.append(b)
            case 0x0A: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "n"))
            case 0x0D: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "r"))
            case 0x09: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "t"))
            case 0..<0x20:
                out.append(contentsOf: Array("\\u00".utf8)); out.append(hex[Int(b >> 4)]); out.append(hex[Int(b & 0xF)])
            case 0xE2:
                // U+2028 and U+2029 are E2 80 A8 / E2 80 A9.
                pending = [b]
                if let b1 = utf8.next() {
                    pending.append(b1)
                    if b1 == 0x80, let b2 = utf8.next() {
                        if b2 == 0xA8 || b2 == 0xA9 { out.append(contentsOf: Array((b2 == 0xA8 ? "\\u2028" : "\\u2029").utf8)); pending = []; continue }
                        pending.append(b2)
                    }
                }
                out.append(contentsOf: pending)
            default: out.append(b)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}

/// Builds a JSON object, skipping nil members.
struct JSONObjectBuilder {
    var members: [(String, JSONValue)] = []
    mutating func add(_ key: String, _ value: JSONValue?) { if let value { members.append((key, value)) } }
    mutating func add(_ key: String, _ value: String?) { if let value { members.append((key, .string(value))) } }
    mutating func add(_ key: String, _ value: Decimal?) { if let value { members.append((key, .decimal(value))) } }
    mutating func add(_ key: String, _ value: Int?) { if let value { members.append((key, .int(value))) } }
    var value: JSONValue { .object(members) }
}
