import PCRE2Kit
import TradeFactsText

/// An inline suppression: `<!-- tradefacts-disable-next-line CHECK[, CHECK]: REASON -->`.
///
/// It silences findings of the named checks that start on the next non-blank line. It works in
/// Markdown, plain text and JSON Lines articles alike, and is blanked before extraction so its
/// words are never read as prose. A suppression must name known checks and give a reason; one
/// that silences nothing is reported.
public struct SuppressionDirective: Sendable {
    /// Every stored property, as the memberwise initializer takes them.
    package init(span: Span, text: String, targetLine: Int, checks: [String], reason: String?, problem: String?, used: Bool = false) { self.span = span; self.text = text; self.targetLine = targetLine; self.checks = checks; self.reason = reason; self.problem = problem; self.used = used }
    /// The comment.
    public let span: Span
    /// The comment as written (it is blanked in the document that is read, and so in the source
    /// line a diagnostic shows): findings about it quote it.
    public let text: String
    /// The 1-based line whose findings it silences.
    public let targetLine: Int
    /// The ids of the checks it names, as written (an unknown one is reported in ``problem``).
    public let checks: [String]
    /// The reason given after the colon, trimmed; nil when there is none.
    public let reason: String?
    /// What is wrong with it, if anything (no check named, unknown check, no reason).
    public let problem: String?
    /// Set when it silenced at least one finding.
    public var used = false
}

extension SuppressionDirective {
    /// A comment's text as a finding's message quotes it: in backquotes, cut to 120 characters with "…".
    package static func quoted(_ text: String) -> String {
        "`" + (text.count > 120 ? text.prefix(119) + "…" : text) + "`"
    }
}

/// Finds suppression comments, blanks them, and applies them to findings.
public enum Suppressions {
    package static let marker = Array("tradefacts-disable-next-line".utf8)
    package static let comment = try! Pattern(#"<!--[ \t]*tradefacts-disable-next-line\b(?<body>[^\n]*?)-->"#)
    package static let body = try! Pattern(#"^[ \t]*(?<ids>[a-z0-9][a-z0-9-]*(?:[ \t]*,[ \t]*[a-z0-9][a-z0-9-]*)*)?[ \t]*(?::(?<reason>[^\n]*))?$"#)

    /// The document with its suppression comments blanked (same length), and the directives.
    public static func scan(_ document: Document, knownChecks: Set<String>) -> (Document, [SuppressionDirective]) {
        // Cheap test first: most articles have none.
        guard document.bytes.count >= marker.count,
              document.bytes.withUnsafeBufferPointer({ b in
                  (0...(b.count - marker.count)).contains { i in
                      b[i] == marker[0] && (1..<marker.count).allSatisfy { b[i + $0] == marker[$0] }  // no allocation per candidate
                  }
              }) else { return (document, []) }
        var directives: [SuppressionDirective] = []
        var bytes = document.bytes
        for span in document.matchSpans(of: comment, in: Span(0, document.bytes.count)) {
            let text = document.text(span)
            let inner = text.dropFirst(4).dropLast(3).trimmingCharacters(in: .whitespaces)
                .dropFirst("tradefacts-disable-next-line".count)
            var ids: [String] = []
            var reason: String? = nil
            let innerBytes = Array(inner.utf8)
            var parsed = false
            innerBytes.withUnsafeBufferPointer { buffer in
                try? body.forEachMatch(in: buffer, scratch: MatchScratch.forCurrentThread) { m in
                    parsed = true
                    if let r = m.range(ofGroup: "ids") {
                        ids = String(decoding: innerBytes[r], as: UTF8.self).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                    }
                    if let r = m.range(ofGroup: "reason") {
                        let t = String(decoding: innerBytes[r], as: UTF8.self).trimmingCharacters(in: .whitespaces)
                        reason = t.isEmpty ? nil : t
                    }
                    return false
                }
            }
            var problem: String? = nil
            if !parsed || ids.isEmpty { problem = "a suppression must name the check(s) it silences: <!-- tradefacts-disable-next-line CHECK: reason -->" }
            else if let unknown = ids.first(where: { !knownChecks.contains($0) }) { problem = "unknown check '\(unknown)'" }
            else if reason == nil { problem = "a suppression must give a reason after the check: <!-- tradefacts-disable-next-line \(ids.joined(separator: ", ")): reason -->" }
            // The next line with anything on it.
            var line = document.lineIndex.lineIndex(of: span.end) + 2
            while line <= document.lineIndex.lineStarts.count,
                  document.text(document.lineIndex.span(ofLine: line, in: document.bytes)).trimmingCharacters(in: .whitespaces).isEmpty {
                line += 1
            }
            directives.append(SuppressionDirective(span: span, text: text, targetLine: line, checks: ids, reason: reason, problem: problem))
            for i in span.start..<span.end where bytes[i] != 0x0A { bytes[i] = 0x20 }
            // A barrier where the comment began, so that no match reads across it ("April<!-- … -->
            // 1986" is not a month and year whose text would hold the comment).
            bytes[span.start] = 0x1F
        }
        var blanked = Document(id: document.id, bytes: bytes, referenceDate: document.givenReferenceDate)
        blanked.givenHeadline = document.givenHeadline
        blanked.givenReferenceDateSource = document.givenReferenceDateSource
        blanked.origin = document.origin
        return (blanked, directives)
    }

    /// Removes the findings that valid directives silence, marking those directives used.
    public static func apply(_ directives: inout [SuppressionDirective], to findings: [Finding], in document: Document) -> [Finding] {
        guard !directives.isEmpty else { return findings }
        return findings.filter { f in
            let line = document.location(of: f.span.start).line
            if let i = directives.firstIndex(where: { $0.problem == nil && $0.targetLine == line && $0.checks.contains(f.check) }) {
                directives[i].used = true
                return false
            }
            return true
        }
    }
}
