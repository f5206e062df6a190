import TradeFactsText
import TradeFactsChecks

/// One row of the report's index: a document, the name of its page, and what was found in it.
public struct HTMLIndexRow: Sendable {
    /// The document's id.
    public let documentID: String
    /// The page's address relative to the index (`doc/NAME.html`).
    public let href: String
    /// The headline, when the document has one.
    public let headline: String?
    /// The reference date (YYYY-MM-DD), when there is one.
    public let referenceDate: String?
    /// Why the input could not be read; nil for a document that was read.
    public let error: String?
    /// Counts of mentions, statements and records.
    public let mentions: Int, statements: Int, records: Int
    /// Findings by severity.
    public let errors: Int, warnings: Int, infos: Int

    /// The row of `result`, whose page is at `href`.
    public init(_ result: DocumentResult, href: String) {
        documentID = result.documentID
        self.href = href
        let e = result.extraction
        headline = e.flatMap { e in e.document.givenHeadline ?? e.headlineSpan.map { e.document.text($0) } }
        referenceDate = e?.referenceDate?.iso
        error = result.error
        mentions = e?.mentions.count ?? 0
        statements = result.statements.count
        records = result.records.count
        errors = result.findings.filter { $0.severity == .error }.count
        warnings = result.findings.filter { $0.severity == .warning }.count
        infos = result.findings.filter { $0.severity == .info }.count
    }
}

/// The index page of the HTML report: the batch's totals and a table with a row per document,
/// linking to its page, sortable by any column (a small inline script; the table reads the same
/// without it). The page is handed out in pieces as it is written, so a batch of any size never
/// becomes one string.
public enum HTMLIndexPage {
    /// The columns: key (for `#sort=KEY`), header, numeric.
    package static let columns: [(key: String, title: String, numeric: Bool)] = [
        ("document", "Document", false), ("headline", "Headline", false), ("date", "Date", false),
        ("mentions", "Mentions", true), ("statements", "Statements", true), ("records", "Records", true),
        ("findings", "Findings", true), ("errors", "Errors", true), ("warnings", "Warnings", true), ("info", "Info", true),
    ]
    /// The columns' widths in percent (the table is laid out fixed, so 10,000 rows lay out fast).
    static let widths = [20, 19, 9, 8, 8, 8, 7, 7, 7, 7]

    /// Rows per table (see ``write(_:title:chunk:to:)``).
    package static let rowsPerTable = 250

    /// Writes the page for `rows`, handing each piece of about `chunk` bytes to `output` (in order).
    public static func write(_ rows: [HTMLIndexRow], title: String = "tradefacts report", chunk: Int = 1 << 16,
                             to output: ([UInt8]) throws -> Void) rethrows {
        var w = HTMLWriter(capacity: chunk + 4096)
        HTMLReportStyle.head(&w, title: title, script: true)
        w.raw("<body>\n<a class=\"skip\" href=\"#documents\">Skip to the documents</a>\n<header>\n<h1>")
        w.text(title)
        w.raw("</h1>\n<dl class=\"facts\">\n")
        func fact(_ term: String, _ value: Int) {
            w.raw("<div><dt>\(term)</dt><dd>\(value)</dd></div>\n")
        }
        fact("Documents", rows.count)
        fact("Unreadable", rows.filter { $0.error != nil }.count)
        fact("Mentions", rows.reduce(0) { $0 + $1.mentions })
        fact("Statements", rows.reduce(0) { $0 + $1.statements })
        fact("Records", rows.reduce(0) { $0 + $1.records })
        fact("Errors", rows.reduce(0) { $0 + $1.errors })
        fact("Warnings", rows.reduce(0) { $0 + $1.warnings })
        fact("Info", rows.reduce(0) { $0 + $1.infos })
        w.raw("</dl>\n</header>\n<main id=\"main\">\n<div class=\"documents\" id=\"documents\" tabindex=\"-1\">\n")
        // The rows in tables of `rowsPerTable`, each in a block the browser lays out only when it
        // is scrolled to (`content-visibility: auto`), so the page opens as fast for 10,000 rows as
        // for a few hundred; each table is a real table with its own header row.
        let tables = max(1, (rows.count + rowsPerTable - 1) / rowsPerTable)
        func tableStart(_ t: Int) {
            w.raw("<div class=\"chunk\"><table class=\"index\">\n<caption")
            if t > 0 { w.raw(" class=\"vh\"") }
            w.raw(">Documents")
            if tables > 1 { w.raw(", rows \(t * rowsPerTable + 1) to \(min(rows.count, (t + 1) * rowsPerTable)) of \(rows.count)") }
            if t == 0 { w.raw(", in input order; a column's header sorts by it. Each document links to its page.") }
            w.raw("</caption>\n<colgroup>")
            for width in widths { w.raw("<col style=\"width:\(width)%\">") }
            w.raw("</colgroup>\n<thead><tr>")
            for c in columns {
                w.raw("<th scope=\"col\" data-key=\"\(c.key)\"\(c.numeric ? " data-type=\"num\"" : "")>\(c.title)</th>")
            }
            w.raw("</tr></thead>\n<tbody>\n")
        }
        tableStart(0)
        for (i, row) in rows.enumerated() {
            if i > 0 && i % rowsPerTable == 0 {
                w.raw("</tbody>\n</table></div>\n")
                tableStart(i / rowsPerTable)
            }
            w.raw(row.error == nil ? "<tr><th scope=\"row\"><a href=\"" : "<tr class=\"unreadable\"><th scope=\"row\"><a href=\"")
            w.text(row.href)
            w.raw("\">")
            w.text(row.documentID)
            w.raw("</a></th><td>")
            if let error = row.error {
                w.raw("<span class=\"error-text\">unreadable:</span> ")
                w.text(error)
            } else if let h = row.headline {
                w.text(h)
            }
            w.raw("</td><td>")
            if let d = row.referenceDate { w.text(d) }
            w.raw("</td>")
            for n in [row.mentions, row.statements, row.records, row.errors + row.warnings + row.infos, row.errors, row.warnings, row.infos] {
                w.raw("<td>")
                w.int(n)
                w.raw("</td>")
            }
            w.raw("</tr>\n")
            if w.bytes.count >= chunk { try output(w.drain()) }
        }
        w.raw("</tbody>\n</table></div>\n</div>\n</main>\n<footer><p>Written by tradefacts ")
        w.text(TradeFactsVersion.string)
        w.raw(". Pages are self-contained and fetch nothing; sorting needs JavaScript, everything else works without it.</p></footer>\n<script>\n")
        w.raw(HTMLReportStyle.sortScript)
        w.raw("</script>\n</body>\n</html>\n")
        try output(w.drain())
    }

    /// The whole page as a string (for tests and small batches).
    public static func render(_ rows: [HTMLIndexRow], title: String = "tradefacts report") -> String {
        var out: [UInt8] = []
        write(rows, title: title) { out += $0 }
        return String(decoding: out, as: UTF8.self)
    }
}

/// File names for the documents' pages: stable (the same id in the same place gets the same
/// name), safe on any file system (lower-case ASCII letters, digits and `-`, at most about 80
/// bytes, never hidden, never a reserved name) and distinct: a slug of the id, 8 hex digits of
/// its FNV-1a hash, and a counter when two documents would still share a name (the same id twice).
public struct HTMLPageNames {
    private var used: Set<String> = []

    public init() {}

    /// The next page's name (`SLUG-HASH.html`) for a document with id `documentID`.
    public mutating func name(for documentID: String) -> String {
        let base = Self.slug(documentID) + "-" + Fingerprint.fnv1a(documentID).suffix(8)
        var name = base + ".html"
        var n = 2
        while !used.insert(name).inserted {
            name = "\(base)-\(n).html"
            n += 1
        }
        return name
    }

    /// The id in lower-case ASCII letters and digits, other runs as one `-`, its last 60
    /// characters; `doc` when nothing is left.
    static func slug(_ id: String) -> String {
        var out: [UInt8] = []
        for b in id.utf8 {
            switch b {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): out.append(b)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): out.append(b + 32)
            default: if out.last != UInt8(ascii: "-") { out.append(UInt8(ascii: "-")) }
            }
        }
        var s = String(decoding: out.suffix(60), as: UTF8.self)
        while s.hasPrefix("-") { s.removeFirst() }
        while s.hasSuffix("-") { s.removeLast() }
        return s.isEmpty ? "doc" : s
    }
}
