import Foundation
import XCTest
@testable import TradeFacts

/// Confinement (issue 17, "Hardening, round two"): what a walk of a folder and a configuration
/// file may reach, and how bad rule files are reported. Each test failed before its fix.
final class ConfinementTests: XCTestCase {
    /// A fresh folder tree: each entry of `files` is a path relative to it and its contents; a
    /// path ending in `/` is a folder.
    func tree(_ files: [String: String]) throws -> URL {
        let top = TestScratch.folder("confine")
        for (path, contents) in files.sorted(by: { $0.key < $1.key }) {
            let url = top.appendingPathComponent(path)
            if path.hasSuffix("/") {
                try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            } else {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try contents.write(to: url, atomically: true, encoding: .utf8)
            }
        }
        return top
    }

    func link(_ top: URL, _ path: String, to target: String) throws {
        try FileManager.default.createSymbolicLink(atPath: top.appendingPathComponent(path).path, withDestinationPath: target)
    }

    func documents(_ jsonl: String) -> [[String: Any]] {
        jsonl.split(separator: "\n").compactMap { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any] }
    }

    /// A symbolic link (to a file or a folder) that resolves outside the folder walked is not read:
    /// it is a document with `error`, a warning names it and why, the summary counts it unreadable
    /// and the run exits 3. `--follow-symlinks` reads it; a link named on the command line is read.
    func testSymlinksOutOfTheWalkedFolderAreReportedNotRead() throws {
        let top = try tree(["articles/a.txt": "Exports rose 5 pct to 3.1 billion dlrs in March 2025.\n",
                            "articles/inner/b.txt": "Imports fell 2 pct in March 2025.\n",
                            "elsewhere/secret.txt": "Exports were 777 mln dlrs in March 2025.\n",
                            "elsewhere/folder/c.txt": "Exports were 888 mln dlrs in March 2025.\n"])
        try link(top, "articles/secret.txt", to: "../elsewhere/secret.txt")
        try link(top, "articles/folder", to: "../elsewhere/folder")
        try link(top, "articles/inside.txt", to: "inner/b.txt")  // inside the folder walked: read
        let articles = top.appendingPathComponent("articles").path
        let refused = try CLI.run(["extract", "--format", "jsonl", "--summary", "--date", "2025-04-01", articles])
        XCTAssertEqual(refused.status, 3, refused.stderr)
        XCTAssertFalse(refused.stdout.contains("777 mln") || refused.stdout.contains("888 mln"), refused.stdout)  // the figures, not digits of a temporary path
        let docs = documents(refused.stdout)
        let names = docs.map { ($0["document"] as? String ?? "").replacingOccurrences(of: articles + "/", with: "") }
        XCTAssertEqual(names, ["a.txt", "folder", "inner/b.txt", "inside.txt", "secret.txt"])
        for (name, doc) in zip(names, docs) {
            if name == "folder" || name == "secret.txt" {
                XCTAssertTrue((doc["error"] as? String ?? "").contains("outside the folder walked"), "\(doc)")
                XCTAssertTrue(refused.stderr.contains("warning: \(articles)/\(name): not read"), refused.stderr)
            } else {
                XCTAssertNil(doc["error"], "\(doc)")
            }
        }
        XCTAssertTrue(refused.stderr.contains("5 document(s)") && refused.stderr.contains("2 unreadable"), refused.stderr)
        let check = try CLI.run(["check", "--date", "2025-04-01", articles])
        XCTAssertEqual(check.status, 3, check.stderr)
        XCTAssertTrue(check.stdout.contains("secret.txt: error: not read"), check.stdout)

        let followed = try CLI.run(["extract", "--format", "jsonl", "--follow-symlinks", "--date", "2025-04-01", articles])
        XCTAssertEqual(followed.status, 0, followed.stderr)
        XCTAssertEqual(documents(followed.stdout).count, 5)
        XCTAssertTrue(followed.stdout.contains("777 mln") && followed.stdout.contains("888 mln"))
        XCTAssertTrue(documents(followed.stdout).contains { ($0["document"] as? String) == articles + "/folder/c.txt" })

        let named = try CLI.run(["extract", "--format", "jsonl", "--date", "2025-04-01", articles + "/secret.txt"])
        XCTAssertEqual(named.status, 0, named.stderr)
        XCTAssertTrue(named.stdout.contains("777 mln"))
    }

    /// `rules:` in a `.tradefacts.yml` that leave the repository holding it (`..`, or a link out of
    /// it) are refused with exit 2, naming the file and the entry and showing nothing of the folder
    /// named; `--allow-outside-rules` reads them, and its errors show only the offending token.
    func testConfigRulesOutsideTheRepositoryAreRefused() throws {
        let top = try tree(["secret/keys.yaml": "password: hunter2-do-not-print\n",
                            "repo/.git/": "",
                            "repo/a.txt": "Exports rose 5 pct in March 2025.\n"])
        let repo = top.appendingPathComponent("repo")
        let config = repo.appendingPathComponent(".tradefacts.yml").path
        for entry in ["../secret", "linked"] {
            try "fail-on: error\nrules: [\"\(entry)\"]\n".write(toFile: config, atomically: true, encoding: .utf8)
            if entry == "linked" { try link(repo, "linked", to: "../secret") }
            let r = try CLI.run(["check", "--date", "2025-04-01", "a.txt"], in: repo)
            XCTAssertEqual(r.status, 2, r.stderr)
            XCTAssertTrue(r.stderr.contains(".tradefacts.yml:2:9: error: rules entry '\(entry)' is outside"), r.stderr)
            XCTAssertTrue(r.stderr.contains("--allow-outside-rules"), r.stderr)
            XCTAssertFalse(r.stderr.contains("hunter2"), r.stderr)
            let allowed = try CLI.run(["check", "--allow-outside-rules", "--date", "2025-04-01", "a.txt"], in: repo)
            XCTAssertEqual(allowed.status, 2, allowed.stderr)
            XCTAssertTrue(allowed.stderr.contains("keys.yaml:1:1: error: unknown key 'password'"), allowed.stderr)
            XCTAssertFalse(allowed.stderr.contains("hunter2"), allowed.stderr)
        }
        // A rule folder inside the repository is read as before.
        try FileManager.default.createDirectory(at: repo.appendingPathComponent("house"), withIntermediateDirectories: true)
        try "rules: [house]\n".write(toFile: config, atomically: true, encoding: .utf8)
        XCTAssertEqual(try CLI.run(["check", "--date", "2025-04-01", "a.txt"], in: repo).status, 0)
    }

    /// The upward search for `.tradefacts.yml` stops at the first folder holding `.git`: a
    /// configuration above the repository is not applied. `--show-config` says which one is in
    /// force (or none) and exits 0; the `--summary` line names it.
    func testConfigSearchStopsAtTheRepositoryRoot() throws {
        let contradictory = "Exports up\nMarch 5, 2024\nGuangdong exports rose in the first half of this year.\nIn the first half of 2022, Guangdong exported steel worth $5 million, up 3%.\n"
        let top = try tree([".tradefacts.yml": "fail-on: never\n",
                            "repo/.git": "gitdir: /somewhere/else\n",  // a worktree's .git is a file
                            "repo/sub/bad.txt": contradictory])
        let sub = top.appendingPathComponent("repo/sub")
        let shown = try CLI.run(["check", "--show-config"], in: sub)
        XCTAssertEqual(shown.status, 0, shown.stderr)
        XCTAssertTrue(shown.stdout.hasPrefix("config: none\n"), shown.stdout)
        XCTAssertTrue(shown.stdout.contains("fail-on: error (default)"), shown.stdout)
        let checked = try CLI.run(["check", "--summary", "bad.txt"], in: sub)
        XCTAssertEqual(checked.status, 1, "the configuration above the repository was applied: \(checked.stderr)")
        XCTAssertTrue(checked.stderr.contains("; config: none"), checked.stderr)

        let own = top.appendingPathComponent("repo/.tradefacts.yml").path
        try "fail-on: never\nchecks:\n  stale-anchor: { severity: error }\n".write(toFile: own, atomically: true, encoding: .utf8)
        let ownShown = try CLI.run(["extract", "--show-config"], in: sub)
        XCTAssertEqual(ownShown.status, 0, ownShown.stderr)
        XCTAssertTrue(ownShown.stdout.hasPrefix("config: \(own)\n"), ownShown.stdout)
        XCTAssertTrue(ownShown.stdout.contains("fail-on: never") && ownShown.stdout.contains("severities: stale-anchor error"), ownShown.stdout)
        let ownChecked = try CLI.run(["check", "--summary", "bad.txt"], in: sub)
        XCTAssertEqual(ownChecked.status, 0, ownChecked.stderr)
        XCTAssertTrue(ownChecked.stderr.contains("; config: \(own)"), ownChecked.stderr)
    }

    /// A `--rules` folder that gives a built-in definition again as a pattern that does not compile
    /// exits 2 with the definition's file:line:column and PCRE2's message (it exited 1 with
    /// "Error: missing closing parenthesis"); invalid UTF-8 in a rule file is reported at its line
    /// and column (it said line 0), naming the byte and nothing else of the file.
    func testBadRuleFilesExitTwoWithTheirPlace() throws {
        let top = try tree(["rules/dates.yaml": "definitions:\n  month: '(?:jan'\n"])
        let rules = top.appendingPathComponent("rules").path
        let r = try CLI.run(["extract", "--rules", rules, "-"], stdin: "Exports rose in March 2025.")
        XCTAssertEqual(r.status, 2, r.stderr)
        XCTAssertTrue(r.stderr.contains("\(rules)/dates.yaml:2:10: error: definition 'month' does not compile: missing closing parenthesis"), r.stderr)

        try FileManager.default.removeItem(atPath: rules + "/dates.yaml")
        let bytes = Array("type: money\nrules:\n  - id: x\n    description: 'secret caf".utf8) + [0xE9] + Array("'\n    pattern: abc\n".utf8)
        try Data(bytes).write(to: URL(fileURLWithPath: rules + "/latin.yaml"))
        let utf = try CLI.run(["extract", "--rules", rules, "-"], stdin: "x")
        XCTAssertEqual(utf.status, 2, utf.stderr)
        XCTAssertTrue(utf.stderr.contains("\(rules)/latin.yaml:4:29: error: rule file is not valid UTF-8 (byte 0xE9)"), utf.stderr)
        XCTAssertFalse(utf.stderr.contains("secret"), utf.stderr)
    }
}
