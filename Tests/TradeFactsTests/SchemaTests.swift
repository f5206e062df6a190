import Foundation
import XCTest
@testable import TradeFacts
import TradeFactsEval

/// `extract` output validates against the documented JSON Schema (docs/schema/tradefacts-extract.schema.json),
/// checked with Python's `jsonschema` (skipped when it is not installed).
final class SchemaTests: XCTestCase {
    func testExtractOutputValidatesAgainstTheSchema() throws {
        var inputs = [Fixtures.packageRoot.appendingPathComponent("Corpus").path]
        if let seed = Fixtures.shared?.appendingPathComponent("seed/jilin-auto-parts.txt").path { inputs.append(seed) }
        // Percentages of every role the context gives (level and share after "fell to").
        var bad = Array("Exports rose 5% to $3 million in the first half of 2025. Capacity use fell to 81.3% from 82.0%, and the share of oil fell to 69.8%. ".utf8)
        bad += [0xFF, 0xFE] + Array(" Imports: 7,000 types of goods from 12 countries, since 2004.".utf8)
        let badPath = try CLI.temp("bad.txt", "")
        try Data(bad).write(to: URL(fileURLWithPath: badPath))
        inputs += [badPath, "/nonexistent/input.txt"]
        let out = try CLI.run(["extract", "--latent", "--format", "jsonl"] + inputs)
        XCTAssertEqual(out.status, 3, "the nonexistent input makes the exit code 3")
        let lines = out.stdout.split(separator: "\n")
        XCTAssertGreaterThan(lines.count, 10)
        try SchemaValidator.validate(schema: Fixtures.packageRoot.appendingPathComponent("docs/schema/tradefacts-extract.schema.json"),
                                     jsonLines: out.stdout, validator: "Draft202012Validator")
    }
}
