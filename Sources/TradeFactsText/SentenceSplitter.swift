/// A sentence (or a headline / dateline line) of a document.
public struct Sentence: Sendable, Hashable {
    /// Every stored property, as the memberwise initializer takes them.
    package init(span: Span, paragraph: Int) { self.span = span; self.paragraph = paragraph }
    /// The sentence's bytes, without the white space around it.
    public let span: Span
    /// 0-based paragraph number; paragraphs are separated by line breaks.
    public let paragraph: Int
}

/// Splits text into sentences: at line breaks, and after `.`, `!` or `?` followed by white space
/// and a capital letter, digit or quote — except after common abbreviations ("U.S.", "Mr.", "Jan.")
/// and single capitals.
///
/// A line break is a soft wrap, not a boundary, in hard-wrapped text (wire copy): from the second
/// line on, when the line is at least 40 bytes long (or ends in a lower-case word or a comma and the
/// next line starts in lower case), does not end a sentence, and the next line is neither blank nor
/// indented. The first line (the headline) always ends where it ends; a short
/// dateline line does too.
public enum SentenceSplitter {
    package static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "st", "co", "corp", "inc", "ltd", "jan", "feb", "mar", "apr", "jun", "jul",
        "aug", "sep", "sept", "oct", "nov", "dec", "no", "vs", "etc", "u.s", "u.k", "n.z", "h.k", "e.g", "i.e", "approx",
        "gov", "sen", "rep", "gen", "fig", "est",
    ]

    /// The longest a sentence may run, in bytes, before it is cut at the next space.
    public static let maxLength = 4096

    /// The sentences of UTF-8 `bytes`, in order, each with its paragraph number; none for blank text.
    public static func split(_ bytes: [UInt8]) -> [Sentence] {
        var result: [Sentence] = []
        var paragraph = 0
        var start = 0
        let n = bytes.count
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D }
        func emit(_ s: Int, _ e: Int) {
            var a = s, b = e
            while a < b && (isSpace(bytes[a]) || bytes[a] == 0x0A) { a += 1 }
            while b > a && (isSpace(bytes[b - 1]) || bytes[b - 1] == 0x0A) { b -= 1 }
            if b > a { result.append(Sentence(span: Span(a, b), paragraph: paragraph)) }
        }
        var i = 0
        var lineStart = 0
        var lineNumber = 0
        while i < n {
            let b = bytes[i]
            // No sentence runs past `maxLength` bytes: text without sentence ends (a table flattened
            // to one line, machine output) is cut at the next space, so work per sentence stays bounded.
            if i - start >= maxLength && (b == 0x20 || b == 0x09) {
                emit(start, i)
                start = i + 1
                i += 1
                continue
            }
            if b == 0x0A && isSoftWrap(bytes, lineStart: lineStart, newline: i, lineNumber: lineNumber) {
                lineStart = i + 1
                lineNumber += 1
            } else if b == 0x0A {
                lineStart = i + 1
                lineNumber += 1
                emit(start, i)
                if result.last.map({ $0.paragraph == paragraph }) ?? false { paragraph += 1 }
                start = i + 1
            } else if b == UInt8(ascii: ".") || b == UInt8(ascii: "!") || b == UInt8(ascii: "?") {
                // Closing quotes or brackets stay with the sentence.
                var j = i + 1
                while j < n && (bytes[j] == UInt8(ascii: "\"") || bytes[j] == UInt8(ascii: "'") || bytes[j] == UInt8(ascii: ")")) { j += 1 }
                var k = j
                while k < n && isSpace(bytes[k]) { k += 1 }
                if k > j, k < n, startsSentence(bytes, k), !isAbbreviation(bytes, dotAt: i) {
                    emit(start, j)
                    start = j
                }
            }
            i += 1
        }
        emit(start, n)
        return result
    }

    static func isSoftWrap(_ bytes: [UInt8], lineStart: Int, newline: Int, lineNumber: Int) -> Bool {
        guard lineNumber >= 1 else { return false }
        var end = newline
        while end > lineStart && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x0D || bytes[end - 1] == 0x09) { end -= 1 }
        guard end > lineStart else { return false }
        let last = bytes[end - 1]
        if [UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: "\""), UInt8(ascii: ")")].contains(last) { return false }
        if last == 0x9D && end >= 3 && bytes[end - 3] == 0xE2 { return false }  // closing curly quote
        let next = newline + 1
        guard next < bytes.count else { return false }
        let c = bytes[next]
        // A short line continues when the next one starts in lower case ("… widened to an⏎estimated
        // 4.7 billion baht": the first body line of wire copy whose dateline was taken off).
        guard end - lineStart >= 40 || (c >= 0x61 && c <= 0x7A && (last >= 0x61 && last <= 0x7A || last == UInt8(ascii: ","))) else { return false }
        return !(c == 0x0A || c == 0x0D || c == 0x20 || c == 0x09)
    }

    static func startsSentence(_ bytes: [UInt8], _ k: Int) -> Bool {
        let c = bytes[k]
        if c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z") { return true }
        if c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") { return true }
        if c == UInt8(ascii: "\"") || c == UInt8(ascii: "(") { return true }
        if c == 0xE2 && k + 2 < bytes.count && bytes[k + 1] == 0x80 && (bytes[k + 2] == 0x9C || bytes[k + 2] == 0x98) { return true }
        return false
    }

    static func isAbbreviation(_ bytes: [UInt8], dotAt i: Int) -> Bool {
        guard bytes[i] == UInt8(ascii: ".") else { return false }
        var s = i
        while s > 0 {
            let c = bytes[s - 1]
            let isLetter = (c | 0x20) >= UInt8(ascii: "a") && (c | 0x20) <= UInt8(ascii: "z")
            if isLetter || c == UInt8(ascii: ".") { s -= 1 } else { break }
        }
        let word = String(decoding: bytes[s..<i], as: UTF8.self).lowercased()
        if word.count == 1 { return true } // initials: "J. Smith"
        return abbreviations.contains(word)
    }
}
