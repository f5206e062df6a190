import Foundation
import TradeFactsCLI
import PCRE2Kit
import TradeFacts

/// The bodies of the libFuzzer targets (`Sources/Fuzz*`), kept in a library so that the test suite
/// replays every crash the fuzzers found (`FuzzRegressionTests`) without a fuzzing build.
///
/// Each entry point takes arbitrary bytes, must return without crashing or hanging, and checks the
/// invariants that hold for every input (spans inside the document, a result for every record). It
/// returns the invariants the input broke, empty when none: the fuzz targets stop on the first
/// (``require(_:)``), the tests report them as failures and go on.
public enum FuzzHarness {
    /// One engine with the embedded rules, built once per process.
    public static let engine: Engine = try! Engine(ruleSet: RuleSet.embedded())

    /// A reference date chosen by the input's first byte (or none), so dated and undated paths both run.
    static func date(_ data: [UInt8]) -> CalendarDate? {
        guard let b = data.first, b & 1 == 1 else { return nil }
        return CalendarDate(iso: "2025-10-03")
    }

    /// The entry points by the name `scripts/fuzz` and `TRADEFACTS_FUZZ_TARGET` give them.
    public static let entryPointNames = ["pipeline", "markdown", "jsonl", "rules", "jsonchunks", "config", "cli"]

    /// The entry point called `name` (see ``entryPointNames``), or nil.
    public static func entryPoint(named name: String) -> (([UInt8]) -> [String])? {
        switch name {
        case "pipeline": return { pipeline($0) }
        case "markdown": return { markdown($0) }
        case "jsonl": return { jsonLines($0) }
        case "rules": return { rules($0) }
        case "jsonchunks": return { jsonLinesChunked($0) }
        case "config": return { configuration($0) }
        case "cli": return { commandLine($0) }
        default: return nil
        }
    }

    /// Stops the process when `violations` is not empty: what a fuzz target does with an entry
    /// point's result, so that libFuzzer saves the input.
    public static func require(_ violations: [String]) {
        if let first = violations.first { preconditionFailure(first) }
    }

    /// The whole pipeline on a plain-text document: extract, records, checks, JSON output.
    @discardableResult
    public static func pipeline(_ data: [UInt8]) -> [String] {
        ArticleReader.articles(path: "fuzz.txt", raw: data, format: .text).flatMap(run)
    }

    /// The Markdown reader (front matter, blanked code and comments) then the pipeline.
    @discardableResult
    public static func markdown(_ data: [UInt8]) -> [String] {
        let articles = ArticleReader.articles(path: "fuzz.md", raw: data, format: .markdown)
        guard articles.count == 1 else { return ["a Markdown file is one article, not \(articles.count)"] }
        let decodedCount = InputDecoder.decode(data).bytes.count
        var violations: [String] = []
        if articles[0].bytes.count != decodedCount { violations.append("Markdown blanking changed the length") }
        return violations + articles.flatMap(run)
    }

    /// The JSON Lines reader: every non-blank line gives one article (or one error), then the pipeline.
    @discardableResult
    public static func jsonLines(_ data: [UInt8]) -> [String] {
        let articles = ArticleReader.articles(path: "fuzz.jsonl", raw: data, format: .jsonl)
        let decoded = InputDecoder.decode(data).bytes
        // Lines end at LF, or at a CR that no LF follows (as the reader splits them).
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        while start <= decoded.count {
            var end = start
            while end < decoded.count, decoded[end] != 0x0A, !(decoded[end] == 0x0D && (end + 1 >= decoded.count || decoded[end + 1] != 0x0A)) { end += 1 }
            lines.append(decoded[start..<end])
            start = end + 1
        }
        lines = lines.filter { !$0.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D } }
        var violations: [String] = []
        if articles.count != lines.count { violations.append("JSON Lines: \(lines.count) record(s) but \(articles.count) article(s)") }
        return violations + articles.flatMap(run)
    }

    /// JSON Lines read in chunks of whole lines, as a stream or a Spark partition delivers them:
    /// the input's first byte picks the chunk size (1 to 256 bytes), the rest is the file. Every
    /// record must come out exactly as when the file is read whole (same id, error, text, date,
    /// line number), whatever the chunks.
    @discardableResult
    public static func jsonLinesChunked(_ data: [UInt8]) -> [String] {
        guard let first = data.first else { return [] }
        let size = Int(first) + 1
        let raw = Array(data.dropFirst())
        let whole = ArticleReader.articles(path: "fuzz.jsonl", raw: raw, format: .jsonl)
        // UTF-16 (a byte-order mark) is decoded as it is read, in pieces of the chunk size, and the
        // UTF-8 is then cut into chunks of lines, as the batch runner reads it (LineChunkReader).
        var file = raw
        if InputDecoder.hasUTF16ByteOrderMark(raw) {
            var decoder = UTF16StreamDecoder(littleEndian: raw[0] == 0xFF)
            file = []
            var i = 2
            while i < raw.count { file += decoder.feed(raw[i..<min(i + size, raw.count)]); i += size }
            file += decoder.finish()
        }
        var chunked: [Article] = []
        var start = 0, line = 1
        while start < file.count {
            // Cut after the last line break within the chunk size, else after the first one beyond it.
            let limit = min(file.count, start + size)
            let cut = file[start..<limit].lastIndex(of: 0x0A).map { $0 + 1 }
                ?? file[limit...].firstIndex(of: 0x0A).map { $0 + 1 } ?? file.count
            let chunk = Array(file[start..<cut])
            chunked += ArticleReader.articles(path: "fuzz.jsonl", raw: chunk, format: .jsonl, firstLine: line)
            line += ArticleReader.lineBreaks(chunk)
            start = cut
        }
        func summary(_ a: Article) -> String {
            "\(a.id)|\(a.error ?? "")|\(a.bytes.count)|\(a.bytes.hashValue)|\(a.referenceDate?.iso ?? "")|\(a.origin?.line ?? 0)"
        }
        let w = whole.map(summary), c = chunked.map(summary)
        guard w == c else {
            let at = zip(w, c).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(w.count, c.count)
            return ["JSON Lines in chunks of \(size) bytes: \(c.count) article(s), read whole \(w.count); first difference at \(at): \(c.dropFirst(at).first ?? "none") against \(w.dropFirst(at).first ?? "none")"]
        }
        return []
    }

    /// A command line (arguments separated by NUL or line-feed bytes, at most 32), parsed by the
    /// commands of `tradefacts` exactly as the executable parses its own, and validated, but not
    /// run: a parse or validation error must be an error ArgumentParser can describe, with an
    /// exit code of 0 (help, version), 2 (usage: 64 is mapped to 2 by `main`) or one the commands
    /// throw, and a usage message; nothing may crash or trap (an option's value, a date, a count).
    @discardableResult
    public static func commandLine(_ data: [UInt8]) -> [String] {
        let arguments = data.split(omittingEmptySubsequences: false) { $0 == 0 || $0 == 0x0A }.prefix(32).map { String(decoding: $0, as: UTF8.self) }
        do {
            _ = try TradeFactsCommand.parseAsRoot(arguments)
            return []
        } catch {
            let message = TradeFactsCommand.fullMessage(for: error)
            let code = TradeFactsCommand.exitCode(for: error).rawValue
            if ![0, 1, 2, 3, 64].contains(code) { return ["command line \(arguments): exit code \(code) for \(error)"] }
            if code != 0 && message.isEmpty { return ["command line \(arguments): an error without a message (\(error))"] }
            return []
        }
    }

    /// A `.tradefacts.yml` file: it loads or is refused with a RuleError that gives a line (never
    /// line 0 for a file with content) and quotes no line of the file longer than a token.
    @discardableResult
    public static func configuration(_ data: [UInt8]) -> [String] {
        let dir = NSTemporaryDirectory() + "tradefacts-fuzz-config-\(getpid())"
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let path = dir + "/.tradefacts.yml"
        guard FileManager.default.createFile(atPath: path, contents: Data(data)) else { return [] }
        do {
            _ = try Configuration.load(path: path)
            return []
        } catch let e as RuleError {
            return configurationViolations([e], data)
        } catch let e as ConfigurationErrors {
            return e.errors.isEmpty ? ["configuration: refused without an error"] : configurationViolations(e.errors, data)
        } catch {
            return ["configuration: an error that is not a RuleError: \(error)"]
        }
    }

    /// What is wrong with the errors a configuration file got: line 0 for a file with content, or a
    /// whole line of the file quoted.
    static func configurationViolations(_ errors: [RuleError], _ data: [UInt8]) -> [String] {
        var violations: [String] = []
        for e in errors {
            let message = "\(e)"
            if !data.isEmpty, e.line == 0 { violations.append("configuration error at line 0: \(message.prefix(200))") }
            // Compared as bytes: Foundation's `contains` stops at a NUL, so a line "d" followed by NULs
            // was found in any message holding a "d" (a false report of the fuzzer, 2026-12-03).
            let said = Array(message.utf8)
            for line in data.split(separator: 0x0A) where line.count > 64 {
                if said.firstIndex(of: Array(line)) != nil { violations.append("configuration error quotes a whole line of the file: \(message.prefix(200))") }
            }
        }
        return violations
    }

    /// The rule loader on one YAML file; when it loads, its rules run over a short text.
    @discardableResult
    public static func rules(_ data: [UInt8]) -> [String] {
        let text = String(decoding: data, as: UTF8.self)
        guard let ruleSet = try? RuleSet(sources: [[RuleSet.RuleSource(path: "fuzz.yaml", text: text)]]) else { return [] }
        var violations: [String] = []
        let subject = Array("In the first nine months of 2024, Jilin exported auto parts worth $22.13 million, up 87.4% aaaaaaaaaaaaaaaaaaaaaaaaa!".utf8)
        let scratch = MatchScratch()
        for rule in ruleSet.rules {
            subject.withUnsafeBufferPointer { buffer in
                var count = 0
                try? rule.pattern.forEachMatch(in: buffer, scratch: scratch) { m in
                    if m.range.lowerBound < 0 || m.range.upperBound > buffer.count {
                        violations.append("rule \(rule.id): match \(m.range) outside the subject")
                    }
                    count += 1
                    return count < 1000
                }
            }
        }
        return violations
    }

    static func run(_ article: Article) -> [String] {
        var violations: [String] = []
        var article = article
        if article.error == nil, article.referenceDate == nil { article.referenceDate = date(article.bytes) }
        let result = engine.process(article)
        if let extraction = result.extraction {
            let n = extraction.document.bytes.count
            for m in extraction.mentions {
                if !(m.span.start >= 0 && m.span.start <= m.span.end && m.span.end <= n) {
                    violations.append("mention \(m.rule) span \(m.span.start)..<\(m.span.end) outside the document of \(n) bytes")
                }
            }
            for f in result.findings {
                if !(f.span.start >= 0 && f.span.start <= f.span.end && f.span.end <= n) {
                    violations.append("finding \(f.check) span \(f.span.start)..<\(f.span.end) outside the document of \(n) bytes")
                }
            }
        }
        _ = result.json().serialized()
        return violations
    }
}
