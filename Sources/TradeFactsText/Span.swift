/// A half-open range of UTF-8 byte offsets into a document's text: `start..<end`.
public struct Span: Hashable, Comparable, Sendable, Codable {
    /// The offset of the first byte.
    public var start: Int
    /// The offset just past the last byte (equal to ``start`` for an empty span).
    public var end: Int
    /// The span `start..<end`.
    public init(_ start: Int, _ end: Int) { self.start = start; self.end = end }
    /// The span of a range of byte offsets.
    public init(_ range: Range<Int>) { self.init(range.lowerBound, range.upperBound) }
    /// The span as a range of byte offsets.
    public var range: Range<Int> { start..<end }
    /// The number of bytes covered.
    public var length: Int { end - start }
    /// Whether `other` lies wholly inside this span (every span contains itself).
    public func contains(_ other: Span) -> Bool { start <= other.start && other.end <= end }
    /// Whether the two spans share at least one byte (spans that only touch do not overlap).
    public func overlaps(_ other: Span) -> Bool { start < other.end && other.start < end }
    public static func < (a: Span, b: Span) -> Bool { (a.start, a.end) < (b.start, b.end) }
}

/// A 1-based line and column. Columns count Unicode scalars from the start of the line.
public struct SourceLocation: Hashable, Sendable, Codable {
    /// The line, from 1.
    public var line: Int
    /// The column, from 1, counted in Unicode scalars.
    public var column: Int
    /// The location at `line` and `column`, both 1-based.
    public init(line: Int, column: Int) { self.line = line; self.column = column }
}
