import XCTest
@testable import TradeFacts
import TradeFactsEval

/// Bad input never crashes and never silently loses data.
final class RobustnessTests: XCTestCase {
    func testEmptyInput() {
        let r = Fixtures.engine.process(Document(id: "empty", bytes: []))
        XCTAssertNil(r.error)
        XCTAssertEqual(r.mentions.count, 0)
        XCTAssertNil(r.extraction?.referenceDate)
        XCTAssertEqual(r.json()["document"]?.scalarText, "empty")
    }

    func testInvalidUTF8IsReportedAndValidPartsStillRead() throws {
        var bytes = Array("Exports rose 5% to $3 million ".utf8)
        bytes += [0xFF, 0xC3, 0x28]
        bytes += Array(" and imports were $2 million.".utf8)
        let r = Fixtures.engine.process(Document(id: "bad", bytes: bytes, referenceDate: CalendarDate(iso: "2025-01-01")))
        XCTAssertEqual(r.mentions.filter { $0.type == .money }.map(\.text), ["$3 million", "$2 million"])
        XCTAssertTrue(r.warnings.contains { $0.contains("invalid UTF-8 at byte 30") }, "\(r.warnings)")
        // The JSON output stays valid JSON.
        let json = r.json().serialized()
        XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(json.utf8)))
    }

    func testUTF16WithBOMIsConverted() {
        let text = "Exports were $5 million."
        var raw: [UInt8] = [0xFF, 0xFE]
        for u in text.utf16 { raw += [UInt8(u & 0xFF), UInt8(u >> 8)] }
        let decoded = InputDecoder.decode(raw)
        XCTAssertNotNil(decoded.note)
        XCTAssertEqual(String(decoding: decoded.bytes, as: UTF8.self), text)
    }

    func testNULBytesAndBinaryJunk() {
        var bytes: [UInt8] = Array("Up 5% \u{0}\u{0} to $1 billion".utf8)
        bytes += (0..<2000).map { UInt8(truncatingIfNeeded: $0 &* 37) }
        let r = Fixtures.engine.process(Document(id: "junk", bytes: bytes))
        XCTAssertTrue(r.mentions.contains { $0.text == "$1 billion" })
    }

    func testSpansLieInsideTheDocumentAndMatchTheirText() {
        let text = "Le commerce — exports of €1.2bn rose 4% in the first half of 2024, compared to 2023. 日本 imports $5m."
        let r = Fixtures.process(text, date: "2025-01-01")
        let bytes = Array(text.utf8)
        XCTAssertFalse(r.mentions.isEmpty)
        for m in r.mentions {
            XCTAssertTrue(m.span.start >= 0 && m.span.end <= bytes.count && m.span.start < m.span.end)
            XCTAssertEqual(String(decoding: bytes[m.span.start..<m.span.end], as: UTF8.self), m.text)
        }
    }

    func testJSONEscaping() {
        let v = JSONValue.object([("a\"b", .string("line\nbreak\u{1}\\"))])
        XCTAssertEqual(v.serialized(), #"{"a\"b":"line\nbreak\u0001\\"}"#)
    }
}
