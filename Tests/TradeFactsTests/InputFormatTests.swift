import Foundation
import XCTest
@testable import TradeFacts

/// Markdown and JSON Lines inputs: metadata used, non-prose blanked with offsets kept, every record accounted for.
final class InputFormatTests: XCTestCase {
    let markdown = """
        ---
        title: "Exports surge"
        date: 2025-07-18
        ---
        Guangdong exports rose in the first half of this year.

        <!-- In the first half of 2020 a comment with $9 million -->
        ```
        In the first half of 2021, code exports of $9 million.
        ```
        In the first half of 2024, Guangdong exported steel worth $5 million, up 3%.

        """

    func testMarkdownFrontMatterAndNonProse() throws {
        let articles = ArticleReader.articles(path: "a.md", raw: Array(markdown.utf8))
        XCTAssertEqual(articles.count, 1)
        let a = articles[0]
        XCTAssertEqual(a.referenceDate?.iso, "2025-07-18")
        XCTAssertEqual(a.headline, "Exports surge")
        XCTAssertEqual(a.bytes.count, markdown.utf8.count, "blanking keeps every offset")
        let r = Fixtures.engine.process(a)
        XCTAssertEqual(r.extraction?.referenceDateSource, .option)
        XCTAssertEqual(r.mentions.filter { $0.type == .money }.map(\.text), ["$5 million"], "comment and code are not prose")
        XCTAssertEqual(r.findings.map(\.check), ["period-year-contradiction"])
        let loc = try XCTUnwrap(r.extraction?.document.location(of: r.findings[0].span.start))
        XCTAssertEqual(loc, SourceLocation(line: 11, column: 4), "the line in the file as written")
        XCTAssertEqual(r.json()["headline"]?.scalarText, "Exports surge")
    }

    func testMarkdownWithBadFrontMatterDateWarnsAndFallsBack() {
        let a = ArticleReader.articles(path: "b.md", raw: Array("---\ndate: soon\n---\nText.\n".utf8))[0]
        XCTAssertNil(a.referenceDate)
        XCTAssertTrue(a.warnings.contains { $0.contains("not YYYY-MM-DD") })
    }

    func testJSONLinesRecordsAndErrors() {
        let jsonl = """
            {"id": "a1", "date": "2025-07-18", "title": "T", "text": "Exports rose 5% to $3 million in the first half of this year."}

            not json
            {"id": 7, "text": "Imports were $2 million."}
            {"id": "a4", "date": "July", "text": "x"}
            {"id": "a5", "title": "no text"}
            """
        let articles = ArticleReader.articles(path: "c.jsonl", raw: Array(jsonl.utf8))
        XCTAssertEqual(articles.map(\.id), ["a1", "c.jsonl:3", "7", "a4", "a5"], "blank lines skipped, every record accounted for")
        XCTAssertEqual(articles.map { $0.origin?.line }, [1, 3, 4, 5, 6])
        XCTAssertEqual(articles.map { $0.error == nil }, [true, false, true, false, false])
        XCTAssertTrue(articles[1].error!.contains("c.jsonl:3"))
        let r = Fixtures.engine.process(articles[0])
        XCTAssertEqual(r.extraction?.referenceDate?.iso, "2025-07-18")
        XCTAssertEqual(r.json()["source"]?["line"]?.scalarText, "1")
        let failed = Fixtures.engine.process(articles[1])
        XCTAssertNotNil(failed.error)
        XCTAssertEqual(failed.json()["source"]?["path"]?.scalarText, "c.jsonl")
    }

    func testSameMentionsInTextAndInJSONLines() throws {
        let text = "Exports rose 5% to $3 million in the first half of 2024, with 12 countries \"named\".\nImports fell."
        let plain = Fixtures.engine.process(Document(id: "t", text: text, referenceDate: CalendarDate(iso: "2025-01-01")))
        let line = String(decoding: try JSONSerialization.data(withJSONObject: ["id": "t", "date": "2025-01-01", "text": text]), as: UTF8.self)
        let fromJSONL = Fixtures.engine.process(ArticleReader.articles(path: "x.jsonl", raw: Array(line.utf8))[0])
        XCTAssertEqual(plain.mentions.map(\.text), fromJSONL.mentions.map(\.text))
        XCTAssertEqual(plain.mentions.map(\.span), fromJSONL.mentions.map(\.span))
    }

    func testStandardInputSniffsJSONLines() throws {
        let r = try CLI.run(["extract", "--format", "jsonl", "-"], stdin: "{\"id\": \"s1\", \"date\": \"2025-03-01\", \"text\": \"Exports were $5 million.\"}\n{\"id\": \"s2\", \"text\": \"Imports were $2 million.\"}\n")
        XCTAssertEqual(r.status, 0, r.stderr)
        let ids = r.stdout.split(separator: "\n").compactMap { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any] }.map { $0["document"] as? String }
        XCTAssertEqual(ids, ["s1", "s2"])
    }
}
