/// The LSP base protocol's framing: each message is a header part (`Content-Length: N`, an
/// optional `Content-Type`, each line ended by `\r\n`), an empty line, then N bytes of JSON.
///
/// ``MessageFramer`` cuts a byte stream into message bodies. Bad framing never stops it: a header
/// without a usable `Content-Length`, or with text that is not a header, is reported and skipped
/// up to the next `Content-Length:`; a body larger than ``maxBodyBytes`` is reported and its
/// bytes dropped as they arrive, never buffered.
public struct MessageFramer: Sendable {
    /// What ``next()`` found.
    public enum Event: Equatable, Sendable {
        /// A message body (the JSON text).
        case message([UInt8])
        /// Framing that was skipped, and why.
        case error(String)
    }

    /// The largest body taken; a larger one is skipped.
    public let maxBodyBytes: Int
    /// The longest header part waited for before it is called garbage.
    public static let maxHeaderBytes = 8192

    private var buffer: [UInt8] = []
    private var start = 0
    private var skipping = 0

    /// A framer that takes bodies of up to `maxBodyBytes` bytes.
    public init(maxBodyBytes: Int = 512 << 20) { self.maxBodyBytes = maxBodyBytes }

    /// Adds bytes read from the stream.
    public mutating func append(_ bytes: some Collection<UInt8>) {
        if start > 0 && start >= buffer.count / 2 {
            buffer.removeSubrange(0..<start)
            start = 0
        }
        buffer.append(contentsOf: bytes)
    }

    /// The bytes received and not yet taken.
    public var pendingBytes: Int { buffer.count - start }

    /// The next message or framing error, or nil when more bytes are needed.
    public mutating func next() -> Event? {
        while true {
            if skipping > 0 {
                let n = min(skipping, buffer.count - start)
                start += n
                skipping -= n
                if skipping > 0 { return nil }
            }
            // Blank lines between messages are tolerated.
            while start < buffer.count, buffer[start] == 0x0D || buffer[start] == 0x0A { start += 1 }
            guard start < buffer.count else { return nil }
            guard let (headerEnd, bodyStart) = headerEnd() else {
                // The complete lines so far must be header lines: a client that sends bare JSON
                // hears about it at once instead of waiting for an empty line that never comes.
                let complete = buffer[start..<buffer.count].lastIndex(of: 0x0A) ?? start
                let first = buffer[start]
                let startsLikeHeader = (0x41...0x5A).contains(first) || (0x61...0x7A).contains(first)
                if !startsLikeHeader {
                    resynchronize()
                    return .error("\(Self.quoted(String(decoding: buffer[start..<min(buffer.count, start + 60)], as: UTF8.self))) is not a header line; skipped to the next Content-Length")
                }
                if case .failure(let problem) = parseHeader(buffer[start..<complete], requireLength: false) {
                    resynchronize()
                    return .error("\(problem); skipped to the next Content-Length")
                }
                if buffer.count - start > Self.maxHeaderBytes {
                    resynchronize()
                    return .error("a header part longer than \(Self.maxHeaderBytes) bytes without an empty line; skipped")
                }
                return nil
            }
            let length: Int
            switch parseHeader(buffer[start..<headerEnd], requireLength: true) {
            case .failure(let problem):
                resynchronize()
                return .error("\(problem); skipped to the next Content-Length")
            case .success(let n):
                length = n ?? 0
            }
            if length > maxBodyBytes {
                start = bodyStart
                skipping = length
                return .error("a message of \(length) bytes is larger than the \(maxBodyBytes) bytes taken; skipped")
            }
            guard buffer.count - bodyStart >= length else { return nil }
            let body = Array(buffer[bodyStart..<(bodyStart + length)])
            start = bodyStart + length
            return .message(body)
        }
    }

    /// Where the header part starting at `start` ends (its last line's end) and the body starts:
    /// after the first empty line, `\r\n\r\n` (or `\n\n` from a lenient client).
    private func headerEnd() -> (Int, Int)? {
        var i = start
        let limit = min(buffer.count, start + Self.maxHeaderBytes + 4)
        while i < limit {
            if buffer[i] == 0x0A {
                if i + 1 < buffer.count, buffer[i + 1] == 0x0A { return (i, i + 2) }
                if i + 2 < buffer.count, buffer[i + 1] == 0x0D, buffer[i + 2] == 0x0A { return (i, i + 3) }
            }
            i += 1
        }
        return nil
    }

    /// The `Content-Length` of a header part (nil when it has none and `requireLength` is false),
    /// or what is wrong with it.
    private func parseHeader(_ header: ArraySlice<UInt8>, requireLength: Bool) -> Result<Int?, HeaderProblem> {
        var length: Int? = nil
        for rawLine in header.split(separator: 0x0A) {
            let line = String(decoding: rawLine, as: UTF8.self).trimmingSuffixCR()
            guard let colon = line.firstIndex(of: ":") else {
                return .failure(HeaderProblem("a header line without a colon (\(Self.quoted(line)))"))
            }
            let name = line[..<colon].lowercased()
            let value = line[line.index(after: colon)...].trimmingSpaces()
            guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) else {
                return .failure(HeaderProblem("not a header line (\(Self.quoted(line)))"))
            }
            if name == "content-length" {
                guard !value.isEmpty, value.count <= 18, value.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(value) else {
                    return .failure(HeaderProblem("Content-Length is not a number of bytes (\(Self.quoted(value)))"))
                }
                length = n
            }
        }
        if length == nil && requireLength { return .failure(HeaderProblem("a header part without Content-Length")) }
        return .success(length)
    }

    /// Drops bytes up to the next `Content-Length:` after the current start (the last few bytes
    /// are kept when none is found: they may be the start of one).
    private mutating func resynchronize() {
        let key = Array("content-length:".utf8)
        var i = start + 1
        while i + key.count <= buffer.count {
            if (0..<key.count).allSatisfy({ buffer[i + $0] | 0x20 == key[$0] | 0x20 }) {
                start = i
                return
            }
            i += 1
        }
        start = max(start + 1, buffer.count - key.count + 1)
    }

    /// The first 60 characters of `s`, quoted, for a message.
    static func quoted(_ s: some StringProtocol) -> String {
        let cut = s.prefix(60)
        return "\"" + cut.unicodeScalars.map { $0.value < 0x20 ? "?" : String($0) }.joined() + (s.count > 60 ? "…" : "") + "\""
    }

    /// A body framed with its `Content-Length` header.
    public static func frame(_ body: [UInt8]) -> [UInt8] {
        Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
    }
}

/// What is wrong with a header part.
struct HeaderProblem: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

extension StringProtocol {
    func trimmingSuffixCR() -> String { hasSuffix("\r") ? String(dropLast()) : String(self) }
    func trimmingSpaces() -> String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
