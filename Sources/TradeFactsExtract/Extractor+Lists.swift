import Foundation
import TradeFactsText
import TradeFactsRules
import PCRE2Kit

extension Extractor {
    /// The earlier members of a list of percentages whose unit is written once, after the last
    /// ("rose 10.5, 4.6 and 12.9 per cent", "up 3.2, 4.1 and 6 per cent respectively", "rose 23
    /// and 9 percent"): each bare number before the percent mention, joined to it by commas and a
    /// final "and" or "or", becomes a percent mention of its own with the last member's unit,
    /// direction and basis (rule `percent.list-member`). A latent number at the same place gives
    /// way. Ranges ("4 to 5 percent") are rules of their own and are not lists.
    func addPercentListMembers(_ mentions: inout [Mention], _ document: Document) {
        let b = document.bytes
        var added: [Mention] = []
        for m in mentions where m.type == .percent && !m.latent {
            guard case let .percent(_, _, _, unit, direction, basis) = m.value else { continue }
            // The first byte of the mention's number: the mention may start with its direction word
            // ("up 6 per cent"); a number in words starts the mention ("5.50 and seven pct").
            var start = m.span.start
            while start < m.span.end, !(b[start] >= 0x30 && b[start] <= 0x39) { start += 1 }
            if start == m.span.end { start = m.span.start }
            // The base a level came from, written without its unit after it ("cut its rate to
            // 16.00 pct from 16.50"): a percentage in the same unit, with no direction.
            if m.rule != "percent.list-member", let base = Self.bareBase(after: Self.shortPhrase(after: m.span.end, in: b), in: b)
                ?? Self.bareLevel(before: start, in: b) ?? Self.bracketedBase(after: m.span.end, in: b) {
                let text = document.text(base)
                // After "compared with", "against", "versus" or "after", the base is a figure of the
                // same size ("8.5 pct after 9.8"), not a price beside a yield ("to yield 4.736 pct
                // compared with 99.50").
                let sameSize: Bool
                if case let .percent(level?, _, _, _, _, _) = m.value, level > 0, let v = Numbers.parse(text), v > 0,
                   !Self.fromBefore(base.start, in: b) {
                    sameSize = v <= level * 10 && level <= v * 10
                } else { sameSize = true }
                if sameSize, let v = Numbers.parse(text) {
                    added.append(Mention(type: .percent, span: base, matchSpan: base, text: text, rule: "percent.base-member",
                                         value: .percent(value: v, low: nil, high: nil, unit: unit, direction: nil, basis: basis)))
                }
            }
            for member in Self.listMembers(before: start, in: b) {
                let text = document.text(member)
                guard let v = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else { continue }
                added.append(Mention(type: .percent, span: member, matchSpan: member, text: text, rule: "percent.list-member",
                                     value: .percent(value: v, low: nil, high: nil, unit: unit, direction: direction, basis: basis)))
            }
        }
        Self.addMembers(added, to: &mentions, b)
    }

    /// Adds list members: a member replaces a latent number at its place, and gives way to any
    /// other mention there. The bytes each side covers are marked once (comparing every member with
    /// every mention would make a text of long lists quadratic).
    static func addMembers(_ added: [Mention], to mentions: inout [Mention], _ b: [UInt8]) {
        guard !added.isEmpty else { return }
        var memberBytes = [Bool](repeating: false, count: b.count), mentionBytes = memberBytes
        func bytes(_ s: Span) -> Range<Int> { let lo = max(0, s.start); return lo..<max(lo, min(s.end, b.count)) }
        func covers(_ marks: [Bool], _ s: Span) -> Bool { bytes(s).contains { marks[$0] } }
        for a in added { for k in bytes(a.span) { memberBytes[k] = true } }
        mentions.removeAll { $0.latent && covers(memberBytes, $0.span) }
        for m in mentions { for k in bytes(m.span) { mentionBytes[k] = true } }
        mentions.append(contentsOf: added.filter { !covers(mentionBytes, $0.span) })
        mentions.sort { ($0.span.start, $0.span.end) < ($1.span.start, $1.span.end) }
    }

    /// Where a word that leads to a base figure ends, when one starts at `i` with a space or line
    /// break before it and after it: "from", "against", "versus", "vs" (or "vs."), "after",
    /// "compared with" or "compared to" (any case); nil otherwise.
    static func baseWordEnd(at i: Int, in b: [UInt8]) -> Int? {
        guard i >= 1, i < b.count, TriggerScanner.isSpace(b[i - 1]), TriggerScanner.isLetter(b[i]) else { return nil }
        func word(_ w: [UInt8], at k: Int) -> Int? {
            guard k + w.count < b.count else { return nil }
            for (n, c) in w.enumerated() where b[k + n] | 0x20 != c { return nil }
            return k + w.count
        }
        func spaced(_ end: Int?) -> Int? { end.flatMap { $0 < b.count && TriggerScanner.isSpace(b[$0]) ? $0 : nil } }
        for w in baseWords { if let e = spaced(word(w, at: i)) { return e } }
        if let e = spaced(word(vsDot, at: i)) { return e }
        if let e = spaced(word(compared, at: i)) {
            var k = e
            while k < b.count, TriggerScanner.isSpace(b[k]) { k += 1 }
            return spaced(word(with, at: k)) ?? spaced(word(to, at: k))
        }
        return nil
    }
    static let vsDot = Array("vs.".utf8), compared = Array("compared".utf8), with = Array("with".utf8), to = Array("to".utf8)

    /// Whether "from" and white space come right before `offset`.
    static func fromBefore(_ offset: Int, in b: [UInt8]) -> Bool {
        var i = offset
        while i > 0, TriggerScanner.isSpace(b[i - 1]) { i -= 1 }
        guard i >= 5, i < offset else { return false }
        return Array(b[(i - 4)..<i]).map { $0 | 0x20 } == Array("from".utf8) && TriggerScanner.isSpace(b[i - 5])
    }

    /// The single words that lead to a base figure (see `baseWordEnd`).
    static let baseWords: [[UInt8]] = ["from", "against", "versus", "vs", "after"].map { Array($0.utf8) }

    /// The end of a short phrase of words after a percentage that leads to its base ("rise to 3.85
    /// pct at last week's pact from 3.60", "13.78 pct in February compared with 13.83"): up to five
    /// words of letters (an apostrophe within), none that opens another clause or comparison, when
    /// a base word (`baseWordEnd`) follows; else `offset` itself.
    static func shortPhrase(after offset: Int, in b: [UInt8]) -> Int {
        let isLetter = TriggerScanner.isLetter
        // " from ", " compared with ", or a line break either side ("at present from\n11.8").
        func fromAt(_ i: Int) -> Bool { baseWordEnd(at: i + 1, in: b) != nil }
        // Most percentages have no base word near: look for one before reading any word.
        let window = offset..<min(b.count, offset + 96)
        guard !fromAt(offset), window.contains(where: fromAt) else { return offset }
        var i = offset, words = 0
        while words < 5, i < b.count, b[i] == 0x20 || b[i] == 0x0A {
            var j = i + 1
            while j < b.count, isLetter(b[j]) || b[j] == 0x27 && j + 1 < b.count && isLetter(b[j + 1]) { j += 1 }
            guard j > i + 1 else { return offset }
            let word = String(decoding: b[(i + 1)..<j], as: UTF8.self).lowercased()
            if phraseStoppers.contains(word) { return offset }
            words += 1
            i = j
            if fromAt(i) { return i }
        }
        return offset
    }

    /// The previous figure in brackets right after a percentage, as rate tables give it ("4.13 pct
    /// (4.33)", "New rates (previous in brackets)"): a number with a decimal point alone in the
    /// brackets.
    static func bracketedBase(after offset: Int, in b: [UInt8]) -> Span? {
        var i = offset
        while i < b.count, b[i] == 0x20 || b[i] == 0x09 { i += 1 }
        guard i < b.count, b[i] == 0x28 else { return nil }
        let start = i + 1
        var j = start, dot = false
        while j < b.count, b[j] >= 0x30 && b[j] <= 0x39 || b[j] == 0x2E && !dot && j > start {
            if b[j] == 0x2E { dot = true }
            j += 1
        }
        guard dot, j < b.count, b[j] == 0x29, b[j - 1] != 0x2E, j - start <= 8 else { return nil }
        return Span(start, j)
    }

    /// Words that end the phrase between a percentage and " from ": another clause or comparison.
    static let phraseStoppers: Set<String> = ["and", "but", "while", "whereas", "versus", "vs", "compared", "against", "than", "or",
                                              "from", "to", "pct", "percent", "cent", "points", "point", "basis"]

    /// The bare new level before " from " and a percentage ("cut the rate to 3.80 from 3.85 pct",
    /// "to eight from 7-1/4 pct"): a number after "to" or "at", in digits or a word; nil otherwise.
    static func bareLevel(before offset: Int, in b: [UInt8]) -> Span? {
        let from = Array(" from ".utf8)
        guard offset >= from.count + 4, Array(b[(offset - from.count)..<offset]).map({ $0 | 0x20 }) == from else { return nil }
        let end = offset - from.count
        var start = end
        while start > 0, b[start - 1] >= 0x30 && b[start - 1] <= 0x39 || b[start - 1] == 0x2E || b[start - 1] == 0x2D || b[start - 1] == 0x2F
                || TriggerScanner.isLetter(b[start - 1]) { start -= 1 }
        guard start < end, start >= 3 else { return nil }
        let before = Array(b[(start - 3)..<start]).map { $0 | 0x20 }
        guard before == Array("to ".utf8) || before == Array("at ".utf8),
              start < 4 || !TriggerScanner.isLetter(b[start - 4]) else { return nil }
        let text = String(decoding: b[start..<end], as: UTF8.self)
        guard bareNumber(text) else { return nil }
        return Span(start, end)
    }

    /// A number written as a word from one to twenty ("eight"), by the number-words lexicon.
    static func isSmallNumberWord(_ word: String) -> Bool {
        let w = word.lowercased(), words = NumberWords.bundled
        guard w != "a", w != "an", let v = words.units[w] ?? words.tens[w] else { return false }
        return (1...20).contains(v)
    }

    /// Digits with a decimal part or a mixed fraction ("3.80", "7-1/4", "16"), or a number word up
    /// to twenty ("eight"); not a year.
    static func bareNumber(_ text: String) -> Bool {
        if isSmallNumberWord(text) { return true }
        let digits = text.split(separator: "-", maxSplits: 1)
        guard let whole = digits.first, !whole.isEmpty, whole.count <= 3 || whole.contains("."),
              whole.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }), whole.first!.isNumber, whole.last!.isNumber else { return false }
        if digits.count == 2 {
            let frac = digits[1].split(separator: "/")
            return frac.count == 2 && frac.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
        }
        return !(whole.count == 4 && !whole.contains("."))
    }

    /// The bare number after a base word (`baseWordEnd`) right after a percentage ("to 16.00 pct from
    /// 16.50", "to 7-1/2 pct from 7-3/4", "to 7-3/4 pct from eight", "8.5 pct after 9.8", "0.6 pct
    /// compared with 0.8"): digits, a decimal part or a mixed fraction, or
    /// a number word to twenty, then the clause's end or a word that is not a unit (",", ".", "in",
    /// "a year ago", "previously"); nil otherwise.
    static func bareBase(after offset: Int, in b: [UInt8]) -> Span? {
        func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
        var i = offset
        // " from ", or "from" at the start of the next line ("to 16.00 pct\nfrom 16.50").
        if i + 1 < b.count, b[i] == 0x0A || b[i] == 0x0D {
            while i < b.count, b[i] == 0x0A || b[i] == 0x0D || b[i] == 0x20 || b[i] == 0x09 { i += 1 }
            i -= 1
        }
        // "from" and the space or line break after it ("at present from\n11.8").
        guard let wordEnd = baseWordEnd(at: i + 1, in: b) else { return nil }
        i = wordEnd
        while i < b.count, TriggerScanner.isSpace(b[i]), i < wordEnd + 18 { i += 1 }
        let start = i
        // A number word ("from eight").
        if i < b.count, !isDigit(b[i]) {
            var j = i
            while j < b.count, TriggerScanner.isLetter(b[j]) { j += 1 }
            guard j > i, isSmallNumberWord(String(decoding: b[i..<j], as: UTF8.self)) else { return nil }
            return clauseGoesOn(after: j, in: b) ? Span(start, j) : nil
        }
        while i < b.count, isDigit(b[i]) { i += 1 }
        guard i > start, i - start <= 3 else { return nil }
        if i + 1 < b.count, b[i] == 0x2E, isDigit(b[i + 1]) { i += 1; while i < b.count, isDigit(b[i]) { i += 1 } }
        // "7-3/4": a mixed fraction.
        if i + 3 < b.count, b[i] == 0x2D, isDigit(b[i + 1]) {
            var j = i + 1
            while j < b.count, isDigit(b[j]) { j += 1 }
            if j + 1 < b.count, b[j] == 0x2F, isDigit(b[j + 1]) { j += 1; while j < b.count, isDigit(b[j]) { j += 1 }; i = j }
        }
        let end = i
        guard end >= b.count || !(isDigit(b[end]) || b[end] == 0x2C && end + 1 < b.count && isDigit(b[end + 1]) || b[end] == 0x25 || b[end] == 0x2F) else { return nil }
        return clauseGoesOn(after: end, in: b) ? Span(start, end) : nil
    }

    /// Whether a bare base figure ending at `end` stands alone: the clause's end follows, or a word
    /// that is not a unit or a noun the number counts (a line break is no clause end: wire copy
    /// wraps lines, "from 1.8\nmln").
    static func clauseGoesOn(after end: Int, in b: [UInt8]) -> Bool {
        var j = end
        while j < b.count, b[j] == 0x20 || b[j] == 0x0A || b[j] == 0x0D || b[j] == 0x09 { j += 1 }
        if j >= b.count || [0x2E, 0x2C, 0x3B, 0x29].contains(b[j]) { return true }
        var w = j
        while w < b.count, TriggerScanner.isLetter(b[w]) { w += 1 }
        return baseFollowers.contains(String(decoding: b[j..<w], as: UTF8.self).lowercased())
    }

    /// Words that may follow a bare base figure: the clause goes on, no unit comes.
    static let baseFollowers: Set<String> = ["in", "on", "at", "a", "the", "last", "previously", "earlier", "before", "and", "on",
                                             "when", "after", "as", "since", "where", "with", "set", "this", "for", "effective", "yesterday", "today"]

    /// The spans of the bare numbers of a list ending just before `offset`: "A, B and " or "A and "
    /// (commas, then "and"/"or"); at most twelve members, none spanning a line end.
    static func listMembers(before offset: Int, in b: [UInt8], money: Bool = false) -> [Span] {
        func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
        // Money lists run across a wrapped line and write thousands with commas ("at 1,850 and\n1,880 dlrs").
        func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || money && c == 0x0A }
        var i = offset
        func skipSpaces() { while i > 0, isSpace(b[i - 1]) { i -= 1 } }
        /// A number ending at `i` (digits with one optional decimal point), moving `i` to its start.
        func number() -> Span? {
            let end = i
            var j = i, dot = false, comma = false, digits = 0
            while j > 0 {
                let c = b[j - 1]
                if isDigit(c) { j -= 1; digits += 1; continue }
                if c == 0x2E, !dot, !comma, j - 1 > 0, isDigit(b[j - 2]), j < end { dot = true; digits = 0; j -= 1; continue }
                if money, c == 0x2C, digits == 3, j - 1 > 0, isDigit(b[j - 2]) { comma = true; digits = 0; j -= 1; continue }
                break
            }
            guard j < end, isDigit(b[j]), isDigit(b[end - 1]) else { return nil }
            // A year is not a list member ("in 2023 and 7 percent in 2024").
            if end - j == 4, !dot, b[j] == 0x31 && b[j + 1] == 0x39 || b[j] == 0x32 && b[j + 1] == 0x30 { return nil }
            // Not part of a larger token ("Q3", "2,500", "1.2.3").
            if j > 0, b[j - 1] >= 0x41 || b[j - 1] == 0x2E || (b[j - 1] == 0x2C && j > 1 && isDigit(b[j - 2])) || b[j - 1] == 0x24 { return nil }
            i = j
            return Span(j, end)
        }
        skipSpaces()
        // "and" or "or" directly before the last member.
        // Money after "or" restates a figure ("2,778,000 dlrs or 28 cts a share"): lists of money take "and".
        let conjunctions: [[UInt8]] = money ? [Array("and".utf8)] : [Array("and".utf8), Array("or".utf8)]
        guard let conj = conjunctions.first(where: { w in
            i >= w.count && Array(b[(i - w.count)..<i]).map({ $0 | 0x20 }) == w && (i - w.count == 0 || isSpace(b[i - w.count - 1]))
        }) else { return [] }
        i -= conj.count
        skipSpaces()
        var serialComma = false
        if i > 0, b[i - 1] == 0x2C { i -= 1; skipSpaces(); serialComma = true }  // the serial comma
        var members: [Span] = []
        while members.count < 12, let n = number() {
            members.append(n)
            skipSpaces()
            guard i > 0, b[i - 1] == 0x2C else { break }
            i -= 1
            skipSpaces()
        }
        // One figure, a comma and "or" restate it in percent ("the index fell 5.39, or 1.2%"): not a list.
        if members.count == 1, serialComma, conj == Array("or".utf8) { return [] }
        // The first member ends a name ("the S&P 500 and 5.8% for the Big Board", "the FTSE 100
        // and 2 pct"): a word with a capital letter before it, not opening its sentence.
        if let first = members.last, isNameNumber(first.start, b) { return [] }
        return members.reversed()
    }

    /// The earlier members of a list of money amounts whose currency is written once, after the
    /// last ("March/April sold at 4,340, 4,345 and 4,350 dlrs", "at 35 and 45 dlrs under New York
    /// July", "1.5 and 2.1 billion yen"): each bare number before the money mention, joined to it by
    /// commas and a final "and" or "or", is money of its own in the last member's currency, scale
    /// and unit (rule `money.list-member`), as ``addPercentListMembers(_:_:)`` reads percentages.
    /// A latent number at the same place gives way; a range ("4,351 to 4,450 dlrs") is no list.
    func addMoneyListMembers(_ mentions: inout [Mention], _ document: Document) {
        let b = document.bytes
        var added: [Mention] = []
        for m in mentions where m.type == .money && !m.latent && m.rule != "money.list-member" {
            guard case let .money(amount?, nil, nil, currency, per) = m.value, m.span.start < b.count,
                  b[m.span.start] >= 0x30, b[m.span.start] <= 0x39 else { continue }
            // The mention's own figure, to carry its scale and minor unit to the members.
            var e = m.span.start
            while e < m.span.end, b[e] >= 0x30 && b[e] <= 0x39 || (b[e] == 0x2C || b[e] == 0x2E) && e + 1 < m.span.end && b[e + 1] >= 0x30 && b[e + 1] <= 0x39 { e += 1 }
            guard let own = Numbers.parse(document.text(Span(m.span.start, e))), own != 0 else { continue }
            let factor = amount / own
            for member in Self.listMembers(before: m.span.start, in: b, money: true) {
                let text = document.text(member)
                guard let v = Numbers.parse(text) else { continue }
                // A member written out in full ("2,778,000") takes no scale or minor unit of the
                // last ("2,778,000 and 28 cts a share" is no list of cents).
                if factor != 1, text.contains(",") { continue }
                var added1 = Mention(type: .money, span: member, matchSpan: member, text: text, rule: "money.list-member",
                                     value: .money(amount: v * factor, low: nil, high: nil, currency: currency, per: per))
                added1.pendingCurrency = m.pendingCurrency
                added1.currencySource = m.currencySource
                added.append(added1)
            }
        }
        Self.addMembers(added, to: &mentions, b)
    }

    /// The later days of a list after a month and day ("on April 1, 2 and 3", "set for April 2, 7,
    /// 8, 21 and 22", "the April 11 and 26 local elections", "for delivery on July 5 and 20"):
    /// each is a day of that month (rule `date.list-member`), read as the first is. The days must
    /// rise, the list must end with "and" before its last day ("March 15 or 16" is one date or the
    /// other, not two), and no unit or noun the number counts may follow that day ("on April 2 and
    /// 15 pct" is no list).
    func addDayListMembers(_ mentions: inout [Mention], _ document: Document) {
        let b = document.bytes
        func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
        var added: [Mention] = []
        for m in mentions where m.type == .date && !m.latent && m.rule == "date.month-day" {
            guard case let .calendar(fields, nil) = m.value, fields.month != nil, let first = fields.day, fields.dayTo == nil,
                  fields.year == nil, m.span.end > 0, isDigit(b[m.span.end - 1]) else { continue }
            var i = m.span.end, last = first, days: [(Span, Int)] = [], closed = false
            while days.count < 8, i < b.count {
                var j = i
                var conj = false
                if j < b.count, b[j] == 0x2C { j += 1 }
                while j < b.count, b[j] == 0x20 { j += 1 }
                let and = Self.dayListAnd
                if j + and.count < b.count, b[j..<(j + and.count)].elementsEqual(and), b[j + and.count] == 0x20 {
                    j += and.count + 1; conj = true
                    while j < b.count, b[j] == 0x20 { j += 1 }
                }
                guard j > i, j < b.count, b[i] == 0x2C || conj else { break }
                let start = j
                while j < b.count, isDigit(b[j]) { j += 1 }
                guard j > start, j - start <= 2, j >= b.count || !(isDigit(b[j]) || b[j] == 0x2E && j + 1 < b.count && isDigit(b[j + 1]) || b[j] == 0x2C && j + 1 < b.count && isDigit(b[j + 1])),
                      let d = Int(String(decoding: b[start..<j], as: UTF8.self)), d > last, d <= 31 else { break }
                days.append((Span(start, j), d))
                last = d
                i = j
                if conj { closed = true; break }
            }
            guard closed, let end = days.last?.0.end, Self.clauseGoesOn(after: end, in: b) || Self.dayListFollowers.contains(Self.lowercasedWord(after: end, in: b)) else { continue }
            for (span, d) in days {
                var f = fields
                f.day = d
                added.append(Mention(type: .date, span: span, matchSpan: span, text: document.text(span), rule: "date.list-member",
                                     value: .calendar(fields: f, resolved: nil)))
            }
        }
        Self.addMembers(added, to: &mentions, b)
    }

    /// Nouns a list of days may stand before ("the April 11 and 26 local elections").
    static let dayListFollowers: Set<String> = ["local", "elections", "election", "meetings", "meeting", "sessions", "session", "auctions", "auction", "tenders", "tender", "talks"]

    /// "and" before a list's last day.
    static let dayListAnd = Array("and".utf8)

    /// The lower-case word right after `offset` past spaces ("" if none).
    static func lowercasedWord(after offset: Int, in b: [UInt8]) -> String {
        var j = offset
        while j < b.count, b[j] == 0x20 { j += 1 }
        var w = j
        while w < b.count, TriggerScanner.isLetter(b[w]) { w += 1 }
        return String(decoding: b[j..<w], as: UTF8.self).lowercased()
    }

    /// Whether the number at `start` follows a word that names something ("S&P 500", "FTSE 100"):
    /// the word before it holds a capital letter and is not the first of its sentence.
    private static func isNameNumber(_ start: Int, _ b: [UInt8]) -> Bool {
        var i = start
        while i > 0, b[i - 1] == 0x20 { i -= 1 }
        let end = i
        while i > 0, TriggerScanner.isLetter(b[i - 1]) || b[i - 1] == 0x26 { i -= 1 }
        guard i < end, b[i..<end].contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else { return false }
        // The word before it: a sentence's first word is capitalised anyway ("Up 5 and 6 pct").
        var k = i
        while k > 0, b[k - 1] == 0x20 || b[k - 1] == 0x0A || b[k - 1] == 0x09 { k -= 1 }
        return k > 0 && ![0x2E, 0x21, 0x3F, 0x22].contains(b[k - 1])
    }
}

/// The cues that tell what a percentage without a direction is (`percent-*` definitions).
struct PercentKindCues: Sendable {
    let shareBefore, shareAfter, rateBefore, rateAfter, changeBefore, changeAfter, levelBefore, shareMeasure, changeMeasure, rateMeasure: Pattern?
    init(_ ruleSet: RuleSet) throws {
        func cue(_ name: String) throws -> Pattern? { ruleSet.definitions[name] == nil ? nil : try ruleSet.compile("{{\(name)}}") }
        shareBefore = try cue("percent-share-before")
        shareAfter = try cue("percent-share-after")
        rateBefore = try cue("percent-rate-before")
        changeBefore = try cue("percent-change-before")
        rateAfter = try cue("percent-rate-after")
        changeAfter = try cue("percent-change-after")
        levelBefore = try cue("percent-level-before")
        shareMeasure = try cue("percent-share-measure")
        changeMeasure = try cue("percent-change-measure")
        rateMeasure = try cue("percent-rate-measure")
    }
}

extension Extractor {
    /// The last percentage before mention `i` in `sentence` (the walk stops at the sentence's start:
    /// mentions are in text order).
    func lastPercent(before i: Int, _ mentions: [Mention], in sentence: Span) -> Mention? {
        var j = i - 1
        while j >= 0, mentions[j].span.start >= sentence.start {
            if mentions[j].type == .percent && !mentions[j].latent { return mentions[j] }
            j -= 1
        }
        return nil
    }

    /// Where the text before a percentage stops for its kind cues: another clause begins.
    static let clauseCuts: [[UInt8]] = [";", " while ", " but ", " whereas "].map { Array($0.utf8) }

    /// Marks what each percentage is (see ``Mention/percentKind``), in its `role`: `share` when a
    /// share cue comes right before or after it (even with a direction word: "made up 38% of the
    /// total", "taking 15.2% of exports"), else, without a direction, `rate` after a rate cue or
    /// before a rate's name ("a 25% tariff") and `change` after a change verb earlier in its clause
    /// or before a comparison or change word ("12.6% smaller than", "5% growth", "4.9% against the
    /// dollar"); a percentage with a direction is a change already.
    func classifyPercents(_ mentions: inout [Mention], _ document: Document) {
        let b = document.bytes
        for i in mentions.indices where mentions[i].type == .percent && !mentions[i].latent {
            guard case let .percent(_, _, _, unit, direction, basis) = mentions[i].value, unit == .percent else { continue }
            let span = mentions[i].span
            // The number's start: the mention may begin with its direction word ("up 6 per cent").
            var numberStart = span.start
            while numberStart < span.end, !(b[numberStart] >= 0x30 && b[numberStart] <= 0x39) { numberStart += 1 }
            // A number in words ("by more than five pct") has no digit: its mention's start.
            if numberStart == span.end { numberStart = span.start }
            let sentence = document.sentenceIndex(of: span.start).map { document.sentences[$0].span } ?? Span(0, b.count)
            var from = max(sentence.start, numberStart - 80)
            for cut in Self.clauseCuts {
                if let at = b.lastIndex(of: cut, in: from..<numberStart) { from = at + cut.count }
            }
            let before = Span(from, max(from, numberStart))
            let after = Span(span.end, min(sentence.end, span.end + 40))
            func hits(_ p: Pattern?, _ s: Span) -> Bool { p.map { !document.matchSpans(of: $0, in: s, limit: 1).isEmpty } ?? false }
            if hits(percentKindCues.shareBefore, before) || hits(percentKindCues.shareAfter, after) {
                mentions[i].role = "share"
            } else if hits(percentKindCues.levelBefore, Span(max(from, numberStart - 40), numberStart)),
                      case let previous = lastPercent(before: i, mentions, in: sentence),
                      !(previous.map { numberStart - $0.span.end <= 5 } ?? false) {
                // "fell to 69.8%", "up from 72.8%": the level the measure went to or came from, a
                // share when the measure is one (or the figure before it in the sentence was), a
                // change when it is a growth rate (not the second end of a range: "6% to 7%").
                mentions[i].role = hits(percentKindCues.shareMeasure, before) || previous?.role == "share" ? "share"
                    : hits(percentKindCues.rateBefore, before) ? "rate"
                    : hits(percentKindCues.changeMeasure, before) ? "change"
                    : hits(percentKindCues.rateMeasure, before) ? "rate" : "level"
            } else if direction == nil && basis == nil {
                if hits(percentKindCues.rateBefore, before) || hits(percentKindCues.rateAfter, after) { mentions[i].role = "rate" }
                else if hits(percentKindCues.changeBefore, before) || hits(percentKindCues.changeAfter, after) { mentions[i].role = "change" }
            }
        }
    }
}
