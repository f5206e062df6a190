import Foundation
import TradeFactsText
import TradeFactsReport

/// A baseline: the findings a team has accepted, by document, check and fingerprint (which survive
/// edits elsewhere in the article). `check --baseline FILE` reports only findings not in it;
/// `--write-baseline FILE` records the current ones.
package struct Baseline: Sendable {
    package struct Entry: Hashable, Sendable {
        package let document: String
        package let check: String
        package let fingerprint: String
    }
    /// Entries with their counts (the same finding may occur twice in one article).
    package private(set) var counts: [Entry: Int] = [:]

    package init() {}

    package mutating func add(_ result: DocumentResult) {
        guard let doc = result.extraction?.document else { return }
        for f in result.findings { counts[Entry(document: result.documentID, check: f.check, fingerprint: Fingerprint.of(f, in: doc)), default: 0] += 1 }
    }

    /// Removes the findings the baseline already holds (each entry absorbs as many findings as it counts).
    package mutating func filter(_ result: DocumentResult) -> DocumentResult {
        guard let doc = result.extraction?.document else { return result }
        var out = result
        out.findings = result.findings.filter { f in
            let e = Entry(document: result.documentID, check: f.check, fingerprint: Fingerprint.of(f, in: doc))
            if let n = counts[e], n > 0 { counts[e] = n - 1; return false }
            return true
        }
        return out
    }

    package func serialized() -> String {
        let entries = counts.flatMap { e, n in Array(repeating: e, count: n) }
            .sorted { ($0.document, $0.check, $0.fingerprint) < ($1.document, $1.check, $1.fingerprint) }
        return JSONValue.object([
            ("tool", .string("tradefacts")),
            ("version", .int(1)),
            ("findings", .array(entries.map { .object([("document", .string($0.document)), ("check", .string($0.check)), ("fingerprint", .string($0.fingerprint))]) })),
        ]).serialized(pretty: true) + "\n"
    }

    package static func load(path: String) throws -> Baseline {
        guard let data = FileManager.default.contents(atPath: path) else { throw InputError(message: "\(path): cannot read the baseline") }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let findings = object["findings"] as? [[String: Any]] else {
            throw InputError(message: "\(path): not a tradefacts baseline (expected {\"findings\": [...]})")
        }
        var b = Baseline()
        for (i, f) in findings.enumerated() {
            guard let d = f["document"] as? String, let c = f["check"] as? String, let p = f["fingerprint"] as? String else {
                throw InputError(message: "\(path): finding #\(i + 1) needs document, check and fingerprint")
            }
            b.counts[Entry(document: d, check: c, fingerprint: p), default: 0] += 1
        }
        return b
    }
}
