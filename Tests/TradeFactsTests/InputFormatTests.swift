import Foundation
import XCTest
@testable import TradeFacts
import TradeFactsEval

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
        XCTAssertEqual(r.extraction?.referenceDateSource, .metadata)
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

/// JSON Lines inputs are read a chunk of whole lines at a time (bounded memory for any input size);
/// chunking must never change what is read.
final class StreamingInputTests: XCTestCase {
    func temporaryFile(_ bytes: [UInt8], name: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tradefacts-stream-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    func testChunksAreWholeLinesNumberedFromTheirFirstLine() throws {
        var text = ""
        for i in 1...40 { text += String(repeating: "x", count: i % 7 == 0 ? 90 : i % 5) + "\n" }
        text += "no final line break"
        let path = try temporaryFile(Array(text.utf8), name: "lines.txt")
        let reader = try LineChunkReader(InputSource(path: path), chunkSize: 16)
        var joined: [UInt8] = []
        var chunks = 0
        while let chunk = try reader.nextChunk() {
            chunks += 1
            XCTAssertEqual(chunk.firstLine, joined.filter { $0 == 0x0A }.count + 1)
            if joined.count + chunk.bytes.count < text.utf8.count { XCTAssertEqual(chunk.bytes.last, 0x0A, "a chunk ends at a line break") }
            joined += chunk.bytes
        }
        XCTAssertEqual(joined, Array(text.utf8))
        XCTAssertGreaterThan(chunks, 5)
        XCTAssertNil(try reader.nextChunk())
        XCTAssertNil(try LineChunkReader(InputSource(path: try temporaryFile([], name: "empty.jsonl"))).nextChunk())
        XCTAssertThrowsError(try LineChunkReader(InputSource(path: path + ".missing"))) { error in
            XCTAssertTrue("\(error)".contains("no such file"), "\(error)")
        }
    }

    func testAJSONLinesFileReadInSmallChunksGivesTheSameResults() throws {
        var lines: [String] = []
        for i in 1...30 {
            switch i % 6 {
            case 0: lines.append("{\"id\": \"r\(i)\", \"text\": broken")
            case 1: lines.append("")
            case 2: lines.append("{\"id\": \"r\(i)\", \"date\": \"2024-10-0\(i % 9 + 1)\", \"text\": \"Exports rose \(i).5% to $\(i) million in the first nine months of 2024.\"}")
            default: lines.append("{\"id\": \"r\(i)\", \"text\": \"Imports fell \(i)% in \u{00e9}t\u{00e9} \\u00e9 \\ud83d\\ude00 and September.\"}")
            }
        }
        let path = try temporaryFile(Array(lines.joined(separator: "\n").utf8), name: "mixed.jsonl")
        func run(chunkSize: Int, jobs: Int) -> [String] {
            var runner = BatchRunner(engine: Fixtures.engine, jobs: jobs, batchSize: 4)
            runner.chunkSize = chunkSize
            var out: [String] = []
            let summary = runner.run([path], render: { $0.json().serialized() }) { _, text in out.append(text!) }
            XCTAssertEqual(summary.documents, out.count)
            return out
        }
        let whole = run(chunkSize: 1 << 20, jobs: 1)
        XCTAssertEqual(whole.count, 25, "every non-blank line is one document, broken ones included")
        XCTAssertEqual(whole.filter { $0.contains("\"error\"") }.count, 5)
        XCTAssertTrue(whole[0].contains("\"source\":{\"path\":\"\(path)\",\"line\":2}"), whole[0])
        for (size, jobs) in [(1, 1), (50, 2), (200, 3)] {
            XCTAssertEqual(run(chunkSize: size, jobs: jobs), whole, "chunks of \(size) bytes, \(jobs) jobs")
        }
    }

    /// Long articles are not processed at once (issue 17 item 12): each takes memory many times its
    /// size, so two of them in flight took 310 MB at --jobs 2 (24 articles of 1 MB of dense figures);
    /// a batch that would bring the text in flight over `maxBytesInFlight` waits for the one before.
    func testLongArticlesAreProcessedOneAfterAnother() throws {
        let article = String(repeating: "Exports rose in the first half of 2024. ", count: 20_000)   // 800 KB
        let lines = (1...4).map { "{\"id\": \"a\($0)\", \"text\": \"\(article)\"}" }
        let path = try temporaryFile(Array(lines.joined(separator: "\n").utf8), name: "long.jsonl")
        final class Gauge: @unchecked Sendable {
            let lock = NSCondition(); var now = 0, most = 0
            /// Enters, then waits up to `seconds` for another article to be in flight with this one
            /// (a wait, not a fixed sleep: on a loaded machine the second article may take long to
            /// be processed, and the overlap must not depend on timing).
            func enter(waiting seconds: Double) {
                lock.lock(); now += 1; most = max(most, now); lock.broadcast()
                let deadline = Date(timeIntervalSinceNow: seconds)
                while most < 2, lock.wait(until: deadline) {}
                lock.unlock()
            }
            func leave() { lock.lock(); now -= 1; lock.unlock() }
        }
        func most(limit: Int, waiting seconds: Double) -> Int {
            let gauge = Gauge()
            var runner = BatchRunner(engine: Fixtures.engine, jobs: 2)
            runner.maxBytesInFlight = limit
            var ids: [String] = []
            runner.run([path], render: { r -> String in gauge.enter(waiting: seconds); gauge.leave(); return r.documentID }) { _, id in ids.append(id!) }
            XCTAssertEqual(ids, ["a1", "a2", "a3", "a4"])
            return gauge.most
        }
        // With the limit no second article is ever in flight, however long one waits for it.
        XCTAssertEqual(most(limit: BatchRunner(engine: Fixtures.engine).maxBytesInFlight, waiting: 0.3), 1)
        // Without it the second article comes while the first waits (at most 60 s on a loaded machine).
        XCTAssertEqual(most(limit: Int.max, waiting: 60), 2, "without the limit two long articles overlap")
    }
}
