/// A trigger that is a set of literal phrases (matched ignoring ASCII case, any run of white space
/// standing for a space) and optionally any digit: the form every built-in trigger takes. Such
/// triggers are found together in one pass by ``TriggerScanner``; any other trigger is a PCRE2 search.
public struct LiteralTrigger: Sendable, Equatable {
    /// Lower-cased phrases, words separated by one space.
    public var phrases: [String] = []
    /// Whether any ASCII digit fires the trigger (`[0-9]`).
    public var digits = false

    /// Reads a trigger's source as literals: alternatives separated by `|`, each `[0-9]`, a
    /// `{{lexicon:NAME}}`, a `{{definition}}` that is itself literal, or words joined by `\s+`.
    /// Nil for anything else (the trigger is then searched with PCRE2), and for phrases whose
    /// non-ASCII letters have case (PCRE2 would fold them; this scanner folds ASCII only).
    static func parse(_ source: String, definitions: [String: String], lexicons: [String: Lexicon], depth: Int = 0) -> LiteralTrigger? {
        guard depth < 16 else { return nil }
        var result = LiteralTrigger()
        for alternative in source.split(separator: "|", omittingEmptySubsequences: false) {
            let a = String(alternative)
            if a == "[0-9]" {
                result.digits = true
            } else if a.hasPrefix("{{") && a.hasSuffix("}}") && a.count > 4 {
                let name = String(a.dropFirst(2).dropLast(2))
                if name.hasPrefix("lexicon:") {
                    guard let lexicon = lexicons[String(name.dropFirst("lexicon:".count))] else { return nil }
                    for p in lexicon.phrases { guard let phrase = normalized(p) else { return nil }; result.phrases.append(phrase) }
                } else {
                    guard let d = definitions[name], let inner = parse(d, definitions: definitions, lexicons: lexicons, depth: depth + 1) else { return nil }
                    result.phrases += inner.phrases
                    result.digits = result.digits || inner.digits
                }
            } else {
                let words = a.components(separatedBy: "\\s+")
                guard !words.isEmpty, words.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A } }) else { return nil }
                result.phrases.append(words.joined(separator: " ").lowercased())
            }
        }
        return result
    }

    /// A lexicon phrase as the scanner reads it: ASCII lower case, one space between words; nil when
    /// a non-ASCII letter in it has case.
    static func normalized(_ phrase: String) -> String? {
        for u in phrase.unicodeScalars where u.value >= 0x80 && u.properties.changesWhenCaseMapped { return nil }
        let words = phrase.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
        guard !words.isEmpty else { return nil }
        return String(String.UnicodeScalarView(words.joined(separator: " ").unicodeScalars.map {
            $0.value >= 0x41 && $0.value <= 0x5A ? Unicode.Scalar($0.value + 0x20)! : $0
        }))
    }
}

/// Finds every literal trigger in one pass over a document: an Aho–Corasick automaton over the
/// bytes of all their phrases (ASCII letters folded, runs of white space read as one space), with a
/// bit per trigger. It reports, for each sentence, the triggers that occur in it; a phrase that
/// begins in one sentence and ends in the next counts for both.
public final class TriggerScanner: @unchecked Sendable {
    /// Triggers found here, by their index among the rule set's triggers (at most 64).
    public let triggers: [Int]
    /// state × ``columns`` + a byte's column → state.
    private let delta: [Int32]
    /// A (folded) byte → its column in ``delta``: one per byte that occurs in a phrase, and column 0
    /// for every other byte, which leads back to the root from any state. Rows of a few dozen
    /// columns rather than 256 keep the table small enough to stay in cache.
    private let column: [UInt8]
    private let columns: Int
    private let output: [UInt64]      // state → triggers whose phrase ends here (failure links folded in)
    private let depth: [Int32]        // state → length of the longest phrase ending here
    private let digitMask: UInt64

    /// `literals[i]` is trigger `i`'s literal form, or nil when it is not literal.
    public init(literals: [LiteralTrigger?]) {
        var goto: [[Int32]] = [Array(repeating: -1, count: 256)]
        var out: [UInt64] = [0]
        var dep: [Int32] = [0]
        var used: [Int] = []
        var digits: UInt64 = 0
        for (t, literal) in literals.enumerated() {
            guard let literal, used.count < 64 else { continue }
            let bit = UInt64(1) << UInt64(used.count)
            used.append(t)
            if literal.digits { digits |= bit }
            for phrase in literal.phrases {
                var s = 0
                for b in phrase.utf8 {
                    if goto[s][Int(b)] < 0 {
                        goto.append(Array(repeating: -1, count: 256)); out.append(0); dep.append(dep[s] + 1)
                        goto[s][Int(b)] = Int32(goto.count - 1)
                    }
                    s = Int(goto[s][Int(b)])
                }
                out[s] |= bit
            }
        }
        // Columns: one per byte some phrase has (phrases are lower case), column 0 for the rest.
        var byteColumn = [UInt8](repeating: 0, count: 256)
        var columnByte: [Int] = [-1]  // a column's byte; none for column 0
        for b in 0..<256 where goto.contains(where: { $0[b] >= 0 }) {
            byteColumn[b] = UInt8(columnByte.count)
            columnByte.append(b)
        }
        let width = columnByte.count
        func gotoOn(_ s: Int, _ c: Int) -> Int32 { c == 0 ? -1 : goto[s][columnByte[c]] }
        // Breadth first: failure links, outputs folded along them, and the full transition table.
        var fail = Array(repeating: 0, count: goto.count)
        var table = Array(repeating: Int32(0), count: goto.count * width)
        var queue: [Int] = []
        for c in 0..<width {
            let next = gotoOn(0, c)
            if next > 0 { queue.append(Int(next)); table[c] = next } else { table[c] = 0 }
        }
        var head = 0
        while head < queue.count {
            let s = queue[head]; head += 1
            out[s] |= out[fail[s]]
            for c in 0..<width {
                let next = gotoOn(s, c)
                if next >= 0 {
                    fail[Int(next)] = Int(table[fail[s] * width + c])
                    table[s * width + c] = next
                    queue.append(Int(next))
                } else {
                    table[s * width + c] = table[fail[s] * width + c]
                }
            }
        }
        triggers = used
        delta = table
        // Upper-case ASCII letters read as lower case.
        for b in 0x41...0x5A { byteColumn[b] = byteColumn[b | 0x20] }
        column = byteColumn
        columns = width
        output = out
        depth = dep
        digitMask = digits
    }

    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0B || b == 0x0C }

    /// For each sentence, a bit per trigger (bit k is `triggers[k]`) that occurs in it.
    public func sentenceMasks(_ bytes: UnsafeBufferPointer<UInt8>, sentences: [Sentence]) -> [UInt64] {
        var masks = [UInt64](repeating: 0, count: sentences.count)
        guard !sentences.isEmpty, !triggers.isEmpty else { return masks }
        var state = 0
        var previousSpace = true
        var s = 0
        let width = columns
        delta.withUnsafeBufferPointer { delta in
            output.withUnsafeBufferPointer { output in
            column.withUnsafeBufferPointer { column in
                for i in 0..<bytes.count {
                    var b = bytes[i]
                    if TriggerScanner.isSpace(b) {
                        if previousSpace { continue }
                        previousSpace = true
                        b = 0x20
                    } else {
                        previousSpace = false
                    }
                    state = Int(delta[state &* width &+ Int(column[Int(b)])])
                    var m = output[state]
                    if b >= 0x30 && b <= 0x39 { m |= digitMask }
                    guard m != 0 else { continue }
                    while s < sentences.count && sentences[s].span.end <= i { s += 1 }
                    guard s < sentences.count, sentences[s].span.start <= i else { continue }
                    masks[s] |= m
                    // A phrase that began before this sentence counts for the one it began in too.
                    let d = Int(depth[state])
                    if s > 0, d > 1, i - (d - 1) < sentences[s].span.start + 64 {
                        var j = i, k = d - 1
                        while k > 0 && j > 0 {
                            j -= 1
                            if TriggerScanner.isSpace(bytes[j]) { while j > 0 && TriggerScanner.isSpace(bytes[j - 1]) { j -= 1 } }
                            k -= 1
                        }
                        var p = s
                        while p > 0 && sentences[p].span.start > j { p -= 1; masks[p] |= m }
                    }
                }
            }
            }
        }
        return masks
    }
}
