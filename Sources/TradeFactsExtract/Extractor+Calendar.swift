import Foundation
import TradeFactsText
import TradeFactsRules

/// Calendar work of the extractor: the dateline, tense, anaphora and reading calendar fields.
extension Extractor {
    /// The dateline of a document, and the date it gives.
    struct Dateline {
        /// The index of the dateline mention.
        var index: Int
        /// The date it gives; nil for a dateline without a year and no stamp line to take it from.
        var date: CalendarDate?
        /// The stamp line's date mention whose year completed a yearless dateline.
        var stamp: Int?
    }

    /// The dateline: a wire dateline without a year at the start of one of the first three
    /// non-empty lines ("HEFEI, Oct. 21 (Xinhua) --"), its year taken from a stamp line (a full
    /// date on a short line among the first six or the last three); else the first full date near
    /// the start of one of the first three non-empty lines ("27-MAR-1987 12:05:50.31",
    /// "Updated: Oct 22, 2024 10:11 IST"). A yearless dateline is marked as the dateline when a date
    /// is given with the document too (a Reuters record's), but a given date needs no year from it.
    func dateline(_ mentions: [Mention], _ document: Document) -> Dateline? {
        let lines = firstNonEmptyLines(document, 3)
        for line in lines {
            for (i, m) in mentions.enumerated() where line.contains(m.span) && m.span.start - line.start <= 40 {
                guard let f = m.periodFields, f.year == nil, let month = f.month, let day = f.day, f.dayTo == nil,
                      isWireDateline(m.span, line: line, document) else { continue }
                // With a date given, the dateline is still no figure's period; its year is not needed.
                if document.givenReferenceDate != nil { return Dateline(index: i, date: nil, stamp: nil) }
                guard let s = stampIndex(mentions, document, excluding: i),
                      let stamp = mentions[s].periodFields, let sy = stamp.year, let sm = stamp.month, let sd = stamp.day,
                      let stampDate = CalendarDate(validYear: sy, month: sm, day: sd) else { return Dateline(index: i, date: nil, stamp: nil) }
                // The year that puts the dateline's day nearest the stamp (a 31 December story stamped 1 January).
                let best = [sy - 1, sy, sy + 1].compactMap { CalendarDate(validYear: $0, month: month, day: day) }
                    .min { abs($0.dayNumber - stampDate.dayNumber) < abs($1.dayNumber - stampDate.dayNumber) }
                return Dateline(index: i, date: best, stamp: s)
            }
        }
        for line in lines {
            for (i, m) in mentions.enumerated() where line.contains(m.span) && m.span.start - line.start <= 40 {
                if let f = m.periodFields, let y = f.year, let mo = f.month, let d = f.day, f.dayTo == nil {
                    return Dateline(index: i, date: CalendarDate(validYear: y, month: mo, day: d), stamp: nil)
                }
            }
        }
        // A dateline under the story: a short last line that ends with a full date ("Lagos,
        // September 18, 2024").
        var lineNo = document.lineIndex.lineStarts.count
        while lineNo > 1, isBlank(document.lineIndex.span(ofLine: lineNo, in: document.bytes), document) { lineNo -= 1 }
        let last = document.lineIndex.span(ofLine: lineNo, in: document.bytes)
        guard lineNo > 1, last.length <= 60 else { return nil }
        var end = last.end
        while end > last.start, [0x20, 0x09, 0x0D, 0x0A, UInt8(ascii: ".")].contains(document.bytes[end - 1]) { end -= 1 }
        for (i, m) in mentions.enumerated().reversed() where last.contains(m.span) && m.span.end == end {
            if let f = m.periodFields, let y = f.year, let mo = f.month, let d = f.day, f.dayTo == nil {
                return Dateline(index: i, date: CalendarDate(validYear: y, month: mo, day: d), stamp: nil)
            }
        }
        return nil
    }

    /// The spans of the first `count` lines that hold more than white space, among the first six.
    private func firstNonEmptyLines(_ document: Document, _ count: Int) -> [Span] {
        var found: [Span] = []
        for lineNo in 1...max(1, min(document.lineIndex.lineStarts.count, 6)) {
            let line = document.lineIndex.span(ofLine: lineNo, in: document.bytes)
            if isBlank(line, document) { continue }
            found.append(line)
            if found.count == count { break }
        }
        return found
    }

    private func isBlank(_ line: Span, _ document: Document) -> Bool {
        document.bytes[line.start..<line.end].allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0A }
    }

    /// Wire names that may follow a dateline's day, after a comma or not ("ROME, March 13, Reuter -",
    /// "TOKYO, April 20 Kyodo -").
    static let wireNames: [[UInt8]] = ["Reuters", "Reuter", "REUTER", "AFP", "AP", "UPI", "Xinhua", "Kyodo", "Bernama", "AAP", "PTI", "IANS", "Yonhap", "Antara"].map { Array($0.utf8) }

    /// Whether a month and day open a wire story: a place in capitals (or in title case from the
    /// line's start: "Toronto, ") and a comma before it on its line ("HEFEI, "), then a dash, or a
    /// wire's name in brackets and a dash ("(Xinhua) --").
    private func isWireDateline(_ span: Span, line: Span, _ document: Document) -> Bool {
        let b = document.bytes
        // A wire's flash marks may open the line ("****MOSCOW, April 29 -").
        var before = Array(b[line.start..<span.start].drop { $0 == UInt8(ascii: "*") || $0 == 0x20 || $0 == 0x09 })
        while let last = before.last, last == 0x20 || last == 0x09 { before.removeLast() }
        // A dash at `k`: "-", "--", an en or em dash (UTF-8 E2 80 93 / E2 80 94).
        func dash(at k: Int) -> Bool {
            k < line.end && (b[k] == 0x2D || (b[k] == 0xE2 && k + 2 < line.end && b[k + 1] == 0x80 && (b[k + 2] == 0x93 || b[k + 2] == 0x94)))
        }
        func dashOrColon(at k: Int) -> Bool { dash(at: k) || k < line.end && b[k] == 0x3A }
        func isPlace(_ s: ArraySlice<UInt8>) -> Bool {
            let letters = s.filter { (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }
            return letters.count >= 2 && s.count <= 30 && (0x41...0x5A).contains(s.first ?? 0)
                && s.allSatisfy { (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) || $0 == 0x20 || $0 == 0x2E || $0 == 0x27 || $0 == 0x2D }
        }
        // The date in brackets after a place in capitals, then a colon or dash ("KUALA LUMPUR (Oct 7): ").
        if before.last == UInt8(ascii: "("), before.count >= 3 {
            var place = before.dropLast()
            while let last = place.last, last == 0x20 { place.removeLast() }
            guard isPlace(place), place.allSatisfy({ !(0x61...0x7A).contains($0) }) else { return false }
            var k = span.end
            while k < line.end, b[k] == 0x20 { k += 1 }
            guard k < line.end, b[k] == UInt8(ascii: ")") else { return false }
            k += 1
            while k < line.end, b[k] == 0x20 { k += 1 }
            return dashOrColon(at: k)
        }
        // The place in brackets opening the line, then the date and a dash ("(Beijing) Jan 14 — ").
        if before.first == UInt8(ascii: "("), before.last == UInt8(ascii: ")"), before.count >= 4, isPlace(before.dropFirst().dropLast()) {
            var k = span.end
            while k < line.end, b[k] == 0x20 { k += 1 }
            return dashOrColon(at: k)
        }
        guard before.last == UInt8(ascii: ","), before.count >= 3 else { return false }
        before.removeLast()
        // A state or province may follow the place, or two ("CALGARY, Alberta, Aug 27 -", "PORTLAND,
        // Ore., May 4 -", "HAILEY, Idaho, Calif., March 20 -").
        for _ in 0..<2 {
            guard let comma = before.lastIndex(of: UInt8(ascii: ",")) else { break }
            let region = before[(comma + 1)...].drop { $0 == 0x20 }
            guard let first = region.first, (0x41...0x5A).contains(first), region.count <= 25,
                  region.allSatisfy({ (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) || $0 == 0x20 || $0 == 0x2E }) else { break }
            before = Array(before[..<comma])
        }
        let letters = before.filter { (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }
        let placeInCapitals = letters.count >= 2 && letters.allSatisfy { (0x41...0x5A).contains($0) }
            && before.allSatisfy { (0x41...0x5A).contains($0) || $0 == 0x20 || $0 == 0x2E || $0 == 0x2C || $0 == 0x27 || $0 == 0x2D }
        // A place in title case opening its line, as some desks set it ("Toronto, April 1 -"): up to
        // four words, each capitalised.
        let words = before.split { $0 == 0x20 || $0 == 0x09 }
        let placeInTitleCase = !placeInCapitals && (1...4).contains(words.count) && before.count <= 30
            && (before.first.map { (0x41...0x5A).contains($0) } ?? false)
            && words.allSatisfy { w in (0x41...0x5A).contains(w.first!) && w.allSatisfy { (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) || $0 == 0x2E || $0 == 0x27 || $0 == 0x2D } }
        var j = span.end
        func skipSpaces() { while j < line.end, b[j] == 0x20 || b[j] == 0x09 { j += 1 } }
        skipSpaces()
        // A stray comma before the dash ("CHICAGO, March 4, - South Korea's ...").
        if j < line.end, b[j] == UInt8(ascii: ",") { j += 1; skipSpaces() }
        var wire = false
        // A wire's name after that comma, without brackets ("ROME, March 13, Reuter - "): still
        // only after a place.
        var named = false
        for name in Self.wireNames {
            let end = j + name.count
            guard end < line.end, b[j..<end].elementsEqual(name), b[end] == 0x20 || b[end] == 0x2D else { continue }
            j = end
            skipSpaces()
            named = true
            break
        }
        // Or an agency's initials, two to five capitals, right before the dash ("Accra, Oct 14,
        // GNA – Ghana recorded …").
        if !named {
            var end = j
            while end < line.end, end - j < 6, (0x41...0x5A).contains(b[end]) { end += 1 }
            var k = end
            while k < line.end, b[k] == 0x20 { k += 1 }
            if (2...5).contains(end - j), end < line.end, b[end] == 0x20, dash(at: k) { j = k }
        }
        // An agency's name alone in the brackets ("(CNA)", "(ANDINA)", "(Xinhua)").
        var agency = false
        if j < line.end, b[j] == UInt8(ascii: "(") {
            guard let close = b[j..<min(line.end, j + 40)].firstIndex(of: UInt8(ascii: ")")) else { return false }
            wire = true
            let name = b[(j + 1)..<close]
            // Two words at most ("(Korea Bizwire)").
            agency = (2...24).contains(name.count) && (0x41...0x5A).contains(name.first!) && name.lazy.filter({ $0 == 0x20 }).count <= 1
                && name.allSatisfy { (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) || $0 == 0x20 }
            j = close + 1
            skipSpaces()
        }
        // Some agencies set no dash after their name: a full stop or the story's first word follows
        // ("Taipei, Jan. 7 (CNA) Taiwan's exports …", "Lima, Sept. 16 (ANDINA). Peru's …"), or
        // the line ends ("SEOUL, May 21 (Korea Bizwire)").
        let agencyOpening = agency && (placeInCapitals || placeInTitleCase)
            && (j >= line.end || b[j] == 0x0A || b[j] == 0x0D || b[j] == UInt8(ascii: ".") || (0x41...0x5A).contains(b[j]))
        return dash(at: j) && (placeInCapitals || placeInTitleCase || wire) || agencyOpening
    }

    /// A stamp line's full date: a full date on a line of at most 120 bytes among the first six
    /// lines or the last three non-empty ones, other than the mention at `excluding`.
    private func stampIndex(_ mentions: [Mention], _ document: Document, excluding: Int) -> Int? {
        let count = document.lineIndex.lineStarts.count
        var lines: [Span] = (1...max(1, min(count, 6))).map { document.lineIndex.span(ofLine: $0, in: document.bytes) }
        var tail: [Span] = []
        var lineNo = count
        while lineNo > 6, tail.count < 3 {
            let line = document.lineIndex.span(ofLine: lineNo, in: document.bytes)
            if !isBlank(line, document) { tail.append(line) }
            lineNo -= 1
        }
        lines += tail
        for line in lines where line.end - line.start <= 120 {
            // Mentions are sorted by position: find the first inside the line by binary search.
            var i = mentions.partitioningIndex { $0.span.start >= line.start }
            while i < mentions.count, mentions[i].span.start < line.end {
                if i != excluding, line.contains(mentions[i].span), let f = mentions[i].periodFields,
                   f.year != nil, f.month != nil, f.day != nil, f.dayTo == nil { return i }
                i += 1
            }
        }
        return nil
    }

    /// Resolves every calendar mention against the reference date, then the anaphoric ones against
    /// their antecedents. An anaphoric mention without an antecedent ("a year ago" with no period
    /// before it) is read from its own fields (a year back from the reference date).
    func resolveCalendar(_ mentions: inout [Mention], reference: CalendarDate?, _ document: Document, fiscalYear: FiscalYear? = nil) {
        var memo = TenseMemo(sentences: document.sentences.count)
        let fiscalYearStart = fiscalYear?.start
        // Whether the place writes its fiscal years across two years ("2023-24", "1986/87"): not an
        // October year (the United States, Thailand: "fiscal 1988"), where such a year is a crop's
        // (a story quoting the U.S. Department of Agriculture on "1987/88" French wheat).
        let splitFiscal = fiscalYearStart.map { $0 > 1 && $0 != 10 } ?? false
        let resultsStory = Self.isResultsStory(document)
        var unresolvedSeasons: [Int] = [], bracketed: [Int] = []
        // The first month of a year the story names by its last month ("the year ending March 31,
        // 1988"), found once, for split years nothing else places.
        var statedYearStart: Int?? = nil
        for i in mentions.indices {
            guard case var .calendar(fields, _) = mentions[i].value, !fields.samePeriod else { continue }
            var tense = fields.tense ?? self.tense(of: mentions[i], in: document, memo: &memo, reference: reference)
            // Months that "ended" with a month are behind, whatever the clause looks ahead to
            // ("likely to account for less than eight pct of trade during the nine months ended December").
            if fields.monthsEnding != nil, fields.year == nil, mentions[i].text.lowercased().contains(" ended") { tense = .past }
            // The figures of a period ("next week's revision to fourth quarter GNP", "the fourth
            // quarter figures could surprise" in March) are the latest such period's when it ended
            // at most 120 days before: figures come after their period, whatever the clause looks
            // ahead to.
            if tense == .future, fields.tense == nil, fields.year == nil, fields.yearOffset == nil, fields.day == nil, fields.monthPart == nil,
               fields.quarter != nil || fields.month != nil || fields.half != nil, !fields.fiscal, let r = reference,
               Self.figureNounFollows(mentions[i].span.end, in: document.bytes),
               let past = PeriodResolver.resolve(fields, reference: r, tense: .past), past.to < r, r.dayNumber - past.to.dayNumber <= 120 {
                tense = .past
            }
            // A part "of the year" not yet begun, in a clause with no verb in the past tense
            // ("If OPEC does not increase output in the second half of the year", "he expected
            // prices to firm in the third quarter of the year"): told in the present, so the
            // coming one when it is nearer than the last one's end.
            if fields.ofTheYear, tense == .past, !isMarkedPast(mentions[i].span, in: document, memo: &memo) { tense = .present }
            // A bare year-end ("sold out at year-end", "since year-end"; not "the end of the year"):
            // the one just past after "since", or in a past report of January to April, when the
            // year before's results and balances are reported; else this year's.
            if fields.monthPart == "year-end", fields.yearOffset == 0, let r = reference, !(r.month == 12 && r.day == 31),
               !mentions[i].text.lowercased().contains("of"), mentions[i].qualifier == "since" || r.month <= 4 && tense == .past {
                fields.yearOffset = -1
            }
            // A part of a year written across two years ("the first 10 months of 1986/87") in a
            // story from a place with its own fiscal year: a part of that fiscal year.
            if !fields.fiscal, let fy = fiscalYear, fy.start > 1, let y = fields.year, fields.yearTo == y + 1,
               fields.firstMonths != nil || fields.quarter != nil || fields.half != nil, !Self.isSeason(mentions[i].text) {
                fields.fiscal = true
            }
            // A month or day without its year in a clause whose verb is in the past tense looks back.
            // So does a results table ("CONCORD FABRICS 2ND QTR NET", its notes' "the 2nd qtr"): its figures are reported.
            let markedPast = tense == .past && fields.year == nil && fields.yearOffset == nil && (fields.month != nil || fields.quarter != nil || fields.weekend)
                && (resultsStory || isMarkedPast(mentions[i].span, in: document, memo: &memo)
                    // When a forecast was made ("the surplus forecast in February", told in October)
                    // or a done thing's month ("In August the government cut its forecast").
                    || fields.month != nil && fields.day == nil && (Self.isTimeOfForecast(mentions[i], document) || Self.datesPastEvent(mentions[i], document, orBase: false)))
            var resolved = PeriodResolver.resolve(fields, reference: reference, tense: tense, markedPast: markedPast)
            // A futures contract's or trading position's month (`period.contract-month`) is the
            // current month or one ahead, never one behind ("the new distant February" in March).
            if mentions[i].rule == "period.contract-month", let r = reference, let p = resolved,
               p.to < CalendarDate(year: r.year, month: r.month, day: 1) {
                resolved = p.shifted(years: 1)
            }
            // "The week of May 19" (`period.week-of`): the Monday-to-Sunday week the day falls in.
            if mentions[i].rule == "period.week-of", let p = resolved, p.from == p.to {
                let monday = p.from.adding(days: -(p.from.weekday - 1))
                resolved = ResolvedPeriod(from: monday, to: monday.adding(days: 6), value: PeriodResolver.isoWeek(monday), granularity: .week)
            }
            // "The previous January" is the January a year before the latest one.
            if mentions[i].rule == "period.previous-named-month", let p = resolved { resolved = p.shifted(years: -1) }
            // A fiscal year "ending" on a day, no year written ("until Japanese companies close
            // their books for the fiscal year ending on March 31", said on 17 March): the one whose
            // end is still ahead, as all eight such items of the value gold read it (2026-12-05).
            // "Ended", and "ending in" a month alone ("the year ending in November"), keep the last
            // one passed.
            if mentions[i].rule == "period.fiscal-year-ended", fields.fiscalEndDay != nil, fields.fiscalEndYear == nil, fields.fiscalEndYearOffset == nil,
               fields.year == nil, fields.yearOffset == nil, !fields.toDate, let r = reference, let p = resolved, p.to < r,
               mentions[i].text.lowercased().split(whereSeparator: { !$0.isLetter }).contains(where: { $0 == "ending" || $0 == "ends" }) {
                resolved = p.shifted(years: 1)
            }
            // What something has run "since" began before the reference date ("the lowest since
            // June" in an April story is last June, however near the coming one is).
            if mentions[i].qualifier == "since", fields.year == nil, fields.yearOffset == nil, let r = reference,
               let p = resolved, p.from > r, fields.month != nil || fields.quarter != nil || fields.half != nil || fields.season != nil {
                resolved = p.shifted(years: -1)
            }
            // "This season", "last campaign" (`period.relative-season`): the crop's year that holds
            // the reference date, moved by the offset; nothing when no crop with a year is named.
            // Its months in brackets after it ("the current crop season (Sept/March)") say when it runs.
            // "The first five months of the marketing year" are that season's first five.
            // "The fourth year of the U.S.-USSR grain agreement", "the next agreement year": that
            // year of the agreement the story names (`agreement-years`), else no period.
            if let which = fields.agreementYear {
                let year = agreementYear(which, of: mentions[i], document, reference: reference)
                mentions[i].value = .calendar(fields: fields, resolved: year)
                if year == nil { unresolvedSeasons.append(i) }
                continue
            }
            if fields.season == Self.cropSeason {
                resolved = nil
                let bracket = bracketMonths(after: i, mentions, document)
                if let r = reference, let start = bracket?.start ?? cropYear(of: mentions[i], document, placeHasFiscalYear: false) {
                    let first = (r.month >= start ? r.year : r.year - 1) + (fields.yearOffset ?? 0)
                    resolved = Self.seasonSpan(firstYear: first, from: start, to: bracket?.end)
                    // "the first five months of the marketing year": that season's first months.
                    if let n = fields.firstMonths, (1...11).contains(n), let season = resolved {
                        let last = season.from.adding(months: n - 1).lastDayOfMonth
                        resolved = ResolvedPeriod(from: season.from, to: last, value: "\(season.from.iso.prefix(7))/\(last.iso.prefix(7))", granularity: .span)
                    }
                    if let k = bracket?.index { bracketed.append(k) }
                }
                if resolved == nil { unresolvedSeasons.append(i) }
                mentions[i].value = .calendar(fields: fields, resolved: resolved)
                continue
            }
            // A fiscal year the text names ("FY25", "fiscal 2016-17", "the coming fiscal year") in a
            // story from a place whose fiscal year starts in another month: that fiscal year. Years
            // are named by the year the fiscal year ends in ("FY25" in India: April 2024 to March
            // 2025), except where the place names them by their first year (Japan's "fiscal 2025":
            // April 2025 to March 2026; `fiscal-years-named-by-start`).
            // "The 1987 budget" (`period.year-budget`) names a fiscal year where budgets go by the
            // fiscal year they fund (the United States' October year, Japan's named by its start);
            // elsewhere ("today's 1987 budget" in London) the calendar year it is presented in.
            // The fiscal year of a place its sentence names before it, else the story's (read once).
            // (A place inside the mention counts too: "the end of the Japanese financial year".)
            let placeFiscalYear = fields.fiscal ? fiscalYearNamed(before: Span(mentions[i].span.end, mentions[i].span.end), document, reference: reference) ?? fiscalYear : nil
            if mentions[i].rule == "period.year-budget", let fy = placeFiscalYear, fy.start != 10, !fy.namedByStart {
                fields.fiscal = false
            }
            // "The new fiscal year" is the one whose start is nearer: in March, Japan's that begins
            // in April; in May, the one begun.
            if mentions[i].rule == "period.relative-fiscal-year", fields.yearOffset == 0, let r = reference,
               mentions[i].text.lowercased().split(whereSeparator: { !$0.isLetter }).contains("new"),
               let fy = placeFiscalYear, (r.month - fy.start + 12) % 12 >= 6 {
                fields.yearOffset = 1
            }
            // "The fiscal year" after a fiscal year the story named ("in fiscal year 2020-21 … its
            // target for the fiscal year"): that year, not the one under way.
            if mentions[i].rule == "period.the-year", fields.fiscal, fields.year == nil, let p = fiscalYearBefore(i, mentions, document) {
                resolved = p
                fields.fiscalYearStart = p.from.month
            } else if fields.fiscal, fields.fiscalEndMonth == nil, let fy = placeFiscalYear,
               let span = Self.fiscalSpan(fields, fy, reference: reference, tense: tense) {
                // A fiscal year so far ("so far in FY23") ends at the reference date.
                let to = fields.toDate ? min(span.to, reference ?? span.to) : span.to
                resolved = ResolvedPeriod(from: span.from, to: to, value: "\(span.from.iso.prefix(7))/\(to.iso.prefix(7))", granularity: .span)
                fields.fiscalYearStart = fy.start
            }
            // The end of a whole fiscal year ("the end of the Japanese fiscal year",
            // `period.fiscal-year-end-of`): its last day.
            if fields.fiscal, fields.monthPart == "end", fields.month == nil, fields.quarter == nil, fields.half == nil,
               fields.firstMonths == nil, fields.fiscalEndMonth == nil, let p = resolved, p.from != p.to {
                resolved = ResolvedPeriod(from: p.to, to: p.to, value: p.to.iso, granularity: .day)
            }
            // "The financial year to August" in a place whose fiscal year ends in another month (a
            // British story: April to August), "the fiscal year to March 13" in an Indian story (a
            // day before the year's last): the fiscal year so far, not twelve months.
            if fields.toDate, let em = fields.fiscalEndMonth, let fy = fiscalYear, fy.start > 1,
               em != (fy.start + 10) % 12 + 1 || fields.fiscalEndDay.map({ $0 < CalendarDate(year: 2001, month: em, day: 1).lastDayOfMonth.day }) ?? false,
               let r = resolved {
                let from = CalendarDate(year: em >= fy.start ? r.to.year : r.to.year - 1, month: fy.start, day: 1)
                resolved = ResolvedPeriod(from: from, to: r.to, value: "\(from.iso)/\(r.to.iso)", granularity: .span)
                fields.fiscal = true
                fields.fiscalYearStart = fy.start
            }
            // A year written across two years with its months in brackets after it ("French
            // 1986/87 (July/June) soft wheat", "the 1986/87 crushing season (September-April)"):
            // those months; the bracket is no period of its own.
            if let y = fields.year, fields.yearTo == y + 1, fields.month == nil, fields.quarter == nil, fields.half == nil,
               fields.firstMonths == nil, resolved != nil, let (start, end, k) = bracketMonths(after: i, mentions, document) {
                resolved = Self.seasonSpan(firstYear: y, from: start, to: end)
                mentions[i].value = .calendar(fields: fields, resolved: resolved)
                bracketed.append(k)
                continue
            }
            // A year written across two years in a sentence about a crop with a marketing year
            // (`crop-years`: "the 2023/24 season" of cocoa): that crop's year.
            if let y = fields.year, fields.yearTo == y + 1, fields.month == nil, fields.quarter == nil, fields.half == nil,
               fields.firstMonths == nil, !fields.fiscal, resolved != nil, let start = cropYear(of: mentions[i], document, placeHasFiscalYear: splitFiscal) {
                resolved = Self.seasonSpan(firstYear: y, from: start)
                mentions[i].value = .calendar(fields: fields, resolved: resolved)
                continue
            }
            // A year written across two years right after a place or its people that the
            // `fiscal-years` lexicon gives a fiscal year ("the Japanese 1987/88 budget" in a
            // Washington story): that place's fiscal year, whatever the story's place. So is a
            // budget's year in a sentence that names such a place before it ("Japanese trade
            // representative Tsomu Hata told … after the 1987/88 budget is approved" in a New
            // Zealand story).
            if let y = fields.year, fields.yearTo == y + 1, fields.month == nil, fields.quarter == nil, fields.half == nil,
               fields.firstMonths == nil, let r = resolved, !Self.isSeason(mentions[i].text),
               let start = fiscalStartNamed(before: mentions[i].span, document)
                ?? (Self.wordAfter(mentions[i].span.end, in: document.bytes, isAnyOf: ["budget"])
                    ? fiscalYearNamed(before: mentions[i].span, document, reference: reference).map(\.start).flatMap { $0 > 1 ? $0 : nil } : nil) {
                let from = CalendarDate(year: y, month: start, day: 1)
                resolved = ResolvedPeriod(from: from, to: from.adding(months: 11).lastDayOfMonth, value: r.value, granularity: .span)
                fields.fiscal = true
                fields.fiscalYearStart = start
                mentions[i].value = .calendar(fields: fields, resolved: resolved)
                continue
            }
            // A year written across two years, without a season word, in a story from a place
            // whose fiscal year starts in another month than January: that fiscal year (also in a
            // sentence about a crop whose marketing year the crop-years lexicon does not give:
            // "imports met 11 pct of edible oil demand in 1986/87" in an Indian story).
            if let start = fiscalYearStart, splitFiscal, let y = fields.year, let y2 = fields.yearTo, y2 == y + 1, fields.month == nil,
               fields.quarter == nil, fields.half == nil, fields.firstMonths == nil,
               let r = resolved, !Self.isSeason(mentions[i].text) {
                let from = CalendarDate(year: y, month: start, day: 1)
                resolved = ResolvedPeriod(from: from, to: from.adding(months: 11).lastDayOfMonth, value: r.value, granularity: .span)
                fields.fiscalYearStart = start
            }
            // A year written across two years that nothing above placed (no crop, season months or
            // fiscal year of the place): the year the story names by its last month, else twelve
            // months from July, the year a split year most often counts in the gold sets (marketing
            // years, Australian and U.S. farm-programme years), rather than the two calendar years,
            // which it never means. Its value stays "1986/1987".
            else if let y = fields.year, fields.yearTo == y + 1, fields.month == nil, fields.quarter == nil, fields.half == nil,
                    fields.firstMonths == nil, !fields.fiscal, let r = resolved, r.from.month == 1, r.to.month == 12 {
                // The year the story itself says it counts in ("group net profit … for the year
                // ending March 31, 1988 … sales rose in 1987/88"), else July's.
                if statedYearStart == nil {
                    statedYearStart = .some(mentions.lazy.compactMap { m -> Int? in
                        guard let f = m.periodFields, f.monthsEnding == 12, !f.samePeriod, let em = f.month, em != 12 else { return nil }
                        return em % 12 + 1
                    }.first)
                }
                resolved = Self.seasonSpan(firstYear: y, from: (statedYearStart ?? nil) ?? Self.defaultSplitYearStart)
                resolved?.value = r.value
            }
            mentions[i].value = .calendar(fields: fields, resolved: resolved)
        }
        // A season of no crop ("next season" of a football club) is no period, nor the months in
        // brackets that said when a season runs.
        for i in Set(unresolvedSeasons + bracketed).sorted(by: >) { mentions.remove(at: i) }
        // "The end of the 1985/86 season", "the start of the current marketing year": the
        // season's last or first day.
        for i in mentions.indices {
            guard case let .calendar(f, p?) = mentions[i].value, f.yearTo != nil || f.season == Self.cropSeason,
                  let part = f.monthPart, part == "end" || part == "start" else { continue }
            let day = part == "end" ? p.to : p.from
            mentions[i].value = .calendar(fields: f, resolved: ResolvedPeriod(from: day, to: day, value: day.iso, granularity: .day))
        }
        bracketedGlosses(&mentions, document)
        siblingParts(&mentions, document)
        partsInTheYearOfTheirSentence(&mentions, document)
        storyYearParts(&mentions, reference: reference)
        ledeYearFirstMonths(&mentions, document, reference: reference)
        fiscalYearLists(&mentions, document)
        resultsPeriodEnded(&mentions, document)
        quartersEndedOnDay(&mentions, document, reference: reference)
        resultsQuarter(&mentions, document, reference: reference, resultsStory: resultsStory)
        let companyYearEnd = companyFiscalYears(&mentions, document, reference: reference, resultsStory: resultsStory)
        headlineEchoes(&mentions, document)
        monthLists(&mentions, document)
        sentenceYears(&mentions, document, memo: &memo)
        yearEndOfNamedYear(&mentions, document, reference: reference, memo: &memo)
        eventMonths(&mentions, document)
        forwardDateLists(&mentions, document, reference: reference)
        rangeEndYears(&mentions, document)
        endDaysOfSplitYears(&mentions, document)
        monthsOfANamedFiscalYear(&mentions, document)
        // "Earlier this month": the month up to the day before the reference date.
        if let r = reference {
            for i in mentions.indices {
                guard case let .calendar(f, p?) = mentions[i].value, f.beforeReference, p.to >= r, p.from < r else { continue }
                let to = r.adding(days: -1)
                mentions[i].value = .calendar(fields: f, resolved: ResolvedPeriod(from: p.from, to: to, value: p.value, granularity: .span))
            }
            // "Later this year": from the day after the reference date to the period's end. "The rest
            // of the year": from the reference date itself, as most annotators of 1987 copy read it
            // (9 of the 17 value gold items that start on or after it, 2026-12-05; 4 from the day
            // after). In a story reporting
            // months of it that have ended (first-quarter figures in May): from the day after
            // them, as "so far this year" ends with them.
            var reported: ResolvedPeriod?? = nil
            for i in mentions.indices {
                guard case let .calendar(f, p?) = mentions[i].value, f.afterReference, p.to > r, p.from <= r else { continue }
                var from = mentions[i].rule == "period.rest-of-this" ? r : r.adding(days: 1)
                let restOfYear = p.granularity == .year && !mentions[i].text.lowercased().hasPrefix("later")
                // Said in a month's last three days, "the rest of the year" is the months after
                // it ("for the rest of 1987" in OPEC's accord of June 28: July to December).
                if restOfYear, r.lastDayOfMonth.day - r.day < 3 { from = r.lastDayOfMonth.adding(days: 1) }
                if restOfYear {
                    // A stretch from the year's start counts too ("the first nine months").
                    if reported == nil {
                        reported = .some(reportedPeriod(mentions, document, unit: .month) ?? reportedPeriod(mentions, document, unit: .quarter)
                            ?? reportedPeriod(mentions, document, unit: .span).flatMap { $0.from.month == 1 && $0.from.day == 1 ? $0 : nil })
                    }
                    if let rp = reported ?? nil, rp.to < r, rp.to.year == r.year, rp.to >= p.from { from = rp.to.adding(days: 1) }
                }
                mentions[i].value = .calendar(fields: f, resolved: ResolvedPeriod(from: from, to: p.to, value: p.value, granularity: .span))
            }
        }
        // "So far this year" in a story reporting a month or quarter of this year that has ended
        // (September figures in an October story) runs to that period's end, not to the dateline.
        // So does "so far in FY23" (a fiscal year so far) in a story reporting August.
        func soFar(_ f: PeriodFields) -> Bool { f.toDate && f.month == nil && f.monthOffset == nil && f.weekOffset == nil && f.fiscalEndMonth == nil && (f.year == nil || f.fiscal) }
        if let r = reference, mentions.contains(where: { $0.periodFields.map(soFar) ?? false }),
           let reported = reportedPeriod(mentions, document, unit: .month) ?? reportedPeriod(mentions, document, unit: .quarter)
               ?? reportedPeriod(mentions, document, unit: .span) ?? reportedPeriod(mentions, document, unit: .week) ?? latestEndedMonth(mentions, document, reference: r),
           reported.to < r {
            for i in mentions.indices {
                guard case let .calendar(fields, resolved?) = mentions[i].value, soFar(fields), resolved.to == r,
                      fields.fiscal || resolved.from.year < r.year ? reported.to > resolved.from : resolved.from.year == r.year && reported.to.year == r.year else { continue }
                let p = ResolvedPeriod(from: resolved.from, to: reported.to, value: "\(resolved.from.iso)/\(reported.to.iso)", granularity: .span)
                mentions[i].value = .calendar(fields: fields, resolved: p)
            }
        }
        monthRows(&mentions, document)
        bracketedMonths(&mentions, document)
        bracketedFiscalParts(&mentions, document)
        statedSplitYears(&mentions, document, reference: reference)
        repeatedMonthRuns(&mentions)
        trailingStretches(&mentions, document, reference: reference)
        lastMonthOfReported(&mentions, document)
        var storyMemo: StoryMemo? = nil
        var givenYear: ResolvedPeriod?? = nil
        // For each mention, the sentence of the nearest mention before it with a period (found
        // once: asking each anaphor to walk back would make a long text quadratic).
        var periodSentenceBefore: [Int]? = nil
        for i in mentions.indices {
            guard case var .calendar(fields, nil) = mentions[i].value, fields.samePeriod else { continue }
            // "The corresponding period of FY23": a fiscal year by two digits, named by the year it
            // ends in where the place's fiscal years are (Pakistan's FY23: July 2022 to June 2023),
            // by its first year where they are named so (Japan's); the stretch of that year.
            if mentions[i].rule == "period.same-period-of-year", fields.year == nil, let r = reference,
               let yy = mentions[i].text.split(whereSeparator: { !$0.isNumber }).last.flatMap({ Int($0) }), yy < 100 {
                let fy = fiscalYearNamed(before: Span(mentions[i].span.end, mentions[i].span.end), document, reference: reference) ?? fiscalYear
                let named = r.year / 100 * 100 + yy - (r.year % 100 + 20 < yy ? 100 : 0)
                fields.year = fy.map { $0.namedByStart } ?? false ? named : named - 1
            }
            // A results table's note with no period before it in its sentence ("NOTE: Year ago
            // share results adjusted for a stock split in August 1986", "Prior year"): the year
            // before the period the headline reports (its year, for "prior year"), not a period
            // the note goes on to name.
            if fields.yearOffset == -1, fields.monthShift == nil, fields.year == nil, !fields.storyPeriod,
               fields.anaphorUnit == nil || fields.anaphorUnit == .quarter {
                if resultsStory, periodSentenceBefore == nil {
                    var last = -1
                    periodSentenceBefore = mentions.map { m in
                        defer { if m.period != nil { last = document.sentenceIndex(of: m.span.start) ?? -1 } }
                        return last
                    }
                }
                let s = document.sentenceIndex(of: mentions[i].span.start) ?? -2
                if resultsStory, periodSentenceBefore?[i] != s {
                    _ = storyPeriod(fields, before: i, mentions, document, memo: &storyMemo)
                    if let head = storyMemo?.head {
                        let year = storyMemo?.yearIndex.flatMap { mentions[$0].period }.flatMap { Self.isTwelveMonths($0) ? $0 : nil }
                        let base: ResolvedPeriod? = fields.wholeYear ? (Self.isTwelveMonths(head) ? head : year) : head
                        if let base {
                            mentions[i].value = .calendar(fields: fields, resolved: base.shifted(years: -1))
                            continue
                        }
                    }
                }
            }
            // A point in time a year back ("at the same time last year", anaphor unit `day`): the
            // day or month named last before it in its sentence ("by October 1 from 130,000 at the
            // same time last year"), else the reference date.
            if fields.anaphorUnit == .day, fields.monthShift == nil {
                var point: ResolvedPeriod? = nil
                // A point or a short stretch ("by October 1", "in the February 21 to 28 period"), not
                // a year or a quarter the figure is counted over ("roastings for calendar 1987 now
                // total 3.8 mln bags, against 4.1 mln by this time last year": the reference date).
                if let j = lastCalendarMention(before: i, mentions, document, where: Self.isWrittenPeriod),
                   let p = mentions[j].period, p.to.dayNumber - p.from.dayNumber <= 31 {
                    // The last of two months joined by "and" ("during March and April this year,
                    // compared to 77.5 at this time last year"): both.
                    point = isMonthPair(endingWith: p, before: i, mentions, document) ? monthRun(endingWith: p, before: i, mentions, document) : p
                }
                // With none in its sentence, the day the sentence before reports its figures at
                // ("had sown 15.8 mln ha by April 27, compared with 26.2 mln by April 21, 1986. Grains
                // were sown on 6.7 mln ha, compared with 13.1 mln at the same time last year"): its
                // last month and day within the year up to the reference date (not "yesterday").
                if point == nil, let r = reference, let s = document.sentenceIndex(of: mentions[i].span.start), s > 0 {
                    var j = i - 1
                    while j >= 0, document.sentenceIndex(of: mentions[j].span.start) == s { j -= 1 }
                    while j >= 0, document.sentenceIndex(of: mentions[j].span.start) == s - 1 {
                        // Not when that sentence sets its day against its own "same time last year"
                        // ("stocks by October 1 from 130,000 at the same time last year. Reserves
                        // stood at 69 billion, against 42 billion at the same time last year").
                        if mentions[j].rule == mentions[i].rule { break }
                        if mentions[j].type.isCalendar, Self.isWrittenPeriod(mentions[j]), mentions[j].periodFields.map({ $0.month != nil && $0.day != nil }) ?? false, let p = mentions[j].period,
                           p.from.dayNumber == p.to.dayNumber, p.from.dayNumber <= r.dayNumber, r.dayNumber - p.from.dayNumber < 365 { point = p; break }
                        j -= 1
                    }
                }
                if point == nil, let r = reference { point = ResolvedPeriod(from: r, to: r, value: r.iso, granularity: .day) }
                if let point {
                    mentions[i].value = .calendar(fields: fields, resolved: point.shifted(years: fields.yearOffset ?? -1))
                    continue
                }
            }
            // "The year" in a clause about what is to come ("we cannot expect an increase in reserves
            // during the year") is the reference date's year, whatever year was reported before.
            // (Not in a clause whose verb is past: "fell 3.95% short of the target of $40 billion for
            // the fiscal year" is the year reported.)
            if fields.wholeYear, fields.yearOffset == 0, !fields.storyPeriod, let r = reference,
               mentions[i].text.lowercased().hasPrefix("the "), tense(of: mentions[i], in: document, memo: &memo) == .future,
               !isMarkedPast(mentions[i].span, in: document, memo: &memo) {
                // After a fiscal year in its sentence or the one before ("an export target for FY24
                // … the trade deficit for the full year"): the fiscal year of those months under way.
                if let fy = fiscalYearBefore(i, mentions, document) {
                    let start = fy.from.month
                    let from = CalendarDate(year: r.month >= start ? r.year : r.year - 1, month: start, day: 1)
                    let to = from.adding(months: 11).lastDayOfMonth
                    var read = fields
                    read.fiscal = true
                    read.fiscalYearStart = start
                    mentions[i].value = .calendar(fields: read, resolved: ResolvedPeriod(from: from, to: to, value: "\(from.iso.prefix(7))/\(to.iso.prefix(7))", granularity: .span))
                    continue
                }
                let from = CalendarDate(year: r.year, month: 1, day: 1), to = CalendarDate(year: r.year, month: 12, day: 31)
                mentions[i].value = .calendar(fields: fields, resolved: ResolvedPeriod(from: from, to: to, value: TimexValue.format4(r.year), granularity: .year))
                continue
            }
            // A results note's "in year", "in quarter": the company's year or quarter the story
            // reports, whatever period its note names nearby ("1986 net includes … in year").
            if fields.storyPeriod, let p = storyPeriod(fields, before: i, mentions, document, memo: &storyMemo) {
                mentions[i].value = .calendar(fields: fields, resolved: p)
                continue
            }
            // "that period", "the same period" (no unit, no shift) name a stretch: the nearest range
            // or part of a year first ("January-October … in October alone … over that period").
            let stretch = fields.anaphorUnit == nil && fields.monthShift == nil && fields.yearOffset == 0 && !fields.wholeYear && fields.monthsToDate == nil
            // "The same period of fiscal 2024" names a part of a year: a whole year before it ("the
            // quarter, the first of fiscal 2025") is not what it moves, when a part is near.
            let partOfYear = fields.year != nil && fields.anaphorUnit == nil && !fields.wholeYear
            // "a year ago" set against the present in a sentence that names no other period ("The
            // U.S. Now imports about 38 pct of its oil needs, up from 27 pct a year ago"): the day a
            // year before the reference date, whatever period the sentences before name.
            if mentions[i].rule == "period.year-earlier", fields.anaphorUnit == nil, let r = reference,
               mentions[i].text.lowercased().hasPrefix("a"), presentInSentence(of: i, mentions, document, alone: true) {
                let d = r.adding(years: -1)
                mentions[i].value = .calendar(fields: fields, resolved: ResolvedPeriod(from: d, to: d, value: d.iso, granularity: .day))
                continue
            }
            // A table's "Prev Wk" heading beside a dated column ("4/2/87   Prev Wk"): the seven days
            // before the week that ends on that date, or before the week that column names.
            if mentions[i].rule == "period.prev-week-heading", let p = columnDateBefore(i, mentions, document) {
                let end = p.to.adding(days: -7)
                mentions[i].value = .calendar(fields: fields, resolved: ResolvedPeriod(from: end.adding(days: -6), to: end, value: "\(end.adding(days: -6).iso)/\(end.iso)", granularity: .week))
                continue
            }
            let stretchFirst = stretchOfMonths(before: i, mentions, document, fields: fields, reference: reference, memo: &memo)
            let early: ResolvedPeriod? = (fields.wholeYear && fields.yearOffset == 0 && fields.year == nil ? fiscalYearBefore(i, mentions, document) : nil)
                ?? (stretch ? antecedentPeriod(before: i, mentions, document, unit: .span, reference: reference, memo: &memo) : nil)
                ?? (partOfYear ? antecedentPeriod(before: i, mentions, document, reference: reference, partOfYear: true, memo: &memo) : nil)
                // "In the nine months" after a quarter ("third-quarter net … In the nine months,
                // net rose"): the months to the quarter's end, before any month named near.
                ?? (fields.monthsToDate.map { $0 % 3 == 0 && $0 > 3 } ?? false && fields.anaphorUnit == .month ? antecedentPeriod(before: i, mentions, document, unit: .quarter, reference: reference, memo: &memo) : nil)
                // "The nine months", "the two-month period" after a stretch of as many months
                // named before ("the first nine months of 1987 … Foreign trade in the nine months",
                // "January and February 1987 … in the two-month period"), before a month.
                ?? stretchFirst
            // "The previous month", "a month earlier" with no month in their own sentence or the one
            // before: the month the story reports (its lede), not a month an aside named since ("The May surplus
            // was originally reported as … prices eased from the previous month" in a story of June).
            let ledeMonth: ResolvedPeriod? = fields.monthShift != nil && fields.anaphorUnit == .month && early == nil
                && !monthInSentence(of: i, mentions, document, orTheOneBefore: true) ? reportedPeriod(mentions, document, unit: .month).flatMap { p in reference.map { p.to < $0 } ?? true ? p : nil } : nil
            // "The same quarter a year ago", "the same half last year" ask for a quarter or a half
            // ("first quarter earnings for fiscal 1987 to be better than the same quarter a year
            // ago": the first quarter's, not fiscal 1987's).
            let namedUnit: ResolvedPeriod.Granularity? = mentions[i].rule == "period.same-period" && fields.anaphorUnit == nil
                ? (Self.namesWord("quarter", mentions[i].text) ? .quarter : Self.namesWord("half", mentions[i].text) ? .half : nil) : nil
            if let antecedent = early ?? ledeMonth
                ?? namedUnit.flatMap({ antecedentPeriod(before: i, mentions, document, unit: $0, reference: reference, memo: &memo) })
                ?? antecedentPeriod(before: i, mentions, document, unit: fields.anaphorUnit, anyWithinYear: fields.wholeYear, reference: reference, memo: &memo)
                // "The nine months" after a quarter ("11 cts a share in the quarter and 13 cts for
                // the nine months"): the months that end with it.
                ?? (fields.monthsToDate != nil && fields.anaphorUnit == .month ? antecedentPeriod(before: i, mentions, document, unit: .quarter, reference: reference, memo: &memo) : nil)
                // "The previous 12 months", "the two previous months" after a month: the months before it.
                ?? (fields.anaphorUnit == .span && fields.monthShift != nil && fields.monthsToDate != nil
                    ? antecedentPeriod(before: i, mentions, document, unit: .month, reference: reference, memo: &memo) : nil)
                // "the previous week" after a day of its sentence ("rose last Friday from the previous week").
                ?? (fields.anaphorUnit == .week && fields.monthShift != nil ? antecedentPeriod(before: i, mentions, document, unit: .day, reference: reference, memo: &memo) : nil)
                ?? (fields.monthShift != nil ? reportedPeriod(mentions, document, unit: fields.anaphorUnit) : nil)
                {
                // "The same month last year" names a month whatever part of one it refers back to.
                var asked = fields
                if asked.anaphorUnit == nil, Self.namesOneMonth(mentions[i].text) { asked.anaphorUnit = .month }
                // "For the year", "the full year" in a story of a company whose year ends in
                // another month than December ("the fourth quarter ended January 31 … for the
                // year"): its year that ends with or after the period referred to.
                // Only after a part of that year ending on a month's end (a quarter to January 31;
                // not a year named, nor a 52-week quarter "ended January 3").
                if let e = companyYearEnd, fields.wholeYear, fields.yearOffset == 0, fields.year == nil, fields.monthShift == nil,
                   mentions[i].text.lowercased().hasPrefix("the"), antecedent.granularity != .year, antecedent.to.day >= 28,
                   (e - antecedent.to.month + 12) % 3 == 0 {
                    var end = CalendarDate(year: antecedent.to.year, month: e, day: 1).lastDayOfMonth
                    if end < antecedent.to { end = CalendarDate(year: antecedent.to.year + 1, month: e, day: 1).lastDayOfMonth }
                    let from = CalendarDate(year: end.year, month: e, day: 1).adding(months: -11)
                    var g = fields
                    g.fiscal = true
                    g.fiscalYearStart = from.month
                    // Its TIMEX3 value the year it ends in, as TimeML writes a company's year.
                    mentions[i].value = .calendar(fields: g, resolved: ResolvedPeriod(from: from, to: end, value: TimexValue.format4(end.year), granularity: .span))
                    continue
                }
                // "A year ago" moves no span of years back ("A year ago WestLB had forecast
                // growth of three pct for 1986-1990"): the day a year back.
                if Self.isYearAgo(mentions[i].text), antecedent.to.dayNumber - antecedent.from.dayNumber > 366, let r = reference {
                    let d = r.adding(years: -1)
                    mentions[i].value = .calendar(fields: fields, resolved: ResolvedPeriod(from: d, to: d, value: d.iso, granularity: .day))
                    continue
                }
                let run = fields.monthsToDate == nil && fields.monthShift == nil
                    && (mentions[i].text.lowercased().contains("months") || isMonthPair(endingWith: antecedent, before: i, mentions, document))
                    ? monthRun(endingWith: antecedent, before: i, mentions, document) : antecedent
                var same = PeriodResolver.resolveSamePeriod(antecedent: run, asked)
                // "Compared with the same period in 1985" after "the six months to March 1986"
                // (October to March) is a base, never the antecedent itself: named by its last year.
                // So is "the same 1986 period" after the five weeks to January 31, 1987, or the year to
                // September 1987: the one before, ending in the year written.
                let comparedYearPeriod = mentions[i].rule == "period.year-period"
                    && mentions[i].text.lowercased().split(whereSeparator: { !$0.isLetter }).contains { ["same", "corresponding", "comparable", "like"].contains($0) }
                if mentions[i].rule == "period.same-period-of-year" || comparedYearPeriod, same == run, let y = asked.year, y != run.to.year {
                    same = run.shifted(years: y - run.to.year)
                }
                var read = fields
                // A year read as a fiscal year before it ("the year", "the previous year" after
                // "fiscal 1987/88") is marked fiscal, with its months.
                if fields.wholeYear, Self.isTwelveMonths(same), same.from.month != 1 { read.fiscal = true; read.fiscalYearStart = same.from.month }
                mentions[i].value = .calendar(fields: read, resolved: same)
            } else if fields.monthsToDate == 12, let r = reference {
                // A results table's "Year" with no quarter before it: the company's year the story
                // gives ("Year to June 30", "YEAR JAN 31"), else the last calendar year. (Found
                // once per document: a text of many such lines must not search it for each.)
                if givenYear == nil { givenYear = .some(mentions.first { $0.periodFields?.monthsEnding == 12 }?.period) }
                let given = givenYear ?? nil
                let from = given?.from ?? CalendarDate(year: r.year - 1, month: 1, day: 1)
                let to = given?.to ?? CalendarDate(year: r.year - 1, month: 12, day: 31)
                let calendar = from.month == 1 && from.day == 1 && to.month == 12 && to.day == 31 && from.year == to.year
                mentions[i].value = .calendar(fields: fields, resolved: ResolvedPeriod(from: from, to: to,
                    value: calendar ? "\(from.year)" : "\(from.iso.prefix(7))/\(to.iso.prefix(7))", granularity: calendar ? .year : .span))
            } else {
                var own = fields
                own.samePeriod = false
                let tense = fields.tense ?? self.tense(of: mentions[i], in: document, memo: &memo)
                // A quarter's end with no quarter before it, in a clause about what is to come
                // ("volatility in the weeks ahead due to the approach of quarter-end"): the end of
                // the quarter under way, not of the last one ended.
                // So is one in the quarter's last ten days ("quarter end pressures helped push up
                // funds" on 31 March): the end at hand.
                let quarterEndNear = reference.map { r in
                    let end = CalendarDate(year: r.year, month: (r.month - 1) / 3 * 3 + 3, day: 1).lastDayOfMonth
                    return end.dayNumber - r.dayNumber < 10
                } ?? false
                if own.monthPart == "end", own.anaphorUnit == .quarter, own.quarterOffset == -1, tense == .future || quarterEndNear { own.quarterOffset = 0 }
                // "a year ago" set against the present ("reserves now total 800 mln dlrs compared
                // to 1.54 billion dlrs a year ago"): the day a year before the reference date.
                // So is "a year ago" with no period before it to move back ("Quotas … were suspended
                // a year ago", "311,000 head a year ago"): an event's or a count's day, not the whole
                // last year, unless its sentence sets it against "this year". Measured on the value
                // gold (2026-12-05): 6 of 7 such readings are that day.
                if mentions[i].rule == "period.year-earlier", fields.anaphorUnit == nil, let r = reference,
                   (Self.isYearAgo(mentions[i].text) && !thisYearInSentence(of: i, mentions, document))
                    || (mentions[i].text.lowercased().hasPrefix("a") && presentInSentence(of: i, mentions, document)) {
                    let d = r.adding(years: -1)
                    mentions[i].value = .calendar(fields: fields, resolved: ResolvedPeriod(from: d, to: d, value: d.iso, granularity: .day))
                    continue
                }
                mentions[i].value = .calendar(fields: fields, resolved: PeriodResolver.resolve(own, reference: reference, tense: tense))
            }
        }
        previousYearParts(&mentions, document)
        previousFiscalYears(&mentions, document)
        noteYears(&mentions, document)
        fiscalSiblings(&mentions, document, reference: reference)
        ledeYearRelatives(&mentions, document, reference: reference)
        statementPeriods(&mentions, document, reference: reference)
        endDays(&mentions, document)
        companyQuarterNames(&mentions, document)
        firstDaysOfTheMonth(&mentions, document)
        previousSeasons(&mentions)
        weekEarlierAnchors(&mentions, document)
        previousDays(&mentions, document)
        splitComparedPairs(&mentions, document)
        basesBeforeTheirFigures(&mentions, document, reference: reference)
        // "the end of the previous quarter" (`period.end-of-previous-quarter`): read as "the
        // previous quarter", then its last day.
        for i in mentions.indices where mentions[i].rule == "period.end-of-previous-quarter" {
            guard case let .calendar(f, p?)? = Optional(mentions[i].value) else { continue }
            mentions[i].value = .calendar(fields: f, resolved: ResolvedPeriod(from: p.to, to: p.to, value: p.value, granularity: .day))
        }
        // "so far this season", "this coffee year so far", "the season to date": the season under
        // way from its start to the reference date, or to the end of the week or month the story
        // reports, as "so far this year" is.
        if let r = reference {
            let b = document.bytes
            var reported: ResolvedPeriod?? = nil
            for i in mentions.indices where mentions[i].rule == "period.relative-season" {
                guard case let .calendar(f, p?) = mentions[i].value, p.from <= r, r < p.to else { continue }
                let before = Self.wordsBefore(mentions[i].span.start, in: document, from: max(0, mentions[i].span.start - 16), upTo: 2)
                let soFarBefore = before.count == 2 && before[0].elementsEqual("far".utf8) && before[1].elementsEqual("so".utf8)
                var k = mentions[i].span.end
                while k < b.count, b[k] == 0x20 || b[k] == 0x0A { k += 1 }
                let after = b.hasPrefixIgnoringASCIICase(Self.soFarWords, at: k) || b.hasPrefixIgnoringASCIICase(Self.toDateWords, at: k)
                guard soFarBefore || after else { continue }
                // In a story that reports a week or month of the season that has ended ("purchased
                // 456 tonnes in the 23rd week, ended March 12 … so far this season"), to its end.
                if reported == nil {
                    reported = .some(reportedPeriod(mentions, document, unit: .week) ?? reportedPeriod(mentions, document, unit: .month))
                }
                let end = (reported ?? nil).flatMap { $0.to < r && $0.to > p.from ? $0.to : nil } ?? r
                mentions[i].value = .calendar(fields: f, resolved: ResolvedPeriod(from: p.from, to: end, value: "\(p.from.iso)/\(end.iso)", granularity: .span))
            }
        }
    }
    static let soFarWords = Array("so far".utf8), toDateWords = Array("to date".utf8)

    /// "the previous day", "the previous business day" (`period.previous-day`): the day before
    /// the nearest single day named before it in its sentence or the one before (not the
    /// dateline's), else before the reference date as the rule reads it; a business, trading or
    /// working day skips Saturday and Sunday.
    func previousDays(_ mentions: inout [Mention], _ document: Document) {
        for i in mentions.indices where mentions[i].rule == "period.previous-day" {
            guard case let .calendar(f, r)? = Optional(mentions[i].value), let s = document.sentenceIndex(of: mentions[i].span.start) else { continue }
            var day = r?.from
            for j in stride(from: i - 1, through: max(0, i - 12), by: -1) {
                guard let sj = document.sentenceIndex(of: mentions[j].span.start), sj >= s - 1 else { break }
                guard mentions[j].type.isCalendar, mentions[j].role == nil, mentions[j].rule != "period.previous-day",
                      let p = mentions[j].period, p.from == p.to else { continue }
                day = p.from.adding(days: -1)
                break
            }
            guard var d = day else { continue }
            let t = mentions[i].text.lowercased()
            if t.contains("business") || t.contains("trading") || t.contains("working") {
                while d.weekday >= 6 { d = d.adding(days: -1) }
            }
            mentions[i].value = .calendar(fields: f, resolved: ResolvedPeriod(from: d, to: d, value: d.iso, granularity: .day))
        }
    }

    /// A month or a month's end with no year that dates the base of a figure ("down from 10.47
    /// billion at end-June") after a period of its sentence whose year is written ("10.37 billion
    /// dlrs at end-September 1986"): the latest such month not after that period (June 1986), not
    /// the one nearest the reference date. Only a base read as lying ahead of the reference date
    /// is moved: one read in the past is left for the checks to weigh ("fell to 3.5 pct in
    /// February 1986 from 3.7 pct in January", told in March 1987, is a slip in the year).
    func basesBeforeTheirFigures(_ mentions: inout [Mention], _ document: Document, reference: CalendarDate?) {
        guard let r = reference else { return }
        for i in mentions.indices where mentions[i].type.isCalendar {
            guard case let .calendar(f, p?) = mentions[i].value, p.from > r, f.year == nil, f.yearOffset == nil, f.month != nil, f.monthTo == nil,
                  f.quarter == nil, !f.samePeriod, mentions[i].role == nil, Self.isFigureBase(mentions[i], document),
                  let s = document.sentenceIndex(of: mentions[i].span.start) else { continue }
            for j in stride(from: i - 1, through: max(0, i - 6), by: -1) {
                guard document.sentenceIndex(of: mentions[j].span.start) == s else { break }
                guard mentions[j].type.isCalendar, case let .calendar(g, q?) = mentions[j].value else { continue }
                // The figure's own month or day, with its year: not a bare year, a base or a start.
                guard g.year != nil, g.month != nil, !g.samePeriod, mentions[j].role == nil, mentions[j].qualifier == nil,
                      !Self.isComparisonBase(mentions[j], document) else { break }
                let back = p.shifted(years: -1)
                if p.from > q.to, back.from <= q.from { mentions[i].value = .calendar(fields: f, resolved: back) }
                break
            }
        }
    }

    /// The stretch of whole months named before an anaphor of as many months ("the nine months",
    /// "the eight-month period" after "the first nine months of 1987"), nil when the nearest
    /// stretch has another length.
    func stretchOfMonths(before i: Int, _ mentions: [Mention], _ document: Document, fields: PeriodFields, reference: CalendarDate?,
                         memo: inout TenseMemo) -> ResolvedPeriod? {
        guard let n = fields.monthsToDate, n > 1, fields.anaphorUnit == .month,
              let p = antecedentPeriod(before: i, mentions, document, unit: .span, reference: reference, memo: &memo),
              p.from.day == 1, p.to == p.to.lastDayOfMonth else { return nil }
        let months = (p.to.year - p.from.year) * 12 + p.to.month - p.from.month + 1
        return months == n ? p : nil
    }

    /// Two days of a month joined by "and" that do not follow each other ("will meet … on April 17
    /// and 20", "the April 11 and 26 local elections", "for delivery on July 5 and 20") are two
    /// days, each a mention of its own; two that do ("on June 22 and 23") stay a range, as do those
    /// after "between". Over the development gold: three of three such pairs are two days, six of
    /// six pairs of days in a row are one range. Two months of one year whose year is written at
    /// both ends are split the same way.
    func splitComparedPairs(_ mentions: inout [Mention], _ document: Document) {
        let b = document.bytes
        for i in mentions.indices.reversed() where mentions[i].rule == "period.day-range" {
            guard case let .calendar(f, p?)? = Optional(mentions[i].value), p.from.year == p.to.year, p.from.month == p.to.month,
                  p.to.day - p.from.day > 1, let (from, to) = Self.rangeEnds(mentions[i]),
                  String(decoding: b[from.end..<to.start], as: UTF8.self).split(whereSeparator: { $0 == " " || $0 == "\n" }) == ["and"],
                  !Self.wordBefore(mentions[i].span.start, in: b, is: "between") else { continue }
            var f1 = f, f2 = f
            f1.dayTo = nil; f1.monthTo = nil
            f2.day = f.dayTo; f2.dayTo = nil; f2.monthTo = nil; f2.month = f.monthTo ?? f.month
            mentions.replaceSubrange(i...i, with: Self.split(mentions[i], type: .date, document, into: [
                (from, f1, ResolvedPeriod(from: p.from, to: p.from, value: p.from.iso, granularity: .day)),
                (to, f2, ResolvedPeriod(from: p.to, to: p.to, value: p.to.iso, granularity: .day)),
            ]))
        }
        // "Between" two months in a row with no year written ("rose 0.3 pct in March after an identical
        // rise in February … between February and March"): the two months compared, as the value
        // gold tags them (six of six such pairs over the development sets; months further apart are
        // a stretch: "between April and June", 11 of 13).
        for i in mentions.indices.reversed() where mentions[i].rule == "period.month-range" {
            guard case let .calendar(f, p?)? = Optional(mentions[i].value), f.day == nil, f.dayTo == nil, f.year == nil, f.yearTo == nil,
                  p.from.day == 1, p.to == p.to.lastDayOfMonth, p.from.adding(months: 1).lastDayOfMonth == p.to,
                  mentions[i].text.lowercased().hasPrefix("between"), let (from, to) = Self.rangeEnds(mentions[i]) else { continue }
            var f1 = f, f2 = f
            f1.monthTo = nil; f2.month = f.monthTo; f2.monthTo = nil
            let end1 = p.from.lastDayOfMonth
            let start2 = CalendarDate(year: p.to.year, month: p.to.month, day: 1)
            mentions.replaceSubrange(i...i, with: Self.split(mentions[i], type: nil, document, into: [
                (from, f1, ResolvedPeriod(from: p.from, to: end1, value: String(p.from.iso.prefix(7)), granularity: .month)),
                (to, f2, ResolvedPeriod(from: start2, to: p.to, value: String(start2.iso.prefix(7)), granularity: .month)),
            ]))
        }
        // Two months that write their one year at both ends ("Exports decreased from March 2017 to
        // April 2017 by R16.83 billion") are the two months compared, each a mention of its own; a
        // run within a year writes the year once ("January-April 2017").
        for i in mentions.indices.reversed() where mentions[i].rule == "period.month-year-range" {
            guard case let .calendar(f, p?)? = Optional(mentions[i].value), f.yearTo == nil, p.from.year == p.to.year,
                  let (from, to) = Self.rangeEnds(mentions[i]) else { continue }
            var f1 = f, f2 = f
            f1.monthTo = nil; f2.month = f.monthTo; f2.monthTo = nil
            let end1 = CalendarDate(year: p.from.year, month: p.from.month, day: 1).lastDayOfMonth
            let start2 = CalendarDate(year: p.to.year, month: p.to.month, day: 1)
            mentions.replaceSubrange(i...i, with: Self.split(mentions[i], type: nil, document, into: [
                (from, f1, ResolvedPeriod(from: p.from, to: end1, value: String(p.from.iso.prefix(7)), granularity: .month)),
                (to, f2, ResolvedPeriod(from: start2, to: p.to, value: String(start2.iso.prefix(7)), granularity: .month)),
            ]))
        }
    }

    /// The spans of a range's two TIMEX3 ends, in text order (nil without both).
    static func rangeEnds(_ m: Mention) -> (Span, Span)? {
        guard let from = m.timexParts.first(where: { $0.kind == .from })?.span,
              let to = m.timexParts.first(where: { $0.kind == .to })?.span, from.end <= to.start else { return nil }
        return (from, to)
    }

    /// `m` split into a mention for each of `parts` (span, fields, period), of `type` when given,
    /// each with the rule and provenance of `m`.
    static func split(_ m: Mention, type: MentionType?, _ document: Document,
                      into parts: [(span: Span, fields: PeriodFields, period: ResolvedPeriod)]) -> [Mention] {
        parts.map { part in
            var n = m
            if let type { n.type = type }
            n.span = part.span; n.matchSpan = part.span; n.text = document.text(part.span); n.timexParts = []
            n.value = .calendar(fields: part.fields, resolved: part.period)
            return n
        }
    }

    /// "a week earlier", "a week ago" after a day or a week its sentence names before it: that
    /// day or that week a week back ("rose to 136,000 tonnes on March 7 from 31,000 a week
    /// earlier" is February 28; "exports in the week were 117,866 tonnes vs 121,168 tonnes a week
    /// ago" is the week before the week reported), not the calendar week before the reference
    /// date's nor the day seven days before it.
    func weekEarlierAnchors(_ mentions: inout [Mention], _ document: Document) {
        for i in mentions.indices where mentions[i].rule == "period.units-ago" || mentions[i].rule == "period.previous-week" {
            let words = mentions[i].text.lowercased().split { $0 == " " || $0 == "\n" }
            guard words.count == 3, words[0] == "a" || words[0] == "one", words[1] == "week", ["ago", "earlier", "before"].contains(words[2]),
                  case let .calendar(f, _)? = Optional(mentions[i].value) else { continue }
            let before = sentenceNeighbours(of: i, mentions, document).before
            guard let j = before.first(where: { k in
                mentions[k].type.isCalendar && mentions[k].role == nil && !Self.besideThePresent.contains(mentions[k].rule)
                    && mentions[k].rule != "period.previous-week" && mentions[k].period != nil
            }), let p = mentions[j].period else { continue }
            let days = p.to.dayNumber - p.from.dayNumber + 1
            guard days == 1 || days == 7 else { continue }
            let from = p.from.adding(days: -7), to = p.to.adding(days: -7)
            mentions[i].value = .calendar(fields: f, resolved: ResolvedPeriod(from: from, to: to, value: days == 1 ? from.iso : "\(from.iso)/\(to.iso)", granularity: days == 1 ? .day : .week))
        }
    }

    /// "The previous season" is the year before the nearest crop's or fiscal year of twelve months
    /// that is not a calendar year written before it (read after `endDays`, so that "the 2023/24
    /// season, which ran from December 2023 to November 2024" counts with its stated months); with
    /// none among the 12 mentions before it, it is no period.
    func previousSeasons(_ mentions: inout [Mention]) {
        guard mentions.contains(where: { $0.rule == "period.previous-season" }) else { return }
        var drop: [Int] = []
        for i in mentions.indices where mentions[i].rule == "period.previous-season" {
            guard case let .calendar(f, _) = mentions[i].value else { continue }
            let antecedent = stride(from: i - 1, through: max(0, i - 12), by: -1).lazy.compactMap { j -> ResolvedPeriod? in
                guard mentions[j].role == nil, mentions[j].rule != "period.previous-season", let g = mentions[j].periodFields, !g.samePeriod,
                      let p = mentions[j].period, Self.isTwelveMonths(p), p.from.month != 1 else { return nil }
                return p
            }.first
            if let p = antecedent { mentions[i].value = .calendar(fields: f, resolved: p.shifted(years: -1)) } else { drop.append(i) }
        }
        for i in drop.reversed() { mentions.remove(at: i) }
    }

    /// A period followed by the day it ended ("the first quarter ended January 31", "1986/87,
    /// ending September 30", "the second half, ending June 30, 1987") is one mention, as the
    /// value briefs tag it: the day is the period's last, not a date of its own. TimeML's two
    /// TIMEX3s stay as its parts (`own` and `endDay`). Only "ended", "ending" or "ends" (after a
    /// comma, "which" or "that", before "on") comes between them, and the day is the period's end
    /// (its year, when the day is written without one, is the period's: "1986/87, ending September
    /// 30" ends on 30 September 1987, whatever the tense of the clause).
    func endDays(_ mentions: inout [Mention], _ document: Document) {
        let b = document.bytes
        Self.mergeNeighbours(&mentions) { m, d in
            guard m.type.isCalendar, d.type.isCalendar, m.role == nil, d.role == nil, m.timexParts.isEmpty, d.qualifier == nil,
                  let p = m.period, p.from < p.to, let day = d.period, day.from == day.to, day.to.month == p.to.month, day.to.day == p.to.day,
                  d.periodFields?.year == nil || day.to == p.to,
                  d.span.start > m.span.end, d.span.start - m.span.end <= 24 else { return nil }
            let gap = String(decoding: b[m.span.end..<d.span.start].filter { TriggerScanner.isLetter($0) || $0 == 0x2C }, as: UTF8.self).lowercased()
            let words = gap.hasPrefix(",") ? String(gap.dropFirst()) : gap
            guard ["ended", "ending", "ends", "whichended", "thatended", "endedon", "endingon", "whichendedon", "thatendedon"].contains(words) else { return nil }
            var g = Self.respanned(m, Span(m.span.start, d.span.end), document)
            g.timexParts = [TimexPart(kind: .own, span: m.span), TimexPart(kind: .endDay, span: d.span)]
            return g
        }
    }

    /// Joins neighbouring mentions: where `join` makes one of a mention and the next, that mention
    /// takes the place of the pair, and the walk goes on after it (a pair is never joined again).
    static func mergeNeighbours(_ mentions: inout [Mention], _ join: (Mention, Mention) -> Mention?) {
        var merged: [Int] = []
        var i = 0
        while i + 1 < mentions.count {
            if let joined = join(mentions[i], mentions[i + 1]) {
                mentions[i] = joined
                merged.append(i + 1)
                i += 1
            }
            i += 1
        }
        for k in merged.reversed() { mentions.remove(at: k) }
    }

    /// Months written without a year right before the fiscal year they belong to ("exports during
    /// July-March FY24", "October FY25", "April-December of fiscal 2023-24"; not "the
    /// July-September quarter of the current financial year", whose year is not written, which
    /// annotators tag as two): one mention, those
    /// months within that fiscal year (July 2023 to March 2024 for Pakistan's FY24), marked fiscal.
    func monthsOfANamedFiscalYear(_ mentions: inout [Mention], _ document: Document) {
        let b = document.bytes
        Self.mergeNeighbours(&mentions) { m, d in
            guard m.type.isCalendar, d.type.isCalendar, m.role == nil, d.role == nil,
                  case let .calendar(f, p?) = m.value, f.year == nil, f.yearOffset == nil, f.month != nil, f.day == nil, !f.samePeriod, !f.fiscal,
                  let g = d.periodFields, g.fiscal, let q = d.period, Self.isTwelveMonths(q), q.from.month != 1,
                  d.span.start >= m.span.end, d.span.start - m.span.end <= 5 else { return nil }
            let gap = String(decoding: b[m.span.end..<d.span.start], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
            guard gap.isEmpty || ["of", "in"].contains(gap) && g.year != nil else { return nil }
            // The year that puts the months inside the fiscal year.
            guard let moved = [q.from.year - p.from.year, q.from.year + 1 - p.from.year].map({ p.shifted(years: $0) })
                    .first(where: { $0.from >= q.from && $0.to <= q.to }) else { return nil }
            var h = f
            h.fiscal = true
            h.fiscalYearStart = q.from.month
            var n = Self.respanned(m, Span(m.span.start, d.span.end), document)
            n.value = .calendar(fields: h, resolved: moved)
            return n
        }
    }

    /// "The first 10 days of the month": the month "the month" refers to (read as
    /// `period.the-month` reads it), up to its tenth day, as Korean and Japanese trade releases
    /// count them; the mention spans the whole phrase.
    func firstDaysOfTheMonth(_ mentions: inout [Mention], _ document: Document) {
        let b = document.bytes
        // "The first 20 days" alone (`period.first-days-bare`): the first days of the month it finds.
        for i in mentions.indices where mentions[i].rule == "period.first-days-bare" {
            guard case let .calendar(f, p?) = mentions[i].value, p.granularity == .month,
                  let word = mentions[i].text.split(whereSeparator: { $0 == " " || $0 == "\n" }).dropFirst(2).first,
                  let n = Numbers.ordinal(String(word)) ?? Int(word), (1...30).contains(n) else { continue }
            let end = p.from.adding(days: n - 1)
            guard end < p.to else { continue }
            mentions[i].value = .calendar(fields: f, resolved: ResolvedPeriod(from: p.from, to: end, value: "\(p.from.iso)/\(end.iso)", granularity: .span))
        }
        for i in mentions.indices where mentions[i].rule == "period.the-month" {
            guard case let .calendar(f, p?) = mentions[i].value, p.granularity == .month else { continue }
            // The words before "the month": "[the] first N days of".
            let words = Self.wordsBefore(mentions[i].span.start, in: document, from: max(0, mentions[i].span.start - 40), upTo: 4)
            guard words.count >= 4, words[0].elementsEqual("of".utf8), words[1].elementsEqual("days".utf8), words[3].elementsEqual("first".utf8),
                  let n = Numbers.ordinal(String(decoding: words[2], as: UTF8.self)), (1...30).contains(n) else { continue }
            let end = p.from.adding(days: n - 1)
            guard end < p.to else { continue }
            // Back to "first", and "the" before it.
            func wordStart(_ o: Int) -> Int {
                var k = o
                while k > 0, b[k - 1] == 0x20 || b[k - 1] == 0x0A { k -= 1 }
                while k > 0, b[k - 1] != 0x20 && b[k - 1] != 0x0A { k -= 1 }
                return k
            }
            var start = mentions[i].span.start
            for _ in 0..<4 { start = wordStart(start) }
            let article = wordStart(start)
            if b[article..<start].prefix(3).map({ $0 | 0x20 }).elementsEqual("the".utf8) { start = article }
            var m = Self.respanned(mentions[i], Span(start, mentions[i].span.end), document)
            m.value = .calendar(fields: f, resolved: ResolvedPeriod(from: p.from, to: end, value: "\(p.from.iso)/\(end.iso)", granularity: .span))
            mentions[i] = m
        }
    }

    /// `m` over `span` (a phrase it grows to take in): its text that span's, its match widened to cover it.
    static func respanned(_ m: Mention, _ span: Span, _ document: Document) -> Mention {
        var n = m
        n.span = span
        n.matchSpan = Span(min(m.matchSpan.start, span.start), max(m.matchSpan.end, span.end))
        n.text = document.text(span)
        return n
    }

    /// Where sentence `s` begins after the words `leads` that may open a results note, in this
    /// order, each with the colon, dash and spaces after it ("NOTE: 1986 …", "Note - The 1986 year …").
    static func noteStart(of s: Int, _ document: Document, after leads: [[UInt8]]) -> Int {
        let b = document.bytes
        var j = document.sentences[s].span.start
        for w in leads where j + w.count < b.count && b[j..<(j + w.count)].map({ $0 | 0x20 }) == w && !TriggerScanner.isLetter(b[j + w.count]) {
            j += w.count
            while j < b.count, b[j] == 0x3A || b[j] == 0x2D || b[j] == 0x20 || b[j] == 0x0A { j += 1 }
        }
        return j
    }
    static let noteWord = [Array("note".utf8)]
    static let noteAndThe = [Array("note".utf8), Array("the".utf8)]

    /// A results note's sentence that opens with a year ("1986 net income includes gains of 1.11
    /// dlrs a share in the quarter and 2.23 dlrs in the nine months", "1987 3rd qtr and nine mths
    /// net includes …", "1986 qtr and nine mths includes gain …"): the anaphors in it that name no
    /// year ("the quarter", "the nine months", "nine mths") are that year's, the prior-year
    /// column's when the story reports the next.
    /// Only in a results story (its headline names a quarter or year).
    func noteYears(_ mentions: inout [Mention], _ document: Document) {
        let headline = document.lineIndex.span(ofLine: 1, in: document.bytes)
        guard headline.length <= Self.headlineBytes,
              mentions.contains(where: { headline.contains($0.span) && $0.periodFields.map { $0.quarter != nil || $0.monthsEnding != nil || $0.monthsToDate == 12 } ?? false })
        else { return }
        let b = document.bytes
        var opener: (sentence: Int, year: Int)? = nil
        for i in mentions.indices {
            guard case let .calendar(f, p?) = mentions[i].value, let s = document.sentenceIndex(of: mentions[i].span.start) else { continue }
            if opener?.sentence != s {
                opener = nil
                // The year opens the sentence, after a "NOTE:" at most.
                let j = Self.noteStart(of: s, document, after: Self.noteWord)
                // (A year that opens a period of the note counts too: "1986 qtr and nine mths includes …".)
                if mentions[i].span.start == j, let y = f.year, f.yearTo == nil,
                   mentions[i].span.length >= 4, (0..<4).allSatisfy({ (0x30...0x39).contains(b[j + $0]) }) {
                    opener = (s, y)
                }
                continue
            }
            guard let (_, y) = opener, f.samePeriod, f.year == nil, f.yearOffset == nil || f.yearOffset == 0,
                  f.monthShift == nil, !f.wholeYear || f.storyPeriod, p.to.year != y else { continue }
            mentions[i].value = .calendar(fields: f, resolved: p.shifted(years: y - p.to.year))
        }
    }

    /// Whether `next` is a whole year (written, or relative: "last year") that follows `part` after
    /// at most two words ("fourth quarter earnings last year", "the first half of 1986").
    static func yearJustAfter(_ part: Mention, _ next: Mention, _ document: Document) -> Bool {
        guard let f = next.periodFields, f.year != nil || f.yearOffset != nil, f.month == nil, f.quarter == nil, f.half == nil,
              f.firstMonths == nil, !f.samePeriod, let p = next.period, isTwelveMonths(p),
              next.span.start >= part.span.end, next.span.start - part.span.end <= 24 else { return false }
        let gap = String(decoding: document.bytes[part.span.end..<next.span.start], as: UTF8.self)
        let words = gap.split { $0 == " " || $0 == "\n" }
        return words.count <= 2 && words.allSatisfy { $0.allSatisfy { $0.isLetter && $0.isLowercase } }
    }

    /// Periods read against another period of their sentence rather than the reference date:
    /// - a half or quarter named without a year after another of the same unit and another number
    ///   that is not a comparison's base ("in the first half of the fiscal year, earnings had edged
    ///   up … before slowing in the second half": the second half of that fiscal year; not "the
    ///   fastest since the second quarter of 2021 and after a gain in the second quarter");
    /// - "the previous / preceding / following fiscal (financial) year" after a fiscal year or a
    ///   year written across two years ("$415 billion in 2023-24, down from $466 billion the
    ///   previous financial year": 2022-23).
    func siblingParts(_ mentions: inout [Mention], _ document: Document) {
        var sentenceOf: [Int] = []
        sentenceOf.reserveCapacity(mentions.count)
        for m in mentions { sentenceOf.append(document.sentenceIndex(of: m.span.start) ?? -1) }
        for i in mentions.indices {
            guard case let .calendar(fields, resolved?) = mentions[i].value, fields.year == nil, !fields.samePeriod else { continue }
            let part = fields.half != nil || fields.quarter != nil
            let relativeFiscal = fields.fiscal && !part && fields.firstMonths == nil && fields.yearOffset != nil
                && ["previous", "preceding", "following"].contains { mentions[i].text.lowercased().contains($0) }
            guard part && fields.yearOffset == nil || relativeFiscal else { continue }
            // A part with its own year just after it ("its fourth quarter earnings last year") is
            // that year's, not its sibling's.
            if part, i + 1 < mentions.count, sentenceOf[i + 1] == sentenceOf[i], Self.yearJustAfter(mentions[i], mentions[i + 1], document) { continue }
            var done = false
            var j = i - 1
            while j >= 0, sentenceOf[j] == sentenceOf[i] {
                defer { j -= 1 }
                guard mentions[j].role == nil, case let .calendar(g, p?) = mentions[j].value, !g.samePeriod else { continue }
                var from: CalendarDate? = nil
                if relativeFiscal {
                    // A year of twelve months (a fiscal year, "2023-24").
                    guard p.to == p.from.adding(months: 11).lastDayOfMonth, p.from.day == 1 else { continue }
                    from = p.from.adding(months: 12 * (fields.yearOffset ?? 0))
                } else if let h = fields.half, let h0 = g.half, g.firstMonths == nil, !Self.isComparisonBase(mentions[j], document) {
                    // The same half again ("the first half of the fiscal year … the first-half
                    // deficit") is that half.
                    from = p.from.adding(months: 6 * (h - h0))
                } else if let q = fields.quarter, let q0 = g.quarter, q != q0, g.firstMonths == nil, !Self.isComparisonBase(mentions[j], document) {
                    from = p.from.adding(months: 3 * (q - q0))
                } else if part, !fields.fiscal, g.fiscal || g.fiscalYearStart != nil, g.quarter == nil, g.half == nil, g.firstMonths == nil, Self.isTwelveMonths(p),
                          !Self.isComparisonBase(mentions[j], document) {
                    // A quarter or half after a fiscal year of its sentence ("$48.28 billion in fiscal
                    // year 2024-25 …, helped by shipments in the final quarter"): that fiscal year's.
                    from = p.from.adding(months: fields.quarter.map { 3 * ($0 - 1) } ?? 6 * ((fields.half ?? 1) - 1))
                } else { continue }
                guard let f = from else { break }
                // A pair of quarters ("the second and third quarters") runs over both.
                let quarters = fields.quarter.map { q in max(1, (fields.quarterTo ?? q) - q + 1) } ?? 1
                let months = relativeFiscal ? 12 : fields.half != nil ? 6 : 3 * quarters
                let to = f.adding(months: months - 1).lastDayOfMonth
                var value = resolved.value
                if quarters > 1 {
                    value = "\(f.iso.prefix(7))/\(to.iso.prefix(7))"
                } else if !relativeFiscal && !g.fiscal && p.granularity != .span {
                    value = fields.half.map { "\(f.year)-H\($0)" } ?? "\(f.year)-Q\(fields.quarter ?? 1)"
                } else if relativeFiscal || g.fiscal || p.granularity == .span {
                    value = "\(f.iso.prefix(7))/\(to.iso.prefix(7))"
                }
                var newFields = fields
                if g.fiscal || g.fiscalYearStart != nil { newFields.fiscalYearStart = g.fiscalYearStart ?? f.month; newFields.fiscal = true }
                mentions[i].value = .calendar(fields: newFields, resolved: ResolvedPeriod(from: f, to: to, value: value,
                                                                                      granularity: relativeFiscal || g.fiscal || quarters > 1 ? .span : resolved.granularity))
                done = true
                break
            }
            // "The previous fiscal year" with none before it in its sentence: the year before the
            // fiscal year the story reports ("… a record $48.28 billion in fiscal year 2024-25 …
            // Garments … up 8.8% from the previous fiscal year": 2023-24), not before the dateline's.
            if !done, relativeFiscal, let off = fields.yearOffset, off != 0, let reported = reportedFiscalYear(mentions, document), reported.index < i {
                let f = reported.period.from.adding(months: 12 * off), to = f.adding(months: 11).lastDayOfMonth
                mentions[i].value = .calendar(fields: fields, resolved: ResolvedPeriod(from: f, to: to, value: "\(f.iso.prefix(7))/\(to.iso.prefix(7))", granularity: .span))
            }
        }
    }

    /// The first month of the year of twelve months that is not a calendar year named in the
    /// story's headline or first sentence (a fiscal or split year named as such, not a running
    /// year: "the year to June"), whether it is a fiscal year, and where the first sentence ends.
    func ledeYear(_ mentions: [Mention], _ document: Document) -> (month: Int, fiscal: Bool, ledeEnd: Int)? {
        guard document.sentences.count > 1 else { return nil }
        let b = document.bytes
        let headlineEnd = b.firstIndex(of: 0x0A) ?? b.count
        let ledeEnd = max(headlineEnd, document.sentences.first { $0.span.end > headlineEnd + 1 }?.span.end ?? headlineEnd)
        guard let lede = mentions.first(where: { m in
            guard m.span.start < ledeEnd, m.role == nil, let p = m.period, let f = m.periodFields else { return false }
            return Self.isTwelveMonths(p) && p.from.month != 1 && !f.samePeriod && (f.fiscal || f.fiscalYearStart != nil || f.yearTo != nil || f.season == Self.cropSeason)
        }), let ledePeriod = lede.period, let ledeFields = lede.periodFields else { return nil }
        return (ledePeriod.from.month, ledeFields.fiscal || ledeFields.fiscalYearStart != nil, ledeEnd)
    }

    /// In a story whose headline or first sentence names a year that is not a calendar year (see
    /// ``ledeYear(_:_:)``), "the first four months of the current year" (or of no year written)
    /// whose calendar months would run past the reference date ("INDIAN SUGAR OUTPUT RISES IN
    /// FIRST FOUR MONTHS" on 2 March, the lede naming "the 1986/87 season (October/September)")
    /// are the first months of the story's year under way: October to January. Run before the
    /// anaphors, so that "the corresponding period of 1985/86" follows them.
    func ledeYearFirstMonths(_ mentions: inout [Mention], _ document: Document, reference: CalendarDate?) {
        guard let r = reference, mentions.contains(where: { $0.rule == "period.first-months" }),
              let (m, fiscal, _) = ledeYear(mentions, document) else { return }
        for i in mentions.indices where mentions[i].rule == "period.first-months" {
            guard mentions[i].role == nil, case let .calendar(f, p?) = mentions[i].value, let n = f.firstMonths, (1...11).contains(n),
                  f.year == nil, (f.yearOffset ?? 0) == 0, !f.fiscal, f.fiscalYearStart == nil, p.to > r else { continue }
            let first = CalendarDate(year: r.month >= m ? r.year : r.year - 1, month: m, day: 1)
            let last = first.adding(months: n - 1).lastDayOfMonth
            guard last <= r else { continue }
            var g = f
            if fiscal { g.fiscal = true; g.fiscalYearStart = m }
            mentions[i].value = .calendar(fields: g, resolved: ResolvedPeriod(from: first, to: last, value: "\(first.iso.prefix(7))/\(last.iso.prefix(7))", granularity: .span))
        }
    }

    /// The other mentions of mention `i`'s sentence, at most `reach` each way, nearest first
    /// (mentions are in text order, so a sentence's are together): what the readings of a
    /// sentence's periods look at, bounded so that a long table read as one sentence costs no
    /// more than its size.
    func sentenceNeighbours(of i: Int, _ mentions: [Mention], _ document: Document, reach: Int = 12) -> (before: [Int], after: [Int]) {
        guard let s = document.sentenceIndex(of: mentions[i].span.start) else { return ([], []) }
        var before: [Int] = [], after: [Int] = []
        var k = i - 1
        while k >= 0, before.count < reach, document.sentenceIndex(of: mentions[k].span.start) == s { before.append(k); k -= 1 }
        k = i + 1
        while k < mentions.count, after.count < reach, document.sentenceIndex(of: mentions[k].span.start) == s { after.append(k); k += 1 }
        return (before, after)
    }

    /// Whether the sentence of mention `i` names the present: "now", "currently"
    /// (`period.present-ref`), or "today" set against it in a sentence that names no other period
    /// ("guesstimating today's hog slaughter at 295,000 head versus 307,000 week ago and 311,000 a
    /// year ago", "It was quoted at 3.72 today, little changed from 3.7 a year ago"), not the day a
    /// statement was made ("said today", "reported today").
    /// With `alone`, only in a sentence that names no other period (either way).
    func presentInSentence(of i: Int, _ mentions: [Mention], _ document: Document, alone: Bool = false) -> Bool {
        let n = sentenceNeighbours(of: i, mentions, document)
        let others = n.before + n.after
        let noOtherPeriod = others.allSatisfy { !mentions[$0].type.isCalendar || Self.besideThePresent.contains(mentions[$0].rule) || mentions[$0].role == "dateline" }
        if alone && !noOtherPeriod { return false }
        if others.contains(where: { mentions[$0].rule == "period.present-ref" }) { return true }
        let b = document.bytes
        let today = others.filter { k in
            mentions[k].rule == "date.relative-day" && b.hasPrefixIgnoringASCIICase(Self.todayWord, at: mentions[k].span.start)
        }
        guard let t = today.first, today.count == 1, noOtherPeriod else { return false }
        // Not the day a statement was made ("said today").
        return !Self.speechVerbs.contains { Self.wordBefore(mentions[t].span.start, in: b, is: $0) }
    }
    /// The day or week a table column heading names on the same line as mention `i`, before it,
    /// or on the line above ("4/2/87   Prev Wk", "  4/2/87 \n Prev Wk"): the nearest such mention.
    func columnDateBefore(_ i: Int, _ mentions: [Mention], _ document: Document) -> ResolvedPeriod? {
        let b = document.bytes
        let start = mentions[i].span.start
        var lineStart = start
        var newlines = 0
        while lineStart > 0 {
            if b[lineStart - 1] == 0x0A { newlines += 1; if newlines == 2 { break } }
            lineStart -= 1
        }
        for j in stride(from: i - 1, through: max(0, i - 6), by: -1) {
            guard mentions[j].span.start >= lineStart else { break }
            guard mentions[j].type.isCalendar, let p = mentions[j].period else { continue }
            if p.from == p.to || p.granularity == .week { return p }
        }
        return nil
    }

    /// "a year ago", "one year ago" (not "a year earlier", not "year-ago"), any case.
    static func isYearAgo(_ text: String) -> Bool {
        let t = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\n" })
        return t.count == 3 && (t[0] == "a" || t[0] == "one") && t[1] == "year" && t[2] == "ago"
    }

    /// Whether the sentence of mention `i` names "this year" ("this year's outlook … is much
    /// healthier than a year ago"): a year set against a year.
    func thisYearInSentence(of i: Int, _ mentions: [Mention], _ document: Document) -> Bool {
        let n = sentenceNeighbours(of: i, mentions, document)
        return (n.before + n.after).contains { k in
            mentions[k].rule == "period.relative-year" && document.bytes.hasPrefixIgnoringASCIICase(Self.thisWord, at: mentions[k].span.start)
        }
    }
    static let thisWord = Array("this".utf8)

    /// Calendar mentions a sentence may hold beside "now" or "today" and a year-ago comparison.
    static let besideThePresent: Set<String> = ["date.relative-day", "period.units-ago", "period.year-earlier", "period.present-ref"]
    static let todayWord = Array("today".utf8)
    static let speechVerbs = ["said", "says", "told", "announced", "reported", "stated", "forecast", "estimated"]

    /// A story whose headline or first sentence names a year of twelve months that is not a
    /// calendar year ("BANGLADESH'S TRADE GAP TO WIDEN IN 1987/88 … in fiscal 1987/88 beginning
    /// on July 1", "IVORY COAST WEATHER NO PROBLEM FOR 1986/87 CROPS") counts in such years: its
    /// "this year", "the current year", "last year", "next year" and "the coming year" are years
    /// of the same months, counted from the one that holds the reference date, when their
    /// sentence speaks of the story's subject (a budget's or trade's figures, a crop's) and names
    /// no month or quarter. Measured on the value gold (2026-12-04): in Reuters stories whose lede
    /// names such a year, 18 of 21 such relative years are read that way.
    func ledeYearRelatives(_ mentions: inout [Mention], _ document: Document, reference: CalendarDate?) {
        guard let r = reference, let (m, fiscal, ledeEnd) = ledeYear(mentions, document) else { return }
        // The relative year's sentence speaks of the story's subject: a budget's or trade's
        // figures for a fiscal year, a crop's for a crop year ("Egypt … secured an expanded $8
        // billion loan programme from the IMF this year" is a calendar year).
        let subjectWords: Set<String> = fiscal
            ? ["budget", "spending", "expenditure", "revenue", "revenues", "deficit", "surplus", "exports", "export", "imports", "import", "trade", "target", "growth", "output", "production"]
            : ["crop", "crops", "harvest", "production", "output", "exports", "export", "imports", "import", "sales", "purchases", "bought", "sold", "shipments", "stocks", "plantings", "yield", "yields"]
        // Sentences that name a month or a quarter count in calendar years.
        var calendarSentences = Set<Int>()
        for x in mentions {
            guard let f = x.periodFields, f.month != nil || f.quarter != nil || f.half != nil, let s = document.sentenceIndex(of: x.span.start) else { continue }
            calendarSentences.insert(s)
        }
        for i in mentions.indices where mentions[i].rule == "period.relative-year" && mentions[i].span.start >= ledeEnd {
            guard mentions[i].role == nil, case let .calendar(f, p?) = mentions[i].value, p.granularity == .year, !f.fiscal, f.fiscalYearStart == nil,
                  let off = f.yearOffset, let s = document.sentenceIndex(of: mentions[i].span.start), !calendarSentences.contains(s),
                  !mentions[i].text.lowercased().contains("calendar") else { continue }
            let words = sentenceText(of: mentions[i], document).lowercased().split { !$0.isLetter }
            guard words.contains(where: { subjectWords.contains(String($0)) || ruleSet.lexicons["crop-years"]?.lookup(String($0)) != nil && !fiscal }) else { continue }
            var g = f
            if fiscal { g.fiscal = true; g.fiscalYearStart = m }
            mentions[i].value = .calendar(fields: g, resolved: Self.seasonSpan(firstYear: (r.month >= m ? r.year : r.year - 1) + off, from: m))
        }
    }

    /// A fiscal year of twelve months that is not a calendar year, named in the sentence of
    /// mention `i` or the one before, before it ("… in fiscal 1987/88 beginning on July 1. The
    /// country has set its export target for the year"): what "the year" there refers to, before
    /// any nearer day. At most 8 mentions back are read.
    func fiscalYearBefore(_ i: Int, _ mentions: [Mention], _ document: Document) -> ResolvedPeriod? {
        guard let s = document.sentenceIndex(of: mentions[i].span.start) else { return nil }
        // "The fiscal year" names its kind of year: the last fiscal year the story named before
        // it, however far back ("exports rose … in fiscal year 2020-21 … In taka terms … the
        // target … for the fiscal year"), but not, beyond the sentence before, a base it was
        // compared with; "the year" looks only as far as the sentence before.
        let fiscalWord = mentions[i].text.lowercased().contains("fiscal")
        var j = i - 1
        while j >= 0, i - j <= (fiscalWord ? 40 : 8) {
            defer { j -= 1 }
            guard let t = document.sentenceIndex(of: mentions[j].span.start), fiscalWord || t >= s - 1 else { break }
            // Further back, not a base the story compared with ("compared with 5.24 trillion yen in fiscal 2014").
            if t < s - 1, Self.isComparisonBase(mentions[j], document) { continue }
            guard mentions[j].role == nil, case let .calendar(g, p?) = mentions[j].value, !g.samePeriod, Self.isTwelveMonths(p), p.from.month != 1,
                  g.fiscal || g.fiscalYearStart != nil || g.yearTo != nil || g.fiscalEndMonth != nil, g.season != Self.cropSeason, !Self.isSeason(mentions[j].text) else { continue }
            return p
        }
        return nil
    }

    /// A year named relative to the reference date or to another year ("the current year", "this
    /// year", "next year", "the previous year", "the year before"), without "calendar", after a
    /// fiscal year of its sentence ("income tax … in fiscal 1987/88, … up from 38.4 billion in the
    /// current year", "imports in the fiscal year beginning April 1 from the previous year's
    /// total"): a fiscal year of the same months. "The previous year" and "the year before" are
    /// the one before that fiscal year, or before a crop's year ("estimated the 1986/87 crop at
    /// 3.84 mln bags compared with the previous year's 4.33 mln"); "the current year", "this
    /// year", "next year" and "last year" count from the fiscal year that holds the reference
    /// date, and a crop's year leaves them calendar years, except "the current year" beside a
    /// crop's split year before or after it in its sentence, which is the crop year under way.
    func fiscalSiblings(_ mentions: inout [Mention], _ document: Document, reference: CalendarDate?) {
        guard let r = reference else { return }
        for i in mentions.indices {
            let rule = mentions[i].rule
            guard rule == "period.relative-year" || rule == "period.previous-year", mentions[i].role == nil,
                  case let .calendar(f, p?) = mentions[i].value, !f.fiscal, f.fiscalYearStart == nil, p.granularity == .year,
                  !mentions[i].text.lowercased().contains("calendar"), let s = document.sentenceIndex(of: mentions[i].span.start) else { continue }
            // "the current year" beside a crop's split year of its sentence, before or after it
            // ("wheat buyers for delivery in the current year, … for the 1987/88 season, which
            // begins June 1"), is the crop year under way; "this year" and "last year" stay
            // calendar years (see below).
            let current = rule == "period.relative-year" && f.yearOffset == 0 && mentions[i].text.lowercased().contains("current")
            let neighbours = sentenceNeighbours(of: i, mentions, document)
            let siblings = neighbours.before + (current ? neighbours.after : [])
            var found: ResolvedPeriod? = nil, foundCrop = false
            for j in siblings {
                // A fiscal year; a crop's only for "the previous year" ("estimated the 1986/87 crop
                // at 3.84 mln bags compared with the previous year's 4.33 mln"), not for a year
                // named from the reference date ("from 1.1 mln bags last year" after "the 1986/87
                // crop year" is the calendar year).
                let text = mentions[j].text.lowercased()
                guard mentions[j].role == nil, case let .calendar(g, q?) = mentions[j].value, Self.isTwelveMonths(q), q.from.day == 1 else { continue }
                // A year named by its first day other than January 1 ("the year from April 1") counts too.
                let fiscal = g.fiscal || g.fiscalYearStart != nil || ["fiscal", "financial", "budget"].contains(where: { text.contains($0) })
                    || g.startsYear && q.from.month != 1
                let crop = !fiscal && (g.season == Self.cropSeason || g.yearTo != nil || Self.isSeason(mentions[j].text))
                guard fiscal && j < i || (rule == "period.previous-year" && j < i || current) && crop else { continue }
                found = q
                foundCrop = crop
                break
            }
            // With none in its sentence, a fiscal year that is the last period of the sentence
            // before ("GNP will grow three pct in the fiscal year beginning in April. That would be
            // little changed from the performance expected this year."): this year is of its kind.
            // Only where that year is named fiscal in its words and this year is its sentence's
            // only period ("GDP would expand 2.8 pct this year and 3.0 pct in 1988" after a list of
            // fiscal years counts calendar years).
            if found == nil, rule == "period.relative-year", s > 0,
               !(neighbours.before + neighbours.after).contains(where: { mentions[$0].type.isCalendar }),
               let j = stride(from: i - 1, through: max(0, i - 8), by: -1).first(where: { mentions[$0].type.isCalendar }),
               document.sentenceIndex(of: mentions[j].span.start) == s - 1, mentions[j].role == nil,
               case .calendar(_, let q?) = mentions[j].value, Self.isTwelveMonths(q), q.from.day == 1, q.from.month != 1,
               ["fiscal", "financial", "budget"].contains(where: { mentions[j].text.lowercased().contains($0) }) {
                found = q
            }
            guard let fy = found, fy.from.month != 1 else { continue }
            let m = fy.from.month
            let firstYear = rule == "period.previous-year" ? fy.from.year - 1 : (r.month >= m ? r.year : r.year - 1) + (f.yearOffset ?? 0)
            var g = f
            if !foundCrop { g.fiscal = true; g.fiscalYearStart = m }
            mentions[i].value = .calendar(fields: g, resolved: Self.seasonSpan(firstYear: firstYear, from: m))
        }
    }

    /// A quarter, half or range of months named without its year, read as last year's, after a
    /// quarter or half of this year written with its year (or "this year") earlier in the story
    /// ("the second half of this year … July to December", "the third and fourth
    /// quarters of 1987 … In December, OPEC set a provisional fourth quarter level", "Iraq has a
    /// first half quota …, rising to 1.54 mln in the second half" in a story of June 1987): that
    /// year's, as the story speaks of the year it named. At most 30 mentions back are read.
    func storyYearParts(_ mentions: inout [Mention], reference: CalendarDate?) {
        guard let r = reference else { return }
        for i in mentions.indices {
            guard case let .calendar(f, p?) = mentions[i].value, f.year == nil, f.yearOffset == nil, f.tense == nil, !f.samePeriod,
                  !f.fiscal, f.fiscalYearStart == nil, f.firstMonths == nil, f.quarter != nil || f.half != nil || f.month != nil && f.monthTo != nil,
                  mentions[i].role == nil, p.from.year == r.year - 1 else { continue }
            var j = i - 1
            while j >= 0, i - j <= 30 {
                defer { j -= 1 }
                guard mentions[j].role == nil, case let .calendar(g, q?) = mentions[j].value, !g.fiscal, g.fiscalYearStart == nil,
                      g.quarter != nil || g.half != nil, let y = g.year ?? (g.yearOffset == 0 ? r.year : nil) else { continue }
                if y == r.year, q.from.year == y { mentions[i].value = .calendar(fields: f, resolved: p.shifted(years: 1)) }
                break
            }
        }
    }

    /// Yearless parts of a year placed by a year of their sentence rather than the reference date:
    /// - a season with a whole year near it that is no comparison's base ("reflate the economy
    ///   later this year, perhaps in the autumn": this year's autumn);
    /// - a quarter or half before another of the same unit whose year is written ("bringing
    ///   forward to the third quarter some shipments scheduled for the fourth quarter of 1987").
    func partsInTheYearOfTheirSentence(_ mentions: inout [Mention], _ document: Document) {
        for i in mentions.indices {
            guard case let .calendar(f, p?) = mentions[i].value, f.year == nil, f.yearOffset == nil, f.tense == nil, !f.samePeriod,
                  !f.fiscal, f.fiscalYearStart == nil, f.firstMonths == nil, mentions[i].role == nil,
                  document.sentenceIndex(of: mentions[i].span.start) != nil else { continue }
            let season = f.season != nil && f.season != Self.cropSeason
            let part = f.quarter != nil || f.half != nil
            guard season || part else { continue }
            var year: Int? = nil
            // The nearest such sibling, looking both ways for a season and forward for a part.
            // Only the sentence's own mentions are read (mentions are in text order), at most 12
            // each way, so that a long table read as one sentence costs no more than its size.
            let neighbours = sentenceNeighbours(of: i, mentions, document)
            let after = neighbours.after, before = season ? neighbours.before : []
            var candidates: [Int] = []
            for n in 0..<max(after.count, before.count) {
                if n < before.count { candidates.append(before[n]) }
                if n < after.count { candidates.append(after[n]) }
            }
            for j in candidates {
                guard mentions[j].role == nil, case let .calendar(g, q?) = mentions[j].value, !g.samePeriod, !g.fiscal,
                      !Self.isComparisonBase(mentions[j], document) else { continue }
                if season, q.granularity == .year, q.from.year == q.to.year { year = q.from.year; break }
                if part, g.year != nil, (f.quarter != nil && g.quarter != nil && g.quarter != f.quarter) || (f.half != nil && g.half != nil && g.half != f.half) {
                    // Not the quarter right after the sibling, as read ("first quarter profits
                    // are expected to exceed the 165 mln dlrs reported for 1986's fourth
                    // quarter", said in April 1987): one period set against the one before it.
                    if p.from == q.to.adding(days: 1) { break }
                    year = q.from.year
                    break
                }
            }
            guard let y = year, y != p.from.year, abs(y - p.from.year) == 1 else { continue }
            mentions[i].value = .calendar(fields: f, resolved: p.shifted(years: y - p.from.year))
        }
    }

    /// The period a quarter's results table reports, written "Period ended" or "Ended" with its day
    /// on the dateline's line or the line after it, under a headline that says QTR or QUARTER
    /// ("3RD QTR NET" … "March 26 - Period ended Feb 28"): the three months up to that day, as
    /// `period.quarter-ended` reads "Qtr ended"; the mention spans the words. Under other headlines
    /// (a half, a year) the day is left alone. A pass over the lines, not a rule: the headline and
    /// the words stand in different sentences.
    func resultsPeriodEnded(_ mentions: inout [Mention], _ document: Document) {
        let b = document.bytes, lines = document.lineIndex
        guard lines.lineStarts.count >= 2 else { return }
        let headline = lines.span(ofLine: 1, in: b)
        let words = String(decoding: b[headline.start..<headline.end], as: UTF8.self).split { !$0.isLetter }
        guard words.contains("QTR") || words.contains("QUARTER") else { return }
        for i in mentions.indices {
            let m = mentions[i]
            let lineNo = lines.lineIndex(of: m.span.start) + 1
            if lineNo > 3 { break }
            guard lineNo >= 2, m.role == nil, case var .calendar(f, p?) = m.value, f.month != nil, f.day != nil, f.dayTo == nil,
                  f.monthsEnding == nil, !f.samePeriod, p.from == p.to else { continue }
            let line = lines.span(ofLine: lineNo, in: b)
            // The words right before the day, after the dateline's dash (" - ") or alone on the line.
            var leadStart = line.start
            var k = m.span.start - 1
            while k - 2 >= line.start, !(b[k - 2] == 0x20 && b[k - 1] == 0x2D && b[k] == 0x20) { k -= 1 }
            if k - 2 >= line.start {
                leadStart = k + 1
            } else {
                // Alone at its line's start only under a dateline line that ends with its dash
                // ("LOS ANGELES, March 19 -"), not in prose that wraps ("its first quarter\nending …").
                guard lineNo > 2 else { continue }
                let previous = lines.span(ofLine: lineNo - 1, in: b)
                let last = b[previous.start..<previous.end].last { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }
                guard last == 0x2D else { continue }
            }
            while leadStart < m.span.start, b[leadStart] == 0x20 || b[leadStart] == 0x09 { leadStart += 1 }
            let phrase = String(decoding: b[leadStart..<m.span.start], as: UTF8.self).lowercased()
                .split { $0 == " " || $0 == "\t" }.joined(separator: " ")
            guard Self.periodEndedWords.contains(phrase) else { continue }
            let start = leadStart
            f.monthsEnding = 3
            let from = PeriodResolver.firstDay(ofMonths: 3, endingOn: p.to)
            // A period now, read by the day's rule.
            var n = Self.respanned(m, Span(start, m.span.end), document)
            n.type = .period
            n.value = .calendar(fields: f, resolved: ResolvedPeriod(from: from, to: p.to, value: "\(from.iso)/\(p.to.iso)", granularity: .span))
            mentions[i] = n
        }
    }

    /// The words before a day that make it the end of a results table's period (`resultsPeriodEnded`).
    static let periodEndedWords: Set<String> = ["period ended", "period ending", "period ends", "ended", "ending"]

    /// A quarter named by its number and followed by the day it ended ("For the second quarter
    /// ended January 31, Caesars World earned …"): the three months up to that day, the company's
    /// fiscal quarter (November to January), not the calendar's. The quarter and its day stay two
    /// mentions through resolution (later passes read the day); ``endDays`` then joins them, the day
    /// a TIMEX3 part. The quarter counts as the quarter the story reports.
    func quartersEndedOnDay(_ mentions: inout [Mention], _ document: Document, reference: CalendarDate?) {
        let b = document.bytes
        var ended: [Int: ResolvedPeriod] = [:]
        for i in mentions.indices.dropLast() {
            guard case var .calendar(f, _) = mentions[i].value, f.quarter != nil, f.quarterTo == nil, f.year == nil,
                  f.yearOffset == nil, !f.samePeriod, f.monthsEnding == nil else { continue }
            let next = mentions[i + 1]
            // A day it ended ("the third quarter ended Dec. 31", not one to come), or a month
            // ("the fourth fiscal quarter ending in May": the company's quarter, ended or to come).
            // A day to come counts when it cannot end the calendar quarter named ("its first quarter,
            // ending February 28", "the fourth quarter ending May 30").
            guard let d = next.periodFields, d.month != nil, d.monthTo == nil, d.dayTo == nil, !d.samePeriod, d.yearOffset == nil,
                  let end = next.period?.to, d.day == nil || end <= reference ?? end || end.month != f.quarter! * 3 else { continue }
            if d.day == nil, let r = reference, end.dayNumber - r.dayNumber > 366 { continue }
            // Only the word "ended" or "ending" between them (and "in" before a month), across a line break at most.
            let gap = String(decoding: b[mentions[i].span.end..<next.span.start].filter { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }, as: UTF8.self).lowercased()
            // "the fourth quarter and year, ended October 31": the quarter ends with the year named.
            let gapEnd = gap.hasPrefix("andyear") ? String(gap.dropFirst(7).drop { $0 == "," }) : gap.hasPrefix(",") ? String(gap.dropFirst()) : gap
            guard gapEnd.count <= 8, ["ended", "ending"].contains(gapEnd) || d.day == nil && ["endedin", "endingin"].contains(gapEnd) else { continue }
            // A fiscal quarter whose end is named is the company's, not the place's fiscal year's.
            if f.fiscal { f.fiscalYearStart = nil }
            // Thirteen weeks to that day (a 52-week company's quarter "ended Aug. 26" began May
            // 28), or from the first of its month two months before when it ends a month.
            let from = PeriodResolver.firstDay(ofMonths: 3, endingOn: end)
            f.monthsEnding = 3
            // Its TIMEX3 value stays the quarter named, in the year it ends (TimeML: "the
            // fourth quarter ended Aug. 26" is 1989-Q4); its days are the company's.
            let quarter = ResolvedPeriod(from: from, to: end, value: "\(TimexValue.format4(end.year))-Q\(f.quarter!)", granularity: .quarter)
            mentions[i].value = .calendar(fields: f, resolved: quarter)
            ended[f.quarter!] = quarter
        }
        // The same quarter named again without its day ("Transform said its fourth quarter profit
        // was revised"): the company's quarter just given.
        guard !ended.isEmpty else { return }
        for i in mentions.indices {
            guard case .calendar(var f, let p?) = mentions[i].value, let q = f.quarter, let quarter = ended[q], f.quarterTo == nil, f.year == nil,
                  f.yearOffset == nil, !f.samePeriod, f.monthsEnding == nil, p != quarter, p.granularity == .quarter else { continue }
            f.monthsEnding = 3
            mentions[i].value = .calendar(fields: f, resolved: quarter)
        }
    }

    /// The number of a quarter written in words or as an ordinal ("1ST QTR", "the second quarter").
    static func quarterNumber(in text: String) -> Int? {
        let t = text.lowercased()
        return [("first", 1), ("1st", 1), ("second", 2), ("2nd", 2), ("third", 3), ("3rd", 3), ("fourth", 4), ("4th", 4)].first { t.contains($0.0) }?.1
    }

    /// A company's fiscal year, from a quarter it names with the day it ended ("For the second
    /// quarter ended January 31 … For all of fiscal 1986": the year that ends with July, August
    /// 1985 to July 1986; "1ST QTR FEB 28": the year to November), from a year the story says
    /// ended in another month, or from a headline quarter read as the company's: a fiscal year
    /// named by its year, or a results note opening with a year, is the twelve months that end in
    /// that month, named by the calendar year most of it falls in.
    /// Returns the month the company's year ends in, when it is not December.
    @discardableResult
    func companyFiscalYears(_ mentions: inout [Mention], _ document: Document, reference: CalendarDate?, resultsStory: Bool) -> Int? {
        var endMonth: Int? = nil
        // A year the story says ended in a month other than December ("For the year ended Sept.
        // 30, Ralston earned …"): the company's year ends in that month.
        var yearEnded: Int? = nil
        // The last day of the latest year the story says ended: the year it reports.
        var reportedYearEnd: CalendarDate? = nil
        for m in mentions where m.role == nil {
            // A company's year: "year" written with its day ("the year ended Sept. 30", "full-year
            // 1986 ended October 31", "the fiscal year ended January 31"), in a sentence of its results.
            // A year that ended within the last thirteen months (a company that has since moved
            // to the calendar year names an older one: "Following the fiscal year ended March 31,
            // 1985, it changed to a calendar year end").
            // So does the year under way, ending within the next twelve months on a day written
            // with its year ("current profit … in the year ending October 31, 1987" in June 1987;
            // not "the fiscal year ending on March 31", which may be a country's).
            guard let f = m.periodFields, f.monthsEnding == 12 && f.day != nil || f.fiscalEndMonth != nil && f.fiscalEndDay != nil && !f.toDate,
                  let p = m.period, p.to.month != 12, m.text.lowercased().contains("year"),
                  let r = reference, r.dayNumber - p.to.dayNumber <= 400, p.to <= r || f.year != nil && p.to.dayNumber - r.dayNumber <= 366 else { continue }
            let sentence = sentenceText(of: m, document).lowercased()
            guard Self.resultsWords.contains(where: { sentence.contains($0) }) else { continue }
            if let seen = yearEnded, seen != p.to.month { yearEnded = nil; reportedYearEnd = nil; break }
            yearEnded = p.to.month
            if p.to <= r { reportedYearEnd = max(reportedYearEnd ?? p.to, p.to) }
        }
        // Whether the story states the company's year: a year or a numbered quarter written with
        // the day it ended, or a results headline's year with its day (not a quarter only guessed
        // from when results are reported).
        var stated = yearEnded != nil
        // A results headline's year with the day it ends ("DYLEX LTD YEAR JAN 31 NET").
        let headline = document.lineIndex.span(ofLine: 1, in: document.bytes)
        if yearEnded == nil, resultsStory,
           let m = mentions.first(where: { headline.contains($0.span) && $0.periodFields?.monthsEnding == 12 }), let p = m.period, p.to.month != 12 {
            yearEnded = p.to.month
            stated = true
        }
        // A headline's quarter the story's table or its reporting date makes the company's
        // ("FOURTH QUARTER" in June: March to May): the year ends three months on per quarter to come.
        for m in mentions where resultsStory && headline.contains(m.span) {
            guard let f = m.periodFields, let q = f.quarter, f.quarterTo == nil, f.year == nil, let p = m.period,
                  p.from.month % 3 != 1, p.from.day == 1, (p.to.year * 12 + p.to.month) - (p.from.year * 12 + p.from.month) == 2 else { continue }
            endMonth = Self.yearEndMonth(quarter: q, endingIn: p.to.month)
            break
        }
        for m in mentions where m.periodFields?.monthsEnding == 3 {
            guard let p = m.period, let q = Self.quarterNumber(in: m.text) else { continue }
            let e = Self.yearEndMonth(quarter: q, endingIn: p.to.month)
            if let seen = endMonth, seen != e { return nil }    // two readings: leave them
            endMonth = e
            stated = true
        }
        if let a = endMonth, let b = yearEnded, a != b { return nil }
        // A numbered quarter read as three months that are no calendar quarter ("the fourth
        // quarter ended January 31": November to January): the year ends with the fourth.
        if endMonth == nil {
            for m in mentions where m.role == nil {
                guard let f = m.periodFields, let q = f.quarter, f.quarterTo == nil, !f.samePeriod, let p = m.period,
                      p.from.day == 1, p.from.month % 3 != 1, p.to == p.from.adding(months: 2).lastDayOfMonth else { continue }
                let e = Self.yearEndMonth(quarter: q, endingIn: p.to.month)
                if let seen = endMonth, seen != e { endMonth = nil; break }
                endMonth = e
            }
        }
        if endMonth == nil, let e = yearEnded { endMonth = e }
        if endMonth == nil, !resultsStory, let r = reference, let e = reportedQuarterEnd(mentions, document, reference: r) { endMonth = e }
        if let e = endMonth, e != 12, let r = reference {
            // Its quarters named without a year ("a 47% decline in fourth-quarter earnings" in
            // November, of a year ended September 30; "third-quarter earnings" in a story of a
            // fourth quarter ending May 30): the company's, the latest of that number that has begun.
            // "Last year's third quarter" is the one a year before that ("expects a loss for the
            // third quarter ending March 31 … In last year's third quarter": January to March of
            // the year before).
            for i in mentions.indices {
                guard case let .calendar(f, p?) = mentions[i].value, let q = f.quarter, f.quarterTo == nil, f.year == nil, f.yearOffset == nil || f.yearOffset == -1,
                      !f.samePeriod, !f.fiscal, f.monthPart == nil, f.monthsEnding == nil, p.granularity == .quarter, (1...4).contains(q) else { continue }
                let endOfQuarter = (e - 1 - 3 * (4 - q) + 24) % 12 + 1
                var last = CalendarDate(year: r.year, month: endOfQuarter, day: 1).lastDayOfMonth
                if CalendarDate(year: last.year, month: last.month, day: 1).adding(months: -2) > r { last = CalendarDate(year: r.year - 1, month: endOfQuarter, day: 1).lastDayOfMonth }
                if f.yearOffset == -1 { last = CalendarDate(year: last.year - 1, month: last.month, day: 1).lastDayOfMonth }
                let from = CalendarDate(year: last.year, month: last.month, day: 1).adding(months: -2)
                if from == p.from { continue }
                // Its TIMEX3 value the quarter named, in the year it ends, as TimeML writes a
                // company's quarter ("fourth-quarter" of a year to September 1989: 1989-Q4).
                mentions[i].value = .calendar(fields: f, resolved: ResolvedPeriod(from: from, to: last, value: "\(TimexValue.format4(last.year))-Q\(q)", granularity: .quarter))
            }
        }
        guard let e = endMonth, e != 12 else { return nil }
        if stated, let r = reference {
            statedCompanyYears(&mentions, document, yearEnd: e, reference: r, reported: yearEnded == e ? reportedYearEnd : nil)
        }
        // A note of a results story that opens with a year ("Note: 1986 excludes an extraordinary
        // gain", "1987 results include …", "The 1986 year net reflects …"): that fiscal year.
        var opens = Set<Int>()
        if resultsStory {
            for i in mentions.indices {
                guard mentions[i].rule == "period.year", let s = document.sentenceIndex(of: mentions[i].span.start) else { continue }
                if mentions[i].span.start == Self.noteStart(of: s, document, after: Self.noteAndThe) { opens.insert(i) }
            }
        }
        // A quarter or half with its year in a results story ("NOTE: 1987 first half includes …",
        // "1986 2nd qtr" of a company whose second quarter ends in April), or of a fiscal year in
        // any story ("the fiscal 1986 fourth quarter", "the first quarter of fiscal 1986"): that
        // part of the company's year named so.
        do {
            for i in mentions.indices {
                guard case .calendar(var f, let p?) = mentions[i].value,
                      resultsStory ? !f.fiscal : f.fiscal || mentions[i].text.lowercased().contains("fiscal") || Self.followsFiscal(mentions[i].span, document),
                      let y = f.year, f.yearTo == nil, f.quarterTo == nil, f.month == nil,
                      !f.samePeriod, f.firstMonths == nil, f.monthsToDate == nil, f.monthsEnding == nil, f.day == nil,
                      !mentions[i].text.lowercased().contains("calendar") else { continue }
                let part: (n: Int, months: Int, letter: String)
                if let q = f.quarter, f.half == nil, (1...4).contains(q) { part = (q, 3, "Q") }
                else if let h = f.half, f.quarter == nil, (1...2).contains(h) { part = (h, 6, "H") }
                else { continue }
                let yearFrom = CalendarDate(year: e <= 2 ? y + 1 : y, month: e, day: 1).adding(months: -11)
                let from = yearFrom.adding(months: part.months * (part.n - 1))
                let to = from.adding(months: part.months - 1).lastDayOfMonth
                if from == p.from { continue }
                f.fiscal = true
                f.fiscalYearStart = yearFrom.month
                mentions[i].value = .calendar(fields: f, resolved: ResolvedPeriod(from: from, to: to, value: "\(TimexValue.format4(y))-\(part.letter)\(part.n)",
                                                                                  granularity: part.months == 3 ? .quarter : .half))
            }
        }
        for i in mentions.indices {
            guard case var .calendar(f, _) = mentions[i].value, f.fiscal || opens.contains(i), let y = f.year, f.yearTo == nil, f.quarter == nil, f.half == nil,
                  f.firstMonths == nil, f.monthsToDate == nil, f.month == nil, !f.samePeriod else { continue }
            // Named by the calendar year most of it falls in: a year to January or February by
            // the year before its end ("fiscal 1986" of a retailer: February 1986 to January 1987).
            let endYear = e <= 2 ? y + 1 : y
            f.fiscal = true
            let to = CalendarDate(year: endYear, month: e, day: 1).lastDayOfMonth
            let from = CalendarDate(year: endYear, month: e, day: 1).adding(months: -11)
            f.fiscalYearStart = from.month
            // Its TIMEX3 value the year it is named by, as TimeML writes a company's fiscal year
            // ("fiscal 1989" of a year to June: 1989).
            mentions[i].value = .calendar(fields: f, resolved: ResolvedPeriod(from: from, to: to, value: TimexValue.format4(y), granularity: .span))
        }
        return e
    }

    /// Words of a sentence about a company's results.
    static let resultsWords = [" a share", " earned", "earnings", "net income", " profit", " per share", " loss", " sales", "revenue"]

    /// The periods of a story that states a company's year ending in month `yearEnd` (not
    /// December): "the year ended October 31", "the first quarter ended January 31".
    /// - A year written alone, of the last two years or this one ("For full-year 1986 ended October
    ///   31 … of the 1986 total", "In 1986, the company opened nine stores" of a retailer's year to
    ///   January), is the company's year named so: twelve months to that month, named by the
    ///   calendar year most of it falls in.
    /// - "This year", "last year" and "the current year" in a sentence of its results are its
    ///   years: "this year" the one under way; "last year" the one before the year the story
    ///   reports ("net income for the year ended Aug. 31 … down from C$9.7 million last year":
    ///   September 1987 to August 1988), else the one before the year under way.
    /// - Its halves without a year are its own, the latest of that number that has begun.
    /// - A bare "year-end" told in the past is the end of its year just ended ("At year-end, the
    ///   company was operating 188 stores" in March, of a year to January: 31 January).
    /// Each keeps the TIMEX3 value TimeML gives a company's year or half: the year it is named by.
    /// A sentence naming the calendar year ("calendar 1986") keeps it.
    func statedCompanyYears(_ mentions: inout [Mention], _ document: Document, yearEnd e: Int, reference r: CalendarDate, reported: CalendarDate?) {
        let start = e % 12 + 1
        // Fiscal year named y: the twelve months to month e of y, or of y + 1 for a year to
        // January or February (named by the year most of it falls in).
        func year(named y: Int) -> (CalendarDate, CalendarDate) {
            let to = CalendarDate(year: e <= 2 ? y + 1 : y, month: e, day: 1).lastDayOfMonth
            return (CalendarDate(year: to.year, month: e, day: 1).adding(months: -11), to)
        }
        // The first calendar year of the company's year that holds the reference date.
        let current = r.month >= start ? r.year : r.year - 1
        var memo = TenseMemo(sentences: document.sentences.count)
        // A year written across two years ("sales in 1986/87", not a season's) is the company's
        // year that ends in the second ("the year ending October 31, 1987 … 1986/87": November
        // 1986 to October 1987).
        if e != 12 {
            for i in mentions.indices where mentions[i].role == nil && mentions[i].rule == "period.split-year" {
                guard case .calendar(var f, let p?) = mentions[i].value, let y = f.year, f.yearTo == y + 1, f.month == nil, f.quarter == nil,
                      f.half == nil, f.firstMonths == nil, !Self.isSeason(mentions[i].text) else { continue }
                let to = CalendarDate(year: y + 1, month: e, day: 1).lastDayOfMonth
                let from = CalendarDate(year: y + 1, month: e, day: 1).adding(months: -11)
                if from == p.from && to == p.to { continue }
                f.fiscal = true
                f.fiscalYearStart = start
                mentions[i].value = .calendar(fields: f, resolved: ResolvedPeriod(from: from, to: to, value: p.value, granularity: .span))
            }
        }
        for i in mentions.indices where mentions[i].role == nil {
            guard case .calendar(var f, let p?) = mentions[i].value, !f.fiscal, !f.samePeriod, f.month == nil || f.monthPart == "year-end",
                  f.quarter == nil, f.firstMonths == nil, f.monthsToDate == nil, f.monthsEnding == nil, f.yearTo == nil, f.day == nil,
                  !mentions[i].text.lowercased().contains("calendar") else { continue }
            let sentence = sentenceText(of: mentions[i], document).lowercased()
            if sentence.contains("calendar") { continue }
            var from: CalendarDate, to: CalendarDate
            if mentions[i].rule == "period.year", let y = f.year, f.half == nil, f.monthPart == nil, (r.year - 2...r.year).contains(y) {
                (from, to) = year(named: y)
            } else if f.year == nil, let off = f.yearOffset, f.half == nil, f.monthPart == nil, p.from.month == 1, p.to.month == 12,
                      p.from.day == 1, p.from.year == p.to.year, mentions[i].rule == "period.relative-year",
                      Self.resultsWords.contains(where: { sentence.contains($0) }) {
                // "Last year" of a story reporting a year that has ended: the one before it.
                let reportedFirst = reported.map { CalendarDate(year: $0.year, month: $0.month, day: 1).adding(months: -11).year }
                let base = off < 0 ? reportedFirst ?? current : current
                from = CalendarDate(year: base + off, month: start, day: 1)
                to = from.adding(months: 11).lastDayOfMonth
            } else if let h = f.half, f.year == nil, f.yearOffset == nil, (1...2).contains(h), p.granularity == .half {
                let endOfHalf = (e - 1 - 6 * (2 - h) + 24) % 12 + 1
                var last = CalendarDate(year: r.year, month: endOfHalf, day: 1).lastDayOfMonth
                if CalendarDate(year: last.year, month: last.month, day: 1).adding(months: -5) > r {
                    last = CalendarDate(year: r.year - 1, month: endOfHalf, day: 1).lastDayOfMonth
                }
                from = CalendarDate(year: last.year, month: last.month, day: 1).adding(months: -5)
                to = last
            } else if f.monthPart == "year-end", f.year == nil, p.from == p.to, tense(of: mentions[i], in: document, memo: &memo) == .past {
                var last = CalendarDate(year: r.year, month: e, day: 1).lastDayOfMonth
                if last > r { last = CalendarDate(year: r.year - 1, month: e, day: 1).lastDayOfMonth }
                (from, to) = (last, last)
            } else { continue }
            if from == p.from && to == p.to { continue }
            f.fiscal = true
            f.fiscalYearStart = start
            // The year the company's year holding the period is named by: the calendar year most of
            // it falls in (the year before its end for a year to January or February).
            let yearEnd = f.half == 1 ? to.adding(months: 6) : to
            let named = e <= 2 ? yearEnd.year - 1 : yearEnd.year
            let value = from == to ? from.iso : f.half.map { "\(TimexValue.format4(named))-H\($0)" } ?? TimexValue.format4(named)
            mentions[i].value = .calendar(fields: f, resolved: ResolvedPeriod(from: from, to: to, value: value, granularity: from == to ? .day : .span))
        }
    }

    /// The month a company's year ends in, from a quarter its story says it reported with its
    /// results ("Brown-Forman today reported a 37 pct increase in third quarter profits" on 26
    /// February): when the calendar quarter of that number ended longer ago than results are due
    /// (``reportingLagDays``, ``yearEndLagDays`` for a fourth quarter), the quarter reported is the
    /// company's that ended with the last month-end two weeks or more before the story (31
    /// January: a year to April). Nil when no such sentence names a quarter.
    func reportedQuarterEnd(_ mentions: [Mention], _ document: Document, reference r: CalendarDate) -> Int? {
        // The story's first quarter named without a year is the one reported; a quarter the story
        // names that ended recently enough to be reported leaves the calendar's reading.
        let quarters = mentions.filter { m in
            guard case let .calendar(f, p?) = m.value, let q = f.quarter, (1...4).contains(q), f.quarterTo == nil, f.year == nil, f.yearOffset == nil,
                  !f.samePeriod, !f.fiscal, f.monthsEnding == nil, f.monthPart == nil, p.granularity == .quarter else { return false }
            return true
        }
        // Prose gives no table to confirm it: a calendar quarter a late filer may still report
        // (the first quarter on 1 June) keeps its reading; only one ended a month past the
        // deadline leaves it.
        // "… today reported a 37 pct increase in third quarter profits", "… lowered its first
        // fiscal quarter operating earnings": a report of its results.
        func reportsResults(_ m: Mention) -> Bool {
            let before = String(decoding: document.bytes[max(0, m.span.start - 80)..<m.span.start], as: UTF8.self).lowercased()
            let after = String(decoding: document.bytes[m.span.end..<min(document.bytes.count, m.span.end + 24)], as: UTF8.self).lowercased()
            return ["reported", "posted", "lowered", "raised", "boosted", "hurt", "depressed"].contains(where: { before.contains($0) })
                && ["profit", "earnings", "net income", " net", "loss"].contains(where: { after.contains($0) })
        }
        for m in quarters {
            guard let p = m.period, let q = m.periodFields?.quarter else { continue }
            // A calendar quarter still under way has no results yet: one the story reports is the
            // company's, ended already ("lowered its first fiscal quarter operating earnings" on 9 March).
            if p.to >= r, reportsResults(m) { continue }
            if p.to >= r || r.dayNumber - p.to.dayNumber <= (q == 4 ? Self.yearEndLagDays : Self.reportingLagDays + 30) { return nil }
        }
        if let m = quarters.first, let q = m.periodFields?.quarter {
            guard reportsResults(m) else { return nil }
            let d = r.adding(days: -14)
            let end = d.day == d.lastDayOfMonth.day ? d.month : (d.month + 10) % 12 + 1
            let e = Self.yearEndMonth(quarter: q, endingIn: end)
            return e == 12 ? nil : e
        }
        return nil
    }

    /// Bare years after a fiscal year in its sentence are fiscal years of the same kind ("6 cts per
    /// lb in fiscal 1988, 4.5 cts in 1989, 3 cts in 1990", "to slow in fiscal 1989 and 1990"): each
    /// is the fiscal year read for the first, moved by the years between them. Only a year named
    /// alone (not a month's or quarter's year, nor a range) after a fiscal year that is not the
    /// calendar year.
    func fiscalYearLists(_ mentions: inout [Mention], _ document: Document) {
        guard mentions.contains(where: { $0.periodFields?.fiscal == true }) else { return }
        var fiscal: (sentence: Int, year: Int, period: ResolvedPeriod, start: Int?)? = nil
        for i in mentions.indices {
            guard case let .calendar(f, p?) = mentions[i].value, mentions[i].role == nil,
                  let s = document.sentenceIndex(of: mentions[i].span.start) else { continue }
            if f.fiscal, let y = f.year, f.yearTo == nil, f.quarter == nil, f.half == nil, f.month == nil, f.firstMonths == nil,
               !(p.from.month == 1 && p.from.day == 1), p.to == p.from.adding(months: 11).lastDayOfMonth {
                fiscal = (s, y, p, f.fiscalYearStart)
                continue
            }
            guard let (fs, fy, fp, start) = fiscal, fs == s else { fiscal = nil; continue }
            guard !f.fiscal, let y = f.year, f.yearTo == nil, f.month == nil, f.quarter == nil, f.half == nil, f.day == nil,
                  f.firstMonths == nil, f.yearOffset == nil, !f.samePeriod, p.granularity == .year,
                  // Not a maturity ("notes due 1994").
                  !Self.wordBefore(mentions[i].span.start, in: document.bytes, is: "due") else { continue }
            var g = f
            g.fiscal = true
            g.fiscalYearStart = start ?? fp.from.month
            let moved = fp.shifted(years: y - fy)
            mentions[i].value = .calendar(fields: g, resolved: ResolvedPeriod(from: moved.from, to: moved.to, value: p.value, granularity: .span))
        }
    }

    /// Where the word that ends before `offset` starts (past spaces and line breaks).
    static func startOfWordBefore(_ offset: Int, in b: [UInt8]) -> Int {
        var i = offset
        while i > 0, b[i - 1] == 0x20 || b[i - 1] == 0x0A { i -= 1 }
        while i > 0, TriggerScanner.isLetter(b[i - 1]) { i -= 1 }
        return i
    }

    /// Whether the word that ends before `offset` (spaces and line breaks between) is `word`.
    static func wordBefore(_ offset: Int, in b: [UInt8], is word: String) -> Bool {
        var i = offset
        while i > 0, b[i - 1] == 0x20 || b[i - 1] == 0x0A { i -= 1 }
        let w = Array(word.utf8)
        return i >= w.count && b[(i - w.count)..<i].map({ $0 | 0x20 }).elementsEqual(w) && (i == w.count || !TriggerScanner.isLetter(b[i - w.count - 1]))
    }

    /// Whether the word right after `offset` (past spaces and line breaks) is one of `words`,
    /// in any case (`words` are lower case).
    static func wordAfter(_ offset: Int, in b: [UInt8], isAnyOf words: [String]) -> Bool {
        var i = offset
        while i < b.count, b[i] == 0x20 || b[i] == 0x0A { i += 1 }
        var j = i
        while j < b.count, TriggerScanner.isLetter(b[j]) { j += 1 }
        guard j > i else { return false }
        let w = b[i..<j].map { $0 | 0x20 }
        return words.contains { w.elementsEqual($0.utf8) }
    }

    /// Whether an accord's noun follows `offset`, right after it or after one lower-case word
    /// ("the December agreement", "the December pricing agreement").
    static func accordAfter(_ offset: Int, in b: [UInt8]) -> Bool {
        let nouns = ["accord", "accords", "agreement", "pact", "deal"]
        if wordAfter(offset, in: b, isAnyOf: nouns) { return true }
        var i = offset
        while i < b.count, b[i] == 0x20 || b[i] == 0x0A { i += 1 }
        var j = i
        while j < b.count, (0x61...0x7A).contains(b[j]) { j += 1 }
        guard j > i, j < b.count, b[j] == 0x20 || b[j] == 0x0A else { return false }
        return wordAfter(j, in: b, isAnyOf: nouns)
    }

    /// Whether the word right before `span` is "fiscal" ("the fiscal 1986 fourth quarter").
    static func followsFiscal(_ span: Span, _ document: Document) -> Bool {
        wordBefore(span.start, in: document.bytes, is: "fiscal")
    }

    /// The month a company's year ends in, from its quarter `q` that ends in `month`.
    static func yearEndMonth(quarter q: Int, endingIn month: Int) -> Int {
        (month - 1 + 3 * (4 - q)) % 12 + 1
    }

    /// Whether a story is a company's results table: a short headline without lower-case letters
    /// and, within its first lines, a line opening with "Shr", "Net", "Revs" or "Sales" that has
    /// "vs". Found once per document, from its bytes.
    static func isResultsStory(_ document: Document) -> Bool {
        let b = document.bytes
        let headline = document.lineIndex.span(ofLine: 1, in: b)
        guard headline.length <= headlineBytes, !b[headline.start..<headline.end].contains(where: { $0 >= 0x61 && $0 <= 0x7A }) else { return false }
        func has(_ word: [UInt8], at k: Int, before end: Int) -> Bool { k + word.count <= end && b[k..<(k + word.count)].elementsEqual(word) }
        let limit = min(b.count, headline.end + 600)
        var i = headline.end
        while i < limit {
            var j = i
            while j < limit, b[j] != 0x0A { j += 1 }
            var k = i
            while k < j, b[k] == 0x20 || b[k] == 0x09 || b[k] == 0x0A { k += 1 }
            if Self.tableLabels.contains(where: { has($0, at: k, before: j) }), (k..<j).contains(where: { has(Self.versusBytes, at: $0, before: j) }) { return true }
            i = j + 1
        }
        return false
    }
    static let tableLabels: [[UInt8]] = ["Shr ", "Net ", "Revs ", "Sales ", "Oper shr ", "Oper net "].map { Array($0.utf8) }
    static let versusBytes = Array(" vs ".utf8)

    /// Days after a calendar quarter's end beyond which a results headline's bare quarter is read
    /// as the company's own, later quarter (quarterly filings are due within 45 days).
    static let reportingLagDays = 50
    /// The same for a company listed in Canada, whose quarterly reports are due within 60 days.
    static let canadianLagDays = 65
    /// Whether a results headline names a Canadian listing ("<MOG.TO>", "<ABC.M>", "<XYZ.V>").
    static func isCanadianListing(_ document: Document, headline: Span) -> Bool {
        let text = String(decoding: document.bytes[headline.start..<headline.end], as: UTF8.self)
        return [".TO>", ".M>", ".V>", ".A>"].contains { text.contains($0) }
    }
    /// The same for a fourth quarter, reported with the year's accounts (due within 90 days).
    static let yearEndLagDays = 110

    /// A company's quarter in a results story: where the story's table gives one quarter by its end
    /// ("Qtr ended July 31", a line "Quarter ended June 30"), the quarter its headline numbers without a
    /// year ("DOMINION BANK 3RD QTR NET": the bank's fiscal third quarter, May to July), and the
    /// quarters of the same number in its text, are that quarter, not the calendar's.
    func resultsQuarter(_ mentions: inout [Mention], _ document: Document, reference: CalendarDate?, resultsStory: Bool) {
        var ended: ResolvedPeriod? = nil
        var endedNumber: Int? = nil
        for m in mentions where m.periodFields?.monthsEnding == 3 {
            guard let p = m.period else { continue }
            if let e = ended, e != p { return }    // two quarters given: leave them
            ended = p
            endedNumber = m.periodFields?.quarter
        }
        let headline = document.lineIndex.span(ofLine: 1, in: document.bytes)
        // A headline's quarter with the day it ends further on ("HOUSE OF FABRICS 1ST QTR NET APRIL
        // 30"): the three months to that day.
        if ended == nil, let q = mentions.firstIndex(where: { headline.contains($0.span) && $0.periodFields.map { $0.quarter != nil && $0.year == nil && !$0.samePeriod } ?? false }),
           let day = mentions[(q + 1)...].first(where: { headline.contains($0.span) && $0.periodFields.map { $0.month != nil && $0.day != nil && $0.dayTo == nil } ?? false }),
           let end = day.period?.to, end <= reference ?? end {
            let from = PeriodResolver.firstDay(ofMonths: 3, endingOn: end)
            ended = ResolvedPeriod(from: from, to: end, value: "\(from.iso)/\(end.iso)", granularity: .span)
        }
        // A table's line under the headline giving the day its quarter ends ("POLYDEX
        // PHARMACEUTICALS 1ST QTR" / "April 30 end"): the three months to that day.
        if ended == nil, headline.length <= Self.headlineBytes,
           let day = mentions.first(where: { $0.span.start >= headline.end && $0.span.start < headline.end + 40 && $0.role != "dateline"
               && $0.periodFields.map { $0.month != nil && $0.day != nil && $0.dayTo == nil } ?? false }),
           let end = day.period?.to, end <= reference ?? end {
            let b = document.bytes
            var k = day.span.end
            while k < b.count, b[k] == 0x20 || b[k] == 0x09 { k += 1 }
            if k + 3 <= b.count, b[k..<(k + 3)].map({ $0 | 0x20 }) == Array("end".utf8), k + 3 == b.count || !TriggerScanner.isLetter(b[k + 3]) {
                let from = PeriodResolver.firstDay(ofMonths: 3, endingOn: end)
                ended = ResolvedPeriod(from: from, to: end, value: "\(from.iso)/\(end.iso)", granularity: .span)
            }
        }
        // A headline's quarter with no day and no table date ("J. BILDNER AND SONS 1ST QTR" on 1
        // June), reported longer after the calendar quarter's end than companies take to report
        // (filings are due 45 days after a quarter, 90 after a year): the company's quarter that ended in the last
        // month at least two weeks before the story (February to April). Only under a headline in
        // capitals over a results table ("Shr … vs …"): statistics come out later than companies.
        if ended == nil, let r = reference, resultsStory,
           let q = mentions.first(where: { headline.contains($0.span) && $0.periodFields.map { $0.quarter != nil && $0.quarterTo == nil && $0.year == nil && $0.yearOffset == nil && !$0.samePeriod && !$0.fiscal } ?? false }),
           let p = q.period, p.granularity == .quarter,
           r.dayNumber - p.to.dayNumber > (p.to.month == 12 ? Self.yearEndLagDays : Self.isCanadianListing(document, headline: headline) ? Self.canadianLagDays : Self.reportingLagDays),
           !mentions.contains(where: { !headline.contains($0.span) && $0.role != "dateline" && $0.periodFields.map { $0.month != nil || $0.monthsEnding != nil } ?? false && $0.span.start < headline.end + 400 }) {
            var end = CalendarDate(year: r.year, month: r.month, day: 1).adding(days: -1)
            if r.dayNumber - end.dayNumber < 14 { end = CalendarDate(year: end.year, month: end.month, day: 1).adding(days: -1) }
            if end > p.to {
                let from = CalendarDate(year: end.year, month: end.month, day: 1).adding(months: -2)
                ended = ResolvedPeriod(from: from, to: end, value: "\(from.iso.prefix(7))/\(end.iso.prefix(7))", granularity: .span)
            }
        }
        guard let p = ended else { return }
        let numbered = mentions.first { headline.contains($0.span) && $0.periodFields.map { $0.quarter != nil && $0.year == nil && !$0.samePeriod } ?? false }
        // The headline's quarter with its day in one mention ("OHIO MATTRESS 1ST QTR FEB 28 NET")
        // names its number in its words.
        let headlineNumber = numbered?.periodFields?.quarter ?? mentions.first(where: { headline.contains($0.span) && $0.periodFields?.monthsEnding == 3 }).flatMap { Self.quarterNumber(in: $0.text) }
        // A quarter ended that names another number than the headline's is not the one reported.
        guard let q = headlineNumber, endedNumber == nil || endedNumber == q else { return }
        let calendar = p.from.month == 3 * q - 2 && p.to.month == 3 * q
        for i in mentions.indices {
            // The quarter with the year it ends in ("not included in 1987 1st qtr results" under
            // "1ST QTR FEB 28") is that quarter too; its end ("as of end of 1st qtr") its last day.
            guard case let .calendar(f, _) = mentions[i].value, f.quarter == q, f.quarterTo == nil,
                  f.year == nil || (!calendar && f.year == p.to.year), f.yearOffset == nil,
                  !f.samePeriod, !f.fiscal else { continue }
            if f.monthPart == "end" {
                mentions[i].value = .calendar(fields: f, resolved: ResolvedPeriod(from: p.to, to: p.to, value: p.to.iso, granularity: .day))
                continue
            }
            mentions[i].value = .calendar(fields: f, resolved: ResolvedPeriod(from: p.from, to: p.to,
                value: calendar ? "\(p.from.year)-Q\(q)" : "\(p.from.iso.prefix(7))/\(p.to.iso.prefix(7))", granularity: calendar ? .quarter : .span))
        }
    }

    /// A headline's period without a year ("FED'S EASE MAY END WITH 2ND QTR RATE CUT") is the one
    /// its story tells of in the same words ("… will end with a final rate drop in the second
    /// quarter"): the headline's few capitals carry no tense, the story's clause does.
    func headlineEchoes(_ mentions: inout [Mention], _ document: Document) {
        let headline = document.lineIndex.span(ofLine: 1, in: document.bytes)
        // A headline is a short first line (a text of one long line has none: each of its periods
        // would search all the others).
        guard headline.length <= Self.headlineBytes else { return }
        // The same words: every field equal but the tense the words give.
        func key(_ f: PeriodFields) -> PeriodFields? {
            guard f.year == nil, f.yearOffset == nil, !f.samePeriod, !f.fiscal, f.quarter != nil || f.half != nil || f.month != nil else { return nil }
            var k = f
            k.tense = nil
            return k
        }
        var i = 0
        while i < mentions.count, headline.contains(mentions[i].span) {
            defer { i += 1 }
            guard mentions[i].role == nil, case let .calendar(f, _?) = mentions[i].value, let k = key(f) else { continue }
            // Not "the previous January" (the January before the latest: the same fields, read a
            // year back).
            for j in (i + 1)..<mentions.count where !headline.contains(mentions[j].span) && mentions[j].role == nil
                && mentions[j].rule != "period.previous-named-month" {
                guard let g = mentions[j].periodFields, key(g) == k, let p = mentions[j].period else { continue }
                mentions[i].value = .calendar(fields: f, resolved: p)
                break
            }
        }
    }

    /// What ``storyPeriod(_:before:_:_:memo:)`` finds once per document: the headline's period and
    /// the first twelve-month company year given (a table's "Year" line, "YEAR JAN 31").
    struct StoryMemo {
        let head: ResolvedPeriod?
        /// The number of the headline's quarter ("2ND QTR FEB 28": 2), when its period is one.
        let headQuarter: Int?
        let yearIndex: Int?
    }

    /// The company's quarter or year a results story reports, for a note's "in quarter" or "in
    /// year": the quarter its headline names ("HELM RESOURCES 4TH QTR LOSS"; "3RD QTR JAN 31": the
    /// three months to January 31); the year its table gives (a "Year" line, "YEAR JAN 31"), else
    /// the calendar year of the headline's period. Nil when the headline names no period.
    func storyPeriod(_ fields: PeriodFields, before index: Int, _ mentions: [Mention], _ document: Document, memo: inout StoryMemo?) -> ResolvedPeriod? {
        if memo == nil {
            let headline = document.lineIndex.span(ofLine: 1, in: document.bytes)
            var head: ResolvedPeriod? = nil, headQuarter: Int? = nil
            if headline.length <= Self.headlineBytes {
                for m in mentions {
                    if m.span.start >= headline.end { break }
                    if headline.contains(m.span), m.role == nil, !(m.periodFields?.samePeriod ?? true), let p = m.period, p.from != p.to {
                        head = p
                        // A quarter's number, as the headline writes it ("2ND QTR FEB 28").
                        if m.periodFields?.quarterTo == nil { headQuarter = m.periodFields?.quarter ?? Self.quarterNumber(in: m.text) }
                        break
                    }
                }
            }
            let yearIndex = mentions.firstIndex { m in m.periodFields.map { $0.monthsEnding == 12 || ($0.samePeriod && $0.monthsToDate == 12) } ?? false }
            memo = StoryMemo(head: head, headQuarter: headQuarter, yearIndex: yearIndex)
        }
        guard let head = memo?.head else { return nil }
        if fields.wholeYear {
            // "Prior year": the year before the story's.
            let back = min(0, fields.yearOffset ?? 0)
            if let y = memo?.yearIndex, y < index, let p = mentions[y].period, Self.isTwelveMonths(p) { return p.shifted(years: back) }
            if Self.isTwelveMonths(head) { return head.shifted(years: back) }
            // A company quarter that is no calendar one ("2ND QTR FEB 28": December to February;
            // "3RD QTR DEC 31"): the company's year, which ends three months on per quarter still
            // to come.
            if let q = memo?.headQuarter, head.from.day == 1, head.from.month % 3 != 1 || (head.from.month - 1) / 3 + 1 != q {
                let endMonth = Self.yearEndMonth(quarter: q, endingIn: head.to.month)
                let endYear = endMonth >= head.to.month ? head.to.year : head.to.year + 1
                let to = CalendarDate(year: endYear, month: endMonth, day: 1).lastDayOfMonth
                let from = CalendarDate(year: endYear - 1, month: endMonth, day: 1).adding(months: 1)
                return ResolvedPeriod(from: from, to: to, value: "\(from.iso.prefix(7))/\(to.iso.prefix(7))", granularity: .span).shifted(years: back)
            }
            let y = head.to.year + back
            return ResolvedPeriod(from: CalendarDate(year: y, month: 1, day: 1), to: CalendarDate(year: y, month: 12, day: 31), value: TimexValue.format4(y), granularity: .year)
        }
        // "1987 nine months", "nine mths": the months that end with the headline's period, in the
        // year written if one is.
        if let n = fields.monthsToDate, n >= 1 {
            let last = CalendarDate(year: fields.year ?? head.to.year, month: head.to.month, day: 1)
            let first = last.adding(months: -(n - 1))
            return ResolvedPeriod(from: first, to: last.lastDayOfMonth, value: "\(first.iso.prefix(7))/\(last.iso.prefix(7))", granularity: .span)
        }
        // A quarter: three months, or thirteen weeks or so ("4TH QTR MAY TWO": February 1 to May 2).
        let months = (head.to.year - head.from.year) * 12 + head.to.month - head.from.month + 1
        guard months == 3 || (84...98).contains(head.to.dayNumber - head.from.dayNumber + 1) else { return nil }
        // "1987 qtr", "1986 qtr": the quarter reported, in the year written.
        if let y = fields.year { return head.shifted(years: y - head.to.year) }
        return head
    }

    /// Dates without a year listed in calendar order in one sentence, the first of them ahead of the
    /// reference date ("laydays include July 1-10 for 7,500 tonnes, Aug 1-10 for 8,000 tonnes and
    /// Sept 15-25", said in April): the list runs forward, so a later member is never before the one
    /// listed before it (alone, "Aug 1-10" in a past clause would be last August). Members are of
    /// one kind (days, day ranges or months), at most 80 bytes apart, joined by a comma, "and" or "or".
    func forwardDateLists(_ mentions: inout [Mention], _ document: Document, reference: CalendarDate?) {
        guard let r = reference else { return }
        func member(_ m: Mention) -> (month: Int, day: Int, kind: Int)? {
            guard m.role == nil, case let .calendar(f, _?) = m.value, f.year == nil, f.yearOffset == nil, !f.samePeriod, !f.fiscal,
                  let month = f.month, f.monthTo == nil, f.quarter == nil, f.half == nil, f.monthPart == nil, f.weekday == nil else { return nil }
            return (month, f.day ?? 0, f.day == nil ? 0 : f.dayTo == nil ? 1 : 2)
        }
        var prev: Int? = nil
        for i in mentions.indices {
            guard let m1 = member(mentions[i]) else { continue }
            defer { prev = i }
            guard let j = prev, let m0 = member(mentions[j]), m0.kind == m1.kind, (m1.month, m1.day) > (m0.month, m0.day),
                  case let .calendar(_, q?) = mentions[j].value, q.from > r, case let .calendar(f, p?) = mentions[i].value, p.from < q.from,
                  mentions[i].span.start - mentions[j].span.end <= 80,
                  document.sentenceIndex(of: mentions[i].span.start) == document.sentenceIndex(of: mentions[j].span.start) else { continue }
            let gap = String(decoding: document.bytes[mentions[j].span.end..<mentions[i].span.start], as: UTF8.self)
            guard gap.contains(",") || gap.contains(" and ") || gap.contains(" or ") else { continue }
            let moved = p.shifted(years: q.from.year - p.from.year)
            if moved.from > q.from { mentions[i].value = .calendar(fields: f, resolved: moved) }
        }
    }

    /// The end of a range written without a year after a start with its year ("from September 30,
    /// 1987, to December 31", "between March 1, 1987 and June 30") is in the start's year, or the
    /// next year when its day comes before the start's in the calendar ("from November 1, 1986 to
    /// March 31"): it is not read on its own against the reference date.
    func rangeEndYears(_ mentions: inout [Mention], _ document: Document) {
        let joiners: Set<String> = ["to", "through", "until", "till", "and", "-", "\u{2013}"]
        for i in mentions.indices.dropFirst() {
            guard mentions[i].role == nil, case let .calendar(f, p?) = mentions[i].value, f.year == nil, f.yearOffset == nil, f.monthOffset == nil,
                  f.tense == nil, !f.samePeriod, !f.fiscal, f.month != nil, f.weekday == nil, p.from.year == p.to.year else { continue }
            let start = mentions[i - 1]
            guard case let .calendar(g, q?) = start.value, g.year != nil, g.month != nil, g.day != nil || f.day == nil,
                  q.granularity == .day || q.granularity == .month, start.span.end <= mentions[i].span.start,
                  mentions[i].span.start - start.span.end <= 12 else { continue }
            let gap = String(decoding: document.bytes[start.span.end..<mentions[i].span.start], as: UTF8.self)
            let word = gap.trimmingCharacters(in: CharacterSet(charactersIn: ", \n")).lowercased()
            guard joiners.contains(word) else { continue }
            var moved = p.shifted(years: q.from.year - p.from.year)
            if moved.from < q.from { moved = moved.shifted(years: 1) }
            mentions[i].value = .calendar(fields: f, resolved: moved)
        }
    }

    /// The day a split year ends on, written without a year after it ("the first seven months of
    /// fiscal 1986/87 ending June 30", "the 1986/87 season, ended August 31"): in the split year's
    /// second year, not read on its own against the reference date.
    func endDaysOfSplitYears(_ mentions: inout [Mention], _ document: Document) {
        let b = document.bytes
        for i in mentions.indices.dropFirst() {
            guard mentions[i].role == nil, case let .calendar(f, p?) = mentions[i].value, f.year == nil, f.yearOffset == nil, f.monthOffset == nil,
                  !f.samePeriod, f.month != nil, f.day != nil, f.weekday == nil, p.granularity == .day else { continue }
            let start = mentions[i - 1]
            guard start.period != nil, start.span.end <= mentions[i].span.start, mentions[i].span.start - start.span.end <= 16,
                  let endYear = Self.splitYearEnd(b[start.span.start..<start.span.end]) else { continue }
            let gap = String(decoding: b[start.span.end..<mentions[i].span.start], as: UTF8.self)
            let words = gap.split { $0 == " " || $0 == "\n" || $0 == "," }.map { $0.lowercased() }
            guard words == ["ending"] || words == ["ended"] || words == ["which", "ends"] || words == ["that", "ends"] else { continue }
            let moved = p.shifted(years: endYear - p.from.year)
            mentions[i].value = .calendar(fields: f, resolved: moved)
        }
    }

    /// The second year of a split year that closes `text`, a season word after it allowed
    /// ("fiscal 1986/87": 1987; "the 1999/2000 season": 2000); nil when no split year closes it.
    static func splitYearEnd(_ text: ArraySlice<UInt8>) -> Int? {
        var end = text.endIndex
        while end > text.startIndex, !(text[end - 1] >= 0x30 && text[end - 1] <= 0x39) {
            // Only a season word may follow the years ("the 1986/87 season").
            guard TriggerScanner.isLetter(text[end - 1]) || text[end - 1] == 0x20 || text[end - 1] == 0x0A else { return nil }
            end -= 1
        }
        var k = end
        while k > text.startIndex, text[k - 1] >= 0x30 && text[k - 1] <= 0x39 { k -= 1 }
        let second = end - k
        guard second == 2 || second == 4, k - 1 > text.startIndex, text[k - 1] == 0x2F || text[k - 1] == 0x2D else { return nil }
        var j = k - 1
        while j > text.startIndex, text[j - 1] >= 0x30 && text[j - 1] <= 0x39 { j -= 1 }
        guard k - 1 - j == 4, let first = Int(String(decoding: text[j..<(k - 1)], as: UTF8.self)),
              let tail = Int(String(decoding: text[k..<end], as: UTF8.self)) else { return nil }
        let year = second == 4 ? tail : first / 100 * 100 + tail + (tail < first % 100 ? 100 : 0)
        return year == first + 1 ? year : nil
    }

    /// Months listed before one with its year take that year ("in May and June 1986", "in April,
    /// August, September and December last year"); a month later in the calendar than the last
    /// one listed, the year before ("December and January 1987").
    func monthLists(_ mentions: inout [Mention], _ document: Document) {
        func bareMonth(_ m: Mention) -> Int? {
            guard m.role == nil, let f = m.periodFields, let month = f.month, f.monthTo == nil, f.year == nil, f.yearOffset == nil,
                  f.day == nil, f.monthPart == nil, !f.samePeriod, !f.fiscal, m.period != nil else { return nil }
            return month
        }
        func joined(_ a: Mention, _ b: Mention) -> Bool {
            guard a.span.end <= b.span.start, b.span.start - a.span.end <= 8 else { return false }
            let gap = String(decoding: document.bytes[a.span.end..<b.span.start], as: UTF8.self).lowercased()
            return [",", "and", "or", ", and", ", or"].contains(gap.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        var i = 0
        while i < mentions.count {
            guard bareMonth(mentions[i]) != nil else { i += 1; continue }
            var j = i
            while j + 1 < mentions.count, joined(mentions[j], mentions[j + 1]), bareMonth(mentions[j + 1]) != nil { j += 1 }
            // The last member, with its year: "June 1986", "December last year".
            let last = j + 1
            guard last < mentions.count, joined(mentions[j], mentions[last]), let f = mentions[last].periodFields, let lastMonth = f.month,
                  f.monthTo == nil, f.day == nil, f.year != nil || f.yearOffset != nil, let p = mentions[last].period, p.from.month == lastMonth else {
                i = j + 1
                continue
            }
            for k in i...j {
                guard case let .calendar(g, _) = mentions[k].value, let month = g.month else { continue }
                let year = month <= lastMonth ? p.from.year : p.from.year - 1
                let from = CalendarDate(year: year, month: month, day: 1)
                mentions[k].value = .calendar(fields: g, resolved: ResolvedPeriod(from: from, to: from.lastDayOfMonth,
                                                                                  value: String(from.iso.prefix(7)), granularity: .month))
            }
            i = last + 1
        }
    }

    /// "The December agreement" (a month naming an event, `event-nouns`) in a story that named the
    /// same month before without a year ("prices have climbed since the organization's accord in
    /// December … experts expect just a reaffirmation of the December agreement"): that month, though
    /// its own clause looks ahead.
    func eventMonths(_ mentions: inout [Mention], _ document: Document) {
        guard let nouns = normalizationLexicons.eventNouns else { return }
        let b = document.bytes
        func yearlessMonth(_ m: Mention) -> Int? {
            guard m.role == nil, m.qualifier == nil, let f = m.periodFields, let month = f.month, f.year == nil, f.yearOffset == nil, f.monthTo == nil,
                  f.day == nil, f.monthPart == nil, !f.samePeriod, !f.fiscal, let p = m.period, p.granularity == .month else { return nil }
            return month
        }
        var seen: [Int: ResolvedPeriod] = [:]
        for i in mentions.indices {
            guard let month = yearlessMonth(mentions[i]), let p = mentions[i].period else { continue }
            defer { if seen[month] == nil { seen[month] = p } }
            guard let first = seen[month], first != p, Self.wordBefore(mentions[i].span.start, in: b, is: "the") else { continue }
            var k = mentions[i].span.end
            while k < b.count, b[k] == 0x20 || b[k] == 0x0A { k += 1 }
            var e = k
            while e < b.count, TriggerScanner.isLetter(b[e]) { e += 1 }
            guard e > k, nouns.lookup(String(decoding: b[k..<e], as: UTF8.self)) != nil, case let .calendar(f, _) = mentions[i].value else { continue }
            mentions[i].value = .calendar(fields: f, resolved: first)
        }
    }

    /// A year that sets the scene for its sentence governs the months and days written without a
    /// year after it: a year opening the sentence ("In 1986, exports peaked in March": March
    /// 1986), a year a "when" clause describes ("later than last year when one mln hectares had
    /// been drilled by mid-April": mid-April 1986) or a year naming an extreme ("the 1986 low of
    /// 5.35 pct posted in mid-April": mid-April 1986). Only in a clause that is not in the future,
    /// up to the next period written with a year of its own. An opening year that is a comparison's
    /// base governs nothing; a "when" clause describes its year even after "than".
    func sentenceYears(_ mentions: inout [Mention], _ document: Document, memo: inout TenseMemo) {
        let b = document.bytes
        func wholeYear(_ m: Mention) -> Int? {
            guard m.role == nil, let f = m.periodFields, f.year != nil || f.yearOffset != nil, f.month == nil, f.quarter == nil, f.half == nil,
                  f.day == nil, f.monthPart == nil, f.firstMonths == nil, f.lastMonths == nil, !f.fiscal, !f.samePeriod,
                  let p = m.period, p.granularity == .year else { return nil }
            return p.from.year
        }
        // Where the year's reach ends: nil when it governs nothing; the sentence's end after an
        // opening year; 160 bytes into a "when" clause (whose own past tense holds there, whatever
        // the sentence's main clause says).
        func reach(_ m: Mention, sentence: Span) -> (end: Int, whenClause: Bool)? {
            // "In 1986, …" / "During 1986 …" opening the sentence: only spaces before the word.
            for word in ["in", "during"] where Self.wordBefore(m.span.start, in: b, is: word) {
                var w = m.span.start
                while w > sentence.start, TriggerScanner.isSpace(b[w - 1]) { w -= 1 }
                w -= word.utf8.count
                // "In" or "in", not a headline's "IN".
                if w >= sentence.start, b[w + 1] >= 0x61, !b[sentence.start..<w].contains(where: { !TriggerScanner.isSpace($0) }) {
                    return (sentence.end, false)
                }
            }
            // A year naming an extreme ("the 1986 low of 5.35 pct posted in mid-April"): the months
            // in the next 120 bytes date when it was reached, as in a "when" clause, even after a
            // comparison's cue ("not far from the 1986 low").
            var x = m.span.end
            while x < b.count, b[x] == 0x20 || b[x] == 0x0A { x += 1 }
            if x > m.span.end, Self.extremeNouns.contains(where: { w in x + w.count <= b.count && b[x..<(x + w.count)].elementsEqual(w)
                    && (x + w.count == b.count || !TriggerScanner.isLetter(b[x + w.count])) }) {
                return (min(sentence.end, m.span.end + 120), true)
            }
            // "last year when", "in 1986, when".
            var k = m.span.end
            while k < b.count, b[k] == 0x20 || b[k] == 0x2C || b[k] == 0x0A { k += 1 }
            guard k + 5 <= b.count, b[k..<k + 4].elementsEqual("when".utf8), !(b[k + 4] >= 0x61 && b[k + 4] <= 0x7A) else { return nil }
            return (min(sentence.end, k + 160), true)
        }
        var i = 0
        while i < mentions.count {
            guard let year = wholeYear(mentions[i]), let s = document.sentenceIndex(of: mentions[i].span.start),
                  let (end, whenClause) = reach(mentions[i], sentence: document.sentences[s].span),
                  whenClause || !Self.isComparisonBase(mentions[i], document) else { i += 1; continue }
            var j = i + 1
            while j < mentions.count, mentions[j].span.start < end {
                guard let f = mentions[j].periodFields else { j += 1; continue }
                if f.year != nil || f.yearOffset != nil || f.fiscal || f.samePeriod { break }
                // Not a day after an opening year: "In 1986, farmers planted …, according to the
                // February 9 report" dates the report, not the year's events.
                if mentions[j].role == nil, f.month != nil, whenClause || f.day == nil, f.monthOffset == nil, f.weekday == nil, let p = mentions[j].period,
                   p.from.year != year, p.from.year == p.to.year, whenClause || tense(of: mentions[j], in: document, memo: &memo) != .future {
                    mentions[j].value = .calendar(fields: f, resolved: p.shifted(years: year - p.from.year))
                }
                j += 1
            }
            i = j
        }
    }

    /// "The end of the year" after a period of an earlier year in its sentence ("took up 10
    /// billion marks of the fourth quarter 1986 figures, and drew on two billion marks at the end
    /// of the year": 31 December 1986), in a clause not told in the future; else the reference
    /// date's year's end, as `period.year-end-day` reads it.
    func yearEndOfNamedYear(_ mentions: inout [Mention], _ document: Document, reference: CalendarDate?, memo: inout TenseMemo) {
        guard let r = reference else { return }
        for i in mentions.indices where mentions[i].rule == "period.year-end-day" {
            guard case let .calendar(fields, p?) = mentions[i].value, p.from.year == r.year,
                  mentions[i].text.lowercased().hasSuffix("of the year") else { continue }
            guard let j = lastCalendarMention(before: i, mentions, document, where: Self.isWrittenPeriod), let q = mentions[j].period,
                  q.from.year == q.to.year, q.to.year < r.year, tense(of: mentions[i], in: document, memo: &memo) != .future else {
                // With none, a day still ahead told in the past ("stocks fell sharply at the end of
                // the year", said in March): last year's end.
                if p.from > r, isMarkedPast(mentions[i].span, in: document, memo: &memo) {
                    mentions[i].value = .calendar(fields: fields, resolved: p.shifted(years: -1))
                }
                continue
            }
            mentions[i].value = .calendar(fields: fields, resolved: p.shifted(years: q.to.year - r.year))
        }
    }

    /// "The previous year" as a comparison's base after a part of a year in its sentence ("Interest
    /// expense for the quarter was lower than in the previous year"; "On December 31, 1986 total
    /// debt was down from the previous year's 7.9 billion"): that part a year earlier, as "a year
    /// earlier" would be, not the whole year before; so is "from 1.7 mln dlrs the previous year"
    /// after "first quarter ended January 31". After a whole year, or with no comparison's
    /// word before it ("from", "than", "over", "against", "versus", "than in"), the year before.
    func previousYearParts(_ mentions: inout [Mention], _ document: Document) {
        let b = document.bytes
        for i in mentions.indices where mentions[i].rule == "period.previous-year" {
            guard case let .calendar(fields, _?) = mentions[i].value, mentions[i].text.lowercased().hasPrefix("the") else { continue }
            let start = mentions[i].span.start
            let cues = ["from", "than", "over", "against", "versus", "vs"]
            var cue = cues.contains { Self.wordBefore(start, in: b, is: $0) }
            // The base's figure between the cue and the year ("fell to 273,000 dlrs from 1.7 mln
            // dlrs the previous year", "improved to 67.7 mln dlrs from 4.5 mln dlrs in the prior
            // year").
            var gap = start
            if Self.wordBefore(start, in: b, is: "in") {
                while gap > 0, b[gap - 1] == 0x20 || b[gap - 1] == 0x0A { gap -= 1 }
                gap -= 2
                // And the per-share words after a figure ("51 cts share", "51 cts a share").
                if Self.wordBefore(gap, in: b, is: "share") {
                    gap = Self.startOfWordBefore(gap, in: b)
                    if Self.wordBefore(gap, in: b, is: "a") || Self.wordBefore(gap, in: b, is: "per") { gap = Self.startOfWordBefore(gap, in: b) }
                    while gap > 0, b[gap - 1] == 0x20 || b[gap - 1] == 0x0A { gap -= 1 }
                }
            }
            if !cue, i > 0, var k = mentions[..<i].lastIndex(where: { !$0.type.isCalendar && $0.span.end <= gap }),
               b[mentions[k].span.end..<gap].allSatisfy({ $0 == 0x20 || $0 == 0x0A }) {
                // Back over the figure's restatement ("from 50.2 mln dlrs or 51 cts share in the
                // prior year").
                while k > 0, Self.wordBefore(mentions[k].span.start, in: b, is: "or"), !mentions[k - 1].type.isCalendar,
                      mentions[k - 1].span.end <= Self.startOfWordBefore(mentions[k].span.start, in: b),
                      Self.startOfWordBefore(mentions[k].span.start, in: b) - mentions[k - 1].span.end <= 12 {
                    k -= 1
                }
                // Past the figure's own noun ("from a loss of 11.6 mln dlrs in the prior year").
                var at = mentions[k].span.start
                for _ in 0..<3 where !cues.contains(where: { Self.wordBefore(at, in: b, is: $0) }) {
                    guard Self.figureNounWords.contains(where: { Self.wordBefore(at, in: b, is: $0) }) else { break }
                    at = Self.startOfWordBefore(at, in: b)
                }
                cue = cues.contains { Self.wordBefore(at, in: b, is: $0) }
            }
            if !cue, Self.wordBefore(start, in: b, is: "in") {
                var k = start
                while k > 0, b[k - 1] == 0x20 || b[k - 1] == 0x0A { k -= 1 }
                cue = Self.wordBefore(k - 2, in: b, is: "than")
            }
            guard cue, var j = lastCalendarMention(before: i, mentions, document, where: { Self.isWrittenPeriod($0) || $0.rule == "period.the-quarter" && $0.role == nil && $0.period != nil }) else { continue }
            // The day a quarter ended ("first quarter ended January 31") stands for that quarter.
            if j > 0, let d = mentions[j].period, d.from == d.to, let q = mentions[j - 1].period, q.to == d.to, q.from < d.from,
               mentions[j - 1].periodFields?.monthsEnding != nil { j -= 1 }
            guard let p = mentions[j].period, p.granularity != .year, !Self.isTwelveMonths(p),
                  p.from.year == p.to.year || (p.to.year * 12 + p.to.month) - (p.from.year * 12 + p.from.month) < 6 else { continue }
            mentions[i].value = .calendar(fields: fields, resolved: p.shifted(years: -1))
        }
    }

    /// "The previous fiscal (year)", "the preceding financial year" after a fiscal year written in
    /// its sentence or the one before ("For the entire financial year 2014-15, exports dipped to
    /// $312.4 billion, against $314.9 billion in the previous fiscal"): the fiscal year before that
    /// one, an anaphor, not the year before the one under way at the reference date. Not after a
    /// comparison's base ("up from Tk 3.3 lakh crore in FY2020-21"). "Last fiscal year" stays
    /// deictic.
    func previousFiscalYears(_ mentions: inout [Mention], _ document: Document) {
        for i in mentions.indices where mentions[i].rule == "period.relative-fiscal-year" {
            guard case let .calendar(fields, _?) = mentions[i].value else { continue }
            let text = mentions[i].text.lowercased()
            guard text.contains("previous") || text.contains("preceding") || text.contains("prior"),
                  let s = document.sentenceIndex(of: mentions[i].span.start) else { continue }
            var found: ResolvedPeriod?
            for j in stride(from: i - 1, through: 0, by: -1) where mentions[j].type.isCalendar {
                guard let t = document.sentenceIndex(of: mentions[j].span.start), t >= s - 1 else { break }
                guard Self.isWrittenPeriod(mentions[j]), let f = mentions[j].periodFields, f.fiscal, f.yearOffset == nil,
                      let p = mentions[j].period, Self.isTwelveMonths(p), !Self.isComparisonBase(mentions[j], document) else { continue }
                found = p
                break
            }
            guard let p = found else { continue }
            mentions[i].value = .calendar(fields: fields, resolved: p.shifted(years: -1))
        }
    }

    /// A quarter named again by its number alone after the story stated it with the day it ended
    /// ("the first quarter ended January 31 … for fiscal 1987 loan losses in calculating first
    /// quarter results"): the company's quarter stated, not a calendar quarter nor one counted
    /// from the place's fiscal year. Not one with its own year after it ("the first quarter in
    /// fiscal 1986", "first quarter of 1986") or a year's offset ("last year's first quarter").
    func companyQuarterNames(_ mentions: inout [Mention], _ document: Document) {
        var named: [Int: ResolvedPeriod] = [:]
        for i in mentions.indices where mentions[i].role == nil && mentions[i].rule == "period.quarter" {
            guard case let .calendar(f, p?) = mentions[i].value, let q = f.quarter, f.quarterTo == nil, !f.samePeriod,
                  f.year == nil, f.yearOffset == nil else { continue }
            if f.monthsEnding == 3 {
                if named[q] == nil { named[q] = p }
                continue
            }
            guard let c = named[q], c != p else { continue }
            if i + 1 < mentions.count, mentions[i + 1].type.isCalendar, mentions[i + 1].span.start - mentions[i].span.end <= 4 { continue }
            mentions[i].value = .calendar(fields: Self.fiscalFields(f, c), resolved: c)
        }
    }

    /// A company's own name for a period in brackets right after the period written out ("the
    /// second quarter ended Dec 31, 2017 (2Q18)", "the first half of its financial year ending
    /// June 30, 2018 (1H18)"): the same months, the company's fiscal quarter or half, not the
    /// calendar's; and so is the same name written again later in the story ("FFB output in 2Q18").
    func bracketedGlosses(_ mentions: inout [Mention], _ document: Document) {
        let b = document.bytes
        var named: [String: ResolvedPeriod] = [:]
        for i in mentions.indices where mentions[i].type.isCalendar && mentions[i].role == nil {
            guard case let .calendar(fields, p?) = mentions[i].value else { continue }
            if let q = named[mentions[i].text] {
                if q != p { mentions[i].value = .calendar(fields: Self.fiscalFields(fields, q), resolved: q) }
                continue
            }
            let s = mentions[i].span
            guard i > 0, s.start >= 2, b[s.start - 1] == UInt8(ascii: "("), s.end < b.count, b[s.end] == UInt8(ascii: ")"),
                  mentions[i].text.count <= 8, mentions[i].text.contains(where: { $0.isNumber }) else { continue }
            var k = s.start - 1
            while k > 0, b[k - 1] == 0x20 { k -= 1 }
            let j = i - 1
            guard mentions[j].type.isCalendar, mentions[j].role == nil, mentions[j].span.end == k, var q = mentions[j].period else { continue }
            let months = { (r: ResolvedPeriod) in (r.to.year * 12 + r.to.month) - (r.from.year * 12 + r.from.month) }
            // The day a quarter or half ended ("the second quarter ended Dec 31, 2017 (2Q18)"):
            // the gloss's months up to that day.
            if q.from == q.to, ["ended", "ending"].contains(where: { Self.wordBefore(mentions[j].span.start, in: b, is: $0) }) {
                let from = PeriodResolver.firstDay(ofMonths: months(p) + 1, endingOn: q.to)
                q = ResolvedPeriod(from: from, to: q.to, value: "\(from.iso)/\(q.to.iso)", granularity: p.granularity)
            }
            guard q.granularity != .day, q.from != q.to else { continue }
            // Only a period written out with its year or day ("the first quarter (Q1FY25)": there
            // the gloss is the one that says which).
            guard mentions[j].text.contains(where: { $0.isNumber }) else { continue }
            // Only a gloss of as many months ("2Q18" for a quarter, "1H18" for a half).
            guard months(p) == months(q) else { continue }
            named[mentions[i].text] = q
            if q != p { mentions[i].value = .calendar(fields: Self.fiscalFields(fields, q), resolved: q) }
        }
    }

    /// `fields` marked fiscal when `p` is not a calendar quarter, half or year (its months the
    /// company's: a quarter from November, or one of 13 weeks to January 3).
    static func fiscalFields(_ fields: PeriodFields, _ p: ResolvedPeriod) -> PeriodFields {
        var f = fields
        if (p.from.month - 1) % 3 != 0 || p.from.day != 1 || p.to != p.to.lastDayOfMonth || (p.granularity == .half && p.from.month != 1 && p.from.month != 7) {
            f.fiscal = true
        }
        return f
    }

    /// Whether `text` has `word` (lower case) as a whole word, in any case.
    static func namesWord(_ word: String, _ text: String) -> Bool {
        text.lowercased().split { !$0.isLetter }.contains { $0 == word }
    }

    /// Words between a comparison's cue and its figure ("from a loss of 11.6 mln dlrs", "from a
    /// profit of").
    static let figureNounWords = ["of", "a", "loss", "profit", "gain", "deficit", "surplus"]

    /// The nearest calendar mention before `index` in its sentence that `accept` takes, if any: a
    /// walk back that stops at the sentence's start.
    func lastCalendarMention(before index: Int, _ mentions: [Mention], _ document: Document, where accept: (Mention) -> Bool) -> Int? {
        let s = document.sentenceIndex(of: mentions[index].span.start)
        for j in stride(from: index - 1, through: 0, by: -1) where mentions[j].type.isCalendar {
            guard document.sentenceIndex(of: mentions[j].span.start) == s else { return nil }
            if accept(mentions[j]) { return j }
        }
        return nil
    }

    /// A period the text writes, not an anaphor's nor a role's (a dateline's): what a point or an
    /// anaphor named after it in its sentence refers back to.
    static func isWrittenPeriod(_ m: Mention) -> Bool {
        m.role == nil && m.period != nil && !(m.periodFields?.samePeriod ?? false)
    }

    /// Nouns of an extreme a year may name ("the 1986 low", "its 1985 peak").
    static let extremeNouns: [[UInt8]] = ["low", "lows", "high", "highs", "peak", "trough", "bottom"].map { Array($0.utf8) }

    /// Whether "ly", which ends every word of ``habitualWords``, occurs in `b[from..<to]`: most
    /// dates have none near, and need no words read.
    static func mentionsLy(_ b: [UInt8], from: Int, to: Int) -> Bool {
        var k = from
        while k + 1 < to {
            if b[k + 1] | 0x20 == 0x79, b[k] | 0x20 == 0x6C { return true }
            k += 1
        }
        return false
    }

    /// Adverbs of what usually happens ("is usually set in December").
    static let habitualWords: Set<[UInt8]> = Set(["usually", "normally", "typically", "traditionally", "customarily"].map { Array($0.utf8) })

    /// The longest first line read as a headline by the results and echo steps.
    static let headlineBytes = 300

    /// Whether `p` is twelve whole months (a fiscal or calendar year).
    static func isTwelveMonths(_ p: ResolvedPeriod) -> Bool { PeriodResolver.isTwelveMonths(p) }

    /// The fiscal year a story reports: the first fiscal year (twelve months) written in its
    /// headline, the dateline's sentence or the one after it, not an anaphor or a comparison base.
    func reportedFiscalYear(_ mentions: [Mention], _ document: Document) -> (index: Int, period: ResolvedPeriod)? {
        let datelineSentence = mentions.first { $0.role == "dateline" }.flatMap { document.sentenceIndex(of: $0.span.start) } ?? 0
        for (j, m) in mentions.enumerated() {
            guard let s = document.sentenceIndex(of: m.span.start) else { continue }
            if s > datelineSentence + 1 { break }
            guard m.role == nil, let f = m.periodFields, f.fiscal, !f.samePeriod, f.year != nil, let p = m.period, Self.isTwelveMonths(p),
                  !Self.isComparisonBase(m, document) else { continue }
            return (j, p)
        }
        return nil
    }

    /// The tense a calendar mention takes: past after "since" ("on patrol since March and was
    /// scheduled to return": a start point has passed), future for what usually happens ("is
    /// usually set in December"), and past for the base of a comparison in a future clause; else
    /// the clause's (``tense(around:in:memo:)``).
    ///
    /// With `reference`, a month alone that the clause's future would put eight or more months
    /// ahead is the one just past when it dates a done thing (``datesPastEvent(_:_:)``: "matches
    /// the rate set by one of the smaller foreign banks in January", told in April; "The overall
    /// January deficit … will be revised"); "She will command a mission in December", told in
    /// March, stays ahead. Over the development gold, such forward readings were wrong in eight
    /// stories and right in two, neither of which dates a done thing.
    func tense(of mention: Mention, in document: Document, memo: inout TenseMemo, reference: CalendarDate? = nil) -> Tense {
        if mention.qualifier == "since" { return .past }
        // A dividend notice's payment and record dates lie ahead ("Pay April 30, May 29, June 24").
        if mention.periodFields.map({ $0.day != nil || $0.month != nil && $0.year == nil }) ?? false, Self.isPaymentLine(mention.span, document) { return .future }
        // Days or months a shipment is sold for, written right after the word ("sold one cargo …
        // for shipment April 15/May 15", "for domestic shipment April 1-15") lie ahead.
        if let f = mention.periodFields, f.month != nil, f.year == nil,
           Self.wordBefore(mention.span.start, in: document.bytes, is: "shipment") || Self.wordBefore(mention.span.start, in: document.bytes, is: "delivery") {
            return .future
        }
        // Paper maturing in a month or on a day ("bought bills maturing in June and July, and on
        // August 27") matures ahead of when it is bought.
        if let f = mention.periodFields, f.month != nil, f.year == nil, Self.maturesOn(mention, document) { return .future }
        // A trading position's months lie ahead ("June/July going at 1,850 dlrs", "785 dlrs for
        // May" in February).
        if let f = mention.periodFields, f.month != nil, f.year == nil, f.day == nil, isTradingPosition(mention, f, document) {
            return .future
        }
        // A month or season that names a deadline ("gave firms an October deadline", "OCTOBER
        // DEADLINE FOR BOYCOTT") is set ahead of when it is told; one just passed still wins.
        if let f = mention.periodFields, f.month != nil || f.season != nil, f.year == nil, f.yearOffset == nil, f.day == nil,
           Self.wordAfter(mention.span.end, in: document.bytes, isAnyOf: ["deadline", "deadlines"]) {
            return .future
        }
        // So does one a deadline is "of" or "for" ("the talks, with a deadline of October for an
        // agreement").
        if let f = mention.periodFields, f.month != nil || f.season != nil, f.year == nil, f.yearOffset == nil,
           case let w = Self.wordsBefore(mention.span.start, in: document, from: max(0, mention.span.start - 24), upTo: 2), w.count == 2,
           w[0] == Self.ofWord || w[0] == Self.forWord, w[1] == Self.deadlineWord || w[1] == Self.deadlinesWord {
            return .future
        }
        // What usually happens in a month or season ("The consumer rice price is usually set in
        // December", "The cane crush normally runs from June to December"): the coming one.
        if let f = mention.periodFields, f.year == nil, f.yearOffset == nil, f.month != nil || f.season != nil,
           let si = document.sentenceIndex(of: mention.span.start),
           Self.mentionsLy(document.bytes, from: max(document.sentences[si].span.start, mention.span.start - 80), to: mention.span.start),
           Self.wordsBefore(mention.span.start, in: document, from: max(document.sentences[si].span.start, mention.span.start - 80), upTo: 10)
               .contains(where: { Self.habitualWords.contains($0) }) {
            return .future
        }
        let t = tense(around: mention.span, in: document, memo: &memo)
        if t == .future, let r = reference, let f = mention.periodFields, let m = f.month, f.monthTo == nil, f.year == nil, f.yearOffset == nil,
           f.quarter == nil, f.half == nil, f.day == nil, !f.fiscal, (m - r.month + 12) % 12 >= 8, Self.datesPastEvent(mention, document) {
            return .past
        }
        // The base a forecast is compared with is a known, past figure ("would fall to about 6.2
        // mln units from 6.61 mln in the year to end-March").
        if t == .future, mention.periodFields?.year == nil, Self.isFigureBase(mention, document) { return .past }
        // When a forecast was made is behind ("compared with a 2.8 pct growth forecast in December",
        // "Import growth, forecast in December at 4.5 pct, is now seen slowing").
        if t == .future, mention.periodFields?.year == nil, Self.isTimeOfForecast(mention, document) { return .past }
        // An accord named by its month was made then ("expect a reaffirmation of the December
        // agreement", "if all members stick by the cartel's December pricing agreement"), whatever
        // the clause looks ahead to.
        if t == .future, let f = mention.periodFields, f.year == nil, f.month != nil, f.day == nil,
           Self.accordAfter(mention.span.end, in: document.bytes) { return .past }
        // A deadline ahead ("reaching an agreement on quotas before September appear dim", "the
        // council is not due to meet again until September", "ICO PACT UNLIKELY BY AUTUMN",
        // "promised to halt all trade with South Africa by October"): a month or season after
        // "before", "until" or "by", in a clause whose verb is not in the past tense; after "by",
        // a whole month or season only ("deposits rising to 17,830 billion yen by the
        // end-December" is a level reached). The month may name an event ("before the ICO's
        // annual September council session").
        if t == .past, let f = mention.periodFields, f.month != nil || f.season != nil && f.season != Self.cropSeason, f.year == nil, f.yearOffset == nil,
           let opener = Self.deadlineOpener(before: mention.span.start, in: document.bytes, words: f.monthPart == nil && f.day == nil ? Self.deadlineWords : Self.deadlineWordsOfParts,
                                            monthEnd: mention.span.end) {
            // The clause "until" opens is the month's alone: read the tense of the one before it.
            let b = document.bytes
            var k = opener
            while k > 0, b[k - 1] == 0x20 || b[k - 1] == 0x0A { k -= 1 }
            // What follows the date in its clause is another's ("before May 7 if the employers
            // made any moves").
            // A deadline opening its sentence is read by the verb after it ("By January, its
            // estimate was 10.06 mln acres": a level reached then).
            // (Or the lede after its dateline's dash: "WASHINGTON, March 31 - By January, …".)
            var before = opener
            while before > 0, b[before - 1] == 0x20 || b[before - 1] == 0x0A || b[before - 1] == 0x22 { before -= 1 }
            let opensSentence = before > 0 && b[before - 1] == 0x2D || document.sentenceIndex(of: opener).map { s in
                !b[document.sentences[s].span.start..<opener].contains { TriggerScanner.isLetter($0) || (0x30...0x39).contains($0) }
            } ?? false
            if opensSentence {
                let end = min(b.count, mention.span.end + 80)
                let after = b[mention.span.end..<end].prefix { $0 != 0x2E && $0 != 0x3B }.split { !TriggerScanner.isLetter($0) }.prefix(12)
                if after.contains(where: { w in ["was", "were", "had"].contains { w.elementsEqual($0.utf8) } }) || isMarkedPast(Span(mention.span.end, min(b.count, mention.span.end + 60)), in: document, memo: &memo) { return t }
            }
            if k > 0, !isMarkedPast(Span(k - 1, k), in: document, memo: &memo), !isMarkedPast(mention.span, in: document, memo: &memo, upToEnd: true) { return .future }
        }
        return t
    }

    static let deadlineWords: [[UInt8]] = ["before", "until", "till", "by"].map { Array($0.utf8) }

    static let deadlineWordsOfParts: [[UInt8]] = ["before", "until", "till"].map { Array($0.utf8) }
    /// Events held on a schedule, which a month before them may date ahead.
    static let scheduledEvents = ["session", "sessions", "meeting", "meetings", "council", "talks", "conference", "summit", "election",
                                  "elections", "deadline", "review", "vote", "auction", "tender", "board", "assembly", "congress"]
    /// Words that may stand between "before" and the month of an event ("before the ICO's annual
    /// September council session", "until its next October meeting").
    static let deadlineFillers: Set<[UInt8]> = Set(["the", "its", "their", "his", "her", "next", "annual", "regular", "scheduled",
                                                     "planned", "usual"].map { Array($0.utf8) })

    /// The start of "before", "until" or "till" (`words`) written right before `offset`, or with
    /// at most three words between that only name the event the month dates ("the", "its",
    /// "annual", a possessive "ICO's", a capitalised name) when a scheduled event follows the month
    /// ("before the ICO's annual September council session"; not "before the March quake"): nil
    /// when there is none.
    static func deadlineOpener(before offset: Int, in b: [UInt8], words: [[UInt8]], monthEnd: Int? = nil) -> Int? {
        var i = offset
        for step in 0..<4 {
            if step == 1, let e = monthEnd, !wordAfter(e, in: b, isAnyOf: scheduledEvents) { return nil }
            while i > 0, b[i - 1] == 0x20 || b[i - 1] == 0x0A { i -= 1 }
            let end = i
            while i > 0, TriggerScanner.isLetter(b[i - 1]) || b[i - 1] == 0x27 || b[i - 1] == 0x2E { i -= 1 }
            guard end > i else { return nil }
            let w = b[i..<end].map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
            if words.contains(w) { return i }
            // Only fillers may stand between.
            guard step < 3 else { return nil }
            let possessive = w.count > 2 && w[w.count - 2] == 0x27 && w[w.count - 1] == 0x73
            let capitalised = b[i] >= 0x41 && b[i] <= 0x5A
            guard deadlineFillers.contains(w) || possessive || capitalised else { return nil }
        }
        return nil
    }

    /// Whether yearless months are a trading position quoted at a price: months written with a
    /// slash before a price (`position-after`: "June/July going at 1,850 dlrs"), or months after
    /// a price and "for" (`position-before`: "785 dlrs for May", "995 dlrs for March/April"), or a
    /// futures contract's month (`contract-month-before`/`-after`: "New York May", "July futures").
    func isTradingPosition(_ mention: Mention, _ f: PeriodFields, _ document: Document) -> Bool {
        let b = document.bytes
        if f.monthTo != nil, let after = positionAfter, mention.span.end < b.count, b[mention.span.start..<mention.span.end].contains(0x2F),
           !document.matchSpans(of: after, in: Span(mention.span.end, min(b.count, mention.span.end + 60)), limit: 1).isEmpty {
            return true
        }
        guard f.monthPart == nil else { return false }
        // Months bought or sold "for" as a position to ship ("purchases at around 50,000 tonnes
        // for Sept/Dec shipments"); not "March shipments", which are data.
        if Self.wordBefore(mention.span.start, in: b, is: "for"), Self.wordAfter(mention.span.end, in: b, isAnyOf: ["shipment", "shipments", "delivery", "deliveries", "loading", "arrival"]) {
            return true
        }
        // So are they with a word between ("for various May/Aug shipments"), and a pair of months
        // bought or sold "for" in a sentence of shipments ("340,000 tonnes … for various May/Aug
        // shipments, with 210,000 tonnes of soft red winter for Aug/Sept").
        let before = Self.wordsBefore(mention.span.start, in: document, from: max(0, mention.span.start - 30), upTo: 2)
        if before.count == 2, before[1] == Self.forWord, Self.positionFillers.contains(before[0]),
           Self.wordAfter(mention.span.end, in: b, isAnyOf: ["shipment", "shipments", "delivery", "deliveries", "loading"]) {
            return true
        }
        if f.monthTo != nil, before.first == Self.forWord, let s = document.sentenceIndex(of: mention.span.start),
           b.containsIgnoringASCIICase(Self.shipmentWord, in: document.sentences[s].span.start..<document.sentences[s].span.end) {
            return true
        }
        // A quote's line led by its month, bid or offered ("- June/Aug upper Mississippi River
        // (Lacrosse/Savage) offered at 135 pct", "- December Illinois River 122-1/2 pct bid").
        if Self.leadsQuoteLine(mention.span, b) { return true }
        if let before = contractMonthBefore,
           !document.matchSpans(of: before, in: Span(max(0, mention.span.start - 12), mention.span.start), limit: 1).isEmpty {
            return true
        }
        if let after = contractMonthAfter, mention.span.end < b.count,
           !document.matchSpans(of: after, in: Span(mention.span.end, min(b.count, mention.span.end + 40)), limit: 1).isEmpty {
            return true
        }
        if let before = positionBefore, mention.span.start >= 6, b[mention.span.start - 4..<mention.span.start].contains(0x72) /* "for " */ {
            return !document.matchSpans(of: before, in: Span(max(0, mention.span.start - 48), mention.span.start), limit: 1).isEmpty
        }
        return false
    }

    /// Whether `span` opens its line (after spaces and a dash) and "bid", "offered" or "asked"
    /// follows within 120 bytes: a month heading a line of a quote table.
    static func leadsQuoteLine(_ span: Span, _ b: [UInt8]) -> Bool {
        var i = span.start
        while i > 0, b[i - 1] == 0x20 || b[i - 1] == 0x2D || b[i - 1] == 0x09 { i -= 1 }
        guard i == 0 || b[i - 1] == 0x0A, i < span.start, b[i..<span.start].contains(0x2D) else { return false }
        let window = span.end..<min(b.count, span.end + 120)
        return quoteWords.contains { b.containsIgnoringASCIICase($0, in: window) }
    }
    static let quoteWords: [[UInt8]] = [" bid", " offered", " asked"].map { Array($0.utf8) }

    /// Whether `span` is a date on a dividend notice's payment or record line: the line opens with
    /// "Pay", "Payable", "Record" or "Payment" (and "date", "on"), and only dates, numbers, commas
    /// and "and" come between it and the date ("Pay April 30, May 29, June 24", "Record May one").
    static func isPaymentLine(_ span: Span, _ document: Document) -> Bool {
        let b = document.bytes
        // Most dates have no payment word within 60 bytes: decide that on the bytes, without
        // making strings (this runs for every date without a year).
        let window = max(0, span.start - 61)..<span.start
        guard paymentNeedles.contains(where: { b.lastIndex(of: $0, in: window) != nil }) else { return false }
        // The words right before the date (at most 24 bytes, across a wrapped line): "payable June
        // 12", "holders of record May 22", "of\nrecord June one".
        let near = String(decoding: b[max(0, span.start - 24)..<span.start], as: UTF8.self)
        let nearWords = near.split { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }.map { $0.lowercased() }.filter { $0 != "on" }
        if let last = nearWords.last {
            if last == "payable" || last == "payment" && nearWords.dropLast().last == "for" { return true }
            if last == "record", nearWords.dropLast().last == "of" { return true }
        }
        var start = span.start
        // At most 60 bytes back: a payment line is short (and a long line must not be walked for
        // every date on it).
        while start > 0, b[start - 1] != 0x0A, span.start - start <= 60 { start -= 1 }
        guard span.start - start <= 60 else { return false }
        let before = String(decoding: b[start..<span.start], as: UTF8.self)
        // The notice's word as tables write it ("Pay", "pay", "Record"), not prose's "record" (a
        // wrapped line "record April 13 trade surplus").
        guard let firstWord = before.split(whereSeparator: { $0 == " " || $0 == "\t" }).first, paymentWords.contains(String(firstWord)) else { return false }
        var words = before.split { $0 == " " || $0 == "\t" || $0 == "," || $0 == "\r" }.map { $0.lowercased() }
        guard !words.isEmpty else { return false }
        words.removeFirst()
        return words.allSatisfy { w in
            ["date", "dates", "on", "and"].contains(w) || w.allSatisfy { $0.isNumber } || Numbers.month(w) != nil || Numbers.ordinal(w) != nil
        }
    }

    /// Whether the clause starting at `offset` opens with a word that hangs it on the clause before
    /// ("before", "until", "when", "if", "unless"; any case): such a clause tells when or on what
    /// condition the clause before happens. Not "after", whose clause tells what came first.
    static func subordinateOpener(at offset: Int, in b: [UInt8]) -> Bool {
        var j = offset
        while j < b.count, TriggerScanner.isLetter(b[j]) { j += 1 }
        guard j > offset else { return false }
        return subordinateOpeners.contains { w in w.count == j - offset && zip(w, b[offset..<j]).allSatisfy { $0 == $1 | 0x20 } }
    }
    static let subordinateOpeners: [[UInt8]] = ["before", "until", "when", "if", "unless"].map { Array($0.utf8) }

    static let paymentWords: Set<String> = ["Pay", "pay", "Payable", "payable", "Record", "Payment", "PAY", "RECORD"]
    /// Byte strings one of which a payment line or phrase holds (see ``paymentWords``).
    static let paymentNeedles: [[UInt8]] = ["pay", "Pay", "PAY", "ecord", "ECORD"].map { Array($0.utf8) }

    /// What reading the tense searches in a whole sentence, kept for the other dates of the
    /// document's sentence rather than searched again for each: whether the sentence has a future
    /// cue, and its clause boundaries.
    struct TenseMemo {
        private let sentences: Int
        /// Per sentence: 0 not searched yet, 1 no future cue, 2 a future cue (made on first use).
        private var futureCue: [UInt8] = []
        private var clauseBoundaries: [Int: [Span]] = [:]
        package init(sentences: Int) { self.sentences = sentences }

        mutating func hasFutureCue(sentence s: Int, _ search: () -> Bool) -> Bool {
            if futureCue.isEmpty { futureCue = Array(repeating: 0, count: sentences) }
            if futureCue[s] == 0 { futureCue[s] = search() ? 2 : 1 }
            return futureCue[s] == 2
        }

        mutating func clauseBoundaries(sentence s: Int, _ search: () -> [Span]) -> [Span] {
            if let known = clauseBoundaries[s] { return known }
            let found = search()
            clauseBoundaries[s] = found
            return found
        }
    }

    /// Future when the clause around the date has a future cue ("will", "is expected to",
    /// "forecast"), unless the date directly follows a verb of reporting ("said Friday it will…":
    /// Friday is when it was said); past otherwise. A cue in another clause of the sentence does not
    /// count ("Talks ended on Friday and will resume in May").
    func tense(around span: Span, in document: Document, memo: inout TenseMemo) -> Tense {
        guard let cues = futureCues, let s = document.sentenceIndex(of: span.start) else { return .past }
        // A sentence without any future cue has none in its clauses: skip finding the clause.
        let sentenceHasCue = memo.hasFutureCue(sentence: s) { !document.matchSpans(of: cues, in: document.sentences[s].span, limit: 1).isEmpty }
        if !sentenceHasCue { return .past }
        let clauseSpan = clause(around: span, in: document, sentence: s, memo: &memo, joinTrailing: true)
        // A cue in the passive past perfect ("the October-December period had been expected to
        // spill over") tells of an expectation that lies behind, not ahead ("had expected the
        // subsidy … to be" may still look ahead).
        let b = document.bytes
        func hasCue(_ s: Span) -> Bool {
            document.matchSpans(of: cues, in: s, limit: 4).contains { cue in
                !(Self.wordBefore(cue.start, in: b, is: "been") && Self.wordBefore(Self.startOfWordBefore(cue.start, in: b), in: b, is: "had"))
            }
        }
        var future = hasCue(clauseSpan)
        // A clause that hangs on the one before it ("could hang on until as late as September",
        // "will begin much before the council session in September", "we can expect when it comes
        // to harvest in September") takes that clause's tense when it tells none of its own.
        if !future, Self.subordinateOpener(at: clauseSpan.start, in: b), clauseSpan.start > document.sentences[s].span.start,
           !isMarkedPast(span, in: document, memo: &memo) {
            let head = clause(around: Span(clauseSpan.start - 1, clauseSpan.start - 1), in: document, sentence: s, memo: &memo)
            future = hasCue(Span(head.start, clauseSpan.start))
        }
        guard future else { return .past }
        if let report = reportVerbBefore {
            let before = Span(max(document.sentences[s].span.start, span.start - 24), span.start)
            if !document.matchSpans(of: report, in: before, limit: 1).isEmpty { return .past }
        }
        return .future
    }

    /// Whether the clause around `span` has a verb in the past tense (`past-cues`: "rose", "brought",
    /// "changed"), which marks it a report of what happened, not only a clause without a future cue.
    /// With `upToEnd`, only the clause's words up to the end of `span` are read.
    func isMarkedPast(_ span: Span, in document: Document, memo: inout TenseMemo, upToEnd: Bool = false) -> Bool {
        guard let cues = pastCues, let s = document.sentenceIndex(of: span.start) else { return false }
        var clauseSpan = clause(around: span, in: document, sentence: s, memo: &memo)
        if upToEnd { clauseSpan = Span(clauseSpan.start, max(clauseSpan.start, min(clauseSpan.end, span.end))) }
        return !document.matchSpans(of: cues, in: clauseSpan, limit: 1).isEmpty
    }

    /// The normal form of an agreement year's word: an ordinal's number, "final", or an offset.
    static func agreementYearWord(_ word: String) -> String? {
        switch word.lowercased() {
        case "final", "last": return "final"
        case "current", "this", "present": return "+0"
        case "next", "new", "coming": return "+1"
        case "previous", "past", "prior": return "-1"
        default: return Numbers.ordinal(word).map { String($0) }
        }
    }

    /// The twelve months of an agreement's year (`which`: `agreementYearWord`), for the agreement of
    /// `agreement-years` whose parties the mention's sentence, the one before or the story's first
    /// 600 bytes name; nil when none is named.
    func agreementYear(_ which: String, of m: Mention, _ document: Document, reference: CalendarDate?) -> ResolvedPeriod? {
        guard let lexicon = ruleSet.lexicons["agreement-years"] else { return nil }
        var texts = [sentenceText(of: m, document)]
        if let s = document.sentenceIndex(of: m.span.start), s > 0 {
            let span = document.sentences[s - 1].span
            texts.append(String(decoding: document.bytes[span.start..<min(span.end, span.start + 600)], as: UTF8.self))
        }
        texts.append(String(decoding: document.bytes.prefix(600), as: UTF8.self))
        for text in texts {
            let words = Set(text.split { !$0.isLetter && $0 != "." && $0 != "-" }
                .flatMap { w in [String(w)] + w.split(separator: "-").map(String.init) }.map { Lexicon.key($0) })
            for party in lexicon.phrases where words.contains(Lexicon.key(party)) {
                guard let key = lexicon.lookup(party) else { continue }
                let parts = key.split(separator: "/"), ym = parts.first?.split(separator: "-") ?? []
                guard parts.count == 2, ym.count == 2, let y = Int(ym[0]), let mo = Int(ym[1]), let length = Int(parts[1]),
                      let start = CalendarDate(validYear: y, month: mo, day: 1) else { continue }
                var n: Int
                if which == "final" { n = length }
                else if let k = Int(which), !which.hasPrefix("+"), !which.hasPrefix("-") { n = k }
                else {
                    guard let r = reference, let off = Int(which) else { return nil }
                    let months = (r.year - start.year) * 12 + r.month - start.month
                    n = (months >= 0 ? months / 12 : (months - 11) / 12) + 1 + off
                }
                guard n >= 1, n <= length else { return nil }
                let from = start.adding(years: n - 1), to = from.adding(years: 1).adding(days: -1)
                return ResolvedPeriod(from: from, to: to, value: "\(from.iso.prefix(7))/\(to.iso.prefix(7))", granularity: .span)
            }
        }
        return nil
    }

    /// Whether a pair of split years shares its season word written after the second ("coffee from
    /// the 1986/87 and 1985/86 crops", "the 1985/86 or 1986/87 season"), read from `offset`, the
    /// first one's end.
    static func seasonWordAfterPair(_ offset: Int, _ b: [UInt8]) -> Bool {
        let tail = String(decoding: b[offset..<min(b.count, offset + 40)], as: UTF8.self).lowercased()
        var words = tail.split { $0 == " " || $0 == "\n" }.prefix(5).map(String.init)
        guard words.count >= 3, words[0] == "and" || words[0] == "or" else { return false }
        words.removeFirst()
        if words.first == "the" { words.removeFirst() }
        guard let year = words.first, isSplitYearToken(year), words.count > 1 else { return false }
        let next = words[1].prefix { $0.isLetter }
        return ["crop", "crops", "season", "seasons", "campaign", "campaigns", "harvest", "harvests"].contains(String(next))
    }

    /// Whether a split year's words make it a season or crop year ("the 1986/87 season"), which
    /// follows the commodity, not the place's fiscal year; with `crops`, also a crop named as a
    /// word (for a sentence around the year). The checks read it too.
    package static func isSeason(_ text: String, crops: Bool = false) -> Bool {
        let t = text.lowercased()
        if ["season", "crop", "campaign", "marketing", "harvest", "coffee year", "cocoa year", "sugar year", "cotton year", "quota year",
            "wheat year", "grain year"]
            .contains(where: { t.contains($0) }) { return true }
        guard crops else { return false }
        // Crop words as whole words ("rice", not the "rice" of "prices").
        let words = Set(t.split { !$0.isLetter }.map(String.init))
        return Self.cropWords.contains { crop in
            let parts = crop.split(separator: " ").map(String.init)
            return parts.count == 1 ? words.contains(crop) || words.contains(crop + "s") : t.contains(crop)
        }
    }

    /// Crops whose years are written across two years ("soft wheat stocks will almost double in
    /// 1987/88"): such a year follows the crop, not the fiscal year of the story's place.
    static let cropWords = ["wheat", "grain", "cereal", "corn", "maize", "soybean", "soymeal", "sorghum", "barley", "oats",
                            "rice", "cotton", "sugar", "coffee", "cocoa", "palm oil", "rapeseed", "oilseed"]

    /// The `season` of `period.relative-season` ("crop" in its `set:`, upper-cased as season
    /// codes are): a crop's year, resolved from the crop named near it, not a season of the calendar.
    static let cropSeason = "CROP"

    /// The first month of the fiscal year of the place or people named right before `span`
    /// ("Japanese 1987/88", "India's 1986/87"), from `fiscal-years`; nil for another word.
    func fiscalStartNamed(before span: Span, _ document: Document) -> Int? {
        guard let lexicon = ruleSet.lexicons["fiscal-years"] else { return nil }
        let b = document.bytes
        var i = span.start
        // A mention that opens with "the" ("the 1987/88") has no place right before its year.
        if span.length > 3, b[span.start..<(span.start + 3)].map({ $0 | 0x20 }).elementsEqual("the".utf8) { return nil }
        while i > 0, b[i - 1] == 0x20 || b[i - 1] == 0x0A { i -= 1 }
        if i >= 2, b[i - 2] == 0x27, b[i - 1] == 0x73 { i -= 2 }   // "India's"
        var j = i
        while j > 0, TriggerScanner.isLetter(b[j - 1]) || b[j - 1] == 0x2E { j -= 1 }
        guard j < i, (0x41...0x5A).contains(b[j]) else { return nil }
        return lexicon.lookup(String(decoding: b[j..<i], as: UTF8.self)).flatMap { Int($0) }.flatMap { $0 > 1 && $0 != 10 ? $0 : nil }
    }

    /// The first month of the fiscal year `place` ran on in a story dated `reference`, from
    /// `fiscal-years-former` ("4 until 2000": Indonesia's April year in a story of 2000 or before);
    /// nil after that year, without a date, or for a place not listed.
    func formerFiscalStart(_ place: String, reference: CalendarDate?) -> Int? {
        guard let r = reference, let key = ruleSet.lexicons["fiscal-years-former"]?.lookup(place) else { return nil }
        let parts = key.split(separator: " ")
        guard parts.count == 3, parts[1] == "until", let start = Int(parts[0]), let last = Int(parts[2]), r.year <= last else { return nil }
        return start
    }

    /// The first month of a split year ("1986/87") that nothing in the story places: July.
    static let defaultSplitYearStart = 7

    /// A crop's season from month `start` of `firstYear` to the end of month `end` (nil: the
    /// month before `start`, twelve months in all), in the year after when `end` comes before `start`.
    static func seasonSpan(firstYear: Int, from start: Int, to end: Int? = nil) -> ResolvedPeriod {
        let last = end ?? (start + 10) % 12 + 1
        let from = CalendarDate(year: firstYear, month: start, day: 1)
        let to = CalendarDate(year: last >= start ? firstYear : firstYear + 1, month: last, day: 1).lastDayOfMonth
        return ResolvedPeriod(from: from, to: to, value: "\(from.iso.prefix(7))/\(to.iso.prefix(7))", granularity: .span)
    }

    /// The months in brackets right after mention `i` that say when its season runs ("1986/87
    /// (July/June)", "season (Sept/March)", "(September-April)"): the first and last month and the
    /// bracketed mention's index (nil when no such bracket follows).
    func bracketMonths(after i: Int, _ mentions: [Mention], _ document: Document) -> (start: Int, end: Int, index: Int)? {
        let k = i + 1
        guard k < mentions.count, let f = mentions[k].periodFields, let start = f.month, let end = f.monthTo, f.year == nil, f.day == nil,
              f.monthPart == nil, mentions[k].span.start > mentions[i].span.end, mentions[k].span.start - mentions[i].span.end <= 32 else { return nil }
        let b = document.bytes
        // Only the bracket, or the season's words and the bracket ("1986/87 crushing season (").
        let gap = String(decoding: b[mentions[i].span.end..<mentions[k].span.start], as: UTF8.self)
        let words = gap.split { $0 == " " || $0 == "\n" }
        guard words.last == "(", words.dropLast().allSatisfy({ $0.allSatisfy(\.isLetter) }),
              words.count == 1 || Self.isSeason(words.dropLast().joined(separator: " ")) else { return nil }
        var e = mentions[k].span.end
        while e < b.count, b[e] == 0x20 || b[e] == 0x2E { e += 1 }
        guard e < b.count, b[e] == 0x29 else { return nil }
        return (start, end, k)
    }

    /// The first month of the marketing year a year across two years stands for: a crop of
    /// `crop-years` named in its sentence, when the mention says it is a season ("the 2024/25
    /// season") or the story's place has no fiscal year of its own; for a season, else a crop named
    /// in the sentence before or in the story's first two sentences (nil when none is named).
    func cropYear(of m: Mention, _ document: Document, placeHasFiscalYear: Bool) -> Int? {
        let season = Self.isSeason(m.text) || Self.seasonWordAfterPair(m.span.end, document.bytes)
        let sentence = sentenceText(of: m, document)
        // A report in sections headed by their crop ("Corn -- Stocks, Aug 31, 1987, at 5,240 …
        // Exports in 1985/86 at 1,241", "    ALL WHEAT -"): the crop its sentence names, else its
        // section's, whatever the story's place.
        if let heading = sectionHeadingCrop(before: m.span.start, document) {
            return cropYearStart(sentence) ?? heading
        }
        // A place written before its split year or crop ("the Soviet 1986/87 wheat crop", "USSR
        // wheat imports"), in the sentence, else in the one before or the story's first two.
        if let start = cropYearByPlaceBefore(sentence) { return start }
        // A story whose headline names a place's crop ("ARGENTINE SOYBEAN YIELD ESTIMATES DOWN
        // FURTHER"): its split years are that place's crop years ("The official figure for 1985/86",
        // "this season"), except in a sentence about the United States' own years.
        let headline = headlineText(document)
        if let start = cropYearByPlaceBefore(headline), !Self.namesUnitedStates(sentence) { return start }
        // So does a headline naming a place and its crop of `crop-years-by-place` ("EC COMMISSION
        // DECLINES COMMENT ON SUGAR OFFER": "during the 1984-85 campaign" is the EC's July year),
        // when the sentence names no such pair of its own.
        if cropYearStart(sentence, byPlaceOnly: true) == nil, !Self.namesUnitedStates(sentence),
           let start = cropYearStart(headline, byPlaceOnly: true, caseless: true) { return start }
        if Self.splitYearWithoutCrop(sentence, ruleSet.lexicons["crop-years"]), let s = document.sentenceIndex(of: m.span.start) {
            for k in [s - 1, 0, 1] where k >= 0 && k < document.sentences.count && k != s {
                let span = document.sentences[k].span
                if let start = cropYearByPlaceBefore(String(decoding: document.bytes[span.start..<min(span.end, span.start + 600)], as: UTF8.self)) { return start }
            }
        }
        // A bare split year in a commodity story from London, the trading hub, is the crop's when
        // the story speaks of no fiscal year or budget ("exported 1.2 mln tonnes of sugar in
        // 1986/87" is not Britain's April year): the crop its sentence names, else the one named
        // in the sentence before or the story's first two ("Czarnikow also estimated USSR 1986/87
        // production" in a story of Cuban sugar). Elsewhere the place's fiscal year stands ("Japan
        // 1986/87 compound feed output", "barley trade resumed in 2023-24" in a story of
        // Australia's financial year).
        if !season, placeHasFiscalYear {
            let b = document.bytes, head = Array(b.prefix(400))
            guard ["LONDON, ", "London, "].contains(where: { head.starts(with: $0.utf8) || head.firstIndex(of: Array(("\n" + $0).utf8)) != nil }),
                  !["fiscal", "budget", "financial year"].contains(where: { b.containsIgnoringASCIICase(Array($0.utf8)) }) else { return nil }
        }
        if let start = cropYearStart(sentence) { return start }
        // A season, a bare split year in a story from a place without a fiscal year of its own
        // ("They forecast 1986/87 output at a record" in a story of Ivory Coast cocoa) or in a
        // London commodity story: the crop named in the sentence before or in the story's first two.
        guard let s = document.sentenceIndex(of: m.span.start) else { return nil }
        for k in [s - 1, 0, 1] where k >= 0 && k < document.sentences.count && k != s {
            let span = document.sentences[k].span
            if let start = cropYearStart(String(decoding: document.bytes[span.start..<min(span.end, span.start + 600)], as: UTF8.self)) { return start }
        }
        return nil
    }

    /// The first month of the crop year of the section heading nearest before `offset`, within
    /// 40 lines: a line that opens with at most four words naming a crop of `crop-years` and a dash
    /// ("Corn -- Stocks …", "    ALL WHEAT -", "Soybeans -- in mln bushels"); nil without one.
    func sectionHeadingCrop(before offset: Int, _ document: Document) -> Int? {
        let b = document.bytes
        var end = offset
        while end < b.count, b[end] != 0x0A { end += 1 }
        var lineEnd = end
        for _ in 0..<40 {
            var start = lineEnd
            while start > 0, b[start - 1] != 0x0A { start -= 1 }
            var k = start
            while k < lineEnd, b[k] == 0x20 { k += 1 }
            let wordsStart = k
            var words = 0
            while k < lineEnd, TriggerScanner.isLetter(b[k]) {
                words += 1
                while k < lineEnd, TriggerScanner.isLetter(b[k]) || b[k] == 0x2F || b[k] == 0x2E { k += 1 }
                guard k < lineEnd, b[k] == 0x20 else { break }
                k += 1
                if k < lineEnd, b[k] == 0x2D { break }
            }
            if words > 0, words <= 4, k < lineEnd, b[k] == 0x2D, k + 1 >= lineEnd || b[k + 1] == 0x2D || b[k + 1] == 0x20 || b[k + 1] == 0x0D {
                if let m = cropYearStart(String(decoding: b[wordsStart..<k], as: UTF8.self)) { return m }
            }
            guard start > 0 else { return nil }
            lineEnd = start - 1
        }
        return nil
    }

    /// The first month of a crop year of `crop-years-by-place-before` that `text` names: its place
    /// written one to three words before a split year or the crop ("the Soviet 1986/87 wheat
    /// crop", "USSR wheat imports"), the crop named in `text` (nil otherwise).
    func cropYearByPlaceBefore(_ text: String) -> Int? {
        guard let lexicon = ruleSet.lexicons["crop-years-by-place-before"] else { return nil }
        let tokens = text.split { $0 == " " || $0 == "\n" || $0 == "," || $0 == "(" || $0 == ")" }.map { $0.lowercased() }
        let words = Set(text.lowercased().split { !$0.isLetter }.map(String.init))
        for phrase in lexicon.phrases {
            let parts = phrase.lowercased().split(separator: " ").map(String.init)
            guard parts.count == 2, words.contains(parts[1]), let v = lexicon.lookup(phrase), let month = Int(v) else { continue }
            for (k, t) in tokens.enumerated() where t == parts[0] {
                let next = tokens[(k + 1)..<min(tokens.count, k + 4)]
                if next.contains(where: { $0 == parts[1] || Self.isSplitYearToken($0) }) { return month }
            }
        }
        return nil
    }

    /// The story's first line, its headline (at most 200 bytes).
    func headlineText(_ document: Document) -> String {
        let b = document.bytes
        let end = b.prefix(200).firstIndex(of: 0x0A) ?? min(b.count, 200)
        return String(decoding: b[0..<end], as: UTF8.self)
    }

    /// Whether `text` speaks of the United States ("U.S.", "United States", "American").
    static func namesUnitedStates(_ text: String) -> Bool {
        ["U.S.", "United States", "American"].contains { text.contains($0) }
    }

    /// Whether `t` is a split year as written ("1986/87", "1985-86").
    static func isSplitYearToken(_ t: String) -> Bool {
        let b = Array(t.utf8)
        guard b.count >= 6, b.prefix(4).allSatisfy({ (0x30...0x39).contains($0) }), b[4] == 0x2F || b[4] == 0x2D else { return false }
        return b[5...].allSatisfy { (0x30...0x39).contains($0) }
    }

    /// Whether `sentence` names no crop of `crops` (a split year in it takes its crop from around it).
    static func splitYearWithoutCrop(_ sentence: String, _ crops: Lexicon?) -> Bool {
        guard let crops else { return true }
        return !sentence.lowercased().split { !$0.isLetter }.contains { crops.lookup(String($0)) != nil }
    }

    /// The first month of the marketing year of the crop `text` names: a place and crop of
    /// `crop-years-by-place` it names both of ("EC sugar": July), else (unless `byPlaceOnly`) the
    /// first crop of `crop-years` it names as a word (nil when it names none).
    func cropYearStart(_ text: String, byPlaceOnly: Bool = false, caseless: Bool = false) -> Int? {
        guard let lexicon = ruleSet.lexicons["crop-years"] else { return nil }
        let lower = text.lowercased().split { !$0.isLetter }
        if let byPlace = ruleSet.lexicons["crop-years-by-place"] {
            // Places as written (case kept: "EC", "Community"), crops in any case.
            // (A headline in capitals is read without case: "AUSTRALIAN WHEAT".)
            let written = text.split { !$0.isLetter && $0 != "." }.map { $0.hasSuffix(".") ? $0.dropLast() : $0 }
            let words = Set(lower), joined = " " + written.joined(separator: " ") + " "
            let writtenJoined = caseless ? joined.uppercased() : joined
            for phrase in byPlace.phrases {
                let parts = phrase.split(separator: " ")
                let place = " " + parts.dropLast().map { $0.hasSuffix(".") ? $0.dropLast() : $0 }.joined(separator: " ") + " "
                guard let crop = parts.last, parts.count > 1, words.contains(Substring(crop.lowercased())),
                      writtenJoined.contains(caseless ? place.uppercased() : place),
                      let v = byPlace.lookup(phrase), let m = Int(v) else { continue }
                return m
            }
        }
        if byPlaceOnly { return nil }
        for (k, w) in lower.enumerated() {
            // "soybean oil", "soybean meal", "soybean cake": the products' own year (soyoil, soymeal).
            var word = String(w)
            if word.hasPrefix("soybean"), k + 1 < lower.count, let product = ["oil": "soyoil", "meal": "soymeal", "cake": "soymeal"][String(lower[k + 1])] { word = product }
            if let v = lexicon.lookup(word), let m = Int(v) { return m }
        }
        return nil
    }

    /// The text of the sentence holding `m` (at most 600 bytes of it around the mention).
    func sentenceText(of m: Mention, _ document: Document) -> String {
        guard let s = document.sentenceIndex(of: m.span.start) else { return "" }
        let span = document.sentences[s].span
        return String(decoding: document.bytes[max(span.start, m.span.start - 300)..<min(span.end, m.span.end + 300)], as: UTF8.self)
    }

    /// The clause of sentence `s` that holds `span`: from the last clause boundary before it to the
    /// first after it (punctuation and the `clause-openers` lexicon). A clause that is little more
    /// than the date ("On Friday,", "Also Tuesday,") belongs to the clause it introduces; with
    /// `joinTrailing` (for the future cues), a last one to the clause it follows.
    func clause(around span: Span, in document: Document, sentence s: Int, memo: inout TenseMemo, joinTrailing: Bool = false) -> Span {
        let sentence = document.sentences[s].span
        guard let boundary = clauseBoundary else { return sentence }
        let bounds = memo.clauseBoundaries(sentence: s) { document.matchSpans(of: boundary, in: sentence) }.filter { !$0.overlaps(span) }
        var start = sentence.start, end = sentence.end
        var next = bounds.endIndex, opener: Int? = nil
        for (k, b) in bounds.enumerated() {
            if b.end <= span.start { start = b.start; opener = k } else { end = b.start; next = k; break }
        }
        let little = Extractor.words(in: document, start, span.start, upTo: 3) + Extractor.words(in: document, span.end, end, upTo: 3) <= 2
        if next < bounds.endIndex, little {
            end = next + 1 < bounds.endIndex ? bounds[next + 1].start : sentence.end
        }
        // Not one with a verb of its own in the past ("would end the lockout as of tomorrow that
        // started December 14").
        if joinTrailing, little, let k = opener, Extractor.words(in: document, span.end, sentence.end, upTo: 1) == 0,
           pastCues.map({ document.matchSpans(of: $0, in: Span(start, end), limit: 1).isEmpty }) ?? true {
            // A last clause that is little more than the date ("We expect prices to strengthen this
            // year, probably in the third quarter.") belongs to the clause it follows.
            start = k > 0 ? bounds[k - 1].start : sentence.start
        }
        return Span(start, end)
    }

    /// The span a fiscal year the text names ("FY25", "fiscal 2016-17", "the coming fiscal year")
    /// covers in a place whose fiscal year starts in month `fy.start` (nil where it starts in
    /// January). Years are named by the year the fiscal year ends in ("FY25" in India: April 2024
    /// to March 2025), except where the place names them by their first year (Japan's "fiscal
    /// 2025": April 2025 to March 2026; `fiscal-years-named-by-start`). A part of a fiscal year
    /// ("the first half of the fiscal year", "Q1 FY25", "the first five months of the current
    /// fiscal") counts its quarters, halves and months from the fiscal year's first month; "the
    /// fiscal year" alone is the one under way. A part named without its year is the latest one
    /// that has ended, as reports look back ("the first half of the fiscal year" in a July story:
    /// the half ended in December), unless it is told in the future ("expect exports to contract
    /// in the first half of the fiscal year": the half of the fiscal year under way).
    static func fiscalSpan(_ fields: PeriodFields, _ fy: FiscalYear, reference: CalendarDate?, tense: Tense = .past) -> (from: CalendarDate, to: CalendarDate)? {
        guard fy.start > 1 else { return nil }
        let part = fields.quarter != nil || fields.half != nil || fields.firstMonths != nil
        var first: Int? = nil
        // Fiscal years across more than two ("fiscal years 1986-88"): from the first's start to
        // the last's end, each named as the place names its years.
        if let y = fields.year, let y2 = fields.yearTo, y2 > y + 1, !part {
            let from = CalendarDate(year: fy.namedByStart ? y : y - 1, month: fy.start, day: 1)
            return (from, CalendarDate(year: fy.namedByStart ? y2 : y2 - 1, month: fy.start, day: 1).adding(months: 11).lastDayOfMonth)
        }
        if let y = fields.year { first = fields.yearTo != nil || fy.namedByStart ? y : y - 1 }
        else if let r = reference, let off = fields.yearOffset ?? (part ? 0 : nil) { first = (r.month >= fy.start ? r.year : r.year - 1) + off }
        guard let y = first else { return nil }
        var from = CalendarDate(year: y, month: fy.start, day: 1)
        var months = 12
        if let q = fields.quarter, (1...4).contains(q) { from = from.adding(months: 3 * (q - 1)); months = 3 }
        else if let h = fields.half, (1...2).contains(h) { from = from.adding(months: 6 * (h - 1)); months = 6 }
        else if let n = fields.firstMonths, (1...12).contains(n) { months = n }
        var to = from.adding(months: months - 1).lastDayOfMonth
        if part, fields.year == nil, fields.yearOffset == nil, let r = reference, to > r, tense != .future {
            from = from.adding(months: -12); to = from.adding(months: months - 1).lastDayOfMonth
        }
        return (from, to)
    }

    /// The fiscal year of a story's place (`fiscal-years`): its first month, and whether the place
    /// names a fiscal year by the calendar year it starts in (Japan) rather than ends in.
    struct FiscalYear {
        let start: Int
        let namedByStart: Bool
    }

    /// The fiscal year a story states by its last day ("fiscal 1987, which ends March 31", "the
    /// fiscal year ended June 30"): a whole fiscal year read with the month it ends in, when every
    /// such year of the story ends in the same month; nil otherwise. It starts the month after.
    static func statedFiscalYear(_ mentions: [Mention]) -> FiscalYear? {
        var end: Int? = nil
        for m in mentions where m.role == nil {
            guard let f = m.periodFields, f.fiscal, let em = f.fiscalEndMonth, !f.toDate, f.quarter == nil, f.half == nil,
                  f.firstMonths == nil, f.month == nil else { continue }
            let t = m.text.lowercased()
            guard t.contains("fiscal") || t.contains("financial") else { continue }
            if let e = end, e != em { return nil }
            end = em
        }
        return end.flatMap { $0 == 12 ? nil : FiscalYear(start: $0 % 12 + 1, namedByStart: false) }
    }

    /// The fiscal year of the place named last before `span` in its sentence, from `fiscal-years`
    /// (and `fiscal-years-former` by the story's date): "Japan maintains a quota … in fiscal 1987"
    /// in a Washington story is Japan's April year; "The United States was Japan's biggest export
    /// destination in fiscal 2024" is Japan's too. Nil when the sentence names no such place first.
    func fiscalYearNamed(before span: Span, _ document: Document, reference: CalendarDate?) -> FiscalYear? {
        guard let places = fiscalPlaces, let s = document.sentenceIndex(of: span.start) else { return nil }
        let from = max(document.sentences[s].span.start, span.start - 400)
        guard from < span.start, let hit = document.matchSpans(of: places, in: Span(from, span.start), group: "w").last else { return nil }
        return fiscalYear(ofPlace: document.text(hit), reference: reference)
    }

    /// The fiscal year of a place as the text names it ("Japan", "Tokyo", "Indonesian"): from
    /// `fiscal-years`, else from `fiscal-years-former` by the story's date; nil for a place whose
    /// fiscal year is the calendar's or is not listed.
    func fiscalYear(ofPlace place: String, reference: CalendarDate?) -> FiscalYear? {
        guard let start = ruleSet.lexicons["fiscal-years"]?.lookup(place).flatMap({ Int($0) }) ?? formerFiscalStart(place, reference: reference) else { return nil }
        return FiscalYear(start: start, namedByStart: ruleSet.lexicons["fiscal-years-named-by-start"]?.lookup(place) != nil)
    }

    /// The date of a yearless dateline (mention `index`), from the years the story writes (not
    /// anaphors, qualified dates or dates told in the future):
    /// - a part of a year written with its year (a month, a quarter, "the first four months of
    ///   2024") was reported by the dateline's day: the year of its end if the day comes after it,
    ///   else the next ("SEOUL, March 1 -- … exports in February 2025" is 1 March 2025; "Jan. 5 --
    ///   … in December 2024" is 5 January 2025);
    /// - "the same period of 2023" is a year before the story's, and so is a base of the same months
    ///   as a period the story writes without a year ("the first eight months … against $48
    ///   billion in January-August 2023");
    /// - years inside quotation marks are left out (a speaker's forecast: "we see it carrying into
    ///   the first quarter of 2025");
    /// - the story's year is the latest of these; without them, from whole years: with two or
    ///   more, the latest ("fell in 2023 … a target of 6% for 2024", a forecast's year being as
    ///   likely as a report's); one alone is the year before, a completed year being reported
    ///   ("exports in 1986 rose"); a weekday the lede names ("said on Wednesday") then moves it a
    ///   year either way to the year whose dateline day is that weekday. A story that writes only fiscal years ("Q1 FY26",
    ///   "FY25") in a place with its own fiscal year (`fiscalYear`) is dated by the first of them,
    ///   read as that place's fiscal span. Nil when the story writes no year.
    func ledeYearDate(_ mentions: [Mention], dateline index: Int, _ document: Document, fiscalYear: FiscalYear?) -> CalendarDate? {
        guard let f = mentions[index].periodFields, let month = f.month, let day = f.day else { return nil }
        var memo = TenseMemo(sentences: document.sentences.count)
        var partYear: Int? = nil, completedYear: Int? = nil
        var wholeYears = Set<Int>()
        // The month shapes of periods written without a year ("the first eight months"), to tell a
        // year-ago base ("against $48 billion in January-August 2023") from the story's own period.
        var yearlessShapes = Set<[Int]>()
        for m in mentions where m.role == nil {
            // Not resolved yet (there is no reference date): read within any year.
            if let pf = m.periodFields, pf.year == nil, !pf.samePeriod, let p = PeriodResolver.within(year: 2001, pf) { yearlessShapes.insert([p.from.month, p.to.month]) }
        }
        for (j, m) in mentions.enumerated() where j != index {
            guard let pf = m.periodFields, let y = pf.year, pf.yearTo == nil, !pf.fiscal, m.role == nil, m.qualifier == nil || pf.samePeriod,
                  (1000...2999).contains(y), tense(of: m, in: document, memo: &memo) != .future,
                  !Self.isQuoted(m.span, document) else { continue }
            // "(compared with) the same period of 2023": the story's period is of the next year,
            // and the dateline comes after its start (an estimate may come before its end): "Fourth-quarter
            // exports … up 24.1 percent from the same quarter of 2020" under "Taipei, Jan. 7" is
            // 7 January 2022. The period is the nearest month, quarter, half or first months
            // before without a year, in its sentence or the one before.
            if pf.samePeriod {
                var year = y + 1
                var own: PeriodFields? = nil
                if let s = document.sentenceIndex(of: m.span.start) {
                    // Back through this sentence and the one before only.
                    var k = j - 1
                    while k >= 0, let t = document.sentenceIndex(of: mentions[k].span.start), t >= s - 1 {
                        if k != index, mentions[k].role == nil, let af = mentions[k].periodFields, af.year == nil, !af.samePeriod,
                           af.weekday == nil, af.day == nil, af.month != nil || af.quarter != nil || af.half != nil || af.firstMonths != nil {
                            own = af
                            break
                        }
                        k -= 1
                    }
                }
                if let own, let p = PeriodResolver.within(year: y + 1, own),
                   let d = CalendarDate(validYear: y + 1, month: month, day: day), d < p.from {
                    year = y + 2
                }
                partYear = max(partYear ?? year, year)
                continue
            }
            guard let p = PeriodResolver.within(year: y, pf) else { continue }
            if p.from.month == 1 && p.from.day == 1 && p.to.month == 12 && p.to.day == 31 && p.from.year == p.to.year {
                wholeYears.insert(y)
                // A whole year told with a verb in the past ("exports surged to a record in 2021")
                // has ended: the dateline comes after it, whatever older month the story names
                // ("the deal signed in January 2020").
                if isMarkedPast(m.span, in: document, memo: &memo) { completedYear = max(completedYear ?? y, y) }
            } else if let sameYear = CalendarDate(validYear: p.to.year, month: month, day: day) {
                var year = sameYear >= p.to ? p.to.year : p.to.year + 1
                // A base of the same months as a period the story gives without a year is the year before.
                if Self.isComparisonBase(m, document), yearlessShapes.contains([p.from.month, p.to.month]) { year = max(year, y + 1) }
                partYear = max(partYear ?? year, year)
            }
        }
        if let y = partYear { return CalendarDate(validYear: max(y, completedYear.map { $0 + 1 } ?? y), month: month, day: day) }
        if var y = wholeYears.count >= 2 ? wholeYears.max().map({ max($0, completedYear.map { $0 + 1 } ?? $0) }) : wholeYears.first.map({ $0 + 1 }) {
            // Whole years are weak evidence: a weekday the lede gives the report ("said on
            // Wednesday") picks, of the year found and the years either side, the one whose
            // dateline day is that weekday.
            if let w = ledeWeekday(mentions, dateline: index, document),
               CalendarDate(validYear: y, month: month, day: day)?.weekday != w,
               let fit = [y - 1, y + 1].first(where: { CalendarDate(validYear: $0, month: month, day: day)?.weekday == w }) {
                y = fit
            }
            return CalendarDate(validYear: y, month: month, day: day)
        }
        guard let fy = fiscalYear else { return nil }
        for (j, m) in mentions.enumerated() where j != index {
            guard let pf = m.periodFields, pf.fiscal, pf.year != nil, !pf.samePeriod, m.role == nil, m.qualifier == nil,
                  let span = Self.fiscalSpan(pf, fy, reference: nil),
                  let sameYear = CalendarDate(validYear: span.to.year, month: month, day: day) else { continue }
            let after = sameYear >= span.to ? sameYear : CalendarDate(validYear: span.to.year + 1, month: month, day: day)
            // A fiscal year told as under way ("so far in FY23"), or one the dateline would come
            // more than four months after (a September story naming only FY23 is of FY23, not of a
            // year whose annual figures came out in April): the dateline falls within it.
            if let within = [span.from.year, span.to.year].compactMap({ CalendarDate(validYear: $0, month: month, day: day) })
                .first(where: { $0 >= span.from && $0 <= span.to }),
               pf.toDate || after.map({ $0 > span.to.adding(months: 4) }) ?? false {
                return within
            }
            return after
        }
        return nil
    }

    /// The one weekday named in the dateline's sentence and the next ("… said on Wednesday"), the
    /// day the report came out; nil when none or several are named.
    func ledeWeekday(_ mentions: [Mention], dateline index: Int, _ document: Document) -> Int? {
        let first = document.sentenceIndex(of: mentions[index].span.start) ?? 0
        var found: Set<Int> = []
        for m in mentions {
            guard let s = document.sentenceIndex(of: m.span.start), s >= first else { continue }
            if s > first + 1 { break }
            if let w = m.periodFields?.weekday, m.periodFields?.weekOffset == nil { found.insert(w) }
        }
        return found.count == 1 ? found.first : nil
    }

    /// "The past six months", "the last 12 months", "the past year" after a month or quarter the
    /// story reports ("The February fall … continued the downward trend seen in the past six
    /// months"): the whole months that end with that period (September to February), not the days
    /// to the dateline. The period is the month or quarter the headline or lede reports (not a
    /// base month named nearer, "after a 9.8 pct rise in January"), else the nearest month or
    /// quarter before the stretch in its sentence or the two before; it must have ended by the
    /// reference date and within the year before it. A year, or a period further back ("a
    /// 40 pct premium over the stock price over the past year" after Shell's 1985 bid), leaves
    /// the stretch on the dateline. Days and weeks always end on the dateline.
    func trailingStretches(_ mentions: inout [Mention], _ document: Document, reference: CalendarDate?) {
        guard let r = reference else { return }
        var reported: ResolvedPeriod?? = nil
        for i in mentions.indices {
            guard case let .calendar(f, _) = mentions[i].value, let n = f.trailing, let unit = f.trailingUnit,
                  [.month, .quarter, .year].contains(unit), n > 1 || unit != .month else { continue }
            let here = document.sentenceIndex(of: mentions[i].span.start) ?? 0
            // A month, a quarter, or whole months to one ("the first three quarters of 2024").
            func fits(_ p: ResolvedPeriod) -> Bool {
                ([.month, .quarter, .half].contains(p.granularity) || p.granularity == .span && p.from.day == 1 && p.to == p.to.lastDayOfMonth)
                    && p.to <= r && p.to >= r.adding(months: -13)
            }
            if reported == nil {
                var found: ResolvedPeriod? = nil
                for unit in [ResolvedPeriod.Granularity.month, .quarter, .span] {
                    if let p = reportedPeriod(mentions, document, unit: unit), fits(p) { found = p; break }
                }
                reported = .some(found)
            }
            var end: ResolvedPeriod? = reported ?? nil
            var j = i - 1
            while end == nil, j >= 0 {
                let m = mentions[j]
                j -= 1
                guard let s = document.sentenceIndex(of: m.span.start) else { continue }
                if s < here - 2 { break }
                guard m.type == .date || m.type == .period, m.role == nil, m.qualifier == nil, let g = m.periodFields,
                      !g.samePeriod, g.trailing == nil, let p = m.period else { continue }
                if fits(p) { end = p }
                break
            }
            guard let e = end, let p = PeriodResolver.trailingMonths(n, unit, endingWith: e) else { continue }
            mentions[i].value = .calendar(fields: f, resolved: p)
        }
    }

    /// The period a story reports, for an anaphor with no antecedent near it ("the previous
    /// month" far from any month): the first period of granularity `unit` (any but a day without
    /// one) in the headline, the dateline's sentence or the sentence after it (the lede), other
    /// than the dateline and anaphors. In a story dated 12 October reporting September figures,
    /// "the previous month" is then August, not September.
    func reportedPeriod(_ mentions: [Mention], _ document: Document, unit: ResolvedPeriod.Granularity?) -> ResolvedPeriod? {
        reportedMention(mentions, document, unit: unit).flatMap { mentions[$0].period }
    }

    /// The latest month of the reference date's year named in the story that has ended by the
    /// reference date ("money supply grew 17 pct in March" in a story of 9 April whose lede names
    /// no period): the latest month a story reports, for "so far this year" when its headline and
    /// lede name none.
    /// Only a month whose sentence gives a figure (money or a percentage) counts: "Seoul announced
    /// in January the lifting of bans" reports nothing.
    func latestEndedMonth(_ mentions: [Mention], _ document: Document, reference r: CalendarDate) -> ResolvedPeriod? {
        var figureSentences = Set<Int>()
        for m in mentions where (m.type == .money || m.type == .percent) && !m.latent {
            if let s = document.sentenceIndex(of: m.span.start) { figureSentences.insert(s) }
        }
        var latest: ResolvedPeriod? = nil
        for m in mentions where m.role == nil && m.qualifier == nil {
            guard let f = m.periodFields, f.month != nil, f.day == nil, !f.samePeriod, !f.fiscal, let p = m.period,
                  p.granularity == .month, p.from.year == r.year, p.to < r,
                  let s = document.sentenceIndex(of: m.span.start), figureSentences.contains(s) else { continue }
            if latest.map({ p.to > $0.to }) ?? true { latest = p }
        }
        return latest
    }

    /// The index of the mention that gives ``reportedPeriod(_:_:unit:)``.
    func reportedMention(_ mentions: [Mention], _ document: Document, unit: ResolvedPeriod.Granularity?) -> Int? {
        let datelineSentence = mentions.first { $0.role == "dateline" }.flatMap { document.sentenceIndex(of: $0.span.start) } ?? 0
        for (i, m) in mentions.enumerated() {
            guard let s = document.sentenceIndex(of: m.span.start) else { continue }
            if s > datelineSentence + 1 { break }
            // Not a stretch to the dateline ("wage pacts signed so far this year").
            guard m.role == nil, m.qualifier == nil, let f = m.periodFields, !f.samePeriod, !(f.toDate && f.month == nil), let p = m.period else { continue }
            // Nor an accord named by its month ("uphold the December agreement"): no figures' period.
            if f.month != nil, Self.accordAfter(m.span.end, in: document.bytes) { continue }
            if unit.map({ p.granularity == $0 }) ?? (p.granularity != .day) { return i }
        }
        return nil
    }

    /// "Last February" in a story that reports February ("Spain had a 35 mln dlr current account
    /// surplus in February … imports were 46 pct higher than last February"): the reported month's
    /// year-ago month, for a story would not name the month it reports "last February". Only a
    /// month named with "last" and no year or day, when the reported month (found by
    /// ``reportedPeriod(_:_:unit:)`` in another mention) is the one it was read as.
    func lastMonthOfReported(_ mentions: inout [Mention], _ document: Document) {
        guard mentions.contains(where: { m in
            m.periodFields.map { $0.month != nil && $0.year == nil && $0.day == nil && $0.yearOffset == nil && !$0.samePeriod } ?? false
                && Self.opensWithLast(m.text)
        }), let k = reportedMention(mentions, document, unit: .month), !Self.opensWithLast(mentions[k].text),
              // A month named ("February"), not counted back ("four months ago").
              mentions[k].periodFields?.month != nil,
              let reported = mentions[k].period else { return }
        let b = document.bytes
        for i in mentions.indices {
            guard case let .calendar(f, p?) = mentions[i].value, f.month != nil, f.year == nil, f.day == nil, f.yearOffset == nil,
                  !f.samePeriod, mentions[i].role == nil, Self.opensWithLast(mentions[i].text),
                  p.granularity == .month, p.from == reported.from, p.to == reported.to else { continue }
            // Not "in the last March week" (the last week of March).
            if Self.wordBefore(mentions[i].span.start, in: b, is: "the") { continue }
            mentions[i].value = .calendar(fields: f, resolved: p.shifted(years: -1))
        }
    }

    /// Whether an anaphor's words name one month ("the same month last year", not "months").
    static func namesOneMonth(_ text: String) -> Bool {
        text.lowercased().split { !$0.isLetter }.contains("month")
    }

    /// Whether a mention's text opens with the word "last" ("last February", "Last\nMay").
    static func opensWithLast(_ text: String) -> Bool {
        var u = text.utf8.makeIterator()
        for c in "last".utf8 { guard let x = u.next(), x | 0x20 == c else { return false } }
        return u.next().map(TriggerScanner.isSpace) ?? false
    }

    /// Whether `span` is an index's base period: after "base" ("base 1980", "Base: 1980") or before
    /// "=100" ("1980=100", "1973-74 = 100").
    static func isIndexBase(_ span: Span, _ b: [UInt8]) -> Bool {
        var i = span.start
        while i > 0, b[i - 1] == 0x20 || b[i - 1] == 0x0A || b[i - 1] == 0x3A || b[i - 1] == 0x28 { i -= 1 }
        if b.hasPrefixIgnoringASCIICase(baseWord, at: i - 4), i == 4 || !TriggerScanner.isLetter(b[i - 5]) { return true }
        var j = span.end
        while j < b.count, b[j] == 0x20 { j += 1 }
        guard j < b.count, b[j] == 0x3D else { return false }
        j += 1
        while j < b.count, b[j] == 0x20 { j += 1 }
        return b.hasPrefixIgnoringASCIICase(hundredDigits, at: j)
    }
    static let baseWord = Array("base".utf8), hundredDigits = Array("100".utf8)

    /// How many sentences back an anaphoric period looks for its antecedent.
    static let antecedentReach = 8

    /// The period a "same period" mention refers back to: the nearest earlier period in the same
    /// sentence, else the first one after it in the same sentence ("up 24% from a year earlier to $11
    /// billion in the first quarter"), else the nearest in the ``antecedentReach`` previous sentences;
    /// never a comparison base, an open anchor or a period shifted from another ("a year earlier"), nor
    /// a single day. With `unit`, only a period of that granularity qualifies ("the quarter" refers back
    /// to a quarter); with `anyWithinYear`, any period within one year, a day included ("that year").
    func antecedentPeriod(before index: Int, _ mentions: [Mention], _ document: Document, unit: ResolvedPeriod.Granularity? = nil,
                          anyWithinYear: Bool = false, reference: CalendarDate? = nil, partOfYear: Bool = false, memo: inout TenseMemo) -> ResolvedPeriod? {
        let here = document.sentenceIndex(of: mentions[index].span.start) ?? 0
        func sentence(_ j: Int) -> Int { document.sentenceIndex(of: mentions[j].span.start) ?? 0 }
        let opensSentence = document.sentences.indices.contains(here)
            && !document.bytes[document.sentences[here].span.start..<mentions[index].span.start].contains { TriggerScanner.isLetter($0) || (0x30...0x39).contains($0) }
        func candidate(_ j: Int) -> ResolvedPeriod? {
            let m = mentions[j]
            // An index's base year ("The index for manufacturing, base 1980, fell …", "1980=100")
            // is no period a figure is compared with.
            if Self.isIndexBase(m.span, document.bytes) { return nil }
            // An anaphor that names the same period ("the quarter") can be referred back to; a shifted one ("a year earlier") cannot.
            let f = m.periodFields
            // "The nine months" (the months up to the one reported, no year named) is not shifted.
            let shifted = (f?.samePeriod ?? false) && !(f?.yearOffset == 0 && f?.year == nil)
                && !(f?.monthsToDate != nil && f?.yearOffset == nil && f?.year == nil)
            // A comparison refers back to a reported figure's period: one that began by the reference date
            // (in a story of 26 October 1989, "the third quarter of 1990" is a forecast, not the figure compared).
            // The same period unshifted ("its April-June estimate … the estimate for the same
            // period was revised") may be one ahead.
            let unshifted = mentions[index].rule == "period.same-period-bare"
            if let p = m.period, let r = reference, p.from > r, sentence(j) != here, !unshifted { return nil }
            // Nor, for an anaphor of no unit ("the period", "a year earlier"), a period told in the
            // future in another sentence ("CAAM expects exports this year to top 5.5 million units.
            // … exported over the period": the first ten months reported). One of a unit may ("The
            // third-quarter profit will be below … It earned $376,000 in the 2024 quarter").
            // A period that ended before the reference date is no forecast, whatever its clause's
            // tense ("will seek clarification about its decision to freeze prices from January to
            // early April. … during the period"); "the year" and a year-ago comparison still ask for
            // one told as past.
            let endedBefore = (mentions[index].periodFields.map { !$0.wholeYear && ($0.yearOffset ?? 0) == 0 } ?? false)
                && (reference.map { r in m.period.map { $0.to < r } ?? false } ?? false)
            if unit == nil, sentence(j) != here, m.periodFields?.samePeriod != true, !endedBefore,
               (m.periodFields?.tense ?? tense(of: m, in: document, memo: &memo)) == .future { return nil }
            // A part of a month ("at the end of the month", "late March") stands for its month
            // when "the month" refers back ("… at the end of the month … over the first 29 days
            // of the month": March's).
            // Not the day a stock is dated ("M2 at 229.3 billion at end-December").
            if unit == .month, mentions[index].periodFields?.monthsToDate == nil, let f, let part = f.monthPart,
               PeriodResolver.monthValuedParts.contains(part), f.day == nil, f.monthTo == nil, m.role == nil,
               f.monthOffset != nil || f.month != nil && ["early", "mid", "late"].contains(part),
               m.qualifier != "since", m.qualifier != "until", let p = m.period, p.from.year == p.to.year, p.from.month == p.to.month {
                let first = CalendarDate(year: p.from.year, month: p.from.month, day: 1)
                return ResolvedPeriod(from: first, to: first.lastDayOfMonth, value: String(first.iso.prefix(7)), granularity: .month)
            }
            // A part of the month ("delayed until mid-month" after "around March 15") refers back
            // to the month of a day named in its sentence or the one before.
            if unit == .month, let a = mentions[index].periodFields, a.monthShift == 0, let part = a.monthPart, ["early", "mid", "late"].contains(part),
               m.role == nil, m.qualifier == nil, let p = m.period, p.from == p.to, sentence(j) >= here - 1 {
                let first = CalendarDate(year: p.from.year, month: p.from.month, day: 1)
                return ResolvedPeriod(from: first, to: first.lastDayOfMonth, value: String(first.iso.prefix(7)), granularity: .month)
            }
            // The month a period named before it ended in ("fiscal year 2015/2016, which ended in
            // June, from $39.3 billion a year earlier"): that period is what is referred back to.
            if let f, f.month != nil, f.day == nil, f.year == nil, Self.wordBefore(m.span.start, in: document.bytes, is: "in"),
               ["ended", "ending", "ends"].contains(where: { Self.wordBefore(Self.startOfWordBefore(m.span.start, in: document.bytes), in: document.bytes, is: $0) }) {
                return nil
            }
            // "through the first nine months": a stretch from a year's start runs over the months.
            let overStretch = m.qualifier == "until" && m.period.map { $0.from.month == 1 && $0.from.day == 1 && $0.granularity == .span } ?? false
            // "from January to early April": the range's own "from", not a base's.
            let fromRange = m.qualifier == "from" && (f?.monthTo != nil || f?.dayTo != nil)
            guard let p = m.period, m.role == nil, m.qualifier == nil || overStretch || fromRange, !shifted,
                  unit == nil || p.granularity == unit || Self.spans(p, unit!) || unit == .span && [.quarter, .half].contains(p.granularity) else { return nil }
            // A year-earlier comparison does not move last year back again from another sentence
            // ("Last year catastrophe losses totaled $5 million … The year-earlier results have been
            // restated": the quarter reported, a year before).
            if let a = mentions[index].periodFields, a.samePeriod, a.yearOffset == -1, !a.wholeYear, sentence(j) != here,
               let f, !f.samePeriod, (f.yearOffset ?? 0) < 0, p.granularity == .year { return nil }
            // "that year" may refer back to a day ("On May 22, 1995, … and the following year …"); a comparison may not.
            // …or to a fiscal year of twelve months ("expected to widen in fiscal 1987/88 … its
            // export target for the year").
            if anyWithinYear { return p.from.year == p.to.year || Self.isTwelveMonths(p) && (f?.fiscal == true || f?.fiscalYearStart != nil || f?.yearTo != nil) ? p : nil }
            // A twelve-month range written out in the sentence ("the 12-month period Jan-Dec, 1986
            // … the same period in 1985") is the stretch it refers back to.
            if partOfYear && (p.granularity == .year || Self.isTwelveMonths(p)) && !(f?.monthTo != nil && sentence(j) == here) { return nil }
            // A week's anaphor asks for a day ("rose last Friday from the previous week"), in its
            // sentence or one before.
            if unit == .day { return p.from == p.to ? p : nil }
            // A stock dated at a month's end, before a year-earlier comparison in its sentence or
            // the one before ("as of December 31, its reserves rose … from 3.45 mln barrels a year
            // ago"; "Outstanding savings on December 31, 1986 totalled … Funds in investment trusts
            // … up 37.4 pct from a year earlier"): that day a year before. Not the last day of a
            // period ("the third quarter ended December 31 … a year before": the quarter's).
            if p.from == p.to, p.to == p.to.lastDayOfMonth, j < index, sentence(j) >= here - 1, m.role == nil,
               mentions[index].rule == "period.year-earlier", let a = mentions[index].periodFields, a.anaphorUnit == nil, !a.wholeYear,
               let f, f.month != nil, f.day != nil, f.monthPart == nil, f.weekday == nil, p.to != reference, !["ended", "ending", "to", "through", "thru"].contains(where: { Self.wordBefore(m.span.start, in: document.bytes, is: $0) }) { return p }
            // Nor a single day, whatever its TIMEX granularity, in another sentence ("end-Nov stocks
            // dropped … Export earnings were up 21.6 pct from a year earlier": November's); in its own
            // sentence a stock's day may be ("reserves at end-March … against … a year earlier").
            // An anaphor opening its sentence refers to the one before, a stock's day too ("… to
            // 26,300 at end-March. A year earlier the figure was 28,763.").
            return p.granularity != .day && (p.from != p.to || sentence(j) == here || opensSentence && sentence(j) == here - 1) ? p : nil
        }
        // Mentions are in text order: the walks stop at the sentence's edges (walking on over the
        // whole document for each anaphor made a long text quadratic).
        // The period of a reported figure, not the base it was compared with ("rose to 8.27 billion
        // dlrs in March from 6.48 billion in February and 7.03 billion a year ago": March's year
        // ago; "… to A$5.09 billion in December from A$6.79 billion in November. Coal exports …
        // down 9.7% from a month earlier": December's month earlier); a base only when nothing
        // else is near. A period later in the sentence counts when it is close (a dozen words).
        var base: ResolvedPeriod? = nil
        let yearAgo = mentions[index].periodFields.map { $0.samePeriod && $0.yearOffset == -1 && $0.anaphorUnit == nil && !$0.wholeYear } ?? false
        for j in stride(from: index - 1, through: 0, by: -1) {
            let s = sentence(j)
            if s < here { break }
            if s == here, let p = candidate(j) {
                if !Self.isComparisonBase(mentions[j], document) { return p }
                base = base ?? p
            }
        }
        for j in (index + 1)..<max(index + 1, mentions.count) {
            let s = sentence(j)
            if s > here || mentions[j].span.start - mentions[index].span.end > 160
                || Extractor.words(in: document, mentions[index].span.end, mentions[j].span.start, upTo: 13) > 12 { break }
            if s == here, let p = candidate(j) {
                if !Self.isComparisonBase(mentions[j], document) { return p }
                base = base ?? p
            }
        }
        for j in stride(from: index - 1, through: 0, by: -1) {
            let s = sentence(j)
            if s == here { continue }
            if here - s > Self.antecedentReach { break }
            if let p = candidate(j) {
                // A part of last year named in another sentence ("In June last year France had a
                // surplus") is a year-ago comparison, not the period reported.
                let lastYears = (mentions[j].periodFields?.yearOffset ?? 0) < 0 && !Self.isTwelveMonths(p) && p.granularity != .year
                // A year-ago comparison does not move back a period that is itself the year before
                // one reported earlier ("narrowed … in 2016 … from Sh1.75 trillion in 2015 … The
                // deficit stood at Sh1.19 trillion in 2015. … improved to 35.0 per cent from 32.1
                // per cent a year earlier": 2015, the year before 2016). Looked for among the 40
                // mentions before it, so that the walk stays linear.
                let baseYear = yearAgo && (max(0, j - 40)..<j).contains { k in
                    mentions[k].role == nil && mentions[k].qualifier == nil && mentions[k].periodFields?.samePeriod != true
                        && mentions[k].period.map { $0.shifted(years: -1) == p } ?? false && !Self.isComparisonBase(mentions[k], document)
                }
                if !baseYear && !Self.isComparisonBase(mentions[j], document) && !Self.isBackground(mentions[j], document) && !lastYears
                    && (unit != nil || !Self.isAside(mentions[j], document)) { return p }
                base = base ?? p
            }
        }
        return base
    }

    /// Whether a month or its early, middle or late days ("in mid-March", "last month") stand in the
    /// sentence of mention `index` (or, with `orTheOneBefore`, in the sentence before it); not a
    /// day or a year's end ("at the end of 1985").
    func monthInSentence(of index: Int, _ mentions: [Mention], _ document: Document, orTheOneBefore: Bool = false) -> Bool {
        func namesMonth(_ m: Mention) -> Bool {
            guard m.role == nil, let p = m.period, let f = m.periodFields, !f.samePeriod else { return false }
            return p.granularity == .month || f.month != nil && f.day == nil && ["early", "mid", "late"].contains(f.monthPart ?? "")
        }
        let s = document.sentenceIndex(of: mentions[index].span.start)
        var j = index - 1
        while j >= 0, let sj = document.sentenceIndex(of: mentions[j].span.start), sj == s || orTheOneBefore && s.map({ sj == $0 - 1 }) ?? false {
            if namesMonth(mentions[j]) { return true }
            j -= 1
        }
        j = index + 1
        while j < mentions.count, document.sentenceIndex(of: mentions[j].span.start) == s {
            if namesMonth(mentions[j]) { return true }
            j += 1
        }
        return false
    }

    /// The months that head figures in a table (`period.month-figure`), in a run: on one line ("Linseed
    /// prev 34.8, Feb 32.9, Mar 6.8, Apr 6.3"), or one to a line on lines that follow each other (a
    /// futures table "May 152.8 …\n Aug 156.8 …\n Oct 160.0 …\n Dec 161.0"), with no other period
    /// between. The first is read as any month is; each after it is the first such month at or after
    /// the one before, so a run of positions goes on into the next year ("… Oct, Dec, Mar": the
    /// coming March) and a run of past months stays in their year. A new row of a table of several
    /// months to a line starts again.
    func monthRows(_ mentions: inout [Mention], _ document: Document) {
        let rows = mentions.indices.filter { mentions[$0].rule == "period.month-figure" }
        guard rows.count > 1 else { return }
        let lineOf = Dictionary(uniqueKeysWithValues: rows.map { ($0, document.lineIndex.lineIndex(of: mentions[$0].span.start)) })
        var perLine: [Int: Int] = [:]
        for i in rows { perLine[lineOf[i]!, default: 0] += 1 }
        var previous: (line: Int, month: ResolvedPeriod)? = nil
        for i in mentions.indices where mentions[i].type.isCalendar {
            guard let line = lineOf[i], let p = mentions[i].period, p.granularity == .month else { previous = nil; continue }
            if let (l, before) = previous, l == line || l == line - 1 && perLine[l] == 1 && perLine[line] == 1 {
                var next = p.shifted(years: before.from.year - p.from.year)
                if next.from < before.from { next = next.shifted(years: 1) }
                if next != p, case let .calendar(fields, _) = mentions[i].value {
                    mentions[i].value = .calendar(fields: fields, resolved: next)
                }
                previous = (line, next)
            } else {
                previous = (line, p)
            }
        }
    }

    /// A quarter or half with no year followed by its fiscal code in brackets ("the first quarter
    /// (Q1FY25)", "the first half (H1FY25)"): the bracket's fiscal part, which it names.
    func bracketedFiscalParts(_ mentions: inout [Mention], _ document: Document) {
        let b = document.bytes
        var previous: Int? = nil
        for i in mentions.indices where mentions[i].type.isCalendar {
            defer { previous = i }
            guard let h = previous, case let .calendar(f, _) = mentions[h].value, f.year == nil, f.yearOffset == nil, !f.fiscal,
                  f.quarter != nil || f.half != nil,
                  case let .calendar(g, p?) = mentions[i].value, g.fiscal || g.fiscalYearStart != nil, g.quarter == f.quarter, g.half == f.half,
                  mentions[h].span.end < mentions[i].span.start,
                  b[mentions[h].span.end..<mentions[i].span.start].filter({ $0 != 0x20 && $0 != 0x0A }) == [0x28],
                  mentions[i].span.end < b.count, b[mentions[i].span.end] == 0x29 else { continue }
            var own = f
            own.fiscal = true
            mentions[h].value = .calendar(fields: own, resolved: p)
        }
    }

    /// Months in brackets right after a period of one year that they explain ("the 1987 quota year
    /// (January-December)", "fiscal 1988 (October-September)" is not one year and is left): that
    /// year's months, whatever the clause's tense says.
    func bracketedMonths(_ mentions: inout [Mention], _ document: Document) {
        let b = document.bytes
        var previous: Int? = nil
        for i in mentions.indices where mentions[i].type.isCalendar {
            defer { previous = i }
            guard let j = previous, case let .calendar(fields, p?) = mentions[i].value, fields.year == nil, fields.yearOffset == nil,
                  fields.month != nil, !fields.samePeriod, let q = mentions[j].period, q.from.year == q.to.year, p.from.year == p.to.year,
                  p.from.year != q.from.year else { continue }
            // "(" right before this mention, and at most one word (and spaces) between the earlier
            // period and the bracket ("the 1987 quota year (").
            var k = mentions[i].span.start
            while k > 0, b[k - 1] == 0x20 { k -= 1 }
            guard k > 0, b[k - 1] == 0x28 else { continue }
            let gap = b[mentions[j].span.end..<(k - 1)]
            guard gap.count <= 24, gap.split(whereSeparator: { $0 == 0x20 || $0 == 0x0A }).count <= 2 else { continue }
            mentions[i].value = .calendar(fields: fields, resolved: p.shifted(years: q.from.year - p.from.year))
        }
    }

    /// Years written across two years in a story that says which months one of them runs over
    /// (`split-year-months-after`: "coffee exports are forecast to dip in 1987/88 (April-March)",
    /// "the 1986/87 season (October/September)", "the fiscal year 1987/88 beginning today" in a
    /// story of March 1): every such year of the story runs over those months, whatever its place's
    /// or its crop's default; a fiscal year named relative to the reference date ("the previous
    /// fiscal year") too, when every statement of the story agrees; a split year with its own
    /// statement runs over its own months.
    func statedSplitYears(_ mentions: inout [Mention], _ document: Document, reference: CalendarDate?) {
        guard let after = splitYearMonthsAfter else { return }
        func isSplit(_ f: PeriodFields) -> Bool {
            guard let y = f.year, f.yearTo == y + 1 else { return false }
            return f.month == nil && f.monthTo == nil && f.quarter == nil && f.half == nil && f.firstMonths == nil && f.day == nil && !f.samePeriod
        }
        // The first month each split year's own statement names; a season of its own months
        // ("the 1986/87 crushing season (September-April)") is no year and stops the reading.
        var own: [Int: Int] = [:]
        var endStated = false
        for i in mentions.indices where mentions[i].type.isCalendar {
            guard let f = mentions[i].periodFields, isSplit(f) else { continue }
            let end = mentions[i].span.end
            guard let m = document.matchSpans(of: after, in: Span(end, min(document.bytes.count, end + 80)), limit: 1).first else { continue }
            let text = String(decoding: document.bytes[m.start..<m.end], as: UTF8.self)
            if text.split(whereSeparator: { !$0.isLetter }).contains(where: { $0.lowercased() == "today" }) {
                if let r = reference { own[i] = r.month }
                continue
            }
            // After the bracket's opening, or the verb: the months named.
            let tail = text.firstIndex(of: "(").map { String(text[$0...]) } ?? text
            let words = tail.split { !$0.isLetter }
            let months = words.compactMap { Numbers.month(String($0)) }
            guard let a = months.first else { continue }
            // The month it ends in ("the 1985/86 wheat year ended September 30"): it began the month
            // after.
            if !tail.contains("("), words.contains(where: { ["ended", "ending", "ends"].contains($0.lowercased()) }) {
                own[i] = a % 12 + 1
                endStated = true
                continue
            }
            if months.count >= 2, months[1] != (a == 1 ? 12 : a - 1) { return }
            own[i] = a
        }
        // The other split years of the story run over the stated months when every statement
        // agrees ("French 1986/87 (July/June) soft wheat … 1985/86 (August/July)" gives each its own).
        let stated = Set(own.values)
        let shared = stated.count == 1 ? stated.first : nil
        guard !own.isEmpty else { return }
        // A story about a crop (its headline names one) whose split year is stated.
        let headline = document.lineIndex.span(ofLine: 1, in: document.bytes)
        let cropStory = Self.isSeason(String(decoding: document.bytes[headline.start..<headline.end], as: UTF8.self), crops: true)
        for i in mentions.indices where mentions[i].type.isCalendar {
            guard case let .calendar(f, old?) = mentions[i].value, let s = own[i] ?? shared, s > 1 else { continue }
            var first: Int
            if isSplit(f), let y = f.year {
                first = y
            } else if f.fiscal, f.year == nil, let off = f.yearOffset, f.month == nil, f.quarter == nil, f.half == nil, !f.samePeriod, let r = reference {
                first = (r.month >= s ? r.year : r.year - 1) + off
            } else if mentions[i].rule == "period.relative-year", !f.fiscal, f.year == nil, let off = f.yearOffset, f.month == nil, let r = reference,
                      endStated && cropStory
                        || Self.isSeason(sentenceText(of: mentions[i], document), crops: true)
                        && lastCalendarMention(before: i, mentions, document, where: { $0.periodFields.map(isSplit) ?? false }) != nil {
                // "This year", "last year" and "the current year" of a crop whose year the story
                // states ("Indonesia's coffee output in 1986/87, ending September 30, is expected to
                // fall slightly from last year's level"): its years, counted from the one under way,
                // after a split year in a sentence about the crop, or anywhere in a story whose
                // headline names the crop and which says when its year ends.
                first = (r.month >= s ? r.year : r.year - 1) + off
            } else { continue }
            var from = CalendarDate(year: first, month: s, day: 1)
            var to = from.adding(months: 11).lastDayOfMonth
            // Its first or last day ("the start of the 1986/87 marketing year ending July 31").
            if ["start", "beginning"].contains(f.monthPart) { to = from } else if f.monthPart == "end" { from = to }
            guard from != old.from || to != old.to else { continue }
            var g = f
            if g.fiscal { g.fiscalYearStart = s }
            mentions[i].value = .calendar(fields: g, resolved: ResolvedPeriod(from: from, to: to, value: from == to ? from.iso : "\(first)/\(first + 1)",
                                                                              granularity: from == to ? .day : .span))
        }
    }

    /// A run of months written with a slash and no year ("April/May") named again in the story is
    /// the run named first: a shipment position stays one position ("bought cargoes for April/May
    /// shipment … sold single cargoes at 237.35 dlrs for April/May", though the second clause's
    /// verb is past).
    func repeatedMonthRuns(_ mentions: inout [Mention]) {
        var first: [String: ResolvedPeriod] = [:]
        for i in mentions.indices where mentions[i].rule == "period.month-slash" {
            guard case let .calendar(fields, resolved?) = mentions[i].value, fields.year == nil, fields.dayTo == nil else { continue }
            let key = mentions[i].text.lowercased().filter { !$0.isWhitespace }
            if let p = first[key] {
                if p != resolved { mentions[i].value = .calendar(fields: fields, resolved: p) }
            } else {
                first[key] = resolved
            }
        }
    }

    /// For a plural anaphor ("the same months last year", "the respective year-ago months") whose
    /// antecedent is one month: the run of consecutive months named before it in its sentence that
    /// ends with that month ("in July and August … the same months last year": July–August), else
    /// the month alone.
    /// Whether `month`, the antecedent of mention `index`, is the second of two months joined by
    /// "and" alone ("hit 100 mln tonnes in January and February, up from 97.3 mln a year earlier"):
    /// one figure for both, so "a year earlier" is both months a year back.
    func isMonthPair(endingWith month: ResolvedPeriod, before index: Int, _ mentions: [Mention], _ document: Document) -> Bool {
        guard month.granularity == .month, let j = lastCalendarMention(before: index, mentions, document, where: { $0.role == nil && $0.period == month }),
              j > 0, mentions[j - 1].type.isCalendar, mentions[j - 1].role == nil, let p = mentions[j - 1].period, p.granularity == .month,
              p.from.adding(months: 1) == month.from, mentions[j - 1].span.end < mentions[j].span.start else { return false }
        let gap = document.bytes[mentions[j - 1].span.end..<mentions[j].span.start].filter { $0 != 0x20 && $0 != 0x0A }
        return gap.elementsEqual("and".utf8)
    }

    func monthRun(endingWith month: ResolvedPeriod, before index: Int, _ mentions: [Mention], _ document: Document) -> ResolvedPeriod {
        guard month.granularity == .month else { return month }
        let s = document.sentenceIndex(of: mentions[index].span.start)
        var first = month.from, found = false
        for j in stride(from: index - 1, through: 0, by: -1) where mentions[j].type.isCalendar {
            guard document.sentenceIndex(of: mentions[j].span.start) == s else { break }
            guard mentions[j].role == nil, let p = mentions[j].period, p.granularity == .month else { continue }
            if !found { found = p == month; continue }
            if p.from.adding(months: 1) == first { first = p.from } else if p.from != first { break }
        }
        guard first != month.from else { return month }
        return ResolvedPeriod(from: first, to: month.to, value: "\(first.iso.prefix(7))/\(month.to.iso.prefix(7))", granularity: .span)
    }

    /// Whether `p`, written as a range ("between April and June", "January-March"), is exactly
    /// one calendar quarter, half or month, so that "the previous quarter" can refer back to it.
    static func spans(_ p: ResolvedPeriod, _ unit: ResolvedPeriod.Granularity) -> Bool {
        // A part of one month ("the first half of June") stands for its month.
        if unit == .month, p.granularity == .span || p.granularity == .week, p.from.year == p.to.year, p.from.month == p.to.month { return true }
        guard p.granularity == .span, p.from.day == 1 else { return false }
        let months: Int
        switch unit {
        case .month: months = 1
        case .quarter: months = 3
        case .half: months = 6
        default: return false
        }
        // A company's quarter need not start a calendar one ("the January 31 second quarter":
        // November to January).
        return ((p.from.month - 1) % months == 0 || unit == .quarter) && p.to == p.from.adding(months: months - 1).lastDayOfMonth
    }

    /// Whether `span` is inside quotation marks on its line (straight quotes counted, curly ones
    /// opened and closed).
    static func isQuoted(_ span: Span, _ document: Document) -> Bool {
        let lineStart = document.lineIndex.span(ofLine: document.lineIndex.lineIndex(of: span.start) + 1, in: document.bytes).start
        var depth = 0, straight = false
        var i = lineStart
        let b = document.bytes
        while i < span.start {
            if b[i] == 0x22 { straight.toggle() }
            else if b[i] == 0xE2, i + 2 < b.count, b[i + 1] == 0x80 {
                if b[i + 2] == 0x9C { depth += 1 } else if b[i + 2] == 0x9D { depth = max(0, depth - 1) }
            }
            i += 1
        }
        return straight || depth > 0
    }

    /// Whether period mention `m` dates background told in the pluperfect ("They had grown 5.6% in
    /// August.", "August's exports had jumped"): "had" among the eight words before it in its
    /// sentence or within 30 bytes after it; or the date of an event a change runs from ("since
    /// exchange controls were lifted in December 2015"). An anaphor in a later sentence refers
    /// past it to the reported period.
    static func isBackground(_ m: Mention, _ document: Document) -> Bool {
        guard let s = document.sentenceIndex(of: m.span.start) else { return false }
        let before = wordsBefore(m.span.start, in: document, from: max(document.sentences[s].span.start, m.span.start - 80), upTo: 8)
        if before.contains(hadWord) { return true }
        // The date of an event a change is told from ("the peso's depreciation since exchange
        // controls were lifted in December 2015"): "since", then a done verb right before "in".
        if before.count > 2, before[0] == inWord, isDoneVerb(before[1]), before.contains(sinceWord) { return true }
        // Or right after it: "August's exports had jumped 8.4%".
        let end = min(document.sentences[s].span.end, m.span.end + 30)
        guard m.span.end < end else { return false }
        return wordsBefore(end, in: document, from: m.span.end, upTo: 4).contains(hadWord)
    }

    /// Whether period mention `m` is an aside from the story's period: "alone" right after it ("In
    /// June alone, trade totalled …" in a story of the first half). An anaphor in a later sentence
    /// ("2.1 points more than a year ago") refers past it to the period reported; one of a unit
    /// ("over the eight months" after "In August alone") may refer to it.
    static func isAside(_ m: Mention, _ document: Document) -> Bool {
        let b = document.bytes
        var i = m.span.end
        while i < b.count, b[i] == 0x20 { i += 1 }
        guard i + 5 <= b.count else { return false }
        return b[i..<(i + 5)].elementsEqual("alone".utf8) && (i + 5 == b.count || !((b[i + 5] | 0x20) >= 0x61 && (b[i + 5] | 0x20) <= 0x7A))
    }

    /// Whether period mention `m` says when a forecast, report or measure was made: right after
    /// "forecast in", "forecasts in", "issued in", "published in", "released in" or "made in", or
    /// "announced", "agreed", "signed", "unveiled", "adopted", "approved", "introduced" or
    /// "concluded" in ("provisions for … measures announced in November"), or in "the" and the
    /// month before the occasion ("as he forecast in the February budget"), or after such a
    /// participle and its agent ("a lockout imposed by the company on December 14"), not after "be"
    /// ("forecasts will be issued in October" lie ahead).
    static func isTimeOfForecast(_ m: Mention, _ document: Document) -> Bool {
        var words = wordsBefore(m.span.start, in: document, from: max(0, m.span.start - 64), upTo: 6)
        // "a lockout imposed by the company (on) December 14": a participle and its agent.
        // Not a passive ahead ("will be approved by parliament in June").
        if let k = words.prefix(6).firstIndex(where: { forecastMadeWords.contains($0) }), k >= 2,
           let by = words[..<k].lastIndex(where: { $0.elementsEqual("by".utf8) }), by == k - 1,
           k + 1 >= words.count || !(words[k + 1].elementsEqual("be".utf8) || words[k + 1].elementsEqual("being".utf8)),
           // An agent, not "by" and an article before the date ("concluded by the year end").
           words[..<by].contains(where: { !["the", "on", "in"].contains(String(decoding: $0, as: UTF8.self)) }),
           words[0].elementsEqual("on".utf8) || words[0].elementsEqual("in".utf8) || !["in", "on", "at", "for", "to", "from", "until", "before", "after", "by"].contains(String(decoding: words[0], as: UTF8.self)) {
            return true
        }
        // "as he forecast in the February budget", "pledges made in the February Louvre accord":
        // a month naming the occasion the forecast or pledge was made at.
        if words.count >= 3, words[0].elementsEqual("the".utf8), words[1].elementsEqual("in".utf8) { words.removeFirst() }
        // "what it has already agreed to in December".
        if words.count >= 3, words[0].elementsEqual("in".utf8), words[1].elementsEqual("to".utf8) || words[1].elementsEqual("on".utf8),
           forecastMadeWords.contains(words[2]) { words.remove(at: 1) }
        guard words.count >= 2, words[0].elementsEqual("in".utf8), forecastMadeWords.contains(words[1]) else { return false }
        // Not a passive ahead ("to be released in September", "when national accounts are released in September").
        return words.count < 3 || !passiveAheadWords.contains(words[2])
    }
    /// Whether a noun of `figureNouns` is one of the two words right after `offset`, or "Gross
    /// national" or "Gross domestic" one of the three ("fourth quarter GNP", "fourth quarter U.S.
    /// Gross national Product", "December trade figures").
    static func figureNounFollows(_ offset: Int, in b: [UInt8]) -> Bool {
        var i = offset, words: [String] = []
        while words.count < 3 {
            while i < b.count, b[i] == 0x20 || b[i] == 0x0A { i += 1 }
            var j = i
            while j < b.count, TriggerScanner.isLetter(b[j]) || b[j] == 0x2E && j + 1 < b.count && TriggerScanner.isLetter(b[j + 1]) { j += 1 }
            if j < b.count, b[j] == 0x2E, j > i { j += 1 }
            guard j > i else { break }
            words.append(String(decoding: b[i..<j], as: UTF8.self).lowercased())
            i = j
        }
        // "U.S. Gross national Product": "Gross" among the words, "national" or "domestic" after it.
        if let g = words.firstIndex(of: "gross"), g + 1 < words.count, words[g + 1] == "national" || words[g + 1] == "domestic" { return true }
        return words.prefix(2).contains { figureNouns.contains($0) }
    }

    /// Nouns of a period's figures, after the period ("fourth quarter GNP", "the December figures").
    static let figureNouns: Set<String> = ["gnp", "gdp", "figures", "figure", "data", "results", "statistics", "numbers", "performance", "earnings",
                              "profits", "growth", "output", "production", "inflation", "unemployment", "jobless"]
    static let forecastMadeWords: Set<[UInt8]> = Set(["forecast", "forecasts", "forecasted", "issued", "published", "released", "made",
                                                       "announced", "agreed", "signed", "unveiled", "adopted", "approved", "introduced", "concluded",
                                                       "imposed", "declared", "launched", "seen", "reached", "recorded", "posted",
                                                       "registered"].map { Array($0.utf8) })

    /// Whether period mention `m` dates a figure just after "from", "against", "compared with" or "after"
    /// (within six words, a number between: "from 6.61 mln in the year to end-March"; or right after
    /// the cue, a month's possessive: "from January's depressed levels"); not a
    /// starting point ("firm from the third quarter") nor a period after another comparison.
    static func isFigureBase(_ m: Mention, _ document: Document) -> Bool {
        guard let s = document.sentenceIndex(of: m.span.start) else { return false }
        let words = wordsBefore(m.span.start, in: document, from: max(document.sentences[s].span.start, m.span.start - 60), upTo: 6)
        guard let k = words.firstIndex(where: { figureBaseCues.contains($0) }) else { return false }
        // The cue right before a month's possessive: its figure ("expect a rebound from January's
        // depressed levels", "a rise after January's 6.7 pct slump"), not a start ("from January").
        if k == 0 {
            let b = document.bytes, e = m.span.end
            // "'s" or "’s" (U+2019 is E2 80 99).
            return e + 1 < b.count && b[e] == 0x27 && b[e + 1] == 0x73
                || e + 3 < b.count && b[e] == 0xE2 && b[e + 1] == 0x80 && b[e + 2] == 0x99 && b[e + 3] == 0x73
        }
        let between = words[..<k]
        return !between.contains(toWord) && between.contains { $0.first.map { (0x30...0x39).contains($0) } ?? false }
    }
    static let figureBaseCues: Set<[UInt8]> = Set(["from", "against", "compared", "versus", "vs", "after", "following", "followed"].map { Array($0.utf8) })

    /// Words that introduce the base a figure is compared with.
    static let baseCues: Set<String> = ["from", "against", "versus", "vs", "than", "after", "following", "compared", "above", "below", "since", "reversing", "followed"]

    /// Whether period mention `m` dates the base of a comparison: a cue ("from", "compared with",
    /// "against", "than", "after", "above", "since") among the fifteen words before it in its
    /// sentence, with no "to" or "at" between ("from A$6.79 billion in November", "compared with a deficit of EUR 12.1
    /// billion in January-July 2023", "after a strong April"; not "from $5 billion to $6 billion in
    /// September", whose period is the new figure's).
    static func isComparisonBase(_ m: Mention, _ document: Document) -> Bool {
        guard let s = document.sentenceIndex(of: m.span.start) else { return false }
        let from = max(document.sentences[s].span.start, m.span.start - 100)
        let words = wordsBefore(m.span.start, in: document, from: from, upTo: 15)
        // The words back to the nearest ", " (a clause's edge; not a digit group's comma), counted
        // only when a cue that needs it is met.
        var clauseWordCount: Int? = nil
        func clauseWords() -> Int {
            if let n = clauseWordCount { return n }
            var c = m.span.start - 2
            while c >= from { if document.bytes[c] == 0x2C && document.bytes[c + 1] == 0x20 { break }; c -= 1 }
            let n = c >= from ? wordsBefore(m.span.start, in: document, from: c + 1, upTo: 15).count : words.count
            clauseWordCount = n
            return n
        }
        // "up 21.5% on the first quarter of 2017", "3.1 pct higher on March": "on" right after a
        // change is its base.
        if words.count > 1, words[0] == onWord, words[1].first.map({ (0x30...0x39).contains($0) }) ?? false || changeBeforeOn.contains(words[1]) {
            return true
        }
        // "compared with 910 mln at end-1986": the day a base figure stood at is a base too; a
        // level's day is not ("rose to 953 mln at end-March"): after a leading "at", a cue within
        // five words decides.
        var afterAt = false
        for (k, w) in words.enumerated() {
            if w == atWord, k == 0 { afterAt = true; continue }
            // A level reached in a clause of "after" and a participle ("rose 1.3 pct to 273.4 in
            // September after edging up to 270.0 in August") is the base the figure moved from.
            if w == toWord, let m = words.indices.dropFirst(k + 1).prefix(3).first(where: { words[$0].count > 4 && words[$0].suffix(3).elementsEqual("ing".utf8) }),
               m + 1 < words.count, words[m + 1] == afterWord { return true }
            if w == toWord || w == atWord || afterAt && k > 5 { return false }
            // A running total's clause opens before it ("down from R23.3bn in August, bringing the
            // surplus for the year to date to R151.3bn"): the total's period, whatever came before.
            if totalClauseOpeners.contains(w) { return false }
            // "lost 7.9% against the U.S. dollar in the first two months of 2024": a currency's
            // move, not a base.
            if w == againstWord, words[max(0, k - 3)..<k].contains(where: { currencyAfterAgainst.contains($0) }) { continue }
            // "after", "since", "above" … name a base only in the period's clause ("after a deficit
            // of 261 mln stg in January"; not "the second-largest market after the United States,
            // fell 9.2 percent in December").
            if nearCueBytes.contains(w), k >= clauseWords() { continue }
            // Nor when a clause of its own follows them, with a subject and a verb of change before
            // the period ("forecast to 0.7 per cent from 2.2 per cent, after the economy grew just
            // 0.5 per cent in the second quarter from a year earlier": the quarter is that figure's,
            // and cues before the clause are another's; "after rising 54.96 pct in the year to
            // January" and "below the $64.48 billion posted in January-August 2023" still name a
            // base: the clause's subject is one to three words, no figure).
            if nearCueBytes.contains(w), k >= 3, Self.determiners.contains(words[k - 1]),
               let v = words[0..<(k - 1)].lastIndex(where: { finiteChangeVerbs.contains($0) }), (1...3).contains(k - 1 - (v + 1)),
               words[(v + 1)..<(k - 1)].allSatisfy({ $0.allSatisfy { TriggerScanner.isLetter($0) } }) { return false }
            // "exports other than coffee rose 55 pct in january", "rather than": no comparison.
            if w == thanWord, k + 1 < words.count, notComparisonBeforeThan.contains(words[k + 1]) { continue }
            // "more than 50 pct", "more than half of the city's shipments": a quantity's qualifier,
            // not a comparison ("more than in May" still is one).
            if w == thanWord, k >= 1, k + 1 < words.count, quantityBeforeThan.contains(words[k + 1]),
               words[k - 1].first.map({ (0x30...0x39).contains($0) }) ?? false || quantityAfterThan.contains(words[k - 1]) { continue }
            if baseCueBytes.contains(w) { return true }
        }
        return false
    }
    static let totalClauseOpeners: Set<[UInt8]> = Set(["bringing", "taking", "pushing", "lifting", "putting", "brought", "took", "pushed", "lifted"].map { Array($0.utf8) })
    static let afterWord = Array("after".utf8), sinceWord = Array("since".utf8)
    static let thanWord = Array("than".utf8)
    static let notComparisonBeforeThan: Set<[UInt8]> = [Array("other".utf8), Array("rather".utf8)]
    static let quantityBeforeThan: Set<[UInt8]> = Set(["more", "less", "fewer"].map { Array($0.utf8) })
    static let quantityAfterThan: Set<[UInt8]> = Set(["half", "a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight",
                                                      "nine", "ten", "twice", "double", "triple", "doubled", "tripled", "quadrupled"].map { Array($0.utf8) })

    /// The words (ASCII letters, digits, "." and "$", lower-cased) before `end` back to `start`,
    /// nearest first, at most `limit` of them: byte work, as it runs for many mentions.
    static func wordsBefore(_ end: Int, in document: Document, from start: Int, upTo limit: Int) -> [[UInt8]] {
        let b = document.bytes
        var words: [[UInt8]] = []
        var i = end - 1
        while i >= start, words.count < limit {
            func isWordByte(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A || (0x30...0x39).contains(c) || c == 0x2E || c == 0x24 || c >= 0x80 }
            while i >= start, !isWordByte(b[i]) { i -= 1 }
            guard i >= start else { break }
            var w: [UInt8] = []
            while i >= start, isWordByte(b[i]) { w.append(b[i] >= 0x41 && b[i] <= 0x5A ? b[i] | 0x20 : b[i]); i -= 1 }
            words.append(w.reversed())
        }
        return words
    }

    static let toWord = Array("to".utf8), atWord = Array("at".utf8), hadWord = Array("had".utf8), onWord = Array("on".utf8)
    static let ofWord = Array("of".utf8), forWord = Array("for".utf8), deadlineWord = Array("deadline".utf8), deadlinesWord = Array("deadlines".utf8)
    static let againstWord = Array("against".utf8)
    /// Whether a month dates a done thing: a figure or event noun right after it ("the January
    /// deficit", "the December devaluation"), a past participle before "in" and it ("the rate set
    /// by one of the smaller foreign banks in January", "the 1.7 billion dlrs projected in
    /// January"; not "expected in December"), or a comparison's base.
    static func datesPastEvent(_ m: Mention, _ document: Document, orBase: Bool = true) -> Bool {
        let b = document.bytes
        if figureNounFollows(m.span.end, in: b) || wordAfter(m.span.end, in: b, isAnyOf: pastEventNouns) { return true }
        let sentenceStart = document.sentenceIndex(of: m.span.start).map { document.sentences[$0].span.start } ?? 0
        let words = wordsBefore(m.span.start, in: document, from: max(sentenceStart, m.span.start - 80), upTo: 9)
        // A month that ends a run of months ("from August through November or even December") is
        // read with them.
        if words.prefix(4).contains(where: { monthNameBytes.contains($0) }), words.prefix(3).contains(where: { runWords.contains($0) }) { return false }
        // The participle right before "in", or before its agent ("set by one of the smaller foreign
        // banks in January"); not a passive ahead ("the harvest to be conducted in October").
        func participle(_ k: Int) -> Bool {
            isDoneVerb(words[k]) && !(k + 1 < words.count && passiveAheadWords.contains(words[k + 1]))
        }
        if words.first == inWord, words.count > 1,
           participle(1) || words.indices.dropFirst(2).contains(where: { k in words[k - 1] == byWord && participle(k) }) { return true }
        // A month opening its clause before a past verb ("In August the government cut its forecast").
        if words.first == inWord, wordsAfter(m.span.end, in: b, upTo: 4).contains(where: isDoneVerb) { return true }
        return orBase && isComparisonBase(m, document)
    }
    static let maturityWords: Set<[UInt8]> = Set(["maturing", "mature", "matures"].map { Array($0.utf8) })
    static let maturityRunWords: Set<[UInt8]> = Set(["in", "on", "and", "or", "between", "from", "through", "to", "until", "mid", "end"].map { Array($0.utf8) })
    /// Whether a month or day is when paper matures: "maturing", "mature" or "matures" before it
    /// in its sentence, with only "in", "on", "and", months and days between ("bills maturing in
    /// June and July, and on August 27 and September 10", "maturing from May through September 24").
    static func maturesOn(_ m: Mention, _ document: Document) -> Bool {
        let sentenceStart = document.sentenceIndex(of: m.span.start).map { document.sentences[$0].span.start } ?? 0
        for w in wordsBefore(m.span.start, in: document, from: max(sentenceStart, m.span.start - 80), upTo: 10) {
            if maturityWords.contains(w) { return true }
            guard maturityRunWords.contains(w) || monthNameBytes.contains(w) || w.allSatisfy({ (0x30...0x39).contains($0) }) else { return false }
        }
        return false
    }
    /// A past tense or participle of a done thing (lower-cased): an irregular one of
    /// `pastParticiples` or a word in "-ed", not one that looks ahead ("expected", "scheduled").
    static func isDoneVerb(_ w: [UInt8]) -> Bool {
        (pastParticiples.contains(w) || w.count > 4 && w.suffix(2).elementsEqual("ed".utf8)) && !futureParticiples.contains(w)
    }
    /// The words (ASCII letters only, lower-cased) right after `start` in its clause, at most
    /// `limit` of them: byte work.
    static func wordsAfter(_ start: Int, in b: [UInt8], upTo limit: Int) -> [[UInt8]] {
        var words: [[UInt8]] = [], i = start
        while words.count < limit {
            while i < b.count, b[i] == 0x20 || b[i] == 0x0A { i += 1 }
            var j = i
            while j < b.count, TriggerScanner.isLetter(b[j]) { j += 1 }
            guard j > i else { break }
            words.append(b[i..<j].map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 })
            i = j
        }
        return words
    }
    static let inWord = Array("in".utf8), byWord = Array("by".utf8), shipmentWord = Array("shipment".utf8)
    /// Words between "for" and a shipment's months ("for various May/Aug shipments").
    static let positionFillers: Set<[UInt8]> = Set(["various", "nearby", "forward", "prompt", "later", "deferred", "spot"].map { Array($0.utf8) })
    static let runWords: Set<[UInt8]> = Set(["through", "to", "and", "or", "until", "till", "even"].map { Array($0.utf8) })
    static let passiveAheadWords: Set<[UInt8]> = Set(["be", "being", "to", "will", "would", "is", "are", "get", "gets"].map { Array($0.utf8) })
    static let monthNameBytes: Set<[UInt8]> = Set(["january", "february", "march", "april", "may", "june", "july", "august", "september",
                                                   "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
                                                   "sept", "oct", "nov", "dec"].map { Array($0.utf8) })
    static let pastEventNouns = ["deficit", "deficits", "surplus", "surpluses", "devaluation", "revaluation", "estimate", "estimates",
                                 "agreement", "accord", "cut", "rise", "increase", "decline", "fall", "drop"]
    static let pastParticiples: Set<[UInt8]> = Set(["set", "made", "cut", "seen", "held", "paid", "sold", "bought", "left", "begun", "taken",
                                                    "given", "shown", "won", "lost", "put", "grown", "fallen", "risen"].map { Array($0.utf8) })
    static let futureParticiples: Set<[UInt8]> = Set(["expected", "scheduled", "planned", "slated", "proposed", "intended", "targeted",
                                                      "timetabled", "needed", "required", "wanted", "hoped", "aimed", "designed",
                                                      "destined", "bound", "supposed", "tipped", "billed", "earmarked", "pencilled"].map { Array($0.utf8) })
    static let determiners: Set<[UInt8]> = Set(["the", "a", "an", "its", "their", "his", "her", "this", "that"].map { Array($0.utf8) })
    static let finiteChangeVerbs: Set<[UInt8]> = Set(["grew", "rose", "fell", "expanded", "contracted", "increased", "decreased", "declined", "dropped",
                                                      "jumped", "climbed", "slipped", "gained", "shrank", "surged", "slumped", "eased", "edged",
                                                      "posted", "recorded", "reported", "was", "were"].map { Array($0.utf8) })
    static let nearCueBytes: Set<[UInt8]> = Set(["after", "following", "since", "above", "below", "followed"].map { Array($0.utf8) })
    /// Currencies a currency moves against ("fell 2% against the dollar").
    static let currencyAfterAgainst: Set<[UInt8]> = Set(["dollar", "dollars", "greenback", "euro", "yen", "yuan", "sterling", "pound",
                                                          "currencies", "basket", "franc", "mark", "dlr"].map { Array($0.utf8) })
    /// Words that end a change before "on" ("up 3 pct on", "higher on").
    static let changeBeforeOn: Set<[UInt8]> = Set(["pct", "percent", "cent", "points", "higher", "lower", "up", "down"].map { Array($0.utf8) })
    static let baseCueBytes: Set<[UInt8]> = Set(baseCues.map { Array($0.utf8) })

    package func offset(_ text: String) -> Int? {
        if let v = normalizationLexicons.relativeOffsets?.lookup(text), let n = Int(v) { return n }
        return Int(text)
    }

    /// The unit of a stretch ("days", "wks", "months", "mths", "quarters", "qtrs", "years"): nil
    /// for any other word.
    static func trailingUnit(_ word: String) -> ResolvedPeriod.Granularity? {
        switch word.lowercased() {
        case "day", "days": return .day
        case "week", "weeks", "wks": return .week
        case "month", "months", "mths", "mos": return .month
        case "quarter", "quarters", "qtrs": return .quarter
        case "year", "years", "yrs": return .year
        default: return nil
        }
    }

    /// Normalizes calendar fields; nil when a field that was captured cannot be read.
    func calendarFields(_ raw: CandidateFields) -> PeriodFields? {
        let lex = normalizationLexicons
        var f = PeriodFields()
        /// Reads `field` into `target` with `parse`: true when the field is absent or reads.
        func read<T>(_ field: RuleField, _ target: inout T?, _ parse: (String) -> T?) -> Bool {
            guard let text = raw[field] else { return true }
            guard let v = parse(text) else { return false }
            target = v
            return true
        }
        guard read(.year, &f.year, Numbers.year),
              read(.yearOffset, &f.yearOffset, offset),
              read(.month, &f.month, Numbers.month),
              read(.monthTo, &f.monthTo, Numbers.month),
              read(.day, &f.day, Numbers.ordinal),
              read(.dayTo, &f.dayTo, Numbers.ordinal),
              read(.quarter, &f.quarter, Numbers.ordinal),
              read(.quarterTo, &f.quarterTo, Numbers.ordinal),
              read(.half, &f.half, Numbers.ordinal),
              read(.firstMonths, &f.firstMonths, Numbers.ordinal),
              read(.lastMonths, &f.lastMonths, Numbers.ordinal),
              read(.monthsToDate, &f.monthsToDate, Numbers.ordinal),
              read(.firstQuarters, &f.firstQuarters, Numbers.ordinal),
              read(.decade, &f.decade, { lex.decadeWords?.lookup($0).flatMap(Int.init) ?? Numbers.year($0) }),
              read(.century, &f.century, Numbers.ordinal),
              read(.dayOffset, &f.dayOffset, { lex.relativeDays?.lookup($0).flatMap(Int.init) ?? Int($0) }),
              read(.monthOffset, &f.monthOffset, offset),
              read(.weekOffset, &f.weekOffset, offset),
              read(.weekday, &f.weekday, Numbers.weekday),
              read(.fiscalEndMonth, &f.fiscalEndMonth, Numbers.month),
              read(.fiscalEndDay, &f.fiscalEndDay, Numbers.ordinal),
              read(.fiscalEndYear, &f.fiscalEndYear, Numbers.year),
              read(.fiscalEndYearOffset, &f.fiscalEndYearOffset, offset),
              read(.agreementYear, &f.agreementYear, Self.agreementYearWord),
              read(.quarterOffset, &f.quarterOffset, offset),
              read(.daysEnding, &f.daysEnding, Numbers.ordinal),
              read(.monthsEnding, &f.monthsEnding, Numbers.ordinal)
        else { return nil }
        // "the 26 weeks ended December 28": that many weeks of days, ending on the day.
        var weeksEnding: Int?
        guard read(.weeksEnding, &weeksEnding, Numbers.ordinal) else { return nil }
        if let w = weeksEnding { f.daysEnding = 7 * w }
        let firstYear = f.year
        // A run of months that writes its one year at both ends ("from March 2017 to April 2017")
        // is a run within that year.
        let sameYear = f.month != nil && f.monthTo != nil && firstYear != nil && raw[.yearTo].flatMap(Numbers.year) == firstYear
        guard sameYear || read(.yearTo, &f.yearTo, { Numbers.splitYearEnd($0, after: firstYear) }),
              read(.season, &f.season, { lex.seasons?.lookup($0) ?? $0.uppercased() }),
              read(.holiday, &f.holiday, { lex.holidays?.lookup($0) }),
              read(.reference, &f.reference, { ["PRESENT_REF", "PAST_REF", "FUTURE_REF"].contains($0) ? $0 : nil }),
              read(.tense, &f.tense, { Tense(rawValue: $0) ?? lex.tenseWords?.lookup($0).flatMap(Tense.init(rawValue:)) }),
              read(.anaphorUnit, &f.anaphorUnit, ResolvedPeriod.Granularity.init(rawValue:)),
              read(.trailing, &f.trailing, { ["a", "an", "the"].contains($0.lowercased()) ? 1 : Numbers.ordinal($0) }),
              read(.trailingUnit, &f.trailingUnit, Self.trailingUnit),
              read(.statementPeriod, &f.statementPeriod, offset),
              read(.statementWeek, &f.statementWeek, { $0 == "0" ? 0 : Numbers.ordinal($0) })
        else { return nil }
        // "The past week": one unit when no count is written.
        if f.trailingUnit != nil, f.trailing == nil { f.trailing = 1 }
        // "two years ago", "three months ago", "a week ago", "five days ago": a count back from the reference date.
        // "Two weeks ago" is the day fourteen days back, as the Reuters annotators read it (TimeBank
        // writes it either way), not that day's calendar week.
        func ago(_ field: RuleField, _ target: inout Int?, times: Int = 1) -> Bool {
            guard let text = raw[field] else { return true }
            let lowered = text.lowercased()
            guard let n = (lowered == "a" || lowered == "an") ? 1 : Numbers.ordinal(text), n > 0 else { return false }
            target = -n * times
            return true
        }
        guard ago(.yearsAgo, &f.yearOffset), ago(.monthsAgo, &f.monthOffset), ago(.weeksAgo, &f.dayOffset, times: 7), ago(.daysAgo, &f.dayOffset) else { return nil }
        if let q = f.quarter, q == -1 { f.quarter = 4 }
        if let h = f.half, h == -1 { f.half = 2 }
        if raw.has(.toDate) { f.toDate = true }
        if raw.has(.ofTheYear) { f.ofTheYear = true }
        if raw.has(.quarterEnding) { f.quarterEnding = true }
        if raw.has(.samePeriod) { f.samePeriod = true }
        if raw.has(.fiscal) { f.fiscal = true }
        guard read(.monthPart, &f.monthPart, PeriodResolver.monthPart(named:)) else { return nil }
        if raw.has(.wholeYear) { f.wholeYear = true }
        if raw.has(.startsYear) { f.startsYear = true }
        if raw.has(.storyPeriod) { f.storyPeriod = true }
        if raw.has(.beforeReference) { f.beforeReference = true }
        if raw.has(.afterReference) { f.afterReference = true }
        if raw.has(.weekend) { f.weekend = true }
        if let s = raw[.monthShift] { guard let n = Int(s) else { return nil }; f.monthShift = n }
        return f
    }

    /// The number of words (runs of letters, as `Character.isLetter` reads them: a combining mark
    /// belongs to the letter before it) in bytes `a..<b`, counting no further than `limit`.
    package static func words(in document: Document, _ a: Int, _ b: Int, upTo limit: Int) -> Int {
        guard a < b else { return 0 }
        var count = 0
        var inWord = false
        for u in String(decoding: document.bytes[a..<b], as: UTF8.self).unicodeScalars {
            let letter: Bool
            if u.isASCII {
                letter = (u.value | 0x20) >= 0x61 && (u.value | 0x20) <= 0x7A
            } else {
                switch u.properties.generalCategory {
                case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: letter = true
                case .nonspacingMark, .spacingMark, .enclosingMark: letter = inWord
                default: letter = false
                }
            }
            if letter && !inWord {
                count += 1
                if count >= limit { return count }
            }
            inWord = letter
        }
        return count
    }
}
