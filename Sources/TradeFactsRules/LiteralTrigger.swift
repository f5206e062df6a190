/// A trigger that is a set of literal phrases (matched ignoring ASCII case, any run of white space
/// standing for a space) and optionally any digit: the form every built-in trigger takes. Such
/// triggers are found together in one pass by ``TriggerScanner``; any other trigger is a PCRE2 search.
package struct LiteralTrigger: Sendable, Equatable {
    /// Every stored property, as the memberwise initializer takes them.
    package init(phrases: [String] = [], boundedPhrases: [String] = [], digits: Bool = false, wordPhrases: [String] = []) {
        self.phrases = phrases; self.boundedPhrases = boundedPhrases; self.digits = digits; self.wordPhrases = wordPhrases
    }
    /// Lower-cased phrases, words separated by one space.
    package var phrases: [String] = []
    /// Phrases that count only where no ASCII letter comes right before them (an alternative written
    /// `(?<![A-Za-z])…`): "Rs" the rupee, not the end of "Shrs" or "years".
    package var boundedPhrases: [String] = []
    /// Whether any ASCII digit fires the trigger (`[0-9]`).
    package var digits = false
    /// Phrases that count only as whole words, with no ASCII letter right before or after them (an
    /// alternative written `(?<![A-Za-z])…(?![A-Za-z])`): "sen" the coin, not "Senate".
    package var wordPhrases: [String] = []

    /// The lookbehind that makes an alternative's phrases ``boundedPhrases``.
    static let letterBoundary = "(?<![A-Za-z])"
    /// The lookahead that, after ``letterBoundary``'s alternative, makes its phrases ``wordPhrases``.
    static let letterBoundaryAfter = "(?![A-Za-z])"

    /// Reads a trigger's source as literals: alternatives separated by `|`, each `[0-9]`, a
    /// `{{lexicon:NAME}}`, a `{{definition}}` that is itself literal, words of letters and digits
    /// joined by `\s+`, or symbols (`\$`, `€`). Any of these but `[0-9]`, or a group `(?:…|…)` of
    /// them, may follow `(?<![A-Za-z])`, and such a bounded alternative may end with `(?![A-Za-z])`.
    /// Nil for anything else (the trigger is then searched with PCRE2), and for a lexicon phrase
    /// with too many spellings in case (see ``normalized(_:)``).
    package static func parse(_ source: String, definitions: [String: String], lexicons: [String: Lexicon], depth: Int = 0) -> LiteralTrigger? {
        guard depth < 16 else { return nil }
        var result = LiteralTrigger()
        for alternative in topLevelAlternatives(source) {
            var a = alternative
            let bounded = a.hasPrefix(letterBoundary)
            if bounded { a.removeFirst(letterBoundary.count) }
            let wholeWord = bounded && a.hasSuffix(letterBoundaryAfter) && a.count > letterBoundaryAfter.count
            if wholeWord { a.removeLast(letterBoundaryAfter.count) }
            var found: [String] = []
            if a == "[0-9]" && !bounded {
                result.digits = true
            } else if bounded && a.hasPrefix("(?:") && a.hasSuffix(")") {
                // A bounded group of alternatives: "(?<![A-Za-z])(?:USD|EUR)".
                guard let inner = parse(String(a.dropFirst(3).dropLast()), definitions: definitions, lexicons: lexicons, depth: depth + 1),
                      !inner.digits, inner.boundedPhrases.isEmpty, inner.wordPhrases.isEmpty else { return nil }
                found = inner.phrases
            } else if a.hasPrefix("{{") && a.hasSuffix("}}") && a.count > 4 {
                let name = String(a.dropFirst(2).dropLast(2))
                if name.hasPrefix("lexicon:") {
                    guard let lexicon = lexicons[String(name.dropFirst("lexicon:".count))] else { return nil }
                    for p in lexicon.phrases { guard let phrases = normalized(p) else { return nil }; found += phrases }
                } else {
                    guard let d = definitions[name], let inner = parse(d, definitions: definitions, lexicons: lexicons, depth: depth + 1) else { return nil }
                    // A definition's own bounded phrases stay bounded; bounding its other phrases
                    // or its digits would need a look at each (not done: such a trigger is not literal).
                    guard !bounded || (!inner.digits && inner.boundedPhrases.isEmpty && inner.wordPhrases.isEmpty) else { return nil }
                    if bounded { found = inner.phrases } else { result.phrases += inner.phrases }
                    result.boundedPhrases += inner.boundedPhrases
                    result.wordPhrases += inner.wordPhrases
                    result.digits = result.digits || inner.digits
                }
            } else if let symbols = symbolLiteral(a) {
                found.append(symbols)
            } else {
                let words = a.components(separatedBy: "\\s+")
                guard !words.isEmpty, words.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy { (($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) } }) else { return nil }
                found.append(words.joined(separator: " ").lowercased())
            }
            if wholeWord { result.wordPhrases += found } else if bounded { result.boundedPhrases += found } else { result.phrases += found }
        }
        return result
    }

    /// `source` split at each `|` outside parentheses, brackets and `{{…}}`; nil-safe for unbalanced
    /// text (which then fails to parse as literal and is searched with PCRE2).
    static func topLevelAlternatives(_ source: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var depth = 0
        var escaped = false
        for c in source {
            if escaped { current.append(c); escaped = false; continue }
            switch c {
            case "\\": escaped = true
            case "(", "[", "{": depth += 1
            case ")", "]", "}": depth -= 1
            case "|" where depth == 0: parts.append(current); current = ""; continue
            default: break
            }
            current.append(c)
        }
        parts.append(current)
        return parts
    }

    /// A run of symbols written literally: ASCII punctuation escaped with a backslash (`\$`) or
    /// non-ASCII characters without case (`€`, `元`); nil for anything else.
    static func symbolLiteral(_ a: String) -> String? {
        var out = ""
        var escaped = false
        for u in a.unicodeScalars {
            if escaped {
                guard u.isASCII, !(u.properties.isAlphabetic || u.properties.numericType != nil || u.properties.isWhitespace) else { return nil }
                out.unicodeScalars.append(u); escaped = false
            } else if u == "\\" {
                escaped = true
            } else if !u.isASCII, !u.properties.changesWhenCaseMapped, !u.properties.isWhitespace {
                out.unicodeScalars.append(u)
            } else {
                return nil
            }
        }
        return escaped || out.isEmpty ? nil : out
    }

    /// A lexicon phrase as the scanner reads it: ASCII lower case, one space between words, and a
    /// non-ASCII letter with case in each of its cases ("Ł" is "Ł" and "ł", as PCRE2 folds it; the
    /// scanner folds ASCII only); nil for a phrase with more than 16 such spellings.
    package static func normalized(_ phrase: String) -> [String]? {
        let words = phrase.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
        guard !words.isEmpty else { return nil }
        var spellings = [String.UnicodeScalarView()]
        for u in words.joined(separator: " ").unicodeScalars {
            let cases = u.value >= 0x80 && u.properties.changesWhenCaseMapped ? caseClosure(u)
                : [u.value >= 0x41 && u.value <= 0x5A ? Unicode.Scalar(u.value + 0x20)! : u]
            guard spellings.count * cases.count <= 16 else { return nil }
            spellings = spellings.flatMap { s in cases.map { var t = s; t.append($0); return t } }
        }
        return spellings.map { String($0) }
    }

    /// A scalar and every scalar PCRE2's caseless match takes for it: those of the same case-fold
    /// class (the same one-scalar lower case of their upper case: "ς", "σ", "Σ").
    static func caseClosure(_ u: Unicode.Scalar) -> [Unicode.Scalar] {
        let found = [u] + (foldClasses[foldKey(u)] ?? []).filter { $0 != u }
        // An ASCII letter among them ("ſ" is also "S") is read folded, like the text.
        return found.reduce(into: []) { r, c in
            let f = c.value >= 0x41 && c.value <= 0x5A ? Unicode.Scalar(c.value + 0x20)! : c
            if !r.contains(f) { r.append(f) }
        }
    }

    /// The lower case of a scalar's upper case, where both are one scalar; else the scalar.
    static func foldKey(_ u: Unicode.Scalar) -> Unicode.Scalar {
        func one(_ s: String) -> Unicode.Scalar? { let v = Array(s.unicodeScalars); return v.count == 1 ? v[0] : nil }
        guard let upper = one(u.properties.uppercaseMapping) else { return u }
        return one(upper.properties.lowercaseMapping) ?? upper
    }

    /// Fold key → the scalars of the blocks with case beyond ASCII that have it (built once, when a
    /// phrase first needs it: Latin, Greek, Cyrillic, Armenian, Georgian, letterlike symbols, and
    /// the full-width forms).
    static let foldClasses: [Unicode.Scalar: [Unicode.Scalar]] = {
        var classes: [Unicode.Scalar: [Unicode.Scalar]] = [:]
        for range in [0x41...0x5A, 0x61...0x7A, 0xB5...0x24F, 0x370...0x58F, 0x10A0...0x10FF, 0x13A0...0x13FF, 0x1C80...0x1CBF,
                      0x1E00...0x1FFF, 0x2100...0x218F, 0x24B6...0x24E9, 0x2C00...0x2D2F, 0xA640...0xA7FF, 0xAB70...0xABBF, 0xFF21...0xFF5A] {
            for v in range {
                guard let u = Unicode.Scalar(v), u.properties.changesWhenCaseMapped else { continue }
                classes[foldKey(u), default: []].append(u)
            }
        }
        return classes
    }()
}
