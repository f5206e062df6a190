import Foundation
import PCRE2Kit
import TradeFacts

/// How the server reads configuration and dates: what `tradefacts lsp`'s options say.
public struct AnalyzerOptions: Sendable {
    /// A reference date for every document (`--date`), over its front matter and dateline.
    public var referenceDate: CalendarDate? = nil
    /// A configuration file for every document (`--config`), instead of the nearest `.tradefacts.yml`.
    public var configPath: String? = nil
    /// Ignore `.tradefacts.yml` files (`--no-config`).
    public var noConfig = false
    /// Rule folders read after the configuration's (`--rules`).
    public var extraRuleDirectories: [String] = []
    /// Read a configuration's rule folders outside its repository (`--allow-outside-rules`).
    public var allowOutsideRules = false
    /// Options with every default: the nearest configuration, the documents' own dates.
    public init() {}
}

/// What the engine made of one version of an open document.
struct Analysis {
    /// The engine's result; nil when the document was not checked (see ``problem`` and ``skipped``).
    var result: DocumentResult?
    /// Positions of the text analysed, in the negotiated encoding.
    var map: PositionMap
    /// Why the document could not be checked (a configuration or rule error): one diagnostic.
    var problem: String?
    /// Why the document is not checked on purpose (JSON Lines): no diagnostics.
    var skipped: String?
}

/// Runs the `check` pipeline over open documents: the configuration in force for the document's
/// path (the nearest `.tradefacts.yml` from its folder up to its repository's root, as `check`
/// finds it from where it runs), its rules, checks, severities and tolerances, the reader of
/// `check` (Markdown front matter, code and comments; the dateline), the engine and its suppressions.
///
/// One engine is kept per configuration file and rebuilt when the file changes (its size or
/// modification time); ``reset()`` drops them all.
final class DocumentAnalyzer {
    let options: AnalyzerOptions
    /// The folder searched for a configuration for documents that are not files (`untitled:`).
    var workspaceRoot: String?
    private var engines: [String: CachedEngine] = [:]

    private struct CachedEngine {
        let stamp: [Int]
        let outcome: Result<(Configuration, Engine), SetupError>
    }

    struct SetupError: Error, CustomStringConvertible { let description: String }

    init(options: AnalyzerOptions) { self.options = options }

    /// Forgets every engine and configuration (`workspace/didChangeConfiguration`).
    func reset() { engines = [:] }

    /// The file path of a `file:` URI, percent-decoded; nil for any other scheme.
    static func path(ofURI uri: String) -> String? {
        guard let url = URL(string: uri), url.isFileURL else { return nil }
        let path = url.path
        return path.isEmpty ? nil : path
    }

    /// How a document is read: Markdown for the `markdown` language or a `.md`/`.markdown` file,
    /// JSON Lines (not checked here) for a `.jsonl`/`.ndjson` file, else plain text.
    static func format(path: String?, languageId: String) -> InputFormat {
        switch languageId.lowercased() {
        case "markdown": return .markdown
        case "plaintext", "text": return .text
        case "jsonl", "jsonlines", "ndjson": return .jsonl
        default: return ArticleReader.resolvedFormat(path: path ?? "", declared: .auto, start: [UInt8]())
        }
    }

    /// The configuration file for a document at `path` (nil: not a file), or nil for none.
    func configurationPath(for path: String?) -> String? {
        if options.noConfig { return nil }
        if let given = options.configPath { return given }
        let folder = path.map { URL(fileURLWithPath: $0).deletingLastPathComponent().path }
            ?? workspaceRoot ?? FileManager.default.currentDirectoryPath
        return Configuration.find(from: folder)
    }

    /// The configuration and engine for a configuration file (nil: none), built or reused.
    func engine(configPath: String?) -> Result<(Configuration, Engine), SetupError> {
        let key = configPath ?? ""
        let stamp = configPath.map(Self.stamp(of:)) ?? []
        if let cached = engines[key], cached.stamp == stamp { return cached.outcome }
        let outcome: Result<(Configuration, Engine), SetupError>
        do {
            var config = Configuration()
            if let configPath { config = try Configuration.load(path: configPath, allowOutsideRules: options.allowOutsideRules) }
            let engine = try Engine(ruleSet: RuleSet.load(extraDirectories: config.ruleDirectories + options.extraRuleDirectories),
                                    checks: config.checks, severities: config.severities, settings: config.settings)
            outcome = .success((config, engine))
        } catch let e as PCRE2Error {
            outcome = .failure(SetupError(description: "a pattern does not compile with the definitions in force: \(e)"))
        } catch {
            outcome = .failure(SetupError(description: "\(error)"))
        }
        engines[key] = CachedEngine(stamp: stamp, outcome: outcome)
        return outcome
    }

    /// The size and modification time of a file (empty when it cannot be read), to tell an edited configuration.
    static func stamp(of path: String) -> [Int] {
        var info = stat()
        guard stat(path, &info) == 0 else { return [] }
        #if canImport(Darwin)
        let time = info.st_mtimespec
        #else
        let time = info.st_mtim
        #endif
        return [Int(info.st_size), Int(time.tv_sec), Int(time.tv_nsec), Int(info.st_ino)]
    }

    /// Checks `bytes`, the text of the document at `uri` in language `languageId`, as `tradefacts
    /// check` checks the same text in a file at the same path.
    func analyze(uri: String, bytes: [UInt8], languageId: String, encoding: PositionEncoding) -> Analysis {
        let map = PositionMap(bytes, encoding: encoding)
        let path = Self.path(ofURI: uri)
        let format = Self.format(path: path, languageId: languageId)
        if format == .jsonl {
            return Analysis(result: nil, map: map, problem: nil, skipped: "a JSON Lines file holds many articles; check it with tradefacts check")
        }
        if bytes.count > Inputs.maxInputBytes {
            return Analysis(result: nil, map: map, problem: "the document is larger than \(Inputs.maxInputBytes >> 20) MB; not checked", skipped: nil)
        }
        let config: Configuration, engine: Engine
        switch self.engine(configPath: configurationPath(for: path)) {
        case .failure(let e): return Analysis(result: nil, map: map, problem: e.description, skipped: nil)
        case .success(let pair): (config, engine) = pair
        }
        guard var article = ArticleReader.articles(path: path ?? uri, raw: bytes, format: format).first else {
            return Analysis(result: nil, map: map, problem: nil, skipped: "nothing to read")
        }
        if config.referenceDate == .dateline { article.referenceDate = nil }
        let result = engine.process(article, referenceDate: options.referenceDate)
        if let error = result.error { return Analysis(result: nil, map: map, problem: error, skipped: nil) }
        return Analysis(result: result, map: map, problem: nil, skipped: nil)
    }
}
