import PCRE2Kit
import TradeFactsText

/// The kinds of value a rule can produce.
public enum MentionType: String, Codable, Sendable, CaseIterable {
    /// `money`: an amount in a currency; `percent`: a percentage, or a change in percent, points or
    /// basis points; `date` and `period`: calendar expressions (one dimension, see ``isCalendar``);
    /// `count`: a number of things, such as trading partners; `number`: a bare number; `quantity`: a
    /// physical amount with its unit ("9.8 mln tonnes").
    case money, percent, date, period, count, number, quantity

    /// The fields a rule of this type may fill from groups (`fields:`) or literals (`set:`). For
    /// loading rules; the extractor reads ``Rule/allowsQualifier`` and ``RuleField``s instead.
    public var allowedFields: Set<String> { Set(allowedFieldList.map(\.rawValue)) }

    /// The fields a rule of this type may fill, as ``RuleField``s.
    var allowedFieldList: [RuleField] {
        switch self {
        case .money: return [.amount, .scale, .lowScale, .currency, .low, .high, .qualifier, .per, .carry, .minor, .tail]
        case .percent: return [.value, .scale, .unit, .direction, .basis, .qualifier, .low, .high, .sign, .tail]
        case .count: return [.value, .of, .qualifier, .low, .high]
        case .number: return [.value, .scale, .qualifier]
        case .quantity: return [.value, .scale, .unit, .qualifier, .low, .high]
        case .date, .period:
            return [.year, .yearOffset, .month, .monthTo, .day, .dayTo, .quarter, .quarterTo, .half,
                    .firstMonths, .firstQuarters, .decade, .century, .dayOffset, .monthOffset, .weekOffset, .weekday,
                    .toDate, .samePeriod, .wholeYear, .quarterEnding, .daysEnding, .weeksEnding, .monthsEnding, .qualifier, .fiscalEndMonth, .fiscalEndDay, .fiscalEndYear, .fiscalEndYearOffset, .agreementYear, .fiscal, .monthPart, .weekend, .monthShift, .monthsToDate, .quarterOffset, .yearTo, .season, .holiday, .reference, .tense,
                    .anaphorUnit, .yearsAgo, .monthsAgo, .weeksAgo, .daysAgo, .ofTheYear, .startsYear, .lastMonths, .storyPeriod, .beforeReference, .afterReference, .trailing, .trailingUnit, .statementPeriod, .statementWeek]
        }
    }

    /// Dates and periods share one calendar dimension; the output type follows the resolved granularity.
    public var isCalendar: Bool { self == .date || self == .period }
}

/// A field a rule fills from a capture group (`fields:`) or a literal (`set:`), named as in the
/// rule files (see ``MentionType/allowedFields``), plus the groups that mark a mention's TIMEX3
/// parts (see ``TimexPart``). Rules name their fields once, when loaded; the extractor then
/// compares these cases rather than strings for every match.
package enum RuleField: String, CaseIterable, Sendable {
    // Money, percent, count, number and quantity.
    case amount, scale, lowScale, currency, low, high, qualifier, per, carry, minor, value, unit, direction, basis, sign, of, tail
    // Dates and periods.
    case year, yearOffset, month, monthTo, day, dayTo, quarter, quarterTo, half, firstMonths, firstQuarters,
         decade, century, dayOffset, monthOffset, weekOffset, weekday, toDate, samePeriod, wholeYear, quarterEnding, daysEnding, weeksEnding, monthsEnding,
         fiscalEndMonth, fiscalEndDay, fiscalEndYear, fiscalEndYearOffset, agreementYear, fiscal, monthPart, weekend, monthShift, monthsToDate, quarterOffset, yearTo, season, holiday,
         reference, tense, anaphorUnit, yearsAgo, monthsAgo, weeksAgo, daysAgo, ofTheYear, startsYear, lastMonths, storyPeriod, beforeReference, afterReference,
         trailing, trailingUnit, statementPeriod, statementWeek
    // The groups of TIMEX3 parts (not fields a rule names under `fields:`).
    case timexFrom, timexTo, timexYear, timexOwn, timexEndDay

    /// The TIMEX3 part a group of this name marks, if any.
    package var timexPart: TimexPart.Kind? {
        switch self {
        case .timexFrom: return .from
        case .timexTo: return .to
        case .timexYear: return .year
        case .timexOwn: return .own
        case .timexEndDay: return .endDay
        default: return nil
        }
    }
}

/// One example attached to a rule: a text and what the rule must (or must not) produce in it.
public struct RuleExample: Sendable {
    /// Every stored property, as the memberwise initializer takes them.
    package init(text: String, referenceDate: CalendarDate?, expect: [(key: String, value: String)]?, line: Int) { self.text = text; self.referenceDate = referenceDate; self.expect = expect; self.line = line }
    /// The text the rule is run on.
    public let text: String
    /// Reference date for the example (the article's dateline); defaults to the rule set's example date.
    public let referenceDate: CalendarDate?
    /// Expected fields of the mention this rule produces, or nil for a negative example ("expect: none").
    public let expect: [(key: String, value: String)]?
    /// The 1-based line of the example in its rule file.
    public let line: Int
}

/// A pattern rule loaded from a YAML file: a PCRE2 pattern, how its groups become typed fields, and examples.
public final class Rule: @unchecked Sendable {
    /// The rule's unique id (`id:`, e.g. `money.symbol-amount`), which mentions and diagnostics name.
    public let id: String
    /// What the rule matches, from its `description:` (empty when it has none).
    public let description: String
    /// The type of the mentions the rule produces (its own `type:`, else its file's).
    public let type: MentionType
    /// The pattern as written (before `{{…}}` expansion).
    public let patternSource: String
    /// The compiled, expanded pattern.
    public let pattern: Pattern
    /// Field → capture group name.
    public let fields: [String: String]
    /// Field → literal value.
    public let literals: [String: String]
    /// Higher wins when two candidate matches of equal length overlap.
    public let priority: Int
    /// A latent rule's mentions are kept for evaluation and internal use but dropped from a
    /// document's mentions unless the extractor is asked to keep them (Duckling's "latent").
    public let latent: Bool
    /// The examples `tradefacts rules test` and the tests run: texts it must match, and negative ones.
    public let examples: [RuleExample]
    /// The rule's trigger as written (its own `trigger:`, else its file's), or nil when it runs on
    /// the whole text. The extractor runs the rule only on the sentences where the trigger occurs.
    public let trigger: String?
    /// The path of the rule file it was loaded from.
    public let file: String
    /// The 1-based line where the rule begins in its file.
    public let line: Int
    /// Whether the extractor may attach a qualifier found just before a match (rules whose type has a `qualifier` field).
    package let allowsQualifier: Bool
    /// Group number of the `span` group (the mention's own span inside a wider match), if any.
    package let spanGroup: Int?
    /// Field → group number, resolved once (and the TIMEX3 part groups, see ``TimexPart``), in
    /// the order of the fields' names, then the parts'.
    package let fieldGroups: [(field: RuleField, group: Int)]
    /// ``literals`` as ``RuleField``s, in the order of the fields' names.
    package let literalFields: [(field: RuleField, value: String)]

    package init(id: String, description: String, type: MentionType, patternSource: String, pattern: Pattern,
         fields: [String: String], literals: [String: String], priority: Int, latent: Bool = false, examples: [RuleExample], trigger: String? = nil, file: String, line: Int) {
        self.id = id; self.description = description; self.type = type; self.patternSource = patternSource
        self.pattern = pattern; self.fields = fields; self.literals = literals; self.priority = priority; self.latent = latent
        self.examples = examples; self.trigger = trigger; self.file = file; self.line = line
        self.spanGroup = pattern.groupNumbers["span"]
        self.allowsQualifier = type.allowedFieldList.contains(.qualifier)
        // Groups named after a TIMEX3 part (`timexFrom`, `timexTo`, `timexYear`, `timexOwn`,
        // `timexEndDay`: every ``TimexPart/Kind`` has its ``RuleField``) are read like fields.
        let parts = TimexPart.Kind.allCases.compactMap { k in
            pattern.groupNumbers[k.groupName].map { (RuleField(rawValue: k.groupName)!, $0) }
        }
        // The loader admits only allowed field names (``MentionType/allowedFields``), all of them ``RuleField``s.
        self.fieldGroups = fields.sorted { $0.key < $1.key }.compactMap { f in
            pattern.groupNumbers[f.value].map { (RuleField(rawValue: f.key)!, $0) }
        } + parts
        self.literalFields = literals.sorted { $0.key < $1.key }.map { (RuleField(rawValue: $0.key)!, $0.value) }
    }
}
