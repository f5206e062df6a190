import Foundation
import TradeFacts

/// A language server for trade and economic articles (LSP 3.17 over a byte stream): the findings
/// of `tradefacts check` as diagnostics while a Markdown or text article is edited, a hover that
/// shows what a figure or date was read as, and a quick fix that writes a suppression comment.
///
/// Messages go in through ``handle(_:)`` (one JSON body each); responses and notifications come
/// out through the `send` closure, one body each (unframed). ``serve(input:output:)`` runs the
/// whole exchange over file descriptors with the base protocol's framing. Nothing is written
/// anywhere but `send` and the `log` closure (standard error).
public final class LanguageServer {
    /// Where the server is in the protocol's lifecycle.
    enum State { case uninitialized, running, shutDown }

    private(set) var state = State.uninitialized
    /// Set by the `exit` notification: 0 after `shutdown`, else 1.
    public private(set) var exitCode: Int32?
    /// The position encoding agreed in `initialize`.
    public private(set) var encoding = PositionEncoding.utf16
    /// Log every message's method (`--verbose`).
    public var verbose = false

    private let send: ([UInt8]) -> Void
    private let log: (String) -> Void
    private let analyzer: DocumentAnalyzer
    private var documents: [String: OpenDocument] = [:]

    /// An open document: its text as the client has it, and the analysis of that text once made.
    struct OpenDocument {
        var languageId: String
        var version: Int?
        var bytes: [UInt8]
        var analysis: Analysis?
        /// Its diagnostics are to be published (it changed since they last were).
        var unpublished = true
    }

    /// An error answered to a request.
    struct RequestError: Error {
        let code: JSONRPC.ErrorCode
        let message: String
        init(_ code: JSONRPC.ErrorCode, _ message: String) { self.code = code; self.message = message }
    }

    /// A server that checks with `options`, sends message bodies to `send` and log lines to `log`.
    public init(options: AnalyzerOptions = AnalyzerOptions(), send: @escaping ([UInt8]) -> Void, log: @escaping (String) -> Void) {
        self.send = send
        self.log = log
        analyzer = DocumentAnalyzer(options: options)
    }

    // MARK: Messages

    /// Handles one message body. Bad JSON gets a parse error, a body that is not a request or a
    /// notification an invalid-request error (both with id null); nothing stops the server.
    public func handle(_ body: [UInt8]) {
        let message: JSONValue
        switch JSONRPC.parse(body) {
        case .failure(let failure):
            log("message ignored: \(failure.message)")
            send(JSONRPC.errorResponse(id: .null, code: .parseError, message: "parse error: \(failure.message)"))
            return
        case .success(let value): message = value
        }
        guard message.isObject else {
            send(JSONRPC.errorResponse(id: .null, code: .invalidRequest, message: "a message must be a JSON object"))
            return
        }
        let id = message["id"]
        guard let methodValue = message["method"] else {
            // A response to a request of ours (the server sends none) is dropped.
            if id != nil, message["result"] != nil || message["error"] != nil { return }
            send(JSONRPC.errorResponse(id: id ?? .null, code: .invalidRequest, message: "a request must have a method"))
            return
        }
        if let id, id.stringValue == nil, id.intValue == nil {
            send(JSONRPC.errorResponse(id: .null, code: .invalidRequest, message: "a request id must be a number or a string"))
            return
        }
        guard let method = methodValue.stringValue else {
            send(JSONRPC.errorResponse(id: id ?? .null, code: .invalidRequest, message: "method must be a string"))
            return
        }
        if verbose { log("\(id == nil ? "notification" : "request") \(method)") }
        let params = message["params"] ?? .null
        if let id { request(id: id, method: method, params: params) } else { notification(method: method, params: params) }
    }

    private func request(id: JSONValue, method: String, params: JSONValue) {
        do {
            let result: JSONValue
            switch (state, method) {
            case (.uninitialized, "initialize"): result = initialize(params)
            case (.uninitialized, _): throw RequestError(.serverNotInitialized, "the server is not initialized; send initialize first")
            case (.shutDown, _): throw RequestError(.invalidRequest, "the server is shut down; only exit is taken")
            case (.running, "initialize"): throw RequestError(.invalidRequest, "initialize may be sent only once")
            case (.running, "shutdown"):
                // Changes sent just before are still reported (a client that pipes a whole session in at once).
                publishPendingDiagnostics()
                state = .shutDown
                result = .null
            case (.running, "textDocument/hover"): result = try hover(params)
            case (.running, "textDocument/codeAction"): result = try codeActions(params)
            default: throw RequestError(.methodNotFound, "unknown method \(method)")
            }
            send(JSONRPC.response(id: id, result: result))
        } catch let e as RequestError {
            if e.code != .methodNotFound { log("\(method): \(e.message)") }
            send(JSONRPC.errorResponse(id: id, code: e.code, message: e.message))
        } catch {
            send(JSONRPC.errorResponse(id: id, code: .internalError, message: "\(error)"))
        }
    }

    private func notification(method: String, params: JSONValue) {
        if method == "exit" {
            exitCode = state == .shutDown ? 0 : 1
            return
        }
        guard state == .running else {
            if verbose { log("\(method) ignored: the server is \(state == .uninitialized ? "not initialized" : "shut down")") }
            return
        }
        switch method {
        case "textDocument/didOpen": didOpen(params)
        case "textDocument/didChange": didChange(params)
        case "textDocument/didClose": didClose(params)
        case "workspace/didChangeConfiguration", "workspace/didChangeWatchedFiles":
            // A configuration or rule file may have changed: rebuild engines, check everything again.
            analyzer.reset()
            for uri in documents.keys { documents[uri]?.analysis = nil; documents[uri]?.unpublished = true }
        default: break  // initialized, didSave, $/cancelRequest, $/setTrace, and anything unknown
        }
    }

    // MARK: Lifecycle

    private func initialize(_ params: JSONValue) -> JSONValue {
        state = .running
        let offered = params.at("capabilities", "general", "positionEncodings")?.arrayValue?.compactMap(\.stringValue) ?? []
        encoding = PositionEncoding.negotiate(offered)
        let root = params["rootUri"]?.stringValue.flatMap(DocumentAnalyzer.path(ofURI:))
            ?? params["workspaceFolders"]?.arrayValue?.first?["uri"]?.stringValue.flatMap(DocumentAnalyzer.path(ofURI:))
            ?? params["rootPath"]?.stringValue
        analyzer.workspaceRoot = root
        let capabilities = JSONValue.object([
            ("positionEncoding", .string(encoding.rawValue)),
            ("textDocumentSync", .object([("openClose", .bool(true)), ("change", .int(2))])),  // 2: incremental
            ("hoverProvider", .bool(true)),
            ("codeActionProvider", .object([("codeActionKinds", .array([.string("quickfix")]))])),
        ])
        return .object([
            ("capabilities", capabilities),
            ("serverInfo", .object([("name", .string("tradefacts")), ("version", .string(TradeFactsVersion.string))])),
        ])
    }

    // MARK: Documents

    private func didOpen(_ params: JSONValue) {
        guard let uri = params.at("textDocument", "uri")?.stringValue, let text = params.at("textDocument", "text")?.stringValue else {
            log("textDocument/didOpen without textDocument.uri and text; ignored")
            return
        }
        let languageId = params.at("textDocument", "languageId")?.stringValue ?? ""
        documents[uri] = OpenDocument(languageId: languageId, version: params.at("textDocument", "version")?.intValue, bytes: Array(text.utf8))
    }

    private func didChange(_ params: JSONValue) {
        guard let uri = params.at("textDocument", "uri")?.stringValue, var document = documents[uri] else {
            log("textDocument/didChange for a document that is not open; ignored")
            return
        }
        guard let changes = params["contentChanges"]?.arrayValue else {
            log("textDocument/didChange without contentChanges; ignored")
            return
        }
        for change in changes {
            guard let text = change["text"]?.stringValue else {
                log("a content change without text; ignored")
                continue
            }
            if let range = change["range"] {
                guard let start = Self.position(range["start"]), let end = Self.position(range["end"]) else {
                    log("a content change with a malformed range; ignored")
                    continue
                }
                let map = PositionMap(document.bytes, encoding: encoding)
                document.bytes.replaceSubrange(map.byteRange(from: start, to: end), with: Array(text.utf8))
            } else {
                document.bytes = Array(text.utf8)
            }
        }
        document.version = params.at("textDocument", "version")?.intValue ?? document.version
        document.analysis = nil
        document.unpublished = true
        documents[uri] = document
    }

    private func didClose(_ params: JSONValue) {
        guard let uri = params.at("textDocument", "uri")?.stringValue else { return }
        guard documents.removeValue(forKey: uri) != nil else { return }
        publish(uri: uri, version: nil, diagnostics: [])
    }

    /// The analysis of the document's current text, made now when it changed since the last one.
    private func analysis(of uri: String) -> Analysis? {
        guard var document = documents[uri] else { return nil }
        if let done = document.analysis { return done }
        let analysis = analyzer.analyze(uri: uri, bytes: document.bytes, languageId: document.languageId, encoding: encoding)
        if let skipped = analysis.skipped { log("\(uri): not checked: \(skipped)") }
        if let problem = analysis.problem { log("\(uri): \(problem)") }
        for warning in analysis.result?.warnings ?? [] { log("\(uri): warning: \(warning)") }
        document.analysis = analysis
        documents[uri] = document
        return analysis
    }

    /// Publishes the diagnostics of every document changed since its last ones: called once the
    /// messages at hand are handled, so that a burst of changes is checked once.
    public func publishPendingDiagnostics() {
        guard state == .running else { return }
        for uri in documents.keys.sorted() where documents[uri]?.unpublished == true {
            guard let analysis = analysis(of: uri) else { continue }
            documents[uri]?.unpublished = false
            publish(uri: uri, version: documents[uri]?.version, diagnostics: LSPFeatures.diagnostics(analysis, uri: uri))
        }
    }

    private func publish(uri: String, version: Int?, diagnostics: [JSONValue]) {
        var params = JSONObjectBuilder()
        params.add("uri", uri)
        params.add("version", version)
        params.add("diagnostics", JSONValue.array(diagnostics))
        send(JSONRPC.notification(method: "textDocument/publishDiagnostics", params: params.value))
    }

    // MARK: Requests on a document

    static func position(_ value: JSONValue?) -> LSPPosition? {
        guard let line = value?["line"]?.intValue, let character = value?["character"]?.intValue else { return nil }
        return LSPPosition(line: line, character: character)
    }

    /// The open document and its analysis named by `params.textDocument.uri`.
    private func target(_ params: JSONValue) throws -> (String, OpenDocument, Analysis) {
        guard let uri = params.at("textDocument", "uri")?.stringValue else {
            throw RequestError(.invalidParams, "textDocument.uri is missing")
        }
        guard let analysis = analysis(of: uri), let document = documents[uri] else {
            throw RequestError(.invalidParams, "\(uri) is not open")
        }
        return (uri, document, analysis)
    }

    private func hover(_ params: JSONValue) throws -> JSONValue {
        let (_, _, analysis) = try target(params)
        guard let position = Self.position(params["position"]) else { throw RequestError(.invalidParams, "position is missing") }
        return LSPFeatures.hover(analysis, at: analysis.map.offset(of: position)) ?? .null
    }

    private func codeActions(_ params: JSONValue) throws -> JSONValue {
        let (uri, document, analysis) = try target(params)
        if let only = params.at("context", "only")?.arrayValue?.compactMap(\.stringValue),
           !only.contains(where: { $0 == "quickfix" || $0 == "" }) {
            return .array([])
        }
        let diagnostics = params.at("context", "diagnostics")?.arrayValue ?? []
        return .array(LSPFeatures.codeActions(for: diagnostics, uri: uri, bytes: document.bytes, map: analysis.map))
    }

    // MARK: Serving a stream

    /// Serves the client on `input` and `output` (standard input and output by default) until the
    /// `exit` notification or the end of the input, and returns the exit code: 0 when `shutdown`
    /// came first, else 1. Framing errors are logged and skipped; a closed output ends nothing
    /// (what is sent is dropped) until the input ends.
    public static func serve(options: AnalyzerOptions, verbose: Bool = false, input: Int32 = 0, output: Int32 = 1,
                             log: @escaping (String) -> Void) -> Int32 {
        signal(SIGPIPE, SIG_IGN)
        var outputOpen = true
        let server = LanguageServer(options: options, send: { body in
            guard outputOpen else { return }
            outputOpen = writeAll(output, MessageFramer.frame(body))
            if !outputOpen { log("the output is closed; messages are dropped") }
        }, log: log)
        server.verbose = verbose
        var framer = MessageFramer()
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                log("cannot read the input: \(String(cString: strerror(errno)))")
                return 1
            }
            if n == 0 {
                if server.state != .shutDown { log("the input ended without shutdown and exit") }
                return server.state == .shutDown ? 0 : 1
            }
            framer.append(chunk[0..<n])
            while let event = framer.next() {
                switch event {
                case .message(let body): server.handle(body)
                case .error(let problem): log("framing: \(problem)")
                }
                if let code = server.exitCode { return code }
            }
            server.publishPendingDiagnostics()
        }
    }

    /// Writes all of `bytes` to `fd`; false when it cannot (the reader is gone).
    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + done, bytes.count - done) }
            if n < 0 { if errno == EINTR { continue }; return false }
            done += n
        }
        return true
    }
}
