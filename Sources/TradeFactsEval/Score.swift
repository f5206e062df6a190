import Foundation

/// Counts for precision, recall, F1 and value accuracy.
public struct Score: Sendable {
    public var gold = 0
    public var system = 0
    /// Gold items matched by a system item (span criterion of the scorer).
    public var matched = 0
    /// Matched items whose value is right.
    public var valueCorrect = 0

    public init() {}

    public var precision: Double { system == 0 ? 0 : Double(matched) / Double(system) }
    public var recall: Double { gold == 0 ? 0 : Double(matched) / Double(gold) }
    public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
    /// Of the matched items, the share with the right value.
    public var valueAccuracy: Double { matched == 0 ? 0 : Double(valueCorrect) / Double(matched) }
    /// F1 counting only matches with the right value (TempEval-3's value F1).
    public var valueF1: Double {
        let p = system == 0 ? 0 : Double(valueCorrect) / Double(system)
        let r = gold == 0 ? 0 : Double(valueCorrect) / Double(gold)
        return p + r == 0 ? 0 : 2 * p * r / (p + r)
    }

    public static func + (a: Score, b: Score) -> Score {
        var s = Score()
        s.gold = a.gold + b.gold; s.system = a.system + b.system
        s.matched = a.matched + b.matched; s.valueCorrect = a.valueCorrect + b.valueCorrect
        return s
    }
}

/// A mismatch kept for reading: what the gold said and what the engine said.
public struct EvalMiss: Sendable {
    public let source: String
    public let text: String
    public let detail: String
}

package func percent(_ x: Double) -> String { String(format: "%5.1f", x * 100) }
