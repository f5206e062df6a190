import TradeFactsText
import TradeFactsChecks
/// SARIF 2.1.0: one run, the check catalogue as rules, a result per finding with its related
/// locations and a `partialFingerprints` entry; unreadable inputs as tool execution notifications.
public enum SARIFReport {
    package static func level(_ s: Severity) -> String {
        switch s { case .error: "error"; case .warning: "warning"; case .info: "note" }
    }

    package static func region(_ span: Span, in doc: Document) -> JSONValue {
        let start = doc.location(of: span.start)
        let end = doc.location(of: span.end)
        var o = JSONObjectBuilder()
        o.add("startLine", start.line)
        o.add("startColumn", start.column)
        o.add("endLine", end.line)
        o.add("endColumn", end.column)
        o.add("byteOffset", span.start)
        o.add("byteLength", span.length)
        o.add("snippet", .object([("text", .string(doc.text(span)))]))
        return o.value
    }

    package static func location(_ uri: String, _ index: Int, _ span: Span, _ doc: Document, message: String? = nil, id: Int? = nil) -> JSONValue {
        var o = JSONObjectBuilder()
        o.add("id", id)
        var region = region(span, in: doc)
        if let origin = doc.origin {
            // A JSON Lines record: the region is its line of the file; the place inside the article is a property.
            let l = doc.location(of: span.start)
            region = .object([("startLine", .int(origin.line)),
                              ("properties", .object([("document", .string(doc.id)), ("articleLine", .int(l.line)),
                                                      ("articleColumn", .int(l.column)), ("articleByteOffset", .int(span.start))]))])
        }
        o.add("physicalLocation", .object([
            ("artifactLocation", .object([("uri", .string(uri)), ("index", .int(index))])),
            ("region", region),
        ]))
        if let message { o.add("message", .object([("text", .string(message))])) }
        return o.value
    }

    /// A URI for a path (SARIF wants URIs; spaces and the like percent-encoded): relative for a
    /// relative path, `file://` for an absolute one.
    package static func uri(_ path: String) -> String {
        var out = path.hasPrefix("/") ? "file://" : ""
        for b in path.utf8 {
            let c = Character(Unicode.Scalar(b))
            if (c.isASCII && (c.isLetter || c.isNumber)) || "-._~/".contains(c) { out.append(c) }
            else { out += "%" + String(b, radix: 16, uppercase: true).leftPadded(2) }
        }
        return out
    }

    /// The results as one SARIF 2.1.0 log (pretty-printed JSON and a newline), `checks` listed as its rules.
    public static func render(_ results: [DocumentResult], checks: [any Check.Type] = CheckCatalogue.all) -> String {
        let rules: [JSONValue] = checks.map { c in
            let d = c.description
            return .object([
                ("id", .string(d.id)),
                ("name", .string(d.name.split(separator: " ").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined().filter { $0.isLetter || $0.isNumber })),
                ("shortDescription", .object([("text", .string(d.summary))])),
                ("fullDescription", .object([("text", .string(d.rationale))])),
                ("defaultConfiguration", .object([("level", .string(level(d.severity)))])),
                ("help", .object([("text", .string(d.summary + " " + d.rationale))])),
                ("helpUri", .string(TradeFactsProject.checkHelpURL(d.id))),
            ])
        }
        let ruleIndex = Dictionary(uniqueKeysWithValues: checks.enumerated().map { ($1.description.id, $0) })
        var artifacts: [JSONValue] = []
        var sarifResults: [JSONValue] = []
        var notifications: [JSONValue] = []
        var artifactIndex: [String: Int] = [:]
        for result in results {
            let u = uri(result.origin?.path ?? result.documentID)
            let index = artifactIndex[u] ?? artifacts.count
            if artifactIndex[u] == nil {
                artifactIndex[u] = index
                artifacts.append(.object([("location", .object([("uri", .string(u))]))]))
            }
            if let error = result.error {
                notifications.append(.object([
                    ("level", .string("error")),
                    ("message", .object([("text", .string(error))])),
                    ("locations", .array([.object([("physicalLocation", .object([("artifactLocation", .object([("uri", .string(u)), ("index", .int(index))]))]))])])),
                ]))
                continue
            }
            guard let doc = result.extraction?.document else { continue }
            for f in result.findings {
                var o = JSONObjectBuilder()
                o.add("ruleId", f.check)
                o.add("ruleIndex", ruleIndex[f.check])
                o.add("level", level(f.severity))
                o.add("message", .object([("text", .string(f.message))]))
                o.add("locations", .array([location(u, index, f.span, doc)]))
                if !f.related.isEmpty {
                    o.add("relatedLocations", .array(f.related.enumerated().map { i, r in location(u, index, r.span, doc, message: r.message, id: i + 1) }))
                }
                o.add("partialFingerprints", .object([("tradefacts/v1", .string(Fingerprint.of(f, in: doc)))]))
                if !f.details.isEmpty { o.add("properties", .object(f.details)) }
                sarifResults.append(o.value)
            }
        }
        let run: JSONValue = .object([
            ("tool", .object([("driver", .object([
                ("name", .string("tradefacts")),
                ("version", .string(TradeFactsVersion.string)),
                ("informationUri", .string(TradeFactsProject.repositoryURL)),
                ("rules", .array(rules)),
            ]))])),
            ("invocations", .array([.object([
                ("executionSuccessful", .bool(notifications.isEmpty)),
                ("toolExecutionNotifications", .array(notifications)),
            ])])),
            ("artifacts", .array(artifacts)),
            ("columnKind", .string("unicodeCodePoints")),
            ("results", .array(sarifResults)),
        ])
        return JSONValue.object([
            ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
            ("version", .string("2.1.0")),
            ("runs", .array([run])),
        ]).serialized(pretty: true) + "\n"
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
