import Foundation
import XCTest
@testable import TradeFacts

/// The HTML report's pages, read back with a strict parser: escaping of hostile text, well-formed
/// markup where spans nest and cross, every in-page link resolving, nothing fetched from anywhere,
/// and the text of every mention, finding and related span where the engine says it is.
final class HTMLReportTests: XCTestCase {
    /// Every Corpus article, processed as `tradefacts report Corpus/` would.
    static let corpus: [DocumentResult] = {
        let dir = Fixtures.packageRoot.appendingPathComponent("Corpus")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { $0.hasSuffix(".txt") || $0.hasSuffix(".md") }.sorted().flatMap { name in
            let raw = Array((try? Data(contentsOf: dir.appendingPathComponent(name))) ?? Data())
            return ArticleReader.articles(path: "Corpus/" + name, raw: raw).map { Fixtures.engine.process($0) }
        }
    }()

    /// The article's text as the page must show it: as written (suppression comments too), line
    /// breaks kept, nothing else changed.
    static func shown(_ r: DocumentResult) -> String {
        String(decoding: r.writtenBytes ?? r.extraction!.document.bytes, as: UTF8.self)
    }

    /// Every Corpus page: well formed, links resolving, the article's text whole, every mention
    /// marked with its own text, type class and tooltip, every finding and related span marked
    /// with its text and linked both ways with the findings list, every table cell link resolving.
    func testCorpusPagesMarkEveryMentionAndFindingWhereItIs() throws {
        XCTAssertGreaterThanOrEqual(Self.corpus.count, 40)
        var findings = 0
        for r in Self.corpus {
            let doc = r.extraction!.document
            let (tree, ids) = try checkPage(HTMLDocumentPage.render(r))
            let article = try XCTUnwrap(tree.first { $0.hasClass("article") })
            XCTAssertEqual(article.writtenText, Self.shown(r), r.documentID)
            for (i, m) in r.extraction!.mentions.enumerated() {
                let node = try XCTUnwrap(ids["mention-\(i)"], "\(r.documentID): mention \(i)")
                XCTAssertTrue(node.hasClass("m") && node.hasClass("m-\(m.outputType)"), "\(r.documentID): mention \(i) class")
                XCTAssertEqual(node.attributes["tabindex"], "0")
                XCTAssertEqual(markedText("mention-\(i)", in: tree), m.text, "\(r.documentID): mention \(i)")
                let tip = try XCTUnwrap(ids[node.attributes["aria-describedby"] ?? ""], "\(r.documentID): mention \(i) tooltip")
                XCTAssertTrue(tip.textContent().contains("rule: \(m.rule)"), tip.textContent())
                if let p = m.period { XCTAssertTrue(tip.textContent().contains(p.value), tip.textContent()) }
            }
            for (n, f) in r.findings.enumerated().map({ ($0 + 1, $1) }) {
                findings += 1
                XCTAssertEqual(markedText("at-finding-\(n)", in: tree), doc.text(f.span))
                let item = try XCTUnwrap(ids["finding-\(n)"])
                XCTAssertTrue(item.textContent().contains(f.message) && item.textContent().contains(f.check))
                XCTAssertTrue(item.all(tag: "a").contains { $0.attributes["href"] == "#at-finding-\(n)" }, "list item → span")
                let marker = try XCTUnwrap(ids["at-finding-\(n)"]?.first { $0.hasClass("fm") })
                XCTAssertEqual(marker.attributes["href"], "#finding-\(n)", "span → list item")
                XCTAssertEqual(marker.textContent(), "\(f.severity.rawValue) \(n)")
                for (j, rel) in f.related.enumerated() {
                    XCTAssertEqual(markedText("finding-\(n)-related-\(j + 1)", in: tree), doc.text(rel.span))
                    XCTAssertTrue(item.all(tag: "a").contains { $0.attributes["href"] == "#finding-\(n)-related-\(j + 1)" })
                }
            }
            // Table cells that link into the text link to the place of what they show.
            for row in tree.all(tag: "tr") where row.id?.hasPrefix("record-") ?? false || row.id?.hasPrefix("statement-") ?? false {
                for link in row.all(tag: "a") {
                    let target = String(link.attributes["href"]!.dropFirst())
                    guard target.hasPrefix("text-") else { continue }
                    let ends = target.dropFirst(5).split(separator: "-").compactMap { Int($0) }
                    XCTAssertEqual(markedText(target, in: tree), doc.text(Span(ends[0], ends[1])), "\(r.documentID): \(target)")
                }
            }
            XCTAssertEqual(tree.all { $0.id?.hasPrefix("record-") ?? false && $0.tag == "tr" }.count, r.records.count)
            XCTAssertEqual(tree.all { $0.id?.hasPrefix("statement-") ?? false && $0.tag == "tr" }.count, r.statements.count)
        }
        XCTAssertGreaterThanOrEqual(findings, 15, "the Corpus's planted slips")
    }

    /// Findings whose spans cross mentions, each other and lines (seeded, 60 per article over ten
    /// Corpus articles): the markup stays well formed, each crossing span is cut into fragments
    /// that carry `data-of`, and every span's fragments still give its exact text.
    func testCrossingSpansAreSplitIntoWellFormedFragments() throws {
        var rng = SplitMix64(seed: 19)
        var fragments = 0
        for base in Self.corpus.prefix(10) {
            var r = base
            let n = r.extraction!.document.bytes.count
            let text = r.extraction!.document.bytes
            // Offsets at the start of a UTF-8 scalar.
            let starts = (0...n).filter { $0 == n || text[$0] & 0xC0 != 0x80 }
            func span() -> Span {
                let a = starts[Int(rng.next() % UInt64(starts.count))], b = starts[Int(rng.next() % UInt64(starts.count))]
                return Span(min(a, b), max(a, b))
            }
            r.findings = (0..<60).map { k in
                Finding(check: "test-\(k)", severity: [.error, .warning, .info][k % 3], message: "test <b>\(k)</b>", span: span(),
                        related: (0..<(k % 3)).map { _ in RelatedSpan(span: span(), message: "note & \"quote\"") }, details: [])
            }
            let (tree, _) = try checkPage(HTMLDocumentPage.render(r))
            XCTAssertEqual(tree.first { $0.hasClass("article") }!.writtenText, Self.shown(r))
            for (i, m) in r.extraction!.mentions.enumerated() { XCTAssertEqual(markedText("mention-\(i)", in: tree), m.text) }
            for (k, f) in r.findings.enumerated() {
                XCTAssertEqual(markedText("at-finding-\(k + 1)", in: tree) ?? "", r.extraction!.document.text(f.span), "finding \(k + 1)")
                for (j, rel) in f.related.enumerated() {
                    XCTAssertEqual(markedText("finding-\(k + 1)-related-\(j + 1)", in: tree) ?? "", r.extraction!.document.text(rel.span))
                }
            }
            fragments += tree.all { $0.attributes["data-of"] != nil }.count
        }
        XCTAssertGreaterThan(fragments, 100, "the seeded spans must cross")
    }

    /// Hostile text in an article, its id and its headline stays text: no tag, no attribute, no
    /// control character reaches the page; control characters show as visible symbols.
    func testHostileTextIsEscaped() throws {
        let hostileID = "<img src=x onerror=alert(1)>\"'&.txt"
        let text = "Exports <script>alert('x')</script> rose 5% to $3 billion in 2024 \"onmouseover=\"alert(2)\" & more.\u{1B}[31m\u{0}\u{7F}\u{85}\r\nLone\rreturn <!-- x --> </div></span>"
        var doc = Document(id: hostileID, text: text, referenceDate: CalendarDate(iso: "2025-01-10"))
        doc.givenHeadline = "</title><script>alert(3)</script>"
        let r = Fixtures.engine.process(doc)
        XCTAssertFalse(r.extraction!.mentions.isEmpty, "the figures beside the hostile text are read")
        let html = HTMLDocumentPage.render(r)
        let (tree, _) = try checkPage(html)
        XCTAssertTrue(tree.all(tag: "script").isEmpty, "a document page has no script")
        XCTAssertTrue(tree.all(tag: "img").isEmpty)
        XCTAssertFalse(html.contains("<script") || html.contains("<img") || html.contains("<!-- x"))
        XCTAssertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
        for scalar in html.unicodeScalars {
            let v = scalar.value
            XCTAssertFalse((v < 0x20 && v != 0x0A && v != 0x09) || (0x7F...0x9F).contains(v), "control character U+\(String(v, radix: 16)) on the page")
        }
        let article = tree.first { $0.hasClass("article") }!.writtenText
        XCTAssertTrue(article.contains("more.\u{241B}[31m\u{2400}\u{2421}\u{FFFD}\nLone\nreturn <!-- x --> </div></span>"), article)
        XCTAssertEqual(tree.all(tag: "h1").first?.textContent(), hostileID)
        XCTAssertEqual(tree.first { $0.hasClass("headline") }?.textContent(), "</title><script>alert(3)</script>")

        let index = HTMLIndexPage.render([HTMLIndexRow(r, href: "doc/x.html")])
        let (indexTree, _) = try checkPage(index)
        XCTAssertEqual(indexTree.all(tag: "script").count, 1, "only the sorting script")
        XCTAssertEqual(indexTree.all(tag: "tbody").first?.all(tag: "a").first?.textContent(), hostileID)
    }

    /// Invalid UTF-8 in an article becomes U+FFFD on the page; the marks around it stay right.
    func testInvalidUTF8IsReplaced() throws {
        let bytes = Array("Exports rose 5% to $3 billion in 2024. ".utf8) + [0xFF, 0xC3] + Array(" Imports fell 2%.".utf8)
        let r = Fixtures.engine.process(Document(id: "bad.txt", bytes: bytes, referenceDate: CalendarDate(iso: "2025-01-10")))
        let (tree, _) = try checkPage(HTMLDocumentPage.render(r))
        XCTAssertEqual(tree.first { $0.hasClass("article") }!.writtenText, String(decoding: bytes, as: UTF8.self))
        for (i, m) in r.extraction!.mentions.enumerated() { XCTAssertEqual(markedText("mention-\(i)", in: tree), m.text) }
    }

    /// The index: a row per document linking to its page, counts by severity, well formed, the
    /// sorting script present, and an unreadable input with its error.
    func testIndexListsEveryDocumentWithItsCounts() throws {
        var names = HTMLPageNames()
        var results = Self.corpus
        results.append(DocumentResult(documentID: "missing.txt", extraction: nil, records: [], findings: [], error: "missing.txt: no such file", warnings: []))
        let rows = results.map { HTMLIndexRow($0, href: "doc/" + names.name(for: $0.documentID)) }
        var pieces = 0
        var bytes: [UInt8] = []
        HTMLIndexPage.write(rows, chunk: 4096) { pieces += 1; bytes += $0 }
        XCTAssertGreaterThan(pieces, 3, "the index is handed out in pieces")
        let html = String(decoding: bytes, as: UTF8.self)
        XCTAssertEqual(html, HTMLIndexPage.render(rows))
        let (tree, _) = try checkPage(html)
        let trs = tree.all(tag: "tbody").flatMap { $0.all(tag: "tr") }
        XCTAssertEqual(trs.count, results.count)
        for (tr, r) in zip(trs, results) {
            let link = try XCTUnwrap(tr.all(tag: "a").first)
            XCTAssertEqual(link.textContent(), r.documentID)
            XCTAssertTrue(link.attributes["href"]!.hasPrefix("doc/") && link.attributes["href"]!.hasSuffix(".html"))
            let cells = tr.all(tag: "td").map { $0.textContent() }
            let bySeverity = [Severity.error, .warning, .info].map { s in String(r.findings.filter { $0.severity == s }.count) }
            XCTAssertEqual(Array(cells.suffix(7)), [String(r.extraction?.mentions.count ?? 0), String(r.statements.count), String(r.records.count),
                                                    String(r.findings.count)] + bySeverity, r.documentID)
        }
        XCTAssertTrue(trs.last!.hasClass("unreadable") && trs.last!.textContent().contains("no such file"))
        XCTAssertEqual(tree.all(tag: "script").count, 1)
        XCTAssertTrue(tree.all(tag: "script")[0].textContent().contains("#sort="))
        XCTAssertEqual(tree.all(tag: "th").filter { $0.attributes["data-key"] != nil }.count, HTMLIndexPage.columns.count)

        // Past `rowsPerTable` rows, the rows go on in further tables, each with its header row and
        // a caption giving its rows, inside blocks laid out only when scrolled to.
        let many = (0..<(2 * HTMLIndexPage.rowsPerTable + 7)).map { rows[$0 % rows.count] }
        let (big, _) = try checkPage(HTMLIndexPage.render(many))
        let tables = big.all(tag: "table")
        XCTAssertEqual(tables.count, 3)
        XCTAssertEqual(tables.map { $0.all(tag: "tbody")[0].all(tag: "tr").count }, [HTMLIndexPage.rowsPerTable, HTMLIndexPage.rowsPerTable, 7])
        XCTAssertTrue(tables.allSatisfy { $0.all(tag: "thead").count == 1 && $0.all(tag: "th").filter { $0.attributes["data-key"] != nil }.count == HTMLIndexPage.columns.count })
        XCTAssertEqual(tables[2].all(tag: "caption").first?.textContent(), "Documents, rows \(2 * HTMLIndexPage.rowsPerTable + 1) to \(many.count) of \(many.count)")
        XCTAssertEqual(big.all { $0.hasClass("chunk") }.map { $0.all(tag: "table").count }, [1, 1, 1])
    }

    /// Page names: safe characters only, short, distinct for every id (the same id twice, ids
    /// differing in case or only in characters the slug drops), stable from run to run.
    func testPageNamesAreSafeDistinctAndStable() {
        let ids = ["Corpus/a.txt", "Corpus/a.txt", "corpus/A.txt", "Corpus/a.TXT", "../../etc/passwd", "", ".hidden", "CON", "a b", "a_b", "a?b",
                   "新闻.txt", String(repeating: "x/", count: 300), "feed.jsonl:3", "42", "-"]
        var names = HTMLPageNames()
        let given = ids.map { names.name(for: $0) }
        XCTAssertEqual(Set(given).count, ids.count, "\(given)")
        for n in given {
            XCTAssertNotNil(n.range(of: #"^[a-z0-9][a-z0-9-]*\.html$"#, options: .regularExpression), n)
            XCTAssertLessThanOrEqual(n.utf8.count, 90, n)
        }
        var again = HTMLPageNames()
        XCTAssertEqual(ids.map { again.name(for: $0) }, given)
        XCTAssertEqual(given[0], "corpus-a-txt-" + Fingerprint.fnv1a("Corpus/a.txt").suffix(8) + ".html")
        XCTAssertEqual(given[1], "corpus-a-txt-" + Fingerprint.fnv1a("Corpus/a.txt").suffix(8) + "-2.html")
    }
}

extension XCTestCase {
    /// Parses a page and checks what every page must satisfy: well formed, ids unique, every
    /// `#id` link resolving, and no resource from anywhere (no `src`, no `url(`/`@import` in the
    /// style, no link off the page but relative ones, and a policy that forbids fetching).
    @discardableResult
    func checkPage(_ html: String, file: StaticString = #filePath, line: UInt = #line) throws -> (HTMLNode, [String: HTMLNode]) {
        let tree = try HTMLTree.parse(html)
        let ids = try tree.ids()
        for n in tree.descendants {
            XCTAssertNil(n.attributes["src"], "a src attribute in <\(n.tag)>", file: file, line: line)
            if let href = n.attributes["href"] {
                if href.hasPrefix("#") {
                    XCTAssertNotNil(ids[String(href.dropFirst())], "link to \(href) resolves to no id", file: file, line: line)
                } else {
                    XCTAssertFalse(href.contains(":"), "link \(href) leaves the report", file: file, line: line)
                }
            }
            XCTAssertFalse(n.attributes.keys.contains { $0.hasPrefix("on") }, "an event handler attribute", file: file, line: line)
        }
        let style = tree.all(tag: "style").map { $0.textContent() }.joined()
        XCTAssertFalse(style.contains("url(") || style.contains("@import"), "the style loads something", file: file, line: line)
        XCTAssertFalse(html.contains("http://") || html.contains("https://"), "an address on the page", file: file, line: line)
        let policy = tree.first { $0.tag == "meta" && $0.attributes["http-equiv"] == "Content-Security-Policy" }?.attributes["content"]
        XCTAssertTrue(policy?.hasPrefix("default-src 'none';") ?? false, "no policy forbidding fetches", file: file, line: line)
        return (tree, ids)
    }

    /// The text of the element with `id` and of its continuation fragments (`data-of`), in order.
    func markedText(_ id: String, in tree: HTMLNode) -> String? {
        let parts = tree.all { $0.id == id || $0.attributes["data-of"] == id }
        return parts.isEmpty ? nil : parts.map(\.writtenText).joined()
    }
}
