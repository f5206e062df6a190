import Foundation
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
        let lines = decoded.split(separator: 0x0A, omittingEmptySubsequences: false)
            .filter { !$0.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D } }
        var violations: [String] = []
        if articles.count != lines.count { violations.append("JSON Lines: \(lines.count) record(s) but \(articles.count) article(s)") }
        return violations + articles.flatMap(run)
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
