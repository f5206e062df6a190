import Foundation
import TradeFactsRules
import TradeFactsChecks

/// Project configuration from `.tradefacts.yml` (found upward from the working directory, or `--config`).
///
/// ```yaml
/// checks:
///   yoy-base-year: { enabled: false }
///   stale-anchor: { severity: error }
/// fail-on: warning                  # error (default), warning, info, never
/// rules: [house-rules]              # extra rule folders, relative to this file
/// include: ["articles/**/*.md"]     # globs, relative to this file, for files found in folders
/// exclude: ["articles/drafts/**"]
/// reference-date: metadata          # metadata (front matter / JSONL date, then dateline) or dateline
/// tolerances:
///   stale-anchor-years: 10
///   percent-change-slack: 0.5       # percentage points beyond rounding
///   multiple-tolerance: 0.1         # fraction of the multiple ("doubled") beyond rounding
///   sum-slack: 0                    # fraction of the larger figure, for sums and balances
/// ```
/// Unknown keys and wrong types are errors with file:line.
package struct Configuration: Sendable {
    package enum ReferenceDatePolicy: String, Sendable { case metadata, dateline }

    package var path: String? = nil
    package var disabled: Set<String> = []
    package var severities: [String: Severity] = [:]
    package var failOn: String? = nil
    package var ruleDirectories: [String] = []
    package var include: [String] = []
    package var exclude: [String] = []
    package var referenceDate: ReferenceDatePolicy = .metadata
    package var settings = CheckSettings()

    package init() {}

    /// The nearest `.tradefacts.yml` in `directory` or above it, up to the repository's root (the
    /// first folder holding `.git`, which is searched too): a configuration above the repository
    /// is not the repository's.
    package static func find(from directory: String = FileManager.default.currentDirectoryPath) -> String? {
        var url = URL(fileURLWithPath: directory).standardizedFileURL
        while true {
            let candidate = url.appendingPathComponent(".tradefacts.yml").path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
            if isRepositoryRoot(url.path) { return nil }
            let parent = url.deletingLastPathComponent()
            if parent.path == url.path { return nil }
            url = parent
        }
    }

    /// Whether `directory` holds `.git` (a folder, or the file of a worktree or submodule).
    static func isRepositoryRoot(_ directory: String) -> Bool {
        FileManager.default.fileExists(atPath: URL(fileURLWithPath: directory).appendingPathComponent(".git").path)
    }

    /// The nearest folder holding `.git` at or above `directory`, or nil.
    package static func repositoryRoot(of directory: String) -> String? {
        var url = URL(fileURLWithPath: directory).standardizedFileURL
        while true {
            if isRepositoryRoot(url.path) { return url.path }
            let parent = url.deletingLastPathComponent()
            if parent.path == url.path { return nil }
            url = parent
        }
    }

    /// Reads a configuration file. Its `rules` folders must lie inside the folder tree that holds
    /// it (its repository: the nearest folder with `.git` at or above it, else its own folder),
    /// symbolic links resolved, unless `allowOutsideRules` (`--allow-outside-rules`).
    ///
    /// Every error in the file is reported at once (``ConfigurationErrors``, in file order), an
    /// unknown key or check with the nearest known one as "did you mean"; a file that cannot be
    /// read, is not UTF-8 or is not YAML throws its one ``RuleError``.
    package static func load(path: String, allowOutsideRules: Bool = false) throws -> Configuration {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RuleError(file: path, line: 0, "cannot read the configuration file")
        }
        if let invalid = RuleError.invalidUTF8([UInt8](data), file: path, what: "the configuration file") { throw invalid }
        let text = String(decoding: data, as: UTF8.self)
        var config = Configuration()
        config.path = path
        guard let root = try YAMLNode.parse(text, file: path) else { return config }
        var errors: [RuleError] = []
        /// Runs one part of the reading; its error is kept and the reading goes on.
        func attempt(_ part: () throws -> Void) {
            do { try part() } catch let e as RuleError { errors.append(e) } catch { errors.append(RuleError(file: path, line: 0, "\(error)")) }
        }
        attempt { errors += try root.unknownKeys(["checks", "fail-on", "rules", "include", "exclude", "reference-date", "tolerances"], in: "the configuration") }
        guard (try? root.requireMapping("the configuration")) != nil else { throw ConfigurationErrors(errors: errors) }
        let base = URL(fileURLWithPath: path).deletingLastPathComponent()
        let known = Set(CheckCatalogue.all.map { $0.description.id })
        if let checks = root.value("checks") {
            attempt {
                for entry in try checks.requireMapping("checks") {
                    guard known.contains(entry.key) else {
                        let hint = YAMLNode.closest(to: entry.key, among: known).map { "; did you mean '\($0)'?" } ?? ""
                        errors.append(entry.keyNode.error("unknown check '\(YAMLNode.token(entry.key))'\(hint) (see `tradefacts checks`)"))
                        continue
                    }
                    attempt { errors += try entry.value.unknownKeys(["enabled", "severity"], in: "check '\(entry.key)'") }
                    attempt { if let e = entry.value.value("enabled"), try !e.requireBool("enabled") { config.disabled.insert(entry.key) } }
                    attempt {
                        if let s = entry.value.value("severity") {
                            let name = try s.requireString("severity")
                            guard let severity = Severity(rawValue: name) else { throw s.error("severity must be error, warning or info") }
                            config.severities[entry.key] = severity
                        }
                    }
                }
            }
        }
        attempt {
            if let f = root.value("fail-on") {
                let v = try f.requireString("fail-on")
                guard ["error", "warning", "info", "never"].contains(v) else { throw f.error("fail-on must be error, warning, info or never") }
                config.failOn = v
            }
        }
        func strings(_ key: String) throws -> [String] {
            guard let node = root.value(key) else { return [] }
            return try node.requireSequence(key).map { try $0.requireString("an item of \(key)") }
        }
        if let list = root.value("rules") {
            let repository = repositoryRoot(of: base.path) ?? base.standardizedFileURL.path
            let resolvedRepository = PathConfinement.resolved(repository) ?? repository
            attempt {
                for item in try list.requireSequence("rules") {
                    attempt {
                        let entry = try item.requireString("an item of rules")
                        let folder = base.appendingPathComponent(entry)
                        // Symbolic links resolved where the folder exists; else compared as written.
                        let inside = PathConfinement.resolved(folder.path).map { PathConfinement.contains(resolvedRepository, $0) }
                            ?? PathConfinement.contains(repository, folder.standardizedFileURL.path)
                        if !inside && !allowOutsideRules {
                            throw item.error("rules entry '\(YAMLNode.token(entry))' is outside \(repository), the repository that holds this configuration; "
                                             + "not read (--allow-outside-rules reads it)")
                        }
                        config.ruleDirectories.append(folder.path)
                    }
                }
            }
        }
        attempt { config.include = try strings("include").map { base.appendingPathComponent($0).standardizedFileURL.path } }
        attempt { config.exclude = try strings("exclude").map { base.appendingPathComponent($0).standardizedFileURL.path } }
        attempt {
            if let r = root.value("reference-date") {
                let v = try r.requireString("reference-date")
                guard let p = ReferenceDatePolicy(rawValue: v) else { throw r.error("reference-date must be metadata or dateline") }
                config.referenceDate = p
            }
        }
        if let t = root.value("tolerances") {
            attempt { errors += try t.unknownKeys(["stale-anchor-years", "percent-change-slack", "multiple-tolerance", "sum-slack"], in: "tolerances") }
            attempt {
                if let y = t.value("stale-anchor-years") {
                    let v = try y.requireInt("stale-anchor-years")
                    guard v >= 1 else { throw y.error("stale-anchor-years must be at least 1") }
                    config.settings.staleAnchorYears = v
                }
            }
            /// A tolerance that is a decimal number in `range`.
            func decimal(_ key: String, _ rule: String, _ valid: (Decimal) -> Bool, _ set: (Decimal) -> Void) {
                attempt {
                    guard let s = t.value(key) else { return }
                    guard let text = s.scalar, let v = Decimal(string: text), valid(v) else { throw s.error("\(key) must be a number \(rule)") }
                    set(v)
                }
            }
            decimal("percent-change-slack", "≥ 0", { $0 >= 0 }) { config.settings.percentChangeSlack = $0 }
            decimal("multiple-tolerance", "≥ 0 and < 1", { $0 >= 0 && $0 < 1 }) { config.settings.multipleTolerance = $0 }
            decimal("sum-slack", "≥ 0", { $0 >= 0 }) { config.settings.sumSlack = $0 }
        }
        if !errors.isEmpty { throw ConfigurationErrors(errors: errors) }
        return config
    }

    /// The settings in force, one `name: value` line each (`--show-config`); `extraRules`: the
    /// `--rules` folders, read after the configuration's.
    package func settingsDescription(extraRules: [String] = []) -> String {
        func list(_ items: [String]) -> String { items.isEmpty ? "none" : items.joined(separator: ", ") }
        let s = settings
        return [
            "config: \(path ?? "none")",
            "fail-on: \(failOn ?? "error (default)")",
            "checks disabled: \(list(disabled.sorted()))",
            "severities: \(list(severities.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value.rawValue)" }))",
            "rules: \(list(ruleDirectories + extraRules))",
            "include: \(list(include))",
            "exclude: \(list(exclude))",
            "reference-date: \(referenceDate.rawValue)",
            "tolerances: stale-anchor-years \(s.staleAnchorYears), percent-change-slack \(s.percentChangeSlack), "
                + "multiple-tolerance \(s.multipleTolerance), sum-slack \(s.sumSlack)",
        ].joined(separator: "\n") + "\n"
    }

    /// The checks in force.
    package var checks: [any Check.Type] { CheckCatalogue.all.filter { !disabled.contains($0.description.id) } }

    /// Whether a file found by walking a folder is read: it matches an `include` glob (when any are
    /// given) and no `exclude` glob. Paths are compared as absolute paths.
    package func admits(_ path: String) -> Bool {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        if !include.isEmpty && !include.contains(where: { Glob.matches($0, absolute) }) { return false }
        return !exclude.contains { Glob.matches($0, absolute) }
    }
}

/// Every error found in a configuration file, in the file's order; printed one per line, each
/// `FILE:LINE:COL: error: MESSAGE`.
package struct ConfigurationErrors: Error, CustomStringConvertible, Sendable {
    package let errors: [RuleError]
    package var description: String {
        errors.sorted { ($0.line, $0.column) < ($1.line, $1.column) }.map(\.description).joined(separator: "\n")
    }
}

/// Shell-style globs: `**` any run of characters including `/`, `*` any run without `/`, `?` one character.
package enum Glob {
    /// Whether `path` holds a glob character (`*` or `?`).
    package static func isPattern(_ path: String) -> Bool { path.contains("*") || path.contains("?") }

    package static func matches(_ pattern: String, _ path: String) -> Bool {
        let p = Array(pattern.unicodeScalars), s = Array(path.unicodeScalars)
        var memo = [Int: Bool]()
        func m(_ i: Int, _ j: Int) -> Bool {
            let key = i * (s.count + 1) + j
            if let v = memo[key] { return v }
            var result: Bool
            if i == p.count { result = j == s.count }
            else if p[i] == "*" && i + 1 < p.count && p[i + 1] == "*" {
                // "**/" also matches no folder at all.
                let next = i + 2 < p.count && p[i + 2] == "/" ? i + 3 : i + 2
                result = m(next, j) || (j < s.count && m(i, j + 1))
            } else if p[i] == "*" {
                result = m(i + 1, j) || (j < s.count && s[j] != "/" && m(i, j + 1))
            } else if p[i] == "?" {
                result = j < s.count && s[j] != "/" && m(i + 1, j + 1)
            } else {
                result = j < s.count && s[j] == p[i] && m(i + 1, j + 1)
            }
            memo[key] = result
            return result
        }
        return m(0, 0)
    }
}
