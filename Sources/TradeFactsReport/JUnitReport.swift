import TradeFactsChecks
/// JUnit XML: one test case per document; findings at or above the failing severity are failures,
/// an unreadable input is an error, findings below it are written to system-out.
public enum JUnitReport {
    package static func escape(_ s: String) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default:
                // XML 1.0 forbids most control characters.
                if scalar.value < 0x20 && scalar != "\n" && scalar != "\t" && scalar != "\r" { out += "?" } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// A JUnit XML document with one test case per result: a result fails when it has a finding at or
    /// above `failOn` (none fails when `failOn` is nil).
    public static func render(_ results: [DocumentResult], failOn: Severity?) -> String {
        var cases = ""
        var failures = 0, errors = 0
        for r in results {
            cases += "    <testcase classname=\"tradefacts.check\" name=\"\(escape(r.documentID))\">\n"
            if let e = r.error {
                errors += 1
                cases += "      <error message=\"\(escape(e))\" type=\"unreadable\"/>\n"
            } else {
                let failing = r.findings.filter { f in failOn.map { f.severity >= $0 } ?? false }
                let text = TextDiagnostics.render(r)
                if !failing.isEmpty {
                    failures += 1
                    let summary = "\(failing.count) finding(s) at or above \(failOn!.rawValue)"
                    cases += "      <failure message=\"\(escape(summary))\" type=\"\(failing.map(\.check).sorted().first!)\">\(escape(text))</failure>\n"
                } else if !text.isEmpty {
                    cases += "      <system-out>\(escape(text))</system-out>\n"
                }
            }
            cases += "    </testcase>\n"
        }
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites name="tradefacts" tests="\(results.count)" failures="\(failures)" errors="\(errors)">
              <testsuite name="tradefacts check" tests="\(results.count)" failures="\(failures)" errors="\(errors)">

            """ + cases + "  </testsuite>\n</testsuites>\n"
    }
}
