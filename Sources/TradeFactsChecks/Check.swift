import Foundation
import PCRE2Kit
import TradeFactsText
import TradeFactsRules
import TradeFactsExtract
import TradeFactsRecords
import TradeFactsStatements

/// How serious a finding is.
public enum Severity: String, Codable, Sendable, Comparable, CaseIterable {
    /// A likely style-level note.
    case info
    /// A likely slip an editor should look at.
    case warning
    /// A gross contradiction: a year or sign that flips the meaning.
    case error

    var rank: Int { switch self { case .info: 0; case .warning: 1; case .error: 2 } }
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// Another span a finding involves, with what it is.
public struct RelatedSpan: Sendable {
    /// Every stored property, as the memberwise initializer takes them.
    package init(span: Span, message: String) { self.span = span; self.message = message }
    /// The other text, as a byte span of the document.
    public let span: Span
    /// What that text is to the finding ("from", "the balance").
    public let message: String
}

/// A consistency problem found in a document.
public struct Finding: Sendable {
    /// Every stored property, as the memberwise initializer takes them.
    package init(check: String, severity: Severity, message: String, span: Span, related: [RelatedSpan], details: [(String, JSONValue)]) { self.check = check; self.severity = severity; self.message = message; self.span = span; self.related = related; self.details = details }
    /// The id of the check that made it ("period-year-contradiction").
    public let check: String
    /// The check's severity, or the one configuration gives it.
    public var severity: Severity
    /// What is wrong, in one sentence for an editor, quoting the text.
    public let message: String
    /// The offending text.
    public let span: Span
    /// The other places involved (the figures compared), each with a note; often empty.
    public let related: [RelatedSpan]
    /// What was compared, with the numbers (e.g. `expectedYear`, `foundYear`, `yearsApart`).
    public let details: [(String, JSONValue)]
}

/// One example in a check's description. Mark the place the finding must point to with `↓`.
public struct CheckExample: Sendable {
    /// The article text; in a triggering example `↓` marks where the finding must start (it is removed before the example runs).
    public let text: String
    /// The article's date, from `date`; nil when none was given or it is not `YYYY-MM-DD`.
    public let referenceDate: CalendarDate?
    /// An example: its text and, optionally, the article's date as `YYYY-MM-DD`.
    public init(_ text: String, date: String? = nil) {
        self.text = text
        self.referenceDate = date.flatMap(CalendarDate.init(iso:))
    }
}

/// What a check is, SwiftLint-style: id, severity, explanation, the examples a generic test runs,
/// and the cue patterns it searches the text with.
public struct CheckDescription: Sendable {
    /// The id findings, configuration and suppressions name ("period-year-contradiction").
    public let id: String
    /// A short title.
    public let name: String
    /// The default severity; configuration may change it.
    public let severity: Severity
    /// One sentence: what the check flags.
    public let summary: String
    /// Why an editor wants it flagged, and what is left alone.
    public let rationale: String
    /// Texts where the check must flag the place marked `↓`.
    public let triggering: [CheckExample]
    /// Texts where the check must stay silent.
    public let nonTriggering: [CheckExample]
    /// The check's own cue patterns by name: PCRE2 sources in which `{{definition}}` and
    /// `{{lexicon:NAME}}` from `Rules/` are expanded, compiled once per engine (case-insensitive;
    /// write `(?-i)` for case). The words belong in `Rules/lexicons/`; the pattern says how they
    /// stand. A check reads a cue with ``Check/cue(_:in:)``.
    public let cues: [String: String]

    /// A description from its parts; `cues` defaults to none.
    public init(id: String, name: String, severity: Severity, summary: String, rationale: String,
                triggering: [CheckExample], nonTriggering: [CheckExample], cues: [String: String] = [:]) {
        self.id = id; self.name = name; self.severity = severity; self.summary = summary; self.rationale = rationale
        self.triggering = triggering; self.nonTriggering = nonTriggering; self.cues = cues
    }
}

/// A validator check: one file each, with its description and examples.
public protocol Check: Sendable {
    /// What the check is: its id, default severity, explanation, examples and cues.
    static var description: CheckDescription { get }
    /// Checks about the suppressions themselves run after the others' findings were suppressed.
    static var runsAfterSuppressions: Bool { get }
    /// A new check. Checks hold no state: an engine makes one of each and runs it on every document.
    init()
    /// The check's findings in one document (none when it finds nothing). An engine shared by
    /// threads calls it on several documents at once.
    func run(_ context: CheckContext) -> [Finding]
}

extension Check {
    /// By default a check runs before suppressions are applied.
    public static var runsAfterSuppressions: Bool { false }

    /// This check's cue `name` (declared in its ``CheckDescription/cues``), as the engine compiled it.
    package func cue(_ name: String, in context: CheckContext) -> Pattern {
        guard let p = context.helpers.cues[CheckHelpers.cueKey(Self.description.id, name)] else {
            preconditionFailure("check \(Self.description.id) reads cue '\(name)', which its description does not declare")
        }
        return p
    }

    /// A finding of this check at its default severity.
    package func finding(_ message: String, at span: Span, related: [RelatedSpan] = [], details: [(String, JSONValue)] = []) -> Finding {
        Finding(check: Self.description.id, severity: Self.description.severity, message: message, span: span, related: related, details: details)
    }
}

/// Everything a check may look at: the document, its mentions and records, and shared helpers.
public struct CheckContext {
    /// Every stored property, as the memberwise initializer takes them.
    package init(extraction: Extraction, records: [TradeRecord], statements: [Statement] = [], helpers: CheckHelpers, settings: CheckSettings = CheckSettings(), suppressions: [SuppressionDirective] = []) { self.extraction = extraction; self.records = records; self.statements = statements; self.helpers = helpers; self.settings = settings; self.suppressions = suppressions }
    /// The document's extraction: its mentions, reference date, dateline and headline.
    public let extraction: Extraction
    /// The document's trade records.
    public let records: [TradeRecord]
    /// The document's statements (stage two): what each clause says changed, from what to what.
    public let statements: [Statement]
    package let helpers: CheckHelpers
    /// Tolerances and thresholds from configuration.
    public var settings = CheckSettings()
    /// Suppression comments in the article, with whether each silenced a finding.
    public var suppressions: [SuppressionDirective] = []
    /// Values the checks derive more than once, computed once per document.
    let cache = CheckCache()

    /// The document, its suppression comments blanked.
    public var document: Document { extraction.document }
    /// The document's mentions, sorted by position; records refer to them by index.
    public var mentions: [Mention] { extraction.mentions }
    /// The date relative expressions were resolved against; nil when the article has none.
    public var referenceDate: CalendarDate? { extraction.referenceDate }

    /// How messages name the reference date: "the dateline (2025-10-03)", or "the article's date (…)"
    /// when it came from the command line, front matter or a JSON Lines record.
    public var referenceDescription: String {
        guard let r = referenceDate else { return "the article's date" }
        switch extraction.referenceDateSource {
        case .dateline: return "the dateline (\(r.iso))"
        case .datelineStamp: return "the dateline (\(r.iso), its year from the stamp line)"
        default: return "the article's date (\(r.iso))"
        }
    }

    /// Canonical flows ("exports", "imports") named in the sentence at `index`.
    public func flows(inSentence index: Int) -> Set<String> {
        helpers.assembler.flowNames(in: document.sentences[index].span, document)
    }

    /// Whether the sentence at `index` gives a cause ("due to", "because of", …).
    public func isCausal(sentence index: Int) -> Bool {
        !document.matchSpans(of: helpers[.causal], in: document.sentences[index].span, limit: 1).isEmpty
    }

    /// The sentence index of a span's start (0 when outside every sentence).
    public func sentence(of span: Span) -> Int { document.sentenceIndex(of: span.start) ?? 0 }

    /// Whether a span lies in the headline or the first body sentence after it (the lede).
    public func isInHeadlineOrLede(_ span: Span) -> Bool {
        let s = sentence(of: span)
        let firstBody = document.sentences.firstIndex { sentence in
            sentence.span.start > (extraction.datelineSpan?.end ?? extraction.headlineSpan?.end ?? -1)
        } ?? 0
        return s <= firstBody
    }
}

/// Per-document memo of derived values shared by the checks (one context, one thread).
final class CheckCache: @unchecked Sendable {
    package var rounding: [Span: (value: Decimal, halfUnit: Decimal)?] = [:]
    package var future: [Int: Bool] = [:]
    var comparable: [TradeRecord]? = nil
}

/// Tolerances and thresholds that configuration may change (`.tradefacts.yml`, `tolerances:`).
public struct CheckSettings: Sendable, Equatable {
    /// `stale-anchor`: how many years before the reference date a "since" anchor must lie.
    public var staleAnchorYears = 10
    /// `percent-change-arithmetic`: percentage points allowed beyond what rounding explains.
    public var percentChangeSlack: Decimal = 0
    /// `multiple-contradiction`: how far (a fraction of the multiple) "doubled" may be from 2 beyond rounding.
    public var multipleTolerance: Decimal = 0.1
    /// `balance-sign`, `parts-exceed-total`: a fraction of the total allowed beyond what rounding explains.
    public var sumSlack: Decimal = 0
    /// The default tolerances and thresholds, as documented on each property.
    public init() {}
}

/// The cues every check may use through ``CheckContext``: definitions in `Rules/checks.yaml`.
package enum SharedCue: String, CaseIterable, Sendable {
    case causal = "causal-cue"
    case forecast = "forecast-cue"
    case share = "share-cue"
    case balanceNotTrade = "balance-not-trade-cue"
    case figureVariant = "figure-variant-cue"
    case relativePeriod = "relative-period-cue"
    /// Words of a clause telling what happened (past tense and past participles).
    case past = "past-cue"
    /// A flow word followed by the rest of an institution's name ("Trade Department"); with case.
    case institutionAfter = "institution-after-cue"
}

/// Compiled cue patterns: the ``SharedCue``s, and each check's own ``CheckDescription/cues``.
package final class CheckHelpers: @unchecked Sendable {
    package let assembler: RecordAssembler
    let lexicons: [String: Lexicon]
    private let shared: [Pattern]
    /// Each check's own cues, by ``cueKey(_:_:)``.
    let cues: [String: Pattern]

    static func cueKey(_ check: String, _ name: String) -> String { check + "/" + name }

    package init(ruleSet: RuleSet, assembler: RecordAssembler, checks: [any Check.Type]) throws {
        self.assembler = assembler
        lexicons = ruleSet.lexicons
        shared = try SharedCue.allCases.map { try ruleSet.compile("{{\($0.rawValue)}}", caseless: $0 != .institutionAfter) }
        var cues: [String: Pattern] = [:]
        for check in checks {
            for (name, source) in check.description.cues {
                cues[Self.cueKey(check.description.id, name)] = try ruleSet.compile(source)
            }
        }
        self.cues = cues
    }

    /// A shared cue, compiled.
    subscript(cue: SharedCue) -> Pattern { shared[SharedCue.allCases.firstIndex(of: cue)!] }
}
