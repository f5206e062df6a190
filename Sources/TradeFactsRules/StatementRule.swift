import PCRE2Kit
import TradeFactsText

/// A statement rule (stage two of the cascade): a PCRE2 pattern over a sentence in which every
/// mention stands as a run of its type's placeholder byte, as many bytes as the mention has, so
/// offsets stay those of the text. In a pattern, `{{slot:money}}` (and `percent`, `period`,
/// `count`, `quantity`, `number`; `figure` for money or a volume; `level` for those or a
/// percentage) matches one such mention;
/// lexicons and definitions expand as in mention rules. Named groups bind the statement's roles
/// (see ``roles``); `set:` gives literal roles ("modality: forecast").
public final class StatementRule: @unchecked Sendable {
    /// A unique id ("statement.verb-to-from").
    public let id: String
    /// What the rule reads, with an example of the form.
    public let description: String
    /// The pattern as written (before `{{…}}` expansion).
    public let patternSource: String
    /// The compiled, expanded pattern (caseless).
    package let pattern: Pattern
    /// Role → literal value, for roles no group binds.
    public let literals: [String: String]
    /// Higher wins when two statements claim the same figure; then the longer match.
    public let priority: Int
    /// Texts and the statement the rule must (or must not) read in them.
    public let examples: [RuleExample]
    /// Where the rule is written.
    public let file: String
    /// The rule's line in ``file``.
    public let line: Int

    /// The roles a statement rule may bind with a named group of the same name. `value`, `base`,
    /// `change`, `period`, `baseperiod`, `baserevised` (the first-published figure a revised base
    /// replaces), `base2` (a second comparison figure), `base2period` and `base2revised` take a
    /// mention (the group must cover a placeholder run); the others take text, valued by a lexicon (`measure`: measures, then flows;
    /// `direction`: balance-directions, then change-verbs; `reporter`, `partner`: places;
    /// `commodity`: commodities; `modality`: modalities).
    public static let roles: [String] = ["measure", "reporter", "partner", "commodity", "direction", "modality",
                                         "value", "period", "change", "base", "baseperiod", "baserevised", "base2", "base2period", "base2revised"]
    /// The roles `set:` may give.
    public static let literalRoles: Set<String> = ["measure", "direction", "modality"]

    /// The placeholder byte that stands for each byte of a mention of `type` in stage two
    /// (ASCII control bytes that news text does not contain; each is one UTF-8 character).
    public static func placeholder(for type: MentionType) -> UInt8 {
        switch type {
        case .money: return 0x01
        case .percent: return 0x02
        case .date, .period: return 0x03
        case .count: return 0x04
        case .quantity: return 0x05
        case .number: return 0x06
        }
    }

    /// The pattern text `{{slot:NAME}}` expands to: a run of one placeholder byte, or of either
    /// of two for `figure` (money or a volume).
    static func slot(_ name: String) -> String? {
        func run(_ t: MentionType) -> String { "(?:\\x{" + String(placeholder(for: t), radix: 16) + "})++" }
        switch name {
        case "money": return run(.money)
        case "percent": return run(.percent)
        case "period", "date": return run(.period)
        case "count": return run(.count)
        case "quantity": return run(.quantity)
        case "number": return run(.number)
        case "figure": return "(?:" + run(.money) + "|" + run(.quantity) + ")"
        case "level": return "(?:" + run(.money) + "|" + run(.quantity) + "|" + run(.percent) + ")"
        default: return nil
        }
    }

    package init(id: String, description: String, patternSource: String, pattern: Pattern, literals: [String: String],
                 priority: Int, examples: [RuleExample], file: String, line: Int) {
        self.id = id; self.description = description; self.patternSource = patternSource; self.pattern = pattern
        self.literals = literals; self.priority = priority; self.examples = examples; self.file = file; self.line = line
    }
}
