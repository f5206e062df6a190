import TradeFactsRules
import TradeFactsText

extension Extractor {
    /// A Wednesday that ended a bank statement period of the U.S. Federal Reserve: the two-week
    /// reserve maintenance periods of contemporaneous reserve accounting, which began in February
    /// 1984, end every other Wednesday from 15 February 1984 (1987 wire copy: "the two-week
    /// statement period ended February 25", "… that ended on March 11", "… ended Wednesday" of
    /// 8 April all fall on that cadence). A story that dates a statement period of its own sets
    /// the cadence instead.
    static let statementPeriodAnchor = CalendarDate(year: 1984, month: 2, day: 15)

    /// Resolves the statement periods and statement weeks a story names without their end (rules
    /// that set `statementPeriod` or `statementWeek`), after every other period is resolved:
    ///
    /// - "the latest statement period" (0) is the last period the story dates before it ("the
    ///   two-week statement period that ended on Wednesday … the latest statement period"), else
    ///   the last one that ended before the reference date; "the prior period" (−1) is the one
    ///   before that; "this statement period", "the statement period that began today" (+1) is the
    ///   one under way.
    /// - "the first week of the statement period" and "the second week …" are that week of the
    ///   latest period whose week has ended ("the first week of the latest bank statement period"
    ///   on the Thursday after it: the seven days just ended).
    /// - "the latest week" (statement week 0) is the last week the story dates before it (in the
    ///   headline, the first it dates: "LATEST WEEK" over "… the week ended April 3"), else,
    ///   in a story of statement periods, the last Thursday-to-Wednesday week ended; elsewhere it
    ///   keeps the calendar week before the reference date's.
    ///
    /// A bare "the prior period" or "the previous period" counts only in a story of statement
    /// periods, and is dropped elsewhere.
    func statementPeriods(_ mentions: inout [Mention], _ document: Document, reference: CalendarDate?) {
        guard mentions.contains(where: { $0.periodFields.map { $0.statementPeriod != nil || $0.statementWeek != nil } ?? false }) else { return }
        let b = document.bytes
        // Statement periods and weeks the story dates itself.
        var dated: [(start: Int, end: CalendarDate)] = [], weeks: [(start: Int, period: ResolvedPeriod)] = []
        for m in mentions {
            guard let f = m.periodFields, f.statementPeriod == nil, f.statementWeek == nil, let p = m.period else { continue }
            if f.daysEnding == 14, p.to.weekday == 3 { dated.append((m.span.start, p.to)) }
            if f.daysEnding == 7, p.from.adding(days: 6) == p.to { weeks.append((m.span.start, p)) }
        }
        let statementStory = !dated.isEmpty || b.containsIgnoringASCIICase(Array("statement period".utf8))
            || b.containsIgnoringASCIICase(Array("statement\nperiod".utf8))
        let cadence = dated.last?.end ?? Self.statementPeriodAnchor
        // The end of the last statement period that ended before the reference date.
        let latest: CalendarDate? = reference.map { r in
            var e = r.adding(days: -1)
            while ((e.dayNumber - cadence.dayNumber) % 14 + 14) % 14 != 0 { e = e.adding(days: -1) }
            return e
        }
        func span(_ from: CalendarDate, _ to: CalendarDate, _ g: ResolvedPeriod.Granularity) -> ResolvedPeriod {
            ResolvedPeriod(from: from, to: to, value: "\(from.iso)/\(to.iso)", granularity: g)
        }
        var dropped: [Int] = []
        // One pass in text order: the last statement period and week dated before each mention.
        let headlineEnd = b.firstIndex(of: 0x0A) ?? b.count
        var nextDated = 0, nextWeek = 0
        var datedBefore: CalendarDate? = nil, weekBefore: ResolvedPeriod? = nil
        for i in mentions.indices {
            let start = mentions[i].span.start
            while nextDated < dated.count, dated[nextDated].start < start { datedBefore = dated[nextDated].end; nextDated += 1 }
            while nextWeek < weeks.count, weeks[nextWeek].start < start { weekBefore = weeks[nextWeek].period; nextWeek += 1 }
            guard let f = mentions[i].periodFields, f.statementPeriod != nil || f.statementWeek != nil else { continue }
            // The week dated before it, else, in the headline, the first the story dates ("COFFEE
            // STOCKS DOWN IN LATEST WEEK" over "… in the week ended April 3").
            let week = weekBefore ?? (start < headlineEnd ? weeks.first?.period : nil)
            if f.statementWeek == 0, !statementStory || week != nil {
                if let week { mentions[i].value = .calendar(fields: f, resolved: week) }
                continue
            }
            guard statementStory else {
                if f.statementPeriod != nil { dropped.append(i) }
                continue
            }
            guard let e = latest, let r = reference else { continue }
            let resolved: ResolvedPeriod
            if let w = f.statementWeek {
                switch w {
                case 1 where e.adding(days: 7) < r: resolved = span(e.adding(days: 1), e.adding(days: 7), .week)
                case 1: resolved = span(e.adding(days: -13), e.adding(days: -7), .week)
                case 2: resolved = span(e.adding(days: -6), e, .week)
                default: resolved = e.adding(days: 7) < r ? span(e.adding(days: 1), e.adding(days: 7), .week) : span(e.adding(days: -6), e, .week)
                }
            } else {
                let k = f.statementPeriod ?? 0
                let anchor = k == 1 ? e : datedBefore ?? e
                let end = anchor.adding(days: 14 * k)
                resolved = span(end.adding(days: -13), end, .span)
            }
            mentions[i].value = .calendar(fields: f, resolved: resolved)
        }
        for i in dropped.reversed() { mentions.remove(at: i) }
    }
}
