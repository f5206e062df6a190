/// GitHub Actions workflow commands: `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`.
public enum GitHubReport {
    static func escapeData(_ s: String) -> String {
        s.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
    }
    package static func escapeProperty(_ s: String) -> String {
        escapeData(s).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }

    /// GitHub Actions workflow commands for one result: a line per finding (`error`, `warning` or
    /// `notice`), or one `::error` for an unreadable input; empty when there is nothing to report.
    public static func render(_ result: DocumentResult) -> String {
        if let error = result.error {
            let file = result.origin?.path ?? result.documentID
            let line = result.origin.map { ",line=\($0.line)" } ?? ""
            return "::error file=\(escapeProperty(file))\(line),title=unreadable input::\(escapeData(error))\n"
        }
        guard let doc = result.extraction?.document else { return "" }
        var out = ""
        for f in result.findings {
            let s = doc.location(of: f.span.start), e = doc.location(of: f.span.end)
            let command = f.severity == .error ? "error" : (f.severity == .warning ? "warning" : "notice")
            let title = escapeProperty("tradefacts " + f.check)
            if let origin = result.origin {
                // A JSON Lines record: point at its line; the place inside the article goes in the message.
                out += "::\(command) file=\(escapeProperty(origin.path)),line=\(origin.line),title=\(title)::\(escapeData("[\(result.documentID) \(s.line):\(s.column)] " + f.message))\n"
            } else {
                out += "::\(command) file=\(escapeProperty(result.documentID)),line=\(s.line),col=\(s.column),endLine=\(e.line),endColumn=\(e.column),title=\(title)::\(escapeData(f.message))\n"
            }
        }
        return out
    }
}
