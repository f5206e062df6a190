/// Maps UTF-8 byte offsets to 1-based line and column numbers.
///
/// Lines end at `\n` (a preceding `\r` belongs to the line ending). Columns count Unicode
/// scalars, so "é" advances the column by one although it takes two bytes.
public struct LineIndex: Sendable {
    /// Byte offset of the first byte of each line.
    public let lineStarts: [Int]

    public init(_ bytes: [UInt8]) {
        var starts = [0]
        for (i, b) in bytes.enumerated() where b == UInt8(ascii: "\n") { starts.append(i + 1) }
        lineStarts = starts
    }

    /// The 0-based line index containing `offset`.
    public func lineIndex(of offset: Int) -> Int {
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    /// The 1-based line and column of `offset` in `bytes`.
    public func location(of offset: Int, in bytes: [UInt8]) -> SourceLocation {
        let line = lineIndex(of: offset)
        var column = 1
        var i = lineStarts[line]
        let end = min(offset, bytes.count)
        while i < end {
            // Count lead bytes only (continuation bytes are 10xxxxxx).
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return SourceLocation(line: line + 1, column: column)
    }

    /// The byte span of 1-based `line` without its line ending.
    public func span(ofLine line: Int, in bytes: [UInt8]) -> Span {
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
        if end > start && end <= bytes.count && end > 0 && bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return Span(start, max(start, end))
    }
}
