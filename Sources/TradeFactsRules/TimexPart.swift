import TradeFactsText

/// A part of a calendar mention that TimeML annotates as a TIMEX3 of its own: the endpoints of a
/// range ("Aug. 26" and "Oct. 20" in "Aug. 26 to Oct. 20", "April 24" and "25" in "April 24 and
/// 25", "Jan. 31" in "the fiscal year ended Jan. 31") and the year that anchors a part of it ("1997"
/// in "the first nine months of 1997", whose "the first nine months" TimeML calls a DURATION), or a
/// period and the day it ended ("the first quarter" and "January 31" of "the first quarter ended
/// January 31"). A rule marks them with groups named `timexFrom`, `timexTo`, `timexYear`,
/// `timexOwn` and `timexEndDay` (the extractor also joins a period and its end day itself); the
/// mention keeps its own span and value, and the TempEval scorer reads a mention with parts as its
/// parts.
public struct TimexPart: Sendable, Equatable {
    /// Every stored property, as the memberwise initializer takes them.
    package init(kind: Kind, span: Span) { self.kind = kind; self.span = span }
    /// Which part of its mention a ``TimexPart`` is.
    public enum Kind: String, Sendable, CaseIterable {
        /// The first day or month of the range: the value before the `/`.
        case from
        /// The last: the value after the `/`.
        case to
        /// The year the period lies in.
        case year
        /// The mention's own period, written before the day it ended ("the first quarter" of "the
        /// first quarter ended January 31"): the mention's value.
        case own
        /// The day a period ended, written after it ("January 31" of "the first quarter ended
        /// January 31"): the period's last day.
        case endDay
        var groupName: String { "timex" + rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
        package init?(groupName: String) {
            guard let k = Kind.allCases.first(where: { $0.groupName == groupName }) else { return nil }
            self = k
        }
    }
    /// Which part this is.
    public let kind: Kind
    /// The part's bytes in the document, inside the mention's match.
    public let span: Span
}
