import XCTest
@testable import TradeFactsLSP

/// Byte offsets ↔ LSP positions: UTF-16 code units as LSP counts them (a character outside the
/// Basic Multilingual Plane counts two), lines ended by LF, CRLF or a lone CR.
final class LSPPositionTests: XCTestCase {
    /// The position of every character boundary, counted independently with Swift's own UTF-16
    /// view of each line.
    func reference(_ text: String) -> [(offset: Int, position: LSPPosition)] {
        var out: [(Int, LSPPosition)] = []
        var offset = 0, line = 0, character = 0
        var scalars = Array(text.unicodeScalars)[...]
        while let u = scalars.first {
            out.append((offset, LSPPosition(line: line, character: character)))
            scalars = scalars.dropFirst()
            offset += String(u).utf8.count
            if u == "\r", scalars.first == "\n" {
                scalars = scalars.dropFirst()
                offset += 1
                line += 1; character = 0
            } else if u == "\n" || u == "\r" {
                line += 1; character = 0
            } else {
                character += String(u).utf16.count
            }
        }
        out.append((offset, LSPPosition(line: line, character: character)))
        return out
    }

    func assertRoundTrip(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
        let map = PositionMap(Array(text.utf8))
        for (offset, position) in reference(text) {
            XCTAssertEqual(map.position(of: offset), position, "offset \(offset)", file: file, line: line)
            XCTAssertEqual(map.offset(of: position), offset, "position \(position)", file: file, line: line)
        }
    }

    /// The first `ascii` character of one-line `text` is at byte `byte` and UTF-16 `character`, both ways.
    func assertFirst(_ ascii: Unicode.Scalar, in text: String, atByte byte: Int, character: Int, line: UInt = #line) {
        let map = PositionMap(Array(text.utf8))
        XCTAssertEqual(Array(text.utf8).firstIndex(of: UInt8(ascii: ascii)), byte, line: line)
        XCTAssertEqual(map.position(of: byte), LSPPosition(line: 0, character: character), line: line)
        XCTAssertEqual(map.offset(of: LSPPosition(line: 0, character: character)), byte, line: line)
    }

    func testASCII() {
        let map = PositionMap(Array("Exports rose 9.3%.\nImports fell.".utf8))
        XCTAssertEqual(map.position(of: 13), LSPPosition(line: 0, character: 13))
        XCTAssertEqual(map.position(of: 19), LSPPosition(line: 1, character: 0))
        XCTAssertEqual(map.offset(of: LSPPosition(line: 1, character: 8)), 27)
        assertRoundTrip("Exports rose 9.3%.\nImports fell.\n")
    }

    func testCJKCountsOneUnitPerCharacter() {
        // "出口" is 6 bytes, 2 UTF-16 units.
        let text = "出口增长9.3%，达84.6亿美元"
        assertFirst("9", in: text, atByte: 12, character: 4)
        assertRoundTrip(text)
    }

    func testEmojiAndAstralCharactersCountTwoUnits() {
        // 📈 (U+1F4C8) and 𠀋 (U+2000B, a CJK ideograph beyond the BMP) are 4 bytes and 2 UTF-16 units each.
        let text = "📈 𠀋 exports $8.46 billion"
        let map = PositionMap(Array(text.utf8))
        let dollar = 18
        assertFirst("$", in: text, atByte: dollar, character: 14)
        // The middle of a surrogate pair is the character's start; a byte inside a character is its start.
        XCTAssertEqual(map.offset(of: LSPPosition(line: 0, character: 1)), 0)
        XCTAssertEqual(map.position(of: 2), LSPPosition(line: 0, character: 0))
        assertRoundTrip(text)
        // The same in UTF-32 and UTF-8 units.
        XCTAssertEqual(PositionMap(Array(text.utf8), encoding: .utf32).position(of: dollar), LSPPosition(line: 0, character: 12))
        XCTAssertEqual(PositionMap(Array(text.utf8), encoding: .utf8).position(of: dollar), LSPPosition(line: 0, character: 18))
        XCTAssertEqual(PositionMap(Array(text.utf8), encoding: .utf8).offset(of: LSPPosition(line: 0, character: 2)), 0)
    }

    func testCRLFAndLoneCREndLines() {
        let text = "Headline\r\nJuly 18, 2025\r\n\r\nBody 📈 line\rold Mac line\nlast"
        let map = PositionMap(Array(text.utf8))
        XCTAssertEqual(map.lineCount, 6)
        XCTAssertEqual(map.lineStarts, [0, 10, 25, 27, 42, 55])
        // An offset on the CR or LF of a line ending is the end of that line's content.
        XCTAssertEqual(map.position(of: 8), LSPPosition(line: 0, character: 8))
        XCTAssertEqual(map.position(of: 9), LSPPosition(line: 0, character: 8))
        // A character past the end of a line is the line's end, not the next line.
        XCTAssertEqual(map.offset(of: LSPPosition(line: 0, character: 40)), 8)
        XCTAssertEqual(map.offset(of: LSPPosition(line: 99, character: 0)), text.utf8.count)
        assertRoundTrip(text)
    }

    func testLinesLongerThanTheCheckpointStride() {
        var text = String(repeating: "ab€📈é ", count: 400) + "\r\n"   // ~5,600 bytes on one line
        text += String(repeating: "出", count: PositionMap.stride) + "\n"
        text += String(repeating: "x", count: PositionMap.stride) + "\r" + "end"
        assertRoundTrip(text)
        XCTAssertEqual(PositionMap([]).position(of: 0), LSPPosition(line: 0, character: 0))
        XCTAssertEqual(PositionMap([]).offset(of: LSPPosition(line: 3, character: 3)), 0)
    }

    func testNegotiation() {
        XCTAssertEqual(PositionEncoding.negotiate([]), .utf16)
        XCTAssertEqual(PositionEncoding.negotiate(["utf-7", "utf-8", "utf-16"]), .utf8)
        XCTAssertEqual(PositionEncoding.negotiate(["utf-32"]), .utf32)
    }
}

/// The base protocol's framing: Content-Length headers, bodies cut exactly, bad framing skipped.
final class LSPFramingTests: XCTestCase {
    func frame(_ body: String, header: String? = nil) -> [UInt8] {
        Array((header ?? "Content-Length: \(body.utf8.count)\r\n\r\n").utf8) + Array(body.utf8)
    }

    func events(_ chunks: [[UInt8]], max: Int = 1 << 20) -> [MessageFramer.Event] {
        var framer = MessageFramer(maxBodyBytes: max)
        var out: [MessageFramer.Event] = []
        for c in chunks {
            framer.append(c)
            while let e = framer.next() { out.append(e) }
        }
        return out
    }

    func message(_ s: String) -> MessageFramer.Event { .message(Array(s.utf8)) }

    func testFramesRoundTripAndByteCountsNotCharacters() {
        let body = #"{"text":"出口 📈"}"#
        XCTAssertEqual(MessageFramer.frame(Array(body.utf8)), frame(body))
        XCTAssertEqual(events([frame(body)]), [message(body)])
        XCTAssertEqual(body.count, 15)
        XCTAssertTrue(String(decoding: MessageFramer.frame(Array(body.utf8)), as: UTF8.self).hasPrefix("Content-Length: 22\r\n\r\n{"))
    }

    func testMessagesSplitAnywhereOrSharingAChunk() {
        let a = #"{"id":1}"#, b = #"{"method":"x","params":{"t":"é"}}"#
        let stream = frame(a, header: "Content-Length: \(a.utf8.count)\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n") + frame(b)
        XCTAssertEqual(events([stream]), [message(a), message(b)])
        XCTAssertEqual(events(stream.map { [$0] }), [message(a), message(b)], "one byte at a time")
        // Header names are case-insensitive.
        XCTAssertEqual(events([frame(a, header: "content-length: 8\r\n\r\n")]), [message(a)])
    }

    func testBadHeadersAreSkippedToTheNextMessage() {
        let good = #"{"id":2}"#
        for bad in ["Content-Length: ten\r\n\r\n{}", "Content-Type: x\r\n\r\n{}", "Content-Length: -4\r\n\r\n", "{\"id\":1}", "garbage\r\n\r\n"] {
            let out = events([Array(bad.utf8) + frame(good)])
            XCTAssertEqual(out.count, 2, bad)
            guard case .error = out.first else { return XCTFail("no error for \(bad)") }
            XCTAssertEqual(out.last, message(good), bad)
        }
        // Bare JSON without a header is reported at once, not waited on.
        guard case .error = events([Array(#"{"jsonrpc":"2.0","id":1,"method":"initialize"}"#.utf8)]).first else {
            return XCTFail("bare JSON was not reported")
        }
    }

    func testOversizedBodyIsSkippedWithoutBeingKept() {
        let big = String(repeating: "x", count: 5000), good = #"{"id":3}"#
        let stream = frame(big) + frame(good)
        for chunks in [[stream], stride(from: 0, to: stream.count, by: 700).map { Array(stream[$0..<min(stream.count, $0 + 700)]) }] {
            let out = events(chunks, max: 1000)
            XCTAssertEqual(out.count, 2)
            guard case .error(let m)? = out.first else { return XCTFail("no error") }
            XCTAssertTrue(m.contains("5000 bytes"), m)
            XCTAssertEqual(out.last, message(good))
        }
    }

    func testAnEndlessHeaderIsDropped() {
        var framer = MessageFramer()
        framer.append(Array(("X-Long: " + String(repeating: "a", count: MessageFramer.maxHeaderBytes + 10)).utf8))
        guard case .error? = framer.next() else { return XCTFail("no error") }
        XCTAssertLessThan(framer.pendingBytes, 20)
    }
}
