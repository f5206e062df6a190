import Foundation
import TradeFactsText
import TradeFactsRules
import TradeFactsExtract

/// Checks the extractor's prefilter against a full scan on real text: every document is extracted
/// twice, once with rules run only where their triggers occur and once with every rule over the
/// whole text, and the mentions must be the same (type, span, rule and every output field).
package enum PrefilterEval {
    /// What the comparison found.
    package struct Result: Sendable {
        package var documents = 0
        package var bytes = 0
        package var mentions = 0
        /// Documents whose mentions differ, with the first difference of each.
        package var differences: [(document: String, detail: String)] = []
        /// Seconds spent extracting with and without the prefilter (one thread, same documents).
        package var prefilteredSeconds = 0.0
        package var fullScanSeconds = 0.0
    }

    /// Extracts each document with both extractors and compares the mentions.
    package static func compare(_ documents: [Document], ruleSet: RuleSet) throws -> Result {
        let filtered = try Extractor(ruleSet: ruleSet, prefilter: true)
        let full = try Extractor(ruleSet: ruleSet, prefilter: false)
        var result = Result()
        for document in documents {
            result.documents += 1
            result.bytes += document.bytes.count
            let t0 = Date()
            let a = filtered.extract(document).mentions
            let t1 = Date()
            let b = full.extract(document).mentions
            result.prefilteredSeconds += t1.timeIntervalSince(t0)
            result.fullScanSeconds += Date().timeIntervalSince(t1)
            result.mentions += b.count
            if let d = firstDifference(a, b, in: document) { result.differences.append((document.id, d)) }
        }
        return result
    }

    /// The first mention present in one list and not the other, described for reading; nil when equal.
    static func firstDifference(_ prefiltered: [Mention], _ full: [Mention], in document: Document) -> String? {
        let a = prefiltered.map { $0.json(in: document).serialized() }
        let b = full.map { $0.json(in: document).serialized() }
        if a == b { return nil }
        let i = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
        let mine = i < a.count ? a[i] : "nothing"
        let theirs = i < b.count ? b[i] : "nothing"
        return "prefiltered: \(mine)\n      full scan:   \(theirs)"
    }
}
