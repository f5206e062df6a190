import Foundation
import XCTest
@testable import TradeFacts
import TradeFactsEval

/// The byte-level JSON Lines parser answers exactly as Foundation's `JSONSerialization` (the
/// reference, and its fallback) wherever it answers, and leaves everything unusual to it.
final class JSONLineParserTests: XCTestCase {
    func fast(_ line: [UInt8]) -> JSONLineRecord? {
        var parser = JSONLineParser()
        return line.withUnsafeBufferPointer { parser.parse($0) }
    }

    func fast(_ line: String) -> JSONLineRecord? { fast(Array(line.utf8)) }

    /// Asserts the fast parser reads `line` (when `handled`) or leaves it to Foundation, and that
    /// where it answers it agrees with Foundation.
    func assertAgrees(_ line: [UInt8], handled: Bool, file: StaticString = #filePath, line number: UInt = #line) {
        let mine = fast(line)
        XCTAssertEqual(mine != nil, handled, "handled: \(String(decoding: line, as: UTF8.self))", file: file, line: number)
        if let mine {
            XCTAssertEqual(mine, ArticleReader.foundationRecord(line[...]), String(decoding: line, as: UTF8.self), file: file, line: number)
        }
    }

    func assertAgrees(_ line: String, handled: Bool, file: StaticString = #filePath, line number: UInt = #line) {
        assertAgrees(Array(line.utf8), handled: handled, file: file, line: number)
    }

    func testCommonRecordShapes() {
        let r = fast(#"{"id": "reuters-1", "date": "1987-02-26", "title": "Cocoa", "text": "BAHIA\nShowers \"wet\" \u00e9t\u00E9 \ud83d\ude00 \/ \\ \b\f\r\t"}"#)
        XCTAssertEqual(r?.id, "reuters-1")
        XCTAssertEqual(r?.date, .string("1987-02-26"))
        XCTAssertEqual(r?.title, "Cocoa")
        XCTAssertEqual(r?.text, Array("BAHIA\nShowers \"wet\" été 😀 / \\ \u{8}\u{C}\r\t".utf8))
        for line in [
            #"{"id": "a", "text": "plain"}"#,
            #"  {"text":"x","id":"b"}  "# + "\r",
            #"{"text": "x", "date": null, "title": null}"#,
            #"{"text": "x", "date": 20250101}"#,
            #"{"text": "x", "title": 7, "n": -0.5, "m": 0, "k": 123456789012345, "t": true, "f": false}"#,
            #"{"text": "naïve — 北京 😀", "title": "Ünïcödé"}"#,
            #"{"text": "\u2028\u2029\uFEFF\ufeffx"}"#,
            #"{"text": 5}"#,
            #"{"id": "only"}"#,
            #"{}"#,
            #"{"text": ""}"#,
            #"{"text": "x", "date": "not a date"}"#,
            #"{"text": "x", "date": "2025-13-45T00:00:00Z"}"#,
            #"{"text": "x", "clé": "v"}"#,
            "{\"text\": \"\u{FEFF}starts with a BOM\", \"title\": \"\u{FEFF}\"}",
            "{\"text\": \"a\u{7F}b\u{FFFF}c\"}",
        ] {
            assertAgrees(line, handled: true)
        }
    }

    func testUnusualRecordsAreLeftToFoundation() {
        for line in [
            #"{"id": 17, "text": "numeric id"}"#,
            #"{"id": null, "text": "null id"}"#,
            #"{"id": "a", "text": "x", "meta": {"k": 1}}"#,
            #"{"id": "a", "text": "x", "tags": ["a"]}"#,
            #"{"text": "x", "n": 1e5}"#,
            #"{"text": "x", "n": 1.5E+3}"#,
            #"{"text": "x", "n": 0123}"#,
            #"{"text": "x", "n": 1234567890123456}"#,
            #"{"text": "x", "n": -}"#,
            #"{"text": "x", "n": 1.}"#,
            #"{"text": "x", "text": "y"}"#,
            #"{"a": 1, "a": 2, "text": "y"}"#,
            #"{"te\u0078t": "escaped key"}"#,
            #"{"text": "lone \ud83d surrogate"}"#,
            #"{"text": "lone \ude00 low"}"#,
            #"{"text": "\ud83d\u0041 bad pair"}"#,
            #"{"text": "nul \u0000 char"}"#,
            #"{"text": "bad \x escape"}"#,
            #"{"text": "bad \u12G4 escape"}"#,
            "{\"text\": \"raw\ttab\"}",
            #"{"text": "unterminated}"#,
            #"{"text": "x",}"#,
            #"{"text": "x"} trailing"#,
            #"{"text": "x"}{"#,
            #"["text"]"#,
            #""text""#,
            #"{"text": "x" "id": "y"}"#,
            #"{"text": "x", "t": tru}"#,
            #"{"text": "x", "t": nul}"#,
            #"{text: "x"}"#,
            "\u{FEFF}{\"text\": \"leading BOM\"}",
            "{\"text\": \"x\"}\u{FEFF}",
        ] {
            assertAgrees(line, handled: false)
        }
        // Invalid UTF-8 inside a string or a key.
        assertAgrees(Array(#"{"text": "a"#.utf8) + [0xFF] + Array(#""}"#.utf8), handled: false)
        assertAgrees(Array(#"{"text": "a"#.utf8) + [0xED, 0xA0, 0x80] + Array(#""}"#.utf8), handled: false)
        assertAgrees(Array(#"{"t"#.utf8) + [0xC0, 0xAF] + Array(#"": 1, "text": "a"}"#.utf8), handled: false)
    }

    /// Random strings of awkward characters, raw and escaped, agree with Foundation.
    func testRandomStringsAgreeWithFoundation() {
        var rng = SplitMix64(seed: 2026)
        let shortEscapes = ["\"": "\\\"", "\\": "\\\\", "\n": "\\n", "\t": "\\t", "/": "\\/"]
        let pool: [String] = ["a", " ", "\"", "\\", "/", "\n", "\t", "é", "€", "😀", "北", "\u{2028}", "\u{FEFF}", "\u{7F}", "\u{FFFD}", "\u{10FFFF}"]
        for _ in 0..<500 {
            var raw = ""
            var json = ""
            for _ in 0..<Int(rng.next() % 12) {
                let s = pool[Int(rng.next() % UInt64(pool.count))]
                raw += s
                let scalar = s.unicodeScalars.first!.value
                switch rng.next() % 3 {
                case 0 where s != "\"" && s != "\\" && s != "\n" && s != "\t":
                    json += s
                case 1:
                    for unit in s.utf16 { json += String(format: rng.next() % 2 == 0 ? "\\u%04x" : "\\u%04X", unit) }
                default:
                    json += shortEscapes[s] ?? (scalar < 0x10000 ? String(format: "\\u%04x", scalar) : s)
                }
            }
            let line = #"{"id": "r", "text": ""# + json + #"", "title": ""# + json + #""}"#
            assertAgrees(line, handled: true)
            XCTAssertEqual(fast(line)?.text, Array(raw.utf8), line)
        }
    }

    /// Whole files read the same whichever parser reads each line, errors included.
    func testArticlesFromMixedLines() {
        let lines = [
            #"{"id": "a", "date": "2025-03-01", "title": "T", "text": "Exports rose 5%."}"#,
            #"{"id": 9, "text": "numeric id, read by Foundation"}"#,
            #"{"id": "b", "text": 3}"#,
            #"{"id": "c", "date": "tomorrow", "text": "x"}"#,
            #"{"id": "d", "date": null, "text": "x"}"#,
            "not json",
            "   ",
            #"{"id": "e", "text": "last"}"#,
        ]
        let articles = ArticleReader.articles(path: "m.jsonl", raw: Array(lines.joined(separator: "\n").utf8))
        XCTAssertEqual(articles.map(\.id), ["a", "9", "b", "c", "d", "m.jsonl:6", "e"])
        XCTAssertEqual(articles.map { $0.origin?.line }, [1, 2, 3, 4, 5, 6, 8])
        XCTAssertEqual(articles[0].referenceDate, CalendarDate(iso: "2025-03-01"))
        XCTAssertEqual(articles[0].headline, "T")
        XCTAssertEqual(articles[1].bytes, Array("numeric id, read by Foundation".utf8))
        XCTAssertEqual(articles[2].error, #"m.jsonl:3: record b has no string field "text""#)
        XCTAssertEqual(articles[3].error, #"m.jsonl:4: record c has a "date" that is not YYYY-MM-DD"#)
        XCTAssertEqual(articles[4].error, #"m.jsonl:5: record d has a "date" that is not YYYY-MM-DD"#)
        XCTAssertEqual(articles[5].error, "m.jsonl:6: not a JSON object (invalid JSON Lines record)")
        XCTAssertNil(articles[6].error)
    }
}
