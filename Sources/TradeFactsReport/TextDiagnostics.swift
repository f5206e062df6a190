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
        if let rawError = result.error {
            let error = printable(rawError)
            let place = result.origin.map { "\($0.path):\($0.line)" } ?? result.documentID
            out += error.hasPrefix(place) ? "\(error.replacingOccurrences(of: place + ": ", with: place + ": error: ", options: .anchored))\n" : "\(place): error: \(error)\n"
            return out
        }
        guard let e = result.extraction else { return out }
        let doc = e.document
        for w in result.warnings { out += "\(printable(result.documentID)): warning: \(printable(w))\n" }
        for f in result.findings {
            let sev = color ? colored(f.severity) : f.severity.rawValue
            out += "\(printable(result.displayLocation(f.span))): \(sev): \(printable(f.message)) [\(f.check)]\n"
            // A span with nothing visible (a suppression comment, blanked before reading, which the
            // message quotes) gets no source line.
            if doc.text(f.span).contains(where: { !$0.isWhitespace && $0 != "\u{1F}" }) { out += snippet(doc, f.span, indent: "    ") }
            for r in f.related {
                out += "  \(printable(result.displayLocation(r.span))): note: \(printable(r.message))\n"
            }
        }
        return out
    }

    /// Article text made safe for a terminal: control characters (C0 but tab and line feed, DEL,
    /// C1) become one visible character each (their Control Pictures symbol, else U+FFFD), so no
    /// escape sequence from an article reaches the terminal and carets stay aligned.
    package static func printable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = String.UnicodeScalarView()
        for u in text.unicodeScalars {
            if !isControl(u) { out.append(u) }
            else if u.value < 0x20 { out.append(Unicode.Scalar(0x2400 + u.value)!) }
            else if u.value == 0x7F { out.append(Unicode.Scalar(0x2421)!) }
            else { out.append(Unicode.Scalar(0xFFFD)!) }
        }
        return String(out)
    }

    static func isControl(_ u: Unicode.Scalar) -> Bool {
        (u.value < 0x20 && u.value != 0x09 && u.value != 0x0A) || u.value == 0x7F || (0x80...0x9F).contains(u.value)
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
        var text = printable(String(String.UnicodeScalarView(scalars[from..<to])))
        // A line a CI runner would read as a command ("::error file=…") is shown with its first
        // colon as U+2236 RATIO, one character as before.
        if text.drop(while: { $0 == " " || $0 == "\t" }).hasPrefix("::"), let c = text.firstIndex(of: ":") {
            text.replaceSubrange(c...c, with: "\u{2236}")
        }
        var caretPad = startCol - from
        if from > 0 { text = "…" + text; caretPad += 1 }
        if to < scalars.count { text += "…" }
        let width = max(1, endCol - startCol)
        return indent + text + "\n" + indent + String(repeating: " ", count: caretPad) + "^" + String(repeating: "~", count: width - 1) + "\n"
    }
}
