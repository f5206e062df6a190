/// A half-open range of UTF-8 byte offsets into a document's text: `start..<end`.
public struct Span: Hashable, Comparable, Sendable, Codable {
    public var start: Int
    public var end: Int
    public init(_ start: Int, _ end: Int) { self.start = start; self.end = end }
    public init(_ range: Range<Int>) { self.init(range.lowerBound, range.upperBound) }
    public var range: Range<Int> { start..<end }
    public var length: Int { end - start }
    public func contains(_ other: Span) -> Bool { start <= other.start && other.end <= end }
    public func overlaps(_ other: Span) -> Bool { start < other.end && other.start < end }
    public static func < (a: Span, b: Span) -> Bool { (a.start, a.end) < (b.start, b.end) }
}

/// A 1-based line and column. Columns count Unicode scalars from the start of the line.
public struct SourceLocation: Hashable, Sendable, Codable {
    public var line: Int
    public var column: Int
    public init(line: Int, column: Int) { self.line = line; self.column = column }
}
