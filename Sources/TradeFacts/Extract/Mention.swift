import Foundation

/// Direction of a change.
public enum Direction: String, Codable, Sendable { case up, down, flat }

/// The unit of a percentage: percent, percentage points, or basis points — never mixed up.
public enum PercentUnit: String, Codable, Sendable { case percent, points, basis_points }

/// The typed value of a mention.
public enum MentionValue: Sendable {
    case money(amount: Decimal?, low: Decimal?, high: Decimal?, currency: String?)
    case percent(value: Decimal?, low: Decimal?, high: Decimal?, unit: PercentUnit, direction: Direction?, basis: String?)
    case calendar(fields: PeriodFields, resolved: ResolvedPeriod?)
    case count(value: Decimal?, low: Decimal?, high: Decimal?, of: String, partners: Bool)
    case number(value: Decimal)
}

/// A typed value found in a document: its span, the rule that made it, and its normalized value.
public struct Mention: Sendable {
    public var type: MentionType
    /// The mention's own span (the rule's `span` group when it has one, else the whole match).
    public var span: Span
    /// The whole match, including context words such as "since" or "compared to".
    public var matchSpan: Span
    public var text: String
    public var rule: String
    public var value: MentionValue
    /// "about", "more than", "since", "compared to", …
    public var qualifier: String?
    /// A special role in the document, e.g. `dateline`.
    public var role: String?

    /// The resolved period of a date/period mention.
    public var period: ResolvedPeriod? {
        if case let .calendar(_, resolved) = value { return resolved }
        return nil
    }
    public var periodFields: PeriodFields? {
        if case let .calendar(fields, _) = value { return fields }
        return nil
    }
    /// The TIMEX3-style value of a date/period mention: the resolved period's, or a reference value (`PRESENT_REF`).
    public var timexValue: String? { period?.value ?? periodFields?.reference }
    /// The output type: `date` for a single day, `period` otherwise.
    public var outputType: String {
        if case let .calendar(fields, resolved) = value {
            if let r = resolved { return r.granularity == .day ? "date" : "period" }
            return fields.day != nil || fields.dayOffset != nil || fields.weekday != nil ? "date" : "period"
        }
        return type.rawValue
    }
    /// The signed change of a percent mention (−61.1 for "a drop of 61.1%").
    public var signedChange: Decimal? {
        guard case let .percent(v?, _, _, _, direction, _) = value else { return nil }
        return direction == .down && v > 0 ? -v : v
    }
}
