import Foundation

/// Counts for precision, recall, F1 and value accuracy.
package struct Score: Sendable {
    package var gold = 0
    package var system = 0
    /// Gold items matched by a system item (span criterion of the scorer).
    package var matched = 0
    /// Matched items whose value is right.
    package var valueCorrect = 0

    package init() {}

    package var precision: Double { system == 0 ? 0 : Double(matched) / Double(system) }
    package var recall: Double { gold == 0 ? 0 : Double(matched) / Double(gold) }
    package var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
    /// Of the matched items, the share with the right value.
    package var valueAccuracy: Double { matched == 0 ? 0 : Double(valueCorrect) / Double(matched) }
    /// F1 counting only matches with the right value (TempEval-3's value F1).
    package var valueF1: Double {
        let p = system == 0 ? 0 : Double(valueCorrect) / Double(system)
        let r = gold == 0 ? 0 : Double(valueCorrect) / Double(gold)
        return p + r == 0 ? 0 : 2 * p * r / (p + r)
    }

    package static func + (a: Score, b: Score) -> Score {
        var s = Score()
        s.gold = a.gold + b.gold; s.system = a.system + b.system
        s.matched = a.matched + b.matched; s.valueCorrect = a.valueCorrect + b.valueCorrect
        return s
    }
}

/// A mismatch kept for reading: what the gold said and what the engine said.
package struct EvalMiss: Sendable {
    package let source: String
    package let text: String
    package let detail: String
}

package func percent(_ x: Double) -> String { String(format: "%5.1f", x * 100) }
