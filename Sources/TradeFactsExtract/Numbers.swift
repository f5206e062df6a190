import Foundation
import TradeFactsText

/// Shared number normalization: digits with separators, number words, ordinals, scales and fractions.
public enum Numbers {
    /// The values of number and scale words, from `Rules/lexicons/` (see ``NumberWords``).
    package static let words = NumberWords.bundled
    package static let units = words.units
    package static let tens = words.tens
    static let ordinals: [String: Int] = [
        "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
        "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "final": -1, "last": -1,
        "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "twenty-first": 21,
    ]
    package static let scales = words.scales

    /// The multiplier of a scale word ("million", "mln", "bn", "k"); nil when unknown.
    public static func scale(_ word: String) -> Decimal? {
        if let s = scales[word] { return s }
        let isTrimmed: (Character) -> Bool = { $0 == "." || $0 == "-" || $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let a = word.firstIndex(where: { !isTrimmed($0) }), let z = word.lastIndex(where: { !isTrimmed($0) }) else { return nil }
        return scales[word[a...z].lowercased()]
    }

    /// Denominators of spelled fractions: "half" → 2, "thirds" → 3, "quarter" → 4, "hundredths" → 100.
    static let denominators: [String: Decimal] = {
        var d: [String: Decimal] = ["half": 2, "halves": 2, "quarter": 4, "quarters": 4]
        let ords = ["third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
                    "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
                    "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40,
                    "fiftieth": 50, "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
                    "thousandth": 1_000, "millionth": 1_000_000, "billionth": 1_000_000_000, "trillionth": 1_000_000_000_000]
        for (w, v) in ords { d[w] = Decimal(v); d[w + "s"] = Decimal(v) }
        return d
    }()
    static let firstOrdinals: [String: Int] = ["first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
                                               "seventh": 7, "eighth": 8, "ninth": 9]
    package static let dozens = words.dozens
    static let vulgarFractions: [Character: Decimal] = ["½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": Decimal(1) / 3, "⅔": Decimal(2) / 3,
                                                        "⅕": 0.2, "⅙": Decimal(1) / 6, "⅛": 0.125]

    /// The other side of a two-way quote written by its last digits after the first ("1.8155/60":
    /// 1.8160; "432.20/70": 432.70; "1.6190/00": 1.6200; "3.95/85": 3.85), as dealers write them:
    /// the first figure with its last digits replaced, or the next figure up when that is nearer
    /// to the first. A tail with its own point is a whole figure ("143.90/144.00"). Nil when the
    /// tail has more digits than the first figure's decimals.
    public static func quoteOffer(bid: String?, tail: String?) -> Decimal? {
        guard let bid, let tail, let b = parse(bid) else { return nil }
        if tail.contains(".") { return parse(tail) }
        // A fraction alone after a whole and a fraction ("6-1/4, 1/8"): the same whole.
        if tail.contains("/"), let dash = bid.firstIndex(of: "-") { return parse(String(bid[..<dash]) + "-" + tail) }
        guard !tail.isEmpty, tail.allSatisfy({ $0.isASCII && $0.isNumber }), let dot = bid.firstIndex(of: ".") else { return nil }
        let decimals = bid[bid.index(after: dot)...]
        guard tail.count <= decimals.count, decimals.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        let written = String(bid.dropLast(tail.count)) + tail
        guard var offer = parse(written) else { return nil }
        if offer < b {
            var step = Decimal(1)
            for _ in 0..<(decimals.count - tail.count) { step /= 10 }
            if offer + step - b < b - offer { offer += step }
        }
        return offer
    }

    /// Parses "22.13", "7,000", "1 234 567", "-3.5", "nine", "twenty-one", "seven thousand", "a dozen",
    /// "3 1/2", "half a million", "1.5 billion", "10k", "two thirds", "five and a half million",
    /// "two hundred point zero three", "minus five", "one over three". Returns nil when the text is not a number.
    public static func parse(_ raw: String) -> Decimal? {
        // Fast path for the common case: plain ASCII digits with optional sign, commas and one point.
        if let d = fastDigits(raw) { return d }
        let text = cleaned(raw)
        if text.isEmpty { return nil }
        if let d = parseDigits(text) { return d }
        // A sign written apart: "- 1 4/5", "- 10 k".
        if text.hasPrefix("- ") || text.hasPrefix("+ ") {
            return parse(String(text.dropFirst(2))).map { text.hasPrefix("-") ? -$0 : $0 }
        }
        // Thousands grouped with spaces: "1 234 567", "40 000".
        if isSpaceGrouped(text) { return parseDigits(text.filter { $0 != " " }) }
        if text.count == 1, let f = vulgarFractions[text.first!] { return f }
        // Digits with a scale, glued or apart: "10k", "1.2b", "2.33 k", "1.5 billion", "1mm", "13 lakh".
        if let (digits, word) = digitsAndWord(text), let d = parseDigits(digits), let s = scale(word) { return d * s }
        let parts = text.split(separator: " ").map(String.init)
        if parts.count == 2, let d = parseDigits(parts[0]), let f = parseFraction(parts[1]) {
            return d < 0 ? d - f : d + f  // "3 1/2", "-1 4/5"
        }
        // A mixed fraction written with a hyphen, as wire copy gives rates and prices: "5-1/2", "7-3/4".
        // After decimals the fraction is of the last place, as grain futures quote quarter cents:
        // "5.43-1/2 dlrs" is 5.435, "2.88-1/4" 2.8825.
        if let dash = text.firstIndex(of: "-"), dash != text.startIndex, text.contains("/"),
           let d = parseDigits(String(text[..<dash])), let f = parseFraction(String(text[text.index(after: dash)...])) {
            let head = text[..<dash]
            if let dot = head.firstIndex(of: ".") {
                let places = head.distance(from: head.index(after: dot), to: head.endIndex)
                var unit = Decimal(1)
                for _ in 0..<places { unit /= 10 }
                return d + f * unit
            }
            return d + f
        }
        if let f = parseFraction(text) { return f }
        return parseWords(text)
    }

    /// Lower case, one space for any run of white space (no-break and thin spaces included),
    /// U+2212 as "-", trimmed.
    package static func cleaned(_ raw: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for u in raw.unicodeScalars {
            switch u.value {
            case 0x20, 0x09, 0x0A, 0x0D, 0x00A0, 0x202F, 0x2009: pendingSpace = !out.isEmpty
            default:
                if pendingSpace { out.append(" "); pendingSpace = false }
                if u.value == 0x2212 { out.append("-") }
                else if u.value >= 0x41 && u.value <= 0x5A { out.append(Unicode.Scalar(u.value + 0x20)!) }
                else if u.value < 0x80 { out.append(u) }
                else { out.append(contentsOf: String(u).lowercased().unicodeScalars) }
            }
        }
        return String(out)
    }

    /// "1 234 567", "-40 000.5": thousands grouped with single spaces.
    static func isSpaceGrouped(_ text: String) -> Bool {
        var groups = text.split(separator: " ", omittingEmptySubsequences: false)
        guard groups.count >= 2, var first = groups.first else { return false }
        if first.hasPrefix("-") { first = first.dropFirst() }
        guard (1...3).contains(first.utf8.count), first.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return false }
        var last = groups.removeLast()
        if let dot = last.firstIndex(of: ".") {
            let fraction = last[last.index(after: dot)...]
            guard !fraction.isEmpty, fraction.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return false }
            last = last[..<dot]
        }
        for g in groups.dropFirst() + [last] where g.utf8.count != 3 || !g.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { return false }
        return true
    }

    /// "10k", "1.2 b", "-1,500 million": a number in digits (sign, commas, one decimal part) and a
    /// lower-case word glued to it or after one space.
    static func digitsAndWord(_ text: String) -> (String, String)? {
        let b = Array(text.utf8)
        var i = 0
        if i < b.count && (b[i] == 0x2D || b[i] == 0x2B) { i += 1 }
        guard i < b.count, b[i] >= 0x30 && b[i] <= 0x39 else { return nil }
        while i < b.count && ((b[i] >= 0x30 && b[i] <= 0x39) || b[i] == 0x2C) { i += 1 }
        if i < b.count && b[i] == 0x2E {
            let start = i + 1
            i += 1
            while i < b.count && b[i] >= 0x30 && b[i] <= 0x39 { i += 1 }
            guard i > start else { return nil }
        }
        let digitsEnd = i
        if i < b.count && b[i] == 0x20 { i += 1 }
        let wordStart = i
        while i < b.count && b[i] >= 0x61 && b[i] <= 0x7A { i += 1 }
        guard i == b.count, i > wordStart else { return nil }
        return (String(decoding: b[..<digitsEnd], as: UTF8.self), String(decoding: b[wordStart...], as: UTF8.self))
    }

    /// ASCII white space trimmed from both ends.
    package static func trimmed(_ s: String) -> Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let a = s.firstIndex(where: { !isSpace($0) }), let z = s.lastIndex(where: { !isSpace($0) }) else { return "" }
        return s[a...z]
    }

    /// "22.13", "7,000", "-3.5" without any Foundation string work; nil for anything else.
    static func fastDigits(_ text: String) -> Decimal? {
        var significand: UInt64 = 0
        var exponent = 0
        var negative = false
        var sawDigit = false, sawPoint = false, first = true
        var digitsAfterLastComma = -1
        for b in text.utf8 {
            defer { first = false }
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard significand < 1_000_000_000_000_000 else { return nil }  // leave huge numbers to the slow path
                significand = significand * 10 + UInt64(b - UInt8(ascii: "0"))
                if sawPoint { exponent -= 1 }
                if digitsAfterLastComma >= 0 { digitsAfterLastComma += 1 }
                sawDigit = true
            case UInt8(ascii: "-") where first: negative = true
            case UInt8(ascii: "+") where first: break
            case UInt8(ascii: "."):
                guard !sawPoint, digitsAfterLastComma == -1 || digitsAfterLastComma == 3 else { return nil }
                sawPoint = true
                digitsAfterLastComma = -1
            case UInt8(ascii: ","):
                guard sawDigit, !sawPoint, digitsAfterLastComma == -1 || digitsAfterLastComma == 3 else { return nil }
                digitsAfterLastComma = 0
            default: return nil
            }
        }
        guard sawDigit, digitsAfterLastComma == -1 || digitsAfterLastComma == 3 else { return nil }
        let d = Decimal(sign: negative ? .minus : .plus, exponent: exponent, significand: Decimal(significand))
        return d
    }

    static func parseDigits(_ text: String) -> Decimal? {
        if let d = fastDigits(text) { return d }
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
        if f.count == 2 {
            let n = f[0].trimmingCharacters(in: .whitespaces), d = f[1].trimmingCharacters(in: .whitespaces)
            if let n = Int(n), let d = Int(d), d != 0 { return Decimal(n) / Decimal(d) }
        }
        return nil
    }

    /// English number words: integers with "and" and hyphens ("one hundred and twenty-five thousand"),
    /// dozens, spelled fractions ("two thirds", "five and a quarter", "a hundredth"), fractions of
    /// scales ("half a million", "three quarters billion", "3 million and a half"), "point" decimals,
    /// "over"/"out of" ratios and a leading "minus"/"negative". Digits may stand for words ("3 hundred and 21").
    static func parseWords(_ text: String) -> Decimal? {
        // Keep "twenty-fifth" whole (a compound denominator); other hyphens separate words.
        // (An ASCII text is searched for the hyphen byte; Foundation's substring search is slow.)
        let hasHyphen = text.utf8.allSatisfy { $0 < 0x80 } ? text.utf8.contains(UInt8(ascii: "-")) : text.contains("-")
        guard hasHyphen else { return value(text.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)) }
        // Two units joined by a hyphen ("three-six pct") are a range, no one number.
        let pieces = text.lowercased().split(separator: "-", omittingEmptySubsequences: false)
        for k in pieces.indices.dropLast() {
            let before = pieces[k].split(separator: " ").last.map(String.init) ?? ""
            let after = pieces[k + 1].split(separator: " ").first.map(String.init) ?? ""
            if let u = units[before], let v = units[after], u > 0, v > 0, before != "a", before != "an" { return nil }
        }
        var t = text.replacingOccurrences(of: #"(ty)\s*-\s*(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)"#,
                                          with: "$1_$2", options: .regularExpression)
        t = t.replacingOccurrences(of: "-", with: " ")
        let words = t.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        return value(words)
    }

    package static func value(_ w: [String]) -> Decimal? {
        var words = w
        guard !words.isEmpty else { return nil }
        // One unit or tens word ("two", "forty"): what the sum below makes of it ("a" and "an"
        // alone are no number: they are left to it).
        if words.count == 1, words[0] != "a", words[0] != "an", let n = units[words[0]] ?? tens[words[0]] { return Decimal(n) }
        if words[0] == "minus" || words[0] == "negative" { return value(Array(words.dropFirst())).map { -$0 } }
        if let i = words.firstIndex(of: "over"), i > 0 {
            guard let n = value(Array(words[..<i])), let d = value(Array(words[(i + 1)...])), d != 0 else { return nil }
            return n / d
        }
        if let i = words.firstIndex(of: "out"), i > 0, i + 1 < words.count, words[i + 1] == "of" {
            guard let n = value(Array(words[..<i])), let d = value(Array(words[(i + 2)...])), d != 0 else { return nil }
            return n / d
        }
        if let i = words.firstIndex(of: "point") {
            let whole = i == 0 ? 0 : value(Array(words[..<i]))
            let rest = words[(i + 1)...]
            guard let whole, !rest.isEmpty else { return nil }
            var digits = ""
            if rest.allSatisfy({ (units[$0] ?? 10) < 10 }) {
                digits = rest.map { String(units[$0]!) }.joined()
            } else if let v = value(Array(rest)) {
                digits = string(v)
            } else { return nil }
            guard let frac = Decimal(string: "0." + digits, locale: Locale(identifier: "en_US_POSIX")) else { return nil }
            return whole < 0 ? whole - frac : whole + frac
        }
        // "half a million", "three quarters billion", "five and a half million", "two thirds of a million",
        // "one billion and a half million": a fraction followed by a scale.
        if let last = words.last, let s = scales[last] ?? (dozens.contains(last) ? 12 : nil), s >= 12, words.count > 1,
           words.dropLast().contains(where: { denominators[$0] != nil || $0.contains("_") }) {
            var head = Array(words.dropLast())
            while let l = head.last, l == "a" || l == "an" || l == "of" { head.removeLast() }
            if let and = head.lastIndex(of: "and"), head[..<and].contains(where: { (scales[$0] ?? 0) >= 1000 }),
               let big = value(Array(head[..<and])), let f = value(Array(head[(and + 1)...])) {
                return big + f * s  // "one billion and a half million"
            }
            return value(head).map { $0 * s }
        }
        // Spelled fractions: "two thirds", "a hundredth", "twenty and three fifths", "3 million and a half".
        if let last = words.last, let den = denominators[last] ?? compoundDenominator(last) {
            var head = Array(words.dropLast())
            if let and = head.lastIndex(of: "and"), and > 0 {
                let after = Array(head[(and + 1)...])
                let numerator = after.isEmpty || after == ["a"] || after == ["an"] ? 1 : value(after)
                if let numerator, numerator < den, let whole = value(Array(head[..<and])) {
                    let wholeScale = head[and - 1]
                    if let s = scales[wholeScale], s >= 1000 { return whole + numerator / den * s }  // "3 million and a half"
                    return whole + numerator / den
                }
            }
            if head.isEmpty || head == ["a"] || head == ["an"] { return 1 / den }
            if head.first == "a" || head.first == "an" { head.removeFirst() }  // "a hundred trillionths"
            guard let n = value(head) else { return nil }
            return n / den
        }
        words.removeAll { $0 == "and" }
        if words.isEmpty { return nil }
        var total: Decimal = 0, hundreds: Decimal = 0, small: Decimal = 0
        var sawNumber = false, lastWasScale = false
        // Whether a count was written since the last scale word: "zero million" is 0, while "a
        // million" and a bare "million" take an implied one.
        var counted = false
        for w in words {
            if w == "a" || w == "an" { continue }  // "a dozen", "a hundred": the multiplier supplies the 1
            var isScale = false
            if dozens.contains(w) { small = (small == 0 ? 1 : small) * 12; sawNumber = true; counted = true }
            else if let u = units[w] { small += Decimal(u); sawNumber = true; counted = true }
            else if let t = tens[w] { small += Decimal(t); sawNumber = true; counted = true }
            else if w == "hundred" || w == "hundreds" { hundreds = (hundreds + small == 0 && !counted ? 1 : hundreds + small) * 100; small = 0; sawNumber = true; counted = true }
            else if let s = scales[w], s >= 1000 {
                if lastWasScale && hundreds + small == 0 { total *= s }  // "three lakh crore"
                else { total += (hundreds + small == 0 && !counted ? 1 : hundreds + small) * s }
                hundreds = 0; small = 0; sawNumber = true; isScale = true; counted = false
            } else if let d = parseDigits(w) { small += d; sawNumber = true; counted = true }
            else { return nil }
            lastWasScale = isScale
        }
        if words.allSatisfy({ $0 == "a" || $0 == "an" }) { return nil }
        return sawNumber ? total + hundreds + small : nil
    }

    /// "twenty_fifth" (joined by `parseWords`) → 25.
    static func compoundDenominator(_ w: String) -> Decimal? {
        let p = w.split(separator: "_").map(String.init)
        guard p.count == 2, let t = tens[p[0]] else { return nil }
        let o = p[1].hasSuffix("s") ? String(p[1].dropLast()) : p[1]
        guard let u = firstOrdinals[o] else { return nil }
        return Decimal(t + u)
    }

    /// Ordinals and small counts as integers: "third" → 3, "3rd" → 3, "Q3" → 3, "nine" → 9, "9" → 9.
    public static func ordinal(_ raw: String) -> Int? {
        if let n = plainDigits(raw) { return n }
        if let o = ordinals[raw] { return o }
        var t = String(trimmed(raw)).lowercased()
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
        if let m = asciiMonth(raw) { return m }
        let t = raw.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ". "))
        if let n = Int(t), (1...12).contains(n) { return n }
        let names = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        guard t.count >= 3 else { return nil }
        for (i, n) in names.enumerated() where t.hasPrefix(n) { return i + 1 }
        return ["apl": 4, "jne": 6, "jly": 7][t]
    }

    /// ``month(_:)`` without Foundation for text of ASCII letters, digits, points and spaces (what
    /// rules capture): the same answer, or nil for other text, which `month` reads the general way.
    /// An `Int?` of `Int?`: `.some(nil)` is a text of that kind that is not a month.
    static func asciiMonth(_ raw: String) -> Int?? {
        let result = raw.utf8.withContiguousStorageIfAvailable { u -> Int?? in
            func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
            func isLetter(_ b: UInt8) -> Bool { b | 0x20 >= 0x61 && b | 0x20 <= 0x7A }
            guard u.allSatisfy({ isDigit($0) || isLetter($0) || $0 == 0x2E || $0 == 0x20 }) else { return nil }
            // Trimmed of points and spaces; lower case is `| 0x20` on these bytes.
            let kept: (UInt8) -> Bool = { $0 != 0x2E && $0 != 0x20 }
            guard let a = u.firstIndex(where: kept), let z = u.lastIndex(where: kept) else { return .some(nil) }
            let t = u[a...z]
            if t.allSatisfy(isDigit) {
                // Int(_:) of the digits: nil when they overflow.
                var n = 0
                for b in t {
                    let (times10, o1) = n.multipliedReportingOverflow(by: 10)
                    let (sum, o2) = times10.addingReportingOverflow(Int(b - 0x30))
                    if o1 || o2 { return .some(nil) }
                    n = sum
                }
                return (1...12).contains(n) ? n : .some(nil)
            }
            guard t.count >= 3 else { return .some(nil) }
            let head = (t[a] | 0x20, t[a + 1] | 0x20, t[a + 2] | 0x20)
            for (i, n) in monthPrefixes.enumerated() where head == n { return i + 1 }
            // The wire's commodity tables write "Apl", "Jne" and "Jly".
            if t.count == 3 { for (n, m) in tableMonthForms where head == n { return m } }
            return .some(nil)
        }
        return result ?? nil
    }

    /// Three-letter forms of April, June and July in the wire's commodity tables ("Apl/May 139.50",
    /// "Jne 157 unch", "Jly 155 unch"), as ASCII bytes, with their months.
    static let tableMonthForms: [((UInt8, UInt8, UInt8), Int)] = [("apl", 4), ("jne", 6), ("jly", 7)].map {
        let b = Array($0.0.utf8); return ((b[0], b[1], b[2]), $0.1)
    }

    /// The first three letters of each month's name, as ASCII bytes.
    static let monthPrefixes: [(UInt8, UInt8, UInt8)] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"].map {
        let b = Array($0.utf8); return (b[0], b[1], b[2])
    }

    /// A text of 1 to 18 ASCII digits as its number (leading zeros allowed), else nil: the common
    /// case of ``ordinal(_:)`` and ``year(_:)``, which read it no differently.
    static func plainDigits(_ raw: String) -> Int? {
        let u = raw.utf8
        guard (1...18).contains(u.count), u.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return u.reduce(0) { $0 * 10 + Int($1 - 0x30) }
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
        if let n = plainDigits(raw) { return raw.utf8.count == 2 ? (n < 50 ? 2000 + n : 1900 + n) : n }
        var t = raw.trimmingCharacters(in: CharacterSet(charactersIn: "' \u{2019}s"))
        if t.hasSuffix("s") { t.removeLast() }
        guard let n = Int(t) else { return spelledYear(raw) }
        if t.count == 2 { return n < 50 ? 2000 + n : 1900 + n }
        return n
    }

    /// Years in words: "nineteen ninety-six" → 1996, "nineteen oh five" → 1905, "two thousand and one" → 2001,
    /// "twenty twenty-five" → 2025.
    static func spelledYear(_ raw: String) -> Int? {
        let words = raw.lowercased().replacingOccurrences(of: "-", with: " ").split(separator: " ").map(String.init)
        guard let first = words.first else { return nil }
        if first == "two", words.count >= 2, words[1] == "thousand" {
            let rest = words.dropFirst(2).filter { $0 != "and" }
            if rest.isEmpty { return 2000 }
            return parseWords(rest.joined(separator: " ")).map { 2000 + NSDecimalNumber(decimal: $0).intValue }
        }
        guard let century = ["eighteen": 18, "nineteen": 19, "twenty": 20][first], words.count >= 2 else { return nil }
        var rest = Array(words.dropFirst())
        if rest.first == "oh" || rest.first == "o" { rest.removeFirst(); if let d = rest.first.flatMap({ units[$0] }), d < 10 { return century * 100 + d }; return nil }
        if rest == ["hundred"] { return century * 100 }
        guard let r = parseWords(rest.joined(separator: " ")), r >= 10, r < 100 else { return nil }
        return century * 100 + NSDecimalNumber(decimal: r).intValue
    }

    /// The second year of a split year ("1986/87" → 1987 after 1986, "1999/2000" → 2000): two digits
    /// take the first year's century, rolling over when they would not come after it. A split year
    /// spans two consecutive years, so anything else ("2000/12") is not one: nil.
    public static func splitYearEnd(_ raw: String, after first: Int?) -> Int? {
        // Digits alone need no trimming (nor Foundation).
        let t = raw.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) ? raw : raw.trimmingCharacters(in: .whitespaces)
        guard let n = Int(t), let y = first else { return nil }
        var v = n
        if t.count == 2 { v = y - y % 100 + n; if v <= y { v += 100 } }
        // One digit ("1985/6", the coffee year 1985-86): the next year only.
        else if t.count == 1 { v = y - y % 10 + n; if v <= y { v += 10 } }
        else if t.count != 4 { return nil }
        // Four digits may name any later year of a range ("from 2013 to 2023"); two digits the next
        // year ("1986/87") or, above 12 (so not a month: "2000/12" is no span of years), a later
        // year of the decade after ("1979-81", "1982-84": three-year averages).
        return v == y + 1 || (t.count == 4 && v > y && v - y <= 100) || (t.count == 2 && n > 12 && v > y && v - y <= 10) ? v : nil
    }

    /// A plain decimal string for a `Decimal` ("22130000", "87.4"): see ``DecimalText/string(_:)``.
    public static func string(_ d: Decimal) -> String { DecimalText.string(d) }
}
