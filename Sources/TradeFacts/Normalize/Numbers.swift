import Foundation

/// Shared number normalization: digits with separators, number words, ordinals, scales and fractions.
public enum Numbers {
    static let units: [String: Int] = [
        "zero": 0, "one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
        "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
        "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    ]
    static let tens: [String: Int] = [
        "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    ]
    static let ordinals: [String: Int] = [
        "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
        "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "final": -1, "last": -1,
    ]
    static let scales: [String: Decimal] = [
        "thousand": 1_000, "k": 1_000,
        "million": 1_000_000, "mln": 1_000_000, "mn": 1_000_000, "m": 1_000_000, "mil": 1_000_000, "millions": 1_000_000,
        "billion": 1_000_000_000, "bln": 1_000_000_000, "bn": 1_000_000_000, "b": 1_000_000_000, "billions": 1_000_000_000,
        "trillion": 1_000_000_000_000, "tn": 1_000_000_000_000, "trn": 1_000_000_000_000, "tln": 1_000_000_000_000,
        "hundred": 100, "lakh": 100_000, "crore": 10_000_000,
    ]

    /// The multiplier of a scale word ("million", "mln", "bn", "k"); nil when unknown.
    public static func scale(_ word: String) -> Decimal? {
        scales[word.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ". "))]
    }

    /// Parses "22.13", "7,000", "1 234", "-3.5", "nine", "twenty-one", "seven thousand", "a dozen",
    /// "3 1/2", "half a million", "1.5 billion". Returns nil when the text is not a number.
    public static func parse(_ raw: String) -> Decimal? {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
            .replacingOccurrences(of: "\u{2212}", with: "-")
        if text.isEmpty { return nil }
        if let d = parseDigits(text) { return d }
        // Digits followed by a scale word: "1.5 billion".
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "\u{00A0}" }).map(String.init)
        if parts.count == 2, let d = parseDigits(parts[0]) {
            if let s = scale(parts[1]) { return d * s }
            if let f = parseFraction(parts[1]) { return d + f }  // "3 1/2"
        }
        if let f = parseFraction(text) { return f }
        return parseWords(text)
    }

    static func parseDigits(_ text: String) -> Decimal? {
        var s = text
        var sign: Decimal = 1
        if s.hasPrefix("-") || s.hasPrefix("+") { if s.hasPrefix("-") { sign = -1 }; s.removeFirst() }
        guard let first = s.first, first.isASCII, first.isNumber || first == "." else { return nil }
        s = s.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "\u{2009}", with: "")
            .replacingOccurrences(of: "\u{00A0}", with: "")
        guard s.allSatisfy({ ($0.isASCII && $0.isNumber) || $0 == "." }), s.filter({ $0 == "." }).count <= 1,
              s.contains(where: { $0.isNumber }) else { return nil }
        guard let d = Decimal(string: s, locale: Locale(identifier: "en_US_POSIX")) else { return nil }
        return sign * d
    }

    static func parseFraction(_ text: String) -> Decimal? {
        let f = text.split(separator: "/")
        if f.count == 2, let n = Int(f[0]), let d = Int(f[1]), d != 0 { return Decimal(n) / Decimal(d) }
        switch text {
        case "half", "a half", "one half": return 0.5
        case "a quarter", "one quarter": return 0.25
        case "a third", "one third": return Decimal(1) / Decimal(3)
        case "two thirds", "two-thirds": return Decimal(2) / Decimal(3)
        case "three quarters", "three-quarters": return 0.75
        default: return nil
        }
    }

    /// English number words, with "and" and hyphens: "one hundred and twenty-five thousand".
    static func parseWords(_ text: String) -> Decimal? {
        var words = text.replacingOccurrences(of: "-", with: " ").split(separator: " ").map(String.init)
        words.removeAll { $0 == "and" }
        if words.isEmpty { return nil }
        // "half a million" = 0.5 × 10^6
        if words.first == "half" {
            let rest = words.dropFirst().filter { $0 != "a" && $0 != "an" }
            if rest.count == 1, let s = scale(rest[0]) { return s / 2 }
        }
        var total: Decimal = 0, current: Decimal = 0
        var sawNumber = false
        for w in words {
            if w == "a" || w == "an" { continue }  // "a dozen", "a hundred": the multiplier supplies the 1
            if w == "dozen" { current = (current == 0 ? 1 : current) * 12; sawNumber = true }
            else if let u = units[w] { current += Decimal(u); sawNumber = true }
            else if let t = tens[w] { current += Decimal(t); sawNumber = true }
            else if w == "hundred" { current = (current == 0 ? 1 : current) * 100; sawNumber = true }
            else if let s = scales[w], s >= 1000 {
                total += (current == 0 ? 1 : current) * s; current = 0; sawNumber = true
            } else if let d = parseDigits(w) { current += d; sawNumber = true }
            else { return nil }
        }
        if words.count == 1 && (words[0] == "a" || words[0] == "an") { return nil }
        return sawNumber ? total + current : nil
    }

    /// Ordinals and small counts as integers: "third" → 3, "3rd" → 3, "Q3" → 3, "nine" → 9, "9" → 9.
    public static func ordinal(_ raw: String) -> Int? {
        var t = raw.lowercased().trimmingCharacters(in: .whitespaces)
        if let o = ordinals[t] { return o }
        for suffix in ["st", "nd", "rd", "th"] where t.hasSuffix(suffix) {
            if let n = Int(t.dropLast(2)) { return n }
        }
        if t.hasPrefix("q") || t.hasPrefix("h") { t.removeFirst() }
        if let n = Int(t) { return n }
        if let d = parseWords(t) { return NSDecimalNumber(decimal: d).intValue }
        return nil
    }

    /// Month numbers from names and abbreviations: "Oct" → 10, "september" → 9, "10" → 10.
    public static func month(_ raw: String) -> Int? {
        let t = raw.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ". "))
        if let n = Int(t), (1...12).contains(n) { return n }
        let names = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        guard t.count >= 3 else { return nil }
        for (i, n) in names.enumerated() where t.hasPrefix(n) { return i + 1 }
        return nil
    }

    /// Weekday numbers (ISO, Monday = 1) from names and abbreviations.
    public static func weekday(_ raw: String) -> Int? {
        let t = raw.lowercased()
        let names = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
        for (i, n) in names.enumerated() where t.hasPrefix(n) { return i + 1 }
        return nil
    }

    /// Years as written: "2024" → 2024, "'87" → 1987, "87" → 1987 (two digits pivot at 50), "1980s" → 1980.
    public static func year(_ raw: String) -> Int? {
        var t = raw.trimmingCharacters(in: CharacterSet(charactersIn: "' \u{2019}s"))
        if t.hasSuffix("s") { t.removeLast() }
        guard let n = Int(t) else { return nil }
        if t.count == 2 { return n < 50 ? 2000 + n : 1900 + n }
        return n
    }

    /// The second year of a split year ("1986/87" → 1987 after 1986, "1999/2000" → 2000): two digits
    /// take the first year's century, rolling over when they would not come after it. A split year
    /// spans two consecutive years, so anything else ("2000/12") is not one: nil.
    public static func splitYearEnd(_ raw: String, after first: Int?) -> Int? {
        let t = raw.trimmingCharacters(in: .whitespaces)
        guard let n = Int(t), let y = first else { return nil }
        var v = n
        if t.count == 2 { v = y - y % 100 + n; if v <= y { v += 100 } } else if t.count != 4 { return nil }
        return v == y + 1 ? v : nil
    }

    /// A plain decimal string for a `Decimal` ("22130000", "87.4").
    public static func string(_ d: Decimal) -> String {
        var v = d
        var rounded = Decimal()
        NSDecimalRound(&rounded, &v, 10, .plain)
        return NSDecimalNumber(decimal: rounded).stringValue
    }
}
