import Foundation
import TradeFactsRules
import TradeFactsText
import TradeFactsReport
import TradeFacts

/// Sensitivity of the checks on real copy: one typed slip planted in a copy of a real story (Reuters-21578,
/// and the consistent Corpus articles), only where the story's own text then contradicts the slip, and
/// whether some check notices.
///
/// A site is planted only where the slip is decidable from the text alone (and the story's date):
/// a direction word between two stated values, a past-tense reported period, a base period beside
/// its value's period, a figure stated twice or with its change and base. Each copy carries one
/// slip. A copy counts as **detected** when the engine gives it a finding (any check, any severity)
/// that the clean story does not have: a finding of the same check over the same span (the span
/// moved by the edit's change in length) is the clean story's, anything else is new.
package enum SlipEval {
    /// The classes of slip, each with a stable name.
    package enum Kind: String, CaseIterable, Sendable {
        /// rose ↔ fell (up ↔ down, widened ↔ narrowed…) in a statement whose value and base move the way the word says.
        case directionSwap = "direction-swap"
        /// The year of a past-tense reported period moved one to three years past the story's date.
        case yearAfterDateline = "year-after-dateline"
        /// The year of a comparison base moved to the year after its value's period.
        case baseAfterValue = "base-after-value"
        /// A year written out where the headline or lede names the same stretch of the story's year
        /// for the same flow, or the same figure is given for "last year" or "this year": the year
        /// moved back by one.
        case datelineYear = "dateline-year"
        /// The leading digit of one of two statements of the same fact changed.
        case repeatDiffers = "repeat-differs"
        /// million ↔ billion (mln ↔ billion) in a figure stated twice or with its change and base.
        case scaleSwap = "scale-swap"
        /// One digit of a percent change stated with both its values.
        case changeDigit = "change-digit"
    }

    /// The seeded generator (SplitMix64), shared with `eval mutations`.
    package typealias Random = MutationEval.Random

    /// One edit at a byte span of the story's text.
    package struct Slip: Sendable, CustomStringConvertible {
        package let kind: Kind
        package let span: Span
        package let original: String
        package let replacement: String
        /// What was edited and why the text decides it.
        package let note: String
        package init(kind: Kind, span: Span, original: String, replacement: String, note: String) {
            self.kind = kind; self.span = span; self.original = original; self.replacement = replacement
            self.note = SlipEval.oneLine(note)
        }
        package var description: String { "\(kind.rawValue): \"\(original)\" → \"\(replacement)\" (\(note))" }
    }

    /// A story to plant slips in: its text and date.
    package struct Story: Sendable {
        package let id: String
        package let bytes: [UInt8]
        package let date: CalendarDate?
        /// A consistent Corpus article rather than a Reuters story.
        package let isCorpus: Bool
        package init(id: String, bytes: [UInt8], date: CalendarDate?, isCorpus: Bool = false) {
            self.id = id; self.bytes = bytes; self.date = date; self.isCorpus = isCorpus
        }
        var document: Document { Document(id: id, bytes: bytes, referenceDate: date) }
    }

    package struct KindResult: Sendable {
        /// Copies with this slip (one slip per copy, at most one copy per story).
        package var planted = 0
        package var detected = 0
        /// Copies planted in Corpus articles (included in `planted`).
        package var plantedInCorpus = 0
        /// Check id → copies it gave a new finding on.
        package var byCheck: [String: Int] = [:]
        /// Detected copies whose new findings all point outside the edited sentence (by their span and related spans).
        package var detectedElsewhere = 0
        /// Candidate stories looked at for a site, and those with none.
        package var scanned = 0
        package var withoutSite = 0
        package init() {}
    }

    /// An undetected copy, for reading.
    package struct Miss: Sendable {
        package let story: String
        package let slip: Slip
        /// The edited sentence, as the copy has it.
        package let sentence: String
    }

    package struct Result: Sendable {
        /// Reuters stories processed clean, and the findings on them (by check).
        package var reutersStories = 0
        package var reutersFindings: [String: Int] = [:]
        /// The findings on the clean Reuters stories, as "story: check message", for reading.
        package var reutersFindingList: [String] = []
        /// Consistent Corpus articles, and the findings on them.
        package var corpusArticles = 0
        package var corpusFindings: [String] = []
        /// Stories with at least one statement or record with a figure (the stories slips are planted in).
        package var candidates = 0
        package var kinds: [Kind: KindResult] = [:]
        package var undetected: [Kind: [Miss]] = [:]
        /// The planted copies, in order (story id and slip), to compare runs.
        package var planted: [String] = []

        package var totalPlanted: Int { kinds.values.reduce(0) { $0 + $1.planted } }
        package var totalDetected: Int { kinds.values.reduce(0) { $0 + $1.detected } }
        package var reutersFindingCount: Int { reutersFindings.values.reduce(0, +) }
    }

    // MARK: - Running

    /// Reads the Reuters stories of `reuters` (a `reuters21578` folder) and the consistent articles of `corpus`
    /// (either may be nil), then runs ``run(stories:engine:seed:perKind:keepUndetected:)``.
    package static func load(reuters: String?, corpus: String?) throws -> [Story] {
        var stories: [Story] = []
        if let dir = reuters {
            stories += try ReutersStory.load(directory: dir).map { Story(id: "reuters-\($0.id)", bytes: Array($0.text.utf8), date: $0.date) }
        }
        if let dir = corpus {
            stories += try consistentCorpus(directory: dir)
        }
        return stories
    }

    /// The Corpus articles whose gold lists no finding, with their dates (as `eval mutations` reads them).
    package static func consistentCorpus(directory: String) throws -> [Story] {
        try MutationEval.consistentArticles(directory: directory).map { Story(id: "corpus/\($0.file)", bytes: $0.bytes, date: $0.date, isCorpus: true) }
    }

    /// Processes every story clean (its findings are the false alarms' measure), keeps those with a
    /// statement or record with a figure, and for each class walks them in a seeded order, planting one
    /// slip in each story that has a decidable site, until `perKind` copies are planted.
    package static func run(stories: [Story], engine: Engine, seed: UInt64 = 1987, perKind: Int = 600, keepUndetected: Int = 0) -> Result {
        var result = Result()
        // The clean pass, on all cores: findings of every story, and the candidates' results.
        final class Collected: @unchecked Sendable {
            let lock = NSLock()
            var clean: [DocumentResult?]
            var findings: [[Finding]]
            init(_ n: Int) { clean = Array(repeating: nil, count: n); findings = Array(repeating: [], count: n) }
        }
        let collected = Collected(stories.count)
        let chunk = 64
        DispatchQueue.concurrentPerform(iterations: (stories.count + chunk - 1) / chunk) { c in
            for i in (c * chunk)..<min(stories.count, (c + 1) * chunk) {
                let r = engine.process(stories[i].document)
                let candidate = !r.records.isEmpty || r.statements.contains { $0.value != nil }
                collected.lock.lock()
                collected.findings[i] = r.findings
                if candidate { collected.clean[i] = r }
                collected.lock.unlock()
            }
        }
        let clean = collected.clean, findings = collected.findings
        for (i, story) in stories.enumerated() {
            if story.isCorpus {
                result.corpusArticles += 1
                result.corpusFindings += findings[i].map { "\(story.id): \($0.check) \(oneLine($0.message))" }
            } else {
                result.reutersStories += 1
                for f in findings[i] {
                    result.reutersFindings[f.check, default: 0] += 1
                    result.reutersFindingList.append("\(story.id): \(f.check) \(oneLine(f.message))")
                }
            }
        }
        let candidates = stories.indices.filter { clean[$0] != nil }
        result.candidates = candidates.count

        for (ki, kind) in Kind.allCases.enumerated() {
            // Each class draws from its own generator, so adding a class leaves the others' draws alone.
            var random = Random(state: seed &+ UInt64(ki + 1) &* 0xD1B5_4A32_D192_ED03)
            var order = candidates
            for i in stride(from: order.count - 1, to: 0, by: -1) { order.swapAt(i, random.below(i + 1)) }
            var k = KindResult()
            for i in order {
                if k.planted >= perKind { break }
                guard let cleanResult = clean[i] else { continue }
                k.scanned += 1
                let found = sites(kind, cleanResult, random: &random)
                guard !found.isEmpty else { k.withoutSite += 1; continue }
                let slip = found[random.below(found.count)]
                let story = stories[i]
                var bytes = story.bytes
                bytes.replaceSubrange(slip.span.start..<slip.span.end, with: Array(slip.replacement.utf8))
                let copy = Story(id: story.id, bytes: bytes, date: story.date, isCorpus: story.isCorpus)
                let mutated = engine.process(copy.document)
                k.planted += 1
                if story.isCorpus { k.plantedInCorpus += 1 }
                result.planted.append("\(story.id) \(slip)")
                let fresh = newFindings(clean: cleanResult.findings, mutated: mutated.findings, slip: slip)
                if !fresh.isEmpty {
                    k.detected += 1
                    for c in Set(fresh.map(\.check)) { k.byCheck[c, default: 0] += 1 }
                    // Whether some new finding points into the edited sentence (itself or a related span).
                    let doc = mutated.extraction?.document ?? copy.document
                    if let s = doc.sentenceIndex(of: slip.span.start) {
                        let sentence = doc.sentences[s].span
                        if !fresh.contains(where: { f in ([f.span] + f.related.map(\.span)).contains { $0.overlaps(sentence) } }) { k.detectedElsewhere += 1 }
                    }
                } else if (result.undetected[kind]?.count ?? 0) < keepUndetected {
                    let doc = copy.document
                    let sentence = doc.sentenceIndex(of: slip.span.start).map { doc.text(doc.sentences[$0].span) } ?? ""
                    result.undetected[kind, default: []].append(Miss(story: story.id, slip: slip, sentence: oneLine(sentence)))
                }
            }
            result.kinds[kind] = k
        }
        return result
    }

    /// The findings of the mutated copy that the clean story does not have: not of the same check over
    /// the same span, the clean span moved by the edit's change in length.
    package static func newFindings(clean: [Finding], mutated: [Finding], slip: Slip) -> [Finding] {
        let delta = slip.replacement.utf8.count - slip.span.length
        func moved(_ offset: Int) -> Int { offset >= slip.span.end ? offset + delta : offset }
        var old = clean.map { ($0.check, Span(moved($0.span.start), moved($0.span.end))) }
        return mutated.filter { f in
            if let j = old.firstIndex(where: { $0.0 == f.check && $0.1 == f.span }) { old.remove(at: j); return false }
            return true
        }
    }

    static func oneLine(_ s: String) -> String {
        let flat = s.split(whereSeparator: { $0 == "\n" || $0 == " " }).joined(separator: " ")
        return flat.count > 320 ? String(flat.prefix(320)) + "…" : flat
    }

    // MARK: - Sites

    /// Every decidable site for `kind` in a clean story's result, each as the edit it would make
    /// (the variant of an edit, such as the years added, drawn from `random`).
    package static func sites(_ kind: Kind, _ result: DocumentResult, random: inout Random) -> [Slip] {
        guard let e = result.extraction else { return [] }
        let s = Sites(result: result, extraction: e)
        let found: [Slip]
        switch kind {
        case .directionSwap: found = s.directionSwaps()
        case .yearAfterDateline: found = s.yearsAfterDateline(random: &random)
        case .baseAfterValue: found = s.basesAfterValue()
        case .datelineYear: found = s.datelineYears()
        case .repeatDiffers: found = s.repeatsDiffer(random: &random)
        case .scaleSwap: found = s.scaleSwaps(random: &random)
        case .changeDigit: found = s.changeDigits(random: &random)
        }
        // A sentence the clean story already has a finding in holds a slip of its own (or a false alarm): no site there.
        let flagged = Set(result.findings.compactMap { e.document.sentenceIndex(of: $0.span.start) })
        return found.filter { e.document.sentenceIndex(of: $0.span.start).map { !flagged.contains($0) } ?? false }
    }

    /// rose → fell and back, from `eval mutations`, with the forms it lacks.
    static let directionSwap: [String: String] = MutationEval.directionSwap.merging([
        "shrank": "grew", "rises": "falls", "falls": "rises", "increases": "decreases", "decreases": "increases",
        "widening": "narrowing", "narrowing": "widening", "widen": "narrow", "narrow": "widen", "fallen": "risen", "risen": "fallen",
        "declines": "climbs", "climbs": "declines", "grown": "shrunk", "gains": "losses", "lost": "gained",
    ]) { a, _ in a }

    /// Direction words that say a figure grew (a balance's size, for widened) or shrank.
    static let upWords: Set<String> = ["rose", "rise", "rises", "risen", "increased", "increases", "up", "grew", "grown", "gained", "climbed", "jumped", "surged", "widened", "higher"]
    static let downWords: Set<String> = ["fell", "fall", "falls", "fallen", "decreased", "decreases", "down", "shrank", "lost", "declined", "dropped", "plunged", "narrowed", "lower"]
    static let directionWord = try! NSRegularExpression(pattern: #"(?i)(?<![A-Za-z-])(?:"# + upWords.union(downWords).sorted().joined(separator: "|") + #")(?![A-Za-z-])"#)

    /// Past-tense verbs of a clause telling what happened (the sentence must have one).
    static let pastCue = try! NSRegularExpression(pattern: #"\b(?:was|were|had|has been|have been|rose|fell|grew|dropped|declined|increased|decreased|shrank|gained|lost|posted|recorded|registered|totalled|totaled|amounted|reached|stood|widened|narrowed|exported|imported|shipped|jumped|climbed|slipped|plunged|surged|slumped|eased|edged|showed|came to)\b"#, options: [.caseInsensitive])
    /// Words of a sentence that forecasts, plans, estimates or negotiates (the sentence must have none).
    static let futureCue = try! NSRegularExpression(pattern: #"\b(?:will|would|shall|could|may|might|should|must|expect\w*|forecast\w*|project\w*|predict\w*|estimat\w*|target\w*|plan\w*|seen|sees?|likely|outlook|aim\w*|goal|hope\w*|intend\w*|intention|schedul\w*|due|quota\w*|agree\w*|contract\w*|tender\w*|budget\w*|propos\w*|seek\w*|sought|offer\w*|prepared|ready|next|coming|future|by the end of|until|provisional|preliminary|revised)\b"#, options: [.caseInsensitive])
    /// Four-digit years (1900–2099) not inside a longer number.
    static let yearPattern = try! NSRegularExpression(pattern: #"(?<![0-9])(?:19|20)[0-9]{2}(?![0-9])"#)
    /// Period texts whose year is not a calendar year's (fiscal years, crop years, seasons) or holds two years.
    static let notCalendarYear = try! NSRegularExpression(pattern: #"(?i)fiscal|financial|crop|season|marketing|campaign|[0-9]\s*[/-]\s*[0-9]"#)
    /// A scale word of a figure.
    static let scaleWord = try! NSRegularExpression(pattern: #"(?i)(?<![A-Za-z])(million|billion|mln|bln)(?![A-Za-z])"#)

    static func matches(_ re: NSRegularExpression, _ s: String) -> [Range<String.Index>] {
        re.matches(in: s, range: NSRange(s.startIndex..., in: s)).compactMap { Range($0.range, in: s) }
    }

    /// `rep` in the case of `original`: all capitals, a capital first, or as given.
    static func keepCase(_ original: String, _ rep: String) -> String {
        let letters = original.filter(\.isLetter)
        if letters.count > 1 && letters.allSatisfy(\.isUppercase) { return rep.uppercased() }
        if original.first?.isUppercase == true { return rep.prefix(1).uppercased() + rep.dropFirst() }
        return rep
    }

    /// The first number written with digits in `text`: its value (commas dropped), its decimals and its byte range.
    static func writtenNumber(_ text: String) -> (value: Double, decimals: Int, bytes: Range<Int>)? {
        let b = Array(text.utf8)
        func digit(_ i: Int) -> Bool { i < b.count && b[i] >= 0x30 && b[i] <= 0x39 }
        guard let first = b.indices.first(where: digit) else { return nil }
        var end = first, decimals = 0, afterPoint = false
        while end < b.count {
            if digit(end) { if afterPoint { decimals += 1 } }
            else if b[end] == UInt8(ascii: ","), !afterPoint, digit(end + 1) { }
            else if b[end] == UInt8(ascii: "."), !afterPoint, digit(end + 1) { afterPoint = true }
            else { break }
            end += 1
        }
        let digits = String(decoding: b[first..<end].filter { $0 != UInt8(ascii: ",") }, as: UTF8.self)
        guard let v = Double(digits) else { return nil }
        return (v, decimals, first..<end)
    }

    /// A figure's value and half its rounding, as written with digits ("5.6 billion" → 5.6e9 ± 0.05e9); nil for
    /// figures in words, ranges and figures without a value.
    static func rounding(_ m: Mention) -> (value: Double, half: Double)? {
        guard let d = m.numericValue, let w = writtenNumber(m.text), w.value != 0 else { return nil }
        let v = NSDecimalNumber(decimal: d).doubleValue
        return (v, Swift.abs(0.5 * pow(10, Double(-w.decimals)) * v / w.value))
    }

    /// A figure's value and half its rounding when its first number is written `text` instead.
    static func rounding(_ m: Mention, writtenAs text: String) -> (value: Double, half: Double)? {
        guard let d = m.numericValue, let old = writtenNumber(m.text), old.value != 0, let new = writtenNumber(text) else { return nil }
        let scale = NSDecimalNumber(decimal: d).doubleValue / old.value
        return (new.value * scale, Swift.abs(0.5 * pow(10, Double(-new.decimals)) * scale))
    }

    /// Whether two values differ beyond their rounding.
    /// (A relative margin of 1e-9 keeps binary fractions from deciding a tie: 2.9 ± 0.05 and 3.0 ± 0.05 touch.)
    static func differ(_ a: (value: Double, half: Double), _ b: (value: Double, half: Double)) -> Bool {
        let eps = 1e-9 * max(Swift.abs(a.value), Swift.abs(b.value), 1)
        return a.value + a.half < b.value - b.half - eps || b.value + b.half < a.value - a.half - eps
    }

    /// Two figures of one kind: money of one currency (and one "per"), volumes of one unit, or percent levels of one unit.
    static func comparable(_ a: Mention, _ b: Mention) -> Bool {
        switch (a.value, b.value) {
        case let (.money(_, _, _, ca, pa), .money(_, _, _, cb, pb)): return ca != nil && ca == cb && pa == pb
        case let (.quantity(_, _, _, ua), .quantity(_, _, _, ub)): return ua == ub
        case let (.percent(_, _, _, ua, da, _), .percent(_, _, _, ub, db, _)): return ua == ub && da == nil && db == nil
        default: return false
        }
    }

    /// Whether a direction value says the figure grew (up, widened) or shrank (down, narrowed); nil for swung and flat.
    static func rises(_ direction: String) -> Bool? {
        switch direction {
        case "up", "widened": return true
        case "down", "narrowed": return false
        default: return nil
        }
    }

    /// The site finders over one clean result.
    struct Sites {
        let result: DocumentResult
        let extraction: Extraction
        var doc: Document { extraction.document }
        var m: [Mention] { extraction.mentions }
        var reference: CalendarDate? { extraction.referenceDate }

        func sentenceText(of span: Span) -> String {
            doc.sentenceIndex(of: span.start).map { doc.text(doc.sentences[$0].span) } ?? ""
        }
        func sentence(of span: Span) -> Int? { doc.sentenceIndex(of: span.start) }

        /// Whether a span is in the headline (the first line when it is written in capitals).
        func inHeadline(_ span: Span) -> Bool {
            if let h = extraction.headlineSpan { return h.contains(span) }
            guard let first = doc.sentences.first, first.span.contains(span) else { return false }
            let letters = doc.text(first.span).filter(\.isLetter)
            return letters.count >= 8 && letters.allSatisfy(\.isUppercase)
        }

        /// A sentence with no word of forecast, plan or estimate.
        func notFuture(_ span: Span) -> Bool { SlipEval.matches(SlipEval.futureCue, sentenceText(of: span)).isEmpty }

        /// A sentence that tells what happened: a past-tense verb and no word of forecast, plan or estimate.
        func tellsPast(_ span: Span) -> Bool {
            let s = sentenceText(of: span)
            return !matches(SlipEval.pastCue, s).isEmpty && matches(SlipEval.futureCue, s).isEmpty
        }

        /// The byte span of the only four-digit year written in a period mention that names one calendar
        /// year explicitly (not relative, not "the same month of…", not fiscal or crop years), and that year.
        func explicitYear(_ i: Int) -> (span: Span, year: Int)? {
            let x = m[i]
            guard x.role == nil, let f = x.periodFields, let y = f.year, f.yearOffset == nil, !f.samePeriod,
                  f.fiscalEndMonth == nil, f.fiscalYearStart == nil, x.period != nil,
                  matches(SlipEval.notCalendarYear, x.text).isEmpty else { return nil }
            // An index's base year ("base 1980", "1980=100") or a price basis ("in 1981 prices") is no period of a figure.
            let before = doc.text(Span(max(0, x.span.start - 12), x.span.start)).lowercased()
            let after = doc.text(Span(x.span.end, min(doc.bytes.count, x.span.end + 12))).lowercased()
            if before.range(of: #"(base|based|constant|at)\s*(year\s*)?(of\s*)?$"#, options: .regularExpression) != nil
                || after.range(of: #"^\s*(=|prices|dollars|terms|base)"#, options: .regularExpression) != nil { return nil }
            let years = matches(SlipEval.yearPattern, x.text)
            guard years.count == 1, let r = years.first, Int(x.text[r]) == y else { return nil }
            let at = x.span.start + x.text.utf8.distance(from: x.text.startIndex, to: r.lowerBound)
            guard doc.text(Span(at, at + 4)) == String(y) else { return nil }
            return (Span(at, at + 4), y)
        }

        /// The scale word written in a figure's own text ("600 mln dlrs" → "mln"), and its byte span.
        func scaleWord(_ i: Int) -> (span: Span, word: String)? {
            let x = m[i]
            guard x.type == .money || x.type == .quantity, let r = matches(SlipEval.scaleWord, x.text).first else { return nil }
            let at = x.span.start + x.text.utf8.distance(from: x.text.startIndex, to: r.lowerBound)
            let word = String(x.text[r])
            guard doc.text(Span(at, at + word.utf8.count)) == word else { return nil }
            return (Span(at, at + word.utf8.count), word)
        }

        // direction-swap

        /// Mentions (not latent) in text order.
        var ordered: [Int] { m.indices.filter { !m[$0].latent }.sorted { m[$0].span.start < m[$1].span.start } }

        /// The first mention after byte `end` when the text between is exactly `words` (spaces and line breaks
        /// aside; a comma is a word): `next(after: e, words: ["to"])` finds "to 5.6 billion dlrs".
        func next(after end: Int, words: [String], in order: [Int]) -> Int? {
            guard let j = order.first(where: { m[$0].span.start >= end }) else { return nil }
            let gap = doc.text(Span(end, m[j].span.start)).lowercased()
            let found = gap.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
            return found == words ? j : nil
        }

        /// A direction word's swap, unless it would make "up to" (read as "as much as", not as a rise).
        func swapped(_ word: String, at span: Span) -> String? {
            guard let to = SlipEval.directionSwap[word.lowercased()] else { return nil }
            if to == "up" {
                let after = doc.text(Span(span.end, min(doc.bytes.count, span.end + 4))).lowercased()
                if after.hasPrefix(" to") || after.hasPrefix("\nto") { return nil }
            }
            return SlipEval.keepCase(word, to)
        }

        func directionSwaps() -> [Slip] {
            var out: [Slip] = []
            func add(word span: Span, up: Bool, value v: Int, base b: Int, how: String) {
                guard SlipEval.comparable(m[v], m[b]), let x = SlipEval.rounding(m[v]), let y = SlipEval.rounding(m[b]) else { return }
                let rose = SlipEval.differ(x, y) && x.value > y.value, fell = SlipEval.differ(x, y) && x.value < y.value
                // The clean word must agree with the values (else the wire's own slip is there already).
                guard (up && rose) || (!up && fell) else { return }
                let word = doc.text(span)
                guard let rep = swapped(word, at: span), !out.contains(where: { $0.span == span }) else { return }
                out.append(Slip(kind: .directionSwap, span: span, original: word, replacement: rep,
                                note: "\(up ? "a rise" : "a fall") from \"\(m[b].text)\" to \"\(m[v].text)\" (\(how))"))
            }
            // The statements' direction words with their value and base.
            for st in result.statements {
                guard let w = st.direction, let ws = w.span, let up = SlipEval.rises(w.value), let v = st.value, let b = st.base else { continue }
                // A base later than its value turns the comparison round: not decidable.
                if let p = st.period.flatMap({ m[$0].period }), let bp = st.basePeriod.flatMap({ m[$0].period }), bp.from > p.from { continue }
                add(word: ws, up: up, value: v, base: b, how: "statement")
            }
            // The text: a direction word, perhaps a change, then "to A [period] from B" or "from B to A".
            let order = ordered
            let text = doc.text(Span(0, doc.bytes.count))
            for r in SlipEval.matches(SlipEval.directionWord, text) {
                let word = String(text[r]).lowercased()
                guard let up = SlipEval.upWords.contains(word) ? true : SlipEval.downWords.contains(word) ? false : nil else { continue }
                let start = text.utf8.distance(from: text.startIndex, to: r.lowerBound)
                let span = Span(start, start + word.utf8.count)
                // After the word, or after the change that holds it ("rose 5 pct").
                var end = span.end
                if let c = order.first(where: { m[$0].type == .percent && m[$0].span.contains(span) }) { end = m[c].span.end }
                else if let c = next(after: end, words: [], in: order), m[c].type == .percent, m[c].direction == nil || m[c].span.start == span.start { end = m[c].span.end }
                if let v = next(after: end, words: ["to"], in: order) {
                    var afterValue = m[v].span.end
                    if let p = next(after: afterValue, words: ["in"], in: order) ?? next(after: afterValue, words: [], in: order), m[p].period != nil { afterValue = m[p].span.end }
                    if let b = next(after: afterValue, words: ["from"], in: order) { add(word: span, up: up, value: v, base: b, how: "text") }
                } else if let b = next(after: end, words: ["from"], in: order) {
                    var afterBase = m[b].span.end
                    if let p = next(after: afterBase, words: ["in"], in: order) ?? next(after: afterBase, words: [], in: order), m[p].period != nil { afterBase = m[p].span.end }
                    if let v = next(after: afterBase, words: ["to"], in: order) { add(word: span, up: up, value: v, base: b, how: "text") }
                }
            }
            return out
        }

        // year-after-dateline

        func yearsAfterDateline(random: inout Random) -> [Slip] {
            guard let ref = reference else { return [] }
            var periods: [Int: String] = [:]
            for r in result.records where !r.periodCarried && r.modality == nil && !r.qualifiers.contains(where: { ["forecast", "provisional", "revised"].contains($0) }) {
                if let p = r.period { periods[p] = "the period of a \(r.flow.value) record" }
            }
            for st in result.statements where st.modality.value == "reported" && st.value != nil {
                if let p = st.period { periods[p] = periods[p] ?? "the period of a \(st.measure?.value ?? "") statement" }
                if let p = st.basePeriod, st.base != nil { periods[p] = periods[p] ?? "the base period of a \(st.measure?.value ?? "") statement" }
            }
            var out: [Slip] = []
            for (i, what) in periods.sorted(by: { $0.key < $1.key }) {
                guard let (span, year) = explicitYear(i), let p = m[i].period, p.from <= ref, tellsPast(m[i].span) else { continue }
                let new = ref.year + 1 + random.below(3)
                out.append(Slip(kind: .yearAfterDateline, span: span, original: String(year), replacement: String(new),
                                note: "\(what), \"\(m[i].text)\", told in the past; story dated \(ref.iso)"))
            }
            return out
        }

        // base-after-value

        func basesAfterValue() -> [Slip] {
            var out: [Slip] = []
            for st in result.statements where st.value != nil && st.base != nil {
                guard let pi = st.period, let bi = st.basePeriod, pi != bi, let p = m[pi].period, let bp = m[bi].period,
                      explicitYear(pi) != nil, let (span, year) = explicitYear(bi),
                      p.granularity == bp.granularity, bp.to < p.from else { continue }
                let new = p.to.year + 1
                out.append(Slip(kind: .baseAfterValue, span: span, original: String(year), replacement: String(new),
                                note: "base \"\(m[bi].text)\" of \"\(m[pi].text)\" becomes \(new)"))
            }
            return out
        }

        // dateline-year

        /// The first sentence after the dateline (or headline): sentences up to it are the headline and lede.
        var lastLedeSentence: Int {
            let end = extraction.datelineSpan?.end ?? extraction.headlineSpan?.end ?? -1
            return doc.sentences.firstIndex { $0.span.start > end } ?? 0
        }

        func sameStretch(_ a: ResolvedPeriod, _ b: ResolvedPeriod) -> Bool {
            a.from.month == b.from.month && a.from.day == b.from.day && a.to.month == b.to.month && a.to.day == b.to.day
        }

        func namesFlow(sentence s: Int, _ r: TradeRecord) -> Bool {
            if result.records.contains(where: { $0.sentence == s && $0.flow.value == r.flow.value }) { return true }
            if result.statements.contains(where: { $0.sentence == s && $0.measure?.value == r.flow.value }) { return true }
            return doc.text(doc.sentences[s].span).lowercased().contains(doc.text(r.flow.span).lowercased())
        }

        func datelineYears() -> [Slip] {
            guard let ref = reference else { return [] }
            var out: [Slip] = []
            var used = Set<Int>()
            let recs = result.records
            let lede = lastLedeSentence
            for r in recs where !r.periodCarried && !r.isComparison && r.modality == nil {
                guard let pi = r.period, !used.contains(pi), m[pi].qualifier == nil, let (span, year) = explicitYear(pi), year == ref.year,
                      let p = m[pi].period, p.from <= ref else { continue }
                // (1) A part of the story's year whose stretch the headline or lede names, tied to the date (no
                // year written), for the same flow; the edited figure is the story's only one for that flow
                // and stretch, so that moved a year back it cannot be a comparison base.
                if ![.year, .day, .decade, .century].contains(p.granularity) {
                    let tied = m.indices.contains { q in
                        guard q != pi, m[q].role == nil, let qp = m[q].period, qp.from.year == ref.year, qp.to.year == ref.year,
                              sameStretch(qp, p), !(m[q].periodFields?.samePeriod ?? false), matches(SlipEval.yearPattern, m[q].text).isEmpty,
                              let s = sentence(of: m[q].span), s <= lede, s != r.sentence else { return false }
                        return namesFlow(sentence: s, r)
                    }
                    let others = recs.contains { o in
                        guard o.value != r.value, o.flow.value == r.flow.value, o.reporter?.value == r.reporter?.value,
                              o.commodity?.value == r.commodity?.value, let op = o.period.flatMap({ m[$0].period }) else { return false }
                        return sameStretch(op, p) && (op.from.year == ref.year - 1 || op.from.year == ref.year)
                            && (op.from.year == ref.year - 1 || SlipEval.rounding(m[o.value]).flatMap { a in SlipEval.rounding(m[r.value]).map { SlipEval.differ(a, $0) } } ?? true)
                    }
                    if tied && !others {
                        used.insert(pi)
                        out.append(Slip(kind: .datelineYear, span: span, original: String(year), replacement: String(year - 1),
                                        note: "\"\(m[pi].text)\" for \(r.flow.value), whose stretch of \(ref.year) the headline or lede names"))
                        continue
                    }
                }
                // (2) The same figure given for the same period written relative to the date ("last year", "this year").
                let twin = recs.contains { o in
                    guard o.value != r.value, !o.isComparison, sameFact(o, r), let oi = o.period, oi != pi,
                          m[oi].periodFields?.yearOffset != nil, matches(SlipEval.yearPattern, m[oi].text).isEmpty,
                          let a = SlipEval.rounding(m[o.value]), let b = SlipEval.rounding(m[r.value]) else { return false }
                    return !SlipEval.differ(a, b)
                }
                if twin {
                    used.insert(pi)
                    out.append(Slip(kind: .datelineYear, span: span, original: String(year), replacement: String(year - 1),
                                    note: "\"\(m[pi].text)\" for \(r.flow.value), the same figure given for a period named relative to the date"))
                }
            }
            return out
        }

        // repeat-differs

        /// Reporter, flow, commodity, partner and resolved period agree, and the values are of one kind.
        func sameFact(_ a: TradeRecord, _ b: TradeRecord) -> Bool {
            guard let ra = a.reporter?.value, ra == b.reporter?.value, a.flow.value == b.flow.value,
                  a.commodity?.value == b.commodity?.value, a.partner?.value == b.partner?.value,
                  let pa = a.period.flatMap({ m[$0].period }), let pb = b.period.flatMap({ m[$0].period }),
                  pa.from == pb.from, pa.to == pb.to else { return false }
            return SlipEval.comparable(m[a.value], m[b.value]) && (m[a.value].type == .money || m[a.value].type == .quantity)
        }

        /// Pairs of records stating the same fact twice with values their rounding reconciles, in
        /// different sentences (headline and body, or twice in the body).
        func repeatPairs() -> [(TradeRecord, TradeRecord)] {
            // A headline figure the body repeats is one record, the body's (the assembler drops the
            // headline's): pair the headline's figure with that record as a copy of it.
            let owned = Set(result.records.map(\.value))
            let headlineCopies: [TradeRecord] = m.indices.compactMap { hi in
                guard m[hi].type == .money, !owned.contains(hi), !m[hi].latent, inHeadline(m[hi].span),
                      case let .money(a?, _, _, c?, _) = m[hi].value else { return nil }
                guard var copy = result.records.first(where: { r in
                    guard r.sentence > 0, !r.isComparison, case let .money(b?, _, _, d?, _) = m[r.value].value else { return false }
                    return b == a && d == c
                }) else { return nil }
                copy.value = hi
                copy.sentence = 0
                return copy
            }
            let recs = (headlineCopies + result.records).filter { r in
                !r.isComparison && r.reporter != nil && r.period != nil && r.modality == nil && m[r.value].qualifier == nil
                    && !r.qualifiers.contains(where: { ["revised", "provisional", "forecast"].contains($0) })
            }
            var pairs: [(TradeRecord, TradeRecord)] = []
            var seen = Set<Int>()
            for (i, a) in recs.enumerated() where !seen.contains(a.value) {
                for b in recs[(i + 1)...] where b.value != a.value && b.sentence != a.sentence && !seen.contains(b.value) && sameFact(a, b) {
                    guard let x = SlipEval.rounding(m[a.value]), let y = SlipEval.rounding(m[b.value]), !SlipEval.differ(x, y),
                          let wa = SlipEval.writtenNumber(m[a.value].text), let wb = SlipEval.writtenNumber(m[b.value].text) else { continue }
                    // The same number written twice, or a headline's rounding of the body's: two figures of one
                    // kind that merely round alike may be two facts the records could not tell apart.
                    guard wa.value == wb.value || inHeadline(m[a.value].span) || inHeadline(m[b.value].span) else { continue }
                    // Forecasts, plans and estimates of different sources may differ: reports only.
                    guard notFuture(m[a.value].span), notFuture(m[b.value].span) else { continue }
                    pairs.append((a, b))
                    seen.insert(b.value)
                    break
                }
            }
            return pairs
        }

        func repeatsDiffer(random: inout Random) -> [Slip] {
            var out: [Slip] = []
            for (a, b) in repeatPairs() {
                let (edited, other) = random.below(2) == 0 ? (a, b) : (b, a)
                let x = m[edited.value]
                guard let w = SlipEval.writtenNumber(x.text), let other$ = SlipEval.rounding(m[other.value]) else { continue }
                let bytes = Array(x.text.utf8)
                let d = Int(bytes[w.bytes.lowerBound] - 0x30)
                let up = d == 1 || (d != 9 && random.below(2) == 0)
                let nd = up ? d + 1 : d - 1
                var newBytes = bytes
                newBytes[w.bytes.lowerBound] = UInt8(0x30 + nd)
                let newText = String(decoding: newBytes, as: UTF8.self)
                guard let nv = SlipEval.rounding(x, writtenAs: newText), SlipEval.differ(nv, other$) else { continue }
                let at = x.span.start + w.bytes.lowerBound
                out.append(Slip(kind: .repeatDiffers, span: Span(at, at + 1), original: String(d), replacement: String(nd),
                                note: "\"\(x.text)\" → \"\(newText)\", also given as \"\(m[other.value].text)\" for \(edited.flow.value)"))
            }
            return out
        }

        // change-digit and scale-swap: a percent change with both its values

        /// Percent changes written with both their values: a statement's change, value and base, or a change
        /// followed by "to A from B" (or "from B to A") in the text. Only those whose arithmetic fits the two
        /// values within rounding in the clean text.
        func changeTriples() -> [(change: Int, value: Int, base: Int)] {
            var triples: [(Int, Int, Int)] = []
            for st in result.statements {
                if let c = st.change, let v = st.value, let b = st.base { triples.append((c, v, b)) }
            }
            // "rose 12 pct to 5.6 billion dlrs from 4.0 billion", "fell 3 pct from 4.1 mln to 3.9 mln".
            let order = ordered
            for c in order where m[c].percentUnit == .percent && m[c].direction != nil && m[c].direction != .flat {
                if let v = next(after: m[c].span.end, words: ["to"], in: order), let b = next(after: m[v].span.end, words: ["from"], in: order) { triples.append((c, v, b)) }
                else if let b = next(after: m[c].span.end, words: ["from"], in: order), let v = next(after: m[b].span.end, words: ["to"], in: order) { triples.append((c, v, b)) }
            }
            var seen = Set<Int>()
            return triples.filter { (c, v, b) in
                guard !seen.contains(c), m[c].percentUnit == .percent, let dir = m[c].direction, dir != .flat, m[c].qualifier == nil,
                      m[v].type == .money || m[v].type == .quantity, SlipEval.comparable(m[v], m[b]),
                      let s = SlipEval.rounding(m[c]), let x = SlipEval.rounding(m[v]), let y = SlipEval.rounding(m[b]),
                      fits(stated: s, up: dir == .up, value: x, base: y) else { return false }
                seen.insert(c)
                return true
            }
        }

        /// Whether a change of `stated` percent (up or down) fits a base and a value within their rounding.
        func fits(stated s: (value: Double, half: Double), up: Bool, value x: (value: Double, half: Double), base y: (value: Double, half: Double)) -> Bool {
            guard y.value - y.half > 0 else { return false }
            let lowest = ((x.value - x.half) - (y.value + y.half)) / (y.value + y.half) * 100
            let highest = ((x.value + x.half) - (y.value - y.half)) / (y.value - y.half) * 100
            let signed = up ? s.value : -s.value
            let eps = 1e-9 * max(1, Swift.abs(lowest), Swift.abs(highest))
            return signed + s.half >= lowest - eps && signed - s.half <= highest + eps
        }

        func changeDigits(random: inout Random) -> [Slip] {
            var out: [Slip] = []
            for (c, v, b) in changeTriples() {
                let x = m[c]
                guard let w = SlipEval.writtenNumber(x.text), let vv = SlipEval.rounding(m[v]), let bb = SlipEval.rounding(m[b]) else { continue }
                let bytes = Array(x.text.utf8)
                // Every digit and every other digit for it that makes the change no longer fit, beyond rounding.
                var options: [(at: Int, from: Int, to: Int, text: String)] = []
                for at in w.bytes where bytes[at] >= 0x30 && bytes[at] <= 0x39 {
                    let d = Int(bytes[at] - 0x30)
                    for nd in 0...9 where nd != d && !(nd == 0 && at == w.bytes.lowerBound && w.bytes.count > 1) {
                        var nb = bytes
                        nb[at] = UInt8(0x30 + nd)
                        let text = String(decoding: nb, as: UTF8.self)
                        guard let ns = SlipEval.rounding(x, writtenAs: text), ns.value > 0,
                              !fits(stated: ns, up: x.direction == .up, value: vv, base: bb) else { continue }
                        options.append((at, d, nd, text))
                    }
                }
                guard !options.isEmpty else { continue }
                let o = options[random.below(options.count)]
                let at = x.span.start + o.at
                out.append(Slip(kind: .changeDigit, span: Span(at, at + 1), original: String(o.from), replacement: String(o.to),
                                note: "\"\(x.text)\" → \"\(o.text)\" between \"\(m[b].text)\" and \"\(m[v].text)\""))
            }
            return out
        }

        // scale-swap

        func scaleSwaps(random: inout Random) -> [Slip] {
            var out: [Slip] = []
            let text = doc.text(Span(0, doc.bytes.count))
            let millionWord = text.range(of: #"(?i)(?<![A-Za-z])mln(?![A-Za-z])"#, options: .regularExpression) != nil ? "mln" : "million"
            func swap(_ i: Int, againstAll others: [Int], why: String) {
                guard let (span, word) = scaleWord(i), others.allSatisfy({ scaleWord($0) != nil }) else { return }
                let lower = word.lowercased()
                let to = lower == "billion" || lower == "bln" ? millionWord : "billion"
                let rep = SlipEval.keepCase(word, to)
                out.append(Slip(kind: .scaleSwap, span: span, original: word, replacement: rep, note: "\"\(m[i].text)\": \(why)"))
            }
            for (a, b) in repeatPairs() {
                let (edited, other) = random.below(2) == 0 ? (a, b) : (b, a)
                swap(edited.value, againstAll: [other.value], why: "also given as \"\(m[other.value].text)\"")
            }
            for (c, v, b) in changeTriples() {
                let (edited, other) = random.below(2) == 0 ? (v, b) : (b, v)
                swap(edited, againstAll: [other], why: "\"\(m[c].text)\" from \"\(m[b].text)\" to \"\(m[v].text)\"")
            }
            // One site per figure.
            var seen = Set<Int>()
            return out.filter { seen.insert($0.span.start).inserted }
        }
    }
}
