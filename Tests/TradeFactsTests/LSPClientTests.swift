import Foundation
import XCTest
@testable import TradeFacts

/// A JSON-RPC client of the built `tradefacts lsp` process: frames messages onto its standard
/// input and reads framed messages from its standard output on a thread of its own.
final class LSPProcess: @unchecked Sendable {  // the reader thread touches only what the condition guards
    let process = Process()
    private let input = Pipe(), output = Pipe(), errors = Pipe()
    private let condition = NSCondition()
    private var buffer: [UInt8] = []
    private var messages: [[String: Any]] = []
    private var ended = false

    init(arguments: [String] = []) throws {
        guard let binary = CLI.binary else { throw XCTSkip("tradefacts binary not built") }
        process.executableURL = binary
        process.arguments = ["lsp"] + arguments
        process.currentDirectoryURL = TestScratch.root
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let handle = output.fileHandleForReading
        Thread.detachNewThread { [self] in
            while true {
                let data = handle.availableData
                condition.lock()
                if data.isEmpty { ended = true } else { buffer += data; cut() }
                condition.broadcast()
                condition.unlock()
                if data.isEmpty { return }
            }
        }
    }

    /// Takes the complete framed messages out of `buffer` (the condition's lock held).
    private func cut() {
        while let headerEnd = buffer.indices.dropLast(3).first(where: { buffer[$0..<($0 + 4)].elementsEqual([13, 10, 13, 10]) }) {
            let header = String(decoding: buffer[..<headerEnd], as: UTF8.self)
            guard let length = header.split(separator: "\r\n").compactMap({ line -> Int? in
                let parts = line.split(separator: ":", maxSplits: 1)
                return parts.count == 2 && parts[0].lowercased() == "content-length" ? Int(parts[1].trimmingCharacters(in: .whitespaces)) : nil
            }).first, buffer.count >= headerEnd + 4 + length else { return }
            let body = Data(buffer[(headerEnd + 4)..<(headerEnd + 4 + length)])
            buffer.removeFirst(headerEnd + 4 + length)
            messages.append((try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? ["unparsed": String(decoding: body, as: UTF8.self)])
        }
    }

    func write(_ bytes: [UInt8]) { input.fileHandleForWriting.write(Data(bytes)) }

    func send(_ message: [String: Any]) {
        let body = try! JSONSerialization.data(withJSONObject: message)
        write(Array("Content-Length: \(body.count)\r\n\r\n".utf8) + [UInt8](body))
    }

    func notify(_ method: String, _ params: [String: Any] = [:]) { send(["jsonrpc": "2.0", "method": method, "params": params]) }

    /// The first message (removed from those received) that `matches`, waiting up to 60 seconds.
    func next(_ what: String, file: StaticString = #filePath, line: UInt = #line, _ matches: ([String: Any]) -> Bool) -> [String: Any]? {
        let deadline = Date().addingTimeInterval(60)
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let i = messages.firstIndex(where: matches) { return messages.remove(at: i) }
            if ended || !condition.wait(until: deadline) {
                XCTFail("no \(what) from tradefacts lsp", file: file, line: line)
                return nil
            }
        }
    }

    func request(_ id: Int, _ method: String, _ params: [String: Any], line: UInt = #line) -> [String: Any]? {
        send(["jsonrpc": "2.0", "id": id, "method": method, "params": params])
        return next("response to \(method)", line: line) { ($0["id"] as? Int) == id }
    }

    /// The next diagnostics published for `uri` at `version`.
    func diagnostics(_ uri: String, version: Int, line: UInt = #line) -> [[String: Any]]? {
        next("diagnostics of \(uri) version \(version)", line: line) { m in
            guard (m["method"] as? String) == "textDocument/publishDiagnostics", let p = m["params"] as? [String: Any] else { return false }
            return (p["uri"] as? String) == uri && (p["version"] as? Int) == version
        }.flatMap { ($0["params"] as? [String: Any])?["diagnostics"] as? [[String: Any]] }
    }

    /// Closes standard input and waits for the exit code (at most 60 seconds).
    func finish(closingInput: Bool = true) -> Int32? {
        if closingInput { try? input.fileHandleForWriting.close() }
        let deadline = Date().addingTimeInterval(60)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        if process.isRunning { process.terminate(); return nil }
        return process.terminationStatus
    }

    var stderr: String { String(decoding: errors.fileHandleForReading.availableData, as: UTF8.self) }
}

/// The whole exchange with the real `tradefacts lsp` binary, on real Corpus articles, checked
/// against `tradefacts check --format jsonl` and `tradefacts extract` on the same text.
final class LSPClientTests: XCTestCase {
    let root = Fixtures.packageRoot.appendingPathComponent("Corpus")

    /// `check --format jsonl` on `text` saved as a file named `name` (in a scratch folder without configuration).
    func check(_ text: String, name: String) throws -> [[String: Any]] {
        let path = try CLI.temp(name, text)
        let run = try CLI.run(["check", "--format", "jsonl", path], in: URL(fileURLWithPath: path).deletingLastPathComponent())
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        return object?["findings"] as? [[String: Any]] ?? []
    }

    /// The UTF-16 position of a 1-based line and scalar column as `check` reports them.
    func utf16(_ text: String, line: Int, column: Int) -> [String: Int] {
        let lineText = text.components(separatedBy: "\n")[line - 1]
        let prefix = String(String.UnicodeScalarView(lineText.unicodeScalars.prefix(column - 1)))
        return ["line": line - 1, "character": prefix.utf16.count]
    }

    func start(_ d: [String: Any]?) -> [String: Int]? { (d?["range"] as? [String: Any])?["start"] as? [String: Int] }

    /// The diagnostics agree with `check`: the same checks on the same lines, each range's start
    /// the UTF-16 position of check's line and column, and the related spans as related information.
    func assertAgreesWithCheck(_ diagnostics: [[String: Any]]?, _ text: String, name: String, uri: String, line: UInt = #line) throws {
        let findings = try check(text, name: name)
        let diagnostics = diagnostics ?? []
        XCTAssertEqual(diagnostics.map { $0["code"] as? String }, findings.map { $0["check"] as? String }, line: line)
        for (d, f) in zip(diagnostics, findings) {
            XCTAssertEqual(start(d), utf16(text, line: f["line"] as! Int, column: f["column"] as! Int), line: line)
            XCTAssertEqual(d["message"] as? String, f["message"] as? String, line: line)
            XCTAssertEqual(d["severity"] as? Int, ["error": 1, "warning": 2, "info": 3][f["severity"] as! String], line: line)
            let related = d["relatedInformation"] as? [[String: Any]] ?? []
            let checkRelated = f["related"] as? [[String: Any]] ?? []
            XCTAssertEqual(related.count, checkRelated.count, line: line)
            for (r, c) in zip(related, checkRelated) {
                let location = r["location"] as? [String: Any]
                XCTAssertEqual(location?["uri"] as? String, uri, line: line)
                XCTAssertEqual(start(location), utf16(text, line: c["line"] as! Int, column: c["column"] as! Int), line: line)
                XCTAssertEqual(r["message"] as? String, c["message"] as? String, line: line)
            }
        }
    }

    /// Applies LSP text edits (UTF-16 positions) to `text`, independently of the server's mapping.
    func apply(_ edits: [[String: Any]], to text: String) -> String {
        var lines = text.components(separatedBy: "\n").map { Array($0.utf16) }
        for e in edits.reversed() {
            let range = e["range"] as! [String: [String: Int]]
            let (s, t) = (range["start"]!, range["end"]!)
            var joined = Array(lines[s["line"]!][..<s["character"]!]) + Array((e["newText"] as! String).utf16) + Array(lines[t["line"]!][t["character"]!...])
            var replacement: [[UInt16]] = []
            while let nl = joined.firstIndex(of: 10) { replacement.append(Array(joined[..<nl])); joined = Array(joined[(nl + 1)...]) }
            replacement.append(joined)
            lines.replaceSubrange(s["line"]!...t["line"]!, with: replacement)
        }
        return lines.map { String(decoding: $0, as: UTF16.self) }.joined(separator: "\n")
    }

    func testEditingSessionAgainstCheck() throws {
        let lsp = try LSPProcess()
        let initialize = lsp.request(1, "initialize", ["processId": NSNull(), "rootUri": NSNull(),
                                                       "capabilities": ["general": ["positionEncodings": ["utf-16"]]]])
        let capabilities = (initialize?["result"] as? [String: Any])?["capabilities"] as? [String: Any]
        XCTAssertEqual(capabilities?["positionEncoding"] as? String, "utf-16")
        let sync = capabilities?["textDocumentSync"] as? [String: Any]
        XCTAssertEqual(sync?["openClose"] as? Bool, true)
        XCTAssertEqual(sync?["change"] as? Int, 2, "incremental")
        XCTAssertEqual(capabilities?["hoverProvider"] as? Bool, true)
        XCTAssertEqual((capabilities?["codeActionProvider"] as? [String: Any])?["codeActionKinds"] as? [String], ["quickfix"])
        lsp.notify("initialized")

        // A consistent Corpus article: what check says (nothing).
        let consistent = try String(contentsOf: root.appendingPathComponent("fujian-textiles.txt"), encoding: .utf8)
        let uri = root.appendingPathComponent("fujian-textiles.txt").absoluteString
        lsp.notify("textDocument/didOpen", ["textDocument": ["uri": uri, "languageId": "plaintext", "version": 1, "text": consistent]])
        let opened = lsp.diagnostics(uri, version: 1)
        XCTAssertEqual(opened?.count, 0)
        try assertAgreesWithCheck(opened, consistent, name: "fujian-textiles.txt", uri: uri)

        // The slip of fujian-textiles-year-slip ("this year" → "2024" on line 4), made by an
        // incremental change after an emoji inserted in front of the line: the range counts UTF-16.
        let slipLine = consistent.components(separatedBy: "\n")[3]
        let year = slipLine.range(of: "this year")!
        let yearStart = slipLine.utf16.distance(from: slipLine.startIndex, to: year.lowerBound)
        lsp.notify("textDocument/didChange", ["textDocument": ["uri": uri, "version": 2], "contentChanges": [
            ["range": ["start": ["line": 3, "character": yearStart], "end": ["line": 3, "character": yearStart + 9]], "text": "2024"],
            ["range": ["start": ["line": 3, "character": 0], "end": ["line": 3, "character": 0]], "text": "📈 "],
        ]])
        var slipped = consistent.components(separatedBy: "\n")
        slipped[3] = "📈 " + slipLine.replacingOccurrences(of: "this year", with: "2024")
        let slipText = slipped.joined(separator: "\n")
        let slip = lsp.diagnostics(uri, version: 2)
        XCTAssertEqual(slip?.map { $0["code"] as? String }, ["period-year-contradiction"])
        XCTAssertEqual(start(slip?.first), ["line": 3, "character": 6], "📈 is two UTF-16 units: 2 + 1 + 'In '")
        XCTAssertEqual((slip?.first?["range"] as? [String: Any])?["end"] as? [String: Int], ["line": 3, "character": 6 + "the first half of 2024".utf16.count])
        XCTAssertEqual((slip?.first?["relatedInformation"] as? [Any])?.count, 3)
        try assertAgreesWithCheck(slip, slipText, name: "fujian-textiles.txt", uri: uri)
        // The same findings as the Corpus twin with the slip (whose line 4 has no emoji).
        let twin = try String(contentsOf: root.appendingPathComponent("fujian-textiles-year-slip.txt"), encoding: .utf8)
        XCTAssertEqual(try check(twin, name: "twin.txt").map { $0["check"] as? String }, ["period-year-contradiction"])

        // Fixed again (a full-text change): no diagnostics.
        lsp.notify("textDocument/didChange", ["textDocument": ["uri": uri, "version": 3], "contentChanges": [["text": consistent]]])
        XCTAssertEqual(lsp.diagnostics(uri, version: 3)?.count, 0)

        // Hover on "$8.46 billion": its value, currency, period and rule, as extract reads them.
        lsp.notify("textDocument/didChange", ["textDocument": ["uri": uri, "version": 4], "contentChanges": [["text": slipText]]])
        let again = try XCTUnwrap(lsp.diagnostics(uri, version: 4))
        let dollar = slipped[3].utf16.distance(from: slipped[3].startIndex, to: slipped[3].range(of: "$8.46")!.lowerBound)
        let hover = lsp.request(5, "textDocument/hover", ["textDocument": ["uri": uri], "position": ["line": 3, "character": dollar + 2]])
        let hoverResult = hover?["result"] as? [String: Any]
        let contents = hoverResult?["contents"] as? [String: Any]
        XCTAssertEqual(contents?["kind"] as? String, "markdown")
        let markdown = contents?["value"] as? String ?? ""
        let extract = try CLI.run(["extract", try CLI.temp("twin.txt", slipText)])
        let mentions = (try JSONSerialization.jsonObject(with: Data(extract.stdout.utf8)) as? [String: Any])?["mentions"] as? [[String: Any]] ?? []
        let money = try XCTUnwrap(mentions.first { ($0["text"] as? String) == "$8.46 billion" })
        for expected in ["**money** `$8.46 billion`", "8460000000 USD", "2024-01-01 – 2024-06-30", "`\(money["rule"] as! String)`"] {
            XCTAssertTrue(markdown.contains(expected), "\(expected) not in \(markdown)")
        }
        XCTAssertEqual(money["amount"] as? String ?? (money["amount"] as? NSNumber)?.stringValue, "8460000000")
        XCTAssertEqual((hoverResult?["range"] as? [String: Any])?["start"] as? [String: Int], ["line": 3, "character": dollar])
        // No mention under the cursor: null.
        let nothing = lsp.request(6, "textDocument/hover", ["textDocument": ["uri": uri], "position": ["line": 3, "character": 1]])
        XCTAssertTrue(nothing?["result"] is NSNull)

        // The quick fix: a suppression comment that, applied, silences the finding.
        let actions = lsp.request(7, "textDocument/codeAction", ["textDocument": ["uri": uri], "range": again[0]["range"]!,
                                                                  "context": ["diagnostics": again]])?["result"] as? [[String: Any]] ?? []
        XCTAssertEqual(actions.count, 1)
        XCTAssertEqual(actions.first?["kind"] as? String, "quickfix")
        let edits = ((actions.first?["edit"] as? [String: Any])?["changes"] as? [String: Any])?[uri] as? [[String: Any]] ?? []
        XCTAssertEqual(edits.first?["newText"] as? String, "<!-- tradefacts-disable-next-line period-year-contradiction: REASON -->\n")
        let suppressed = apply(edits, to: slipText)
        lsp.notify("textDocument/didChange", ["textDocument": ["uri": uri, "version": 5], "contentChanges": [["text": suppressed]]])
        XCTAssertEqual(lsp.diagnostics(uri, version: 5)?.count, 0)
        XCTAssertEqual(try check(suppressed, name: "suppressed.txt").count, 0, "check agrees that the suppression silences it")

        // Markdown: front matter date, no dateline; the same findings as check on the .md file.
        var markdownLines = ["---", "title: Fujian textiles", "date: 2025-07-18", "---", "# " + slipped[0], ""]
        markdownLines += slipped[2...].flatMap { [$0, ""] }
        let markdownText = markdownLines.joined(separator: "\n")
        let mdURI = TestScratch.root.appendingPathComponent("fujian.md").absoluteString
        lsp.notify("textDocument/didOpen", ["textDocument": ["uri": mdURI, "languageId": "markdown", "version": 1, "text": markdownText]])
        let md = lsp.diagnostics(mdURI, version: 1)
        XCTAssertEqual(md?.map { $0["code"] as? String }, ["period-year-contradiction"])
        try assertAgreesWithCheck(md, markdownText, name: "fujian.md", uri: mdURI)
        let mdActions = lsp.request(8, "textDocument/codeAction", ["textDocument": ["uri": mdURI], "range": md![0]["range"]!,
                                                                    "context": ["diagnostics": md!]])?["result"] as? [[String: Any]] ?? []
        let mdEdits = ((mdActions.first?["edit"] as? [String: Any])?["changes"] as? [String: Any])?[mdURI] as? [[String: Any]] ?? []
        lsp.notify("textDocument/didChange", ["textDocument": ["uri": mdURI, "version": 2], "contentChanges": [["text": apply(mdEdits, to: markdownText)]]])
        XCTAssertEqual(lsp.diagnostics(mdURI, version: 2)?.count, 0)

        // Closing clears; bad framing and bad JSON are answered or skipped, and the server goes on.
        lsp.notify("textDocument/didClose", ["textDocument": ["uri": mdURI]])
        XCTAssertEqual(lsp.next("cleared diagnostics") { (($0["params"] as? [String: Any])?["uri"] as? String) == mdURI }
            .flatMap { ($0["params"] as? [String: Any])?["diagnostics"] as? [Any] }?.count, 0)
        lsp.write(Array("Content-Length: nine\r\n\r\n{}".utf8))
        lsp.write(Array("Content-Length: 5\r\n\r\n{oops".utf8))
        XCTAssertEqual(errorCode(lsp.next("parse error") { $0["id"] is NSNull }), -32700)
        XCTAssertEqual(errorCode(lsp.request(9, "workspace/symbol", ["query": ""])), -32601)

        XCTAssertTrue(lsp.request(10, "shutdown", [:])?["result"] is NSNull)
        lsp.notify("exit")
        XCTAssertEqual(lsp.finish(closingInput: false), 0)
    }

    /// A whole session written at once (as `docs/lsp.md` pipes one in): the diagnostics of the
    /// document opened come before the answer to shutdown, and the exit code is 0.
    func testSessionPipedAtOnce() throws {
        let lsp = try LSPProcess()
        let text = try String(contentsOf: root.appendingPathComponent("fujian-textiles-year-slip.txt"), encoding: .utf8)
        let uri = root.appendingPathComponent("fujian-textiles-year-slip.txt").absoluteString
        var stream: [UInt8] = []
        for message: [String: Any] in [
            ["jsonrpc": "2.0", "id": 1, "method": "initialize", "params": ["capabilities": [:]]],
            ["jsonrpc": "2.0", "method": "initialized", "params": [:]],
            ["jsonrpc": "2.0", "method": "textDocument/didOpen", "params": ["textDocument": ["uri": uri, "languageId": "plaintext", "version": 1, "text": text]]],
            ["jsonrpc": "2.0", "id": 2, "method": "shutdown"],
            ["jsonrpc": "2.0", "method": "exit"],
        ] {
            let body = try JSONSerialization.data(withJSONObject: message)
            stream += Array("Content-Length: \(body.count)\r\n\r\n".utf8) + [UInt8](body)
        }
        lsp.write(stream)
        XCTAssertEqual(lsp.finish(), 0)
        let diagnostics = lsp.diagnostics(uri, version: 1)
        XCTAssertEqual(diagnostics?.map { $0["code"] as? String }, ["period-year-contradiction"])
        XCTAssertNotNil(lsp.next("the answer to shutdown") { ($0["id"] as? Int) == 2 })
    }

    func testExitCodesWithoutShutdown() throws {
        let early = try LSPProcess()
        XCTAssertEqual(errorCode(early.request(1, "shutdown", [:])), -32002, "shutdown before initialize")
        early.notify("exit")
        XCTAssertEqual(early.finish(closingInput: false), 1, "exit without shutdown")

        let closed = try LSPProcess()
        _ = closed.request(1, "initialize", ["capabilities": [:]])
        XCTAssertEqual(closed.finish(), 1, "the input ended without exit")
        XCTAssertTrue(closed.stderr.contains("ended without shutdown"))
    }
}
