import TradeFactsText
import TradeFactsExtract
import TradeFactsStatements
import TradeFactsRecords
import TradeFactsChecks

/// The result of processing one document: mentions, records and findings, or the error that stopped it.
public struct DocumentResult: Sendable {
    /// Every stored property, as the memberwise initializer takes them.
    package init(documentID: String, extraction: Extraction?, records: [TradeRecord], findings: [Finding], error: String?, warnings: [String], origin: DocumentOrigin? = nil, namedPartners: [Int: [RecordField]] = [:]) { self.documentID = documentID; self.extraction = extraction; self.records = records; self.findings = findings; self.error = error; self.warnings = warnings; self.origin = origin; self.namedPartners = namedPartners }
    /// The document's id: its path, `-` for standard input, or a JSON Lines record's id.
    public let documentID: String
    /// The document and what extraction found in it; nil when the input could not be read (see ``error``).
    public let extraction: Extraction?
    /// The trade records assembled from the mentions; empty for an unreadable input.
    public let records: [TradeRecord]
    /// The findings left after suppressions, at their configured severities, sorted by position, then check id.
    public var findings: [Finding]
    /// Set when the input could not be read; the document is still accounted for in the output.
    public let error: String?
    /// Notes about the input that did not stop processing (e.g. invalid UTF-8).
    public var warnings: [String]
    /// For an article that is one record of a JSON Lines file: the file and line.
    public var origin: DocumentOrigin? = nil
    /// Partners named with a partner count ("including the United States and South Africa"), by mention index.
    public var namedPartners: [Int: [RecordField]] = [:]
    /// What the document's clauses state (measure, direction, value, base, change, periods), in text order.
    public var statements: [Statement] = []
    /// The text as written, when extraction read it with suppression comments blanked (same
    /// length, so every span fits both); nil when nothing was blanked. The HTML report shows it.
    package var writtenBytes: [UInt8]? = nil
}
