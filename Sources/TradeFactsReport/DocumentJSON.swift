import Foundation
import TradeFactsText
import TradeFactsChecks

extension Finding {
    /// The finding as a JSON object: check, severity, message, position, text, related spans and details.
    public func json(in document: Document) -> JSONValue { JSONTreeBuilder.build { write(to: &$0, in: document) } }

    func write<S: JSONSink>(to o: inout S, in document: Document) {
        o.object { o in
            let loc = document.location(of: span.start)
            o.add("check", check)
            o.add("severity", severity.rawValue)
            o.add("message", message)
            o.add("line", loc.line)
            o.add("column", loc.column)
            o.add("start", span.start)
            o.add("end", span.end)
            o.add("text", textOf: span, in: document)
            o.array("related", related) { b, r in
                b.object { b in
                    let l = document.location(of: r.span.start)
                    b.add("message", r.message)
                    b.add("line", l.line)
                    b.add("column", l.column)
                    b.add("start", r.span.start)
                    b.add("end", r.span.end)
                    b.add("text", textOf: r.span, in: document)
                }
            }
            o.add("details", .object(details))
        }
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
    public func json() -> JSONValue { JSONTreeBuilder.build { write(to: &$0) } }

    /// ``json()`` written straight to bytes (the same bytes as `json().serialized(pretty:)`).
    package func writeJSON(to writer: inout JSONWriter) { write(to: &writer) }

    func write<S: JSONSink>(to o: inout S) {
        o.beginObject()
        o.add("document", documentID)
        if let origin {
            o.object("source") { s in
                s.add("path", origin.path)
                s.add("line", origin.line)
            }
        }
        guard let e = extraction else {
            o.add("error", error ?? "unknown error")
            o.key("referenceDate"); o.null()
            for k: StaticString in ["mentions", "statements", "records", "findings"] { o.key(k); o.beginArray(); o.endArray() }
            o.endObject()
            return
        }
        let doc = e.document
        o.key("referenceDate")
        if let d = e.referenceDate { o.string(d.iso) } else { o.null() }
        o.add("referenceDateSource", e.referenceDateSource.rawValue)
        if let h = doc.givenHeadline { o.add("headline", h) }
        else if let h = e.headlineSpan { o.add("headline", textOf: h, in: doc) }
        o.array("mentions", e.mentions.indices) { o, i in
            o.object { o in
                e.mentions[i].write(members: &o, in: doc)
                if let named = namedPartners[i] {
                    o.array("named", named) { n, field in field.write(to: &n, in: doc) }
                }
            }
        }
        o.array("statements", statements) { o, s in s.write(to: &o, mentions: e.mentions, in: doc) }
        o.array("records", records) { o, r in r.write(to: &o, mentions: e.mentions, in: doc) }
        writeFindings(to: &o, in: doc)
        if !warnings.isEmpty { o.array("warnings", warnings) { w, s in w.string(s) } }
        o.endObject()
    }

    private func writeFindings<S: JSONSink>(to o: inout S, in doc: Document?) {
        o.array("findings", doc == nil ? [] : findings) { o, f in f.write(to: &o, in: doc!) }
    }

    /// The findings of the document as `check` reports them: `document`, `error` when the input
    /// could not be read, and `findings`.
    public func findingsJSON() -> JSONValue { JSONTreeBuilder.build { writeFindingsObject(to: &$0) } }

    /// ``findingsJSON()`` written straight to bytes.
    package func writeFindingsJSON(to writer: inout JSONWriter) { writeFindingsObject(to: &writer) }

    func writeFindingsObject<S: JSONSink>(to o: inout S) {
        o.object { o in
            o.add("document", documentID)
            o.add("error", error)
            writeFindings(to: &o, in: extraction?.document)
        }
    }
}
