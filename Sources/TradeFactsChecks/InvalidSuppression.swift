/// A suppression comment without a known check or without a reason.
package struct InvalidSuppression: Check {
    package static let description = CheckDescription(
        id: "invalid-suppression",
        name: "Suppression without a check or a reason",
        severity: .error,
        summary: "A tradefacts-disable-next-line comment must name known checks and give a reason after a colon.",
        rationale: "A blanket or unexplained suppression turns the linter off without telling the next editor why; it silences nothing.",
        triggering: [
            CheckExample("↓<!-- tradefacts-disable-next-line yoy-base-year -->\nExports reached $5 million in 2024, up 5%, compared to 1985.", date: "2025-03-01"),
            CheckExample("↓<!-- tradefacts-disable-next-line no-such-check: because -->\nExports reached $5 million.", date: "2025-03-01"),
        ],
        nonTriggering: [CheckExample("<!-- tradefacts-disable-next-line yoy-base-year: the 1985 base is what the ministry used -->\nExports reached $5 million in 2024, up 5% year-on-year, compared to 1985.", date: "2025-03-01")]
    )
    package static var runsAfterSuppressions: Bool { true }
    package init() {}

    package func run(_ context: CheckContext) -> [Finding] {
        context.suppressions.compactMap { d in
            guard let problem = d.problem else { return nil }
            return finding("\(problem), in \(SuppressionDirective.quoted(d.text))", at: d.span, details: [("comment", .string(d.text))])
        }
    }
}
