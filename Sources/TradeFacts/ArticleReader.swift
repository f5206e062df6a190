import Foundation
import TradeFactsText
import TradeFactsExtract
import TradeFactsChecks

/// One article read from an input, ready to become a `Document` — or the error that stopped it.
public struct Article: Sendable {
    /// The document's name: the input's path, or a JSON Lines record's `id` (else `PATH:LINE`).
    public var id: String
    /// The article's text as UTF-8: the decoded file, its non-prose parts blanked to spaces (so offsets
    /// still match the file), or a JSON Lines record's `text`.
    public var bytes: [UInt8]
    /// The date given with the article (front matter `date:`, a JSON Lines `date`); nil when none, and the dateline is used.
    public var referenceDate: CalendarDate?
    /// A headline given outside the text (front matter `title:`, a JSON Lines `title`); nil when none.
    public var headline: String?
    /// The JSON Lines file and line the article came from; nil for an article that is a file of its own.
    public var origin: DocumentOrigin?
    /// Notes from reading that did not stop it (an encoding conversion, a front matter date that is not `YYYY-MM-DD`).
    public var warnings: [String] = []
    /// Set when the article could not be read; it is still reported as a document.
    public var error: String?

    /// The article as a `Document`; `override`, when not nil, replaces the article's own reference date.
    public func document(referenceDate override: CalendarDate?) -> Document {
        var d = StageProfiler.time(.document) { Document(id: id, bytes: bytes, referenceDate: override ?? referenceDate) }
        d.givenHeadline = headline
        d.origin = origin
        if override == nil, referenceDate != nil { d.givenReferenceDateSource = .metadata }
        return d
    }
}

/// How an input's bytes are read as articles.
public enum InputFormat: String, Sendable, CaseIterable {
    /// By file extension: `.jsonl`/`.ndjson` JSON Lines, `.md`/`.markdown` Markdown, anything else text;
    /// standard input is JSON Lines when its first non-blank byte is `{`.
    case auto
    /// Plain text, read as it is.
    case text
    /// Markdown: front matter `date:` and `title:` are read; front matter, code and HTML comments are blanked.
    case markdown
    /// JSON Lines: one article per line, an object with `text` and optional `id`, `date` and `title`.
    case jsonl
}

/// Reads plain text, Markdown (front matter `date:`/`title:`; code and HTML comments are not prose)
/// and JSON Lines (one article per line: `id`, `date`, `title`, `text`).
///
/// Parts that are not prose are blanked (replaced by spaces, line breaks kept), never removed, so
/// every offset and line number still points into the file as written.
public enum ArticleReader {
    /// The articles in an input. `firstLine` is the line number of the first line of `raw` when it
    /// is a chunk of a larger JSON Lines input (see `LineChunkReader`).
    public static func articles(path: String, raw: [UInt8], format: InputFormat = .auto, firstLine: Int = 1) -> [Article] {
        // JSON Lines are decoded record by record: one Windows-1252 record among UTF-8 ones is read
        // the same whether it is alone or shares a chunk (a file split for Spark gives the same results).
        // A byte-order mark counts only at the start of the input, not of a later chunk.
        if !(firstLine == 1 && InputDecoder.hasUTF16ByteOrderMark(raw)), resolvedFormat(path: path, declared: format, start: raw.prefix(1 << 16)) == .jsonl {
            return jsonLines(path: path, bytes: decodedLineByLine(raw), firstLine: firstLine)
        }
        let decoded = InputDecoder.decode(raw)
        var bytes = decoded.bytes
        switch resolvedFormat(path: path, declared: format, start: bytes) {
        case .jsonl:
            return jsonLines(path: path, bytes: bytes, firstLine: firstLine)
        case .markdown:
            var article = Article(id: path, bytes: [])
            let front = blankFrontMatter(&bytes)
            blankMarkdownNonProse(&bytes)
            article.bytes = bytes
            if let d = front["date"] {
                if let date = CalendarDate(isoDateOrTimestamp: d) { article.referenceDate = date }
                else { article.warnings.append("\(path): front matter date '\(d)' is not YYYY-MM-DD; the dateline is used instead") }
            }
            article.headline = front["title"]
            if let note = decoded.note { article.warnings.append(note) }
            return [article]
        case .text, .auto:
            var article = Article(id: path, bytes: bytes)
            if let note = decoded.note { article.warnings.append(note) }
            return [article]
        }
    }

    /// The format an input is read in: the declared one, else by file extension (`.jsonl`/`.ndjson`
    /// JSON Lines, `.md`/`.markdown` Markdown, anything else text); standard input is JSON Lines
    /// when the first non-blank byte of `start` (its first bytes, after a UTF-8 byte order mark) is `{`.
    public static func resolvedFormat(path: String, declared: InputFormat, start: some Collection<UInt8>) -> InputFormat {
        guard declared == .auto else { return declared }
        let ext = (path as NSString).pathExtension.lowercased()
        if ["jsonl", "ndjson"].contains(ext) { return .jsonl }
        if ["md", "markdown"].contains(ext) { return .markdown }
        // (A UTF-8 byte order mark before the first record is not content.)
        let body = start.starts(with: [0xEF, 0xBB, 0xBF]) ? start.dropFirst(3) : start.dropFirst(0)
        if path == "-", let first = body.first(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }), first == UInt8(ascii: "{") { return .jsonl }
        return .text
    }

    // MARK: JSON Lines

    /// The lines of `raw`, each decoded on its own (``InputDecoder/decode(_:)``: a line in
    /// Windows-1252 is converted; a valid UTF-8 line is kept as it is), joined again.
    static func decodedLineByLine(_ raw: [UInt8]) -> [UInt8] {
        guard InputDecoder.firstInvalidUTF8(raw) != nil else { return raw }
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var start = 0
        while start < raw.count {
            let end = raw[start...].firstIndex(of: 0x0A) ?? raw.count
            out += InputDecoder.decode(Array(raw[start..<end]), utf16: false).bytes
            if end < raw.count { out.append(0x0A) }
            start = end + 1
        }
        return out
    }

    /// How many line ends `bytes` holds, as ``lineEnd(_:from:)`` finds them: each LF, and each CR
    /// that no LF follows. Chunked readers count lines with it, so that a record's line number does
    /// not depend on where the chunks fall.
    package static func lineBreaks(_ bytes: [UInt8]) -> Int {
        var n = 0
        for i in bytes.indices where bytes[i] == 0x0A || (bytes[i] == 0x0D && (i + 1 >= bytes.count || bytes[i + 1] != 0x0A)) { n += 1 }
        return n
    }

    /// The end of the line starting at `start`: the next LF, or a CR that no LF follows, else the end.
    static func lineEnd(_ bytes: [UInt8], from start: Int) -> Int {
        var i = start
        while i < bytes.count {
            if bytes[i] == 0x0A { return i }
            if bytes[i] == 0x0D, i + 1 >= bytes.count || bytes[i + 1] != 0x0A { return i }
            i += 1
        }
        return bytes.count
    }

    package static func jsonLines(path: String, bytes: [UInt8], firstLine: Int = 1) -> [Article] {
        var out: [Article] = []
        var lineNumber = firstLine - 1
        var start = 0
        var parser = JSONLineParser()
        while start < bytes.count {
            lineNumber += 1
            // A line ends at LF, or at a CR that no LF follows (old Mac line ends).
            let end = Self.lineEnd(bytes, from: start)
            let line = bytes[start..<end]
            start = end + 1
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            let origin = DocumentOrigin(path: path, line: lineNumber)
            let record = line.withUnsafeBufferPointer({ parser.parse($0) }) ?? foundationRecord(line)
            var article = Article(id: record?.id ?? "\(path):\(lineNumber)", bytes: [], origin: origin)
            guard let record else {
                article.error = "\(path):\(lineNumber): not a JSON object (invalid JSON Lines record)"
                out.append(article)
                continue
            }
            guard let text = record.text else {
                article.error = "\(path):\(lineNumber): record \(article.id) has no string field \"text\""
                out.append(article)
                continue
            }
            article.bytes = text
            if record.date != .absent {
                guard case let .string(s) = record.date, let date = CalendarDate(isoDateOrTimestamp: s) else {
                    article.error = "\(path):\(lineNumber): record \(article.id) has a \"date\" that is not YYYY-MM-DD"
                    out.append(article)
                    continue
                }
                article.referenceDate = date
            }
            article.headline = record.title
            out.append(article)
        }
        return out
    }

    /// A JSON Lines record as Foundation's `JSONSerialization` reads it, or nil when the line is not
    /// a JSON object. The reference for ``JSONLineParser``, and its fallback.
    package static func foundationRecord(_ line: ArraySlice<UInt8>) -> JSONLineRecord? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(escapingInnerBOMs(line))) as? [String: Any] else { return nil }
        var record = JSONLineRecord()
        // An id is a string or a number; any other value (null, an object, a list, a truth value)
        // is no id, and the record is named by its file and line.
        if let id = object["id"] as? String { record.id = id }
        // (JSON's true and false come as NSNumbers of type "c", on Linux as on Darwin; numbers as "i", "q" or "d".)
        else if let n = object["id"] as? NSNumber, String(cString: n.objCType) != "c" { record.id = n.stringValue }
        if let text = object["text"] as? String { record.text = Array(text.utf8) }
        if let d = object["date"] { record.date = (d as? String).map { .string($0) } ?? .other }
        record.title = object["title"] as? String
        return record
    }

    /// Foundation's JSON parser drops a raw U+FEFF at the start of a string value (it decodes the
    /// string's bytes as UTF-8 "with BOM"), which would shift every offset of a record whose text
    /// begins with one. Written as the escape `\ufeff` it is kept; that spelling means the same
    /// inside a string, and a U+FEFF anywhere else (except a leading byte-order mark, left alone)
    /// is invalid JSON either way.
    package static func escapingInnerBOMs(_ line: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(line.count)
        var i = line.startIndex
        if line.starts(with: [0xEF, 0xBB, 0xBF]) { out += [0xEF, 0xBB, 0xBF]; i += 3 }
        while i < line.endIndex {
            if line[i] == 0xEF, i + 2 < line.endIndex, line[i + 1] == 0xBB, line[i + 2] == 0xBF {
                out += Array("\\ufeff".utf8)
                i += 3
            } else {
                out.append(line[i]); i += 1
            }
        }
        return out
    }

    // MARK: Markdown

    /// Blanks a leading `---` … `---` block and returns its simple `key: value` pairs.
    ///
    /// Works on the bytes line by line, so invalid UTF-8 inside the block never changes how many
    /// bytes are blanked (decoding it to `String` first would turn one bad byte into three).
    static func blankFrontMatter(_ bytes: inout [UInt8]) -> [String: String] {
        guard bytes.starts(with: Array("---\n".utf8)) || bytes.starts(with: Array("---\r\n".utf8)) else { return [:] }
        var fields: [String: String] = [:]
        var lineStart = bytes.firstIndex(of: 0x0A)! + 1
        var closeEnd: Int? = nil
        var pending: [(String, String)] = []
        while lineStart < bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.count
            let line = String(decoding: bytes[lineStart..<lineEnd], as: UTF8.self)
            if line.trimmingCharacters(in: .whitespaces) == "---" || line.trimmingCharacters(in: .whitespaces) == "---\r" {
                closeEnd = lineEnd
                break
            }
            if let colon = line.firstIndex(of: ":") {
                let key = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
                var value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
                if value.count >= 2, let f = value.first, f == "\"" || f == "'", value.last == f { value = String(value.dropFirst().dropLast()) }
                pending.append((key, value))
            }
            lineStart = lineEnd + 1
        }
        guard let end = closeEnd else { return [:] }
        for (k, v) in pending { fields[k] = v }
        for i in 0..<min(end + 1, bytes.count) where bytes[i] != 0x0A { bytes[i] = 0x20 }
        return fields
    }

    /// Blanks fenced code blocks (``` or ~~~) and HTML comments, except a one-line suppression
    /// comment (`<!-- tradefacts-disable-next-line … -->`), which the engine reads and blanks itself
    /// (blanked here, no suppression in a Markdown article would ever have been seen).
    static func blankMarkdownNonProse(_ bytes: inout [UInt8]) {
        func blank(_ a: Int, _ b: Int) { for i in a..<min(b, bytes.count) where bytes[i] != 0x0A { bytes[i] = 0x20 } }
        // HTML comments.
        var i = 0
        let open = Array("<!--".utf8), close = Array("-->".utf8)
        while i + 4 <= bytes.count {
            if Array(bytes[i..<i + 4]) == open {
                var j = i + 4
                while j + 3 <= bytes.count && Array(bytes[j..<j + 3]) != close { j += 1 }
                let end = min(bytes.count, j + 3)
                if !isSuppressionComment(bytes[i..<end]) { blank(i, end) }
                i = end
            } else { i += 1 }
        }
        // Fenced code blocks, line by line.
        var lineStart = 0
        var fenceStart: Int? = nil
        var fence: UInt8 = 0
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count && bytes[lineEnd] != 0x0A { lineEnd += 1 }
            var k = lineStart
            while k < lineEnd && bytes[k] == 0x20 { k += 1 }
            let isFence = k + 3 <= lineEnd && (bytes[k] == UInt8(ascii: "`") || bytes[k] == UInt8(ascii: "~")) && bytes[k + 1] == bytes[k] && bytes[k + 2] == bytes[k]
            if let s = fenceStart {
                if isFence && bytes[k] == fence { blank(s, lineEnd); fenceStart = nil }
            } else if isFence {
                fenceStart = lineStart; fence = bytes[k]
            }
            lineStart = lineEnd + 1
        }
        if let s = fenceStart { blank(s, bytes.count) }
    }

    /// Whether an HTML comment is a suppression the engine reads: `<!--`, blanks, the marker, and
    /// no line break before its `-->` (the form ``Suppressions`` matches).
    static func isSuppressionComment(_ comment: ArraySlice<UInt8>) -> Bool {
        guard comment.count >= 7, comment.suffix(3).elementsEqual("-->".utf8), !comment.contains(0x0A) else { return false }
        let inner = comment.dropFirst(4).drop { $0 == 0x20 || $0 == 0x09 }
        guard inner.starts(with: Suppressions.marker) else { return false }
        // A word character right after the marker makes another word, which the engine does not read.
        let next = inner.dropFirst(Suppressions.marker.count).first ?? 0x20
        return !(next == 0x5F || (0x30...0x39).contains(next) || (0x41...0x5A).contains(next) || (0x61...0x7A).contains(next))
    }
}
