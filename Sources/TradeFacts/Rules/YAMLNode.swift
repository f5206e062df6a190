import Yams

/// A YAML node that knows its file and line, with typed accessors that throw located ``RuleError``s.
struct YAMLNode {
    let node: Node
    let file: String

    var line: Int { node.mark?.line ?? 1 }
    var column: Int { node.mark?.column ?? 1 }

    func error(_ message: String) -> RuleError { RuleError(file: file, line: line, column: column, message) }

    /// Parses a YAML document, rejecting anchors and aliases (rule files have no use for them,
    /// and they are how "billion laughs" bombs are built) and absurd nesting, before Yams composes
    /// anything (``forbiddenConstruct(in:)`` reads libyaml's events; the line scan below is kept as
    /// a second, conservative net).
    static func parse(_ text: String, file: String) throws -> YAMLNode? {
        if let hit = forbiddenConstruct(in: text) {
            throw RuleError(file: file, line: hit.line, column: hit.column, hit.message)
        }
        if let hit = anchorOrAlias(in: text) {
            throw RuleError(file: file, line: hit.line, column: hit.column, "YAML anchors and aliases are not allowed in rule files")
        }
        do {
            guard let node = try Yams.compose(yaml: text) else { return nil }
            return YAMLNode(node: node, file: file)
        } catch let e as YamlError {
            switch e {
            case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
                throw RuleError(file: file, line: mark.line, column: mark.column, "invalid YAML: \(problem)")
            default:
                throw RuleError(file: file, line: 1, "invalid YAML: \(e)")
            }
        }
    }

    /// Finds `&name` or `*name` outside quotes and comments, line by line (a conservative scan).
    static func anchorOrAlias(in text: String) -> (line: Int, column: Int)? {
        var lineNo = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNo += 1
            var quote: Character? = nil
            var previous: Character = " "
            var column = 0
            for c in line {
                column += 1
                if let q = quote { if c == q { quote = nil }; previous = c; continue }
                if c == "#" && (previous == " " || column == 1) { break }
                if c == "'" || c == "\"" { if previous == " " || previous == ":" || previous == "-" || previous == "[" || previous == "{" || previous == "," { quote = c } }
                if (c == "&" || c == "*") && (previous == " " || previous == ":" || previous == "-" || previous == "[" || column == 1) {
                    // Only a YAML indicator when it starts a value (a name follows directly).
                    let rest = line.dropFirst(column)
                    if let next = rest.first, next.isLetter || next.isNumber || next == "_" { return (lineNo, column) }
                }
                previous = c
            }
        }
        return nil
    }

    var mapping: [(key: String, keyNode: YAMLNode, value: YAMLNode)]? {
        guard case let .mapping(m) = node else { return nil }
        return m.map { (key: $0.key.string ?? "", keyNode: YAMLNode(node: $0.key, file: file), value: YAMLNode(node: $0.value, file: file)) }
    }

    func requireMapping(_ what: String) throws -> [(key: String, keyNode: YAMLNode, value: YAMLNode)] {
        guard let m = mapping else { throw error("\(what) must be a mapping") }
        return m
    }

    func requireSequence(_ what: String) throws -> [YAMLNode] {
        guard case let .sequence(s) = node else { throw error("\(what) must be a list") }
        return s.map { YAMLNode(node: $0, file: file) }
    }

    var scalar: String? {
        guard case let .scalar(s) = node else { return nil }
        return s.string
    }

    func requireString(_ what: String) throws -> String {
        guard let s = scalar else { throw error("\(what) must be a string") }
        return s
    }

    func requireInt(_ what: String) throws -> Int {
        guard let s = scalar, let v = Int(s) else { throw error("\(what) must be a whole number") }
        return v
    }

    func requireBool(_ what: String) throws -> Bool {
        switch scalar?.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default: throw error("\(what) must be true or false")
        }
    }

    /// Checks that a mapping has only `allowed` keys; unknown keys are errors (typos must not pass silently).
    func checkKeys(_ allowed: Set<String>, in what: String) throws {
        for entry in try requireMapping(what) where !allowed.contains(entry.key) {
            throw entry.keyNode.error("unknown key '\(entry.key)' in \(what) (allowed: \(allowed.sorted().joined(separator: ", ")))")
        }
    }

    func value(_ key: String) -> YAMLNode? { mapping?.first(where: { $0.key == key })?.value }
}
