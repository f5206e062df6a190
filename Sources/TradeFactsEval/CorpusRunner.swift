import Foundation
import TradeFactsRules
import TradeFactsText
import TradeFactsExtract
import TradeFactsReport
import TradeFacts

/// One article of the corpus and how it compares with its expected output.
package struct CorpusResult: Sendable {
    package let article: String
    /// Empty when the article reads exactly as expected.
    package let failures: [String]
}

/// Runs `Corpus/`: every `NAME.txt` (or `.md`) with a `NAME.expected.yaml` beside it.
///
/// The expected file lists, in document order, every mention (type, text and any output fields to
/// compare), every record (flattened fields: reporter, flow, commodity, partner, period as
/// `from..to`, periodText, amount, currency, change, basis, partners, named, source, complete),
/// and every finding (check, line, column, and optionally severity). Lists are compared exactly:
/// a missing or an extra item is a failure.
package enum CorpusRunner {
    package static func run(directory: String, engine: Engine) throws -> [CorpusResult] {
        let files = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        var results: [CorpusResult] = []
        for file in files where file.hasSuffix(".txt") || file.hasSuffix(".md") {
            let base = String(file[..<file.lastIndex(of: ".")!])
            let expectedPath = "\(directory)/\(base).expected.yaml"
            guard FileManager.default.fileExists(atPath: expectedPath) else {
                results.append(CorpusResult(article: file, failures: ["no \(base).expected.yaml beside the article"]))
                continue
            }
            let (document, expected) = try article(file, in: directory)
            let result = engine.process(document)
            results.append(CorpusResult(article: file, failures: compare(result, expected)))
        }
        return results
    }

    /// One article and its expected results; the document's reference date is the expected file's `date`.
    package static func article(_ file: String, in directory: String) throws -> (Document, [String: Any]) {
        let base = String(file[..<file.lastIndex(of: ".")!])
        let bytes = [UInt8](FileManager.default.contents(atPath: "\(directory)/\(file)") ?? Data())
        let expectedText = (try? String(contentsOfFile: "\(directory)/\(base).expected.yaml", encoding: .utf8)) ?? ""
        let expected = (try YAMLNode.parse(expectedText, file: "")?.plainValue as? [String: Any]) ?? [:]
        var date: CalendarDate? = nil
        if let d = expected["date"] { date = CalendarDate(iso: "\(d)") }
        return (Document(id: file, bytes: bytes, referenceDate: date), expected)
    }

    /// The Corpus articles as documents, with the reference dates their expected files give.
    package static func documents(in directory: String) throws -> [Document] {
        try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
            .filter { $0.hasSuffix(".txt") || $0.hasSuffix(".md") }
            .map { try article($0, in: directory).0 }
    }

    package static func text(_ any: Any?) -> String? {
        switch any {
        case nil: return nil
        case let s as String: return s
        case let b as Bool: return b ? "true" : "false"
        case let d as Double: return Numbers.string(Decimal(d))
        case let i as Int: return String(i)
        default: return "\(any!)"
        }
    }

    package static func compare(_ result: DocumentResult, _ expected: [String: Any]) -> [String] {
        guard let e = result.extraction else { return ["could not read: \(result.error ?? "")"] }
        var failures: [String] = []
        let doc = e.document
        if let ref = expected["referenceDate"], text(ref) != (e.referenceDate?.iso ?? "null") {
            failures.append("referenceDate: expected \(text(ref)!), got \(e.referenceDate?.iso ?? "none")")
        }
        // Mentions, in order.
        let got = e.mentions.map { $0.json(in: doc) }
        let want = (expected["mentions"] as? [[String: Any]]) ?? []
        compareLists("mention", got: got, want: want, describe: { "\($0["type"]?.scalarText ?? "") \"\($0["text"]?.scalarText ?? "")\"" },
                     into: &failures)
        // Records, flattened.
        let records = result.records.map { flatten($0.json(mentions: e.mentions, in: doc)) }
        let wantRecords = (expected["records"] as? [[String: Any]]) ?? []
        compareLists("record", got: records, want: wantRecords, describe: { "\($0["flow"]?.scalarText ?? "?") \($0["amount"]?.scalarText ?? "")" },
                     absentUnlessListed: coreRecordFields, into: &failures)
        // Findings.
        let findings: [JSONValue] = result.findings.map { $0.json(in: doc) }
        let wantFindings = (expected["findings"] as? [[String: Any]]) ?? []
        compareLists("finding", got: findings, want: wantFindings,
                     describe: { "\($0["check"]?.scalarText ?? "") at \($0["line"]?.scalarText ?? ""):\($0["column"]?.scalarText ?? "")" },
                     into: &failures)
        return failures
    }

    /// Record fields whose absence the gold states by not listing them: a system value there is wrong.
    package static let coreRecordFields = ["reporter", "flow", "commodity", "partner", "period", "amount", "currency", "change", "partners", "source"]

    static func compareLists(_ what: String, got: [JSONValue], want: [[String: Any]], describe: (JSONValue) -> String,
                             absentUnlessListed: [String] = [], into failures: inout [String]) {
        for i in 0..<max(got.count, want.count) {
            if i >= want.count { failures.append("unexpected \(what) #\(i + 1): \(describe(got[i]))"); continue }
            if i >= got.count { failures.append("missing \(what) #\(i + 1): \(want[i].map { "\($0.key)=\(text($0.value) ?? "")" }.sorted().joined(separator: ", "))"); continue }
            for key in absentUnlessListed where want[i][key] == nil {
                if let v = got[i][key]?.scalarText { failures.append("\(what) #\(i + 1) (\(describe(got[i]))): \(key) expected nothing, got \(v)") }
            }
            for (key, value) in want[i].sorted(by: { $0.key < $1.key }) {
                let expectedText = text(value)
                let actual = got[i][key]?.scalarText
                if actual != expectedText {
                    failures.append("\(what) #\(i + 1) (\(describe(got[i]))): \(key) expected \(expectedText ?? "nothing"), got \(actual ?? "nothing")")
                }
            }
        }
    }

    /// A record's JSON reduced to the flat fields the corpus compares.
    package static func flatten(_ r: JSONValue) -> JSONValue {
        var o = JSONObjectBuilder()
        o.add("reporter", r["reporter"]?["value"]?.scalarText)
        o.add("flow", r["flow"]?["value"]?.scalarText)
        o.add("commodity", r["commodity"]?["value"]?.scalarText)
        o.add("partner", r["partner"]?["value"]?.scalarText)
        if let p = r["period"], let f = p["from"]?.scalarText, let t = p["to"]?.scalarText { o.add("period", "\(f)..\(t)") }
        o.add("periodText", r["period"]?["text"]?.scalarText)
        o.add("amount", r["value"]?["amount"]?.scalarText)
        o.add("currency", r["value"]?["currency"]?.scalarText)
        o.add("change", r["change"]?["value"]?.scalarText)
        o.add("basis", r["change"]?["basis"]?.scalarText)
        o.add("partners", r["partners"]?["count"]?.scalarText)
        if case let .array(named)? = r["partners"]?["named"] {
            o.add("named", named.compactMap { $0["value"]?.scalarText }.joined(separator: ", "))
        }
        o.add("source", r["source"]?["value"]?.scalarText)
        o.add("complete", r["complete"]?.scalarText)
        return o.value
    }
}
