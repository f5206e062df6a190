import Foundation
import PCRE2Kit
import TradeFactsText
import TradeFactsRules
import TradeFactsExtract

/// Stage two of the cascade: reads ``Statement``s from a document's mentions with the rule set's
/// statement rules (`Rules/statements.yaml`).
///
/// Each sentence with a figure is copied with every mention replaced by its placeholder bytes
/// (``StatementRule/placeholder(for:)``), keeping every offset; each rule's pattern runs over the
/// copy, and its named groups bind roles: figures to the mentions under them, words to their
/// lexicon values. Where two statements claim one figure, the one binding more figures, then the
/// higher priority, then the longer match, then the earlier one wins. Thread-safe: share one reader across threads.
public final class StatementReader: @unchecked Sendable {
    let rules: [StatementRule]
    let measures, flows, balanceDirections, changeVerbs, multiples, modalities, places, commodities: Lexicon?
    /// Places with case, as records read them ("The US trade deficit").
    let placesPattern: Pattern
    let commoditiesPattern: Pattern
    /// Flow words, to find the sign of a trade balance named without one.
    let flowsPattern: Pattern
    /// Adjectives of place ("Dutch", "French"), valued by `demonyms` as places; nil without the lexicon.
    let demonymsPattern: Pattern?
    let demonyms: Lexicon?
    let modalityPattern: Pattern?
    let partnerPreposition: Pattern
    /// For each rule, the group numbers of each role it binds (a role may have several with `(?J)`).
    let roleGroups: [[(role: String, numbers: [Int])]]

    /// The work each statement rule from a `--rules` folder may do on one document.
    let ruleBudget: RuleBudget

    /// A reader with `ruleSet`'s statement rules and lexicons; `ruleBudget` bounds the work of each
    /// statement rule that counts its steps (one not built into the binary) on one document.
    public init(ruleSet: RuleSet, ruleBudget: RuleBudget = .standard) throws {
        self.ruleBudget = ruleBudget
        rules = ruleSet.statementRules
        roleGroups = ruleSet.statementRules.map { rule in
            StatementRule.roles.compactMap { role in
                let numbers = rule.pattern.duplicateGroupNumbers[role] ?? rule.pattern.groupNumbers[role].map { [$0] }
                return numbers.map { (role, $0) }
            }
        }
        let l = ruleSet.lexicons
        measures = l["measures"]; flows = l["flows"]; balanceDirections = l["balance-directions"]; changeVerbs = l["change-verbs"]
        multiples = l["multiples"]; modalities = l["modalities"]; places = l["places"]; commodities = l["commodities"]
        placesPattern = try ruleSet.compile(#"(?<![A-Za-z])(?<w>(?:The\s+)?{{lexicon:places}})(?![A-Za-z])"#, caseless: false)
        commoditiesPattern = try ruleSet.compile(#"(?<![A-Za-z-])(?<w>{{lexicon:commodities}})(?![A-Za-z])"#)
        flowsPattern = try ruleSet.compile(#"(?<![A-Za-z-])(?<w>{{lexicon:flows}})(?![A-Za-z])"#)
        partnerPreposition = try ruleSet.compile("{{partner-preposition}}")
        demonyms = l["demonyms"]
        demonymsPattern = l["demonyms"] == nil ? nil : try ruleSet.compile(#"(?<![A-Za-z])(?<w>{{lexicon:demonyms}})(?![A-Za-z])"#, caseless: false)
        modalityPattern = l["modalities"] == nil ? nil : try ruleSet.compile(#"(?<![A-Za-z])(?<w>{{lexicon:modalities}})(?![A-Za-z])"#)
    }

    /// The statements of a document, in text order.
    public func read(_ extraction: Extraction, scratch: MatchScratch = MatchScratch.forCurrentThread) -> [Statement] {
        var diagnostics: [ExtractionDiagnostic] = []
        return read(extraction, scratch: scratch, diagnostics: &diagnostics)
    }

    /// The statements of a document, in text order; a statement rule that used up its work budget
    /// on the document is stopped there and named in `diagnostics` (its earlier matches are kept).
    public func read(_ extraction: Extraction, scratch: MatchScratch = MatchScratch.forCurrentThread,
                     diagnostics: inout [ExtractionDiagnostic]) -> [Statement] {
        guard !rules.isEmpty else { return [] }
        let doc = extraction.document
        let mentions = extraction.mentions
        guard mentions.contains(where: { $0.type == .money || $0.type == .quantity || $0.type == .percent }) else { return [] }
        // The text with every mention as its placeholder; the mention under each placeholder byte.
        var masked = doc.bytes
        var owner: [Int: Int] = [:]  // a mention's first byte → its index
        for (i, m) in mentions.enumerated() where !m.latent {
            let s = max(0, m.span.start), e = min(masked.count, m.span.end)
            guard s < e else { continue }
            let byte = StatementRule.placeholder(for: m.type)
            for k in s..<e { masked[k] = byte }
            owner[s] = i
        }
        var candidates: [(statement: Statement, rule: Int, groups: [String: Range<Int>], length: Int)] = []
        // Each statement rule that counts its steps has one budget for the whole document, spent
        // across its sentences; spent, the rule stops for this document.
        var remaining = rules.map { $0.pattern.countsSteps ? ruleBudget.steps(forDocumentOf: masked.count) : UInt64.max }
        defer { scratch.stepBudget = .max }
        masked.withUnsafeBufferPointer { buffer in
            for (si, sentence) in doc.sentences.enumerated() {
                let inSentence = extraction.mentions(inSentence: si)
                guard inSentence.contains(where: { [.money, .quantity, .percent].contains(mentions[$0].type) }) else { continue }
                let s = max(0, sentence.span.start), e = min(buffer.count, sentence.span.end)
                guard s < e else { continue }
                let slice = UnsafeBufferPointer(rebasing: buffer[s..<e])
                for (ri, rule) in rules.enumerated() {
                    var matches: [(span: Span, groups: [String: Range<Int>])] = []
                    if rule.pattern.countsSteps {
                        guard remaining[ri] > 0 else { continue }
                        scratch.stepBudget = remaining[ri]
                    }
                    do {
                    try rule.pattern.forEachMatch(in: slice, scratch: scratch) { m in
                        var groups: [String: Range<Int>] = [:]
                        for (role, numbers) in roleGroups[ri] {
                            for n in numbers {
                                guard let r = m.range(ofGroup: n) else { continue }
                                groups[role] = (s + r.lowerBound)..<(s + r.upperBound)
                                break
                            }
                        }
                        matches.append((Span(s + m.range.lowerBound, s + m.range.upperBound), groups))
                        return true
                    }
                    } catch PCRE2Error.stepBudget(let at) {
                        remaining[ri] = 0
                        let place = doc.location(of: s + at)
                        diagnostics.append(ExtractionDiagnostic(rule: rule.id, message: "work budget of \(ruleBudget.steps(forDocumentOf: masked.count)) steps for this document used up "
                            + "at line \(place.line), column \(place.column) (the rule backtracks or scans too much); the rule was stopped there"))
                    } catch {}
                    if rule.pattern.countsSteps, remaining[ri] > 0 { remaining[ri] = scratch.stepBudget }
                    for (span, groups) in matches {
                        if let st = figures(rule, si, sentence.span, span, groups, mentions, owner, inSentence, doc) {
                            candidates.append((st, ri, groups, span.length))
                        }
                    }
                }
            }
        }
        // One statement per figure: the reading that binds more figures, then the higher priority,
        // then the longer, then the earlier match.
        candidates.sort { a, b in
            let fa = a.statement.figures.count, fb = b.statement.figures.count
            if fa != fb { return fa > fb }
            let pa = rules[a.rule].priority, pb = rules[b.rule].priority
            if pa != pb { return pa > pb }
            if a.length != b.length { return a.length > b.length }
            return a.statement.span.start < b.statement.span.start
        }
        var claimed = Set<Int>()
        var out: [Statement] = []
        for c in candidates {
            let figures = c.statement.claimedFigures
            guard !figures.contains(where: claimed.contains) else { continue }
            claimed.formUnion(figures)
            // Words are read only for the readings kept: the lexicon lookups, and the places,
            // goods and modality words around the statement (each a search of its own).
            out.append(words(of: c.statement, rules[c.rule], c.groups, doc, mentions, scratch))
        }
        // A period taken from outside a statement's own words that another statement binds to a
        // comparison figure ("… and 816 mln a year earlier, while imports fell to 858 mln") is
        // that figure's, not this statement's.
        let basePeriods = Set(out.flatMap { [$0.basePeriod, $0.base2Period].compactMap { $0 } })
        for k in out.indices {
            if let p = out[k].period, basePeriods.contains(p), !out[k].span.contains(mentions[p].span) { out[k].period = nil }
        }
        return out.sorted { ($0.span.start, $0.span.end) < ($1.span.start, $1.span.end) }
    }

    /// The mention under a group: the first mention of one of `types` starting inside `range`.
    func mention(in range: Range<Int>, types: Set<MentionType>, _ mentions: [Mention], _ owner: [Int: Int]) -> Int? {
        for k in range { if let i = owner[k], types.contains(mentions[i].type) { return i } }
        return nil
    }

    /// The figures one match of `rule` binds, from its groups' ranges (absolute offsets); nil
    /// when it binds neither a value nor a change mention. A value's period not bound by the
    /// rule is one written before the value in the statement, else in the sentence.
    func figures(_ rule: StatementRule, _ si: Int, _ sentence: Span, _ span: Span, _ groups: [String: Range<Int>],
                 _ mentions: [Mention], _ owner: [Int: Int], _ inSentence: [Int], _ doc: Document) -> Statement? {
        func figure(_ role: String, _ types: Set<MentionType>) -> Int? {
            groups[role].flatMap { mention(in: $0, types: types, mentions, owner) }
        }
        var st = Statement(rule: rule.id, sentence: si, span: span)
        st.value = figure("value", [.money, .quantity, .percent])
        st.change = figure("change", [.percent])
        st.period = figure("period", [.date, .period])
        st.base = figure("base", [.money, .quantity, .percent])
        st.basePeriod = figure("baseperiod", [.date, .period])
        st.baseRevisedFrom = figure("baserevised", [.money, .quantity, .percent])
        st.base2 = figure("base2", [.money, .quantity, .percent])
        st.base2Period = figure("base2period", [.date, .period])
        st.base2RevisedFrom = figure("base2revised", [.money, .quantity, .percent])
        guard st.value != nil || st.change != nil else { return nil }
        if st.period == nil, let v = st.value ?? st.change {
            // Not a comparison anaphor ("a year earlier" is some figure's base), nor a period written
            // right after another figure, which is that figure's ("after 1.33 billion in June").
            // A possessive period right before another figure ("than January's 527 mln deficit") is that figure's too.
            func ownedByAnotherFigure(_ i: Int) -> Bool {
                inSentence.contains { j in
                    guard j != v, mentions[j].type == .money || mentions[j].type == .quantity || mentions[j].type == .percent else { return false }
                    if mentions[j].span.end <= mentions[i].span.start && mentions[i].span.start - mentions[j].span.end <= 8 { return true }
                    return mentions[i].span.end <= mentions[j].span.start && doc.isPossessiveGap(from: mentions[i].span.end, to: mentions[j].span.start)
                }
            }
            func before(_ from: Int) -> Int? {
                inSentence.last { i in
                    mentions[i].span.start >= from && mentions[i].span.end <= mentions[v].span.start
                        && mentions[i].type.isCalendar && mentions[i].isOwnPeriodQualifier
                        && mentions[i].period.map({ $0.granularity != .day }) == true
                        && i != st.basePeriod && i != st.base2Period
                        && !(mentions[i].periodFields.map { $0.samePeriod && $0.monthsToDate == nil } ?? false) && !ownedByAnotherFigure(i)
                }
            }
            // A period written just before the measure is the figure's ("Brazil's September trade
            // surplus was the best so far this year, totalling …"), before any other in between; so
            // is one a comparison word opens ("376 MLN STG VS JAN SURPLUS 73 MLN": January's).
            let attributive = groups["measure"].flatMap { mr in
                inSentence.last { i in
                    mentions[i].type.isCalendar && mentions[i].span.end <= mr.lowerBound
                        && mr.lowerBound - mentions[i].span.end <= 2 && mentions[i].period.map({ $0.granularity != .day }) == true
                        // A compared period is the measure's only when nothing parts them ("VS JAN SURPLUS";
                        // not "Compared with August 2024, exports").
                        && (mentions[i].qualifier == nil || mentions[i].qualifier == "compared to"
                            && doc.bytes[mentions[i].span.end..<mr.lowerBound].allSatisfy { $0 == 0x20 })
                }
            }
            // A period right after the value, no other figure between ("recorded a 7.4 billion dlr
            // trade deficit with Seoul last year"), before one earlier in the sentence.
            let after = inSentence.first { i in
                mentions[i].type.isCalendar && mentions[i].span.start >= mentions[v].span.end
                    && mentions[i].span.start - mentions[v].span.end <= 40 && mentions[i].isOwnPeriodQualifier
                    && mentions[i].period.map({ $0.granularity != .day }) == true
                    && i != st.basePeriod && i != st.base2Period
                    && !inSentence.contains { j in
                        j != v && mentions[j].type != .date && mentions[j].type != .period
                            && mentions[j].span.start >= mentions[v].span.end && mentions[j].span.end <= mentions[i].span.start
                    }
            }
            st.period = attributive ?? before(span.start) ?? after ?? before(sentence.start)
        }
        // A period written as the value's possessive ("from 1986's record 112.2 billion marks") is
        // its own, whatever period the clause names later.
        if let v = st.value, let p = inSentence.last(where: { i in
            let m = mentions[i]
            guard m.type.isCalendar, m.role == nil, m.span.end <= mentions[v].span.start,
                  mentions[v].span.start - m.span.end <= 24, m.period.map({ $0.granularity != .day }) == true else { return false }
            return doc.isPossessiveGap(from: m.span.end, to: mentions[v].span.start)
        }), p != st.basePeriod, p != st.base2Period {
            st.period = p
        }
        return st
    }

    /// A kept reading completed with its word roles: the measure and direction its groups bind,
    /// the rule's literal roles, the change's direction when no word gives one, the places and
    /// goods around the measure, and a modality word before the figure.
    func words(of statement: Statement, _ rule: StatementRule, _ groups: [String: Range<Int>], _ doc: Document,
               _ mentions: [Mention], _ scratch: MatchScratch) -> Statement {
        var st = statement
        if let r = groups["measure"] { st.measure = words(r, doc, [measures, flows]) }
        // A trade balance named without its sign takes the surplus or deficit written between it
        // and its figure ("the trade balance showed a 1986 surplus of 33.2 billion dlrs").
        if st.measure?.value == "trade balance", let m = st.measure?.span, let f = st.value ?? st.change, m.end < mentions[f].span.start,
           let sign = doc.matchSpans(of: flowsPattern, in: Span(m.end, mentions[f].span.start), group: "w")
               .compactMap({ s in flows?.lookup(doc.text(s)).map { (s, $0) } })
               .last(where: { $0.1 == "trade surplus" || $0.1 == "trade deficit" }) {
            st.measure = Statement.Words(value: sign.1, span: sign.0)
        }
        if let r = groups["direction"] { st.direction = direction(r, doc) }
        for (role, value) in rule.literals {
            let w = Statement.Words(value: value, span: nil)
            switch role {
            case "measure": st.measure = w
            case "direction": st.direction = w
            case "modality": st.modality = w
            default: break
            }
        }
        if st.direction == nil, let c = st.change, let d = mentions[c].direction {
            st.direction = Statement.Words(value: d.rawValue, span: nil)
        }
        let sentence = doc.sentences[st.sentence].span
        if let measure = st.measure?.span { subject(of: measure, in: sentence, doc, scratch, into: &st) }
        if rule.literals["modality"] == nil, let f = st.value ?? st.change {
            modality(before: mentions[f].span, in: sentence, doc, scratch, into: &st)
        }
        return st
    }

    /// Words valued by the first lexicon that lists them, else by their own lower-cased text.
    func words(_ r: Range<Int>, _ doc: Document, _ lexicons: [Lexicon?]) -> Statement.Words {
        let text = doc.text(Span(r.lowerBound, r.upperBound))
        for l in lexicons { if let v = l?.lookup(text) { return Statement.Words(value: v, span: Span(r.lowerBound, r.upperBound)) } }
        return Statement.Words(value: text.lowercased(), span: Span(r.lowerBound, r.upperBound))
    }

    /// A direction word: a balance's (widened, narrowed, swung), a change verb's (up, down), or a
    /// multiple's (doubled: up; halved: down).
    func direction(_ r: Range<Int>, _ doc: Document) -> Statement.Words {
        let span = Span(r.lowerBound, r.upperBound)
        let text = doc.text(span)
        if let v = balanceDirections?.lookup(text) ?? changeVerbs?.lookup(text) { return Statement.Words(value: v, span: span) }
        if let f = multiples?.lookup(text).flatMap({ Decimal(string: $0) }) { return Statement.Words(value: f > 1 ? "up" : "down", span: span) }
        return Statement.Words(value: text.lowercased(), span: span)
    }

    /// The reporter ("Singapore's trade surplus"), commodity ("coffee exports") and partner ("the
    /// surplus with Japan", "exports to China") written around the measure, in its sentence.
    func subject(of measure: Span, in sentence: Span, _ doc: Document, _ scratch: MatchScratch, into st: inout Statement) {
        let before = Span(max(sentence.start, measure.start - 40), measure.start)
        let after = Span(measure.end, min(sentence.end, measure.end + 30))
        func place(_ s: Span) -> Statement.Words {
            var text = doc.text(s)
            if text.hasPrefix("The ") { text.removeFirst(4) }
            return Statement.Words(value: places?.lookup(text) ?? text, span: s)
        }
        if let r = doc.matchSpans(of: placesPattern, in: before, group: "w").last { st.reporter = place(r) }
        else if let p = demonymsPattern, let r = doc.matchSpans(of: p, in: Span(max(sentence.start, measure.start - 30), measure.start), group: "w").last,
                let v = demonyms?.lookup(doc.text(r)) {
            // An adjective of place just before the measure ("the French trade deficit").
            st.reporter = Statement.Words(value: v, span: r)
        }
        // The goods before the measure ("coffee exports"), else right after it ("imports of coffee").
        let ofGoods = doc.matchSpans(of: commoditiesPattern, in: after, group: "w").first.flatMap { c -> Span? in
            doc.text(Span(measure.end, c.start)).trimmingCharacters(in: .whitespacesAndNewlines).lowercased() == "of" ? c : nil
        }
        // (A goods word inside the measure counts too: "merchandise trade surplus".)
        if let c = doc.matchSpans(of: commoditiesPattern, in: Span(before.start, measure.end), group: "w").last ?? ofGoods {
            st.commodity = Statement.Words(value: commodities?.lookup(doc.text(c)) ?? doc.text(c).lowercased(), span: c)
        }
        // The first place right after the measure, behind a partner preposition (records.yaml).
        if let p = doc.matchSpans(of: placesPattern, in: after, group: "w").first, p.start - measure.end <= 8,
           !doc.matchSpans(of: partnerPreposition, in: Span(max(measure.end, p.start - 6), p.start), limit: 1).isEmpty {
            st.partner = place(p)
        }
    }

    /// A modality word ("expected", "forecast", "target") between the clause's start and the figure.
    func modality(before figure: Span, in sentence: Span, _ doc: Document, _ scratch: MatchScratch, into st: inout Statement) {
        guard let pattern = modalityPattern else { return }
        let window = Span(max(sentence.start, st.span.start - 20), figure.start)
        if window.start < window.end, let hit = doc.matchSpans(of: pattern, in: window, group: "w").last,
           let value = modalities?.lookup(doc.text(hit)) {
            st.modality = Statement.Words(value: value, span: hit)
            return
        }
        // A provisional release named after the statement ("…, provisional trade ministry figures
        // show"); other modality words after a figure belong to its base ("revised from 207 mln").
        let after = Span(st.span.end, sentence.end)
        if after.start < after.end,
           let hit = doc.matchSpans(of: pattern, in: after, group: "w").first(where: { modalities?.lookup(doc.text($0)) == "provisional" }) {
            st.modality = Statement.Words(value: "provisional", span: hit)
        }
    }
}
