extension Array where Element == UInt8 {
    /// The first index at or after `from` where `needle` begins; nil when it does not occur there
    /// (or `needle` is empty). A plain scan, without making slices into arrays.
    package func firstIndex(of needle: [UInt8], from: Int = 0) -> Int? {
        firstIndex(of: needle, in: from..<count)
    }

    /// The first index where `needle` begins and ends within `range`; nil when it does not occur
    /// there (or `needle` is empty). The scan stops at the range's end.
    package func firstIndex(of needle: [UInt8], in range: Range<Int>) -> Int? {
        guard let first = needle.first else { return nil }
        var i = Swift.max(0, range.lowerBound)
        let last = Swift.min(range.upperBound, count) - needle.count
        while i <= last {
            if self[i] == first && self[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    /// Whether `needle` (written in lower case) occurs anywhere, ignoring ASCII case: a scan of
    /// the bytes, without lowering a copy of them. Only letters fold; a line break in the needle
    /// ("statement\nperiod") matches a line break.
    package func containsIgnoringASCIICase(_ needle: [UInt8]) -> Bool {
        containsIgnoringASCIICase(needle, in: 0..<count)
    }

    /// Whether `needle` (written in lower case) begins at `i`, ASCII letters compared without
    /// case and every other byte as it is ("\na barrel" matches "\nA barrel", not "*a barrel").
    package func hasPrefixIgnoringASCIICase(_ needle: [UInt8], at i: Int) -> Bool {
        guard i >= 0, i + needle.count <= count else { return false }
        for (k, n) in needle.enumerated() where !Self.foldsEqual(self[i + k], n) { return false }
        return true
    }

    /// Whether `needle` (written in lower case) begins anywhere in `range` and ends within it,
    /// compared as ``hasPrefixIgnoringASCIICase(_:at:)`` compares.
    package func containsIgnoringASCIICase(_ needle: [UInt8], in range: Range<Int>) -> Bool {
        guard !needle.isEmpty else { return false }
        var i = Swift.max(0, range.lowerBound)
        let last = Swift.min(range.upperBound, count) - needle.count
        while i <= last {
            if hasPrefixIgnoringASCIICase(needle, at: i) { return true }
            i += 1
        }
        return false
    }

    /// A byte of text against a byte of a lower-case needle: a letter of the needle matches either
    /// case; any other byte only itself.
    @inline(__always) static func foldsEqual(_ byte: UInt8, _ lower: UInt8) -> Bool {
        (0x61...0x7A).contains(lower) ? byte | 0x20 == lower : byte == lower
    }

    /// The last index where `needle` begins and ends within `range`; nil when it does not occur
    /// there (or `needle` is empty).
    package func lastIndex(of needle: [UInt8], in range: Range<Int>) -> Int? {
        guard let first = needle.first else { return nil }
        var i = Swift.min(range.upperBound, count) - needle.count
        while i >= Swift.max(0, range.lowerBound) {
            if self[i] == first && self[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i -= 1
        }
        return nil
    }
}
