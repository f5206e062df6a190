import Foundation
import XCTest
@testable import TradeFacts

/// `extract` output validates against the documented JSON Schema (docs/schema/tradefacts-extract.schema.json),
/// checked with Python's `jsonschema` (skipped when it is not installed).
final class SchemaTests: XCTestCase {
    func testExtractOutputValidatesAgainstTheSchema() throws {
        var inputs = [Fixtures.packageRoot.appendingPathComponent("Corpus").path]
        if let seed = Fixtures.shared?.appendingPathComponent("seed/jilin-auto-parts.txt").path { inputs.append(seed) }
        var bad = Array("Exports rose 5% to $3 million in the first half of 2025. ".utf8)
        bad += [0xFF, 0xFE] + Array(" Imports: 7,000 types of goods from 12 countries, since 2004.".utf8)
        let badPath = try CLI.temp("bad.txt", "")
        try Data(bad).write(to: URL(fileURLWithPath: badPath))
        inputs += [badPath, "/nonexistent/input.txt"]
        let out = try CLI.run(["extract", "--latent", "--format", "jsonl"] + inputs)
        XCTAssertEqual(out.status, 3, "the nonexistent input makes the exit code 3")
        let lines = out.stdout.split(separator: "\n")
        XCTAssertGreaterThan(lines.count, 10)
        let outFile = FileManager.default.temporaryDirectory.appendingPathComponent("tradefacts-\(UUID().uuidString).jsonl")
        try out.stdout.write(to: outFile, atomically: true, encoding: .utf8)
        let schema = Fixtures.packageRoot.appendingPathComponent("docs/schema/tradefacts-extract.schema.json")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", """
            import json, sys
            try:
                import jsonschema
            except ImportError:
                sys.exit(77)
            schema = json.load(open(sys.argv[1]))
            jsonschema.Draft202012Validator.check_schema(schema)
            v = jsonschema.Draft202012Validator(schema)
            bad = 0
            for n, line in enumerate(open(sys.argv[2]), 1):
                for e in v.iter_errors(json.loads(line)):
                    bad += 1
                    print(f"line {n}: {list(e.absolute_path)}: {e.message[:300]}", file=sys.stderr)
            sys.exit(1 if bad else 0)
            """, schema.path, outFile.path]
        let err = Pipe()
        p.standardError = err
        do { try p.run() } catch { throw XCTSkip("python3 not available") }
        p.waitUntilExit()
        if p.terminationStatus == 77 { throw XCTSkip("python3 jsonschema not installed") }
        XCTAssertEqual(p.terminationStatus, 0, String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
    }
}
