import Foundation

extension Finding {
    /// The finding as a JSON object: check, severity, message, position, text, related spans and details.
    public func json(in document: Document) -> JSONValue {
        var o = JSONObjectBuilder()
        let loc = document.location(of: span.start)
        o.add("check", check)
        o.add("severity", severity.rawValue)
        o.add("message", message)
        o.add("line", loc.line)
        o.add("column", loc.column)
        o.add("start", span.start)
        o.add("end", span.end)
        o.add("text", document.text(span))
        o.add("related", .array(related.map { r in
            var b = JSONObjectBuilder()
            let l = document.location(of: r.span.start)
            b.add("message", r.message)
            b.add("line", l.line)
            b.add("column", l.column)
            b.add("start", r.span.start)
            b.add("end", r.span.end)
            b.add("text", document.text(r.span))
            return b.value
        }))
        o.add("details", .object(details))
        return o.value
    }
}

extension DocumentResult {
    /// Where a span is, for people: `file:line:col`, or for a JSON Lines record
    /// `file.jsonl:RECORDLINE: [id line:col]`.
    public func displayLocation(_ span: Span) -> String {
        guard let doc = extraction?.document else { return origin.map { "\($0.path):\($0.line)" } ?? documentID }
        let l = doc.location(of: span.start)
        if let origin { return "\(origin.path):\(origin.line): [\(documentID) \(l.line):\(l.column)]" }
        return "\(documentID):\(l.line):\(l.column)"
    }

    /// One JSON object per document: `document`, `referenceDate`, `mentions`, `records`, `findings`
    /// (plus `error` for an input that could not be read, and `warnings`).
    public func json() -> JSONValue {
        var o = JSONObjectBuilder()
        o.add("document", documentID)
        if let origin { o.add("source", .object([("path", .string(origin.path)), ("line", .int(origin.line))])) }
        guard let e = extraction else {
            o.add("error", error ?? "unknown error")
            o.add("referenceDate", .null)
            o.add("mentions", .array([]))
            o.add("records", .array([]))
            o.add("findings", .array([]))
            return o.value
        }
        let doc = e.document
        o.add("referenceDate", e.referenceDate.map { .string($0.iso) } ?? .null)
        o.add("referenceDateSource", e.referenceDateSource.rawValue)
        if let h = doc.givenHeadline ?? e.headlineSpan.map({ doc.text($0) }) { o.add("headline", h) }
        o.add("mentions", .array(e.mentions.enumerated().map { i, m in
            var json = m.json(in: doc)
            if let named = namedPartners[i], case var .object(members) = json {
                members.append(("named", .array(named.map { $0.json(in: doc) })))
                json = .object(members)
            }
            return json
        }))
        o.add("records", .array(records.map { $0.json(mentions: e.mentions, in: doc) }))
        o.add("findings", .array(findings.map { $0.json(in: doc) }))
        if !warnings.isEmpty { o.add("warnings", .array(warnings.map { .string($0) })) }
        return o.value
    }
}
