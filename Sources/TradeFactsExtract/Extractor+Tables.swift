import Foundation
import TradeFactsText
import TradeFactsRules
import PCRE2Kit

extension Extractor {
    /// The rules that read a results table's breakdown lines whatever their label
    /// (`money.table-segment-figure`, `money.table-segment-prior-figure`).
    static let segmentFigureRules: Set<String> = ["money.table-segment-figure", "money.table-segment-prior-figure"]

    /// Whether line `line` (0-based) sets two figures against each other with "vs" ("Shr Royal
    /// Dutch Petroleum Co 2.30 dlrs vs 2.90 dlrs"): a results table's line.
    static func lineSetsFigures(_ line: Int, _ document: Document) -> Bool {
        let span = document.lineIndex.span(ofLine: line + 1, in: document.bytes)
        return document.bytes[span.start..<span.end].firstRange(of: Self.vsWord) != nil
    }
    static let vsWord = Array(" vs ".utf8)

    /// A breakdown line's figures ("Agribusiness 28.3 mln vs 22.5 mln") are money only in a
    /// results table: within twenty lines after a line whose known label `money.table-figure` or
    /// `money.table-prior-figure` read ("Pretax profit 54.6 mln vs 46.5 mln"), or a line of money
    /// set against money ("Shr 2.30 dlrs vs 2.90 dlrs"). Elsewhere (a crop
    /// table's "Wheat 12.3 mln vs 11.2 mln") they are dropped.
    static func keepSegmentFiguresInResultsTables(_ mentions: inout [Mention], _ document: Document) {
        guard mentions.contains(where: { segmentFigureRules.contains($0.rule) }) else { return }
        var lastTableLine: Int? = nil
        // Each line is read once for its "vs", however many figures it holds (a long text on one
        // line must not be read again for each).
        var setsFigures: [Int: Bool] = [:]
        var kept: [Mention] = []
        kept.reserveCapacity(mentions.count)
        for m in mentions {
            let line = document.lineIndex.lineIndex(of: m.span.start)
            if segmentFigureRules.contains(m.rule) {
                if lastTableLine.map({ line >= $0 && line - $0 <= 20 }) ?? false { kept.append(m) }
                continue
            }
            if m.type == .money {
                if m.rule == "money.table-figure" || m.rule == "money.table-prior-figure" {
                    lastTableLine = line
                } else {
                    let sets = setsFigures[line] ?? lineSetsFigures(line, document)
                    setsFigures[line] = sets
                    if sets { lastTableLine = line }
                }
            }
            kept.append(m)
        }
        mentions = kept
    }

    /// The bare figures of a price table are money in the unit the table declares (rule
    /// `money.price-table`). Wire copy sets commodity prices out as columns under a line that says
    /// what they are in, once: "SPOT.(DLRS/TONNE)....PROPANE....BUTANE", "(Dlrs/Bu-Sorghum Cwt)",
    /// "Price per bushel is in U.S. dollars", "(in mln dlrs)" (the definition `price-table-unit`).
    ///
    /// A table row is a line of cells set apart by two or more spaces, a tab or dot leaders: an
    /// optional label ("Chicago", "NORTH SEA (FOB)", "Ill. Track"), then only cells that are
    /// figures ("3.04", "123.00", a two-way quote "113/117", a footnoted "3.25-Y") or fillers
    /// ("--", "n.a.", a level "IV"), at least one a figure. A table is a run of at least two rows,
    /// with blank lines and short heading lines between them ("WHEAT  HRW  HRS", "Baltimore/"). The
    /// declaration is looked for in the six lines above the table's first row (a heading among
    /// them); a note inside or under a table declares nothing. A figure another rule already read (a year heading, "126 dlrs") keeps that
    /// reading; a bare figure's latent number gives way. Tables without a declaration, and prose,
    /// are left alone: "Net 23,000 vs 338,000" is not a row ("vs" is no cell).
    func priceTables(_ mentions: inout [Mention], _ document: Document) {
        guard let unit = priceTableUnit else { return }
        let b = document.bytes
        let starts = document.lineIndex.lineStarts
        guard starts.count >= 3 else { return }
        func line(_ k: Int) -> Range<Int> {
            var end = k + 1 < starts.count ? starts[k + 1] : b.count
            while end > starts[k], b[end - 1] == 0x0A || b[end - 1] == 0x0D { end -= 1 }
            return starts[k]..<end
        }
        // Cheap test first: most documents have no line with a figure after a wide gap (two
        // spaces, a tab or dot leaders after a word).
        guard starts.indices.contains(where: { Self.mayBeRow(b, line($0)) }) else { return }
        let kinds = starts.indices.map { Self.tableLineKind(b, line($0)) }
        guard kinds.contains(where: { if case .row = $0 { return true } else { return false } }) else { return }
        var added: [Mention] = []
        var k = 0, previousEnd = 0
        while k < kinds.count {
            guard case .row = kinds[k] else { k += 1; continue }
            // The table: rows, with blank and heading lines between them.
            var last = k, rows = 0, j = k
            while j < kinds.count {
                switch kinds[j] {
                case .row: rows += 1; last = j
                case .blank, .heading: break
                case .prose: j = kinds.count; continue
                }
                j += 1
            }
            defer { k = last + 1 }
            guard rows >= 2 else { continue }
            // Above the table or in its headings, before its first row: a note under one table
            // ("Note - Price in dlrs per bu.") says nothing of the next one's figures.
            let zone = Span(starts[max(0, k - 6, previousEnd)], starts[k])
            // Prose right under another table is its note ("Note - Price in dlrs per bu.", "X -
            // ... Average price in cents per lb."), not the next table's heading.
            let afterTable = previousEnd > 0 && previousEnd >= k - 12
            previousEnd = last + 1
            guard let declaration = Self.firstMatch(of: unit, in: zone, document) else { continue }
            let declarationLine = document.lineIndex.lineIndex(of: declaration.span.start)
            // Unless it points ahead ("Netback values … are shown below in dlrs a barrel.", "as follows").
            if afterTable, case .prose = kinds[declarationLine],
               !Self.pointsAhead(b[line(declarationLine)]) { continue }
            if String(decoding: b[line(declarationLine)].drop { $0 == 0x20 || $0 == 0x09 }.prefix(4), as: UTF8.self).lowercased() == "note" { continue }
            guard declaration.currency != nil else { continue }
            var cells: [Range<Int>] = []
            for r in k...last { if case let .row(c) = kinds[r] { cells += c } }
            added += declaredMoney(cells, declaration, rule: "money.price-table", mentions, document)
        }
        Self.merge(added, into: &mentions)
    }

    /// Money mentions for the bare figures `cells`, in the currency, scale and unit `declaration`
    /// gives; a figure another rule read (not a latent number) is skipped.
    func declaredMoney(_ cells: [Range<Int>], _ declaration: (span: Span, currency: Span?, scale: Span?, per: Span?), rule: String,
                       _ mentions: [Mention], _ document: Document) -> [Mention] {
        guard let c = declaration.currency else { return [] }
        let b = document.bytes, lex = normalizationLexicons
        let text = document.text(c), key = Lexicon.key(text)
        let code = currency(text, key: key)
        let minor = lex.minorUnits[key] ?? 1
        let scale = declaration.scale.flatMap { Numbers.scale(document.text($0)) ?? Numbers.scale(String(document.text($0).dropLast())) } ?? 1
        let per = declaration.per.map { lex.priceUnits?.lookup(document.text($0)) ?? Lexicon.key(document.text($0)) }
        let pending: PendingCurrency? = lex.ambiguousDollars?.lookup(key: key) != nil ? .localDollar : nil
        var added: [Mention] = []
        for cell in cells {
            let span = Span(cell)
            // A cell may carry its own scale word ("4.71 billion").
            let words = String(decoding: b[cell], as: UTF8.self).split { $0 == " " || $0 == "\n" }
            let own = words.count == 2 ? Numbers.scale(String(words[1])) : nil
            // (A scaled figure read as a bare number or as money carried from before, "4.71
            // billion", gives way too: the list's own currency is the nearer.)
            guard !mentions.contains(where: { !$0.latent && !(own != nil && ($0.type == .number || $0.rule == "money.elided")) && $0.span.overlaps(span) }),
                  let first = words.first,
                  let v = Numbers.parse(String(first)) else { continue }
            var amount = Self.scaled(v, by: own ?? scale)
            if minor != 1 { amount /= minor }
            var m = Mention(type: .money, span: span, matchSpan: span, text: document.text(span), rule: rule,
                            value: .money(amount: amount, low: nil, high: nil, currency: code, per: per))
            m.pendingCurrency = pending
            added.append(m)
        }
        return added
    }

    /// Adds `added` to `mentions` in text order; a latent or bare number, or money carried from
    /// before (`money.elided`), that they overlap gives way.
    static func merge(_ added: [Mention], into mentions: inout [Mention]) {
        guard !added.isEmpty else { return }
        mentions.removeAll { m in (m.latent || m.type == .number || m.rule == "money.elided") && added.contains { $0.span.overlaps(m.span) } }
        mentions.append(contentsOf: added)
        mentions.sort { ($0.span.start, $0.span.end) < ($1.span.start, $1.span.end) }
    }

    /// The figures of a list that gives each with its previous one in brackets are money in the
    /// unit its lead declares (rule `money.bracket-list`, definition `bracket-list-unit`): "The
    /// Argentine Grain Board adjusted minimum export prices of grain and oilseed products in dlrs
    /// per tonne FOB, previous in brackets, as follows: Sorghum 64 (63), sunflowerseed cake and
    /// expellers 103 (102) …", a futures close "(in cruzados per 60 kilo bag … with previous in
    /// brackets) - May  2,560  (2,560)".
    ///
    /// Only a figure followed by a figure in brackets ("64 (63)") is read, both of them, from the
    /// declaration to the next one, the story's sign-off ("REUTER") or 2,000 bytes on, whichever
    /// comes first. A figure another rule already read keeps that reading; a latent number gives way.
    func bracketLists(_ mentions: inout [Mention], _ document: Document) {
        guard let unit = bracketListUnit else { return }
        let b = document.bytes
        // Cheap test first: almost no story speaks of brackets or parentheses ("in\nbrackets" may
        // break its line).
        guard b.containsIgnoringASCIICase(Self.bracketsWord) || b.containsIgnoringASCIICase(Self.parenthesesWord) else { return }
        var declarations: [(span: Span, currency: Span?, scale: Span?, per: Span?)] = []
        var from = 0
        while from < b.count, let d = Self.firstMatch(of: unit, in: Span(from, b.count), document) {
            declarations.append(d)
            from = d.span.end
        }
        guard !declarations.isEmpty else { return }
        var added: [Mention] = []
        for (n, d) in declarations.enumerated() {
            var end = min(b.count, d.span.end + 2000)
            if n + 1 < declarations.count { end = min(end, declarations[n + 1].span.start) }
            if let r = b.firstIndex(of: Self.reuterSignOff, in: d.span.end..<end) { end = r }
            let cells = Self.bracketPairs(b, d.span.end..<end).flatMap { [$0.0] + $0.1 }
            added += declaredMoney(cells, d, rule: "money.bracket-list", mentions, document)
        }
        Self.merge(added, into: &mentions)
    }
    static let bracketsWord = Array("brackets".utf8), parenthesesWord = Array("parenthes".utf8)
    static let reuterSignOff = Array("\n REUTER".utf8)

    /// Whether a line points to what follows it ("shown below", "as follows", "following").
    static func pointsAhead(_ line: ArraySlice<UInt8>) -> Bool {
        let l = Array(line)
        return aheadWords.contains { l.containsIgnoringASCIICase($0) }
    }
    static let aheadWords: [[UInt8]] = ["below", "follow"].map { Array($0.utf8) }

    /// What stands in brackets for a figure not available ("(NA)", "(n.a.)").
    static let notAvailable: [[UInt8]] = ["n.a.", "na", "n/a", "nil", "nc"].map { Array($0.utf8) }

    /// The pairs "figure (figure)" in `range`: a figure ("64", "2,560", "1.05", "4.71 billion") not
    /// inside a word or another figure, up to three spaces or a line break, "(", the figures in the
    /// brackets, ")". The brackets may hold one figure, "both" and one ("(both 3.99 billion)"), or
    /// several joined by "and" or commas ("(4.90 billion and 3.83 billion)", the previous values in
    /// the order the lead gives); with "(NA)" or "(n.a.)", the first alone. A figure's scale word
    /// belongs to its cell.
    static func bracketPairs(_ b: [UInt8], _ range: Range<Int>) -> [(Range<Int>, [Range<Int>])] {
        func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
        func figureEnd(_ s: Int) -> Int? {
            var i = s
            guard i < range.upperBound, isDigit(b[i]) else { return nil }
            while i < range.upperBound, isDigit(b[i]) || (b[i] == 0x2C || b[i] == 0x2E) && i + 1 < range.upperBound && isDigit(b[i + 1]) { i += 1 }
            // A scale word after it ("4.71 billion", "503 mln").
            var k = i
            while k < range.upperBound, k - i < 2, b[k] == 0x20 || b[k] == 0x0A { k += 1 }
            if k > i, let w = Self.scaleWords.first(where: { b.hasPrefixIgnoringASCIICase($0, at: k) }),
               k + w.count >= range.upperBound || !TriggerScanner.isLetter(b[k + w.count]) { return k + w.count }
            return i
        }
        func skipSpaces(_ s: Int) -> Int {
            var i = s, n = 0
            while i < range.upperBound, b[i] == 0x20 || b[i] == 0x0A, n < 4 { i += 1; n += 1 }
            return i
        }
        var pairs: [(Range<Int>, [Range<Int>])] = []
        var i = range.lowerBound
        while i < range.upperBound {
            let before = i > 0 ? b[i - 1] : 0x20
            guard isDigit(b[i]), !isDigit(before), !TriggerScanner.isLetter(before), before != 0x2E, before != 0x2C, before != 0x2F, before != 0x2D,
                  let end1 = figureEnd(i) else { i += 1; continue }
            var k = skipSpaces(end1)
            guard k > end1 || end1 < range.upperBound && b[end1] == 0x28, k < range.upperBound, b[k] == 0x28 else { i = end1; continue }
            k = skipSpaces(k + 1)
            // No previous figure ("976.50  (NA)"): the first alone.
            if let na = Self.notAvailable.first(where: { b.hasPrefixIgnoringASCIICase($0, at: k) }), k + na.count < range.upperBound, b[k + na.count] == 0x29 {
                pairs.append((i..<end1, []))
                i = k + na.count + 1
                continue
            }
            if b.hasPrefixIgnoringASCIICase(Self.bothWord, at: k) { k = skipSpaces(k + Self.bothWord.count) }
            var seconds: [Range<Int>] = []
            var ok = false
            while let end2 = figureEnd(k) {
                seconds.append(k..<end2)
                var next = skipSpaces(end2)
                if next < range.upperBound, b[next] == 0x29 { ok = true; k = next; break }
                if next < range.upperBound, b[next] == 0x2C { next = skipSpaces(next + 1) }
                if b.hasPrefixIgnoringASCIICase(Self.andWord, at: next) { next = skipSpaces(next + Self.andWord.count) }
                guard next > end2, seconds.count < 4 else { break }
                k = next
            }
            guard ok else { i = end1; continue }
            pairs.append((i..<end1, seconds))
            i = k + 1
        }
        return pairs
    }
    static let scaleWords: [[UInt8]] = ["billion", "bln", "million", "mln", "thousand"].map { Array($0.utf8) }
    static let bothWord = Array("both ".utf8), andWord = Array("and ".utf8)

    /// What a line is to a table: a row with the byte ranges of its figures, a heading (no digit,
    /// or a short line), blank, or prose.
    enum LineKind { case row([Range<Int>]), heading, blank, prose }

    /// Whether a line has a digit after a gap of two spaces, a tab or two dots that follows text.
    static func mayBeRow(_ b: [UInt8], _ range: Range<Int>) -> Bool {
        var seenText = false, gap = false
        var i = range.lowerBound
        while i < range.upperBound {
            let c = b[i]
            if c == 0x09 || (c == 0x20 || c == 0x2E) && i + 1 < range.upperBound && b[i + 1] == c {
                if seenText { gap = true }
            } else if c != 0x20 {
                if gap, c >= 0x30, c <= 0x39 { return true }
                seenText = true
            }
            i += 1
        }
        return false
    }

    static func tableLineKind(_ b: [UInt8], _ range: Range<Int>) -> LineKind {
        // Cells: runs between separators (two or more spaces, a tab, two or more dots).
        var cells: [Range<Int>] = []
        var i = range.lowerBound, cellStart: Int? = nil, separators = 0
        func isSeparator(_ i: Int) -> Int {
            if b[i] == 0x09 { return 1 }
            if b[i] == 0x20 || b[i] == 0x2E {
                var j = i
                while j < range.upperBound, b[j] == b[i] { j += 1 }
                if j - i >= 2 { return j - i }
            }
            return 0
        }
        while i < range.upperBound {
            let n = isSeparator(i)
            if n > 0 {
                if let s = cellStart { cells.append(s..<i); cellStart = nil; separators += 1 }
                i += n
                continue
            }
            if cellStart == nil, b[i] != 0x20 { cellStart = i }
            i += 1
        }
        if let s = cellStart { cells.append(s..<range.upperBound) }
        // A cell's own trailing space ("-- " at a line's end) is no part of it.
        cells = cells.map { c in
            var e = c.upperBound
            while e > c.lowerBound + 1, b[e - 1] == 0x20 { e -= 1 }
            return c.lowerBound..<e
        }
        if cells.isEmpty { return .blank }
        let hasDigit = b[range].contains { $0 >= 0x30 && $0 <= 0x39 }
        // A line without gaps: a heading when short ("Baltimore/", "X - 1986 Rates.") or without
        // digits and lower-case letters ("OFFICIAL PRICES-FOB"); prose otherwise.
        if separators == 0 {
            let words = b[range].split(separator: 0x20).count
            return words <= 4 || !hasDigit && !b[range].contains(where: { $0 >= 0x61 && $0 <= 0x7A }) ? .heading : .prose
        }
        // The figures of the cells after the label (the first cell, unless it is a figure itself).
        var figures: [Range<Int>] = []
        for (n, c) in cells.enumerated() {
            switch cellKind(b, c) {
            case .figure(let parts): figures.append(contentsOf: parts)
            case .filler: break
            case .other: if n > 0 { return hasDigit ? .prose : .heading }
            }
        }
        if figures.isEmpty { return hasDigit ? .prose : .heading }
        return .row(figures)
    }

    enum CellKind { case figure([Range<Int>]), filler, other }

    /// A cell: a figure ("3.04", "1,234", "123.00", "3.25-Y" with its footnote letter, a two-way
    /// quote "113/117" as its two figures), a filler ("--", "n.a.", "nil", a level "IV"), or other.
    static func cellKind(_ b: [UInt8], _ c: Range<Int>) -> CellKind {
        let t = b[c]
        if t.allSatisfy({ $0 == 0x2D }) { return .filler }
        let lowered = String(decoding: t, as: UTF8.self).lowercased()
        if ["n.a.", "n.a", "na", "nil", "nc", "unch", "unch.", "neg", "i", "ii", "iii", "iv", "v", "vi", "vii"].contains(lowered) { return .filler }
        // digits[,digits][.digits] (one figure), optionally "/digits" (a second), optionally "-X".
        func figure(_ s: Int, _ e: Int) -> Int? {
            var i = s
            guard i < e, b[i] >= 0x30, b[i] <= 0x39 else { return nil }
            while i < e, b[i] >= 0x30 && b[i] <= 0x39 || (b[i] == 0x2C || b[i] == 0x2E) && i + 1 < e && b[i + 1] >= 0x30 && b[i + 1] <= 0x39 { i += 1 }
            return i
        }
        guard let end1 = figure(c.lowerBound, c.upperBound) else { return .other }
        var parts = [c.lowerBound..<end1]
        var i = end1
        if i < c.upperBound, b[i] == 0x2F, let end2 = figure(i + 1, c.upperBound) {
            // A two-way quote's second figure has as many digits before its point as the first.
            func whole(_ r: Range<Int>) -> Int { b[r].prefix { $0 != 0x2E }.count }
            let second = (i + 1)..<end2
            guard whole(second) == whole(parts[0]), whole(second) >= 2 else { return .other }
            parts.append(second)
            i = end2
        }
        // A range of prices ("156.70-160.70", "35.00-36.00"): its two figures.
        if parts.count == 1, i < c.upperBound, b[i] == 0x2D, let end2 = figure(i + 1, c.upperBound), end2 == c.upperBound,
           b[parts[0]].contains(0x2E), b[(i + 1)..<end2].contains(0x2E) {
            parts.append((i + 1)..<end2)
            i = end2
        }
        if i + 2 == c.upperBound, b[i] == 0x2D, (b[i + 1] | 0x20) >= 0x61, (b[i + 1] | 0x20) <= 0x7A { i += 2 }
        return i == c.upperBound ? .figure(parts) : .other
    }

    /// The first match of the `price-table-unit` definition in `zone`, with its groups.
    static func firstMatch(of pattern: Pattern, in zone: Span, _ document: Document) -> (span: Span, currency: Span?, scale: Span?, per: Span?)? {
        var found: (span: Span, currency: Span?, scale: Span?, per: Span?)? = nil
        let s = max(0, min(zone.start, document.bytes.count)), e = max(s, min(zone.end, document.bytes.count))
        document.bytes.withUnsafeBufferPointer { buffer in
            let slice = UnsafeBufferPointer(rebasing: buffer[s..<e])
            try? pattern.forEachMatch(in: slice, scratch: MatchScratch.forCurrentThread) { m in
                if let whole = m.range(ofGroup: 0) {
                    let currency = m.range(ofGroup: "currency"), scale = m.range(ofGroup: "scale"), per = m.range(ofGroup: "per")
                    func span(_ r: Range<Int>?) -> Span? { r.map { Span(s + $0.lowerBound, s + $0.upperBound) } }
                    found = (span(whole)!, span(currency), span(scale), span(per))
                }
                return false
            }
        }
        return found
    }
}
