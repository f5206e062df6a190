import Foundation
import PCRE2Kit
import TradeFactsText

/// All rules and lexicons in force: the embedded defaults plus any `--rules` folders.
///
/// A rule in a later source with the id of an earlier one replaces it (so a user can override a
/// default rule); two rules with the same id in one source are an error.
///
/// Thread-safe: everything public is set while the rule set loads and never changes afterwards;
/// the one cache that ``compile(_:caseless:)`` fills later (lexicon alternations) is guarded by a
/// lock, so any thread may compile helper patterns from a shared rule set.
public final class RuleSet: @unchecked Sendable {
    /// Every rule in force, in load order; a rule with the id of one in an earlier source takes that one's place.
    public private(set) var rules: [Rule] = []
    /// Every lexicon by name; a later file naming an existing lexicon adds its entries to it (a phrase listed again takes the new value).
    public private(set) var lexicons: [String: Lexicon] = [:] { didSet { alternationsLock.withLock { alternations.removeAll() } } }
    /// Lexicon alternations already built, by lexicon name and case (a trie per use would cost
    /// start-up time); read and written only under ``alternationsLock``.
    private var alternations: [String: String] = [:]
    private let alternationsLock = NSLock()
    /// Named pattern fragments, usable in patterns as `{{name}}`.
    public private(set) var definitions: [String: String] = [:]
    /// Files loaded, in order.
    public private(set) var files: [String] = []
    /// The distinct rule triggers, compiled (see ``Rule/trigger``).
    public private(set) var triggerPatterns: [Pattern] = []
    /// For each rule (same order as ``rules``), the index of its trigger in ``triggerPatterns``, or
    /// nil when it runs on the whole text.
    public private(set) var ruleTriggers: [Int?] = []
    /// For each trigger, its literal form when it has one (found by ``TriggerScanner`` in one pass
    /// with the others), else nil (searched with its PCRE2 pattern).
    package private(set) var triggerLiterals: [LiteralTrigger?] = []
    /// The statement rules (files with a `statements:` list), in file order.
    public private(set) var statementRules: [StatementRule] = []

    /// The rules compiled into the binary from the package's `Rules/` folder.
    public static func embedded() throws -> RuleSet {
        try RuleSet(sources: [EmbeddedRules.files.map { RuleSource(path: $0.path, text: $0.contents) }])
    }

    /// Only the embedded lexicons named (for tables read once, such as number words' values).
    package static func embeddedLexicons(_ names: Set<String>) throws -> [String: Lexicon] {
        let files = EmbeddedRules.files.filter { f in names.contains { f.path.hasSuffix("lexicons/\($0).yaml") } }
        return try RuleSet(sources: [files.map { RuleSource(path: $0.path, text: $0.contents) }]).lexicons
    }

    /// Embedded rules plus rule folders given by the user.
    public static func load(extraDirectories: [String]) throws -> RuleSet {
        var sources = [EmbeddedRules.files.map { RuleSource(path: $0.path, text: $0.contents) }]
        for dir in extraDirectories { sources.append(try RuleSource.directory(dir)) }
        return try RuleSet(sources: sources)
    }

    /// A rule file's path and text.
    public struct RuleSource: Sendable {
        /// The file's path, as errors and rules name it (`Rules/money.yaml` for an embedded file).
        public let path: String
        /// The file's YAML text.
        public let text: String
        /// A source from a path and its text; the file need not exist.
        public init(path: String, text: String) { self.path = path; self.text = text }

        /// Every `.yaml`/`.yml` file below `dir`, sorted by path. Symbolic links to directories below
        /// it are not followed; `dir` itself may be one.
        public static func directory(_ dir: String) throws -> [RuleSource] {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue else {
                throw RuleError(file: dir, line: 0, "rule folder not found")
            }
            // A folder given as a symbolic link is walked where it points (the walker reads nothing
            // through a link), its files named below the folder as given.
            let given = URL(fileURLWithPath: dir)
            let isLink = (try? FileManager.default.destinationOfSymbolicLink(atPath: dir)) != nil
            let base = isLink ? given.resolvingSymlinksInPath() : given
            var out: [RuleSource] = []
            let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey])
            while var url = walker?.nextObject() as? URL {
                if isLink, url.path.hasPrefix(base.path + "/") { url = given.appendingPathComponent(String(url.path.dropFirst(base.path.count + 1))) }
                guard ["yaml", "yml"].contains(url.pathExtension) else { continue }
                let size = (try? url.resourceValues(forKeys: [.fileSizeKey]).fileSize) ?? 0
                if size > 4 * 1024 * 1024 { throw RuleError(file: url.path, line: 0, "rule file is larger than 4 MiB") }
                guard let data = FileManager.default.contents(atPath: url.path) else {
                    throw RuleError(file: url.path, line: 0, "cannot read rule file")
                }
                if let invalid = RuleError.invalidUTF8([UInt8](data), file: url.path, what: "rule file") { throw invalid }
                let text = String(decoding: data, as: UTF8.self)
                out.append(RuleSource(path: url.path, text: text))
            }
            return out.sorted { $0.path < $1.path }
        }
    }

    /// Loads groups of sources in order; lexicons and definitions first, then rules (so any file may use any lexicon).
    public init(sources groups: [[RuleSource]]) throws {
        var parsed: [[(RuleSource, YAMLNode)]] = []
        for group in groups {
            var g: [(RuleSource, YAMLNode)] = []
            for source in group {
                guard let root = try YAMLNode.parse(source.text, file: source.path) else { continue }
                g.append((source, root))
                files.append(source.path)
            }
            parsed.append(g)
        }
        for (index, group) in parsed.enumerated() {
            var seen: [String: String] = [:]
            // Definitions this group gives again over an earlier group's (a --rules folder over the
            // built-in ones): rules, triggers and helper patterns already loaded use them, so each
            // must compile by itself, and its error names it.
            var redefined: [(name: String, node: YAMLNode)] = []
            for (source, root) in group {
                if root.value("lexicon") != nil {
                    try loadLexicon(root, file: source.path)
                } else {
                    try root.checkKeys(["type", "description", "trigger", "definitions", "rules", "statements"], in: "a rule file")
                    if let defs = root.value("definitions") {
                        for entry in try defs.requireMapping("definitions") {
                            if let previous = seen["def:" + entry.key] {
                                throw entry.keyNode.error("definition '\(entry.key)' is already defined in \(previous)")
                            }
                            seen["def:" + entry.key] = source.path
                            if index > 0 && definitions[entry.key] != nil { redefined.append((entry.key, entry.value)) }
                            definitions[entry.key] = try entry.value.requireString("definition '\(entry.key)'")
                        }
                    }
                }
            }
            for (name, node) in redefined {
                // Caseless, and with PCRE2_DUPNAMES (0x40): a fragment may name a group twice, as the rules it goes into may.
                do { _ = try Pattern(try expand(definitions[name]!, at: node), options: UInt32(0x00000008 | 0x00000040), jit: false) } catch let e as PCRE2Error {
                    throw node.error("definition '\(name)' does not compile: \(e)")
                }
            }
            for (source, root) in group where root.value("lexicon") == nil {
                var defaultType: MentionType? = nil
                if let t = root.value("type") { defaultType = try Self.mentionType(t) }
                let fileTrigger = try root.value("trigger").map { try checkTrigger($0) }
                // A rule that is not one of the binary's own (by file and text) counts its steps
                // against a per-document budget (see `Pattern.countsSteps`): mention rules and their
                // triggers in the extractor, statement rules in the statement reader.
                let builtIn = EmbeddedRules.files.contains { $0.path == source.path && $0.contents == source.text }
                if let list = root.value("statements") {
                    for node in try list.requireSequence("statements") {
                        let rule = try loadStatementRule(node, file: source.path, countSteps: !builtIn)
                        if let previous = seen["rule:" + rule.id] {
                            throw node.error("duplicate rule id '\(rule.id)' (first defined in \(previous))")
                        }
                        seen["rule:" + rule.id] = "\(source.path):\(node.line)"
                        if let i = statementRules.firstIndex(where: { $0.id == rule.id }) { statementRules[i] = rule } else { statementRules.append(rule) }
                    }
                }
                guard let list = root.value("rules") else { continue }
                for node in try list.requireSequence("rules") {
                    let rule = try loadRule(node, defaultType: defaultType, defaultTrigger: fileTrigger ?? nil, file: source.path, countSteps: !builtIn)
                    if let previous = seen["rule:" + rule.id] {
                        throw node.error("duplicate rule id '\(rule.id)' (first defined in \(previous))")
                    }
                    seen["rule:" + rule.id] = "\(source.path):\(node.line)"
                    if let i = rules.firstIndex(where: { $0.id == rule.id }) { rules[i] = rule } else { rules.append(rule) }
                }
            }
        }
        try compileTriggers()
    }

    static func mentionType(_ node: YAMLNode) throws -> MentionType {
        let s = try node.requireString("type")
        guard let t = MentionType(rawValue: s) else {
            throw node.error("unknown type '\(s)' (one of: \(MentionType.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        return t
    }

    func loadLexicon(_ root: YAMLNode, file: String) throws {
        try root.checkKeys(["lexicon", "description", "entries"], in: "a lexicon file")
        let name = try root.value("lexicon")!.requireString("lexicon")
        let lexDescription = try root.value("description")?.requireString("description") ?? ""
        var lexicon = lexicons[name] ?? Lexicon(name: name, description: lexDescription, file: file)
        guard let entries = root.value("entries") else { throw root.error("lexicon '\(name)' has no entries") }
        for entry in try entries.requireMapping("entries") {
            if let phrase = entry.value.scalar {
                lexicon.add(phrase, value: entry.key)
            } else {
                for p in try entry.value.requireSequence("phrases of '\(entry.key)'") {
                    let phrase = try p.requireString("a phrase")
                    guard !phrase.trimmingCharacters(in: .whitespaces).isEmpty else { throw p.error("empty phrase") }
                    lexicon.add(phrase, value: entry.key)
                }
            }
        }
        lexicons[name] = lexicon
    }

    /// The longest a pattern may become once definitions and lexicons are expanded (the largest
    /// built-in rule is about 5 KB). Definitions that use each other twice over would otherwise
    /// double at every level: sixteen levels make a few gigabytes before PCRE2 ever sees them.
    public static let maximumExpandedPatternLength = 1 << 20

    /// Expands `{{name}}` (a definition) and `{{lexicon:name}}` (a lexicon's phrases) in a pattern.
    /// `caseless`: the pattern is compiled without case, so lexicons may be factored ignoring case
    /// (a lexicon inside `(?-i:…)` in such a pattern would match lower case only).
    package func expand(_ pattern: String, at node: YAMLNode? = nil, depth: Int = 0, caseless: Bool = true) throws -> String {
        var budget = Self.maximumExpandedPatternLength
        return try expand(pattern, at: node, depth: depth, caseless: caseless, budget: &budget)
    }

    private func expand(_ pattern: String, at node: YAMLNode?, depth: Int, caseless: Bool, budget: inout Int) throws -> String {
        func tooLong() -> RuleError {
            let message = "pattern expands to more than \(Self.maximumExpandedPatternLength) bytes (definitions or lexicons used too often?)"
            return node?.error(message) ?? RuleError(file: "", line: 0, message)
        }
        guard depth < 16 else { throw node?.error("definitions nest too deeply (a cycle?)") ?? RuleError(file: "", line: 0, "definitions nest too deeply") }
        var out = ""
        var rest = Substring(pattern)
        while let open = rest.range(of: "{{") {
            out += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "}}") else {
                throw node?.error("unclosed '{{' in pattern") ?? RuleError(file: "", line: 0, "unclosed '{{'")
            }
            budget -= rest.utf8.distance(from: rest.startIndex, to: open.lowerBound)
            let name = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            if name.hasPrefix("slot:") {
                guard let slot = StatementRule.slot(String(name.dropFirst("slot:".count))) else {
                    throw node?.error("unknown slot '\(name)' in pattern (money, percent, period, count, quantity, number, figure)")
                        ?? RuleError(file: "", line: 0, "unknown slot \(name)")
                }
                out += slot
            } else if name.hasPrefix("lexicon:") {
                let lex = String(name.dropFirst("lexicon:".count))
                guard let l = lexicons[lex] else { throw node?.error("unknown lexicon '\(lex)' in pattern") ?? RuleError(file: "", line: 0, "unknown lexicon \(lex)") }
                let cacheKey = (caseless ? "i:" : "c:") + lex
                let alternation = alternationsLock.withLock {
                    if let built = alternations[cacheKey] { return built }
                    let built = l.alternation(caseless: caseless)
                    alternations[cacheKey] = built
                    return built
                }
                budget -= alternation.utf8.count
                guard budget >= 0 else { throw tooLong() }
                out += alternation
            } else {
                guard let def = definitions[name] else { throw node?.error("unknown definition '{{\(name)}}' in pattern") ?? RuleError(file: "", line: 0, "unknown definition \(name)") }
                budget -= 5
                guard budget >= 0 else { throw tooLong() }
                out += "(?:" + (try expand(def, at: node, depth: depth + 1, caseless: caseless, budget: &budget)) + ")"
            }
            rest = rest[close.upperBound...]
        }
        budget -= rest.utf8.count
        guard budget >= 0 else { throw tooLong() }
        return out + rest
    }

    /// Compiles a helper pattern (used by records and checks) with definitions and lexicons expanded.
    public func compile(_ pattern: String, caseless: Bool = true) throws -> Pattern {
        try Pattern(try expand(pattern, caseless: caseless), options: caseless ? UInt32(0x00000008) : 0)
    }

    /// Reads a `trigger:` (a pattern fragment, or `none`): nil for `none`; an error located at the
    /// node when it does not compile.
    func checkTrigger(_ node: YAMLNode) throws -> String? {
        let source = try node.requireString("trigger")
        if source == "none" { return nil }
        if checkedTriggers.contains(source) { return source }
        // Checked without JIT (``compileTriggers()`` compiles each distinct trigger for use), once per source.
        do { _ = try Pattern(try expand(source), options: UInt32(0x00000008), jit: false) } catch let e as PCRE2Error {
            throw node.error("trigger does not compile: \(e)")
        }
        checkedTriggers.insert(source)
        return source
    }

    /// Trigger sources already checked by ``checkTrigger(_:)`` (most rules share their file's).
    private var checkedTriggers = Set<String>()

    /// The compiled triggers, one per distinct expanded trigger, and each rule's index into them
    /// (nil: the rule runs on the whole text). Built once, after loading.
    func compileTriggers() throws {
        var index: [String: Int] = [:]
        var patterns: [Pattern] = []
        var literals: [LiteralTrigger?] = []
        ruleTriggers = try rules.map { rule in
            guard let t = rule.trigger else { return nil }
            let expanded = try expand(t)
            // The trigger of a rule that counts its steps counts them too (a user's trigger may be
            // any pattern): compiled apart from the same trigger of a built-in rule.
            let counts = rule.pattern.countsSteps
            let key = (counts ? "c:" : "b:") + expanded
            if let i = index[key] { return i }
            do { patterns.append(try Pattern(expanded, options: UInt32(0x00000008) /* PCRE2_CASELESS */ | (counts ? Pattern.countingSteps : 0))) } catch let e as PCRE2Error {
                // Checked when the rule loaded; a definition given again later can still break it.
                throw RuleError(file: rule.file, line: rule.line, "trigger of rule '\(rule.id)' does not compile with the definitions in force: \(e)")
            }
            literals.append(LiteralTrigger.parse(t, definitions: definitions, lexicons: lexicons))
            index[key] = patterns.count - 1
            return patterns.count - 1
        }
        triggerPatterns = patterns
        triggerLiterals = literals
    }

    func loadRule(_ node: YAMLNode, defaultType: MentionType?, defaultTrigger: String? = nil, file: String, countSteps: Bool = false) throws -> Rule {
        try node.checkKeys(["id", "description", "type", "pattern", "priority", "latent", "caseSensitive", "fields", "set", "examples", "trigger"], in: "a rule")
        guard let idNode = node.value("id") else { throw node.error("rule has no id") }
        let id = try idNode.requireString("id")
        // ^[a-z0-9][a-z0-9.-]*$, checked by bytes (a Foundation regex here cost a tenth of start-up).
        let idBytes = Array(id.utf8)
        func idByte(_ b: UInt8) -> Bool { (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) }
        guard let first = idBytes.first, idByte(first), idBytes.allSatisfy({ idByte($0) || $0 == 0x2E || $0 == 0x2D }) else {
            throw idNode.error("rule id '\(id)' must be lower-case letters, digits, '.' and '-'")
        }
        let description = try node.value("description")?.requireString("description") ?? ""
        let type: MentionType
        if let t = node.value("type") { type = try Self.mentionType(t) } else if let d = defaultType { type = d } else {
            throw node.error("rule '\(id)' has no type (set 'type' on the rule or the file)")
        }
        guard let patternNode = node.value("pattern") else { throw node.error("rule '\(id)' has no pattern") }
        let source = try patternNode.requireString("pattern")
        let caseSensitive = try node.value("caseSensitive")?.requireBool("caseSensitive") ?? false
        let expanded = try expand(source, at: patternNode, caseless: !caseSensitive)
        let pattern: Pattern
        do {
            // PCRE2_USE_OFFSET_LIMIT (0x00800000): the extractor limits where a match may start to a trigger region.
            pattern = try Pattern(expanded, options: (caseSensitive ? 0 : UInt32(0x00000008) /* PCRE2_CASELESS */) | 0x00800000
                                  | (countSteps ? Pattern.countingSteps : 0))
        } catch let e as PCRE2Error {
            throw patternNode.error("pattern of rule '\(id)' does not compile: \(e)\(expanded == source ? "" : " (in the expanded pattern)")")
        }
        var fields: [String: String] = [:]
        if let f = node.value("fields") {
            for entry in try f.requireMapping("fields") {
                guard type.allowedFields.contains(entry.key) else {
                    throw entry.keyNode.error("'\(entry.key)' is not a field of \(type.rawValue) (allowed: \(type.allowedFields.sorted().joined(separator: ", ")))")
                }
                let group = try entry.value.requireString("field '\(entry.key)'")
                guard pattern.groupNumbers[group] != nil else {
                    throw entry.value.error("field '\(entry.key)' names group '\(group)', which the pattern does not have")
                }
                fields[entry.key] = group
            }
        }
        var literals: [String: String] = [:]
        if let s = node.value("set") {
            for entry in try s.requireMapping("set") {
                guard type.allowedFields.contains(entry.key) else {
                    throw entry.keyNode.error("'\(entry.key)' is not a field of \(type.rawValue)")
                }
                literals[entry.key] = try entry.value.requireString("set '\(entry.key)'")
            }
        }
        let priority = try node.value("priority")?.requireInt("priority") ?? 0
        let latent = try node.value("latent")?.requireBool("latent") ?? false
        let examples = try loadExamples(node)
        let trigger = try node.value("trigger").map { try checkTrigger($0) } ?? defaultTrigger
        return Rule(id: id, description: description, type: type, patternSource: source, pattern: pattern,
                    fields: fields, literals: literals, priority: priority, latent: latent, examples: examples,
                    trigger: trigger, file: file, line: node.line)
    }

    /// A rule's `examples:` list: each a text, an optional `date`, and `expect:` (a mapping of
    /// expected fields, or `none`).
    func loadExamples(_ node: YAMLNode) throws -> [RuleExample] {
        var examples: [RuleExample] = []
        guard let ex = node.value("examples") else { return examples }
        for e in try ex.requireSequence("examples") {
            try e.checkKeys(["text", "date", "expect"], in: "an example")
            guard let t = e.value("text") else { throw e.error("example has no text") }
            var date: CalendarDate? = nil
            if let d = e.value("date") {
                guard let parsed = CalendarDate(iso: try d.requireString("date")) else { throw d.error("date must be YYYY-MM-DD") }
                date = parsed
            }
            guard let expectNode = e.value("expect") else { throw e.error("example has no expect (a mapping, or 'none')") }
            var expect: [(String, String)]? = nil
            if expectNode.scalar != "none" {
                expect = try expectNode.requireMapping("expect").map { ($0.key, try $0.value.requireString("expected \($0.key)")) }
            }
            examples.append(RuleExample(text: try t.requireString("text"), referenceDate: date, expect: expect, line: e.line))
        }
        return examples
    }

    /// One entry of a `statements:` list (see ``StatementRule``).
    func loadStatementRule(_ node: YAMLNode, file: String, countSteps: Bool = false) throws -> StatementRule {
        try node.checkKeys(["id", "description", "pattern", "priority", "set", "examples"], in: "a statement rule")
        guard let idNode = node.value("id") else { throw node.error("statement rule has no id") }
        let id = try idNode.requireString("id")
        guard id.hasPrefix("statement."), id.utf8.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E || $0 == 0x2D }) else {
            throw idNode.error("statement rule id '\(id)' must start with 'statement.' and use lower-case letters, digits, '.' and '-'")
        }
        guard let patternNode = node.value("pattern") else { throw node.error("statement rule '\(id)' has no pattern") }
        let source = try patternNode.requireString("pattern")
        let expanded = try expand(source, at: patternNode, caseless: true)
        let pattern: Pattern
        do {
            pattern = try Pattern(expanded, options: UInt32(0x00000008) /* PCRE2_CASELESS */ | (countSteps ? Pattern.countingSteps : 0))
        } catch let e as PCRE2Error {
            throw patternNode.error("pattern of statement rule '\(id)' does not compile: \(e)\(expanded == source ? "" : " (in the expanded pattern)")")
        }
        for group in pattern.groupNumbers.keys where !StatementRule.roles.contains(group) {
            throw patternNode.error("group '\(group)' of statement rule '\(id)' is not a role (\(StatementRule.roles.joined(separator: ", ")))")
        }
        guard pattern.groupNumbers["value"] != nil || pattern.groupNumbers["change"] != nil else {
            throw patternNode.error("statement rule '\(id)' binds neither a value nor a change")
        }
        var literals: [String: String] = [:]
        if let s = node.value("set") {
            for entry in try s.requireMapping("set") {
                guard StatementRule.literalRoles.contains(entry.key) else {
                    throw entry.keyNode.error("'\(entry.key)' cannot be set (\(StatementRule.literalRoles.sorted().joined(separator: ", ")))")
                }
                literals[entry.key] = try entry.value.requireString("set '\(entry.key)'")
            }
        }
        let description = try node.value("description")?.requireString("description") ?? ""
        let priority = try node.value("priority")?.requireInt("priority") ?? 0
        return StatementRule(id: id, description: description, patternSource: source, pattern: pattern, literals: literals,
                             priority: priority, examples: try loadExamples(node), file: file, line: node.line)
    }
}
