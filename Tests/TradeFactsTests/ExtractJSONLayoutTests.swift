import Foundation
import XCTest
@testable import TradeFacts
import TradeFactsEval

/// `extract --format json` writes one object for a single document named by itself and an array
/// otherwise, element by element; the bytes are those of each document's pretty JSON, indented
/// inside the array.
final class ExtractJSONLayoutTests: XCTestCase {
    let article = "Exports up\nMarch 5, 2024\nGuangdong exported steel worth $5 million, up 3% year-on-year.\n"

    /// The output as the documents' JSON values lay it out.
    func expected(_ paths: [String], single: Bool) throws -> String {
        var texts: [String] = []
        for path in paths {
            let raw = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
            for a in ArticleReader.articles(path: path, raw: raw) { texts.append(Fixtures.engine.process(a).json().serialized(pretty: true)) }
        }
        if single { return texts[0] + "\n" }
        return "[\n" + texts.map { "  " + $0.replacingOccurrences(of: "\n", with: "\n  ") }.joined(separator: ",\n") + "\n]\n"
    }

    func assertLayout(_ paths: [String], single: Bool, file: StaticString = #filePath, line: UInt = #line) throws {
        let r = try CLI.run(["extract", "--no-config", "--format", "json"] + paths)
        XCTAssertEqual(r.status, 0, r.stderr, file: file, line: line)
        XCTAssertEqual(r.stdout, try expected(paths, single: single), file: file, line: line)
    }

    func testSingleDocumentIsAnObject() throws {
        try assertLayout([try CLI.temp("one.txt", article)], single: true)
    }

    func testSeveralFilesAreAnArray() throws {
        try assertLayout([try CLI.temp("a.txt", article), try CLI.temp("b.md", "---\ntitle: T\n---\n" + article)], single: false)
    }

    func testSeveralRecordsOfOneFileAreAnArray() throws {
        let lines = (1...3).map { #"{"id": "r\#($0)", "text": "Exports up\nMarch \#($0), 2024\nSteel exports rose \#($0)%."}"# }
        try assertLayout([try CLI.temp("three.ndjson", lines.joined(separator: "\n"))], single: false)
        try assertLayout([try CLI.temp("one.ndjson", lines[0])], single: true)
    }

    /// An empty JSON Lines file holds no document. (An empty folder is an error, exit 3: see
    /// `CIPaperCutTests.testFolderOrGlobMatchingNoArticleExitsThree`.)
    func testNoDocumentIsAnEmptyArray() throws {
        let r = try CLI.run(["extract", "--no-config", "--format", "json", try CLI.temp("empty.jsonl", "")])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, "[\n\n]\n")
    }
}
