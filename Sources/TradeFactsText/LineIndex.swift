/// Maps UTF-8 byte offsets to 1-based line and column numbers.
///
/// Lines end at `\n` (a preceding `\r` belongs to the line ending). Columns count Unicode
/// scalars, so "é" advances the column by one although it takes two bytes.
public struct LineIndex: Sendable {
    /// Byte offset of the first byte of each line.
    public let lineStarts: [Int]
    /// The number of Unicode scalars before every `stride`-th byte, so that a column on a very long
    /// line costs at most `stride` bytes of counting, never a scan from the line's start.
    let scalarCheckpoints: [Int]
    package static let stride = 1024

    /// Indexes `bytes` in one pass: the start of every line, and scalar counts for columns on long lines.
    public init(_ bytes: [UInt8]) {
        var starts = [0]
        var checkpoints: [Int] = []
        checkpoints.reserveCapacity(bytes.count / LineIndex.stride + 1)
        var scalars = 0
        for (i, b) in bytes.enumerated() {
            if i % LineIndex.stride == 0 { checkpoints.append(scalars) }
            if b & 0xC0 != 0x80 { scalars += 1 }
            if b == UInt8(ascii: "\n") { starts.append(i + 1) }
        }
        if checkpoints.isEmpty { checkpoints.append(0) }
        lineStarts = starts
        scalarCheckpoints = checkpoints
    }

    /// Unicode scalars (lead bytes) before byte `offset`.
    package func scalars(before offset: Int, in bytes: [UInt8]) -> Int {
        let end = min(offset, bytes.count)
        let block = min(end / LineIndex.stride, scalarCheckpoints.count - 1)
        var count = scalarCheckpoints[block]
        var i = block * LineIndex.stride
        while i < end {
            if bytes[i] & 0xC0 != 0x80 { count += 1 }
            i += 1
        }
        return count
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
        // Columns count lead bytes only (continuation bytes are 10xxxxxx): on a short line those
        // between its start and `offset`, on a long one the difference of two checkpointed counts.
        let start = lineStarts[line], end = min(offset, bytes.count)
        guard end - start > LineIndex.stride else {
            var column = 1
            if end > start { for i in start..<end where bytes[i] & 0xC0 != 0x80 { column += 1 } }
            return SourceLocation(line: line + 1, column: column)
        }
        let column = scalars(before: offset, in: bytes) - scalars(before: start, in: bytes) + 1
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
