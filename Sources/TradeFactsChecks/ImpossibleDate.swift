import TradeFactsText
/// "February 30": a date that does not exist.
package struct ImpossibleDate: Check {
    package static let description = CheckDescription(
        id: "impossible-date",
        name: "Date that does not exist",
        severity: .error,
        summary: "A day that its month does not have (\"February 30\", \"April 31\", \"February 29, 2025\").",
        rationale: "The date cannot be right; the figure it dates has no reliable period.",
        triggering: [
            CheckExample("The tariffs took effect on ↓February 30.", date: "2025-10-03"),
            CheckExample("Data released on ↓February 29, 2025 showed a rise.", date: "2025-10-03"),
        ],
        nonTriggering: [CheckExample("Data released on February 29, 2024 showed a rise.", date: "2025-10-03")]
    )

    package init() {}

    package func run(_ context: CheckContext) -> [Finding] {
        let mentions = context.mentions
        // Only dates and periods have calendar fields: the others are passed over without copying them.
        return mentions.indices.compactMap { i in
            guard mentions[i].type.isCalendar else { return nil }
            let m = mentions[i]
            guard let f = m.periodFields, let month = f.month, let day = f.day, (1...12).contains(month) else { return nil }
            let limit = f.year.map { CalendarDate.daysIn(month: month, year: $0) } ?? (month == 2 ? 29 : CalendarDate.daysIn(month: month, year: 2001))
            guard day > limit else { return nil }
            let monthName = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"][month - 1]
            return finding("\"\(m.text)\" does not exist: \(monthName)\(f.year.map { " \($0)" } ?? "") has \(limit) days",
                           at: m.span, details: [("month", .int(month)), ("day", .int(day)), ("daysInMonth", .int(limit))])
        }
    }
}
