import Foundation
import XCTest
@testable import TradeFacts

/// Regression tests for the defects of the second hardening round: each failed before its fix.
final class HardeningTests: XCTestCase {
    /// A write error on standard output ends the run with a message and exit 3 (it was a crash,
    /// SIGILL under FileHandle.write).
    func testWriteErrorOnStandardOutputExitsThree() throws {
        guard let binary = CLI.binary else { throw XCTSkip("tradefacts binary not built") }
        guard let full = FileHandle(forWritingAtPath: "/dev/full") else { throw XCTSkip("/dev/full is absent") }
        let article = try CLI.temp("write-error.txt", String(repeating: "Exports rose 5 pct to 3.1 billion dlrs in March 2025.\n", count: 2000))
        let p = Process()
        p.executableURL = binary
        p.arguments = ["extract", "--format", "jsonl", "--date", "2025-04-01", article]
        let err = Pipe()
        p.standardOutput = full
        p.standardError = err
        try p.run()
        let e = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        XCTAssertEqual(p.terminationReason, .exit, "killed by a signal: \(e)")
        XCTAssertEqual(p.terminationStatus, 3, e)
        XCTAssertTrue(e.contains("cannot write to standard output"), e)
    }

    /// A value beyond any real figure is not read, a warning names it, and the JSON stays valid
    /// (an overflowed amount printed as `NaN` before).
    func testOutOfRangeValuesAreNotReadAndJSONStaysValid() throws {
        let huge = String(repeating: "9", count: 130)
        let text = "Values fell from $5 million to \(huge) billion dollars in 2024. Exports were a million million million million million million million million million dollars."
        let r = Fixtures.engine.process(Document(id: "t", text: text, referenceDate: CalendarDate(iso: "2025-01-01")))
        let money = r.extraction?.mentions.filter { $0.type == .money } ?? []
        XCTAssertEqual(money.map(\.text), ["$5 million"])
        XCTAssertEqual(r.warnings.filter { $0.contains("out of range") }.count, 2, "\(r.warnings)")
        XCTAssertTrue(r.findings.isEmpty, "\(r.findings.map(\.message))")
        let json = r.json().serialized()
        XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(json.utf8)))
        XCTAssertFalse(json.contains("NaN"))
        XCTAssertEqual(DecimalText.string(Decimal.nan), "null")
    }

    /// A UTF-8 byte order mark before JSON Lines on standard input: still JSON Lines (it was read
    /// as one text document).
    func testByteOrderMarkBeforeJSONLinesOnStandardInput() throws {
        let r = try CLI.run(["extract", "--format", "jsonl", "-"],
                            stdin: "\u{FEFF}{\"id\":\"a\",\"text\":\"Exports rose 5 pct.\"}\n{\"id\":\"b\",\"text\":\"Imports fell.\"}\n")
        XCTAssertEqual(r.status, 0, r.stderr)
        let documents = r.stdout.split(separator: "\n").compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
        }.compactMap { $0["document"] as? String }
        XCTAssertEqual(documents, ["a", "b"])
    }

    /// The currency carry, now kept as the mentions are walked: a figure without a currency takes
    /// the last money figure's in its own or the previous sentence, never one further back.
    func testCurrencyCarryReachesOneSentenceBack() {
        let near = Fixtures.engine.process(Document(id: "t", text: "Exports were 7.3 billion dlrs in March. Imports were 4.3 billion.", referenceDate: CalendarDate(iso: "2025-04-01")))
        XCTAssertEqual(near.extraction?.mentions.filter { $0.type == .money }.map(\.currency), ["USD", "USD"])
        let far = Fixtures.engine.process(Document(id: "t", text: "Exports were 7.3 billion dlrs in March. The port was busy. Ships waited. Imports were 4.3 billion.", referenceDate: CalendarDate(iso: "2025-04-01")))
        XCTAssertEqual(far.extraction?.mentions.filter { $0.type == .money }.count, 1)
    }

    /// A JSON Lines record in Windows-1252 is read the same alone and among UTF-8 records (it was
    /// rejected as "not a JSON object" when a UTF-8 record shared its chunk).
    func testJSONLinesAreDecodedRecordByRecord() throws {
        func record(_ id: String, _ text: String) -> [UInt8] { Array("{\"id\":\"\(id)\",\"text\":\"\(text)\"}".utf8) }
        let utf8 = record("a", "Exports to C\u{00F4}te d'Ivoire rose 5 pct to 3.1 billion dlrs in March 2025.")
        // "Curaçao" with ç as the single Windows-1252 byte 0xE7.
        let cp1252 = Array("{\"id\":\"b\",\"text\":\"Exports to Cura".utf8) + [0xE7] + Array("ao rose 4 pct to 2 billion dlrs in March 2025.\"}".utf8)
        let mixed = ArticleReader.articles(path: "m.jsonl", raw: utf8 + [0x0A] + cp1252 + [0x0A], format: .jsonl)
        let alone = ArticleReader.articles(path: "a.jsonl", raw: cp1252 + [0x0A], format: .jsonl)
        XCTAssertEqual(mixed.map(\.id), ["a", "b"])
        XCTAssertNil(mixed[1].error)
        XCTAssertEqual(mixed[1].bytes, alone[0].bytes)
        XCTAssertEqual(String(decoding: alone[0].bytes, as: UTF8.self), "Exports to Cura\u{00E7}ao rose 4 pct to 2 billion dlrs in March 2025.")
    }

    /// "zero million dollars" is zero (it was read as one million).
    func testZeroMillionIsZero() {
        let r = Fixtures.engine.process(Document(id: "t", text: "Exports were zero million dollars in March.", referenceDate: CalendarDate(iso: "2025-04-01")))
        XCTAssertEqual(r.extraction?.mentions.first { $0.type == .money }?.numericValue, 0)
    }

    /// `--jobs` out of range and loose dates are usage errors, exit 2 (0 was taken silently, ten
    /// million threads aborted, "2025-1-3" was accepted).
    func testJobsAndDatesAreValidated() throws {
        let article = try CLI.temp("valid.txt", "Exports rose 5 pct in March 2025.\n")
        for args in [["--jobs", "0"], ["--jobs", "10000000"], ["--date", "2025-1-3"], ["--date", "2025-02-30"]] {
            let r = try CLI.run(["extract"] + args + [article])
            XCTAssertEqual(r.status, 2, "\(args): \(r.stderr)")
        }
        XCTAssertEqual(try CLI.run(["extract", "--jobs", "2", "--date", "2025-04-01", article]).status, 0)
        let loose = try CLI.run(["extract", "--format", "jsonl", "-"], stdin: "{\"id\":\"a\",\"date\":\"2025-10-03T99:00\",\"text\":\"x\"}\n{\"id\":\"b\",\"date\":\"2025-10-03T10:11:00Z\",\"text\":\"x\"}\n")
        let lines = loose.stdout.split(separator: "\n")
        XCTAssertTrue(lines.first?.contains("\"error\"") ?? false, loose.stdout)
        XCTAssertTrue(lines.last?.contains("\"referenceDate\":\"2025-10-03\"") ?? false, loose.stdout)
    }

    /// The text format shows an article's control characters as visible symbols, and a source line a
    /// CI runner would take for a workflow command ("::error") is not printed as one.
    func testTextFormatSendsNoControlSequences() throws {
        let article = try CLI.temp("inject.txt", "In the first half of 2026, exports reached $5 million. \u{1B}]0;pwned\u{07}\u{1B}[31mred\n::error file=x::boom In the first half of 2026, exports reached $5 million.\n")
        let r = try CLI.run(["check", "--date", "2025-10-03", article])
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertFalse(r.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }, r.stdout)
        XCTAssertTrue(r.stdout.contains("\u{241B}"), r.stdout)
        XCTAssertFalse(r.stdout.split(separator: "\n").contains { $0.drop(while: { $0 == " " }).hasPrefix("::") }, r.stdout)
    }

    /// `--write-baseline` refuses a path that is not a regular file (a symlink became a regular file,
    /// and as root /dev/full was replaced).
    func testWriteBaselineRefusesWhatIsNotARegularFile() throws {
        let article = try CLI.temp("baseline-article.txt", "Exports rose 5 pct in March 2025.\n")
        let target = try CLI.temp("baseline-target.json", "{}")
        let link = (target as NSString).deletingLastPathComponent + "/baseline-link.json"
        try? FileManager.default.removeItem(atPath: link)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        let r = try CLI.run(["check", "--date", "2025-04-01", "--write-baseline", link, article])
        XCTAssertEqual(r.status, 2, r.stderr)
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: link), target)
        XCTAssertEqual(try String(contentsOfFile: target, encoding: .utf8), "{}")
    }
}
