import Foundation
import XCTest
@testable import TradeFacts
import TradeFactsEval

/// The blind Reuters statement gold (`eval/gold/reuters-statements`) loads, is well formed and
/// lies on its stories' text; the statement scorer pairs and scores as documented. The engine's
/// score is not asserted: it is a measurement, not a contract.
final class StatementGoldTests: XCTestCase {
    let goldDirectory = Fixtures.packageRoot.appendingPathComponent("eval/gold/reuters-statements").path
    static let flows: Set<String> = ["exports", "imports", "total trade", "trade surplus", "trade deficit"]
    static let measures = flows.union(["trade balance", "current account", "reserves", "output", "rate", "share", "price", "volume", "other"])
    static let modalities: Set<String> = ["reported", "forecast", "target", "estimate", "revised", "provisional"]

    func testGoldIsWellFormed() throws {
        let gold = try BlindRecordEval.loadGold(directory: goldDirectory)
        XCTAssertGreaterThanOrEqual(gold.count, 32)
        XCTAssertEqual(Set(gold.map(\.id)).count, gold.count)
        for g in gold {
            XCTAssertEqual("\(g.id).yaml", g.file)
            XCTAssertNotNil(g.date, g.file)
            XCTAssertTrue(g.sgml.hasPrefix("reut2-0") && g.sgml.hasSuffix(".sgm"), g.file)
            let statements = try XCTUnwrap(g.statements, "\(g.file): no statements list")
            for s in statements {
                XCTAssertTrue(Self.measures.contains(s.measure), "\(g.file): measure \(s.measure)")
                XCTAssertTrue(s.value != nil || s.change != nil || s.fields["direction"] != nil, "\(g.file): \(s.measure) has no value, change or direction")
                XCTAssertTrue(Self.modalities.contains(s.fields["modality"] ?? ""), "\(g.file): modality \(s.fields["modality"] ?? "none")")
            }
            for r in g.records {
                for f in ["flow", "amount", "period"] { XCTAssertFalse(r[f, default: ""].isEmpty, "\(g.file): \(f) missing in \(r)") }
                XCTAssertTrue(Self.flows.contains(r["flow"] ?? ""), "\(g.file): \(r)")
                XCTAssertNotNil(r["currency"], "\(g.file): records are money only: \(r)")
                XCTAssertNotNil(Decimal(string: r["amount"] ?? ""), "\(g.file): \(r)")
                let ends = (r["period"] ?? "").components(separatedBy: "..")
                XCTAssertEqual(ends.count, 2, "\(g.file): \(r)")
                XCTAssertTrue(ends.allSatisfy { CalendarDate(iso: $0) != nil } && ends[0] <= ends[1], "\(g.file): \(r)")
                XCTAssertTrue(Set(r.keys).isSubset(of: BlindRecordEval.fields + BlindRecordEval.optionalFields), "\(g.file): a field the scorer does not compare: \(r)")
            }
        }
    }

    /// Every span lies inside its story's text, and the text at a value span holds a digit or a number word.
    func testSpansLieOnTheStoryText() throws {
        let reuters = try Self.reuters()
        let gold = try BlindRecordEval.loadGold(directory: goldDirectory)
        let stories = Dictionary(try ReutersStory.load(directory: reuters, only: Set(gold.map(\.sgml))).map { ("reuters-\($0.id)", $0) },
                                 uniquingKeysWith: { a, _ in a })
        let number = try NSRegularExpression(pattern: #"[0-9]|\b(zero|nil|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|dozen|half|third|quarter|double|doubled|fold)\b"#,
                                             options: .caseInsensitive)
        for g in gold {
            let story = try XCTUnwrap(stories[g.id], "\(g.file): no story \(g.id) in \(g.sgml)")
            let bytes = Array(story.text.utf8)
            for s in g.statements ?? [] {
                for (name, role) in [("value", s.value), ("base", s.base), ("change", s.change), ("cue", s.cue)] {
                    guard let role else { continue }
                    XCTAssertTrue(0 <= role.span.start && role.span.start < role.span.end && role.span.end <= bytes.count, "\(g.file): \(name) span \(role.span)")
                }
                if let v = s.value, v.span.end <= bytes.count, v.span.start >= 0 {
                    let text = String(decoding: bytes[v.span.start..<v.span.end], as: UTF8.self)
                    XCTAssertNotNil(number.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)), "\(g.file): value span \(v.span) has no number")
                }
            }
        }
    }

    func testScorerScoresEveryStory() throws {
        let reuters = try Self.reuters()
        let gold = try BlindRecordEval.loadGold(directory: goldDirectory)
        let result = try BlindRecordEval.run(gold: gold, reuters: reuters, engine: Fixtures.engine)
        XCTAssertEqual(result.unscored, [])
        XCTAssertEqual(result.stories.map(\.id), gold.map(\.id))
        XCTAssertEqual(result.fields, BlindRecordEval.fields + BlindRecordEval.optionalFields)
        XCTAssertEqual(result.goldStatements, gold.reduce(0) { $0 + ($1.statements?.count ?? 0) })
        for (s, g) in zip(result.stories, gold) {
            XCTAssertEqual(s.gold, g.records.count)
            XCTAssertEqual(s.result.records.tp + s.result.records.fn, s.gold, s.id)
            XCTAssertEqual(s.result.records.tp + s.result.records.fp, s.system, s.id)
        }
        XCTAssertNotNil(result.coreTotal)
    }

    static func reuters() throws -> String {
        guard let shared = Fixtures.shared else { throw XCTSkip("../shared is absent") }
        let reuters = shared.appendingPathComponent("data/reuters21578").path
        guard FileManager.default.fileExists(atPath: reuters) else { throw XCTSkip("Reuters-21578 absent from ../shared") }
        return reuters
    }

    // MARK: The statement scorer, on statements written here (the engine emits none yet)

    func testStatementScorerPairsByOverlappingValueSpan() throws {
        let gold = StatementEval.goldStatements([
            ["measure": "exports", "direction": "up", "modality": "reported",
             "value": ["span": [10, 20], "amount": "5", "currency": "USD", "period": "1987-01-01..1987-01-31"],
             "change": ["span": [30, 36], "value": "4", "unit": "percent"]] as [String: Any],
            ["measure": "imports", "modality": "forecast", "value": ["span": [50, 60], "amount": "7"]],
            ["measure": "trade surplus", "modality": "reported", "value": ["span": [80, 90], "amount": "9"]],
        ])
        func role(_ s: Int, _ e: Int, _ members: [(String, JSONValue)]) -> JSONValue { .object([("span", .array([.int(s), .int(e)]))] + members) }
        let system: [JSONValue] = [
            .object([("measure", .string("exports")), ("direction", .string("up")), ("modality", .string("reported")),
                     ("value", role(12, 18, [("amount", .string("5")), ("period", .object([("from", .string("1987-01-01")), ("to", .string("1987-01-31"))]))])),
                     ("change", role(30, 36, [("value", .string("4"))])), ("rule", .string("r1"))]),
            .object([("measure", .string("imports")), ("modality", .string("reported")), ("value", role(55, 58, [("amount", .string("7"))]))]),
            .object([("measure", .string("price")), ("value", role(100, 110, [("amount", .string("1"))]))]),
        ]
        let s = StatementEval.score(system: system, gold: gold, source: "t")
        XCTAssertEqual([s.gold, s.system, s.matched], [3, 3, 2])
        XCTAssertEqual(s.right["measure"], 2)
        XCTAssertEqual(s.right["modality"], 1)  // the imports forecast is reported
        XCTAssertEqual(s.right["period"], 2)    // right on the exports, absent on both for the imports
        XCTAssertEqual(s.right["change"], 2)
        XCTAssertEqual(s.right["value"], 2)
        XCTAssertEqual(s.misses.count, 3)       // one differing, one not found, one spurious
        XCTAssertNil(StatementEval.systemStatements(.object([("records", .array([]))])))
        XCTAssertEqual(StatementEval.systemStatements(.object([("statements", .array(system))]))?.count, 3)
    }

    func testSystemRecordAddsDirectionModalityAndComparison() {
        let record: JSONValue = .object([
            ("flow", .object([("value", .string("trade deficit"))])),
            ("value", .object([("amount", .string("5")), ("currency", .string("USD"))])),
            ("change", .object([("value", .string("3")), ("direction", .string("up"))])),
            ("comparison", .bool(true)),
            ("qualifiers", .array([.string("record"), .string("forecast")])),
        ])
        let flat = StatementEval.systemRecord(record)
        // Without a direction of its own (from a statement), a record takes its change's, as written.
        XCTAssertEqual(flat["direction"]?.scalarText, "up")
        var withOwn = record
        if case var .object(members) = record { members.append(("direction", .string("widened"))); withOwn = .object(members) }
        XCTAssertEqual(StatementEval.systemRecord(withOwn)["direction"]?.scalarText, "widened")
        XCTAssertEqual(flat["modality"]?.scalarText, "forecast")
        XCTAssertEqual(flat["comparison"]?.scalarText, "true")
        XCTAssertEqual(flat["amount"]?.scalarText, "5")
        XCTAssertEqual(StatementEval.systemRecord(.object([("flow", .object([("value", .string("exports"))]))]))["modality"]?.scalarText, "reported")
    }
}
