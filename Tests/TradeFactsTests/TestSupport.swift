import Foundation
import XCTest
@testable import TradeFacts
import TradeFactsEval

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

/// One scratch folder for the whole test process, removed when the process exits, so that test
/// runs leave nothing behind in the temporary directory (helpers such as `CLI.temp` cannot reach
/// a test case's teardown).
enum TestScratch {
    static let root: URL = {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("tradefacts-tests-\(getpid())-\(UUID().uuidString.prefix(8))")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: TestScratch.root) }
        return url
    }()

    /// A fresh path inside `root` (not created).
    static func folder(_ prefix: String) -> URL {
        root.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
    }
}

/// Runs the built `tradefacts` binary for contract tests.
enum CLI {
    static var binary: URL? {
        var candidates = [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()]
        for b in Bundle.allBundles { candidates.append(b.bundleURL.deletingLastPathComponent()) }
        candidates.append(Fixtures.packageRoot.appendingPathComponent(".build/debug"))
        return candidates.map { $0.appendingPathComponent("tradefacts") }.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    struct Run { let status: Int32; let stdout: String; let stderr: String }

    /// Runs the binary with `args`, in `directory` (default: the package's root); `environment`
    /// entries are added to (a nil value removes one from) the test process's environment.
    static func run(_ args: [String], stdin: String? = nil, in directory: URL? = nil, environment: [String: String?] = [:]) throws -> Run {
        guard let binary = Self.binary else { throw XCTSkip("tradefacts binary not built") }
        let p = Process()
        p.executableURL = binary
        p.arguments = args
        if !environment.isEmpty {
            var env = ProcessInfo.processInfo.environment
            for (k, v) in environment { env[k] = v }
            p.environment = env
        }
        p.currentDirectoryURL = directory ?? Fixtures.packageRoot
        let out = Pipe(), err = Pipe(), input = Pipe()
        p.standardOutput = out; p.standardError = err; p.standardInput = input
        try p.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Run(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    static func temp(_ name: String, _ contents: String) throws -> String {
        let dir = TestScratch.folder("cli")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try contents.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

}

/// Validates JSON documents (one per line) against a JSON Schema with Python's `jsonschema`;
/// skips the calling test when Python or the package is missing.
enum SchemaValidator {
    static func validate(schema: URL, jsonLines: String, validator: String) throws {
        let file = TestScratch.folder("schema").appendingPathExtension("jsonl")
        try jsonLines.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", """
            import json, sys
            try:
                import jsonschema
            except ImportError:
                sys.exit(77)
            cls = getattr(jsonschema, sys.argv[3])
            schema = json.load(open(sys.argv[1]))
            cls.check_schema(schema)
            v = cls(schema)
            bad = 0
            for n, line in enumerate(open(sys.argv[2]), 1):
                if not line.strip():
                    continue
                for e in v.iter_errors(json.loads(line)):
                    bad += 1
                    print(f"document {n}: {list(e.absolute_path)}: {e.message[:300]}", file=sys.stderr)
            sys.exit(1 if bad else 0)
            """, schema.path, file.path, validator]
        let err = Pipe()
        p.standardError = err
        do { try p.run() } catch { throw XCTSkip("python3 not available") }
        p.waitUntilExit()
        if p.terminationStatus == 77 {
            // scripts/test installs jsonschema and sets this: there, a missing validator is a failure, not a skip.
            if ProcessInfo.processInfo.environment["TRADEFACTS_REQUIRE_JSONSCHEMA"] == "1" {
                XCTFail("python3 jsonschema is not installed, and TRADEFACTS_REQUIRE_JSONSCHEMA=1 requires it")
                return
            }
            throw XCTSkip("python3 jsonschema not installed")
        }
        XCTAssertEqual(p.terminationStatus, 0, String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
    }
}
