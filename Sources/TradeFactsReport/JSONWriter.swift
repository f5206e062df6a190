import Foundation
#if canImport(Glibc)
import Glibc
import TradeFactsText
import TradeFactsExtract
#endif

/// Receives JSON as a stream of events: keys, scalars and the bounds of objects and arrays.
///
/// The output code (documents, mentions, records, findings) is written once against this protocol.
/// ``JSONWriter`` turns the events straight into bytes (the batch hot path); ``JSONTreeBuilder``
/// turns them into a ``JSONValue`` (for tests, evaluation and reports that inspect values).
/// Both therefore see the same members in the same order, and serialize to the same bytes.
package protocol JSONSink {
    /// The key of the next object member. Keys are plain ASCII written as they are (no escaping).
    mutating func key(_ key: StaticString)
    mutating func beginObject()
    mutating func endObject()
    mutating func beginArray()
    mutating func endArray()
    mutating func string(_ s: String)
    /// A string holding `bytes` decoded as UTF-8, invalid sequences replaced by U+FFFD.
    mutating func string(utf8 bytes: ArraySlice<UInt8>)
    mutating func int(_ i: Int)
    mutating func decimal(_ d: Decimal)
    mutating func bool(_ b: Bool)
    mutating func null()
    /// A whole value built elsewhere.
    mutating func value(_ v: JSONValue)
}

extension JSONSink {
    /// Object members that are skipped when the value is nil.
    package mutating func add(_ k: StaticString, _ v: String?) { if let v { key(k); string(v) } }
    package mutating func add(_ k: StaticString, _ v: Int?) { if let v { key(k); int(v) } }
    package mutating func add(_ k: StaticString, _ v: Decimal?) { if let v { key(k); decimal(v) } }
    package mutating func add(_ k: StaticString, _ v: Bool) { key(k); bool(v) }
    package mutating func add(_ k: StaticString, _ v: JSONValue) { key(k); value(v) }
    /// A member whose value is the text of `span` in `document` (see ``Document/text(_:)``).
    package mutating func add(_ k: StaticString, textOf span: Span, in document: Document) {
        key(k)
        let b = document.bytes
        let s = max(0, min(span.start, b.count)), e = max(s, min(span.end, b.count))
        string(utf8: b[s..<e])
    }

    /// An object whose members `body` writes.
    package mutating func object(_ body: (inout Self) -> Void) { beginObject(); body(&self); endObject() }
    /// An object member.
    package mutating func object(_ k: StaticString, _ body: (inout Self) -> Void) { key(k); object(body) }
    /// An array member with one element per item, written by `each`.
    package mutating func array<C: Sequence>(_ k: StaticString, _ items: C, _ each: (inout Self, C.Element) -> Void) {
        key(k)
        beginArray()
        for item in items { each(&self, item) }
        endArray()
    }
}

/// Writes JSON straight into a byte buffer, compact or pretty-printed with two-space indentation,
/// byte for byte as ``JSONValue/serialized(pretty:)`` would write the same value.
///
/// Keep one writer and call ``reset()`` between documents to reuse its buffer, or use
/// ``text(pretty:_:)``, which reuses a buffer per thread.
package struct JSONWriter: JSONSink {
    /// The UTF-8 output so far.
    package private(set) var bytes: [UInt8] = []
    package let pretty: Bool
    /// Levels of indentation added to every line after the first (pretty-printed), for a value
    /// that will stand inside an array written elsewhere.
    package let indent: Int
    /// The thread's decimals already written, when writing for ``text(pretty:_:)``.
    private var scratch: JSONWriterScratch? = nil
    /// Open containers.
    private var depth = 0
    /// No element written yet in the innermost open container.
    private var empty = true
    /// A key was just written: the next value is its member, not a new element.
    private var keyed = false

    package init(pretty: Bool = false, indent: Int = 0, capacity: Int = 4096) {
        self.pretty = pretty
        self.indent = indent
        bytes.reserveCapacity(capacity)
    }

    /// The text `body` writes, written into a buffer that the calling thread reuses from one call
    /// to the next (the batch path: one call per document on each worker thread).
    package static func text(pretty: Bool = false, indent: Int = 0, _ body: (inout JSONWriter) -> Void) -> String {
        let scratch = JSONWriterScratch.current
        var w = JSONWriter(pretty: pretty, indent: indent, capacity: 0)
        swap(&w.bytes, &scratch.buffer)
        w.scratch = scratch
        body(&w)
        let text = w.text
        // A buffer grown by one huge document is let go, not kept by the thread for the rest of the run.
        if w.bytes.capacity > 4 << 20 { w.bytes = [] } else { w.bytes.removeAll(keepingCapacity: true) }
        swap(&w.bytes, &scratch.buffer)
        return text
    }

    /// Empties the buffer (keeping its storage) to write another value.
    package mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
        depth = 0; empty = true; keyed = false
    }

    /// Appends raw bytes (a line break between values, say).
    package mutating func raw(_ s: StaticString) { s.withUTF8Buffer { bytes.append(contentsOf: $0) } }

    /// The output as a String.
    package var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Before a value or key: the separator and, pretty-printed, the line break and indentation.
    @inline(__always) private mutating func element() {
        if keyed { keyed = false; return }
        guard depth > 0 else { return }
        if !empty { bytes.append(UInt8(ascii: ",")) }
        empty = false
        if pretty { newline(depth) }
    }

    private mutating func newline(_ level: Int) {
        bytes.append(0x0A)
        for _ in 0..<(level + indent) { bytes.append(0x20); bytes.append(0x20) }
    }

    package mutating func key(_ key: StaticString) {
        element()
        bytes.append(UInt8(ascii: "\""))
        key.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        if pretty { bytes.append(0x20) }
        keyed = true
    }

    private mutating func open(_ c: UInt8) {
        element()
        bytes.append(c)
        depth += 1
        empty = true
    }

    private mutating func close(_ c: UInt8) {
        depth -= 1
        if !empty && pretty { newline(depth) }
        bytes.append(c)
        empty = false
    }

    package mutating func beginObject() { open(UInt8(ascii: "{")) }
    package mutating func endObject() { close(UInt8(ascii: "}")) }
    package mutating func beginArray() { open(UInt8(ascii: "[")) }
    package mutating func endArray() { close(UInt8(ascii: "]")) }

    package mutating func string(_ s: String) {
        element()
        JSONValue.writeString(s, into: &bytes)
    }

    package mutating func string(utf8 slice: ArraySlice<UInt8>) {
        element()
        let written = slice.withUnsafeBufferPointer { JSONValue.writeValidUTF8($0, into: &bytes) }
        if !written { JSONValue.writeString(String(decoding: slice, as: UTF8.self), into: &bytes) }
    }

    package mutating func int(_ i: Int) {
        element()
        JSONValue.writeInt(i, into: &bytes)
    }

    package mutating func decimal(_ d: Decimal) {
        element()
        if let scratch { scratch.writeDecimal(d, into: &bytes) } else { bytes.append(contentsOf: Numbers.string(d).utf8) }
    }

    package mutating func bool(_ b: Bool) {
        element()
        if b { raw("true") } else { raw("false") }
    }

    package mutating func null() {
        element()
        raw("null")
    }

    package mutating func value(_ v: JSONValue) {
        element()
        v.write(into: &bytes, pretty: pretty, indent: depth + indent)
    }
}

/// What a thread's ``JSONWriter/text(pretty:_:)`` calls reuse: the output buffer, and the text of
/// decimals already written (`Numbers.string` divides the mantissa by ten per digit; the same
/// figures recur across documents).
final class JSONWriterScratch {
    package var buffer: [UInt8] = []
    /// Keyed by the decimal's bytes, not by its value: 1.5 and 1.50 are equal but print differently,
    /// while equal bytes are the same mantissa, exponent and sign, so the same text.
    private var decimals: [DecimalBits: [UInt8]] = [:]

    struct DecimalBits: Hashable {
        package var a: UInt64 = 0, b: UInt64 = 0, c: UInt64 = 0
        /// Nil when a Decimal does not fit in 24 bytes (then nothing is cached).
        package init?(_ d: Decimal) {
            guard MemoryLayout<Decimal>.size <= MemoryLayout<DecimalBits>.size else { return nil }
            withUnsafeBytes(of: d) { src in withUnsafeMutableBytes(of: &self) { $0.copyMemory(from: src) } }
        }
    }

    package init() { buffer.reserveCapacity(1 << 14) }

    func writeDecimal(_ d: Decimal, into out: inout [UInt8]) {
        guard let key = DecimalBits(d) else { out.append(contentsOf: Numbers.string(d).utf8); return }
        if let text = decimals[key] { out.append(contentsOf: text); return }
        let text = Array(Numbers.string(d).utf8)
        if decimals.count >= 1 << 16 { decimals.removeAll(keepingCapacity: true) }
        decimals[key] = text
        out.append(contentsOf: text)
    }

    private static let threadKey: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { p in if let p { Unmanaged<JSONWriterScratch>.fromOpaque(p).release() } }
        return key
    }()

    /// The calling thread's scratch, created on first use.
    package static var current: JSONWriterScratch {
        if let p = pthread_getspecific(threadKey) { return Unmanaged<JSONWriterScratch>.fromOpaque(p).takeUnretainedValue() }
        let s = JSONWriterScratch()
        pthread_setspecific(threadKey, Unmanaged.passRetained(s).toOpaque())
        return s
    }
}

/// Builds a ``JSONValue`` from ``JSONSink`` events.
struct JSONTreeBuilder: JSONSink {
    /// Every stored property, as the memberwise initializer takes them.
    package init(result: JSONValue = .null) { self.result = result }
    /// An open container and the key it will be stored under in its parent.
    private struct Frame {
        var key: String?
        var isObject: Bool
        var members: [(String, JSONValue)] = []
        var items: [JSONValue] = []
    }
    private var frames: [Frame] = []
    private var pendingKey: String?
    /// The finished value.
    package private(set) var result: JSONValue = .null

    /// The value written by `body`.
    package static func build(_ body: (inout JSONTreeBuilder) -> Void) -> JSONValue {
        var b = JSONTreeBuilder()
        body(&b)
        return b.result
    }

    private mutating func put(_ v: JSONValue) {
        let k = pendingKey
        pendingKey = nil
        guard !frames.isEmpty else { result = v; return }
        if frames[frames.count - 1].isObject { frames[frames.count - 1].members.append((k ?? "", v)) }
        else { frames[frames.count - 1].items.append(v) }
    }

    package mutating func key(_ key: StaticString) { pendingKey = key.description }
    mutating func beginObject() { frames.append(Frame(key: pendingKey, isObject: true)); pendingKey = nil }
    package mutating func beginArray() { frames.append(Frame(key: pendingKey, isObject: false)); pendingKey = nil }
    mutating func endObject() { let f = frames.removeLast(); pendingKey = f.key; put(.object(f.members)) }
    package mutating func endArray() { let f = frames.removeLast(); pendingKey = f.key; put(.array(f.items)) }
    package mutating func string(_ s: String) { put(.string(s)) }
    package mutating func string(utf8 bytes: ArraySlice<UInt8>) { put(.string(String(decoding: bytes, as: UTF8.self))) }
    package mutating func int(_ i: Int) { put(.int(i)) }
    package mutating func decimal(_ d: Decimal) { put(.decimal(d)) }
    package mutating func bool(_ b: Bool) { put(.bool(b)) }
    package mutating func null() { put(.null) }
    package mutating func value(_ v: JSONValue) { put(v) }
}
