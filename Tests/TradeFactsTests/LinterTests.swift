import Foundation
import XCTest
@testable import TradeFacts
import TradeFactsEval

/// Configuration, suppressions, baselines and the generated check catalogue.
final class LinterTests: XCTestCase {
    let yoySlip = "Exports up\nMarch 5, 2025\nIn the first two months of this year, Guangdong exported steel worth $5 million, up 3% year-on-year, compared to 2004.\n"

    func folder(_ files: [String: String]) throws -> URL {
        let dir = TestScratch.folder("lint")
        for (name, text) in files {
            let url = dir.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return dir
    }

    // MARK: Configuration

    func testConfigurationChangesSeverityDisablesChecksAndFiltersFiles() throws {
        let dir = try folder([
            ".tradefacts.yml": "checks:\n  yoy-base-year: { severity: error }\nexclude: [\"drafts/**\"]\n",
            "a.txt": yoySlip, "drafts/b.txt": yoySlip,
        ])
        let r = try CLI.run(["check", "--config", dir.appendingPathComponent(".tradefacts.yml").path, "--format", "jsonl", dir.path])
        XCTAssertEqual(r.status, 1, "the warning became an error")
        let docs = r.stdout.split(separator: "\n")
        XCTAssertEqual(docs.count, 1, "drafts/ is excluded: \(r.stdout)")
        XCTAssertTrue(docs[0].contains("\"severity\":\"error\""))

        let off = try folder([".tradefacts.yml": "checks:\n  yoy-base-year: { enabled: false }\nfail-on: warning\n", "a.txt": yoySlip])
        let quiet = try CLI.run(["check", "--config", off.appendingPathComponent(".tradefacts.yml").path, off.path])
        XCTAssertEqual(quiet.status, 0, quiet.stdout)
        XCTAssertFalse(quiet.stdout.contains("yoy-base-year"))
    }

    func testConfigurationErrorsNameFileAndLine() throws {
        func error(_ yaml: String) throws -> String {
            let dir = try folder([".tradefacts.yml": yaml])
            let r = try CLI.run(["check", "--config", dir.appendingPathComponent(".tradefacts.yml").path, "-"], stdin: "text")
            XCTAssertEqual(r.status, 2, r.stderr)
            return r.stderr
        }
        XCTAssertTrue(try error("fail-on: error\nchekcs: {}\n").contains(".tradefacts.yml:2:1: error: unknown key 'chekcs'"))
        XCTAssertTrue(try error("checks:\n  no-such-check: { enabled: false }\n").contains(":2:3: error: unknown check 'no-such-check'"))
        XCTAssertTrue(try error("checks:\n  stale-anchor: { severity: fatal }\n").contains("severity must be error, warning or info"))
        XCTAssertTrue(try error("tolerances:\n  stale-anchor-years: ten\n").contains(":2:23: error: stale-anchor-years must be a whole number"))
        XCTAssertTrue(try error("include: notalist\n").contains("include must be a list"))
    }

    func testConfigurationIsFoundUpward() throws {
        let dir = try folder([".tradefacts.yml": "fail-on: never\n", "sub/deeper/x.txt": "x"])
        XCTAssertEqual(Configuration.find(from: dir.appendingPathComponent("sub/deeper").path).map { URL(fileURLWithPath: $0).lastPathComponent }, ".tradefacts.yml")
        XCTAssertEqual(try Configuration.load(path: dir.appendingPathComponent(".tradefacts.yml").path).failOn, "never")
    }

    func testGlobs() {
        XCTAssertTrue(Glob.matches("/a/**/*.md", "/a/b/c/d.md"))
        XCTAssertTrue(Glob.matches("/a/**/*.md", "/a/d.md"))
        XCTAssertFalse(Glob.matches("/a/*.md", "/a/b/d.md"))
        XCTAssertTrue(Glob.matches("/a/drafts/**", "/a/drafts/x/y.txt"))
        XCTAssertFalse(Glob.matches("/a/?.md", "/a/ab.md"))
    }

    // MARK: Suppressions

    func testSuppressionSilencesTheNextLineAndIsBlanked() {
        let text = "Exports up\nMarch 5, 2025\n<!-- tradefacts-disable-next-line yoy-base-year: the ministry compares with 2004 on purpose -->\nIn the first two months of this year, Guangdong exported steel worth $5 million, up 3% year-on-year, compared to 2004.\n"
        let r = Fixtures.process(text)
        XCTAssertEqual(r.findings.map(\.check), [])
        XCTAssertFalse(r.mentions.contains { $0.text.contains("2004") && $0.span.start < 60 }, "the comment is not read as prose")
        XCTAssertEqual(r.mentions.filter { $0.text == "2004" }.count, 1)
    }

    /// Found by the property test: a match read across a blanked comment, so the mention's text
    /// (from the blanked copy) was not the document's own bytes.
    func testNoMentionReadsAcrossASuppressionComment() {
        let text = "Exports fell next April<!-- tradefacts-disable-next-line yoy-base-year: on purpose -->\n 1986/87 was weak."
        let r = Fixtures.process(text, date: "2025-10-03")
        let bytes = Array(text.utf8)
        for m in r.mentions { XCTAssertEqual(String(decoding: bytes[m.span.start..<m.span.end], as: UTF8.self), m.text) }
        XCTAssertTrue(r.mentions.contains { $0.text == "next April" }, "\(r.mentions.map(\.text))")
    }

    func testSuppressionOfAnotherLineOrCheckIsUnused() {
        let text = "Exports up\nMarch 5, 2025\n<!-- tradefacts-disable-next-line stale-anchor: not this one -->\nIn the first two months of this year, Guangdong exported steel worth $5 million, up 3% year-on-year, compared to 2004.\n"
        XCTAssertEqual(Fixtures.process(text).findings.map(\.check).sorted(), ["unused-suppression", "yoy-base-year"])
    }

    func testSuppressionWithoutReasonIsInvalidAndSilencesNothing() {
        let text = "Exports up\nMarch 5, 2025\n<!-- tradefacts-disable-next-line yoy-base-year -->\nIn the first two months of this year, Guangdong exported steel worth $5 million, up 3% year-on-year, compared to 2004.\n"
        XCTAssertEqual(Fixtures.process(text).findings.map(\.check).sorted(), ["invalid-suppression", "yoy-base-year"])
    }

    // MARK: Baselines

    func testBaselineHidesKnownFindingsAndSurvivesEditsElsewhere() throws {
        let dir = try folder(["a.txt": yoySlip])
        let file = dir.appendingPathComponent("a.txt").path
        let baseline = dir.appendingPathComponent("baseline.json").path
        XCTAssertEqual(try CLI.run(["check", "--fail-on", "warning", "--write-baseline", baseline, file]).status, 1)
        XCTAssertEqual(try CLI.run(["check", "--fail-on", "warning", "--baseline", baseline, file]).status, 0)
        // Edit elsewhere: a new closing paragraph with a new problem; only the new one is reported.
        try (yoySlip + "Imports reached $2 million in 2024, up 4% year-on-year, compared to 1999.\n").write(toFile: file, atomically: true, encoding: .utf8)
        let r = try CLI.run(["check", "--fail-on", "warning", "--format", "jsonl", "--baseline", baseline, file])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stdout.contains("1999"), r.stdout)
        XCTAssertFalse(r.stdout.contains("compared to 2004"), r.stdout)
        XCTAssertEqual(try CLI.run(["check", "--baseline", "/nonexistent.json", file]).status, 2)
    }

    // MARK: Catalogue

    func testCheckCatalogueDocIsCurrent() throws {
        let doc = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent("docs/checks.md"), encoding: .utf8)
        XCTAssertEqual(doc, CheckCatalogue.markdown(), "regenerate with: tradefacts checks --format markdown > docs/checks.md")
    }
}
