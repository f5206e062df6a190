import TradeFactsText
import TradeFactsChecks
/// Compiler-style diagnostics: `file:line:col: severity: message [check]`, the source line
/// (a window of it when long) and a caret under the offending text.
public enum TextDiagnostics {
    /// Widest stretch of a source line shown; longer lines are cut around the finding with "…".
    package static let window = 100

    /// The diagnostics of one result: its warnings, then per finding a header line, the source line
    /// with a caret under the text, and a note per related span; an unreadable input gives one error
    /// line. `color` colours the severities with ANSI escapes.
    public static func render(_ result: DocumentResult, color: Bool = false) -> String {
        var out = ""
        if let error = result.error {
            let place = result.origin.map { "\($0.path):\($0.line)" } ?? result.documentID
            out += error.hasPrefix(place) ? "\(error.replacingOccurrences(of: place + ": ", with: place + ": error: ", options: .anchored))\n" : "\(place): error: \(error)\n"
            return out
        }
        guard let e = result.extraction else { return out }
        let doc = e.document
        for w in result.warnings { out += "\(result.documentID): warning: \(w)\n" }
        for f in result.findings {
            let sev = color ? colored(f.severity) : f.severity.rawValue
            out += "\(result.displayLocation(f.span)): \(sev): \(f.message) [\(f.check)]\n"
            out += snippet(doc, f.span, indent: "    ")
            for r in f.related {
                out += "  \(result.displayLocation(r.span)): note: \(r.message)\n"
            }
        }
        return out
    }

    static func colored(_ s: Severity) -> String {
        switch s {
        case .error: return "\u{1B}[1;31merror\u{1B}[0m"
        case .warning: return "\u{1B}[1;33mwarning\u{1B}[0m"
        case .info: return "\u{1B}[1;36minfo\u{1B}[0m"
        }
    }

    /// The line of `span` with a caret line under it, cut to a window when long.
    static func snippet(_ doc: Document, _ span: Span, indent: String) -> String {
        let line = doc.lineIndex.lineIndex(of: span.start) + 1
        let lineSpan = doc.lineIndex.span(ofLine: line, in: doc.bytes)
        let scalars = Array(doc.text(lineSpan).unicodeScalars)
        let startCol = doc.location(of: span.start).column - 1
        let endCol = min(scalars.count, doc.location(of: min(span.end, lineSpan.end)).column - 1)
        var from = 0, to = scalars.count
        if scalars.count > window {
            from = max(0, startCol - 40)
            to = min(scalars.count, max(from + window, endCol + 10))
        }
        var text = String(String.UnicodeScalarView(scalars[from..<to]))
        var caretPad = startCol - from
        if from > 0 { text = "…" + text; caretPad += 1 }
        if to < scalars.count { text += "…" }
        let width = max(1, endCol - startCol)
        return indent + text + "\n" + indent + String(repeating: " ", count: caretPad) + "^" + String(repeating: "~", count: width - 1) + "\n"
    }
}
