import Foundation
import XCTest
@testable import TradeFacts

/// Shared fixtures: one engine with the embedded rules, and paths relative to the package.
enum Fixtures {
    static let engine: Engine = try! Engine(ruleSet: RuleSet.embedded())

    /// The package root (this file is Tests/TradeFactsTests/TestSupport.swift).
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared` beside the checkout, when present (a user's clone has none).
    static var shared: URL? {
        let url = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    static func process(_ text: String, date: String? = nil) -> DocumentResult {
        engine.process(Document(id: "test", text: text, referenceDate: date.flatMap(CalendarDate.init(iso:))))
    }
}

extension DocumentResult {
    var mentions: [Mention] { extraction?.mentions ?? [] }
    func mention(_ text: String) -> Mention? { mentions.first { $0.text == text } }
}
