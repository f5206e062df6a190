import TradeFactsText

/// The unit an LSP `Position.character` counts (LSP 3.17 `PositionEncodingKind`): UTF-16 code
/// units unless client and server agreed on another in `initialize`.
public enum PositionEncoding: String, Sendable, CaseIterable {
    /// UTF-8 code units (bytes).
    case utf8 = "utf-8"
    /// UTF-16 code units: the protocol's default, which every server must support. A character
    /// outside the Basic Multilingual Plane (an emoji, a rare CJK ideograph) counts two.
    case utf16 = "utf-16"
    /// UTF-32 code units: Unicode scalars.
    case utf32 = "utf-32"

    /// How many units the character whose UTF-8 encoding starts with byte `b` counts; a
    /// continuation byte counts nothing (its lead byte counted the whole character). A byte that
    /// cannot start a character (invalid UTF-8, which a JSON string never holds) counts one.
    @inline(__always)
    func units(leadByte b: UInt8) -> Int {
        switch self {
        case .utf8: return 1
        case .utf16: return b & 0xC0 == 0x80 ? 0 : (b >= 0xF0 ? 2 : 1)
        case .utf32: return b & 0xC0 == 0x80 ? 0 : 1
        }
    }

    /// The encoding to use with a client that offers `offered` (`general.positionEncodings`, most
    /// preferred first): the first one this server knows, else UTF-16, which needs no offer.
    public static func negotiate(_ offered: [String]) -> PositionEncoding {
        offered.lazy.compactMap(PositionEncoding.init(rawValue:)).first ?? .utf16
    }
}

/// A zero-based LSP position: a line, and a character offset in the line in the agreed units.
public struct LSPPosition: Hashable, Sendable, CustomStringConvertible {
    /// The line, from 0.
    public var line: Int
    /// The offset in the line, from 0, in ``PositionEncoding`` units.
    public var character: Int
    /// The position at `line` and `character`, both 0-based.
    public init(line: Int, character: Int) { self.line = line; self.character = character }
    public var description: String { "\(line):\(character)" }
}

/// Converts between the engine's UTF-8 byte offsets and LSP positions for one text.
///
/// Lines end where LSP says they do: at `\n`, `\r\n` or a lone `\r`. Converting an offset costs
/// at most ``stride`` bytes of counting, also on a very long line: the units before every
/// `stride`-th byte are kept.
public struct PositionMap: Sendable {
    /// The units positions count.
    public let encoding: PositionEncoding
    /// The byte offset where each line starts.
    public let lineStarts: [Int]
    /// The byte offset where each line's content ends (before its line ending).
    let contentEnds: [Int]
    /// The units before every `stride`-th byte of the text.
    let checkpoints: [Int]
    let bytes: [UInt8]
    static let stride = 1024

    /// Indexes `bytes` (UTF-8) for positions counted in `encoding`.
    public init(_ bytes: [UInt8], encoding: PositionEncoding = .utf16) {
        self.bytes = bytes
        self.encoding = encoding
        var starts = [0], ends: [Int] = []
        var checkpoints: [Int] = []
        checkpoints.reserveCapacity(bytes.count / Self.stride + 1)
        var units = 0
        var i = 0
        while i < bytes.count {
            if i % Self.stride == 0 { checkpoints.append(units) }
            let b = bytes[i]
            units += encoding.units(leadByte: b)
            if b == 0x0A || b == 0x0D {
                ends.append(i)
                if b == 0x0D, i + 1 < bytes.count, bytes[i + 1] == 0x0A {
                    i += 1
                    if i % Self.stride == 0 { checkpoints.append(units) }
                    units += 1
                }
                starts.append(i + 1)
            }
            i += 1
        }
        if bytes.count % Self.stride == 0 { checkpoints.append(units) }
        ends.append(bytes.count)
        lineStarts = starts
        contentEnds = ends
        self.checkpoints = checkpoints
    }

    /// The number of lines (a text ending with a line break has an empty last line).
    public var lineCount: Int { lineStarts.count }

    /// The units from the start of the text to byte `offset`.
    func units(before offset: Int) -> Int {
        let end = max(0, min(offset, bytes.count))
        let block = min(end / Self.stride, checkpoints.count - 1)
        var count = checkpoints[block]
        var i = block * Self.stride
        while i < end { count += encoding.units(leadByte: bytes[i]); i += 1 }
        return count
    }

    /// The 0-based line holding byte `offset` (a line break belongs to the line it ends).
    public func line(of offset: Int) -> Int {
        max(0, lineStarts.partitioningIndex { $0 > offset } - 1)
    }

    /// The position of byte `offset`. An offset inside a line ending is the end of the line's
    /// content; one inside a character is that character's start; one out of the text is clamped.
    public func position(of offset: Int) -> LSPPosition {
        let o = max(0, min(offset, bytes.count))
        let line = line(of: o)
        let end = characterStart(min(o, contentEnds[line]), lineStart: lineStarts[line])
        return LSPPosition(line: line, character: units(before: end) - units(before: lineStarts[line]))
    }

    /// The byte offset of `position`. As LSP asks, a character past the line's end is its end,
    /// and a line past the text's end is the end of the text; a character in the middle of a
    /// character (half of a UTF-16 surrogate pair) is that character's start.
    public func offset(of position: LSPPosition) -> Int {
        guard position.line >= 0 else { return 0 }
        guard position.line < lineStarts.count else { return bytes.count }
        let start = lineStarts[position.line], end = contentEnds[position.line]
        let wanted = max(0, position.character)
        // Start counting from the last checkpoint inside the line that is not past the position.
        let lineBase = units(before: start)
        var i = start, counted = 0
        var block = end / Self.stride
        while block * Self.stride > start {
            let at = checkpoints[min(block, checkpoints.count - 1)] - lineBase
            if at <= wanted { i = block * Self.stride; counted = at; break }
            block -= 1
        }
        // From a checkpoint inside a character, its continuation bytes count nothing.
        while i < end {
            let b = bytes[i]
            let w = encoding.units(leadByte: b)
            if w > 0 && counted + w > wanted { return characterStart(i, lineStart: start) }
            counted += w
            i += 1
        }
        return end
    }

    /// `offset`, moved back to the lead byte of the character it falls in (UTF-8 units can name a
    /// byte inside a character).
    func characterStart(_ offset: Int, lineStart: Int) -> Int {
        var i = offset
        while i > lineStart, i < bytes.count, bytes[i] & 0xC0 == 0x80 { i -= 1 }
        return i
    }

    /// The byte range of `start..<end` positions, ordered.
    public func byteRange(from start: LSPPosition, to end: LSPPosition) -> Range<Int> {
        let a = offset(of: start), b = offset(of: end)
        return min(a, b)..<max(a, b)
    }
}
