import TradeFactsText
import TradeFactsExtract

/// One clause's claim about a measure: what changed, from what to what, between which periods,
/// and how it is put ("Singapore's trade surplus with Japan fell 21 pct to 1.84 billion dlrs in
/// January from 2.31 billion a year earlier"). Read by a statement rule (`Rules/statements.yaml`)
/// over the sentence's mentions; every role keeps its span, and figures are indices of mentions.
public struct Statement: Sendable {
    /// A role given by words of the text: its canonical value and where it is written.
    public struct Words: Sendable, Equatable {
        /// The canonical value ("trade surplus", "down", "United States").
        public let value: String
        /// Where the words are; nil for a value the rule sets.
        public let span: Span?
        /// The value and its span.
        public init(value: String, span: Span?) { self.value = value; self.span = span }
    }

    /// The statement rule that read it.
    public let rule: String
    /// The sentence it is in (an index of the document's sentences).
    public let sentence: Int
    /// The text the rule matched.
    public let span: Span
    /// What is measured: a trade flow or balance ("exports", "trade surplus"), or another measure
    /// ("current account", "reserves", "output").
    public var measure: Words?
    /// Whose figure it is, when the clause names a place before the measure.
    public var reporter: Words?
    /// The other side of a bilateral figure ("with Japan").
    public var partner: Words?
    /// The goods, when named ("coffee exports").
    public var commodity: Words?
    /// The direction word, valued `up`, `down`, `widened`, `narrowed` or `swung`; when no word is
    /// bound, the direction of the change mention.
    public var direction: Words?
    /// `reported`, or `forecast`, `target`, `estimate`, `revised`, `provisional`.
    public var modality: Words
    /// The current value (a money, volume or percent mention).
    public var value: Int?
    /// The current value's period (a calendar mention).
    public var period: Int?
    /// The stated change (a percent mention: percent or points).
    public var change: Int?
    /// The base value the change is measured from.
    public var base: Int?
    /// The base's period ("a year earlier", "in February").
    public var basePeriod: Int?
    /// The figure the base was first published as, when the base is a revision ("from 203 mln,
    /// revised from 207 mln, in December"): a figure for the same period.
    public var baseRevisedFrom: Int?
    /// A second comparison figure after the base, with its own period ("from 2.83 billion in
    /// January and 2.30 billion in February 1986").
    public var base2: Int?
    /// The second comparison figure's period.
    public var base2Period: Int?
    /// The figure the second comparison figure was first published as, when it is a revision.
    public var base2RevisedFrom: Int?

    /// A statement read by `rule` in sentence `sentence` over `span`, reported unless `modality` says otherwise.
    public init(rule: String, sentence: Int, span: Span, modality: Words = Words(value: "reported", span: nil)) {
        self.rule = rule; self.sentence = sentence; self.span = span; self.modality = modality
    }

    /// The mention indices the statement binds, in role order.
    public var figures: [Int] { [value, period, change, base, basePeriod, baseRevisedFrom, base2, base2Period, base2RevisedFrom].compactMap { $0 } }

    /// The figures the statement states (value, change and every comparison figure), each of
    /// which belongs to one statement only.
    public var claimedFigures: [Int] { [value, change, base, baseRevisedFrom, base2, base2RevisedFrom].compactMap { $0 } }
}
