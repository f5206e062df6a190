import Foundation
import XCTest
@testable import TradeFacts
@testable import TradeFactsLSP

/// A `LanguageServer` driven in the test process: messages in as JSON objects, everything it sends
/// collected and parsed.
final class InProcessServer {
    private(set) var sent: [[String: Any]] = []
    var logged: [String] = []
    lazy var server = LanguageServer(options: options, send: { [unowned self] body in
        self.sent.append((try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] ?? ["unparsed": String(decoding: body, as: UTF8.self)])
    }, log: { [unowned self] in self.logged.append($0) })
    let options: AnalyzerOptions

    init(options: AnalyzerOptions = AnalyzerOptions()) { self.options = options }

    /// Sends a message and returns what the server sent in answer (diagnostics published at the end).
    @discardableResult
    func send(_ message: [String: Any]) -> [[String: Any]] {
        send(raw: try! JSONSerialization.data(withJSONObject: message))
    }

    @discardableResult
    func send(raw: Data) -> [[String: Any]] {
        let before = sent.count
        server.handle([UInt8](raw))
        server.publishPendingDiagnostics()
        return Array(sent[before...])
    }

    func request(_ id: Int, _ method: String, _ params: [String: Any] = [:]) -> [String: Any]? {
        send(["jsonrpc": "2.0", "id": id, "method": method, "params": params]).first { ($0["id"] as? Int) == id }
    }

    func notify(_ method: String, _ params: [String: Any] = [:]) -> [[String: Any]] {
        send(["jsonrpc": "2.0", "method": method, "params": params])
    }

    func initialize() {
        _ = request(0, "initialize", ["capabilities": [:], "rootUri": NSNull()])
        _ = notify("initialized")
    }

    /// The diagnostics published for `uri` among `messages`.
    static func diagnostics(_ messages: [[String: Any]], _ uri: String) -> [[String: Any]]? {
        messages.last { ($0["method"] as? String) == "textDocument/publishDiagnostics" && (($0["params"] as? [String: Any])?["uri"] as? String) == uri }
            .flatMap { ($0["params"] as? [String: Any])?["diagnostics"] as? [[String: Any]] }
    }

    func open(_ uri: String, _ text: String, language: String = "plaintext", version: Int = 1) -> [[String: Any]]? {
        Self.diagnostics(notify("textDocument/didOpen", ["textDocument": ["uri": uri, "languageId": language, "version": version, "text": text]]), uri)
    }
}

func errorCode(_ response: [String: Any]?) -> Int? { (response?["error"] as? [String: Any])?["code"] as? Int }

/// The server's protocol behaviour in process: lifecycle, errors, sync, configuration, quick fixes.
final class LSPServerTests: XCTestCase {
    static let slip = try! String(contentsOf: Fixtures.packageRoot.appendingPathComponent("Corpus/fujian-textiles-year-slip.txt"), encoding: .utf8)
    static let consistent = try! String(contentsOf: Fixtures.packageRoot.appendingPathComponent("Corpus/fujian-textiles.txt"), encoding: .utf8)

    func testLifecycleAndErrors() {
        let s = InProcessServer()
        XCTAssertEqual(errorCode(s.request(1, "textDocument/hover")), JSONRPC.ErrorCode.serverNotInitialized.rawValue)
        XCTAssertTrue(s.notify("textDocument/didOpen", ["textDocument": ["uri": "file:///a.txt", "text": Self.slip]]).isEmpty,
                      "a notification before initialize is dropped")
        let initialized = s.request(2, "initialize", ["capabilities": ["general": ["positionEncodings": ["utf-32", "utf-16"]]]])
        let capabilities = (initialized?["result"] as? [String: Any])?["capabilities"] as? [String: Any]
        XCTAssertEqual(capabilities?["positionEncoding"] as? String, "utf-32")
        XCTAssertEqual(errorCode(s.request(3, "initialize")), JSONRPC.ErrorCode.invalidRequest.rawValue)
        XCTAssertEqual(errorCode(s.request(4, "textDocument/definition")), JSONRPC.ErrorCode.methodNotFound.rawValue)
        XCTAssertTrue(s.notify("custom/somethingElse").isEmpty, "an unknown notification is ignored")
        XCTAssertTrue(s.notify("$/cancelRequest", ["id": 4]).isEmpty)
        XCTAssertEqual(errorCode(s.request(5, "textDocument/hover", ["position": ["line": 0, "character": 0]])), JSONRPC.ErrorCode.invalidParams.rawValue)
        // Bodies that are not requests.
        for (raw, code) in [("{not json", -32700), ("[1,2]", -32600), (#"{"jsonrpc":"2.0","id":9}"#, -32600),
                            (#"{"jsonrpc":"2.0","id":9,"method":7}"#, -32600), (#"{"jsonrpc":"2.0","id":{"a":1},"method":"x"}"#, -32600),
                            (String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000), -32700)] {
            let out = s.send(raw: Data(raw.utf8))
            XCTAssertEqual(out.count, 1, raw)
            XCTAssertEqual(errorCode(out.first), code, String(raw.prefix(40)))
        }
        // A response to a request the server never sent is dropped.
        XCTAssertTrue(s.send(raw: Data(#"{"jsonrpc":"2.0","id":77,"result":null}"#.utf8)).isEmpty)
        XCTAssertNil(s.server.exitCode)
        XCTAssertTrue(s.request(6, "shutdown")?.keys.contains("result") ?? false)
        XCTAssertEqual(errorCode(s.request(7, "textDocument/hover")), JSONRPC.ErrorCode.invalidRequest.rawValue)
        _ = s.notify("exit")
        XCTAssertEqual(s.server.exitCode, 0)

        let early = InProcessServer()
        early.initialize()
        _ = early.notify("exit")
        XCTAssertEqual(early.server.exitCode, 1, "exit without shutdown")
    }

    func testIncrementalChangesGiveTheSameDiagnosticsAsTheWholeText() throws {
        let s = InProcessServer()
        s.initialize()
        let uri = "file:///nonexistent-folder/fujian.txt"
        XCTAssertEqual(s.open(uri, Self.consistent)?.count, 0)
        // Line 3 (0-based): "In the first half of this year, Fujian exported …": the year becomes 2024, and
        // an emoji and a CJK word go in front, in three changes whose positions count UTF-16 units.
        let edits: [[String: Any]] = [
            ["range": ["start": ["line": 3, "character": 21], "end": ["line": 3, "character": 30]], "text": "2024"],
            ["range": ["start": ["line": 3, "character": 0], "end": ["line": 3, "character": 0]], "text": "📈 福建 "],
            ["range": ["start": ["line": 3, "character": 2], "end": ["line": 3, "character": 3]], "text": "\u{00A0}"],
        ]
        let changed = InProcessServer.diagnostics(s.notify("textDocument/didChange", ["textDocument": ["uri": uri, "version": 2], "contentChanges": edits]), uri)
        var lines = Self.consistent.components(separatedBy: "\n")
        lines[3] = "📈\u{00A0}福建 " + lines[3].replacingOccurrences(of: "this year", with: "2024")
        let whole = InProcessServer()
        whole.initialize()
        let expected = whole.open(uri, lines.joined(separator: "\n"))
        XCTAssertEqual(changed?.map { $0["code"] as? String }, ["period-year-contradiction"])
        XCTAssertEqual(try JSONSerialization.data(withJSONObject: changed ?? [], options: .sortedKeys),
                       try JSONSerialization.data(withJSONObject: expected ?? [], options: .sortedKeys))
        let start = (changed?.first?["range"] as? [String: Any])?["start"] as? [String: Int]
        XCTAssertEqual(start, ["line": 3, "character": 2 + 1 + 2 + 1 + 3], "📈 (2 units), a no-break space, 福建, a space, then 'In '")
        // A change to a document that is not open, or without text, changes nothing and does not crash.
        XCTAssertTrue(s.notify("textDocument/didChange", ["textDocument": ["uri": "file:///other.txt"], "contentChanges": [["text": "x"]]]).isEmpty)
        // Closing clears its diagnostics.
        XCTAssertEqual(InProcessServer.diagnostics(s.notify("textDocument/didClose", ["textDocument": ["uri": uri]]), uri)?.count, 0)
    }

    func testByteOrderMarkIsCountedInPositions() {
        let s = InProcessServer()
        s.initialize()
        let plain = s.open("file:///x/a.txt", Self.slip)
        let marked = s.open("file:///x/b.txt", "\u{FEFF}" + Self.slip)
        func related(_ d: [[String: Any]]?) -> [Int] {
            ((d?.first?["relatedInformation"] as? [[String: Any]]) ?? []).compactMap {
                (((($0["location"] as? [String: Any])?["range"] as? [String: Any])?["start"] as? [String: Any])?["character"] as? Int)
            }
        }
        XCTAssertEqual(related(plain).first, 34)
        XCTAssertEqual(related(marked).first, 35, "U+FEFF is one UTF-16 unit on line 0")
    }

    /// A lone surrogate in the text (an editor's JavaScript string may hold one; JSON escapes it)
    /// is read as U+FFFD, also one UTF-16 unit: the document is checked and positions after it hold.
    func testLoneSurrogateEscapeIsOneUnit() throws {
        let s = InProcessServer()
        s.initialize()
        let escaped = try XCTUnwrap(String(data: JSONSerialization.data(withJSONObject: [Self.slip], options: .fragmentsAllowed), encoding: .utf8)?.dropFirst(2).dropLast(2))
        // "\ud800" before the headline's "the first half", a real pair "\ud83d\udcc8" (📈) and an escaped backslash "\\ud800" after it.
        let text = #"\ud800"# + escaped.replacingOccurrences(of: "cotton imports cool", with: #"cotton imports cool \ud83d\udcc8 \\ud800"#)
        let body = #"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///x/s.txt","languageId":"plaintext","version":1,"text":""# + text + #""}}}"#
        let out = s.send(raw: Data(body.utf8))
        let diagnostics = try XCTUnwrap(InProcessServer.diagnostics(out, "file:///x/s.txt"))
        XCTAssertEqual(diagnostics.map { $0["code"] as? String }, ["period-year-contradiction"])
        let first = (((diagnostics[0]["relatedInformation"] as? [[String: Any]])?.first?["location"] as? [String: Any])?["range"] as? [String: Any])?["start"] as? [String: Int]
        XCTAssertEqual(first, ["line": 0, "character": 35])
        XCTAssertEqual(JSONRPC.replacingLoneSurrogates(Array(#""a\ud83d\udcc8 \\ud800 \udc00""#.utf8)).map { String(decoding: $0, as: UTF8.self) },
                       #""a\ud83d\udcc8 \\ud800 \ufffd""#)
    }

    func testConfigurationIsFoundFromTheDocumentsFolder() throws {
        let dir = TestScratch.folder("lsp-config")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("articles"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent(".git"), withIntermediateDirectories: true)
        let config = dir.appendingPathComponent(".tradefacts.yml")
        try "checks:\n  period-year-contradiction: { severity: info }\n".write(to: config, atomically: true, encoding: .utf8)
        let s = InProcessServer()
        s.initialize()
        let uri = dir.appendingPathComponent("articles/fujian.txt").absoluteString
        XCTAssertEqual(s.open(uri, Self.slip)?.compactMap { $0["severity"] as? Int }, [3], "information, as configured")
        // A configuration that cannot be read is one error diagnostic naming the file and line.
        try "checks:\n  no-such-check: { enabled: false }\n".write(to: config, atomically: true, encoding: .utf8)
        _ = s.notify("workspace/didChangeConfiguration", ["settings": [:]])
        let broken = s.open(uri, Self.slip, version: 2)
        XCTAssertEqual(broken?.compactMap { $0["code"] as? String }, ["configuration"])
        XCTAssertTrue((broken?.first?["message"] as? String ?? "").contains(".tradefacts.yml:2"), "\(broken ?? [])")
        // --no-config ignores it.
        var options = AnalyzerOptions()
        options.noConfig = true
        let plain = InProcessServer(options: options)
        plain.initialize()
        XCTAssertEqual(plain.open(uri, Self.slip)?.compactMap { $0["severity"] as? Int }, [1])
    }

    func testQuickFixesMergeIntoAnExistingSuppressionAndRemoveUnusedOnes() throws {
        let s = InProcessServer()
        s.initialize()
        let uri = "file:///nowhere/merge.txt"
        var lines = Self.slip.components(separatedBy: "\n")
        lines.insert("<!-- tradefacts-disable-next-line weekday-mismatch: the day is right -->", at: 3)
        let diagnostics = s.open(uri, lines.joined(separator: "\n")) ?? []
        XCTAssertEqual(diagnostics.compactMap { $0["code"] as? String }.sorted(), ["period-year-contradiction", "unused-suppression"])
        let response = s.request(9, "textDocument/codeAction", ["textDocument": ["uri": uri],
                                                                  "range": ["start": ["line": 3, "character": 0], "end": ["line": 4, "character": 0]],
                                                                  "context": ["diagnostics": diagnostics]])
        let actions = response?["result"] as? [[String: Any]] ?? []
        let titles = actions.compactMap { $0["title"] as? String }
        XCTAssertEqual(titles.sorted(), ["Add period-year-contradiction to the suppression above", "Remove the unused suppression"])
        func edits(_ action: [String: Any]) -> [[String: Any]] {
            (((action["edit"] as? [String: Any])?["changes"] as? [String: Any])?[uri] as? [[String: Any]]) ?? []
        }
        let add = try XCTUnwrap(actions.first { ($0["title"] as? String)?.hasPrefix("Add") == true })
        XCTAssertEqual(edits(add).first?["newText"] as? String, ", period-year-contradiction")
        XCTAssertEqual(((edits(add).first?["range"] as? [String: Any])?["start"] as? [String: Int]), ["line": 3, "character": 50])
        lines[3] = "<!-- tradefacts-disable-next-line weekday-mismatch, period-year-contradiction: the day is right -->"
        let merged = InProcessServer.diagnostics(s.notify("textDocument/didChange", ["textDocument": ["uri": uri, "version": 2],
                                                                                        "contentChanges": [["text": lines.joined(separator: "\n")]]]), uri)
        XCTAssertEqual(merged?.count, 0, "\(merged ?? [])")
        // Removing an unused suppression removes its whole line.
        let remove = try XCTUnwrap(actions.first { ($0["title"] as? String)?.hasPrefix("Remove") == true })
        XCTAssertEqual(edits(remove).first?["newText"] as? String, "")
        XCTAssertEqual(edits(remove).first?["range"] as? [String: [String: Int]],
                       ["start": ["line": 3, "character": 0], "end": ["line": 4, "character": 0]])
        // A diagnostic whose range is out of the document (stale, or from a confused client) gets no action and no crash.
        for line in [-1, 1_000_000] {
            let stale = diagnostics.map { d -> [String: Any] in
                var d = d
                d["range"] = ["start": ["line": line, "character": 0], "end": ["line": line, "character": 0]]
                return d
            }
            let none = s.request(11, "textDocument/codeAction", ["textDocument": ["uri": uri], "range": ["start": ["line": 0, "character": 0], "end": ["line": 0, "character": 0]],
                                                                  "context": ["diagnostics": stale]])
            XCTAssertEqual((none?["result"] as? [Any])?.count, 0)
        }
        // Only quick fixes are offered.
        let refactor = s.request(10, "textDocument/codeAction", ["textDocument": ["uri": uri], "range": ["start": ["line": 0, "character": 0], "end": ["line": 0, "character": 0]],
                                                                  "context": ["diagnostics": diagnostics, "only": ["refactor"]]])
        XCTAssertEqual((refactor?["result"] as? [Any])?.count, 0)
    }

    /// A suppression comment in a Markdown article is read (it used to be blanked with the other HTML comments first).
    func testSuppressionCommentsWorkInMarkdown() {
        var lines = Self.slip.components(separatedBy: "\n")
        lines.insert("<!-- tradefacts-disable-next-line period-year-contradiction: the half is last year's -->", at: 3)
        let suppressed = Fixtures.engine.process(ArticleReader.articles(path: "a.md", raw: Array(lines.joined(separator: "\n").utf8))[0])
        XCTAssertEqual(suppressed.findings.map(\.check), [])
        lines[3] = "<!-- tradefacts-disable-next-line period-year-contradiction -->"
        let invalid = Fixtures.engine.process(ArticleReader.articles(path: "a.md", raw: Array(lines.joined(separator: "\n").utf8))[0])
        XCTAssertEqual(invalid.findings.map(\.check).sorted(), ["invalid-suppression", "period-year-contradiction"])
        // Any other comment is still blanked, and so is a suppression inside a code block.
        lines[3] = "<!-- a note: in 2019 -->\n```\n<!-- tradefacts-disable-next-line period-year-contradiction: in code -->\n```"
        let other = Fixtures.engine.process(ArticleReader.articles(path: "a.md", raw: Array(lines.joined(separator: "\n").utf8))[0])
        XCTAssertEqual(other.findings.map(\.check), ["period-year-contradiction"])
    }
}
