import Foundation
/// Where a document's reference date came from.
public enum ReferenceDateSource: String, Codable, Sendable {
    /// Given on the command line (`--date`) or by the caller.
    case option
    /// Given with the article: Markdown front matter `date:`, a JSON Lines record's `date`.
    case metadata
    /// Read from the dateline near the top of the article.
    case dateline
    /// Month and day from a wire dateline without a year ("HEFEI, Oct. 21 (Xinhua) --"), the year from a stamp line.
    case datelineStamp = "dateline-stamp"
    /// Month and day from a wire dateline without a year and no stamp line, the year from the first
    /// period with a year in the headline or lede, else in the story ("SEOUL, March 1 (Yonhap) --
    /// ... in February 2025"): the first year in which the dateline's day falls after that period's end.
    case datelineLede = "dateline-lede"
    /// The day of a yearless wire dateline one or two days off the date given with the story (the
    /// wire's date in another time zone: "MELBOURNE, June 19" on the wire of June 18), in the given
    /// date's year.
    case datelineDay = "dateline-day"
    /// None found: relative expressions stay unresolved.
    case none
}

/// Where an article sits inside a larger input: a JSON Lines file and the line of its record.
public struct DocumentOrigin: Sendable, Hashable {
    /// The path of the JSON Lines file, as given.
    public let path: String
    /// The 1-based line of the file that holds the article's record.
    public let line: Int
    /// The origin at 1-based `line` of the file at `path`.
    public init(path: String, line: Int) { self.path = path; self.line = line }
}

/// An article: its UTF-8 bytes, an identifier, and everything derived from the text alone
/// (line index, sentences). Every span downstream is a byte range into ``bytes``.
public struct Document: Sendable {
    /// A name for the document: a path, `-` for standard input, or an id.
    public let id: String
    /// The raw UTF-8 text (possibly with invalid sequences, which never match a rule).
    public let bytes: [UInt8]
    /// Maps byte offsets into ``bytes`` to lines and columns.
    public let lineIndex: LineIndex
    /// Sentences and headline-like lines, in order.
    public let sentences: [Sentence]
    /// A reference date fixed by the caller; when nil, the dateline is used.
    public let givenReferenceDate: CalendarDate?
    /// Where ``givenReferenceDate`` came from: `.option` (the caller, `--date`) unless the reader
    /// set `.metadata` (front matter, a JSON Lines `date`).
    public var givenReferenceDateSource: ReferenceDateSource = .option
    /// A headline given outside the text (Markdown front matter `title:`, a JSON Lines `title`).
    public var givenHeadline: String? = nil
    /// Where the article came from when that is not a file of its own (a line of a JSON Lines file).
    public var origin: DocumentOrigin? = nil

    /// A document over UTF-8 `bytes`, split into lines and sentences at once. `referenceDate`, when
    /// given, resolves relative dates ("last month") instead of the dateline.
    public init(id: String, bytes: [UInt8], referenceDate: CalendarDate? = nil) {
        self.id = id
        self.bytes = bytes
        self.lineIndex = LineIndex(bytes)
        self.sentences = SentenceSplitter.split(bytes)
        self.givenReferenceDate = referenceDate
    }

    /// A document over the UTF-8 encoding of `text`; see ``init(id:bytes:referenceDate:)``.
    public init(id: String, text: String, referenceDate: CalendarDate? = nil) {
        self.init(id: id, bytes: Array(text.utf8), referenceDate: referenceDate)
    }

    /// The text of `span`, with invalid UTF-8 replaced by U+FFFD.
    public func text(_ span: Span) -> String {
        let s = max(0, min(span.start, bytes.count)), e = max(s, min(span.end, bytes.count))
        return String(decoding: bytes[s..<e], as: UTF8.self)
    }

    /// The 1-based line and column (in Unicode scalars) of byte `offset`.
    public func location(of offset: Int) -> SourceLocation { lineIndex.location(of: offset, in: bytes) }

    /// The index of the sentence containing `offset`, if any.
    public func sentenceIndex(of offset: Int) -> Int? {
        var lo = 0, hi = sentences.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            let s = sentences[mid].span
            if offset < s.start { hi = mid - 1 } else if offset >= s.end { lo = mid + 1 } else { return mid }
        }
        return nil
    }

    /// Whether the text is valid UTF-8.
    public var isValidUTF8: Bool {
        var it = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&it) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }
}

extension Document {
    /// Words that may stand between a possessive period and its figure ("1986's record 112.2
    /// billion", "February's estimated 2.9 billion").
    private static let possessiveGap = try! NSRegularExpression(
        pattern: #"^(?:'s|’s)\s+(?:(?:the|a|an|record|estimated|revised|provisional|preliminary|about|around|some)\s+)*$"#)

    /// Whether the bytes `start..<end` make the period ending at `start` the possessive of the
    /// figure starting at `end`: "'s" (or "’s") and at most a few words of status or approximation.
    package func isPossessiveGap(from start: Int, to end: Int) -> Bool {
        guard start >= 0, end <= bytes.count, end - start >= 3, end - start <= 24 else { return false }
        // A quick look at the bytes first: almost no period is followed by "'s".
        let apostrophe = bytes[start] == 0x27 && bytes[start + 1] == 0x73
        let curly = end - start >= 5 && bytes[start] == 0xE2 && bytes[start + 1] == 0x80 && bytes[start + 2] == 0x99 && bytes[start + 3] == 0x73
        guard apostrophe || curly else { return false }
        let gap = text(Span(start, end))
        return Self.possessiveGap.firstMatch(in: gap, range: NSRange(gap.startIndex..., in: gap)) != nil
    }
}
