import Foundation
import XCTest
@testable import TradeFacts
import TradeFactsEval

/// `extract` and `check` write their JSON with ``JSONWriter`` straight to bytes; everything else
/// builds a ``JSONValue``. Both come from the same `write(to:)` code, and these tests hold the bytes
/// equal so the two can never drift.
final class JSONWriterTests: XCTestCase {
    /// Every Corpus document, every rule example and every check example, with latent mentions kept
    /// (so `"latent": true` is covered), plus an invalid-UTF-8 document and an unreadable input.
    static func results() throws -> [DocumentResult] {
        let engine = try Engine(ruleSet: RuleSet.embedded(), keepLatent: true)
        var docs: [Document] = []
        let corpus = Fixtures.packageRoot.appendingPathComponent("Corpus")
        for name in try FileManager.default.contentsOfDirectory(atPath: corpus.path).sorted() where !name.hasSuffix(".yaml") {
            let path = corpus.appendingPathComponent(name).path
            for a in ArticleReader.articles(path: path, raw: Array(try Data(contentsOf: URL(fileURLWithPath: path)))) {
                docs.append(a.document(referenceDate: nil))
            }
        }
        for rule in engine.ruleSet.rules {
            for (i, e) in rule.examples.enumerated() { docs.append(Document(id: "\(rule.id)#\(i)", text: e.text, referenceDate: e.referenceDate)) }
        }
        for check in CheckCatalogue.all {
            let d = check.description
            for (i, e) in (d.triggering + d.nonTriggering).enumerated() {
                docs.append(Document(id: "\(d.id)#\(i)", text: e.text.replacingOccurrences(of: "↓", with: ""), referenceDate: e.referenceDate))
            }
        }
        var bad = Array("Exports rose 5% to \"$3 million\"\tin the first half of 2025.\u{2028} ".utf8)
        bad += [0xFF, 0xE2, 0x80] + Array(" Imports: 7,000 types of goods from 12 countries, since 2004.".utf8)
        docs.append(Document(id: "bad\u{1}\"id\"", bytes: bad))
        var results = docs.map { engine.process($0) }
        var unreadable = Article(id: "missing.txt", bytes: [])
        unreadable.error = "missing.txt: no such file"
        results.append(engine.process(unreadable))
        return results
    }

    func testWriterMatchesTheValueTreeForEveryDocument() throws {
        let results = try Self.results()
        XCTAssertGreaterThan(results.count, 100)
        XCTAssertTrue(results.contains { !$0.findings.isEmpty }, "some finding is written")
        XCTAssertTrue(results.contains { !$0.records.isEmpty }, "some record is written")
        for pretty in [false, true] {
            var w = JSONWriter(pretty: pretty)
            for r in results {
                w.reset()
                r.writeJSON(to: &w)
                XCTAssertEqual(w.text, r.json().serialized(pretty: pretty), "\(r.documentID) pretty: \(pretty)")
                w.reset()
                r.writeFindingsJSON(to: &w)
                XCTAssertEqual(w.text, r.findingsJSON().serialized(pretty: pretty), "\(r.documentID) findings, pretty: \(pretty)")
            }
            // With the thread's reused buffer and decimal cache (twice: cold, then warm).
            for _ in 0..<2 {
                for r in results {
                    XCTAssertEqual(JSONWriter.text(pretty: pretty) { r.writeJSON(to: &$0) }, r.json().serialized(pretty: pretty))
                }
            }
            // Several values in one array, as `check --format json` writes them.
            w.reset()
            w.beginArray()
            for r in results { r.writeFindingsJSON(to: &w) }
            w.endArray()
            XCTAssertEqual(w.text, JSONValue.array(results.map { $0.findingsJSON() }).serialized(pretty: pretty))
        }
    }

    func testScalarsAndNesting() {
        let tree: JSONValue = .object([
            ("a", .array([])), ("b", .object([])),
            ("c", .array([.int(Int.min), .int(Int.max), .int(0), .int(-7), .int(10), .null, .bool(false)])),
            ("d", .decimal(Decimal(string: "-0.0125")!)),
            ("e", .object([("x", .array([.object([]), .array([.string("")])]))])),
        ])
        for pretty in [false, true] {
            var v = JSONWriter(pretty: pretty)
            v.object { o in
                o.array("a", [Int]()) { _, _ in }
                o.object("b") { _ in }
                o.key("c"); o.beginArray()
                for i in [Int.min, Int.max, 0, -7, 10] { o.int(i) }
                o.null(); o.bool(false)
                o.endArray()
                o.add("d", Decimal(string: "-0.0125")!)
                o.key("e"); o.value(.object([("x", .array([.object([]), .array([.string("")])]))]))
            }
            XCTAssertEqual(v.text, tree.serialized(pretty: pretty))
        }
    }

    /// Decimals written through the thread's cache read as `Numbers.string` writes them, the first
    /// time and the second.
    func testDecimalsThroughTheCache() {
        var decimals: [Decimal] = [Decimal(string: "1.5")!, Decimal(sign: .minus, exponent: -3, significand: 1500),
                                   Decimal(sign: .plus, exponent: 3, significand: 15), Decimal(string: "0.000000000001234567")!,
                                   Decimal(1) / Decimal(3), Decimal(0), Decimal(string: "-0")!, Decimal(string: "22130000")!]
        decimals += decimals
        let expected = "[" + decimals.map { Numbers.string($0) }.joined(separator: ",") + "]"
        XCTAssertEqual(expected, "[1.5,-1.5,15000,0,0.3333333333,0,0,22130000,1.5,-1.5,15000,0,0.3333333333,0,0,22130000]")
        for _ in 0..<2 {
            XCTAssertEqual(JSONWriter.text { w in
                w.beginArray()
                for d in decimals { w.decimal(d) }
                w.endArray()
            }, expected)
        }
    }

    func testStringEscapes() {
        let s = "q\"b\\s/ \n\r\t\u{0}\u{1F}\u{7F} é € 😀 \u{2028}\u{2029} \u{2027}"
        var out: [UInt8] = []
        JSONValue.writeString(s, into: &out)
        XCTAssertEqual(String(decoding: out, as: UTF8.self),
                       "\"q\\\"b\\\\s/ \\n\\r\\t\\u0000\\u001f\u{7F} é € 😀 \\u2028\\u2029 \u{2027}\"")
        // Each character that needs an escape, at every position of the word-at-a-time scan, reads
        // back as written; and the escapes are exactly the short ones or \u00XX.
        for special in ["\"", "\\", "\n", "\u{1}", "\u{1F}", "é", "\u{2028}", " "] {
            for at in 0..<17 {
                let s = String(repeating: "a", count: at) + special + String(repeating: "z", count: 17 - at)
                var out: [UInt8] = []
                JSONValue.writeString(s, into: &out)
                XCTAssertFalse(out.contains { $0 < 0x20 }, s)
                let back = try? JSONSerialization.jsonObject(with: Data(out), options: .fragmentsAllowed) as? String
                XCTAssertEqual(back, s)
                XCTAssertEqual(out.count, s.utf8.count + 2 + (["\"", "\\", "\n"].contains(special) ? 1 : ["\u{1}", "\u{1F}"].contains(special) ? 5 : special == "\u{2028}" ? 3 : 0), s)
            }
        }
        // Invalid UTF-8 in a span is written as String(decoding:) repairs it.
        for bytes: [UInt8] in [[0x41, 0xFF, 0x42], [0xE2, 0x80], [0xE2, 0x80, 0xA8, 0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x22, 0xF0, 0x9F, 0x98]] {
            var w = JSONWriter()
            w.string(utf8: bytes[...])
            var expected: [UInt8] = []
            JSONValue.writeString(String(decoding: bytes, as: UTF8.self), into: &expected)
            XCTAssertEqual(w.bytes, expected, "\(bytes)")
        }
    }
}
