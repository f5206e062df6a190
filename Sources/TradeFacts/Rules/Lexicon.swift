/// A named word list from `Rules/lexicons/`: phrases mapped to a canonical value
/// (e.g. "dlrs" → "USD", "slumped" → "down"). Lookup ignores case and collapses white space.
public struct Lexicon: Sendable {
    public let name: String
    public let description: String
    public let file: String
    /// Normalized phrase → canonical value.
    public private(set) var entries: [String: String] = [:]
    /// Phrases in file order, for building patterns.
    public private(set) var phrases: [String] = []

    public init(name: String, description: String = "", file: String = "") {
        self.name = name; self.description = description; self.file = file
    }

    /// Normalizes a phrase for lookup: lower case, single spaces, curly apostrophes straightened.
    public static func key(_ phrase: String) -> String {
        // Fast path: ASCII with single spaces only (nearly every lookup).
        var simple = true, previousSpace = true
        for b in phrase.utf8 {
            if b >= 0x80 || b == 0x09 || b == 0x0A || b == 0x0D || (b == 0x20 && previousSpace) { simple = false; break }
            previousSpace = b == 0x20
        }
        if simple && !previousSpace { return phrase.lowercased() }
        return phrase.lowercased().replacingOccurrences(of: "\u{2019}", with: "'")
            .split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{00A0}" })
            .joined(separator: " ")
    }

    mutating func add(_ phrase: String, value: String) {
        let k = Lexicon.key(phrase)
        if entries[k] == nil { phrases.append(phrase) }
        entries[k] = value
    }

    /// The canonical value of `phrase`, if listed.
    public func lookup(_ phrase: String) -> String? { entries[Lexicon.key(phrase)] }

    /// A PCRE2 alternation matching any phrase (longest first, white space flexible), without anchors.
    public var alternation: String {
        let sorted = phrases.sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }
        return "(?:" + sorted.map { phrase in
            phrase.split(separator: " ").map { PatternText.escape(String($0)) }.joined(separator: "\\s+")
        }.joined(separator: "|") + ")"
    }
}

/// Helpers for building PCRE2 pattern text.
public enum PatternText {
    /// Escapes PCRE2 metacharacters so that `text` matches literally.
    public static func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            if "\\^$.|?*+()[]{}-/#".contains(c) { out.append("\\") }
            if c == " " { out += "\\ " } else { out.append(c) }
        }
        return out
    }
}
