import Foundation
import TradeFactsText

/// Reads Reuters-21578 SGML (`reut2-*.sgm`) into articles: headline, dateline and body as text,
/// the story's DATE as reference date, and its TOPICS.
package struct ReutersStory: Sendable {
    package let id: String
    package let date: CalendarDate?
    package let topics: [String]
    /// "TITLE\nDATELINE - BODY", entities decoded, the trailing "Reuter" sign-off removed.
    package let text: String

    package static let months = ["JAN": 1, "FEB": 2, "MAR": 3, "APR": 4, "MAY": 5, "JUN": 6, "JUL": 7, "AUG": 8, "SEP": 9, "OCT": 10, "NOV": 11, "DEC": 12]

    /// All stories in the `reut2-*.sgm` files of `directory` (or only in `only` of them), in file and document order.
    package static func load(directory: String, only: Set<String>? = nil) throws -> [ReutersStory] {
        let files = try FileManager.default.contentsOfDirectory(atPath: directory)
            .filter { $0.hasPrefix("reut2-") && $0.hasSuffix(".sgm") && (only?.contains($0) ?? true) }.sorted()
        var out: [ReutersStory] = []
        for f in files {
            let data = try Data(contentsOf: URL(fileURLWithPath: "\(directory)/\(f)"))
            let sgml = String(decoding: data, as: UTF8.self)  // one non-ASCII byte in the collection becomes U+FFFD
            var rest = sgml[...]
            while let open = rest.range(of: "<REUTERS"), let close = rest.range(of: "</REUTERS>", range: open.upperBound..<rest.endIndex) {
                out.append(parse(rest[open.lowerBound..<close.upperBound]))
                rest = rest[close.upperBound...]
            }
        }
        return out
    }

    package static func element(_ name: String, in s: Substring) -> Substring? {
        guard let a = s.range(of: "<\(name)>") ?? s.range(of: "<\(name) "),
              let b = s.range(of: "</\(name)>", range: a.upperBound..<s.endIndex) else { return nil }
        let contentStart = s[a.lowerBound...].firstIndex(of: ">").map { s.index(after: $0) } ?? a.upperBound
        return s[contentStart..<b.lowerBound]
    }

    package static func decode(_ s: Substring) -> String {
        var t = String(s)
        t = t.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
        while let r = t.range(of: #"&#[0-9]+;"#, options: .regularExpression) { t.removeSubrange(r) }
        return t.replacingOccurrences(of: "&amp;", with: "&")
    }

    package static func parse(_ doc: Substring) -> ReutersStory {
        var id = "?"
        if let r = doc.range(of: #"NEWID="[0-9]+""#, options: .regularExpression) {
            id = String(doc[r].dropFirst(7).dropLast())
        }
        var date: CalendarDate? = nil
        if let d = element("DATE", in: doc) {
            let parts = d.trimmingCharacters(in: .whitespaces).split(separator: "-")
            if parts.count >= 3, let day = Int(parts[0]), let m = months[String(parts[1])], let y = Int(parts[2].prefix(4)) {
                date = CalendarDate(validYear: y, month: m, day: day)
            }
        }
        let topics = element("TOPICS", in: doc).map { t in
            t.components(separatedBy: "<D>").compactMap { $0.components(separatedBy: "</D>").first }.filter { !$0.isEmpty }
        } ?? []
        let title = element("TITLE", in: doc).map(decode) ?? ""
        let dateline = element("DATELINE", in: doc).map(decode)?.trimmingCharacters(in: .whitespaces) ?? ""
        var body = element("BODY", in: doc).map(decode) ?? ""
        if let r = body.range(of: #"\s*Reuter\s*$"#, options: .regularExpression) { body.removeSubrange(r) }
        let text = title + "\n" + (dateline.isEmpty ? "" : dateline + " ") + body.trimmingCharacters(in: .whitespacesAndNewlines) + "\n"
        return ReutersStory(id: id, date: date, topics: topics, text: text)
    }
}
