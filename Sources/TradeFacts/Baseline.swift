import Foundation
import TradeFactsText
import TradeFactsReport

/// A baseline: the findings a team has accepted, by document, check and fingerprint (which survive
/// edits elsewhere in the article). `check --baseline FILE` reports only findings not in it;
/// `--write-baseline FILE` records the current ones.
package struct Baseline: Sendable {
    package struct Entry: Hashable, Sendable {
        package let document: String
        package let check: String
        package let fingerprint: String
    }
    /// Entries with their counts (the same finding may occur twice in one article).
    package private(set) var counts: [Entry: Int] = [:]

    package init() {}

    /// The name a baseline gives a document: its path however it was written (`./articles/a.md`,
    /// `articles//a.md`, an absolute path) as one path, relative to the repository's root (else
    /// the working directory) when the file lies inside it, else absolute; a JSON Lines record keeps its id, or `PATH:LINE` with
    /// its path so normalized; standard input stays `-`.
    package static func documentKey(_ result: DocumentResult) -> String {
        if let origin = result.origin {
            let unnamed = "\(origin.path):\(origin.line)"
            return result.documentID == unnamed ? "\(normalizedPath(origin.path)):\(origin.line)" : result.documentID
        }
        return normalizedPath(result.documentID)
    }

    /// `path` (relative to `directory`) with `.`, `..`, repeated and trailing slashes removed and
    /// its folder's symbolic links resolved (where it exists); relative to the root of the
    /// repository holding `directory` (its nearest folder with `.git`) when inside it, else to
    /// `directory` when inside that, else absolute.
    package static func normalizedPath(_ path: String, from directory: String = FileManager.default.currentDirectoryPath) -> String {
        guard path != "-", !path.isEmpty else { return path }
        func real(_ folder: String) -> String { PathConfinement.resolved(folder) ?? URL(fileURLWithPath: folder).standardizedFileURL.path }
        let here = real(directory)
        var url = URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: here, isDirectory: true)).standardizedFileURL
        url = URL(fileURLWithPath: real(url.deletingLastPathComponent().path)).appendingPathComponent(url.lastPathComponent)
        let absolute = url.path
        let top = Configuration.repositoryRoot(of: here).map(real) ?? here
        let prefix = top.hasSuffix("/") ? top : top + "/"
        return absolute.hasPrefix(prefix) ? String(absolute.dropFirst(prefix.count)) : absolute
    }

    /// A relative path written by an older version or by hand, tidied without being moved:
    /// `./a//b/../c.md` is `a/c.md` (relative to where it was written, which the file does not say).
    static func tidied(_ path: String) -> String {
        var parts: [Substring] = []
        for p in path.split(separator: "/") where p != "." {
            if p == "..", let last = parts.last, last != ".." { parts.removeLast() } else { parts.append(p) }
        }
        return parts.joined(separator: "/")
    }

    package mutating func add(_ result: DocumentResult) {
        guard let doc = result.extraction?.document else { return }
        let key = Baseline.documentKey(result)
        for f in result.findings { counts[Entry(document: key, check: f.check, fingerprint: Fingerprint.of(f, in: doc)), default: 0] += 1 }
    }

    /// Removes the findings the baseline already holds (each entry absorbs as many findings as it counts).
    package mutating func filter(_ result: DocumentResult) -> DocumentResult {
        guard let doc = result.extraction?.document else { return result }
        var out = result
        let key = Baseline.documentKey(result)
        out.findings = result.findings.filter { f in
            let e = Entry(document: key, check: f.check, fingerprint: Fingerprint.of(f, in: doc))
            if let n = counts[e], n > 0 { counts[e] = n - 1; return false }
            return true
        }
        return out
    }

    package func serialized() -> String {
        let entries = counts.flatMap { e, n in Array(repeating: e, count: n) }
            .sorted { ($0.document, $0.check, $0.fingerprint) < ($1.document, $1.check, $1.fingerprint) }
        return JSONValue.object([
            ("tool", .string("tradefacts")),
            ("version", .int(1)),
            ("findings", .array(entries.map { .object([("document", .string($0.document)), ("check", .string($0.check)), ("fingerprint", .string($0.fingerprint))]) })),
        ]).serialized(pretty: true) + "\n"
    }

    package static func load(path: String) throws -> Baseline {
        guard let data = FileManager.default.contents(atPath: path) else { throw InputError(message: "\(path): cannot read the baseline") }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let findings = object["findings"] as? [[String: Any]] else {
            throw InputError(message: "\(path): not a tradefacts baseline (expected {\"findings\": [...]})")
        }
        var b = Baseline()
        for (i, f) in findings.enumerated() {
            guard let d = f["document"] as? String, let c = f["check"] as? String, let p = f["fingerprint"] as? String else {
                throw InputError(message: "\(path): finding #\(i + 1) needs document, check and fingerprint")
            }
            // Written by an older version, or by hand: the path as this version writes it.
            let document = d.hasPrefix("/") ? normalizedPath(d) : d.contains("/") ? tidied(d) : d
            b.counts[Entry(document: document, check: c, fingerprint: p), default: 0] += 1
        }
        return b
    }
}
