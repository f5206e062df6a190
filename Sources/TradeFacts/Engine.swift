import Foundation
import PCRE2Kit
import TradeFactsText
import TradeFactsRules
import TradeFactsExtract
import TradeFactsRecords
import TradeFactsChecks
import TradeFactsReport


/// Extraction → records → checks for one document. Thread-safe: share one engine across threads,
/// give each thread its own `MatchScratch`.
public final class Engine: @unchecked Sendable {
    /// The rules and lexicons the engine was built with.
    public let ruleSet: RuleSet
    /// Finds the mentions: the first stage of ``process(_:scratch:)``.
    public let extractor: Extractor
    /// Stage two: the statements of a document, read from its mentions.
    package let statementReader: StatementReader
    /// Assembles trade records from the mentions.
    public let assembler: RecordAssembler
    /// One instance of each check the engine runs, in the order given (by default the whole catalogue).
    public let checks: [any Check]
    package let helpers: CheckHelpers

    /// Severity per check id where configuration changes it.
    public let severities: [String: Severity]
    /// The tolerances and thresholds every check reads.
    public let settings: CheckSettings

    /// An engine with `ruleSet` and the `checks` to run.
    /// - `keepLatent`: keep mentions of latent rules (bare numbers) in the output (`extract --latent`, `eval`).
    /// - `severities`: severity per check id where configuration changes it.
    /// - `prefilter: false` runs every rule over the whole text (the same results, slower; for verification).
    /// - `ruleBudget`: the work each rule from a `--rules` folder may do on one document (see ``RuleBudget``).
    /// - `maxDocumentBytes`: a longer document is not processed but reported (see ``maxDocumentBytes``).
    public init(ruleSet: RuleSet, checks: [any Check.Type] = CheckCatalogue.all, keepLatent: Bool = false,
                severities: [String: Severity] = [:], settings: CheckSettings = CheckSettings(), prefilter: Bool = true,
                ruleBudget: RuleBudget = .standard, maxDocumentBytes: Int? = nil) throws {
        self.ruleSet = ruleSet
        self.maxDocumentBytes = maxDocumentBytes
        self.severities = severities
        self.settings = settings
        extractor = try Extractor(ruleSet: ruleSet, keepLatent: keepLatent, prefilter: prefilter, ruleBudget: ruleBudget)
        statementReader = try StatementReader(ruleSet: ruleSet, ruleBudget: ruleBudget)
        assembler = try RecordAssembler(ruleSet: ruleSet)
        helpers = try CheckHelpers(ruleSet: ruleSet, assembler: assembler, checks: checks)
        self.checks = checks.map { $0.init() }
        checksBeforeSuppressions = self.checks.filter { !type(of: $0).runsAfterSuppressions }
        checksAfterSuppressions = self.checks.filter { type(of: $0).runsAfterSuppressions }
    }

    /// The longest document processed, in bytes; nil for no limit (the library's default). The
    /// command line sets 1 MiB (`--max-document-mb`): processing takes memory of about 60 times a
    /// document's size, and writing its JSON 20 to 60 times more, so one huge "article" (a log,
    /// a book, a whole feed pasted into one record) would otherwise decide the run's peak memory.
    /// A longer document gets a result with ``DocumentResult/error`` naming its size and the limit.
    public let maxDocumentBytes: Int?

    /// ``checks`` split once by when they run (see ``Check/runsAfterSuppressions``), not per document.
    let checksBeforeSuppressions: [any Check]
    let checksAfterSuppressions: [any Check]

    /// Every check id a suppression may name (the whole catalogue, also checks switched off).
    package static let knownChecks = Set(CheckCatalogue.all.map { $0.description.id })

    /// Processes one document: reads and blanks its suppression comments, extracts mentions,
    /// reads statements (stage two), assembles records, runs the checks, applies the suppressions and the configured severities.
    /// Findings are sorted by position, then check id; invalid UTF-8 and a rule that failed (the match
    /// limit) become warnings. `scratch` is the calling thread's matching state.
    public func process(_ given: Document, scratch: MatchScratch = MatchScratch.forCurrentThread) -> DocumentResult {
        // Suppression comments are read, then blanked so that extraction never sees them.
        let (document, scanned) = StageProfiler.time(.suppressions) { Suppressions.scan(given, knownChecks: Engine.knownChecks) }
        var directives = scanned
        let extraction = extractor.extract(document, scratch: scratch)
        var statementDiagnostics: [ExtractionDiagnostic] = []
        let statements = StageProfiler.time(.statements) { statementReader.read(extraction, scratch: scratch, diagnostics: &statementDiagnostics) }
        let records = StageProfiler.time(.records) { assembler.assemble(extraction, statements: statements) }
        let findings = StageProfiler.time(.checks) {
            // The engine's settings are passed in: the default `CheckSettings()` would build its
            // decimals (a float literal among them, slow to convert) for every document.
            var context = CheckContext(extraction: extraction, records: records, statements: statements, helpers: helpers, settings: settings)
            var findings = checksBeforeSuppressions.flatMap { $0.run(context) }
            findings = Suppressions.apply(&directives, to: findings, in: document)
            context.suppressions = directives
            findings += checksAfterSuppressions.flatMap { $0.run(context) }
            for i in findings.indices { if let s = severities[findings[i].check] { findings[i].severity = s } }
            findings.sort { ($0.span.start, $0.check) < ($1.span.start, $1.check) }
            return findings
        }
        var warnings: [String] = []
        if let bad = InputDecoder.firstInvalidUTF8(document.bytes) {
            let loc = document.location(of: bad)
            warnings.append("invalid UTF-8 at byte \(bad) (line \(loc.line), column \(loc.column)); the valid text was processed")
        }
        warnings += extraction.warnings
        warnings += (extraction.diagnostics + statementDiagnostics).map { "rule \($0.rule): \($0.message); its other matches in this document were kept" }
        var result = DocumentResult(documentID: document.id, extraction: extraction, records: records, findings: findings, error: nil, warnings: warnings)
        result.origin = document.origin
        result.namedPartners = assembler.namedPartnersOfCounts(extraction)
        result.statements = statements
        if !scanned.isEmpty { result.writtenBytes = given.bytes }
        return result
    }

    /// Processes an article read by ``ArticleReader``; its read warnings join the result's, and an
    /// article that could not be read becomes a failed result.
    public func process(_ article: Article, referenceDate: CalendarDate? = nil, scratch: MatchScratch = MatchScratch.forCurrentThread) -> DocumentResult {
        if let error = article.error {
            var failed = Engine.failed(article.id, error)
            failed.origin = article.origin
            return failed
        }
        if let limit = maxDocumentBytes, article.bytes.count > limit {
            var failed = Engine.failed(article.id, Engine.tooLong(article.bytes.count, limit: limit))
            failed.origin = article.origin
            return failed
        }
        var result = process(article.document(referenceDate: referenceDate), scratch: scratch)
        result.warnings = article.warnings + result.warnings
        return result
    }

    /// The error for a document over ``maxDocumentBytes``.
    static func tooLong(_ bytes: Int, limit: Int) -> String {
        let mb = { (n: Int) in String(format: "%.1f", Double(n) / 1_048_576) }
        return "document of \(mb(bytes)) MB is longer than the \(mb(limit)) MB a document may hold, not processed " +
            "(split it into articles, or raise the limit with --max-document-mb)"
    }

    /// A result for an input that could not be read.
    public static func failed(_ id: String, _ error: String) -> DocumentResult {
        DocumentResult(documentID: id, extraction: nil, records: [], findings: [], error: error, warnings: [])
    }
}
