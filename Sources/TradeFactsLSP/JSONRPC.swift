import Foundation
import TradeFacts

/// JSON-RPC 2.0 as LSP uses it: parsing a message body into a ``JSONValue``, the error codes, and
/// the response and notification bodies the server sends.
public enum JSONRPC {
    /// The error codes of JSON-RPC 2.0 and LSP 3.17 the server answers with.
    public enum ErrorCode: Int, Sendable {
        /// The body is not JSON.
        case parseError = -32700
        /// The JSON is not a request object (not an object, no method, a second `initialize`, …).
        case invalidRequest = -32600
        /// No such request method.
        case methodNotFound = -32601
        /// The parameters miss a field the method needs, or have the wrong type.
        case invalidParams = -32602
        /// Something failed inside the server.
        case internalError = -32603
        /// A request other than `initialize` before `initialize`.
        case serverNotInitialized = -32002
    }

    /// How deep arrays and objects may nest in a message; deeper is a parse error (a parser
    /// recursing without end would exhaust the stack).
    public static let maxDepth = 256

    /// The message body as a JSON value, or why it is not JSON.
    public static func parse(_ body: [UInt8]) -> Result<JSONValue, ParseFailure> {
        if let tooDeep = nestingBeyond(maxDepth, body) {
            return .failure(ParseFailure(message: "arrays or objects nested deeper than \(maxDepth) levels (at byte \(tooDeep))"))
        }
        // A U+FEFF that starts a string value is dropped by Foundation's parser; escaped it is kept
        // (the text of a document may start with one, and every offset after it counts it).
        let bytes = ArticleReader.escapingInnerBOMs(body[...])
        var object = try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
        // A lone surrogate escape ("\ud800", which an editor's JavaScript string may hold) makes
        // Foundation refuse the whole message; as U+FFFD, one UTF-16 unit too, positions stay right.
        if object == nil, let repaired = replacingLoneSurrogates(bytes) {
            object = try? JSONSerialization.jsonObject(with: Data(repaired), options: [.fragmentsAllowed])
        }
        guard let object else { return .failure(ParseFailure(message: "not valid JSON")) }
        guard let value = jsonValue(object) else { return .failure(ParseFailure(message: "a value that is not JSON")) }
        return .success(value)
    }

    /// `body` with each `\uXXXX` escape of a surrogate that is not half of a pair replaced by
    /// `\ufffd`; nil when there is none.
    static func replacingLoneSurrogates(_ body: [UInt8]) -> [UInt8]? {
        func unit(at i: Int) -> UInt16? {
            guard i + 6 <= body.count, body[i] == 0x5C, body[i + 1] == 0x75 else { return nil }
            return UInt16(String(decoding: body[(i + 2)..<(i + 6)], as: UTF8.self), radix: 16)
        }
        var out = body, changed = false
        var i = 0, inString = false
        while i < body.count {
            let b = body[i]
            if !inString { if b == 0x22 { inString = true }; i += 1; continue }
            if b == 0x22 { inString = false; i += 1; continue }
            guard b == 0x5C else { i += 1; continue }
            guard let u = unit(at: i) else { i += 2; continue }
            if (0xD800...0xDBFF).contains(u), let low = unit(at: i + 6), (0xDC00...0xDFFF).contains(low) { i += 12; continue }
            if (0xD800...0xDFFF).contains(u) {
                out.replaceSubrange(i..<(i + 6), with: Array("\\ufffd".utf8))
                changed = true
            }
            i += 6
        }
        return changed ? out : nil
    }

    /// Why a body is not JSON.
    public struct ParseFailure: Error, Sendable {
        /// What was wrong, for the error response.
        public let message: String
    }

    /// The offset of the first bracket that opens a level deeper than `limit`, outside strings.
    static func nestingBeyond(_ limit: Int, _ body: [UInt8]) -> Int? {
        var depth = 0, inString = false, escaped = false
        for (i, b) in body.enumerated() {
            if inString {
                if escaped { escaped = false } else if b == 0x5C { escaped = true } else if b == 0x22 { inString = false }
                continue
            }
            switch b {
            case 0x22: inString = true
            case 0x5B, 0x7B:
                depth += 1
                if depth > limit { return i }
            case 0x5D, 0x7D: depth -= 1
            default: break
            }
        }
        return nil
    }

    /// A Foundation JSON object as a ``JSONValue``: true and false are told from numbers by their
    /// NSNumber type code, on Linux as on Darwin.
    static func jsonValue(_ any: Any) -> JSONValue? {
        switch any {
        case is NSNull: return .null
        case let s as String: return .string(s)
        case let n as NSNumber:
            let type = String(cString: n.objCType)
            if type == "c" || type == "B" { return .bool(n.boolValue) }
            if ["d", "f"].contains(type) {
                let d = n.doubleValue
                if d.isFinite, d == d.rounded(), abs(d) < 9e15 { return .int(Int(d)) }
                return .decimal(n.decimalValue)
            }
            return .int(n.intValue)
        case let a as [Any]:
            var items: [JSONValue] = []
            for item in a { guard let v = jsonValue(item) else { return nil }; items.append(v) }
            return .array(items)
        case let o as [String: Any]:
            var members: [(String, JSONValue)] = []
            for (k, item) in o.sorted(by: { $0.key < $1.key }) { guard let v = jsonValue(item) else { return nil }; members.append((k, v)) }
            return .object(members)
        default: return nil
        }
    }

    /// The body of a successful response to request `id`.
    public static func response(id: JSONValue, result: JSONValue) -> [UInt8] {
        Array(JSONValue.object([("jsonrpc", .string("2.0")), ("id", id), ("result", result)]).serialized().utf8)
    }

    /// The body of an error response to request `id` (`null` when the request's id is unknown).
    public static func errorResponse(id: JSONValue, code: ErrorCode, message: String) -> [UInt8] {
        let error = JSONValue.object([("code", .int(code.rawValue)), ("message", .string(message))])
        return Array(JSONValue.object([("jsonrpc", .string("2.0")), ("id", id), ("error", error)]).serialized().utf8)
    }

    /// The body of a notification.
    public static func notification(method: String, params: JSONValue) -> [UInt8] {
        Array(JSONValue.object([("jsonrpc", .string("2.0")), ("method", .string(method)), ("params", params)]).serialized().utf8)
    }
}

/// Typed reading of the parts of a message.
extension JSONValue {
    /// The string, when this is one.
    var stringValue: String? { if case let .string(s) = self { return s }; return nil }
    /// The integer, when this is one (a whole decimal counts).
    var intValue: Int? {
        switch self {
        case let .int(i): return i
        case let .decimal(d): return Int(exactly: NSDecimalNumber(decimal: d).doubleValue)
        default: return nil
        }
    }
    /// The items, when this is an array.
    var arrayValue: [JSONValue]? { if case let .array(a) = self { return a }; return nil }
    /// Whether this is an object.
    var isObject: Bool { if case .object = self { return true }; return false }
    /// The value at a path of keys (`at("a", "b")` is `self["a"]?["b"]`).
    func at(_ path: String...) -> JSONValue? {
        var v: JSONValue? = self
        for k in path { v = v?[k] }
        return v
    }
}
