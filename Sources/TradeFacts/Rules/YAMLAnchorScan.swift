import CYaml

extension YAMLNode {
    /// Deepest nesting of mappings and sequences a rule file may have (rule files need about 5).
    static let maximumDepth = 64

    /// Reads a YAML text with libyaml's own event parser, before anything is composed or expanded,
    /// and returns the first thing rule files must not contain: an anchor (`&name`) or alias
    /// (`*name`) — no spelling (flow style, tabs, quotes, multi-line scalars, tags) can hide one
    /// from the parser itself — or nesting deeper than ``maximumDepth`` (composing is recursive, so
    /// `[[[[…` a million deep would exhaust the stack). Returns nil when there is none or when the
    /// text is not valid YAML (composing it then reports the syntax error).
    static func forbiddenConstruct(in text: String) -> (line: Int, column: Int, message: String)? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        var bytes = Array(text.utf8)
        if bytes.isEmpty { return nil }
        return bytes.withUnsafeMutableBufferPointer { buffer -> (line: Int, column: Int, message: String)? in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var event = yaml_event_t()
            var depth = 0
            let anchor = "YAML anchors and aliases are not allowed in rule files"
            while true {
                guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
                defer { yaml_event_delete(&event) }
                let mark = (line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
                switch event.type {
                case YAML_STREAM_END_EVENT: return nil
                case YAML_ALIAS_EVENT: return (mark.line, mark.column, anchor + " (an alias)")
                case YAML_SCALAR_EVENT where event.data.scalar.anchor != nil,
                     YAML_SEQUENCE_START_EVENT where event.data.sequence_start.anchor != nil,
                     YAML_MAPPING_START_EVENT where event.data.mapping_start.anchor != nil:
                    return (mark.line, mark.column, anchor + " (an anchor)")
                case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                    depth += 1
                    if depth > maximumDepth {
                        return (mark.line, mark.column, "YAML nested more than \(maximumDepth) levels deep; rule files need only a few")
                    }
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT: depth -= 1
                default: continue
                }
            }
        }
    }
}
