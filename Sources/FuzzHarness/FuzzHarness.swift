import Foundation
import PCRE2Kit
import TradeFacts

/// The bodies of the libFuzzer targets (`Sources/Fuzz*`), kept in a library so that the test suite
/// replays every crash the fuzzers found (`FuzzRegressionTests`) without a fuzzing build.
///
/// Each entry point takes arbitrary bytes, must return without crashing or hanging, and checks the
/// invariants that hold for every input (spans inside the document, a result for every record).
public enum FuzzHarness {
    /// One engine with the embedded rules, built once per process.
    public static let engine: Engine = try! Engine(ruleSet: RuleSet.embedded())

    /// A reference date chosen by the input's first byte (or none), so dated and undated paths both run.
    static func date(_ data: [UInt8]) -> CalendarDate? {
        guard let b = data.first, b & 1 == 1 else { return nil }
        return CalendarDate(iso: "2025-10-03")
    }

    /// The whole pipeline on a plain-text document: extract, records, checks, JSON output.
    public static func pipeline(_ data: [UInt8]) {
        for article in ArticleReader.articles(path: "fuzz.txt", raw: data, format: .text) {
            run(article)
        }
    }

    /// The Markdown reader (front matter, blanked code and comments) then the pipeline.
    public static func markdown(_ data: [UInt8]) {
        let articles = ArticleReader.articles(path: "fuzz.md", raw: data, format: .markdown)
        precondition(articles.count == 1, "a Markdown file is one article")
        let decodedCount = InputDecoder.decode(data).bytes.count
        precondition(articles[0].bytes.count == decodedCount, "Markdown blanking changed the length")
        for article in articles { run(article) }
    }

    /// The JSON Lines reader: every non-blank line gives one article (or one error), then the pipeline.
    public static func jsonLines(_ data: [UInt8]) {
        let articles = ArticleReader.articles(path: "fuzz.jsonl", raw: data, format: .jsonl)
        let decoded = InputDecoder.decode(data).bytes
        let lines = decoded.split(separator: 0x0A, omittingEmptySubsequences: false)
            .filter { !$0.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D } }
        precondition(articles.count == lines.count, "JSON Lines: \(lines.count) record(s) but \(articles.count) article(s)")
        for article in articles { run(article) }
    }

    /// The rule loader on one YAML file; when it loads, its rules run over a short text.
    public static func rules(_ data: [UInt8]) {
        let text = String(decoding: data, as: UTF8.self)
        guard let ruleSet = try? RuleSet(sources: [[RuleSet.RuleSource(path: "fuzz.yaml", text: text)]]) else { return }
        let subject = Array("In the first nine months of 2024, Jilin exported auto parts worth $22.13 million, up 87.4% aaaaaaaaaaaaaaaaaaaaaaaaa!".utf8)
        let scratch = MatchScratch()
        for rule in ruleSet.rules {
            subject.withUnsafeBufferPointer { buffer in
                var count = 0
                try? rule.pattern.forEachMatch(in: buffer, scratch: scratch) { m in
                    precondition(m.range.lowerBound >= 0 && m.range.upperBound <= buffer.count)
                    count += 1
                    return count < 1000
                }
            }
        }
    }

    static func run(_ article: Article) {
        var article = article
        if article.error == nil, article.referenceDate == nil { article.referenceDate = date(article.bytes) }
        let result = engine.process(article)
        if let extraction = result.extraction {
            let n = extraction.document.bytes.count
            for m in extraction.mentions {
                precondition(m.span.start >= 0 && m.span.start <= m.span.end && m.span.end <= n, "mention span outside the document")
            }
            for f in result.findings {
                precondition(f.span.start >= 0 && f.span.start <= f.span.end && f.span.end <= n, "finding span outside the document")
            }
        }
        _ = result.json().serialized()
    }
}
