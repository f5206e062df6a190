import TradeFactsText
/// "Tuesday, October 3, 2025" — it was a Friday.
package struct WeekdayMismatch: Check {
    package static let description = CheckDescription(
        id: "weekday-mismatch",
        name: "Weekday does not match its date",
        severity: .warning,
        summary: "A date written with a weekday that the calendar contradicts.",
        rationale: "One of the two is wrong, and a reader cannot tell which day is meant.",
        triggering: [CheckExample("The agreement was signed on ↓Tuesday, October 3, 2025.", date: "2025-10-10")],
        nonTriggering: [
            CheckExample("The agreement was signed on Friday, October 3, 2025.", date: "2025-10-10"),
            CheckExample("The talks have been delayed until Wednesday, April 1.", date: "1987-03-25"),
        ]
    )

    package init() {}

    package func run(_ context: CheckContext) -> [Finding] {
        let mentions = context.mentions
        // Only dates and periods have calendar fields: the others are passed over without copying them.
        return mentions.indices.compactMap { i in
            guard mentions[i].type.isCalendar else { return nil }
            let m = mentions[i]
            guard let f = m.periodFields, let wd = f.weekday, let day = f.day, let month = f.month, let p = m.period, p.granularity == .day,
                  p.from.weekday != wd else { return nil }
            // A date written without its year: the weekday may be what fixes the year ("until Wednesday, April 1").
            // It must lie on the side of the reference date that the resolved date lies on (a past report stays past).
            if f.year == nil, let reference = context.referenceDate,
               (-1...1).contains(where: { d in
                   guard let other = CalendarDate(validYear: p.from.year + d, month: month, day: day), other.weekday == wd else { return false }
                   return (other <= reference) == (p.from <= reference)
               }) {
                return nil
            }
            return finding("\"\(m.text)\": \(p.from.iso) was a \(p.from.weekdayName), not a \(CalendarDate.weekdayNames[wd - 1])",
                           at: m.span, details: [("date", .string(p.from.iso)), ("weekday", .string(p.from.weekdayName))])
        }
    }
}
