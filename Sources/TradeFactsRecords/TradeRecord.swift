import Foundation
import TradeFactsText

/// A piece of a record read from the text: its normalized value and where it was written.
public struct RecordField: Sendable {
    /// Every stored property, as the memberwise initializer takes them.
    package init(value: String, span: Span, via: String) { self.value = value; self.span = span; self.via = via }
    /// The normalized value: the lexicon's canonical form ("United States"), else the text as written.
    public var value: String
    /// Where the value is written; for a carried field, the place it was taken from.
    public var span: Span
    /// Where the value came from: a lexicon name, a pattern name, or `carried` when taken from context.
    public var via: String
}

/// A trade fact: who traded what, when, how much, with what change and with how many partners.
/// Mention-valued parts refer to indices into the document's mention list.
public struct TradeRecord: Sendable {
    /// Every stored property, as the memberwise initializer takes them.
    package init(reporter: RecordField? = nil, flow: RecordField, commodity: RecordField? = nil, partner: RecordField? = nil, period: Int? = nil, periodCarried: Bool = false, value: Int, volume: Int? = nil, change: Int? = nil, partnerCount: Int? = nil, namedPartners: [RecordField] = [], source: RecordField? = nil, qualifiers: [String] = [], sentence: Int, isComparison: Bool = false, derivedPeriod: ResolvedPeriod? = nil, derivedBasis: String? = nil) { self.reporter = reporter; self.flow = flow; self.commodity = commodity; self.partner = partner; self.period = period; self.periodCarried = periodCarried; self.value = value; self.volume = volume; self.change = change; self.partnerCount = partnerCount; self.namedPartners = namedPartners; self.source = source; self.qualifiers = qualifiers; self.sentence = sentence; self.isComparison = isComparison; self.derivedPeriod = derivedPeriod; self.derivedBasis = derivedBasis }
    /// The place that reports the figure (lexicon `places`): named in its clause, else carried from
    /// the previous figure or the headline and lede; nil when none is found.
    public var reporter: RecordField?
    /// exports, imports, total trade, trade surplus, trade deficit.
    public var flow: RecordField
    /// The commodity as written; `value` is the normalized head ("auto parts").
    public var commodity: RecordField?
    /// A single partner for a bilateral figure ("exports to the United States").
    public var partner: RecordField?
    /// Index of the period mention.
    public var period: Int?
    /// True when the period was carried from an earlier sentence rather than written in this one.
    public var periodCarried: Bool = false
    /// Index of the money mention.
    public var value: Int
    /// Index of a quantity mention giving the physical volume beside a money value ("5.82 million tonnes … worth 24.6 billion yuan").
    public var volume: Int?
    /// Index of the percent mention giving the change.
    public var change: Int?
    /// Index of the partner-count mention.
    public var partnerCount: Int?
    /// Partners named with the count ("including the United States and South Africa").
    public var namedPartners: [RecordField] = []
    /// Who the figure is attributed to ("according to the General Administration of Customs"),
    /// named anywhere in the article; nil when nobody is.
    public var source: RecordField?
    /// "record", "lowest", "highest", "forecast", "revised", "provisional" (lexicon `record-qualifiers`, read in the figure's clause).
    public var qualifiers: [String] = []
    /// Index of the sentence the figure is in.
    public var sentence: Int
    /// A comparison base ("from 7.79 billion a year earlier"): the figure a change is measured from.
    public var isComparison = false
    /// A base's period when the text leaves it to the story's convention (the current figure's period
    /// moved by the offset an earlier base stated, e.g. a year back).
    public var derivedPeriod: ResolvedPeriod? = nil
    /// The basis of the change when the clause gives it by a compared period rather than a word
    /// ("fell 0.5 per cent in August from July" → month-on-month).
    public var derivedBasis: String? = nil
    /// The statement (an index of the document's statements) that states this figure, as its
    /// value or as its base; nil when no statement rule read the clause.
    public var statement: Int? = nil
    /// How the figure is put when it is not a reported one: `forecast`, `target`, `estimate`,
    /// `revised` or `provisional` (from its statement); nil for a reported figure.
    public var modality: String? = nil
    /// How the figure moved, from its statement's direction word or change: `up`, `down`,
    /// `widened`, `narrowed`, `swung` (nil when no statement gives one, and for a base).
    public var direction: String? = nil

    /// A record is complete when it has reporter, flow, period and value.
    public var isComplete: Bool { reporter != nil && (period != nil || derivedPeriod != nil) }
}
