import Foundation
import TradeFactsText
import TradeFactsExtract
import TradeFactsStatements
import TradeFactsRecords
import TradeFactsChecks

/// One document of the HTML report as a self-contained page (inline style, no script, nothing
/// fetched): the article text with every mention, finding and related span marked where it is
/// written, the findings list, and the statements, records and mentions as tables whose cells link
/// to their places in the text. See docs/report.md for the ids and the layout.
public enum HTMLDocumentPage {
    /// The page of `result`; `indexHref` is the link back to the index page.
    public static func render(_ result: DocumentResult, indexHref: String = "../index.html") -> String {
        var w = HTMLWriter()
        write(result, indexHref: indexHref, to: &w)
        return w.string
    }

    /// Writes the page of `result` into `w`.
    package static func write(_ result: DocumentResult, indexHref: String, to w: inout HTMLWriter) {
        HTMLReportStyle.head(&w, title: result.documentID + " · tradefacts report", script: false)
        w.raw("<body>\n<a class=\"skip\" href=\"#main\">Skip to the article</a>\n<header>\n<nav aria-label=\"Report\"><a href=\"")
        w.text(indexHref)
        w.raw("\">All documents</a></nav>\n<h1>")
        w.text(result.documentID)
        w.raw("</h1>\n")
        guard let extraction = result.extraction else {
            w.raw("</header>\n<main id=\"main\" tabindex=\"-1\">\n<p class=\"error-text\" role=\"alert\">This input could not be read: ")
            w.text(result.error ?? "unknown error")
            w.raw("</p>\n</main>\n")
            footer(&w)
            return
        }
        let page = Page(result: result, extraction: extraction)
        page.header(&w)
        w.raw("<main id=\"main\" tabindex=\"-1\">\n")
        page.text(&w)
        page.findingsList(&w)
        page.statementsTable(&w)
        page.recordsTable(&w)
        page.mentionsTable(&w)
        page.warnings(&w)
        w.raw("</main>\n")
        footer(&w)
    }

    static func footer(_ w: inout HTMLWriter) {
        w.raw("<footer><p>Written by tradefacts ")
        w.text(TradeFactsVersion.string)
        w.raw(". Mentions, statements and records are numbered from 0 as in <code>tradefacts extract</code>; findings from 1.</p></footer>\n</body>\n</html>\n")
    }

    /// The short label shown after a mention of each type (not colour alone tells the types apart).
    static func label(_ type: String) -> String {
        switch type {
        case "percent": "pct"
        case "quantity": "qty"
        case "number": "num"
        default: type
        }
    }

    /// The id of the element holding the text of `span` (record fields, statement words).
    static func textID(_ span: Span) -> String { "text-\(span.start)-\(span.end)" }
}

/// What one document page needs while it is written.
private struct Page {
    let result: DocumentResult
    let extraction: Extraction
    var doc: Document { extraction.document }
    var mentions: [Mention] { extraction.mentions }
    /// The period each figure is stated for (by its record, else its statement), by mention index.
    var periodOf: [Int: (period: ResolvedPeriod?, mention: Int?)] = [:]
    /// The spans that record fields and statement words link to, each marked once in the text.
    var anchors: [Span] = []

    init(result: DocumentResult, extraction: Extraction) {
        self.result = result
        self.extraction = extraction
        let count = extraction.mentions.count
        func note(_ figure: Int?, _ period: Int?, _ derived: ResolvedPeriod? = nil) {
            guard let figure, periodOf[figure] == nil else { return }
            let p = period.flatMap { count > $0 ? extraction.mentions[$0].period : nil }
            if derived != nil || p != nil { periodOf[figure] = (derived ?? p, period) }
        }
        for r in result.records {
            for figure in [r.value, r.volume, r.change] { note(figure, r.period, r.derivedPeriod) }
        }
        for s in result.statements {
            note(s.value, s.period); note(s.change, s.period)
            note(s.base, s.basePeriod); note(s.baseRevisedFrom, s.basePeriod)
            note(s.base2, s.base2Period); note(s.base2RevisedFrom, s.base2Period)
        }
        var seen = Set<Span>()
        func anchor(_ span: Span?) { if let span, seen.insert(span).inserted { anchors.append(span) } }
        for r in result.records {
            for field in [r.reporter, r.flow, r.commodity, r.partner, r.source] { anchor(field?.span) }
            for field in r.namedPartners { anchor(field.span) }
        }
        for s in result.statements {
            for words in [s.measure, s.reporter, s.partner, s.commodity, s.direction, s.modality] { anchor(words?.span) }
        }
        for fields in result.namedPartners.values { for field in fields { anchor(field.span) } }
    }

    // MARK: header

    func header(_ w: inout HTMLWriter) {
        if let h = doc.givenHeadline ?? extraction.headlineSpan.map({ doc.text($0) }) {
            w.raw("<p class=\"headline\">")
            w.text(h)
            w.raw("</p>\n")
        }
        w.raw("<dl class=\"facts\">\n")
        func fact(_ term: StaticString, _ value: String) {
            w.raw("<div><dt>"); w.raw(term); w.raw("</dt><dd>"); w.text(value); w.raw("</dd></div>\n")
        }
        if let origin = result.origin { fact("Source", "\(origin.path), line \(origin.line)") }
        fact("Reference date", extraction.referenceDate.map { "\($0.iso) (\(extraction.referenceDateSource.rawValue))" } ?? "none")
        fact("Mentions", String(mentions.count))
        fact("Statements", String(result.statements.count))
        fact("Records", String(result.records.count))
        let counts = Severity.allCases.reversed().map { s in
            let n = result.findings.filter { $0.severity == s }.count
            return "\(n) \(s.rawValue)\(n == 1 || s == .info ? "" : "s")"
        }
        fact("Findings", counts.joined(separator: ", "))
        w.raw("</dl>\n<nav aria-label=\"On this page\"><ul>")
        for (id, name, n) in [("text", "Text", nil), ("findings", "Findings", result.findings.count),
                              ("statements", "Statements", result.statements.count), ("records", "Records", result.records.count),
                              ("mentions", "Mentions", mentions.count)] as [(String, String, Int?)] {
            w.raw("<li><a href=\"#\(id)\">\(name)")
            if let n { w.raw(" (\(n))") }
            w.raw("</a></li>")
        }
        if !result.warnings.isEmpty { w.raw("<li><a href=\"#warnings\">Warnings (\(result.warnings.count))</a></li>") }
        w.raw("</ul></nav>\n</header>\n")
    }

    // MARK: the text

    /// A marked stretch of the text. Layers nest: where one would cross another it is cut in two
    /// fragments, the first carrying its id (and a mention's tooltip), so the markup stays well formed.
    struct Layer {
        enum Kind { case finding(Int), related(Int, Int), mention(Int), anchor(Span) }
        var start: Int
        var end: Int
        /// Outer first among layers over the same bytes: finding, related span, mention, anchor.
        let rank: Int
        let kind: Kind
        /// Where the whole layer ends (a fragment may end earlier).
        let wholeEnd: Int
        /// The first fragment: the one with the id.
        var first = true

        static func ordered(_ a: Layer, _ b: Layer) -> Bool {
            (a.start, -a.end, a.rank) < (b.start, -b.end, b.rank)
        }
    }

    func layers() -> [Layer] {
        let n = doc.bytes.count
        var out: [Layer] = []
        func add(_ span: Span, _ rank: Int, _ kind: Layer.Kind) {
            let s = max(0, min(span.start, n)), e = max(s, min(span.end, n))
            out.append(Layer(start: s, end: e, rank: rank, kind: kind, wholeEnd: e))
        }
        for (i, f) in result.findings.enumerated() {
            add(f.span, 0, .finding(i))
            for (j, r) in f.related.enumerated() { add(r.span, 1, .related(i, j)) }
        }
        for (i, m) in mentions.enumerated() { add(m.span, 2, .mention(i)) }
        for a in anchors { add(a, 3, .anchor(a)) }
        // A stable sort: layers equal in every key keep the order they were added in.
        return out.enumerated().sorted { a, b in
            Layer.ordered(a.element, b.element) || (!Layer.ordered(b.element, a.element) && a.offset < b.offset)
        }.map(\.element)
    }

    func text(_ w: inout HTMLWriter) {
        w.raw("<section aria-labelledby=\"text\">\n<h2 id=\"text\">Text</h2>\n<p>Each mention is underlined in the style of its type and labelled with it; hover over it or focus it (Tab) for its value, period and rule. Findings are outlined, with their severity and number; related places are outlined with a dashed line.</p>\n<ul class=\"legend\" aria-label=\"Legend\">")
        for (type, look) in [("money", "solid underline"), ("percent", "dashed underline"), ("date", "dotted underline"),
                             ("period", "dotted underline"), ("count", "double underline"), ("quantity", "lines above and below"),
                             ("number", "thin dotted underline")] {
            w.raw("<li><span class=\"m m-\(type)\" data-label=\"\(HTMLDocumentPage.label(type))\">\(type)</span> \(look)</li>")
        }
        w.raw("<li><span class=\"f sev-error\"><span class=\"fm\">error 1</span> finding</span></li>")
        w.raw("<li><span class=\"rel\"><span class=\"rm\">rel 1</span> related place</span></li></ul>\n")
        w.raw("<div class=\"article\">")
        var pending = layers()
        var stack: [Layer] = []
        var pos = 0
        // Suppression comments as written, not as the blanks extraction read.
        let bytes = result.writtenBytes.flatMap { $0.count == doc.bytes.count ? $0 : nil } ?? doc.bytes
        func emit(upTo p: Int, _ w: inout HTMLWriter) {
            if p > pos { w.text(utf8: bytes[pos..<p]); pos = p }
        }
        func closeAll(upTo p: Int, _ w: inout HTMLWriter) {
            while let top = stack.last, top.end <= p {
                emit(upTo: top.end, &w)
                close(top, &w)
                stack.removeLast()
            }
            emit(upTo: p, &w)
        }
        var k = 0
        while k < pending.count {
            var layer = pending[k]
            k += 1
            closeAll(upTo: layer.start, &w)
            if let top = stack.last, layer.end > top.end {
                // It crosses the innermost open layer: this fragment ends with it, the rest follows.
                var rest = layer
                rest.start = top.end
                rest.first = false
                layer.end = top.end
                let at = pending[k...].partitioningIndex { Layer.ordered(rest, $0) }
                pending.insert(rest, at: at)
            }
            open(layer, &w)
            stack.append(layer)
        }
        closeAll(upTo: bytes.count, &w)
        w.raw("</div>\n</section>\n")
    }

    func open(_ layer: Layer, _ w: inout HTMLWriter) {
        let last = layer.end == layer.wholeEnd
        switch layer.kind {
        case let .mention(i):
            let m = mentions[i]
            let type = m.outputType
            w.raw("<span class=\"m m-\(type)")
            if !layer.first { w.raw(" cont\" data-of=\"mention-\(i)") }
            w.raw("\"")
            if last { w.raw(" data-label=\"\(HTMLDocumentPage.label(type))\"") }
            if layer.first {
                w.raw(" id=\"mention-\(i)\" tabindex=\"0\" aria-describedby=\"mention-\(i)-tip\"")
            }
            w.raw(">")
        case let .finding(i):
            let f = result.findings[i]
            let sev = f.severity.rawValue
            if !layer.first { w.raw("<span class=\"f sev-\(sev) cont\" data-of=\"at-finding-\(i + 1)\">"); return }
            w.raw("<span class=\"f sev-\(sev)\" id=\"at-finding-\(i + 1)\"><a class=\"fm\" href=\"#finding-\(i + 1)\" aria-describedby=\"at-finding-\(i + 1)-tip\">\(sev) \(i + 1)</a><span class=\"tip\" id=\"at-finding-\(i + 1)-tip\" role=\"tooltip\">")
            w.text("\(sev) \(i + 1) [\(f.check)]\n\(f.message)")
            for r in f.related { w.text("\nrelated: “\(doc.text(r.span))” (\(r.message))") }
            w.raw("</span>")
        case let .related(i, j):
            if !layer.first { w.raw("<span class=\"rel cont\" data-of=\"finding-\(i + 1)-related-\(j + 1)\">"); return }
            let note = result.findings[i].related[j].message
            w.raw("<span class=\"rel\" id=\"finding-\(i + 1)-related-\(j + 1)\"><a class=\"rm\" href=\"#finding-\(i + 1)\" title=\"")
            w.text("related to finding \(i + 1): \(note)")
            w.raw("\" aria-label=\"")
            w.text("related to finding \(i + 1): \(note)")
            w.raw("\">rel \(i + 1)</a>")
        case let .anchor(span):
            let id = HTMLDocumentPage.textID(span)
            w.raw(layer.first ? "<span class=\"fld\" id=\"\(id)\">" : "<span class=\"fld cont\" data-of=\"\(id)\">")
        }
    }

    func close(_ layer: Layer, _ w: inout HTMLWriter) {
        if case let .mention(i) = layer.kind, layer.first {
            w.raw("<span class=\"tip\" id=\"mention-\(i)-tip\" role=\"tooltip\">")
            w.text(tip(i))
            w.raw("</span>")
        }
        w.raw("</span>")
    }

    // MARK: values as text

    static func number(_ v: Decimal?, _ low: Decimal?, _ high: Decimal?) -> String {
        if let v { return DecimalText.string(v) }
        if let low, let high { return "\(DecimalText.string(low))–\(DecimalText.string(high))" }
        return (low ?? high).map(DecimalText.string) ?? "?"
    }

    static func periodText(_ p: ResolvedPeriod) -> String { "\(p.value), \(p.from.iso) to \(p.to.iso)" }

    /// The normalized value of mention `i`, for people.
    func valueText(_ i: Int) -> String {
        let m = mentions[i]
        switch m.value {
        case let .money(amount, low, high, currency, per):
            var s = Self.number(amount, low, high) + " " + (currency ?? "(no currency)")
            if let per { s += " per \(per)" }
            return s
        case let .percent(v, low, high, unit, direction, basis):
            var s = (m.signedChange.map(DecimalText.string) ?? Self.number(v, low, high)) + " " + unit.rawValue.replacingOccurrences(of: "_", with: " ")
            if let direction { s += ", \(direction.rawValue)" }
            if let basis { s += ", \(basis)" }
            return s
        case let .calendar(fields, resolved):
            if let resolved { return Self.periodText(resolved) }
            return fields.reference ?? "not resolved"
        case let .count(v, low, high, of, partners):
            return Self.number(v, low, high) + " " + of + (partners ? " (trading partners)" : "")
        case let .number(v):
            return DecimalText.string(v)
        case let .quantity(v, low, high, unit):
            return Self.number(v, low, high) + " " + unit
        }
    }

    /// The period mention `i` is stated for: its own (a date or period), else its record's or statement's.
    func periodText(_ i: Int) -> String? {
        if mentions[i].periodFields != nil { return nil }
        guard let (p, from) = periodOf[i], let p else { return nil }
        return Self.periodText(p) + (from.map { " (“\(mentions[$0].text)”)" } ?? " (derived)")
    }

    /// The tooltip of mention `i`: type and text, value, period, qualifier and role, rule.
    func tip(_ i: Int) -> String {
        let m = mentions[i]
        var lines = ["\(m.outputType) “\(m.text)”", "value: \(valueText(i))"]
        if let p = periodText(i) { lines.append("period: \(p)") }
        if let q = m.qualifier { lines.append("qualifier: \(q)") }
        if let r = m.role { lines.append("role: \(r)") }
        lines.append("rule: \(m.rule)")
        return lines.joined(separator: "\n")
    }

    func place(_ span: Span) -> String {
        let l = doc.location(of: span.start)
        return "line \(l.line), column \(l.column)"
    }

    // MARK: findings

    func findingsList(_ w: inout HTMLWriter) {
        w.raw("<section aria-labelledby=\"findings\">\n<h2 id=\"findings\">Findings</h2>\n")
        guard !result.findings.isEmpty else { w.raw("<p>No findings.</p>\n</section>\n"); return }
        w.raw("<ol class=\"findings\">\n")
        for (i, f) in result.findings.enumerated() {
            let sev = f.severity.rawValue
            w.raw("<li id=\"finding-\(i + 1)\"><span class=\"badge sev-\(sev)\">\(sev)</span> <code>")
            w.text(f.check)
            w.raw("</code> at <a href=\"#at-finding-\(i + 1)\">")
            w.text("\(place(f.span)): “\(doc.text(f.span))”")
            w.raw("</a><br>")
            w.text(f.message)
            if !f.related.isEmpty {
                w.raw("\n<ul>")
                for (j, r) in f.related.enumerated() {
                    w.raw("<li>")
                    w.text(r.message)
                    w.raw(": <a href=\"#finding-\(i + 1)-related-\(j + 1)\">")
                    w.text("\(place(r.span)): “\(doc.text(r.span))”")
                    w.raw("</a></li>")
                }
                w.raw("</ul>")
            }
            w.raw("</li>\n")
        }
        w.raw("</ol>\n</section>\n")
    }

    // MARK: tables

    /// A table's opening: its section, heading and column headers.
    func tableStart(_ w: inout HTMLWriter, id: String, title: String, count: Int, columns: [String]) -> Bool {
        w.raw("<section aria-labelledby=\"\(id)\">\n<h2 id=\"\(id)\">\(title)</h2>\n")
        guard count > 0 else { w.raw("<p>None.</p>\n</section>\n"); return false }
        w.raw("<div class=\"scroll\" role=\"region\" aria-labelledby=\"\(id)\" tabindex=\"0\"><table>\n<thead><tr>")
        for c in columns { w.raw("<th scope=\"col\">\(c)</th>") }
        w.raw("</tr></thead>\n<tbody>\n")
        return true
    }

    func tableEnd(_ w: inout HTMLWriter) { w.raw("</tbody>\n</table></div>\n</section>\n") }

    /// A cell holding mention `i`: its text linked to its place, and its value.
    func mentionCell(_ i: Int?, _ w: inout HTMLWriter, value: String? = nil) {
        guard let i, mentions.indices.contains(i) else { w.raw("<td></td>"); return }
        w.raw("<td><a href=\"#mention-\(i)\">")
        w.text(mentions[i].text)
        w.raw("</a><span class=\"v\">")
        w.text(value ?? valueText(i))
        w.raw("</span></td>")
    }

    /// A cell holding a value read from words of the text, linked to them when they have a place.
    func wordsCell(_ value: String?, _ span: Span?, via: String? = nil, _ w: inout HTMLWriter) {
        guard let value else { w.raw("<td></td>"); return }
        w.raw("<td>")
        if let span {
            w.raw("<a href=\"#\(HTMLDocumentPage.textID(span))\">")
            w.text(value)
            w.raw("</a>")
            let written = doc.text(span)
            if written != value || via != nil {
                w.raw("<span class=\"v\">")
                w.text([written != value ? "“\(written)”" : nil, via].compactMap { $0 }.joined(separator: " · "))
                w.raw("</span>")
            }
        } else {
            w.text(value)
        }
        w.raw("</td>")
    }

    func fieldCell(_ f: RecordField?, _ w: inout HTMLWriter) { wordsCell(f?.value, f?.span, via: f?.via, &w) }

    func statementsTable(_ w: inout HTMLWriter) {
        guard tableStart(&w, id: "statements", title: "Statements", count: result.statements.count,
                         columns: ["#", "measure", "reporter", "partner", "commodity", "direction", "modality", "value", "period",
                                   "change", "base", "base period", "base revised from", "second base", "its period", "rule"]) else { return }
        for (i, s) in result.statements.enumerated() {
            w.raw("<tr id=\"statement-\(i)\"><th scope=\"row\">\(i)</th>")
            for words in [s.measure, s.reporter, s.partner, s.commodity, s.direction, s.modality] { wordsCell(words?.value, words?.span, &w) }
            for figure in [s.value, s.period, s.change, s.base, s.basePeriod, s.baseRevisedFrom, s.base2, s.base2Period] { mentionCell(figure, &w) }
            w.raw("<td><code>")
            w.text(s.rule)
            w.raw("</code></td></tr>\n")
        }
        tableEnd(&w)
    }

    func recordsTable(_ w: inout HTMLWriter) {
        guard tableStart(&w, id: "records", title: "Records", count: result.records.count,
                         columns: ["#", "reporter", "flow", "commodity", "partner", "period", "value", "volume", "change",
                                   "partners", "base", "source", "modality", "direction", "complete"]) else { return }
        for (i, r) in result.records.enumerated() {
            w.raw("<tr id=\"record-\(i)\"><th scope=\"row\">\(i)</th>")
            fieldCell(r.reporter, &w); fieldCell(r.flow, &w); fieldCell(r.commodity, &w); fieldCell(r.partner, &w)
            if let p = r.period {
                let resolved = r.derivedPeriod ?? mentions[p].period
                let how = r.derivedPeriod != nil ? " (anchored)" : r.periodCarried ? " (carried)" : ""
                mentionCell(p, &w, value: resolved.map { Self.periodText($0) + how } ?? valueText(p))
            } else if let d = r.derivedPeriod {
                w.raw("<td>"); w.text(Self.periodText(d) + " (derived)"); w.raw("</td>")
            } else {
                w.raw("<td></td>")
            }
            mentionCell(r.value, &w); mentionCell(r.volume, &w)
            if let c = r.change, r.derivedBasis != nil, mentions[c].basis == nil {
                mentionCell(c, &w, value: valueText(c) + ", \(r.derivedBasis!)")
            } else {
                mentionCell(r.change, &w)
            }
            if let c = r.partnerCount, mentions.indices.contains(c) {
                w.raw("<td><a href=\"#mention-\(c)\">")
                w.text(mentions[c].text)
                w.raw("</a>")
                if !r.namedPartners.isEmpty {
                    w.raw("<span class=\"v\">named: ")
                    for (j, field) in r.namedPartners.enumerated() {
                        if j > 0 { w.raw(", ") }
                        w.raw("<a href=\"#\(HTMLDocumentPage.textID(field.span))\">")
                        w.text(field.value)
                        w.raw("</a>")
                    }
                    w.raw("</span>")
                }
                w.raw("</td>")
            } else {
                w.raw("<td></td>")
            }
            w.raw(r.isComparison ? "<td>base</td>" : "<td></td>")
            fieldCell(r.source, &w)
            w.raw("<td>"); w.text(r.modality ?? "reported"); w.raw("</td><td>"); w.text(r.direction ?? ""); w.raw("</td>")
            w.raw(r.isComplete ? "<td>yes</td>" : "<td>no</td>")
            w.raw("</tr>\n")
        }
        tableEnd(&w)
    }

    func mentionsTable(_ w: inout HTMLWriter) {
        guard tableStart(&w, id: "mentions", title: "Mentions", count: mentions.count,
                         columns: ["#", "type", "text and value", "period", "qualifier", "rule"]) else { return }
        for (i, m) in mentions.enumerated() {
            w.raw("<tr id=\"mention-\(i)-row\"><th scope=\"row\">\(i)</th><td>")
            w.text(m.outputType)
            w.raw("</td>")
            mentionCell(i, &w)
            w.raw("<td>"); w.text(periodText(i) ?? ""); w.raw("</td><td>")
            w.text([m.qualifier, m.role].compactMap { $0 }.joined(separator: ", "))
            w.raw("</td><td><code>"); w.text(m.rule); w.raw("</code></td></tr>\n")
        }
        tableEnd(&w)
    }

    func warnings(_ w: inout HTMLWriter) {
        guard !result.warnings.isEmpty else { return }
        w.raw("<section aria-labelledby=\"warnings\">\n<h2 id=\"warnings\">Warnings</h2>\n<ul>")
        for warning in result.warnings { w.raw("<li>"); w.text(warning); w.raw("</li>") }
        w.raw("</ul>\n</section>\n")
    }
}
