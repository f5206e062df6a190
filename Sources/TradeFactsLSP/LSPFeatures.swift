import Foundation
import TradeFacts

/// What the server answers with, made from an ``Analysis``: diagnostics, hovers and quick fixes.
enum LSPFeatures {
    /// The `source` of every diagnostic the server publishes.
    static let source = "tradefacts"

    static func position(_ p: LSPPosition) -> JSONValue {
        .object([("line", .int(p.line)), ("character", .int(p.character))])
    }

    static func range(_ start: LSPPosition, _ end: LSPPosition) -> JSONValue {
        .object([("start", position(start)), ("end", position(end))])
    }

    static func range(_ span: Span, _ map: PositionMap) -> JSONValue {
        range(map.position(of: span.start), map.position(of: span.end))
    }

    /// LSP's `DiagnosticSeverity`: 1 error, 2 warning, 3 information.
    static func severity(_ s: Severity) -> Int {
        switch s { case .error: 1; case .warning: 2; case .info: 3 }
    }

    // MARK: Diagnostics

    /// One diagnostic per finding, as `check` reports it: the check's id as the code, its severity
    /// (configuration applied), its message, and each related span as related information in the
    /// same document. A document that could not be checked gets one error diagnostic saying why.
    static func diagnostics(_ analysis: Analysis, uri: String) -> [JSONValue] {
        if let problem = analysis.problem {
            var o = JSONObjectBuilder()
            o.add("range", range(LSPPosition(line: 0, character: 0), LSPPosition(line: 0, character: 0)))
            o.add("severity", severity(.error))
            o.add("code", "configuration")
            o.add("source", source)
            o.add("message", "not checked: \(problem)")
            return [o.value]
        }
        guard let result = analysis.result else { return [] }
        return result.findings.map { f in
            var o = JSONObjectBuilder()
            o.add("range", range(f.span, analysis.map))
            o.add("severity", severity(f.severity))
            o.add("code", f.check)
            o.add("source", source)
            o.add("message", f.message)
            if !f.related.isEmpty {
                o.add("relatedInformation", JSONValue.array(f.related.map { r in
                    .object([
                        ("location", .object([("uri", .string(uri)), ("range", range(r.span, analysis.map))])),
                        ("message", .string(r.message)),
                    ])
                }))
            }
            // A suppression that silences nothing is shown faded, as unused code is.
            if f.check == UnusedSuppression.description.id { o.add("tags", JSONValue.array([.int(1)])) }
            if !f.details.isEmpty { o.add("data", JSONValue.object([("details", .object(f.details))])) }
            return o.value
        }
    }

    // MARK: Hover

    /// A Markdown hover for the mention under byte `offset` (the narrowest when mentions nest):
    /// its type and text, its normalized value, its resolved period (a date's own, or for a figure
    /// the period of the trade record it is the value of), the other normalized fields, and the
    /// id of the rule that read it. Nil when no mention is there.
    static func hover(_ analysis: Analysis, at offset: Int) -> JSONValue? {
        guard let result = analysis.result, let extraction = result.extraction else { return nil }
        let mentions = extraction.mentions
        let candidates = mentions.indices.filter { mentions[$0].span.start <= offset && offset < mentions[$0].span.end }
        guard let index = candidates.min(by: { mentions[$0].span.length < mentions[$1].span.length }) else { return nil }
        let mention = mentions[index]
        let document = extraction.document
        var lines = ["**\(mention.outputType)** `\(code(mention.text))`", ""]
        if let value = valueText(mention) { lines.append("- value: **\(value)**") }
        if let period = mention.period {
            lines.append("- period: **\(periodText(period))**")
        } else if case .calendar = mention.value {
            lines.append("- period: not resolved (no reference date)")
        }
        if let record = result.records.first(where: { $0.value == index }) {
            var what = [record.flow.value]
            if let c = record.commodity?.value { what.append("of \(c)") }
            if let r = record.reporter?.value { what.insert(r, at: 0) }
            if let p = record.period, mentions.indices.contains(p), let period = mentions[p].period {
                lines.append("- record: \(what.joined(separator: " ")), period **\(periodText(period))** (\"\(mentions[p].text)\")")
            } else if let period = record.derivedPeriod {
                lines.append("- record: \(what.joined(separator: " ")), period **\(periodText(period))**")
            } else {
                lines.append("- record: \(what.joined(separator: " ")), no period")
            }
        }
        // The other normalized fields (qualifier, role, signed change, …), as `extract` writes them.
        let shown: Set<String> = ["type", "text", "start", "end", "line", "column", "rule", "timex", "amount", "low", "high",
                                  "currency", "per", "value", "unit", "direction", "basis", "of", "from", "to", "granularity"]
        if case let .object(members) = mention.json(in: document) {
            for (key, value) in members where !shown.contains(key) {
                if let text = value.scalarText { lines.append("- \(key): \(text)") }
            }
        }
        lines.append("- rule: `\(code(mention.rule))`")
        return .object([
            ("contents", .object([("kind", .string("markdown")), ("value", .string(lines.joined(separator: "\n")))])),
            ("range", range(mention.span, analysis.map)),
        ])
    }

    /// Text safe inside a Markdown code span.
    static func code(_ s: String) -> String { s.replacingOccurrences(of: "`", with: "'").replacingOccurrences(of: "\n", with: " ") }

    static func periodText(_ p: ResolvedPeriod) -> String {
        p.from == p.to ? "\(p.from.iso) (\(p.value))" : "\(p.from.iso) – \(p.to.iso) (\(p.value))"
    }

    /// The normalized value of a figure, in words: amount and currency, percentage and its
    /// direction, count, number or quantity; nil for a date.
    static func valueText(_ m: Mention) -> String? {
        func amount(_ v: Decimal?, _ low: Decimal?, _ high: Decimal?) -> String? {
            if let v { return DecimalText.string(v) }
            if let low, let high { return "\(DecimalText.string(low))–\(DecimalText.string(high))" }
            return nil
        }
        switch m.value {
        case let .money(v, low, high, currency, per):
            guard let a = amount(v, low, high) else { return nil }
            return [a, currency ?? "(currency unknown)", per.map { "per \($0)" }].compactMap { $0 }.joined(separator: " ")
        case let .percent(v, low, high, unit, direction, basis):
            guard let a = amount(v, low, high) else { return nil }
            let unitText = unit == .percent ? "%" : unit == .points ? " percentage points" : " basis points"
            return [a + unitText, direction.map { $0.rawValue }, basis].compactMap { $0 }.joined(separator: " ")
        case let .count(v, low, high, of, _):
            return amount(v, low, high).map { "\($0) \(of)" }
        case let .number(v): return DecimalText.string(v)
        case let .quantity(v, low, high, unit):
            return amount(v, low, high).map { "\($0) \(unit)" }
        case .calendar: return nil
        }
    }

    // MARK: Code actions

    /// The placeholder a new suppression's reason starts as; the comment is valid with it, and
    /// the editor is meant to replace it with the real reason.
    static let reasonPlaceholder = "REASON"

    /// Quick fixes for the client's diagnostics of this server: for a finding, a suppression
    /// comment on the line before it (`<!-- tradefacts-disable-next-line CHECK: REASON -->`, or
    /// the check added to the suppression comment already there); for an unused suppression, its
    /// removal. Findings of the checks that judge suppressions themselves cannot be suppressed.
    static func codeActions(for diagnostics: [JSONValue], uri: String, bytes: [UInt8], map: PositionMap) -> [JSONValue] {
        var actions: [JSONValue] = []
        let document = Document(id: uri, bytes: bytes)
        let (_, directives) = Suppressions.scan(document, knownChecks: Engine.knownChecks)
        for diagnostic in diagnostics {
            guard diagnostic["source"]?.stringValue == source, let check = diagnostic["code"]?.stringValue,
                  let start = LanguageServer.position(diagnostic.at("range", "start")),
                  let type = CheckCatalogue.all.first(where: { $0.description.id == check }) else { continue }
            if check == UnusedSuppression.description.id {
                if let edit = removal(of: start, directives: directives, document: document, map: map) {
                    actions.append(action("Remove the unused suppression", diagnostic, uri, edit))
                }
                continue
            }
            guard !type.runsAfterSuppressions, map.lineStarts.indices.contains(start.line) else { continue }
            let lineStart = map.lineStarts[start.line]
            let engineLine = document.location(of: lineStart).line
            if let existing = directives.first(where: { $0.targetLine == engineLine && !$0.checks.isEmpty }) {
                guard !existing.checks.contains(check), let at = endOfIDs(existing.span, in: bytes) else { continue }
                let p = map.position(of: at)
                actions.append(action("Add \(check) to the suppression above", diagnostic, uri, textEdit(p, p, ", \(check)")))
                continue
            }
            var indentEnd = lineStart
            while indentEnd < bytes.count, bytes[indentEnd] == 0x20 || bytes[indentEnd] == 0x09 { indentEnd += 1 }
            let indent = String(decoding: bytes[lineStart..<indentEnd], as: UTF8.self)
            let comment = "\(indent)<!-- tradefacts-disable-next-line \(check): \(reasonPlaceholder) -->\(lineEnding(bytes))"
            let at = LSPPosition(line: start.line, character: 0)
            actions.append(action("Suppress \(check) on this line (replace \(reasonPlaceholder) with the reason)", diagnostic, uri, textEdit(at, at, comment)))
        }
        return actions
    }

    static func action(_ title: String, _ diagnostic: JSONValue, _ uri: String, _ edit: JSONValue) -> JSONValue {
        .object([
            ("title", .string(title)),
            ("kind", .string("quickfix")),
            ("diagnostics", .array([diagnostic])),
            ("edit", .object([("changes", .object([(uri, .array([edit]))]))])),
        ])
    }

    static func textEdit(_ start: LSPPosition, _ end: LSPPosition, _ text: String) -> JSONValue {
        .object([("range", range(start, end)), ("newText", .string(text))])
    }

    /// The document's line ending: that of its first line, `\n` when it has none.
    static func lineEnding(_ bytes: [UInt8]) -> String {
        guard let i = bytes.firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) else { return "\n" }
        if bytes[i] == 0x0D { return i + 1 < bytes.count && bytes[i + 1] == 0x0A ? "\r\n" : "\r" }
        return "\n"
    }

    /// The byte offset just after the last check id of the suppression comment at `span`.
    static func endOfIDs(_ span: Span, in bytes: [UInt8]) -> Int? {
        let marker = Suppressions.marker
        var i = span.start
        while i + marker.count <= span.end, !bytes[i..<(i + marker.count)].elementsEqual(marker) { i += 1 }
        guard i + marker.count <= span.end else { return nil }
        i += marker.count
        func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }
        func isIDByte(_ b: UInt8) -> Bool { (0x61...0x7A).contains(b) || (0x30...0x39).contains(b) || b == 0x2D }
        var end: Int? = nil
        while i < span.end {
            while i < span.end, isBlank(bytes[i]) { i += 1 }
            let idStart = i
            while i < span.end, isIDByte(bytes[i]) { i += 1 }
            guard i > idStart else { break }
            end = i
            while i < span.end, isBlank(bytes[i]) { i += 1 }
            guard i < span.end, bytes[i] == 0x2C else { break }
            i += 1
        }
        return end
    }

    /// An edit removing the suppression comment that starts on the diagnostic's line: the whole
    /// line when the comment is all it holds.
    static func removal(of start: LSPPosition, directives: [SuppressionDirective], document: Document, map: PositionMap) -> JSONValue? {
        guard map.lineStarts.indices.contains(start.line) else { return nil }
        let lineStart = map.lineStarts[start.line]
        let lineEnd = start.line + 1 < map.lineCount ? map.lineStarts[start.line + 1] : document.bytes.count
        guard let directive = directives.first(where: { lineStart <= $0.span.start && $0.span.start < lineEnd }) else { return nil }
        let before = document.bytes[lineStart..<directive.span.start], after = document.bytes[directive.span.end..<lineEnd]
        let blank: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        if before.allSatisfy(blank) && after.allSatisfy(blank) {
            return textEdit(map.position(of: lineStart), start.line + 1 < map.lineCount ? LSPPosition(line: start.line + 1, character: 0) : map.position(of: lineEnd), "")
        }
        return textEdit(map.position(of: directive.span.start), map.position(of: directive.span.end), "")
    }
}
