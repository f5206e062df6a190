import Foundation
import XCTest
@testable import TradeFacts

/// The ways to run tradefacts without building it (issue 20, item 3): the pre-commit hook
/// (`.pre-commit-hooks.yaml`, through `pre-commit try-repo`), the composite GitHub Action
/// (`action.yml`) and the README's workflow (`examples/github-workflow.yml`, through actionlint).
/// The tools come from `scripts/ensure-deps --test-tools`; a test whose tool is missing skips,
/// saying which and why. The release tarball has its own script, `scripts/test-package`.
final class InstallTests: XCTestCase {
    let root = Fixtures.packageRoot

    /// A console script: on the PATH, else in python3's scripts folder (where pip puts it).
    func tool(_ name: String) throws -> String {
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map { "\($0)/\(name)" }
        let scripts = try? run("/usr/bin/env", ["python3", "-c", "import sysconfig; print(sysconfig.get_path('scripts'))"]).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        for candidate in path + [scripts.map { "\($0)/\(name)" }].compactMap({ $0 }) where FileManager.default.isExecutableFile(atPath: candidate) {
            // A pyenv shim exists for every version's scripts; it fails where this one has none.
            if candidate.contains("/shims/"), (try? run(candidate, ["--version"]))?.status != 0 { continue }
            return candidate
        }
        throw XCTSkip("\(name) is not installed (scripts/ensure-deps --test-tools installs it with pip; see its warning for why it could not)")
    }

    struct Result { let status: Int32; let stdout: String }

    /// Runs `executable` with `args` in `directory`, standard error merged into standard output.
    @discardableResult
    func run(_ executable: String, _ args: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws -> Result {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = args
        if let directory { p.currentDirectoryURL = directory }
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        p.environment = env
        let out = Pipe()
        p.standardOutput = out
        p.standardError = out
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Result(status: p.terminationStatus, stdout: String(decoding: data, as: UTF8.self))
    }

    func corpus(_ name: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent("Corpus/\(name)"), encoding: .utf8)
    }

    /// A git repository in a fresh folder with `files` committed.
    func repository(_ files: [String: String]) throws -> URL {
        let dir = TestScratch.folder("repo")
        for (name, text) in files {
            let url = dir.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        for args in [["init", "-q"], ["add", "-A"], ["-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "articles"]] {
            let r = try run("/usr/bin/env", ["git"] + args, in: dir)
            XCTAssertEqual(r.status, 0, r.stdout)
        }
        return dir
    }

    /// `pre-commit try-repo` on this repository's hook, in a repository with a consistent Corpus
    /// article and its year-slip twin: the twin fails the hook, the article passes, other files
    /// are not checked.
    func testPreCommitHookPassesTheGoodArticleAndFailsTheSlip() throws {
        let preCommit = try tool("pre-commit")
        guard let binary = CLI.binary else { throw XCTSkip("tradefacts binary not built") }
        let repo = try repository([
            "articles/good.md": try corpus("fujian-textiles.txt"),
            "articles/bad.txt": try corpus("fujian-textiles-year-slip.txt"),
            "notes.rst": "not an article",
        ])
        let env = ["PATH": binary.deletingLastPathComponent().path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"),
                   "PRE_COMMIT_HOME": repo.appendingPathComponent(".cache").path, "NO_COLOR": "1"]
        func hook(_ files: [String]) throws -> Result {
            try run(preCommit, ["try-repo", root.path, "tradefacts", "--color", "never", "--files"] + files, in: repo, environment: env)
        }
        let good = try hook(["articles/good.md", "notes.rst"])
        XCTAssertEqual(good.status, 0, good.stdout)
        XCTAssertTrue(good.stdout.contains("tradefacts check") && good.stdout.contains("Passed"), good.stdout)
        let bad = try hook(["articles/good.md", "articles/bad.txt"])
        XCTAssertEqual(bad.status, 1, bad.stdout)
        XCTAssertTrue(bad.stdout.contains("Failed"), bad.stdout)
        XCTAssertTrue(bad.stdout.contains("articles/bad.txt:4:4: error:") && bad.stdout.contains("[period-year-contradiction]"), bad.stdout)
        XCTAssertFalse(bad.stdout.contains("articles/good.md:"), "the good article has no finding: \(bad.stdout)")
        let skipped = try hook(["notes.rst"])
        XCTAssertEqual(skipped.status, 0)
        XCTAssertTrue(skipped.stdout.contains("no files to check"), skipped.stdout)
    }

    /// actionlint on the README's workflow and on a workflow that uses this repository's action
    /// with every input (actionlint reads `action.yml` and checks the inputs against it); a
    /// workflow with an input the action lacks must fail, so the lint is known to read it.
    func testActionAndWorkflowPassActionlint() throws {
        let actionlint = try tool("actionlint")
        let project = TestScratch.folder("action")
        let workflows = project.appendingPathComponent(".github/workflows")
        try FileManager.default.createDirectory(at: workflows, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: root.appendingPathComponent("action.yml"), to: project.appendingPathComponent("action.yml"))
        try FileManager.default.copyItem(at: root.appendingPathComponent("examples/github-workflow.yml"), to: workflows.appendingPathComponent("readme.yml"))
        let inputs = try actionInputs()
        func local(_ extra: [String]) -> String {
            (["name: local", "on: [pull_request]", "permissions: { contents: read, security-events: write }", "jobs:",
              "  figures:", "    runs-on: ubuntu-latest", "    steps:", "      - uses: actions/checkout@v5",
              "      - uses: ./", "        with:"] + (inputs + extra).map { "          \($0): 'x'" }).joined(separator: "\n") + "\n"
        }
        try local([]).write(to: workflows.appendingPathComponent("local.yml"), atomically: true, encoding: .utf8)
        _ = try run("/usr/bin/env", ["git", "init", "-q"], in: project)
        let clean = try run(actionlint, ["-no-color"], in: project)
        XCTAssertEqual(clean.status, 0, clean.stdout)
        try local(["no-such-input"]).write(to: workflows.appendingPathComponent("local.yml"), atomically: true, encoding: .utf8)
        let wrong = try run(actionlint, ["-no-color"], in: project)
        XCTAssertEqual(wrong.status, 1, wrong.stdout)
        XCTAssertTrue(wrong.stdout.contains("no-such-input"), wrong.stdout)
    }

    /// The names of the action's inputs.
    func actionInputs() throws -> [String] {
        let action = try XCTUnwrap(try YAMLNode.parse(String(contentsOf: root.appendingPathComponent("action.yml"), encoding: .utf8), file: "action.yml"))
        return try XCTUnwrap(action.value("inputs")).requireMapping("inputs").map(\.key)
    }

    /// What action.yml must hold whether or not actionlint is at hand: the inputs of the brief, a
    /// composite action, the cache of the build, the SARIF upload only where the token may (never
    /// on a pull request from a fork), and run scripts that bash can parse.
    func testActionStructure() throws {
        let text = try String(contentsOf: root.appendingPathComponent("action.yml"), encoding: .utf8)
        let action = try XCTUnwrap(try YAMLNode.parse(text, file: "action.yml"))
        XCTAssertEqual(Set(try actionInputs()), ["paths", "fail-on", "sarif", "upload-sarif", "version", "repository"])
        let runs = try XCTUnwrap(action.value("runs"))
        XCTAssertEqual(runs.value("using")?.scalar, "composite")
        let steps = try XCTUnwrap(runs.value("steps")).requireSequence("steps")
        let uses = steps.compactMap { $0.value("uses")?.scalar }
        XCTAssertTrue(uses.contains { $0.hasPrefix("actions/cache@") }, "\(uses)")
        let upload = try XCTUnwrap(steps.first { $0.value("uses")?.scalar?.hasPrefix("github/codeql-action/upload-sarif@") ?? false })
        let condition = try XCTUnwrap(upload.value("if")?.scalar)
        XCTAssertTrue(condition.contains("(github.event.pull_request.head.repo.full_name == github.repository || github.event_name != 'pull_request')"), condition)
        var scripts = 0
        for step in steps {
            guard let script = step.value("run")?.scalar else { continue }
            XCTAssertEqual(step.value("shell")?.scalar, "bash")
            // Expressions are replaced by a word, as the runner replaces them by their value.
            let plain = script.replacingOccurrences(of: #"\$\{\{[^}]*\}\}"#, with: "X", options: .regularExpression)
            let file = TestScratch.folder("step").appendingPathExtension("sh")
            try plain.write(to: file, atomically: true, encoding: .utf8)
            let r = try run("/bin/bash", ["-n", file.path])
            XCTAssertEqual(r.status, 0, "\(step.value("name")?.scalar ?? "?"): \(r.stdout)")
            scripts += 1
        }
        XCTAssertGreaterThanOrEqual(scripts, 5)
    }

    /// The README's workflow is the linted file, word for word.
    func testReadmeWorkflowIsTheExampleFile() throws {
        let example = try String(contentsOf: root.appendingPathComponent("examples/github-workflow.yml"), encoding: .utf8)
        let body = example.split(separator: "\n", omittingEmptySubsequences: false).drop { $0.hasPrefix("#") }.joined(separator: "\n")
        for page in ["README.md", "docs/ci.md"] {
            let text = try String(contentsOf: root.appendingPathComponent(page), encoding: .utf8)
            XCTAssertTrue(text.contains("```yaml\n" + body + "```"), "\(page) does not show examples/github-workflow.yml as it is")
        }
    }
}
