import Foundation
import CLibYAML

/// A YAML node that knows its file and line, with typed accessors that throw located ``RuleError``s.
///
/// Rule files, lexicons and `.tradefacts.yml` need only mappings, lists and strings, so the node
/// is built straight from libyaml's events (``parse(_:file:)``): no tags are resolved and no
/// generic YAML tree is composed first (that was a third of the start-up time).
package struct YAMLNode {
    /// Every stored property, as the memberwise initializer takes them.
    package init(content: Content, isPlain: Bool = false, file: String, line: Int, column: Int) { self.content = content; self.isPlain = isPlain; self.file = file; self.line = line; self.column = column }
    /// A node's content: a scalar's text as written (after quoting and folding), a list, or a
    /// mapping's entries in order (a key that is not a scalar reads as "").
    package enum Content {
        case scalar(String)
        case sequence([YAMLNode])
        case mapping([(key: String, keyNode: YAMLNode, value: YAMLNode)])
    }

    let content: Content
    /// Whether a scalar was written plain (unquoted, not a block): only a plain scalar can read as
    /// a number, a Boolean or null in ``plainValue``.
    var isPlain = false
    package let file: String
    /// Where the node starts, 1-based.
    package let line: Int
    package let column: Int

    package func error(_ message: String) -> RuleError { RuleError(file: file, line: line, column: column, message) }

    /// A token of a file (a key, a list item) as an error message quotes it: at most 60
    /// characters, control characters escaped, so that a message shows the offending token and
    /// nothing more of the file.
    package static func token(_ text: String) -> String {
        var out = ""
        for (i, c) in text.unicodeScalars.enumerated() {
            if i == 60 { return out + "…" }
            out += c.value < 0x20 || c.value == 0x7F ? "\\u{\(String(c.value, radix: 16))}" : String(c)
        }
        return out
    }

    /// Deepest nesting of mappings and lists a rule file may have (rule files need about 5).
    static let maximumDepth = 64
    /// The error for an anchor or alias, wherever it is found.
    static let anchorMessage = "YAML anchors and aliases are not allowed in rule files"

    /// Parses a YAML document; nil for an empty stream. Rejected, with the place: invalid YAML,
    /// anchors and aliases (rule files have no use for them, and they are how "billion laughs"
    /// bombs are built; libyaml's own events show every one, whatever the spelling), nesting deeper
    /// than ``maximumDepth``, a key given twice in one mapping, and a second document. The line
    /// scan ``anchorOrAlias(in:)`` runs first as a second, conservative net.
    package static func parse(_ text: String, file: String) throws -> YAMLNode? {
        if let hit = anchorOrAlias(in: text) {
            throw RuleError(file: file, line: hit.line, column: hit.column, anchorMessage)
        }
        var bytes = Array(text.utf8)
        if bytes.isEmpty { return nil }
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { throw RuleError(file: file, line: 1, "cannot start the YAML parser") }
        defer { yaml_parser_delete(&parser) }
        return try bytes.withUnsafeMutableBufferPointer { buffer -> YAMLNode? in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var composer = Composer(file: file)
            var event = yaml_event_t()
            while true {
                guard yaml_parser_parse(&parser, &event) == 1 else {
                    let problem = parser.problem.map { String(cString: $0) } ?? "syntax error"
                    throw RuleError(file: file, line: Int(parser.problem_mark.line) + 1, column: Int(parser.problem_mark.column) + 1,
                                    "invalid YAML: \(problem)")
                }
                defer { yaml_event_delete(&event) }
                if try composer.take(event) { return composer.root }
            }
        }
    }

    /// Builds nodes from libyaml's events, one open list or mapping per level.
    private struct Composer {
        let file: String
        private var open: [(line: Int, column: Int, isMapping: Bool, items: [YAMLNode], keys: Set<String>)] = []
        /// The document's node, once composed.
        private(set) var root: YAMLNode?
        private var documents = 0

        init(file: String) { self.file = file }

        /// Takes one event; true at the end of the stream (``root`` is then the document, or nil
        /// for an empty stream).
        mutating func take(_ event: yaml_event_t) throws -> Bool {
            let line = Int(event.start_mark.line) + 1, column = Int(event.start_mark.column) + 1
            func fail(_ message: String) -> RuleError { RuleError(file: file, line: line, column: column, message) }
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return true
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 { throw fail("invalid YAML: a rule file holds one document, this is a second") }
            case YAML_ALIAS_EVENT:
                throw fail(YAMLNode.anchorMessage + " (an alias)")
            case YAML_SCALAR_EVENT:
                if event.data.scalar.anchor != nil { throw fail(YAMLNode.anchorMessage + " (an anchor)") }
                let value = event.data.scalar.value.map {
                    String(decoding: UnsafeBufferPointer(start: $0, count: Int(event.data.scalar.length)), as: UTF8.self)
                } ?? ""
                var node = YAMLNode(content: .scalar(value), file: file, line: line, column: column)
                node.isPlain = event.data.scalar.style == YAML_PLAIN_SCALAR_STYLE
                try add(node)
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                let isMapping = event.type == YAML_MAPPING_START_EVENT
                if (isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor) != nil { throw fail(YAMLNode.anchorMessage + " (an anchor)") }
                if open.count >= YAMLNode.maximumDepth {
                    throw fail("YAML nested more than \(YAMLNode.maximumDepth) levels deep; rule files need only a few")
                }
                open.append((line, column, isMapping, [], []))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                let level = open.removeLast()
                let content: Content
                if level.isMapping {
                    var entries: [(key: String, keyNode: YAMLNode, value: YAMLNode)] = []
                    entries.reserveCapacity(level.items.count / 2)
                    for i in stride(from: 0, to: level.items.count - 1, by: 2) {
                        entries.append((level.items[i].scalar ?? "", level.items[i], level.items[i + 1]))
                    }
                    content = .mapping(entries)
                } else {
                    content = .sequence(level.items)
                }
                try add(YAMLNode(content: content, file: file, line: level.line, column: level.column))
            default:
                break
            }
            return false
        }

        /// Adds a finished node to the open list or mapping, or makes it the root.
        private mutating func add(_ node: YAMLNode) throws {
            guard !open.isEmpty else { root = node; return }
            let top = open.count - 1
            if open[top].isMapping && open[top].items.count % 2 == 0, let key = node.scalar {
                guard open[top].keys.insert(key).inserted else { throw node.error("invalid YAML: the key '\(YAMLNode.token(key))' is given twice in this mapping") }
            }
            open[top].items.append(node)
        }
    }

    /// Finds `&name` or `*name` outside quotes and comments, line by line (a conservative scan of
    /// the bytes; every indicator is ASCII, and any non-ASCII byte after one counts as a name).
    static func anchorOrAlias(in text: String) -> (line: Int, column: Int)? {
        var lineNo = 1
        var quote: UInt8? = nil
        var previous: UInt8 = 0x20
        var column = 0
        var comment = false
        let bytes = Array(text.utf8)
        func isNameStart(_ b: UInt8) -> Bool {
            b >= 0x80 || b == 0x5F || (b >= 0x30 && b <= 0x39) || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A)
        }
        for (i, c) in bytes.enumerated() {
            if c == 0x0A { lineNo += 1; column = 0; quote = nil; previous = 0x20; comment = false; continue }
            if c & 0xC0 != 0x80 { column += 1 }  // columns count characters, not bytes
            if comment { continue }
            if let q = quote { if c == q { quote = nil }; previous = c; continue }
            if c == 0x23 /* # */ && (previous == 0x20 || column == 1) { comment = true; continue }
            if c == 0x27 || c == 0x22, [0x20, 0x3A, 0x2D, 0x5B, 0x7B, 0x2C].contains(previous) { quote = c }
            if (c == 0x26 || c == 0x2A) && ([0x20, 0x3A, 0x2D, 0x5B].contains(previous) || column == 1) {
                // Only a YAML indicator when it starts a value (a name follows directly).
                if i + 1 < bytes.count, isNameStart(bytes[i + 1]) { return (lineNo, column) }
            }
            previous = c
        }
        return nil
    }

    var mapping: [(key: String, keyNode: YAMLNode, value: YAMLNode)]? {
        guard case let .mapping(m) = content else { return nil }
        return m
    }

    package func requireMapping(_ what: String) throws -> [(key: String, keyNode: YAMLNode, value: YAMLNode)] {
        guard let m = mapping else { throw error("\(what) must be a mapping") }
        return m
    }

    package func requireSequence(_ what: String) throws -> [YAMLNode] {
        guard case let .sequence(s) = content else { throw error("\(what) must be a list") }
        return s
    }

    package var scalar: String? {
        guard case let .scalar(s) = content else { return nil }
        return s
    }

    package func requireString(_ what: String) throws -> String {
        guard let s = scalar else { throw error("\(what) must be a string") }
        return s
    }

    package func requireInt(_ what: String) throws -> Int {
        guard let s = scalar, let v = Int(s) else { throw error("\(what) must be a whole number") }
        return v
    }

    package func requireBool(_ what: String) throws -> Bool {
        switch scalar?.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default: throw error("\(what) must be true or false")
        }
    }

    /// Checks that a mapping has only `allowed` keys; unknown keys are errors (typos must not pass silently).
    package func checkKeys(_ allowed: Set<String>, in what: String) throws {
        if let first = try unknownKeys(allowed, in: what).first { throw first }
    }

    /// An error for every key of this mapping that is not in `allowed`, in order, each with the
    /// closest allowed key as "did you mean" when one is close.
    package func unknownKeys(_ allowed: Set<String>, in what: String) throws -> [RuleError] {
        try requireMapping(what).filter { !allowed.contains($0.key) }.map { entry in
            let hint = YAMLNode.closest(to: entry.key, among: allowed).map { "; did you mean '\($0)'?" } ?? ""
            return entry.keyNode.error("unknown key '\(YAMLNode.token(entry.key))' in \(what)\(hint) (allowed: \(allowed.sorted().joined(separator: ", ")))")
        }
    }

    /// The candidate nearest `word` by edit distance (insertions, deletions, substitutions, and
    /// swaps of two neighbours), when it is within a third of the word's length (at least 1 and
    /// at most 3 edits); nil otherwise. Ties go to the first in sorted order.
    package static func closest(to word: String, among candidates: some Sequence<String>) -> String? {
        let a = Array(word.lowercased())
        let limit = min(3, max(1, a.count / 3))
        var best: (distance: Int, word: String)? = nil
        for candidate in candidates.sorted() {
            let b = Array(candidate)
            guard abs(a.count - b.count) <= limit else { continue }
            // Optimal string alignment distance.
            var d = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
            for i in 0...a.count { d[i][0] = i }
            for j in 0...b.count { d[0][j] = j }
            if !a.isEmpty && !b.isEmpty {
                for i in 1...a.count {
                    for j in 1...b.count {
                        d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
                    }
                }
            }
            let distance = d[a.count][b.count]
            if distance <= limit, distance < (best?.distance ?? .max) { best = (distance, candidate) }
        }
        return best?.word
    }

    package func value(_ key: String) -> YAMLNode? { mapping?.first(where: { $0.key == key })?.value }

    /// The node as plain values, for data files such as the Corpus's expected results: a mapping
    /// as `[String: Any]`, a list as `[Any]`, a quoted scalar as `String`, and a plain scalar read
    /// as YAML's core schema reads it (`Int`, `Double`, `Bool` for true/false/yes/no/on/off,
    /// `NSNull` for null and ~, otherwise `String`; a date stays its text, "2025-10-03").
    package var plainValue: Any {
        switch content {
        case let .mapping(entries):
            var d: [String: Any] = [:]
            for e in entries { d[e.key] = e.value.plainValue }
            return d
        case let .sequence(items):
            return items.map(\.plainValue)
        case let .scalar(s):
            guard isPlain else { return s }
            return YAMLNode.resolvePlain(s)
        }
    }

    /// Reads a plain scalar's text as YAML's core schema does (with YAML 1.1's yes/no/on/off).
    static func resolvePlain(_ s: String) -> Any {
        switch s {
        case "", "~", "null", "Null", "NULL": return NSNull()
        case "true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON": return true
        case "false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF": return false
        default: break
        }
        let body = s.first == "-" || s.first == "+" ? s.dropFirst() : Substring(s)
        if !body.isEmpty, body.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let i = Int(s) { return i }
        let isFloat = !body.isEmpty && body.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 })
            && body.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E || $0 == 0x65 || $0 == 0x45 || $0 == 0x2D || $0 == 0x2B })
            && body.first != "e" && body.first != "E"
        if isFloat, let d = Double(s) { return d }
        return s
    }
}
