import Foundation
import XCTest
@testable import TradeFacts

/// Wrong values and inputs of the second hardening round (issue 17, items 11 and 13): each test
/// failed before its fix.
final class ValueHardeningTests: XCTestCase {
    private func process(_ text: String) -> DocumentResult {
        Fixtures.engine.process(Document(id: "t", text: text, referenceDate: CalendarDate(iso: "2025-04-01")))
    }

    /// "1e99999 billion dollars" is no figure the rules read (it was read as 99,999 billion, then
    /// as "billion dollars", one billion).
    func testScientificNotationIsNotMisread() {
        XCTAssertEqual(process("Exports were 1e99999 billion dollars in March.").extraction?.mentions.filter { $0.type == .money }.count, 0)
        XCTAssertEqual(process("Exports were 3.1e3 mln dlrs in March.").extraction?.mentions.filter { $0.type == .money }.map(\.text), [])
        // Ordinary figures beside a year are still read.
        XCTAssertEqual(process("In 1981 two billion dlrs were lent.").extraction?.mentions.filter { $0.type == .money }.map(\.text), ["two billion dlrs"])
    }

    /// An invisible character inside a figure ("$22.<ZWSP>13 million", "1<ZWJ>2%") split it into two
    /// wrong figures; now neither part is read and a warning says where.
    func testInvisibleCharacterInsideAFigure() {
        for text in ["Exports were $22.\u{200B}13 million in March.", "Exports rose 1\u{200D}2% in March."] {
            let r = process(text)
            XCTAssertEqual(r.extraction?.mentions.filter { $0.type == .money || $0.type == .percent }.count, 0, text)
            XCTAssertTrue(r.warnings.contains { $0.contains("invisible character") && $0.contains("line 1") }, "\(r.warnings)")
        }
        // An invisible character between words leaves the figures alone.
        let r = process("Exports\u{200B} were $22.13 million in March.")
        XCTAssertEqual(r.extraction?.mentions.filter { $0.type == .money }.map(\.text), ["$22.13 million"])
        XCTAssertEqual(r.warnings, [])
    }

    /// Fullwidth and Arabic-Indic digits were ignored silently; they are reported.
    func testDigitsOtherThanASCIIAreReported() {
        for text in ["Exports were \u{FF04}\u{FF12}\u{FF12} million in \u{FF12}\u{FF10}\u{FF12}\u{FF14}.", "Exports were $\u{0662}\u{0662} million."] {
            let r = process(text)
            XCTAssertTrue(r.warnings.contains { $0.contains("digits other than ASCII") }, "\(text): \(r.warnings)")
        }
        XCTAssertEqual(process("Exports were $22 million.").warnings, [])
    }

    /// A JSON Lines id that is not a string or a number (an object, null, a truth value) printed
    /// as `["x": 1]` or `<null>`; such a record is named by its file and line.
    func testJSONLinesIdsThatAreNotStringsOrNumbers() {
        let lines = ["{\"id\": 5, \"text\": \"x\"}", "{\"id\": {\"x\": 1}, \"text\": \"x\"}", "{\"id\": null, \"text\": \"x\"}",
                     "{\"id\": true, \"text\": \"x\"}", "{\"id\": \"b\", \"text\": \"x\"}"]
        let articles = ArticleReader.articles(path: "r.jsonl", raw: Array(lines.joined(separator: "\n").utf8), format: .jsonl)
        XCTAssertEqual(articles.map(\.id), ["5", "r.jsonl:2", "r.jsonl:3", "r.jsonl:4", "b"])
    }

    /// Records separated by a carriage return alone (old Mac line ends) were one invalid record.
    func testCarriageReturnOnlyLineEnds() {
        let raw = "{\"id\": \"a\", \"text\": \"Exports rose.\"}\r{\"id\": \"b\", \"text\": \"Imports fell.\"}\r"
        let articles = ArticleReader.articles(path: "r.jsonl", raw: Array(raw.utf8), format: .jsonl)
        XCTAssertEqual(articles.map(\.id), ["a", "b"])
        XCTAssertEqual(articles.map(\.error), [nil, nil])
        XCTAssertEqual(articles.compactMap(\.origin?.line), [1, 2])
        // CR LF is one line end, as before.
        XCTAssertEqual(ArticleReader.articles(path: "r.jsonl", raw: Array(raw.replacingOccurrences(of: "\r", with: "\r\n").utf8), format: .jsonl).map(\.id), ["a", "b"])
    }

    /// A symlink to /dev/zero named on the command line was read until memory ran out; an input
    /// (or a JSON Lines line) beyond `--max-input-mb` is an error naming it, exit 3, and the run goes on.
    func testInputSizeIsCapped() throws {
        guard FileManager.default.fileExists(atPath: "/dev/zero") else { throw XCTSkip("/dev/zero is absent") }
        let ok = try CLI.temp("small.txt", "Exports rose 5 pct in March 2025.\n")
        for name in ["zero.txt", "zero.jsonl"] {
            let link = (NSTemporaryDirectory() as NSString).appendingPathComponent("tf-\(UUID().uuidString)-\(name)")
            try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "/dev/zero")
            defer { try? FileManager.default.removeItem(atPath: link) }
            let r = try CLI.run(["extract", "--max-input-mb", "1", "--format", "jsonl", link, ok])
            XCTAssertEqual(r.status, 3, r.stderr)
            XCTAssertTrue(r.stdout.contains("larger than 1 MB"), r.stdout)
            XCTAssertEqual(r.stdout.split(separator: "\n").count, 2, "both inputs are accounted for")
        }
        XCTAssertEqual(try CLI.run(["extract", "--max-input-mb", "0", ok]).status, 2)
    }

    /// One long document took memory of about 100 times its size (issue 17, item 12): a document
    /// longer than `--max-document-mb` (1 by default) is an error naming its size and the flag,
    /// exit 3, and the documents around it are processed; the flag raises the limit.
    func testDocumentLengthIsCapped() throws {
        let sentence = "Exports in the first half of 2024 rose 5 pct to 3.1 billion dlrs. "
        let long = String(repeating: sentence, count: (1 << 20) / sentence.utf8.count + 10)
        let lines = ["{\"id\": \"a\", \"text\": \"Imports fell 3 pct in March 2025.\"}",
                     "{\"id\": \"long\", \"text\": \"\(long)\"}",
                     "{\"id\": \"c\", \"text\": \"Exports rose 5 pct in March 2025.\"}"]
        let input = lines.joined(separator: "\n") + "\n"
        let r = try CLI.run(["extract", "--format", "jsonl", "--input-format", "jsonl", "-"], stdin: input)
        XCTAssertEqual(r.status, 3, r.stderr)
        let out = r.stdout.split(separator: "\n")
        XCTAssertEqual(out.count, 3, "every document is accounted for")
        XCTAssertTrue(out[1].contains("\"error\"") && out[1].contains("1.0 MB a document may hold") && out[1].contains("--max-document-mb"), String(out[1].prefix(300)))
        XCTAssertTrue(out[0].contains("\"mentions\"") && out[2].contains("\"mentions\""))
        let raised = try CLI.run(["extract", "--max-document-mb", "2", "--format", "jsonl", "--input-format", "jsonl", "-"], stdin: input)
        XCTAssertEqual(raised.status, 0, raised.stderr)
        XCTAssertFalse(raised.stdout.contains("\"error\""))
        XCTAssertEqual(try CLI.run(["extract", "--max-document-mb", "0", "-"], stdin: "x").status, 2)
    }

    /// UTF-16 JSON Lines were read whole (a 120 MB file took 322 MB): they are now decoded as
    /// they are read, in any pieces, to the same UTF-8 as the whole input gives, and read in chunks
    /// like UTF-8 JSON Lines (a 52 MB UTF-16 file: 202 MB peak before, 94 MB after, same output).
    func testUTF16JSONLinesAreDecodedAsTheyAreRead() throws {
        let text = "{\"id\": \"a\", \"text\": \"Exports rose 5% to $3 billion — café ✓ 𝄞.\"}\n{\"id\": \"b\", \"text\": \"Imports fell.\"}\n"
        for little in [true, false] {
            var raw: [UInt8] = little ? [0xFF, 0xFE] : [0xFE, 0xFF]
            for u in text.utf16 { raw += little ? [UInt8(u & 0xFF), UInt8(u >> 8)] : [UInt8(u >> 8), UInt8(u & 0xFF)] }
            // An unpaired high surrogate and an odd last byte, as the whole-input decoder meets them.
            var bad = raw
            bad.insert(contentsOf: little ? [0x00, 0xD8] : [0xD8, 0x00], at: 40)
            bad.append(0x41)
            for input in [raw, bad] {
                let whole = InputDecoder.decode(input).bytes
                for piece in [1, 2, 3, 7, 64] {
                    var d = UTF16StreamDecoder(littleEndian: little)
                    var out: [UInt8] = []
                    var i = 2
                    while i < input.count { out += d.feed(input[i..<min(i + piece, input.count)]); i += piece }
                    out += d.finish()
                    XCTAssertEqual(out, whole, "pieces of \(piece), little-endian \(little)")
                }
            }
            // Through the command line, in chunks: the same documents as the UTF-8 text gives.
            let path = (NSTemporaryDirectory() as NSString).appendingPathComponent("tf-\(UUID().uuidString).jsonl")
            try Data(raw).write(to: URL(fileURLWithPath: path))
            defer { try? FileManager.default.removeItem(atPath: path) }
            let utf16 = try CLI.run(["extract", "--format", "jsonl", path])
            let utf8 = try CLI.run(["extract", "--format", "jsonl", "--input-format", "jsonl", "-"], stdin: text)
            XCTAssertEqual(utf16.status, 0, utf16.stderr)
            XCTAssertEqual(utf16.stdout.split(separator: "\n").count, 2)
            XCTAssertEqual(utf16.stdout.replacingOccurrences(of: path, with: "-"), utf8.stdout.replacingOccurrences(of: "\"path\":\"-\"", with: "\"path\":\"-\""))
        }
    }

    /// A stream of JSON Lines (`tail -f | tradefacts extract -`) showed nothing until 4 MiB had
    /// arrived; each record is now written as soon as the stream goes quiet after its line.
    func testStreamedJSONLinesAreWrittenAsTheyArrive() throws {
        guard let binary = CLI.binary else { throw XCTSkip("tradefacts binary not built") }
        let p = Process()
        p.executableURL = binary
        p.arguments = ["extract", "--format", "jsonl", "--input-format", "jsonl", "-"]
        let input = Pipe(), output = Pipe()
        p.standardInput = input
        p.standardOutput = output
        p.standardError = FileHandle.nullDevice
        try p.run()
        input.fileHandleForWriting.write(Data("{\"id\": \"a\", \"text\": \"Exports rose 5 pct.\"}\n".utf8))
        // The first result arrives while the input stays open.
        var first = Data()
        let deadline = Date().addingTimeInterval(30)
        while !first.contains(0x0A), Date() < deadline {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            first.append(chunk)
        }
        XCTAssertTrue(String(decoding: first, as: UTF8.self).hasPrefix("{\"document\":\"a\""), String(decoding: first, as: UTF8.self))
        input.fileHandleForWriting.write(Data("{\"id\": \"b\", \"text\": \"Imports fell.\"}\n".utf8))
        try input.fileHandleForWriting.close()
        let rest = output.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0)
        let documents = String(decoding: first + rest, as: UTF8.self).split(separator: "\n").map { $0.prefix(15) }
        XCTAssertEqual(documents, ["{\"document\":\"a\"", "{\"document\":\"b\""])
    }

    /// A file name that is not valid UTF-8 was reported as "no such file". It is read, by its bytes,
    /// whether found in a folder or named on the command line (the shell passes the bytes as they
    /// are), and shown with its bad bytes as `\xNN`; a missing one is still "no such file".
    func testFileNameThatIsNotUTF8IsRead() throws {
        let dir = NSTemporaryDirectory() + "tf-names-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var raw = Array("\(dir)/caf".utf8) + [0xE9] + Array(".txt".utf8)
        raw.append(0)
        let fd = raw.withUnsafeBufferPointer { p in p.baseAddress!.withMemoryRebound(to: CChar.self, capacity: raw.count) { open($0, O_CREAT | O_WRONLY, 0o644) } }
        XCTAssertGreaterThanOrEqual(fd, 0)
        let text = "Exports rose 5 pct in March 2025.\n"
        _ = text.withCString { write(fd, $0, strlen($0)) }
        close(fd)
        try "Imports fell 5 pct in March 2025.\n".write(toFile: dir + "/ok.txt", atomically: true, encoding: .utf8)
        // Found by walking the folder.
        let r = try CLI.run(["extract", "--format", "jsonl", "--date", "2025-04-10", dir])
        XCTAssertEqual(r.status, 0, r.stdout + r.stderr)
        let lines = r.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 2)
        XCTAssertTrue(lines.contains { $0.contains("caf\\\\xE9.txt") && $0.contains("rose 5 pct") && !$0.contains("\"error\"") }, r.stdout)
        XCTAssertTrue(lines.contains { $0.contains("ok.txt") && !$0.contains("\"error\"") }, r.stdout)
        // Named on the command line: the shell makes the argument's bytes.
        guard let binary = CLI.binary else { throw XCTSkip("tradefacts binary not built") }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", "\"$0\" extract --format jsonl --date 2025-04-10 \"$(printf '%s/caf\\351.txt' \"$1\")\" \"$(printf '%s/gone\\351.txt' \"$1\")\"",
                       binary.path, dir]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = Pipe()
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        let shown = String(decoding: data, as: UTF8.self).split(separator: "\n")
        XCTAssertEqual(p.terminationStatus, 3)
        XCTAssertEqual(shown.count, 2, String(decoding: data, as: UTF8.self))
        XCTAssertTrue(shown[0].contains("caf\\\\xE9.txt") && shown[0].contains("rose 5 pct") && !shown[0].contains("\"error\""), String(shown[0]))
        XCTAssertTrue(shown[1].contains("gone\\\\xE9.txt") && shown[1].contains("no such file"), String(shown[1]))
    }
}
