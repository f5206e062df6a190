import Foundation
import XCTest
import TradeFactsCLI
import FuzzHarness
@testable import TradeFacts
import TradeFactsEval

/// Inputs that once broke something (found by scripts/fuzz or the property tests), replayed
/// through the fuzz targets' own bodies, and a seeded, bounded random-input stress test of the
/// same four entry points, so the default test run covers them without a fuzzing build. A broken
/// invariant is a test failure naming the input, not a crash of the test run.
final class FuzzRegressionTests: XCTestCase {
    /// Found by the JSON Lines property test: Foundation dropped a raw U+FEFF opening a record's text.
    func testByteOrderMarkOpeningAJSONLinesText() throws {
        let text = "\u{FEFF} two and a half million dollars"
        let record = try JSONSerialization.data(withJSONObject: ["text": text])
        let article = ArticleReader.articles(path: "a.jsonl", raw: Array(record), format: .jsonl)[0]
        XCTAssertEqual(article.bytes, Array(text.utf8))
        // A byte-order mark before the first record is still accepted.
        let withBOM = ArticleReader.articles(path: "b.jsonl", raw: [0xEF, 0xBB, 0xBF] + Array(record), format: .jsonl)[0]
        XCTAssertNil(withBOM.error)
    }

    /// Invalid UTF-8 inside Markdown front matter used to change how many bytes were blanked.
    func testInvalidUTF8InFrontMatter() {
        XCTAssertEqual(FuzzHarness.markdown(Array("---\ntitle: ".utf8) + [0xC3, 0x28, 0xE2, 0x82] + Array("\ndate: 2025-10-03\n---\nUp 5% to $1 billion.\n".utf8)), [])
    }

    /// The two targets added for issue 17 (item 14): JSON Lines read in chunks must give the
    /// records the whole file gives, and the configuration loader gives every error a line and
    /// echoes no line of the file.
    func testChunkedJSONLinesAndConfigurationTargets() throws {
        var lines: [String] = []
        for (i, text) in ["Exports rose 5 pct to 3.1 billion dlrs in March 2025.", "Imports fell.\\u00e9", ""].enumerated() {
            lines.append("{\"id\": \(i), \"date\": \"2025-04-01\", \"text\": \"\(text)\"}")
        }
        lines += ["[1, 2]", "", "{\"id\": \"x\"}", "{\"text\": \"a\"}\r{\"text\": \"b\"}", "{\"text\": \"windows\"}\r"]
        let file = Array(lines.joined(separator: "\n").utf8) + [0x0A] + Array("{\"text\": \"Cura".utf8) + [0xE7] + Array("ao\"}".utf8)
        for size in [0, 1, 7, 40, 255] as [UInt8] {
            XCTAssertEqual(FuzzHarness.jsonLinesChunked([size] + file), [], "chunk size \(Int(size) + 1)")
        }
        // Found by `scripts/fuzz 600 jsonchunks` (2026-12-03): a UTF-16 file (byte-order mark) was
        // decoded whole when read whole but not when read in chunks. UTF-16 is now decoded as it is
        // read, then cut into chunks, and the target does the same.
        let crash = Array(Data(base64Encoded: "Vf/+0wAAAAAAAD4+Pj4+Pj4+Pj4+Pj4KCgoKCgoLCgoKCgoKCgoKCgoKCgoKCgoBAAAAAAAAADg4MyBtbG4gZGxycyBhIHllYXIgZWFybGllciwgdCJ9Cgp7InRleHQiOiA1ZSBGU2V0cmFsIFN0YXRpc3RpY3MhdGVtYmVyLAAA/////wAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAD4/////////wAAAAAAAAAAAAAAAAAAVW5zYQAAAAAAB///bmFnDQ==")!)
        XCTAssertEqual(FuzzHarness.jsonLinesChunked(crash), [])
        // Found by the next run: FF FE opening a record in the middle of a file was read as a UTF-16
        // byte-order mark when a chunk began there (or line by line), which changed the line numbers.
        let midFile = Array(Data(base64Encoded: "BwoKCgo7AAAAAAAAAAoKCgoKewoK/////woKCgp7CgoKewoKCgoKCgoKEwAAAAd7ImlmIjogZQd7CgoKCgoKCgoKICBmcggKCgoKOwoKCgoTAAAAB3siaWYiOiBlB3sKCgp7CgpiCgoKCgoKCgoKCjsAAAAAAAAACgoKCgp7Cgr/////CgoKCnsKCgp7CgoKCgoKCgoTAAAAAAAAAAoKCgoKCiAgZnIIb3RtCgogdHJhZGUicgAAAAAKCgoKCgogAGZyCAoKCgo7AAAAAAAAAAoKCgoAAAAAAAAACgoKCgp7Cgr/////CgoKCnsKCgp7B3syjjI1LTEwJyJ0YABJbnTdVX0K//7TAAAAAAAAAAf//25hZw0Ib3RtCgogdHJhZGUicgAAAAAKCgoKCgp6ICBmcggAAG90bQoKIHRyYWRlInI=")!)
        XCTAssertEqual(FuzzHarness.jsonLinesChunked(midFile), [])
        var utf16: [UInt8] = [0xFF, 0xFE]
        for u in (lines.joined(separator: "\n") + "\n").utf16 { utf16 += [UInt8(u & 0xFF), UInt8(u >> 8)] }
        for size in [0, 1, 2, 3, 40, 255] as [UInt8] {
            XCTAssertEqual(FuzzHarness.jsonLinesChunked([size] + utf16), [], "UTF-16, chunk size \(Int(size) + 1)")
        }
        let configs = ["fail-on: warning\nchecks:\n  share-over-100: {severity: info}\n", "rules: [\"../outside\"]\n",
                       "checks:\n  no-such-check: {enabled: false}\n", "fail-on: " + String(repeating: "x", count: 200) + "\n",
                       "include: [", "\u{FEFF}fail-on: never\n", String(repeating: "a: b\n", count: 3) + "tolerances: 5\n"]
        for c in configs { XCTAssertEqual(FuzzHarness.configuration(Array(c.utf8)), [], c) }
        XCTAssertEqual(FuzzHarness.configuration([0x66, 0x3A, 0x20, 0xC3, 0x28]), [])
        // A line "d" and 100 NULs: not quoted by the error (the harness compared with Foundation, which stops at a NUL).
        XCTAssertEqual(FuzzHarness.configuration([0x0A, 0x64] + [UInt8](repeating: 0, count: 100)), [])
    }

    /// The command-line target (issue 17, item 14): the commands parse and validate hostile
    /// command lines without crashing, and each refusal is an error ArgumentParser describes with a
    /// usage exit code (a count too large, a date that is no date, an unknown format or command).
    func testCommandLineTarget() throws {
        let lines = [["extract", "--jobs", "10000000", "a.txt"], ["extract", "--jobs", "0", "a.txt"], ["check", "--date", "2025-13-45", "-"],
                     ["extract", "--max-input-mb", "-1", "x"], ["extract", "--format", "bogus", "x"], ["--help"], ["--version"], ["nosuch"],
                     [], [""], ["check", "--fail-on", String(repeating: "w", count: 5_000)], ["extract", "--format", "sqlite", "x"],
                     ["extract", "--table", "mentions", "x"], ["report", "Corpus"], ["eval", "--seed", "99999999999999999999999"],
                     ["lsp", "--stdio", "--date", "2025-02-29"], ["rules", "test", "--rules"]]
        for line in lines {
            let data = Array(line.joined(separator: "\u{0}").utf8)
            XCTAssertEqual(FuzzHarness.commandLine(data), [], "\(line)")
        }
        // The target really parses: an out-of-range --jobs is refused as a usage error (exit 64, shown as 2 by main).
        XCTAssertThrowsError(try TradeFactsCommand.parseAsRoot(["extract", "--jobs", "0", "a.txt"])) { error in
            XCTAssertEqual(TradeFactsCommand.exitCode(for: error).rawValue, 64)
            XCTAssertTrue(TradeFactsCommand.fullMessage(for: error).contains("--jobs must be between 1 and"))
        }
        XCTAssertNoThrow(try TradeFactsCommand.parseAsRoot(["extract", "--format", "jsonl", "Corpus"]))
    }

    func testEdgeInputsThroughEveryTarget() {
        let inputs: [[UInt8]] = [
            [], [0x0A], [0xFF, 0xFE], [0xFE, 0xFF, 0x00], [0xEF, 0xBB, 0xBF], Array("---\n".utf8), Array("---\n---\n".utf8),
            Array("```\n".utf8), Array("<!--".utf8), Array("{".utf8), Array("{\"text\":\"\"}".utf8), Array("[[[[[[[[".utf8),
            Array("rules: [*a]".utf8), Array("&a [*a]".utf8), Array("type: money\nrules:\n- id: a\n  pattern: '('".utf8),
            [UInt8](repeating: 0x80, count: 100), [UInt8](repeating: 0, count: 100),
        ]
        for input in inputs {
            let broken = FuzzHarness.pipeline(input) + FuzzHarness.markdown(input) + FuzzHarness.jsonLines(input) + FuzzHarness.rules(input)
            XCTAssertEqual(broken, [], "input \(input.prefix(40))")
        }
    }

    /// Seeded, bounded mutation of the Corpus and Rules through all four targets (a few seconds).
    func testSeededRandomMutations() throws {
        var rng = SplitMix64(seed: 0x7EADFAC7)
        let root = Fixtures.packageRoot
        let corpus = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Corpus").path)
            .filter { $0.hasSuffix(".txt") }.sorted().prefix(12)
            .map { Array(try! Data(contentsOf: root.appendingPathComponent("Corpus/\($0)"))) }
        let rules = ["money.yaml", "definitions.yaml", "lexicons/currencies.yaml"]
            .map { Array(try! Data(contentsOf: root.appendingPathComponent("Rules/\($0)"))) }
        let tokens: [[UInt8]] = ["\n", "---\n", "```", "<!--", "-->", "{", "}", "\"", "\\", "&a ", "*a", "[", "]", ": ", "$", "%",
                                 "2025", "million", "\u{0}", "\u{FEFF}", "é", "日本"].map { Array($0.utf8) } + [[0xFF], [0xC3], [0xE2, 0x82]]
        func mutate(_ input: [UInt8]) -> [UInt8] {
            var b = input
            for _ in 0..<Int(rng.next() % 8 + 1) {
                let at = b.isEmpty ? 0 : Int(rng.next() % UInt64(b.count))
                switch rng.next() % 5 {
                case 0 where !b.isEmpty: b[at] = UInt8(truncatingIfNeeded: rng.next())
                case 1: b.insert(contentsOf: tokens[Int(rng.next() % UInt64(tokens.count))], at: at)
                case 2 where !b.isEmpty: b.removeSubrange(at..<min(b.count, at + Int(rng.next() % 64)))
                case 3 where !b.isEmpty: let n = min(b.count - at, Int(rng.next() % 200)); b.insert(contentsOf: b[at..<at + n], at: at)
                default: b = Array(b.prefix(at))
                }
            }
            return b
        }
        for i in 0..<150 {
            let text = mutate(corpus[i % corpus.count])
            XCTAssertEqual(FuzzHarness.pipeline(text), [], "mutation \(i) (pipeline)")
            XCTAssertEqual(FuzzHarness.markdown(Array("---\ndate: 2025-10-03\n---\n".utf8) + text), [], "mutation \(i) (Markdown)")
            let json = try JSONSerialization.data(withJSONObject: ["id": i, "text": String(decoding: text, as: UTF8.self)])
            XCTAssertEqual(FuzzHarness.jsonLines(mutate(Array(json) + [0x0A] + Array(json))), [], "mutation \(i) (JSON Lines)")
        }
        for i in 0..<300 { XCTAssertEqual(FuzzHarness.rules(mutate(rules[i % rules.count])), [], "mutation \(i) (rules)") }
    }
}

/// A small deterministic generator (SplitMix64), so every run mutates the same way.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
}
