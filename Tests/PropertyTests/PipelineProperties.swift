import Foundation
import PropertyBased
import Testing
@testable import TradeFacts

/// Properties of the whole pipeline over generated articles (swift-property-based, Swift Testing).
/// `scripts/test` runs these after the XCTest suite.
enum Shared {
    static let engine: Engine = try! Engine(ruleSet: RuleSet.embedded())
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Pieces of trade-news prose (figures, dates, periods, changes, counts) and of hostile text.
    static let fragments: [String] = [
        "BEIJING, Oct. 3, 2025 -- ", "October 03 10:04:53, 2025\n", "Jilin exported auto parts worth $22.13 million",
        " in the first nine months of 2024", ", up 87.4% year-on-year", ", compared to 2004.", " Imports fell 3 pct to 490 mln dlrs.",
        " The surplus narrowed to 4.3 billion", " from 7.79 billion a year earlier.", " with 64 countries and regions, including the United States",
        " since October 2004.", " in the first three quarters of this year", " the same period last year", " €1.2bn", " £5 million",
        " rose 1% from 5% to 6%", " February 30, 2025", " Tuesday, October 3, 2025", " Hong Kong", " 13 lakh", " two and a half million dollars",
        "\n", "\n\n", " ", "\t", "\r\n", " 日本の輸出 ", " café ", " \u{0}", "\u{FEFF}", " U.S. ", " Mr. Smith said.", " (", ")", "\"", "“quoted”",
        "<!-- tradefacts-disable-next-line yoy-base-year: on purpose -->\n", " Q3", " 1986/87", " next April", " last Friday",
    ]

    static func text(_ parts: [String]) -> String { parts.joined() }

    static func mentionsJSON(_ r: DocumentResult) -> String {
        JSONValue.array((r.extraction?.mentions ?? []).map { $0.json(in: r.extraction!.document) }).serialized()
    }
}

@Suite struct PipelineProperties {
    @Test func spansLieInsideTheDocumentAndTheirTextIsTheSlice() async {
        await propertyCheck(count: 150, input: Gen<String?>.element(of: Shared.fragments).map { $0! }.array(of: 1...14), Gen.bool) { parts, dated in
            let text = Shared.text(parts)
            let bytes = Array(text.utf8)
            let date = dated ? CalendarDate(iso: "2025-10-03") : nil
            let r = Shared.engine.process(Document(id: "p", bytes: bytes, referenceDate: date))
            guard let ex = r.extraction else { Issue.record("no extraction"); return }
            for m in ex.mentions {
                #expect(m.span.start >= 0 && m.span.start < m.span.end && m.span.end <= bytes.count, "mention \(m.text) \(m.span) in \(text.debugDescription)")
                if m.span.start >= 0 && m.span.end <= bytes.count && m.span.start <= m.span.end {
                    #expect(String(decoding: bytes[m.span.start..<m.span.end], as: UTF8.self) == m.text, "\(text.debugDescription)")
                }
            }
            for f in r.findings {
                #expect(f.span.start >= 0 && f.span.start <= f.span.end && f.span.end <= bytes.count, "finding \(f.check) in \(text.debugDescription)")
            }
            // The JSON output parses and its offsets agree with the mentions.
            let json = r.json().serialized()
            let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
            #expect(object != nil, "\(json)")
            let starts = (object?["mentions"] as? [[String: Any]])?.compactMap { $0["start"] as? Int }
            #expect(starts == ex.mentions.map(\.span.start))
        }
    }

    @Test func aDocumentAndTheSameDocumentInAJSONLinesRecordGiveTheSameMentions() async {
        await propertyCheck(count: 100, input: Gen<String?>.element(of: Shared.fragments).map { $0! }.array(of: 1...12)) { parts in
            let text = Shared.text(parts)
            let plain = ArticleReader.articles(path: "a.txt", raw: Array(text.utf8), format: .text)
            let record = try! JSONSerialization.data(withJSONObject: ["id": "r1", "text": text])
            let lines = ArticleReader.articles(path: "a.jsonl", raw: Array(record) + [0x0A], format: .jsonl)
            #expect(plain.count == 1 && lines.count == 1)
            guard let a = plain.first, let b = lines.first else { return }
            #expect(b.error == nil, "\(b.error ?? "")")
            let ra = Shared.engine.process(a), rb = Shared.engine.process(b)
            #expect(Shared.mentionsJSON(ra) == Shared.mentionsJSON(rb), "\(text.debugDescription)")
            #expect(ra.findings.map(\.check) == rb.findings.map(\.check))
        }
    }

    /// Results do not depend on the number of jobs or on the order of the documents.
    @Test func resultsDoNotDependOnJobsOrOrder() async throws {
        let corpus = Shared.packageRoot.appendingPathComponent("Corpus")
        let paths = try FileManager.default.contentsOfDirectory(atPath: corpus.path).filter { $0.hasSuffix(".txt") }.sorted()
            .map { corpus.appendingPathComponent($0).path }
        #expect(paths.count > 10)
        func run(_ paths: [String], jobs: Int) -> [String: String] {
            var out: [String: String] = [:]
            var order: [String] = []
            BatchRunner(engine: Shared.engine, jobs: jobs, batchSize: 7).run(paths, render: { $0.json().serialized() }) { r, text in
                out[r.documentID] = text
                order.append(r.documentID)
            }
            #expect(order == paths, "output in input order")
            return out
        }
        let baseline = run(paths, jobs: 1)
        #expect(baseline.count == paths.count)
        #expect(run(paths, jobs: 4) == baseline)
        await propertyCheck(count: 4, input: Gen<[String]>.shuffled(paths)) { shuffled in
            #expect(run(shuffled, jobs: 4) == baseline)
        }
    }
}
