import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest
@testable import TradeFacts
import TradeFactsEval

/// Every `check` output format, and the `--fail-on` exit codes.
final class ReportFormatTests: XCTestCase {
    let contradictory = "Exports up\nMarch 5, 2024\nGuangdong exports rose in the first half of this year.\nIn the first half of 2022, Guangdong exported steel worth $5 million, up 3%.\n"
    let warningOnly = "Exports up\nMarch 5, 2024\nIn the first two months of this year, Guangdong exported steel worth $5 million, up 3% year-on-year, compared to 2004.\n"

    func testSARIFValidatesAgainstTheSchema() throws {
        let path = try CLI.temp("a b.txt", contradictory)
        let r = try CLI.run(["check", "--format", "sarif", path])
        XCTAssertEqual(r.status, 1)
        let sarif = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(sarif["version"] as? String, "2.1.0")
        let run = try XCTUnwrap((sarif["runs"] as? [[String: Any]])?.first)
        let results = try XCTUnwrap(run["results"] as? [[String: Any]])
        XCTAssertEqual(results.first?["ruleId"] as? String, "period-year-contradiction")
        XCTAssertNotNil((results.first?["partialFingerprints"] as? [String: String])?["tradefacts/v1"])
        XCTAssertFalse((results.first?["relatedLocations"] as? [Any] ?? []).isEmpty)
        let uri = ((((results.first?["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["artifactLocation"]) as? [String: Any])?["uri"] as? String
        XCTAssertTrue(uri?.hasSuffix("a%20b.txt") ?? false, uri ?? "")
        let rules = ((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]]
        XCTAssertEqual(rules?.count, CheckCatalogue.all.count)

        // Validate with the OASIS schema when ../shared and Python's jsonschema are at hand.
        guard let schema = Fixtures.shared?.appendingPathComponent("schemas/sarif-schema-2.1.0.json"),
              FileManager.default.fileExists(atPath: schema.path) else { throw XCTSkip("SARIF schema (../shared) absent") }
        // One document per line for the validator.
        let compact = String(decoding: try JSONSerialization.data(withJSONObject: sarif), as: UTF8.self)
        try SchemaValidator.validate(schema: schema, jsonLines: compact + "\n", validator: "Draft4Validator")
    }

    func testGitHubAnnotationsEscapeTheirData() throws {
        let r = try CLI.run(["check", "--format", "github", try CLI.temp("x.txt", warningOnly)])
        XCTAssertEqual(r.status, 0, "a warning does not fail by default")
        let line = try XCTUnwrap(r.stdout.split(separator: "\n").first)
        XCTAssertTrue(line.hasPrefix("::warning file="), String(line))
        XCTAssertTrue(line.contains(",line=3,col="), String(line))
        XCTAssertTrue(line.contains("title=tradefacts yoy-base-year::"), String(line))
        XCTAssertTrue(line.contains("%25"), "the % of a percentage is escaped: \(line)")
        XCTAssertEqual(GitHubReport.escapeProperty("a,b:c\nd"), "a%2Cb%3Ac%0Ad")
    }

    func testJUnitIsWellFormedWithOneCasePerDocument() throws {
        let a = try CLI.temp("a.txt", contradictory), b = try CLI.temp("b.txt", warningOnly)
        let r = try CLI.run(["check", "--format", "junit", a, b, "/nonexistent.txt"])
        XCTAssertEqual(r.status, 3)
        let parser = XMLParser(data: Data(r.stdout.utf8))
        XCTAssertTrue(parser.parse(), "JUnit output must be well-formed XML")
        XCTAssertEqual(r.stdout.components(separatedBy: "<testcase ").count - 1, 3)
        XCTAssertTrue(r.stdout.contains("failures=\"1\" errors=\"1\""), r.stdout)
    }

    func testJSONLinesHasOneObjectPerDocument() throws {
        let r = try CLI.run(["check", "--format", "jsonl", try CLI.temp("a.txt", contradictory), try CLI.temp("b.txt", warningOnly)])
        let lines = r.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 2)
        for l in lines { XCTAssertNotNil(try JSONSerialization.jsonObject(with: Data(l.utf8)) as? [String: Any]) }
    }

    func testFailOnLevels() throws {
        let w = try CLI.temp("w.txt", warningOnly)
        XCTAssertEqual(try CLI.run(["check", w]).status, 0)
        XCTAssertEqual(try CLI.run(["check", "--fail-on", "warning", w]).status, 1)
        XCTAssertEqual(try CLI.run(["check", "--fail-on", "info", w]).status, 1)
        let e = try CLI.temp("e.txt", contradictory)
        XCTAssertEqual(try CLI.run(["check", "--fail-on", "never", e]).status, 0)
        XCTAssertEqual(try CLI.run(["check", "--fail-on", "sometimes", e]).status, 2)
    }

    func testFingerprintsSurviveEditsElsewhere() {
        let base = "Exports up\nMarch 5, 2024\nGuangdong exports rose in the first half of this year.\nIn the first half of 2022, Guangdong exported steel worth $5 million, up 3%.\n"
        let edited = "Exports up strongly\nMarch 5, 2024\nGuangdong exports rose in the first half of this year.\nIn the first half of 2022, Guangdong exported steel worth $5 million, up 3%.\nAn added closing paragraph moves nothing above it.\n"
        func prints(_ t: String) -> [String] {
            let r = Fixtures.process(t)
            return r.findings.map { Fingerprint.of($0, in: r.extraction!.document) }
        }
        XCTAssertEqual(prints(base).count, 1)
        XCTAssertEqual(prints(base), prints(edited))
    }
}
