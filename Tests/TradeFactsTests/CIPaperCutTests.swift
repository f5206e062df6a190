import Foundation
import XCTest
@testable import TradeFacts

/// CI paper cuts (issue 20, item 4): each test runs the real binary (or the library) on Corpus
/// articles and failed before its fix, except where its comment says the behaviour already held.
final class CIPaperCutTests: XCTestCase {
    /// A Corpus article with one planted error (period-year-contradiction at 4:4) and its clean twin.
    let slipName = "fujian-textiles-year-slip.txt"
    var slip: String { get throws { try String(contentsOf: Fixtures.packageRoot.appendingPathComponent("Corpus/" + slipName), encoding: .utf8) } }
    var clean: String { get throws { try String(contentsOf: Fixtures.packageRoot.appendingPathComponent("Corpus/fujian-textiles.txt"), encoding: .utf8) } }

    /// A fresh folder with `files` (relative path → contents).
    func folder(_ files: [String: String]) throws -> URL {
        let dir = TestScratch.folder("ci")
        for (name, text) in files {
            let url = dir.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    // 1. A folder or glob that matches no article is an error (exit 3), never a green run over 0 documents.
    func testFolderOrGlobMatchingNoArticleExitsThree() throws {
        let dir = try folder(["notes/readme.pdf": "x", "articles/a.txt": try slip, "articles/b.md": try clean])
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("empty"), withIntermediateDirectories: true)
        for path in ["empty", "notes", "articles/*.nope", "nowhere/**/*.md"] {
            let r = try CLI.run(["check", path], in: dir)
            XCTAssertEqual(r.status, 3, "\(path): \(r.stdout) \(r.stderr)")
            XCTAssertTrue(r.stdout.contains("\(path): error:") && r.stdout.contains("no article"), r.stdout)
            let json = try CLI.run(["extract", "--format", "jsonl", path], in: dir)
            XCTAssertEqual(json.status, 3, path)
            XCTAssertTrue(json.stdout.contains("\"error\""), json.stdout)
        }
        // include/exclude that admit nothing in the folder.
        try "exclude: [\"articles/**\"]\n".write(to: dir.appendingPathComponent(".tradefacts.yml"), atomically: true, encoding: .utf8)
        XCTAssertEqual(try CLI.run(["check", "articles"], in: dir).status, 3)
        XCTAssertEqual(try CLI.run(["check", "--no-config", "articles"], in: dir).status, 1, "the slip is found")
        // A quoted glob that matches is expanded, sorted, as the shell would; `**` crosses folders.
        let glob = try CLI.run(["extract", "--no-config", "--format", "jsonl", "articles/*.txt", "**/b.md"], in: dir)
        XCTAssertEqual(glob.status, 0, glob.stderr)
        let documents = glob.stdout.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        XCTAssertEqual(documents.map { $0["document"] as? String }, ["articles/a.txt", "articles/b.md"])
    }

    // 2. Baselines match however the path is written.
    func testBaselineMatchesHoweverThePathIsWritten() throws {
        let dir = try folder(["articles/" + slipName: try slip])
        let written = try CLI.run(["check", "--write-baseline", "baseline.json", "./articles"], in: dir)
        XCTAssertEqual(written.status, 1, written.stderr)
        let baseline = try String(contentsOf: dir.appendingPathComponent("baseline.json"), encoding: .utf8)
        XCTAssertTrue(baseline.contains("\"articles/\(slipName)\""), baseline)
        let absolute = dir.appendingPathComponent("articles").path
        for path in ["articles/", "articles", "./articles/", absolute, absolute + "/", "articles//" + slipName, "articles/../articles/" + slipName] {
            let r = try CLI.run(["check", "--baseline", "baseline.json", path], in: dir)
            XCTAssertEqual(r.status, 0, "\(path): \(r.stdout)")
            XCTAssertEqual(r.stdout, "", path)
        }
        // Inside a repository, paths are relative to its root: a baseline written from a subfolder
        // matches a run from the root, and the other way round.
        try FileManager.default.createDirectory(at: dir.appendingPathComponent(".git"), withIntermediateDirectories: true)
        let sub = dir.appendingPathComponent("articles")
        XCTAssertEqual(try CLI.run(["check", "--write-baseline", "b2.json", "."], in: sub).status, 1)
        XCTAssertTrue(try String(contentsOf: sub.appendingPathComponent("b2.json"), encoding: .utf8).contains("\"articles/\(slipName)\""))
        XCTAssertEqual(try CLI.run(["check", "--baseline", "articles/b2.json", "articles"], in: dir).status, 0)
        XCTAssertEqual(try CLI.run(["check", "--baseline", "../baseline.json", slipName], in: sub).status, 0)
        // A baseline written by hand or by an older version with ./ and // is read tidied.
        try baseline.replacingOccurrences(of: "\"articles/", with: "\"./articles//").write(to: dir.appendingPathComponent("old.json"), atomically: true, encoding: .utf8)
        XCTAssertEqual(try CLI.run(["check", "--baseline", "old.json", "articles"], in: dir).status, 0)
        // A baseline still reports a new finding.
        let other = try folder(["articles/" + slipName: try slip, "articles/second.txt": try slip])
        try baseline.write(to: other.appendingPathComponent("baseline.json"), atomically: true, encoding: .utf8)
        let r = try CLI.run(["check", "--baseline", "baseline.json", "./articles/"], in: other)
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stdout.hasPrefix("./articles/second.txt:4:4: error:"), r.stdout)
    }

    // 3. SARIF: a real informationUri, a helpUri per rule into docs/checks.md, file:// for absolute inputs.
    func testSARIFLinksAndFileURIs() throws {
        let dir = try folder(["with space/ünï " + slipName: try slip])
        let path = dir.appendingPathComponent("with space/ünï " + slipName).path
        let r = try CLI.run(["check", "--format", "sarif", path, "Corpus/" + slipName])
        XCTAssertEqual(r.status, 1, r.stderr)
        let sarif = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let run = try XCTUnwrap((sarif["runs"] as? [[String: Any]])?.first)
        let driver = try XCTUnwrap((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let info = try XCTUnwrap(driver["informationUri"] as? String)
        XCTAssertEqual(info, TradeFactsProject.repositoryURL)
        XCTAssertFalse(info.contains("example") || info.contains("invalid"), info)
        let catalogue = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent("docs/checks.md"), encoding: .utf8)
        let rules = try XCTUnwrap(driver["rules"] as? [[String: Any]])
        XCTAssertEqual(rules.count, CheckCatalogue.all.count)
        for rule in rules {
            let id = try XCTUnwrap(rule["id"] as? String)
            let help = try XCTUnwrap(rule["helpUri"] as? String, id)
            XCTAssertEqual(help, TradeFactsProject.repositoryURL + "/blob/main/docs/checks.md#" + id)
            XCTAssertTrue(catalogue.contains("<a id=\"\(id)\"></a>\n\n## \(id)\n"), "docs/checks.md has no anchor for \(id)")
        }
        let uris = try XCTUnwrap(run["artifacts"] as? [[String: Any]]).compactMap { ($0["location"] as? [String: Any])?["uri"] as? String }
        let encodedDir = dir.path.split(separator: "/").joined(separator: "/")
        XCTAssertEqual(uris, ["file:///\(encodedDir)/with%20space/%C3%BCn%C3%AF%20\(slipName)", "Corpus/" + slipName])
        XCTAssertEqual(URL(string: uris[0])?.path, path, "the file URI decodes to the path")
        guard let schema = Fixtures.shared?.appendingPathComponent("schemas/sarif-schema-2.1.0.json"),
              FileManager.default.fileExists(atPath: schema.path) else { throw XCTSkip("SARIF schema (../shared) absent") }
        let compact = String(decoding: try JSONSerialization.data(withJSONObject: sarif), as: UTF8.self)
        try SchemaValidator.validate(schema: schema, jsonLines: compact + "\n", validator: "Draft4Validator")
    }

    // 4. A bad --date prints the subcommand's usage, exit 2. (This already held at the branch's
    // base; the test keeps it so for every command that reads articles.)
    func testBadDatePrintsTheSubcommandsUsage() throws {
        for command in [["extract"], ["check"], ["rules", "profile"], ["corpus"]] {
            for date in ["2025-02-30", "2025-1-1", "yesterday", ""] {
                let r = try CLI.run(command + ["--date", date, "Corpus/" + slipName])
                XCTAssertEqual(r.status, 2, "\(command) \(date)")
                XCTAssertTrue(r.stderr.contains("--date must be a valid YYYY-MM-DD date"), r.stderr)
                XCTAssertTrue(r.stderr.contains("Usage: tradefacts \(command.joined(separator: " ")) "), r.stderr)
                XCTAssertEqual(r.stdout, "")
            }
        }
    }

    // 5. --color always|never|auto, FORCE_COLOR and NO_COLOR for the text format.
    func testColorOptionAndEnvironment() throws {
        let article = "Corpus/" + slipName
        let escape = "\u{1B}["
        let cases: [([String], [String: String?], Bool)] = [
            ([], ["FORCE_COLOR": nil, "NO_COLOR": nil], false),          // a pipe is not a terminal
            (["--color", "always"], ["NO_COLOR": "1"], true),
            (["--color", "never"], ["FORCE_COLOR": "1"], false),
            (["--color", "auto"], ["FORCE_COLOR": "1", "NO_COLOR": nil], true),
            ([], ["FORCE_COLOR": "1", "NO_COLOR": "1"], true),          // FORCE_COLOR wins, as in Node and force-color.org
            ([], ["FORCE_COLOR": "0", "NO_COLOR": nil], false),
            ([], ["FORCE_COLOR": "", "NO_COLOR": "1"], false),
            ([], ["FORCE_COLOR": nil, "NO_COLOR": "1"], false),
        ]
        for (args, env, colored) in cases {
            let r = try CLI.run(["check"] + args + [article], environment: env)
            XCTAssertEqual(r.status, 1, "\(args) \(env)")
            XCTAssertEqual(r.stdout.contains(escape + "1;31merror" + escape + "0m"), colored, "\(args) \(env)")
            XCTAssertEqual(r.stdout.contains(escape), colored, "\(args) \(env): no other escape")
        }
        // Other formats are never coloured.
        let json = try CLI.run(["check", "--format", "json", "--color", "always", article])
        XCTAssertFalse(json.stdout.contains(escape))
        XCTAssertEqual(try CLI.run(["check", "--color", "sometimes", article]).status, 2)
    }

    // 6. All configuration errors at once, with "did you mean" for an unknown key or check.
    func testAllConfigurationErrorsAreReportedAtOnce() throws {
        let dir = try folder([".tradefacts.yml": """
            fial-on: warning
            checks:
              stale-ancor: { severity: error }
              yoy-base-year: { enabeld: false }
              weekday-mismatch: { severity: fatal }
            tolerances:
              sum-slack: -1
              percent-change-slak: 1
            include: articles
            """, "a.txt": try slip])
        let r = try CLI.run(["check", "a.txt"], in: dir)
        XCTAssertEqual(r.status, 2, r.stderr)
        let lines = r.stderr.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 7, r.stderr)
        let expected = [
            ".tradefacts.yml:1:1: error: unknown key 'fial-on' in the configuration; did you mean 'fail-on'?",
            ".tradefacts.yml:3:3: error: unknown check 'stale-ancor'; did you mean 'stale-anchor'?",
            ".tradefacts.yml:4:20: error: unknown key 'enabeld' in check 'yoy-base-year'; did you mean 'enabled'?",
            ".tradefacts.yml:5:33: error: severity must be error, warning or info",
            ".tradefacts.yml:7:14: error: sum-slack must be a number ≥ 0",
            ".tradefacts.yml:8:3: error: unknown key 'percent-change-slak' in tolerances; did you mean 'percent-change-slack'?",
            ".tradefacts.yml:9:10: error: include must be a list",
        ]
        for (line, prefix) in zip(lines, expected) {
            XCTAssertTrue(line.hasSuffix(prefix) || line.contains(prefix), "\(line)\n  expected \(prefix)")
        }
        // No suggestion when nothing is close.
        let far = try folder([".tradefacts.yml": "banana: 1\n", "a.txt": try clean])
        let f = try CLI.run(["check", "a.txt"], in: far)
        XCTAssertEqual(f.status, 2)
        XCTAssertFalse(f.stderr.contains("did you mean"), f.stderr)
        XCTAssertEqual(YAMLNode.closest(to: "severty", among: ["enabled", "severity"]), "severity")
        XCTAssertNil(YAMLNode.closest(to: "x", among: ["enabled", "severity"]))
    }

    // 7. A finding about a suppression comment quotes the comment (its line is blanked before
    // reading); in Markdown, suppressions work at all (they were blanked as HTML comments first).
    func testSuppressionFindingsShowTheComment() throws {
        var lines = try slip.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let valid = "<!-- tradefacts-disable-next-line period-year-contradiction: the 2024 figure is quoted on purpose -->"
        lines.insert(valid, at: 3)
        let unused = "<!-- tradefacts-disable-next-line weekday-mismatch: no weekday here -->"
        let invalid = "<!-- tradefacts-disable-next-line no-such-check -->"
        lines.insert(contentsOf: [unused, invalid], at: 5)  // after the slip, now line 5
        let text = lines.joined(separator: "\n")
        for name in ["a.txt", "a.md"] {
            let dir = try folder([name: text])
            let r = try CLI.run(["check", name], in: dir)
            XCTAssertEqual(r.status, 1, "\(name): \(r.stdout)")
            XCTAssertFalse(r.stdout.contains("period-year-contradiction]"), "\(name): the valid suppression silences the slip:\n\(r.stdout)")
            XCTAssertTrue(r.stdout.contains("\(name):6:1: warning: `\(unused)` silences nothing on line 7: no weekday-mismatch finding there [unused-suppression]"), "\(name):\n\(r.stdout)")
            XCTAssertTrue(r.stdout.contains("\(name):7:1: error: unknown check 'no-such-check', in `\(invalid)` [invalid-suppression]"), "\(name):\n\(r.stdout)")
            XCTAssertFalse(r.stdout.contains("\u{241F}"), "no blanked source line is shown: \(r.stdout)")
            let json = try CLI.run(["check", "--format", "json", name], in: dir)
            let findings = try XCTUnwrap(((JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])?.first?["findings"]) as? [[String: Any]])
            XCTAssertEqual(findings.compactMap { ($0["details"] as? [String: Any])?["comment"] as? String }, [unused, invalid], name)
        }
    }

    // 8. referenceDateSource is `metadata` for a front-matter or JSON Lines date.
    func testReferenceDateSourceForMetadata() throws {
        let body = try clean.split(separator: "\n").dropFirst(2).joined(separator: "\n")
        let jsonl = String(decoding: try JSONSerialization.data(withJSONObject: ["id": "x", "date": "2025-07-18", "text": body]), as: UTF8.self)
        let dir = try folder(["a.md": "---\ndate: 2025-07-18\n---\n" + body, "b.jsonl": jsonl + "\n", "c.txt": try clean])
        func source(_ args: [String]) throws -> [String?] {
            let r = try CLI.run(["extract", "--format", "jsonl"] + args, in: dir)
            XCTAssertEqual(r.status, 0, r.stderr)
            return r.stdout.split(separator: "\n").map { (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["referenceDateSource"] as? String }
        }
        XCTAssertEqual(try source(["a.md", "b.jsonl", "c.txt"]), ["metadata", "metadata", "dateline"])
        XCTAssertEqual(try source(["--date", "2025-07-18", "a.md", "b.jsonl", "c.txt"]), ["option", "option", "option"])
        try "reference-date: dateline\n".write(to: dir.appendingPathComponent(".tradefacts.yml"), atomically: true, encoding: .utf8)
        XCTAssertEqual(try source(["a.md", "c.txt"]), ["none", "dateline"])
    }

    // 9. The progress bar's first ETA: none until enough work is measured, and never the
    // thousands of seconds that start-up made the average rate give.
    func testProgressEstimateWaitsAndSmooths() {
        let mb = 1 << 20
        var e = ProgressEstimate(totalBytes: 100 * mb)
        // The first sample came after 0.25 s of start-up with 10 KB done: the old estimate
        // (bytes left / average rate since the start) read 2,560 s.
        XCTAssertNil(e.secondsLeft(bytes: 10 << 10, seconds: 0.25))
        XCTAssertNil(e.secondsLeft(bytes: 2 * mb, seconds: 0.45), "too little measured")
        XCTAssertNil(e.secondsLeft(bytes: 4 * mb, seconds: 0.65), "under a second of work measured")
        // Then 10 MB/s: 100 MB take 10 s, so about 9 s are left at 10 MB.
        var last = 0.0
        for step in 1...8 {
            let t = 0.25 + Double(step) * 0.2 + 0.8
            let left = e.secondsLeft(bytes: Int(10 * Double(mb) * (t - 0.25)), seconds: t)
            if let left { last = left; XCTAssertLessThan(left, 15, "step \(step)") }
        }
        XCTAssertEqual(last, 7.6, accuracy: 1.0, "100 MB at 10 MB/s, 24 MB done")
        // One stalled sample does not make the time left jump.
        let before = e.secondsLeft(bytes: 30 * mb, seconds: 3.25)!
        let stalled = e.secondsLeft(bytes: 30 * mb, seconds: 4.25)!
        XCTAssertLessThan(stalled, before * 1.5)
        var empty = ProgressEstimate(totalBytes: 0)
        XCTAssertNil(empty.secondsLeft(bytes: 5, seconds: 5))
    }

    // 10. The text format's summary follows the rule for standard error: silent unless --summary
    // (or a terminal), then one summary line.
    func testTextFormatStandardErrorFollowsTheSummaryRule() throws {
        for format in ["text", "json", "github", "sarif"] {
            let quiet = try CLI.run(["check", "--format", format, "Corpus/" + slipName])
            XCTAssertEqual(quiet.status, 1)
            XCTAssertEqual(quiet.stderr, "", "\(format): standard error stays silent without --summary")
            let asked = try CLI.run(["check", "--format", format, "--summary", "Corpus/" + slipName])
            let lines = asked.stderr.split(separator: "\n")
            XCTAssertEqual(lines.count, 1, "\(format): one summary line: \(asked.stderr)")
            XCTAssertTrue(lines.first?.hasPrefix("1 document(s), 18 mention(s), 3 record(s), 1 finding(s), 0 unreadable;") ?? false, asked.stderr)
            XCTAssertTrue(lines.first?.hasSuffix("; config: none") ?? false, asked.stderr)
        }
        // The findings counted are those reported (after a baseline).
        let dir = try folder(["a.txt": try slip])
        _ = try CLI.run(["check", "--write-baseline", "b.json", "a.txt"], in: dir)
        let r = try CLI.run(["check", "--summary", "--baseline", "b.json", "a.txt"], in: dir)
        XCTAssertEqual(r.status, 0)
        XCTAssertTrue(r.stderr.contains(" 0 finding(s)"), r.stderr)
    }
}
