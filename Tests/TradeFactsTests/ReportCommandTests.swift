import Foundation
import XCTest
@testable import TradeFacts

/// `tradefacts report` through the built binary: the folder it writes, its exit codes, and (with
/// Debian's chromium, when installed) what a real browser renders from the pages.
final class ReportCommandTests: XCTestCase {
    /// Runs `tradefacts report ARGS -o DIR` into a fresh folder; returns the run and the folder.
    func report(_ args: [String]) throws -> (CLI.Run, URL) {
        let dir = TestScratch.folder("report")
        return (try CLI.run(["report"] + args + ["-o", dir.path]), dir)
    }

    /// The index's rows: each document's id and the page it links to.
    func rows(_ index: HTMLNode) throws -> [(id: String, href: String)] {
        index.all(tag: "tbody").flatMap { $0.all(tag: "tr") }.map { tr in
            let a = tr.all(tag: "a")[0]
            return (a.textContent(), a.attributes["href"] ?? "")
        }
    }

    func read(_ url: URL) throws -> String { String(decoding: try Data(contentsOf: url), as: UTF8.self) }

    /// The Corpus gives an index with a row per article linking to a page that exists and reads
    /// back well formed; exit 1 for the Corpus's planted errors, 0 with `--fail-on never`; the same
    /// bytes with one job or four.
    func testReportOfTheCorpus() throws {
        let (run, dir) = try report(["Corpus", "--jobs", "1"])
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertEqual(run.stdout, "")
        let articles = try FileManager.default.contentsOfDirectory(atPath: Fixtures.packageRoot.appendingPathComponent("Corpus").path)
            .filter { $0.hasSuffix(".txt") }.sorted()
        let index = try read(dir.appendingPathComponent("index.html"))
        let (tree, _) = try checkPage(index)
        let rows = try rows(tree)
        XCTAssertEqual(rows.map(\.id), articles.map { "Corpus/" + $0 })
        let pages = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("doc").path)
        XCTAssertEqual(Set(rows.map(\.href)), Set(pages.map { "doc/" + $0 }))
        for row in rows {
            let (page, _) = try checkPage(try read(dir.appendingPathComponent(row.href)))
            XCTAssertEqual(page.all(tag: "h1").first?.textContent(), row.id)
            XCTAssertEqual(page.first { $0.tag == "a" && $0.textContent() == "All documents" }?.attributes["href"], "../index.html")
        }
        let (again, dir4) = try report(["Corpus", "--jobs", "4", "--fail-on", "never"])
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertEqual(try read(dir4.appendingPathComponent("index.html")), index)
        for row in rows {
            XCTAssertEqual(try Data(contentsOf: dir4.appendingPathComponent(row.href)), try Data(contentsOf: dir.appendingPathComponent(row.href)), row.href)
        }
    }

    /// An unreadable input has its row and its page with the error, the others are written, exit
    /// 3; no output folder, or one that is a file, is a usage error (2); a symbolic link where a
    /// page goes is not followed (exit 3, its target untouched).
    func testReportExitCodesAndUnreadableInputs() throws {
        let (run, dir) = try report(["Corpus/australia-trade-balance.txt", "no-such-file.txt"])
        XCTAssertEqual(run.status, 3, run.stderr)
        let (tree, _) = try checkPage(try read(dir.appendingPathComponent("index.html")))
        let rows = try rows(tree)
        XCTAssertEqual(rows.map(\.id), ["Corpus/australia-trade-balance.txt", "no-such-file.txt"])
        XCTAssertTrue(tree.all(tag: "tr").last!.hasClass("unreadable"))
        let (page, _) = try checkPage(try read(dir.appendingPathComponent(rows[1].href)))
        XCTAssertTrue(page.first { $0.attributes["role"] == "alert" }?.textContent().contains("no-such-file.txt") ?? false)

        XCTAssertEqual(try CLI.run(["report", "Corpus/australia-trade-balance.txt"]).status, 2)
        let file = try CLI.temp("taken", "not a folder")
        let onFile = try CLI.run(["report", "Corpus/australia-trade-balance.txt", "-o", file])
        XCTAssertEqual(onFile.status, 2)
        XCTAssertTrue(onFile.stderr.contains("cannot make the report folder"), onFile.stderr)

        let outside = try CLI.temp("outside.html", "keep me")
        try FileManager.default.removeItem(at: dir.appendingPathComponent(rows[0].href))
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent(rows[0].href).path, withDestinationPath: outside)
        let linked = try CLI.run(["report", "Corpus/australia-trade-balance.txt", "-o", dir.path])
        XCTAssertEqual(linked.status, 3, linked.stderr)
        XCTAssertTrue(linked.stderr.contains("cannot write the report page"), linked.stderr)
        XCTAssertEqual(try String(contentsOfFile: outside, encoding: .utf8), "keep me")
    }

    /// Suppression comments work as for `check`: the silenced finding is in neither the index
    /// nor the page, the run exits 0, and the text shows the comment as written.
    func testReportHonoursSuppressions() throws {
        let original = try String(contentsOfFile: Fixtures.packageRoot.appendingPathComponent("Corpus/liaoning-steel-impossible-date.txt").path, encoding: .utf8)
        let (before, _) = try report([try CLI.temp("steel.txt", original)])
        XCTAssertEqual(before.status, 1, "the planted impossible date is an error")
        let comment = "<!-- tradefacts-disable-next-line impossible-date: quoted as the ministry wrote it -->"
        let suppressed = original.replacingOccurrences(of: "Dalian Customs will release", with: comment + "\nDalian Customs will release")
        let (run, dir) = try report([try CLI.temp("steel.txt", suppressed)])
        XCTAssertEqual(run.status, 0, run.stderr)
        let (index, _) = try checkPage(try read(dir.appendingPathComponent("index.html")))
        let cells = try XCTUnwrap(index.all(tag: "tbody").first?.all(tag: "td")).map { $0.textContent() }
        XCTAssertEqual(Array(cells.suffix(4)), ["0", "0", "0", "0"], "no findings")
        let (page, _) = try checkPage(try read(dir.appendingPathComponent(try rows(index)[0].href)))
        XCTAssertTrue(page.first { $0.id == "findings" } != nil && page.all(tag: "ol").isEmpty)
        let text = try XCTUnwrap(page.first { $0.hasClass("article") }).writtenText
        XCTAssertEqual(text, suppressed)
    }

    // MARK: in a browser

    /// Renders Corpus/fujian-textiles-year-slip.txt (a planted period-year slip) in headless
    /// chromium and checks the DOM it builds against `tradefacts extract`: every mention is an
    /// element of its type holding its text, the finding and its related spans are marked with
    /// their text, and the links between them and the findings list and tables resolve.
    func testBrowserRendersMentionsFindingsAndLinks() throws {
        let chromium = try Chromium.require()
        let (run, dir) = try report(["Corpus"])
        XCTAssertEqual(run.status, 1, run.stderr)
        let name = "Corpus/fujian-textiles-year-slip.txt"
        let (index, _) = try checkPage(try read(dir.appendingPathComponent("index.html")))
        let href = try XCTUnwrap(try rows(index).first { $0.id == name }?.href)
        let dom = try HTMLTree.parse(try chromium.dumpDOM(dir.appendingPathComponent(href)))
        let ids = try dom.ids()
        let extract = try CLI.run(["extract", name])
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(extract.stdout.utf8)) as? [String: Any])
        let mentions = try XCTUnwrap(json["mentions"] as? [[String: Any]])
        XCTAssertEqual(mentions.count, 18)
        let marked = try XCTUnwrap(dom.first { $0.hasClass("article") }).all { $0.hasClass("m") && $0.id != nil }
        XCTAssertEqual(marked.count, mentions.count)
        for (i, m) in mentions.enumerated() {
            let node = try XCTUnwrap(ids["mention-\(i)"])
            XCTAssertEqual(markedText("mention-\(i)", in: dom), m["text"] as? String)
            XCTAssertTrue(node.hasClass("m-\(m["type"] as! String)"), "mention \(i): \(node.attributes)")
            XCTAssertEqual(node.attributes["tabindex"], "0")
            XCTAssertTrue(ids[node.attributes["aria-describedby"]!]!.textContent().contains("rule: \(m["rule"] as! String)"))
        }
        let findings = try XCTUnwrap(json["findings"] as? [[String: Any]])
        XCTAssertEqual(findings.count, 1)
        let finding = findings[0]
        XCTAssertEqual(markedText("at-finding-1", in: dom), finding["text"] as? String)
        let marker = try XCTUnwrap(ids["at-finding-1"]?.first { $0.hasClass("fm") })
        XCTAssertEqual(marker.textContent(), "error 1")
        XCTAssertEqual(marker.attributes["href"], "#finding-1")
        let item = try XCTUnwrap(ids["finding-1"])
        XCTAssertTrue(item.textContent().contains("period-year-contradiction"))
        XCTAssertTrue(item.textContent().contains(finding["message"] as! String))
        let related = try XCTUnwrap(finding["related"] as? [[String: Any]])
        XCTAssertEqual(related.count, 3)
        for (j, r) in related.enumerated() {
            XCTAssertEqual(markedText("finding-1-related-\(j + 1)", in: dom), r["text"] as? String)
            XCTAssertTrue(item.all(tag: "a").contains { $0.attributes["href"] == "#finding-1-related-\(j + 1)" })
        }
        XCTAssertTrue(item.all(tag: "a").contains { $0.attributes["href"] == "#at-finding-1" })
        // Every in-page link of the rendered page (findings, tables, navigation) lands on an element.
        var links = 0
        for a in dom.all(tag: "a") {
            guard let h = a.attributes["href"], h.hasPrefix("#") else { continue }
            links += 1
            XCTAssertNotNil(ids[String(h.dropFirst())], h)
        }
        XCTAssertGreaterThan(links, 60)
        let records = try XCTUnwrap(json["records"] as? [[String: Any]])
        XCTAssertEqual(dom.all { $0.tag == "tr" && ($0.id ?? "").hasPrefix("record-") }.count, records.count)
        let firstRecord = try XCTUnwrap(ids["record-0"])
        let valueMention = try XCTUnwrap((records[0]["value"] as? [String: Any])?["mention"] as? Int)
        XCTAssertTrue(firstRecord.all(tag: "a").contains { $0.attributes["href"] == "#mention-\(valueMention)" })
        let reporter = try XCTUnwrap(records[0]["reporter"] as? [String: Any])
        let reporterLink = "text-\(reporter["start"] as! Int)-\(reporter["end"] as! Int)"
        XCTAssertTrue(firstRecord.all(tag: "a").contains { $0.attributes["href"] == "#" + reporterLink })
        XCTAssertEqual(markedText(reporterLink, in: dom), reporter["text"] as? String)

        let shot = dir.appendingPathComponent("document.png")
        try chromium.screenshot(dir.appendingPathComponent(href), to: shot)
        let png = try Data(contentsOf: shot)
        XCTAssertEqual(Array(png.prefix(4)), [0x89, 0x50, 0x4E, 0x47])
        XCTAssertGreaterThan(png.count, 20_000)
    }

    /// The index in headless chromium: a row per article linking to a page that exists, the sorting
    /// script's buttons in the headers, and `#sort=KEY:DIR` sorting the rows (checked against the
    /// counts themselves) with `aria-sort` on the header.
    func testBrowserIndexLinksAndSorts() throws {
        let chromium = try Chromium.require()
        let (run, dir) = try report(["Corpus", "--fail-on", "never"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let indexURL = dir.appendingPathComponent("index.html")
        let plain = try HTMLTree.parse(try chromium.dumpDOM(indexURL))
        let table = try XCTUnwrap(plain.first { $0.id == "documents" })
        XCTAssertNil(table.attributes["data-sorted"])
        XCTAssertEqual(table.all(tag: "table").count, 1)
        let heads = table.all(tag: "th").filter { $0.attributes["data-key"] != nil }
        XCTAssertEqual(heads.count, HTMLIndexPage.columns.count)
        XCTAssertTrue(heads.allSatisfy { $0.all(tag: "button").count == 1 }, "the script puts a button in each header")
        let inOrder = try rows(plain)
        XCTAssertEqual(inOrder.count, 40)
        XCTAssertEqual(inOrder.map(\.id), inOrder.map(\.id).sorted(), "input order (the folder's, sorted by name)")
        for row in inOrder { XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent(row.href).path), row.href) }

        func column(_ tree: HTMLNode, _ key: String) throws -> [String] {
            let keys = HTMLIndexPage.columns.map(\.key)
            let col = try XCTUnwrap(keys.firstIndex(of: key))
            return tree.all(tag: "tbody").flatMap { $0.all(tag: "tr") }.map { tr in
                (tr.all(tag: "th") + tr.all(tag: "td"))[col].textContent()
            }
        }
        let findingsBefore = try column(plain, "findings").map { Int($0)! }
        XCTAssertGreaterThan(Set(findingsBefore).count, 1)

        var sortedURL = URLComponents(url: indexURL, resolvingAgainstBaseURL: false)!
        sortedURL.fragment = "sort=findings:desc"
        let byFindings = try HTMLTree.parse(try chromium.dumpDOM(sortedURL.url!))
        XCTAssertEqual(byFindings.first { $0.id == "documents" }?.attributes["data-sorted"], "findings:desc")
        let findings = try column(byFindings, "findings").map { Int($0)! }
        XCTAssertEqual(findings, findingsBefore.sorted(by: >))
        XCTAssertEqual(byFindings.first { $0.attributes["data-key"] == "findings" }?.attributes["aria-sort"], "descending")
        // Stable: rows with equal counts keep their input order.
        let ids = try rows(byFindings).map(\.id)
        let expected = zip(inOrder.map(\.id), findingsBefore).enumerated().sorted { a, b in
            a.element.1 != b.element.1 ? a.element.1 > b.element.1 : a.offset < b.offset
        }.map(\.element.0)
        XCTAssertEqual(ids, expected)

        sortedURL.fragment = "sort=document:desc"
        let byName = try HTMLTree.parse(try chromium.dumpDOM(sortedURL.url!))
        XCTAssertEqual(try rows(byName).map(\.id), inOrder.map(\.id).sorted(by: >))
    }
}

extension ReportCommandTests {
    /// An index of 1,230 rows (five tables of at most 250, each laid out only when scrolled to):
    /// in chromium, `#sort=` sorts the rows of all tables together, stably, and each table keeps
    /// its number of rows.
    func testBrowserSortsAcrossTheIndexTables() throws {
        let chromium = try Chromium.require()
        var names = HTMLPageNames()
        var rows: [HTMLIndexRow] = []
        for copy in 0..<30 {
            for r in HTMLReportTests.corpus.prefix(40) {
                let result = DocumentResult(documentID: "\(copy)/\(r.documentID)", extraction: r.extraction, records: r.records,
                                        findings: r.findings, error: r.error, warnings: r.warnings)
                rows.append(HTMLIndexRow(result, href: "doc/" + names.name(for: result.documentID)))
            }
        }
        XCTAssertEqual(rows.count, 1200)
        let dir = TestScratch.folder("index")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent("index.html")
        try Data(HTMLIndexPage.render(rows).utf8).write(to: url)
        var components = URLComponents(url: url, resolvingAgainstBaseURL: false)!
        components.fragment = "sort=mentions:desc"
        let dom = try HTMLTree.parse(try chromium.dumpDOM(components.url!))
        let root = try XCTUnwrap(dom.first { $0.id == "documents" })
        XCTAssertEqual(root.attributes["data-sorted"], "mentions:desc")
        let tables = root.all(tag: "table")
        XCTAssertEqual(tables.count, 5)
        XCTAssertEqual(tables.map { $0.all(tag: "tbody")[0].all(tag: "tr").count }, [250, 250, 250, 250, 200])
        let col = HTMLIndexPage.columns.firstIndex { $0.key == "mentions" }!
        let got = try self.rows(root).map(\.id)
        let mentionCells = tables.flatMap { $0.all(tag: "tbody")[0].all(tag: "tr") }.map { Int(($0.all(tag: "th") + $0.all(tag: "td"))[col].textContent())! }
        let expected = rows.enumerated().sorted { a, b in
            a.element.mentions != b.element.mentions ? a.element.mentions > b.element.mentions : a.offset < b.offset
        }
        XCTAssertEqual(got, expected.map(\.element.documentID))
        XCTAssertEqual(mentionCells, expected.map(\.element.mentions))
        XCTAssertTrue(tables.allSatisfy { $0.all(tag: "th").first { $0.attributes["data-key"] == "mentions" }?.attributes["aria-sort"] == "descending" })
    }
}

/// Debian's chromium, headless, for the report's browser tests.
struct Chromium {
    let path: String

    /// The installed browser, or a skip that says how to get one.
    static func require() throws -> Chromium {
        let dirs = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":")
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            for dir in dirs where FileManager.default.isExecutableFile(atPath: "\(dir)/\(name)") {
                return Chromium(path: "\(dir)/\(name)")
            }
        }
        throw XCTSkip("chromium is not installed (scripts/ensure-deps --browser installs Debian's chromium): the HTML report's browser tests are skipped")
    }

    /// Runs the browser headless with `args` after the common ones; standard output goes to `output`.
    func run(_ args: [String], output: URL) throws {
        let profile = TestScratch.folder("chromium-profile")
        FileManager.default.createFile(atPath: output.path, contents: nil)
        let out = try FileHandle(forWritingTo: output)
        defer { try? out.close() }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=\(profile.path)"] + args
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        p.standardInput = FileHandle.nullDevice
        let done = DispatchSemaphore(value: 0)
        p.terminationHandler = { _ in done.signal() }
        try p.run()
        if done.wait(timeout: .now() + 180) == .timedOut {
            p.terminate()
            throw XCTSkip("chromium did not finish within 180 s")
        }
        guard p.terminationStatus == 0 else { throw HTMLTree.Failure("chromium exited \(p.terminationStatus): \(args)") }
    }

    /// The DOM after the page's scripts ran, serialized.
    func dumpDOM(_ url: URL) throws -> String {
        let out = TestScratch.folder("dom")
        try run(["--dump-dom", url.absoluteString], output: out)
        return String(decoding: try Data(contentsOf: out), as: UTF8.self)
    }

    /// A PNG of the page in a 1280×1000 window.
    func screenshot(_ url: URL, to png: URL) throws {
        try run(["--screenshot=\(png.path)", "--window-size=1280,1000", "--hide-scrollbars", url.absoluteString], output: TestScratch.folder("shot-log"))
    }
}
