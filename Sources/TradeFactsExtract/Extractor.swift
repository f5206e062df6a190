import Foundation
import PCRE2Kit
import TradeFactsText
import TradeFactsRules

/// A problem met while extracting from one document (e.g. a rule hit the match limit).
/// The rest of the document's results are kept.
public struct ExtractionDiagnostic: Sendable, Codable {
    /// Every stored property, as the memberwise initializer takes them.
    package init(rule: String, message: String) { self.rule = rule; self.message = message }
    /// The id of the rule that failed, or `trigger N` for the rule set's Nth trigger (from 1).
    public let rule: String
    /// What went wrong (the PCRE2 error, such as the match limit).
    public let message: String
}

/// How much work one rule that counts its steps (any rule not built into the binary, see
/// ``PCRE2Kit/Pattern/countsSteps``) may do on one document, across all its searches and start
/// positions: `base` steps plus `perByte` steps for each byte of the document. A step is one
/// pattern item tried, plus each byte the match moved since the previous item (so scanning and
/// backtracking over text cost what they cover). Counting steps, not time, keeps the output
/// independent of the machine's load.
public struct RuleBudget: Sendable, Equatable {
    /// Steps every document allows.
    public var base: UInt64
    /// Further steps for each byte of the document.
    public var perByte: UInt64
    public init(base: UInt64, perByte: UInt64) { self.base = base; self.perByte = perByte }
    /// The default: 10 million steps plus 1,000 per byte (about 2 to 5 ms of matching per KB at most).
    public static let standard = RuleBudget(base: 10_000_000, perByte: 1_000)
    /// The steps allowed on a document of `bytes` bytes.
    public func steps(forDocumentOf bytes: Int) -> UInt64 {
        let (extra, overflow) = perByte.multipliedReportingOverflow(by: UInt64(bytes))
        let (total, overflow2) = base.addingReportingOverflow(extra)
        return overflow || overflow2 ? .max - 1 : total
    }
}

/// What extraction yields for one document.
public struct Extraction: Sendable {
    /// The document extracted from (its suppression comments blanked, when the engine ran it).
    public let document: Document
    /// The date relative expressions were resolved against: the caller's, else the dateline's; nil when there is neither.
    public let referenceDate: CalendarDate?
    /// Where ``referenceDate`` came from.
    public let referenceDateSource: ReferenceDateSource
    /// The dateline mention's span, when the reference date came from it.
    public let datelineSpan: Span?
    /// The headline line (first line, when a dateline follows it).
    public let headlineSpan: Span?
    /// The mentions found, sorted by position; records and findings refer to them by index.
    public let mentions: [Mention]
    /// Problems met on the way (a rule that hit the match limit); every other result is kept.
    public let diagnostics: [ExtractionDiagnostic]
    /// What the reader should know about the results (a dateline that gives no year).
    public let warnings: [String]
    /// The indices of the mentions inside each sentence, in order (mentions are sorted by position),
    /// so that records and checks never scan every mention for every sentence.
    public let bySentence: [[Int]]

    package init(document: Document, referenceDate: CalendarDate?, referenceDateSource: ReferenceDateSource, datelineSpan: Span?,
         headlineSpan: Span?, mentions: [Mention], diagnostics: [ExtractionDiagnostic], warnings: [String] = []) {
        self.document = document
        self.referenceDate = referenceDate
        self.referenceDateSource = referenceDateSource
        self.datelineSpan = datelineSpan
        self.headlineSpan = headlineSpan
        self.mentions = mentions
        self.diagnostics = diagnostics
        self.warnings = warnings
        var by = Array(repeating: [Int](), count: document.sentences.count)
        for (i, m) in mentions.enumerated() {
            if let s = document.sentenceIndex(of: m.span.start), document.sentences[s].span.contains(m.span) { by[s].append(i) }
        }
        bySentence = by
    }

    /// The mentions inside the sentence at `index`.
    public func mentions(inSentence index: Int) -> [Int] {
        bySentence.indices.contains(index) ? bySentence[index] : []
    }
}

/// Runs every rule over a document, resolves overlaps, normalizes values and resolves dates
/// against the reference date (the `--date` option, else the dateline).
public final class Extractor: @unchecked Sendable {
    /// The rules and lexicons the extractor runs.
    public let ruleSet: RuleSet
    let futureCues: Pattern?
    /// Verbs in the past tense (`past-cues`) that mark a clause as a report of what happened.
    let pastCues: Pattern?
    /// What a price table's figures are in (definition `price-table-unit`; see ``priceTables(_:_:)``).
    let priceTableUnit: Pattern?
    /// What a list of figures with their previous ones in brackets is in (definition
    /// `bracket-list-unit`; see ``bracketLists(_:_:)``).
    let bracketListUnit: Pattern?
    /// What follows a trading position's months (definition `position-after`: "June/July going at 1,850 dlrs").
    let positionAfter: Pattern?
    /// What follows a split year when the story says its months (`split-year-months-after`).
    let splitYearMonthsAfter: Pattern?
    /// What comes right before the months of a position a price is quoted for (definition
    /// `position-before`: "785 dlrs for May").
    let positionBefore: Pattern?
    /// What comes right before or after a futures contract's month (definitions
    /// `contract-month-before`, `contract-month-after`: "New York May", "the July contract").
    let contractMonthBefore: Pattern?, contractMonthAfter: Pattern?
    let localDollarPlaces: Pattern?
    /// Places whose stories quote their own dollar and the U.S. dollar alike (`dual-dollar-places`).
    let dualDollarPlaces: Pattern?
    /// Places without a dollar whose currency's hundredth copy calls a cent (`local-cents`).
    let localCentsPlaces: Pattern?
    /// Instruments counted in a place's own dollar (`local-dollar-instruments`).
    let localDollarInstruments: Pattern?
    /// The places of `fiscal-years`, in any case (datelines are in capitals).
    let fiscalPlaces: Pattern?
    /// The places of `local-currencies`, in any case (datelines are in capitals: "KUWAIT, March 3 -").
    let localCurrencyPlaces: Pattern?
    /// The places of `place-letter-sign-places`, in any case ("JOHANNESBURG -").
    let placeSignPlaces: Pattern?
    /// The `carry-barrier` definition: text that a carried currency may not cross (a share count).
    let carryBarrier: Pattern?
    /// The cues of ``classifyPercents(_:_:)``.
    let percentKindCues: PercentKindCues
    /// Keep mentions of latent rules (bare numbers) in the output; off by default.
    public let keepLatent: Bool
    /// A verb of reporting ending right where a date starts (see ``tense(around:in:memo:)``).
    let reportVerbBefore: Pattern?
    /// Where a clause begins inside a sentence (see ``clause(around:in:sentence:memo:)``).
    let clauseBoundary: Pattern?

    /// A qualifier ending right where a mention starts ("about ", "since "), for quantities and for calendar mentions.
    let quantityQualifier: Pattern?
    let calendarQualifier: Pattern?

    /// Run each rule only where its trigger occurs (see ``triggerRegions(_:_:scratch:diagnostics:)``);
    /// on by default. Off, every rule scans the whole text: the same mentions, more slowly.
    public let prefilter: Bool
    /// Finds the literal triggers (all built-in ones) in one pass.
    let triggerScanner: TriggerScanner
    /// For each trigger, whether ``triggerScanner`` finds it (else it is a PCRE2 search).
    let scannedTriggers: [Bool]
    /// How far before a trigger region a rule's search begins.
    static let regionLead = 48
    /// The lexicons ``normalize(_:_:)`` reads.
    let normalizationLexicons: NormalizationLexicons
    /// The work each step-counting rule may do on one document (see ``RuleBudget``).
    public let ruleBudget: RuleBudget

    /// An extractor for `ruleSet`. `keepLatent` keeps latent rules' mentions (bare numbers);
    /// `prefilter: false` runs every rule over the whole text (the same mentions, more slowly).
    /// Throws when a helper pattern built from the rule set's definitions or lexicons does not compile.
    /// `ruleBudget` bounds the work of each rule that counts its steps on one document.
    public init(ruleSet: RuleSet, keepLatent: Bool = false, prefilter: Bool = true, ruleBudget: RuleBudget = .standard) throws {
        self.ruleSet = ruleSet
        self.ruleBudget = ruleBudget
        self.prefilter = prefilter
        normalizationLexicons = NormalizationLexicons(ruleSet)
        triggerScanner = TriggerScanner(literals: ruleSet.triggerLiterals)
        var scanned = Array(repeating: false, count: ruleSet.triggerPatterns.count)
        for t in triggerScanner.triggers { scanned[t] = true }
        scannedTriggers = scanned
        quantityQualifier = ruleSet.definitions["qualifier-before-quantity"] == nil ? nil
            : try ruleSet.compile(#"(?<![A-Za-z])(?<q>{{qualifier-before-quantity}})[ \t\n]+\z"#)
        calendarQualifier = ruleSet.definitions["qualifier-before-calendar"] == nil ? nil
            : try ruleSet.compile(#"(?<![A-Za-z])(?<q>{{qualifier-before-calendar}})[ \t\n]+\z"#)
        carryBarrier = ruleSet.definitions["carry-barrier"] == nil ? nil : try ruleSet.compile("{{carry-barrier}}")
        percentKindCues = try PercentKindCues(ruleSet)
        self.keepLatent = keepLatent
        localDollarPlaces = ruleSet.lexicons["local-dollars"] != nil
            ? try ruleSet.compile(#"(?<![A-Za-z])(?<w>{{lexicon:local-dollars}})(?![A-Za-z])"#) : nil
        dualDollarPlaces = ruleSet.lexicons["dual-dollar-places"] != nil
            ? try ruleSet.compile(#"(?<![A-Za-z])(?<w>{{lexicon:dual-dollar-places}})(?![A-Za-z])"#) : nil
        localCentsPlaces = ruleSet.lexicons["local-cents"] != nil
            ? try ruleSet.compile(#"(?<![A-Za-z])(?<w>{{lexicon:local-cents}})(?![A-Za-z])"#) : nil
        localDollarInstruments = ruleSet.lexicons["local-dollar-instruments"] != nil
            ? try ruleSet.compile(#"(?<![A-Za-z])(?<w>{{lexicon:local-dollar-instruments}})(?![A-Za-z])"#) : nil
        fiscalPlaces = ruleSet.lexicons["fiscal-years"] == nil ? nil : ruleSet.lexicons["fiscal-years-former"] != nil
            ? try ruleSet.compile(#"(?<![A-Za-z])(?<w>{{lexicon:fiscal-years}}|{{lexicon:fiscal-years-former}})(?![A-Za-z])"#)
            : try ruleSet.compile(#"(?<![A-Za-z])(?<w>{{lexicon:fiscal-years}})(?![A-Za-z])"#)
        placeSignPlaces = ruleSet.lexicons["place-letter-sign-places"] != nil
            ? try ruleSet.compile(#"(?<![A-Za-z])(?<w>{{lexicon:place-letter-sign-places}})(?![A-Za-z])"#) : nil
        localCurrencyPlaces = ruleSet.lexicons["local-currencies"] != nil
            ? try ruleSet.compile(#"(?<![A-Za-z])(?<w>{{lexicon:local-currencies}})(?![A-Za-z])"#) : nil
        futureCues = ruleSet.lexicons["future-cues"] != nil ? try ruleSet.compile(#"\b{{lexicon:future-cues}}\b"#) : nil
        // Not a participle of the present passive ("provided the accord is approved before October 1").
        pastCues = ruleSet.lexicons["past-cues"] != nil ? try ruleSet.compile(#"(?<!\bis\s)(?<!\bare\s)(?<!\bbe\s)(?<!\bbeing\s)\b{{lexicon:past-cues}}\b"#) : nil
        priceTableUnit = ruleSet.definitions["price-table-unit"] == nil ? nil : try ruleSet.compile("{{price-table-unit}}")
        bracketListUnit = ruleSet.definitions["bracket-list-unit"] == nil ? nil : try ruleSet.compile("{{bracket-list-unit}}")
        positionAfter = ruleSet.definitions["position-after"] == nil ? nil : try ruleSet.compile("{{position-after}}")
        splitYearMonthsAfter = ruleSet.definitions["split-year-months-after"] == nil ? nil : try ruleSet.compile("{{split-year-months-after}}")
        positionBefore = ruleSet.definitions["position-before"] == nil ? nil : try ruleSet.compile("{{position-before}}")
        contractMonthBefore = ruleSet.definitions["contract-month-before"] == nil ? nil : try ruleSet.compile("{{contract-month-before}}")
        contractMonthAfter = ruleSet.definitions["contract-month-after"] == nil ? nil : try ruleSet.compile("{{contract-month-after}}")
        clauseBoundary = ruleSet.lexicons["clause-openers"] != nil ? try ruleSet.compile(#"[,;:]|--|``|''|"|\b(?:{{lexicon:clause-openers}})\b"#) : nil
        reportVerbBefore = ruleSet.lexicons["report-verbs"] != nil ? try ruleSet.compile(#"\b{{lexicon:report-verbs}}\s+(?:on\s+|last\s+|this\s+|early\s+|late\s+)?$"#) : nil
    }

    struct Candidate {
        /// Every stored property, as the memberwise initializer takes them.
        package init(rule: Int, match: Span, span: Span, groups: [(field: RuleField, range: Range<Int>)]) { self.rule = rule; self.match = match; self.span = span; self.groups = groups }
        package let rule: Int
        package let match: Span
        package let span: Span
        /// The rule's groups that took part in the match (fields and TIMEX3 parts), in ``Rule/fieldGroups`` order.
        package let groups: [(field: RuleField, range: Range<Int>)]
    }

    /// Runs the rules over `document` (each only where its trigger occurs, when prefiltering) and
    /// returns their matches, unresolved, with any rule failures. The first stage of ``extract(_:scratch:keepLatent:)``.
    func scan(_ document: Document, scratch: MatchScratch, keepLatent keep: Bool) -> ([Candidate], [ExtractionDiagnostic]) {
        var candidates: [Candidate] = []
        var diagnostics: [ExtractionDiagnostic] = []
        document.bytes.withUnsafeBufferPointer { buffer in
            let regions = prefilter ? StageProfiler.time(.triggers) { triggerRegions(document, buffer, scratch: scratch, diagnostics: &diagnostics) } : []
            StageProfiler.time(.rules) {
            let whole = [0..<buffer.count]
            for (index, rule) in ruleSet.rules.enumerated() {
                // A latent rule's mentions would be dropped and never displace another: skip its scan.
                if rule.latent && !keep { continue }
                let searched = prefilter ? ruleSet.ruleTriggers[index].map { regions[$0] } ?? whole : whole
                var lastEnd = 0
                // A rule that counts its steps gets a fresh budget for this document, spent across
                // all its regions and start positions; when it runs out, the rule stops here.
                let budget = rule.pattern.countsSteps ? ruleBudget.steps(forDocumentOf: buffer.count) : nil
                if let budget { scratch.stepBudget = budget }
                defer { if budget != nil { scratch.stepBudget = .max } }
                do {
                    for region in searched where lastEnd < region.upperBound {
                        // The search begins a little before the region (a match may start in the sentence
                        // before its trigger's: "its first\nquarter" across a short wire line) and finds
                        // only matches that start inside it; they may end after it, as in the whole text.
                        let start = max(region.lowerBound - Extractor.regionLead, lastEnd, 0)
                        try rule.pattern.forEachMatch(in: buffer, from: start, startingBefore: region.upperBound, scratch: scratch) { m in
                            let whole = m.range
                            if whole.lowerBound >= region.upperBound { return false }
                            lastEnd = whole.upperBound
                            let span = rule.spanGroup.flatMap { m.range(ofGroup: $0) } ?? whole
                            var groups: [(field: RuleField, range: Range<Int>)] = []
                            groups.reserveCapacity(rule.fieldGroups.count)
                            for fg in rule.fieldGroups { if let r = m.range(ofGroup: fg.group) { groups.append((fg.field, r)) } }
                            if !whole.isEmpty { candidates.append(Candidate(rule: index, match: Span(whole), span: Span(span), groups: groups)) }
                            return true
                        }
                    }
                } catch PCRE2Error.stepBudget(let at) {
                    let place = document.location(of: at)
                    diagnostics.append(ExtractionDiagnostic(rule: rule.id, message: "work budget of \(budget ?? 0) steps for this document used up "
                        + "at line \(place.line), column \(place.column) (the rule backtracks or scans too much); the rule was stopped there"))
                } catch {
                    diagnostics.append(ExtractionDiagnostic(rule: rule.id, message: "\(error)"))
                }
            }
            }
        }
        return (candidates, diagnostics)
    }

    /// Matches found by the rules in `document` (for timing: the scan alone, without normalization).
    public func scanCount(_ document: Document, scratch: MatchScratch) -> Int {
        scan(document, scratch: scratch, keepLatent: keepLatent).0.count
    }

    /// Extracts mentions from `document`. `scratch` is per-thread matching state; `keepLatent`
    /// overrides the extractor's setting for this call.
    /// Values beyond this (10^24) are no figure of trade or of anything else: they are not read.
    public static let largestValue = Decimal(sign: .plus, exponent: 24, significand: 1)

    public func extract(_ document: Document, scratch: MatchScratch = MatchScratch(), keepLatent: Bool? = nil) -> Extraction {
        var (candidates, diagnostics) = scan(document, scratch: scratch, keepLatent: keepLatent ?? self.keepLatent)
        var chosen = StageProfiler.time(.overlaps) { resolveOverlaps(candidates) }
        StageProfiler.time(.qualifiers) { attachQualifiers(&chosen, document) }
        var mentions: [Mention] = StageProfiler.time(.normalize) { chosen.compactMap { normalize($0, document) } }
        // A value that overflowed or is beyond any real figure ("1e128 dollars", "a million million
        // million … dollars") is not read: a warning names it, and the other figures stay.
        mentions.removeAll { m in
            guard let v = m.numericValue, v.isNaN || v > Self.largestValue || v < -Self.largestValue else { return false }
            let at = document.location(of: m.span.start)
            diagnostics.append(ExtractionDiagnostic(rule: m.rule, message: "\"\(m.text.prefix(60))\" at line \(at.line), column \(at.column) is out of range (beyond 10^24), not read as a figure"))
            return true
        }
        // A figure split by an invisible character ("$22.<U+200B>13 million", "1<U+200D>2%") would
        // be read as two wrong figures: neither part is read, and a warning says where.
        var warnings: [String] = []
        Self.dropFiguresSplitByInvisibles(&mentions, document, &warnings)
        Self.reportDigitsNotRead(document, &warnings)
        Self.keepSegmentFiguresInResultsTables(&mentions, document)
        priceTables(&mentions, document)
        bracketLists(&mentions, document)
        addPercentListMembers(&mentions, document)
        addMoneyListMembers(&mentions, document)
        addDayListMembers(&mentions, document)
        classifyPercents(&mentions, document)
        let calendarStart = StageProfiler.enabled ? StageProfiler.now() : 0

        // Reference date: given, else the dateline.
        var reference = document.givenReferenceDate
        var source: ReferenceDateSource = reference == nil ? .none : document.givenReferenceDateSource
        var datelineSpan: Span? = nil
        var headlineSpan: Span? = nil
        var yearlessDateline: Int? = nil
        if let line = dateline(mentions, document) {
            let i = line.index
            mentions[i].role = "dateline"
            datelineSpan = mentions[i].span
            if let s = line.stamp { mentions[s].role = "stamp" }
            if reference == nil {
                reference = line.date
                source = reference == nil ? .none : line.stamp == nil ? .dateline : .datelineStamp
                if reference == nil { yearlessDateline = i }
            } else if let given = reference, line.date == nil, let f = mentions[i].periodFields, f.year == nil, let m = f.month, let d = f.day {
                // A wire's date is its desk's; a yearless dateline a day or two off it is the
                // story's own day in its place ("MELBOURNE, June 19" on the wire of June 18): its
                // "today" and "yesterday" are counted from the dateline.
                for y in [given.year - 1, given.year, given.year + 1] {
                    if let local = CalendarDate(validYear: y, month: m, day: d), local != given, abs(local.dayNumber - given.dayNumber) <= 2 {
                        reference = local
                        source = .datelineDay
                    }
                }
            }
            let lineNo = document.lineIndex.lineIndex(of: mentions[i].span.start)
            let first = document.lineIndex.span(ofLine: 1, in: document.bytes)
            if lineNo > 0, !(line.stamp.map { first.contains(mentions[$0].span) } ?? false) { headlineSpan = first }
        }

        // Resolve calendar mentions, then anaphoric ones ("the same period last year").
        // The fiscal year of the story's place, for years written across two years ("1985/86").
        // A fiscal year the story states ("fiscal 1987, which ends March 31") comes before the place's.
        var fiscalYear: FiscalYear? = Self.statedFiscalYear(mentions)
        if fiscalYear == nil, let places = fiscalPlaces, mentions.contains(where: { $0.periodFields.map { $0.yearTo != nil || $0.fiscal || $0.toDate && $0.fiscalEndMonth != nil } ?? false }) {
            for z in placeZones(document, datelineSpan: datelineSpan, headlineSpan: headlineSpan, firstLines: true) {
                if let hit = document.matchSpans(of: places, in: z, group: "w").first {
                    fiscalYear = self.fiscalYear(ofPlace: document.text(hit), reference: reference)
                    break
                }
            }
        }
        if let i = yearlessDateline {
            if let d = ledeYearDate(mentions, dateline: i, document, fiscalYear: fiscalYear) {
                reference = d
                source = .datelineLede
            } else {
                let at = document.location(of: mentions[i].span.start)
                warnings.append("the dateline \"\(mentions[i].text)\" at line \(at.line), column \(at.column) gives no year, and no stamp line does: relative dates are left unresolved (give --date, or a date in front matter or in the JSON Lines record)")
            }
        }
        resolveCalendar(&mentions, reference: reference, document, fiscalYear: fiscalYear)
        if StageProfiler.enabled { StageProfiler.totals[Stage.calendar.rawValue] &+= StageProfiler.now() &- calendarStart }
        StageProfiler.time(.currencies) { resolveCurrencies(&mentions, document, datelineSpan: datelineSpan, headlineSpan: headlineSpan, reference: reference) }
        // Latent mentions are dropped before anything refers to mentions by index.
        if !(keepLatent ?? self.keepLatent) { mentions.removeAll { $0.latent } }
        return Extraction(document: document, referenceDate: reference, referenceDateSource: source,
                          datelineSpan: datelineSpan, headlineSpan: headlineSpan, mentions: mentions, diagnostics: diagnostics,
                          warnings: warnings)
    }

    /// Whether `bytes` has an invisible format character (U+200B…U+200D, U+2060, U+FEFF) starting at `i`.
    static func invisibleLength(_ b: [UInt8], at i: Int) -> Int {
        guard i + 2 < b.count else { return 0 }
        if b[i] == 0xE2, b[i + 1] == 0x80, (0x8B...0x8D).contains(b[i + 2]) { return 3 }
        if b[i] == 0xE2, b[i + 1] == 0x81, b[i + 2] == 0xA0 { return 3 }
        if b[i] == 0xEF, b[i + 1] == 0xBB, b[i + 2] == 0xBF { return 3 }
        return 0
    }

    /// Digits other than ASCII (fullwidth "２０２４", Arabic-Indic "٢٠٢٤", Extended Arabic-Indic,
    /// Devanagari) are not read as figures: one warning says where the first is and how many runs.
    static func reportDigitsNotRead(_ document: Document, _ warnings: inout [String]) {
        let b = document.bytes
        var first: Int? = nil, runs = 0, inRun = false
        var i = 0
        while i < b.count {
            var n = 0
            if b[i] == 0xEF, i + 2 < b.count, b[i + 1] == 0xBC, (0x90...0x99).contains(b[i + 2]) { n = 3 }
            else if b[i] == 0xD9, i + 1 < b.count, (0xA0...0xA9).contains(b[i + 1]) { n = 2 }
            else if b[i] == 0xDB, i + 1 < b.count, (0xB0...0xB9).contains(b[i + 1]) { n = 2 }
            else if b[i] == 0xE0, i + 2 < b.count, b[i + 1] == 0xA5, (0xA6...0xAF).contains(b[i + 2]) { n = 3 }
            if n > 0 {
                if !inRun { runs += 1; first = first ?? i }
                inRun = true
                i += n
            } else {
                inRun = false
                i += 1
            }
        }
        guard let f = first else { return }
        let at = document.location(of: f)
        warnings.append("digits other than ASCII 0-9 (fullwidth, Arabic-Indic or Devanagari) are not read as figures: \(runs) run(s), the first at line \(at.line), column \(at.column)")
    }

    /// Removes the figures that an invisible character between two digits (or a digit and a
    /// decimal point) cuts apart, with one warning per such place.
    static func dropFiguresSplitByInvisibles(_ mentions: inout [Mention], _ document: Document, _ warnings: inout [String]) {
        let b = document.bytes
        func isDigitish(_ c: UInt8) -> Bool { (0x30...0x39).contains(c) || c == 0x2E || c == 0x2C }
        var cuts: [Int] = []
        var i = 1
        while i + 3 < b.count {
            let n = invisibleLength(b, at: i)
            if n > 0, isDigitish(b[i - 1]), isDigitish(b[i + n]), (0x30...0x39).contains(b[i - 1]) || (0x30...0x39).contains(b[i + n]) {
                cuts.append(i)
                i += n
            } else {
                i += 1
            }
        }
        guard !cuts.isEmpty else { return }
        for c in cuts.prefix(10) {
            let at = document.location(of: c)
            warnings.append("an invisible character (zero-width space or joiner) at line \(at.line), column \(at.column) splits a figure; the figure is not read")
        }
        if cuts.count > 10 { warnings.append("\(cuts.count - 10) more figures split by invisible characters are not read") }
        // Cuts are in order: the first at or after a mention's start (binary search) tells.
        mentions.removeAll { m in
            // (A decimal point or comma may stand between the figure and the cut: "$22.<U+200B>13".)
            let first = cuts.partitioningIndex { $0 + 4 >= m.matchSpan.start }
            return first < cuts.count && cuts[first] <= m.matchSpan.end + 1
        }
    }

    /// For each of the rule set's triggers, the byte ranges where its rules run: runs of consecutive
    /// sentences in which the trigger occurs. The literal triggers are found together in one pass
    /// (``TriggerScanner``); any other is a PCRE2 search that, after a hit, resumes at the end of the
    /// hit's sentence. A trigger that fails (match limit) yields the whole text.
    func triggerRegions(_ document: Document, _ buffer: UnsafeBufferPointer<UInt8>, scratch: MatchScratch,
                        diagnostics: inout [ExtractionDiagnostic]) -> [[Range<Int>]] {
        let sentences = document.sentences
        var regions = [[Range<Int>]](repeating: [], count: ruleSet.triggerPatterns.count)
        /// Runs of consecutive sentences whose flag is set.
        func runs(_ marked: (Int) -> Bool) -> [Range<Int>] {
            var out: [Range<Int>] = []
            var previous = -2
            for s in sentences.indices where marked(s) {
                let span = sentences[s].span
                if previous == s - 1, let last = out.last { out[out.count - 1] = last.lowerBound..<span.end } else { out.append(span.start..<span.end) }
                previous = s
            }
            return out
        }
        // The literal triggers' runs, in one pass over the sentences (bit k of a mask is `triggers[k]`).
        let masks = triggerScanner.sentenceMasks(buffer, sentences: sentences)
        var lastSentence = [Int](repeating: -2, count: triggerScanner.triggers.count)
        for (s, mask) in masks.enumerated() where mask != 0 {
            let span = sentences[s].span
            var m = mask
            while m != 0 {
                let k = m.trailingZeroBitCount
                m &= m - 1
                let t = triggerScanner.triggers[k]
                if lastSentence[k] == s - 1 { regions[t][regions[t].count - 1] = regions[t][regions[t].count - 1].lowerBound..<span.end } else { regions[t].append(span.start..<span.end) }
                lastSentence[k] = s
            }
        }
        for (t, pattern) in ruleSet.triggerPatterns.enumerated() where !scannedTriggers[t] {
            var marked = Set<Int>()
            var offset = 0
            var s = 0
            // A user's trigger spends a budget of steps on this document; spent, its rules search the whole text
            // (each with its own budget).
            if pattern.countsSteps { scratch.stepBudget = ruleBudget.steps(forDocumentOf: buffer.count) }
            defer { if pattern.countsSteps { scratch.stepBudget = .max } }
            do {
                while s < sentences.count, let hit = try pattern.firstMatch(in: buffer, from: offset, scratch: scratch) {
                    while s < sentences.count && sentences[s].span.end <= hit.lowerBound { s += 1 }
                    guard s < sentences.count else { break }
                    marked.insert(s)
                    offset = max(sentences[s].span.end, hit.upperBound)
                    s += 1
                }
                regions[t] = runs { marked.contains($0) }
            } catch {
                diagnostics.append(ExtractionDiagnostic(rule: "trigger \(t + 1)", message: "\(error); its rules searched the whole text"))
                regions[t] = [0..<buffer.count]
            }
        }
        return regions
    }

    /// Finds a qualifier just before each candidate that has none from its rule, and widens the
    /// candidate's match over it ("about $5 million", "since October 2004"). A qualifier that the
    /// previous candidate's match already covers is left alone.
    func attachQualifiers(_ chosen: inout [Candidate], _ document: Document) {
        var previousEnd = 0
        for i in chosen.indices {
            defer { previousEnd = max(previousEnd, chosen[i].match.end) }
            let c = chosen[i]
            let rule = ruleSet.rules[c.rule]
            guard rule.allowsQualifier, !c.groups.contains(where: { $0.field == .qualifier }) else { continue }
            guard let pattern = rule.type.isCalendar ? calendarQualifier : quantityQualifier else { continue }
            let window = Span(max(previousEnd, c.match.start - 48), c.match.start)
            // The pattern's match starts where its qualifier group does (only a lookbehind precedes it).
            guard window.length > 1, let q = document.matchSpans(of: pattern, in: window, group: "q").last else { continue }
            chosen[i] = Candidate(rule: c.rule, match: Span(q.start, c.match.end), span: c.span, groups: c.groups + [(.qualifier, q.range)])
        }
    }

    /// Non-latent matches are placed first, so a latent match (a bare number) never displaces a typed
    /// one, even a shorter one, and loses every tie; then the longest match wins, then higher
    /// priority, then the earlier rule. Accepted matches never overlap.
    func resolveOverlaps(_ candidates: [Candidate]) -> [Candidate] {
        let order = candidates.indices.sorted { a, b in
            let x = candidates[a], y = candidates[b]
            let lx = ruleSet.rules[x.rule].latent, ly = ruleSet.rules[y.rule].latent
            if lx != ly { return !lx }
            if x.match.length != y.match.length { return x.match.length > y.match.length }
            let px = ruleSet.rules[x.rule].priority, py = ruleSet.rules[y.rule].priority
            if px != py { return px > py }
            if x.match.start != y.match.start { return x.match.start < y.match.start }
            return x.rule < y.rule
        }
        var accepted: [Candidate] = []
        // The bytes the accepted matches cover, where they start, and where an accepted empty match
        // stands: a candidate is checked against its own bytes only, so this is linear in the
        // candidates' total length (a sorted array of spans with insertions was quadratic).
        let size = (candidates.map(\.match.end).max() ?? 0) + 1
        var occupied = [Bool](repeating: false, count: size), startsAt = occupied, emptyAt = occupied
        for i in order {
            let c = candidates[i]
            let s = max(0, c.match.start), e = max(s, c.match.end)
            if s == e {
                // An empty match is refused inside a taken span (not at its start).
                if occupied[s] && !startsAt[s] { continue }
                emptyAt[s] = true
            } else {
                if (s..<e).contains(where: { occupied[$0] || emptyAt[$0] }) { continue }
                for k in s..<e { occupied[k] = true }
                startsAt[s] = true
            }
            accepted.append(c)
        }
        return accepted.sorted { ($0.span.start, $0.span.end) < ($1.span.start, $1.span.end) }
    }

}
