import TradeFactsText

/// Writes HTML into a byte buffer: markup the caller trusts (``raw(_:)``) and text from articles,
/// which is always escaped (``text(_:)``) so that nothing an article holds can become markup.
///
/// Escaping covers text and double- or single-quoted attribute values alike: `& < > " '` become
/// references; control characters other than tab and line feed become visible symbols (C0 and DEL
/// their Control Pictures, ␛ for ESC; C1 U+FFFD), a carriage return before a line feed is dropped
/// and a lone one becomes a line feed; invalid UTF-8 becomes U+FFFD. A page can hand its bytes
/// out as it goes with ``drain()`` (the index of a large batch is streamed, never held whole).
package struct HTMLWriter {
    /// The UTF-8 output not yet drained.
    package private(set) var bytes: [UInt8] = []

    package init(capacity: Int = 1 << 14) { bytes.reserveCapacity(capacity) }

    /// Markup written as it is.
    package mutating func raw(_ s: StaticString) {
        s.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Markup written as it is (built by the report from trusted parts: ids, numbers, class names).
    package mutating func raw(_ s: String) { bytes.append(contentsOf: s.utf8) }

    /// A decimal integer.
    package mutating func int(_ i: Int) { bytes.append(contentsOf: String(i).utf8) }

    /// Text, escaped for element content and attribute values.
    package mutating func text(_ s: String) {
        var s = s
        s.withUTF8 { escape(UnsafeBufferPointer(rebasing: $0[...])) }
    }

    /// The bytes of an article, decoded as UTF-8 (invalid sequences become U+FFFD) and escaped.
    package mutating func text(utf8 slice: ArraySlice<UInt8>) {
        text(String(decoding: slice, as: UTF8.self))
    }

    /// Hands out what was written so far and empties the buffer.
    package mutating func drain() -> [UInt8] {
        defer { bytes.removeAll(keepingCapacity: true) }
        return bytes
    }

    /// The output as a string.
    package var string: String { String(decoding: bytes, as: UTF8.self) }

    /// Escapes valid UTF-8 `u`.
    private mutating func escape(_ u: UnsafeBufferPointer<UInt8>) {
        var i = 0
        let n = u.count
        var runStart = 0
        @inline(__always) func flushRun(_ upTo: Int) {
            if upTo > runStart { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: u[runStart..<upTo])) }
        }
        while i < n {
            let b = u[i]
            var replacement: [UInt8]? = nil
            var skip = 1
            switch b {
            case 0x26: replacement = Self.amp
            case 0x3C: replacement = Self.lt
            case 0x3E: replacement = Self.gt
            case 0x22: replacement = Self.quot
            case 0x27: replacement = Self.apos
            case 0x09, 0x0A: break
            case 0x0D: replacement = i + 1 < n && u[i + 1] == 0x0A ? [] : [0x0A]
            case 0x00..<0x20: replacement = [0xE2, 0x90, 0x80 + b]   // U+2400 + b, a Control Picture
            case 0x7F: replacement = [0xE2, 0x90, 0xA1]              // U+2421 SYMBOL FOR DELETE
            case 0xC2 where i + 1 < n && (0x80...0x9F).contains(u[i + 1]):
                replacement = Self.replacementCharacter           // a C1 control
                skip = 2
            default: break
            }
            if let replacement {
                flushRun(i)
                bytes.append(contentsOf: replacement)
                i += skip
                runStart = i
            } else {
                i += 1
            }
        }
        flushRun(n)
    }

    private static let amp: [UInt8] = Array("&amp;".utf8)
    private static let lt: [UInt8] = Array("&lt;".utf8)
    private static let gt: [UInt8] = Array("&gt;".utf8)
    private static let quot: [UInt8] = Array("&quot;".utf8)
    private static let apos: [UInt8] = Array("&#39;".utf8)
    private static let replacementCharacter: [UInt8] = [0xEF, 0xBF, 0xBD]
}
