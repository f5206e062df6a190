/// A suppression comment that silences nothing.
package struct UnusedSuppression: Check {
    package static let description = CheckDescription(
        id: "unused-suppression",
        name: "Suppression that silences nothing",
        severity: .warning,
        summary: "A tradefacts-disable-next-line comment whose next line has no finding of the checks it names.",
        rationale: "Stale suppressions hide future problems on that line; remove them once the text is fixed.",
        triggering: [CheckExample("↓<!-- tradefacts-disable-next-line yoy-base-year: the base year is right -->\nExports reached $5 million in 2024, up 5%, compared to 2023.", date: "2025-03-01")],
        nonTriggering: [CheckExample("<!-- tradefacts-disable-next-line yoy-base-year: the 1985 base is what the ministry used -->\nExports reached $5 million in 2024, up 5% year-on-year, compared to 1985.", date: "2025-03-01")]
    )
    package static var runsAfterSuppressions: Bool { true }
    package init() {}

    package func run(_ context: CheckContext) -> [Finding] {
        context.suppressions.filter { $0.problem == nil && !$0.used }.map { d in
            finding("\(SuppressionDirective.quoted(d.text)) silences nothing on line \(d.targetLine): no \(d.checks.joined(separator: " or ")) finding there",
                    at: d.span, details: [("targetLine", .int(d.targetLine)), ("comment", .string(d.text))])
        }
    }
}
