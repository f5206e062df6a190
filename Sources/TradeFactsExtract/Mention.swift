import Foundation
import TradeFactsText
import TradeFactsRules

/// Direction of a change: `up` (rose, gained), `down` (fell, a minus sign) or `flat` (unchanged).
public enum Direction: String, Codable, Sendable { case up, down, flat }

/// The unit of a percentage: percent, percentage points, or basis points — never mixed up.
/// The cases: `percent` ("%", "per cent"), `points` (percentage points), `basis_points` (hundredths of a point).
public enum PercentUnit: String, Codable, Sendable { case percent, points, basis_points }

/// The typed value of a mention.
public enum MentionValue: Sendable {
    /// An amount of money, or a range `low`–`high`, scaled and in the main unit ("50 cents" → 0.5);
    /// `currency` is an ISO 4217 code ("USD"), nil when neither the text nor the context gives one.
    /// `per`: the unit of a price ("17.50 dlrs a barrel" → barrel).
    case money(amount: Decimal?, low: Decimal?, high: Decimal?, currency: String?, per: String?)
    /// A percentage or a change: the magnitude `value`, or a range `low`–`high`, in `unit`; the
    /// `direction` of a change (nil when the text gives none); the `basis` it is measured against
    /// (lexicon `bases`: "year-on-year", "month-on-month", …), nil when none is written.
    case percent(value: Decimal?, low: Decimal?, high: Decimal?, unit: PercentUnit, direction: Direction?, basis: String?)
    /// A date or period: the captured `fields`, and the period they resolve to against the reference
    /// date (nil when they do not resolve, e.g. "last year" without a reference date).
    indirect case calendar(fields: PeriodFields, resolved: ResolvedPeriod?)
    /// A number of things (`value`, or a range `low`–`high`): `of` names them, normalized ("countries");
    /// `partners` is true when they are trading partners (lexicon `partner-nouns`).
    case count(value: Decimal?, low: Decimal?, high: Decimal?, of: String, partners: Bool)
    /// A bare number, scaled ("1.5 million" → 1500000).
    case number(value: Decimal)
    /// A physical amount ("9.8 mln tonnes"): value, or a range, and its canonical unit.
    case quantity(value: Decimal?, low: Decimal?, high: Decimal?, unit: String)
}

/// A typed value found in a document: its span, the rule that made it, and its normalized value.
public struct Mention: Sendable {
    /// Every stored property, as the memberwise initializer takes them.
    init(type: MentionType, span: Span, matchSpan: Span, text: String, rule: String, value: MentionValue, qualifier: String? = nil, role: String? = nil, latent: Bool = false, currencySource: String? = nil, timexParts: [TimexPart] = [], pendingCurrency: PendingCurrency? = nil) { self.type = type; self.span = span; self.matchSpan = matchSpan; self.text = text; self.rule = rule; self.value = value; self.qualifier = qualifier; self.role = role; self.latent = latent; self.currencySource = currencySource; self.timexParts = timexParts; self.pendingCurrency = pendingCurrency }
    /// The mention's type, its rule's.
    public var type: MentionType
    /// The mention's own span (the rule's `span` group when it has one, else the whole match).
    public var span: Span
    /// The whole match, including context words such as "since" or "compared to".
    public var matchSpan: Span
    /// The text of ``span``, as written.
    public var text: String
    /// The id of the rule that produced it.
    public var rule: String
    /// The normalized value.
    public var value: MentionValue
    /// "about", "more than", "since", "compared to", …
    public var qualifier: String?
    /// A special role in the document, e.g. `dateline`.
    public var role: String?
    /// Made by a latent rule (a bare number): dropped from a document's mentions unless asked for.
    public var latent: Bool = false
    /// How a money mention's currency was fixed when the text did not name it alone: `carried`
    /// (from a nearby figure), `place` (an ambiguous "$", "dollars", "pesos" or "crowns" read from
    /// the story's place) or `default` (an ambiguous form with no place: its customary reading,
    /// "$" as US dollars); nil when the text names it (written `text` in the output).
    public var currencySource: String? = nil
    /// The parts TimeML annotates as TIMEX3s of their own (see ``TimexPart``); empty for most mentions.
    public var timexParts: [TimexPart] = []
    /// Currency work left for the document-level pass (see `Extractor.resolveCurrencies`).
    var pendingCurrency: PendingCurrency? = nil

    /// The resolved period of a date/period mention.
    public var period: ResolvedPeriod? {
        if case let .calendar(_, resolved) = value { return resolved }
        return nil
    }
    package var periodFields: PeriodFields? {
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


extension Mention {
    /// The TIMEX3 value of one of this mention's parts, from its resolved period.
    public func timexValue(of part: TimexPart) -> String? {
        guard let p = period else { return nil }
        let ends = p.value.split(separator: "/")
        switch part.kind {
        case .from: return ends.first.map(String.init)
        case .to: return ends.last.map(String.init)
        case .year: return p.from.year == p.to.year ? TimexValue.format4(p.from.year) : nil
        case .own: return timexValue
        case .endDay: return p.to.iso
        }
    }
}

/// Named accessors, so that code reading one part of a value does not break when a field is added.
extension Mention {
    /// The single numeric value: a money amount, a percentage, a count, or a number.
    public var numericValue: Decimal? {
        switch value {
        case let .money(amount, _, _, _, _): return amount
        case let .percent(v, _, _, _, _, _): return v
        case let .count(v, _, _, _, _): return v
        case let .number(v): return v
        case let .quantity(v, _, _, _): return v
        case .calendar: return nil
        }
    }
    /// The ISO currency of a money mention.
    public var currency: String? {
        if case let .money(_, _, _, c, _) = value { return c }
        return nil
    }
    /// What a percentage is: `change` (a rise or fall, or a change against a base), `points` (a
    /// change in percentage points), `share` (a part of a whole: "accounted for 34.1%"), `rate`
    /// or `level` (any other percentage); nil for other mentions.
    public var percentKind: String? {
        guard case let .percent(_, _, _, unit, direction, basis) = value else { return nil }
        if unit != .percent { return "points" }
        // A share, rate or level read around the figure wins over a direction word before it
        // ("the share of oil fell to 69.8%": a share).
        if role == "share" || role == "rate" || role == "level" { return role }
        if direction != nil || basis != nil { return "change" }
        return role == "change" ? "change" : "level"
    }

    /// The direction of a percent change.
    public var direction: Direction? {
        if case let .percent(_, _, _, _, d, _) = value { return d }
        return nil
    }
    /// The unit of a percentage.
    public var percentUnit: PercentUnit? {
        if case let .percent(_, _, _, u, _, _) = value { return u }
        return nil
    }
    /// The basis of a percent change ("year-on-year").
    public var basis: String? {
        if case let .percent(_, _, _, _, _, b) = value { return b }
        return nil
    }
    /// Whether a count counts trading partners.
    public var isPartnerCount: Bool {
        if case let .count(_, _, _, _, p) = value { return p }
        return false
    }
}

/// What a money mention still needs once every mention of the document is known.
enum PendingCurrency: Sendable, Equatable {
    /// No currency in the text: take the nearest earlier figure's (same or previous sentence).
    case carry
    /// A bare exchange-rate quote of four or more decimals ("traded as high as 0.6875 before
    /// retreating to around 0.6864/69"): the currency of the nearest earlier quote in its sentence
    /// or the one before ("0.6858/63 U.S. Dlrs"); without one, not money.
    case quote
    /// A figure of a results table's line with no currency word: the last currency written before
    /// it in the story, else the dollar of the story's place.
    case table
    /// An unqualified dollar ("$", "dollars", "dlrs"): the story's place may fix which dollar.
    case localDollar
    /// A name several currencies share ("crowns", "dinars": the `ambiguous-currencies` family
    /// given): the story's place fixes which one; without it, the customary reading if there is
    /// one, else the figure is not read as money.
    case local(family: String)
    /// A capital only its place writes before an amount for its currency ("R60,100" in a South
    /// African story: `place-letter-signs`): that currency where the story's place or the figure's
    /// sentence names a place of `place-letter-sign-places` for it; else the figure is no money.
    case placeSign(code: String)
}

extension Mention {
    /// Whether the mention's qualifier leaves it a figure's own period: none, or the "from" of a
    /// range ("from January to August 1987"), which is not a comparison's "from".
    package var isOwnPeriodQualifier: Bool {
        qualifier == nil || (qualifier == "from" && (periodFields.map { $0.monthTo != nil || $0.dayTo != nil || $0.quarterTo != nil || $0.yearTo != nil } ?? false))
    }

    /// Whether the mention names the unit before another period by "previous", "preceding" or
    /// "prior" ("the previous month", "the preceding year"): in a comparison, the unit before the
    /// figure it is compared with, not before the article's date.
    package var isPreviousUnit: Bool {
        text.lowercased().split { !$0.isLetter }.contains { $0 == "previous" || $0 == "preceding" || $0 == "prior" }
    }
}
