import XCTest
@testable import TradeFacts
import TradeFactsEval

/// Line and column of every offset agree with counting scalars from the line's start, on short lines
/// and on lines longer than the index's checkpoint stride.
final class LineIndexTests: XCTestCase {
    func testLocationsOnShortAndLongLines() {
        var bytes: [UInt8] = Array("é€ short\r\n\nplain line\n".utf8)
        bytes += Array(String(repeating: "ab€é ", count: 300).utf8) + [0x0A]   // 3,300 bytes on one line
        bytes += Array(String(repeating: "x", count: LineIndex.stride).utf8) + [0x0A]
        bytes += [0xFF, 0x80, 0x41, 0xE2, 0x82] + Array("end".utf8)
        let index = LineIndex(bytes)
        var line = 1, column = 1
        for offset in 0...(bytes.count + 2) {
            XCTAssertEqual(index.location(of: offset, in: bytes), SourceLocation(line: line, column: column), "offset \(offset)")
            guard offset < bytes.count else { continue }
            if bytes[offset] == 0x0A { line += 1; column = 1 } else if bytes[offset] & 0xC0 != 0x80 { column += 1 }
        }
        XCTAssertEqual(index.location(of: -1, in: bytes), SourceLocation(line: 1, column: 1))
    }
}

/// The binary search the extractor and the record assembler use to find the first mention at or
/// after an offset.
final class PartitioningIndexTests: XCTestCase {
    func testFirstIndexAtOrAfter() {
        let starts = [2, 5, 5, 9, 14]
        XCTAssertEqual(starts.partitioningIndex { $0 >= 0 }, 0)
        XCTAssertEqual(starts.partitioningIndex { $0 >= 5 }, 1)
        XCTAssertEqual(starts.partitioningIndex { $0 >= 6 }, 3)
        XCTAssertEqual(starts.partitioningIndex { $0 >= 15 }, 5)
        XCTAssertEqual([Int]().partitioningIndex { $0 >= 1 }, 0)
        XCTAssertEqual(starts[1...].partitioningIndex { $0 >= 9 }, 3)
    }
}
