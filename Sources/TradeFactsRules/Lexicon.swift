/// A named word list from `Rules/lexicons/`: phrases mapped to a canonical value
/// (e.g. "dlrs" → "USD", "slumped" → "down"). Lookup ignores case and collapses white space.
public struct Lexicon: Sendable {
    /// The lexicon's name (`lexicon:` in its file), as patterns write it: `{{lexicon:NAME}}`.
    public let name: String
    /// What the list holds, from its `description:` (empty when it has none).
    public let description: String
    /// The path of the file that first defined it (empty for a lexicon made in code).
    public let file: String
    /// Normalized phrase → canonical value.
    public private(set) var entries: [String: String] = [:]
    /// Phrases in file order, for building patterns.
    public private(set) var phrases: [String] = []

    /// An empty lexicon named `name`.
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

    package mutating func add(_ phrase: String, value: String) {
        let k = Lexicon.key(phrase)
        if entries[k] == nil { phrases.append(phrase) }
        entries[k] = value
    }

    /// The canonical value of `phrase`, if listed.
    public func lookup(_ phrase: String) -> String? { entries[Lexicon.key(phrase)] }

    /// The canonical value of a phrase already normalized with ``key(_:)`` (when one text is
    /// looked up in several lexicons).
    package func lookup(key: String) -> String? { entries[key] }

    /// A PCRE2 alternation matching any phrase (white space flexible), without anchors. Where
    /// several phrases match at one place the longest is taken first, then the next longest on
    /// backtracking. The phrases are factored into a trie ("rose|rise|risen" → `r(?:ose|ise(?:n)?)`)
    /// so that PCRE2 tests each character once rather than once per phrase; a lexicon whose
    /// phrases differ only in case at a branch ("Can$", "CA$") keeps the flat, longest-first list
    /// here, which a caseless pattern would otherwise read in another order (see ``alternation(caseless:)``).
    public var alternation: String { alternation(caseless: false) }

    /// The alternation for a pattern compiled with or without case. Without case the trie is built
    /// on lower-cased phrases (PCRE2_CASELESS matches them in any case), so phrases that differ
    /// only in case share their branches.
    public func alternation(caseless: Bool) -> String {
        PatternText.trie(caseless ? phrases.map { $0.lowercased() } : phrases) ?? flatAlternation
    }

    /// The phrases as one flat alternation, longest first.
    package var flatAlternation: String {
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
        for c in text { escape(c, into: &out) }
        return out
    }

    /// Appends `c`, escaped (a space as `\ `), to `out`.
    package static func escape(_ c: Character, into out: inout String) {
        switch c {
        case "\\", "^", "$", ".", "|", "?", "*", "+", "(", ")", "[", "]", "{", "}", "-", "/", "#": out.append("\\"); out.append(c)
        case " ": out += "\\ "
        default: out.append(c)
        }
    }

    /// A trie-factored alternation of `phrases` (see ``Lexicon/alternation``), or nil when two
    /// phrases differ only in case where they branch. Built at every start for each lexicon a
    /// pattern uses, so it is written into one string (no concatenation per level).
    package static func trie(_ phrases: [String]) -> String? {
        final class Node {
            /// Each way on: one character (or " ", a run of white space), its lower case, the node.
            var children: [(token: Character, lower: String, node: Node)] = []
            var terminal = false
        }
        let root = Node()
        for phrase in phrases {
            var node = root
            var tokens: [Character] = []
            for word in phrase.split(separator: " ") {
                if !tokens.isEmpty { tokens.append(" ") }
                tokens += word
            }
            guard !tokens.isEmpty else { continue }
            for t in tokens {
                if let next = node.children.first(where: { $0.token == t }) { node = next.node; continue }
                let lower = t.lowercased()
                if node.children.contains(where: { $0.lower == lower }) { return nil }
                let next = Node()
                node.children.append((t, lower, next))
                node = next
            }
            node.terminal = true
        }
        // Longer phrases first: every way on from a node is tried before the phrase that ends there.
        func emit(_ node: Node, into out: inout String) {
            func branch(_ child: (token: Character, lower: String, node: Node)) {
                if child.token == " " { out += "\\s+" } else { escape(child.token, into: &out) }
                emit(child.node, into: &out)
            }
            switch node.children.count {
            case 0: return
            case 1:
                if node.terminal { out += "(?:" }
                branch(node.children[0])
                if node.terminal { out += ")?" }
            default:
                out += "(?:"
                for (k, child) in node.children.enumerated() {
                    if k > 0 { out += "|" }
                    branch(child)
                }
                out += node.terminal ? ")?" : ")"
            }
        }
        var out = "(?:"
        emit(root, into: &out)
        return out + ")"
    }
}
