import Foundation
import TradeFactsText
import TradeFactsExtract
import TradeFactsRecords
import TradeFactsChecks

/// One cell of a table: the value the JSON output holds at that place, or nothing (`null`) where
/// the JSON leaves the key out.
public enum TableValue: Sendable, Equatable {
    /// No value: an empty CSV field, SQL NULL.
    case null
    /// A whole number (an index, an offset, a line, a year).
    case int(Int)
    /// A figure, written as the JSON writes it ("8460000000", "9.3").
    case decimal(Decimal)
    /// Text.
    case text(String)
    /// `true` or `false`.
    case bool(Bool)
}

/// The SQL type of a column (as declared in the SQLite database).
public enum TableColumnType: String, Sendable {
    /// Text.
    case text = "TEXT"
    /// A whole number.
    case integer = "INTEGER"
    /// A figure: stored as an integer when it is whole, else as a real number.
    case number = "NUMERIC"
    /// 0 or 1 in SQLite, `true` or `false` in CSV.
    case boolean = "BOOLEAN"
}

/// A column of a table: its stable name (docs/tables.md lists every one) and its type.
public struct TableColumn: Sendable, Equatable {
    /// The column's name, in snake_case.
    public let name: String
    /// What it holds.
    public let type: TableColumnType
}

/// The tables `extract --format csv|sqlite` writes: one row per document, mention, statement,
/// record and finding, and link tables where one row refers to several others. Every row carries
/// the document's id (`document`), and in CSV its file (`path`), so rows join across tables; the
/// values are those of the JSON output (docs/tables.md).
public enum Table: String, CaseIterable, Sendable {
    /// One row per document: its id, file, reference date, headline, error, warnings and counts.
    case documents
    /// One row per mention.
    case mentions
    /// One row per statement.
    case statements
    /// One row per trade record.
    case records
    /// One row per finding.
    case findings
    /// The partners named with a record's partner count, one row each.
    case recordPartners = "record_partners"
    /// The related spans of a finding, one row each.
    case findingRelated = "finding_related"
    /// Which records a finding concerns: its span or a related span overlaps one of the record's mentions.
    case findingRecords = "finding_records"

    /// The columns, in order. `path` is written in CSV only (SQLite keeps it in `documents`).
    public var columns: [TableColumn] { Table.schema[self]!.columns }

    /// The columns that identify a row (the SQLite primary key).
    public var key: [String] { Table.schema[self]!.key }

    /// The columns SQLite indexes, besides the key, for the filters people use.
    public var indexed: [String] {
        switch self {
        case .records: ["reporter", "flow", "period", "period_from", "partner"]
        case .findings: ["check_id", "severity"]
        case .mentions: ["type"]
        case .recordPartners: ["partner"]
        default: []
        }
    }

    /// The CSV header line (column names, comma-separated, CRLF).
    public var csvHeader: String { columns.map(\.name).joined(separator: ",") + "\r\n" }

    private struct Schema { let columns: [TableColumn]; let key: [String]; let positions: [String: Int] }

    /// Columns in a compact notation: `name:t` (text), `:i` (integer), `:n` (number), `:b` (boolean).
    private static func columns(_ spec: String) -> [TableColumn] {
        spec.split(separator: " ").map { item in
            let parts = item.split(separator: ":")
            let type: TableColumnType = switch parts[1] { case "i": .integer; case "n": .number; case "b": .boolean; default: .text }
            return TableColumn(name: String(parts[0]), type: type)
        }
    }

    /// Where a part is: byte offsets and line:column of its start.
    private static func span(_ p: String) -> String { "\(p)_start:i \(p)_end:i \(p)_line:i \(p)_column:i" }
    /// A part read from words (a record field, a statement's words): value, text, span.
    private static func words(_ p: String, via: Bool) -> String { "\(p):t \(p)_text:t \(span(p))" + (via ? " \(p)_via:t" : "") }
    /// A part that is a mention: its index, span and rule.
    private static func mention(_ p: String) -> String { "\(p)_mention:i \(span(p)) \(p)_rule:t" }
    /// A statement's figure: text, mention, and the value by type.
    private static func figure(_ p: String) -> String { "\(p)_text:t \(mention(p)) \(p)_amount:n \(p)_currency:t \(p)_unit:t \(p):n" }
    private static func period(_ p: String) -> String { "\(p):t \(p)_from:t \(p)_to:t \(p)_text:t \(mention(p))" }
    /// A record's money or volume figure.
    private static func amount(_ p: String) -> String { "\(p)_amount:n \(p)_low:n \(p)_high:n \(p)_currency:t \(p)_unit:t \(p)_text:t \(mention(p))" }

    private static let schema: [Table: Schema] = {
        let lead = "document:t path:t"
        let specs: [Table: (String, [String])] = [
            .documents: ("\(lead) path_line:i reference_date:t reference_date_source:t headline:t error:t warnings:t mentions:i statements:i records:i findings:i", ["document"]),
            .mentions: ("\(lead) mention:i type:t text:t \(span("span")) rule:t role:t qualifier:t latent:b amount:n low:n high:n currency:t currency_source:t per:t value:n unit:t direction:t basis:t change:n kind:t timex:t from_date:t to_date:t granularity:t resolved:b anaphoric:b fiscal:b fiscal_year_start:i of:t partners:b", ["document", "mention"]),
            .statements: ("\(lead) statement:i rule:t sentence:i \(span("span")) " + ["measure", "reporter", "partner", "commodity", "direction", "modality"].map { words($0, via: false) }.joined(separator: " ")
                          + " \(figure("value")) \(period("period")) change:n change_unit:t change_text:t \(mention("change")) \(figure("base")) \(period("base_period")) \(figure("base_revised_from")) \(figure("base2")) \(period("base2_period")) \(figure("base2_revised_from"))", ["document", "statement"]),
            .records: ("\(lead) record:i statement:i statement_rule:t complete:b comparison:b modality:t direction:t qualifiers:t " + ["reporter", "flow", "commodity", "partner", "source"].map { words($0, via: true) }.joined(separator: " ")
                       + " \(period("period")) period_via:t \(amount("value")) \(amount("volume")) change:n change_unit:t change_direction:t change_basis:t change_text:t \(mention("change")) partners_count:n partners_of:t partners_qualifier:t partners_text:t \(mention("partners"))", ["document", "record"]),
            .findings: ("\(lead) finding:i check_id:t severity:t message:t text:t \(span("span")) details:t", ["document", "finding"]),
            .recordPartners: ("\(lead) record:i position:i \(words("partner", via: true))", ["document", "record", "position"]),
            .findingRelated: ("\(lead) finding:i position:i related_message:t related_text:t \(span("related"))", ["document", "finding", "position"]),
            .findingRecords: ("\(lead) finding:i record:i", ["document", "finding", "record"]),
        ]
        return specs.mapValues { spec, key in
            let cols = columns(spec)
            return Schema(columns: cols, key: key, positions: Dictionary(uniqueKeysWithValues: cols.enumerated().map { ($1.name, $0) }))
        }
    }()

    /// The position of column `name`.
    package func position(of name: String) -> Int? { Table.schema[self]!.positions[name] }
}

/// The rows of every table for one document, from the same JSON values `extract` writes.
///
/// Each object of the document's JSON is flattened: a nested key joins its path with `_` in
/// snake_case (`change.basis` → `change_basis`), a nested `value` takes its parent's name
/// (`reporter.value` → `reporter`), and the top-level keys that are SQL keywords get a longer
/// name (`start` → `span_start`, `from` → `from_date`, `check` → `check_id`). Where a part names a
/// mention, its span, line:column and rule are added from that mention; where a part has a byte
/// span, its line:column.
public struct DocumentTables: Sendable {
    /// The rows of each table, each row aligned with ``Table/columns``.
    public private(set) var rows: [Table: [[TableValue]]] = [:]
    /// Flattened names that no column holds (for the tests: JSON values a table would lose).
    package private(set) var unplaced: Set<String> = []

    /// Values kept in JSON only: a mention's TIMEX parts and named partners (the records' named
    /// partners are in `record_partners`).
    package static let jsonOnly: Set<String> = ["timex", "named"]

    /// The tables of `result`: all of them, or only those in `tables` (the rest are left empty).
    public init(_ result: DocumentResult, tables: Set<Table> = Set(Table.allCases)) {
        let lead: [String: TableValue] = ["document": .text(result.documentID), "path": .text(result.origin?.path ?? result.documentID)]
        if tables.contains(.documents) { addDocument(result, lead) }
        guard let e = result.extraction else { return }
        let document = e.document, mentions = e.mentions
        /// Adds line:column for every span (`X_start` with `X_end`), and span and rule for every `X_mention`.
        func locate(_ cells: inout [String: TableValue]) {
            for (name, value) in cells where name.hasSuffix("_mention") {
                guard case let .int(i) = value, mentions.indices.contains(i) else { continue }
                let p = name.dropLast("_mention".count)
                cells["\(p)_rule"] = .text(mentions[i].rule)
                if cells["\(p)_start"] == nil {
                    cells["\(p)_start"] = .int(mentions[i].span.start)
                    cells["\(p)_end"] = .int(mentions[i].span.end)
                }
            }
            for (name, value) in cells where name.hasSuffix("_start") {
                let p = name.dropLast("_start".count)
                // A span has an end too (`fiscal_year_start` is a month, not a span).
                guard case let .int(offset) = value, cells["\(p)_end"] != nil, cells["\(p)_line"] == nil else { continue }
                let l = document.location(of: offset)
                cells["\(p)_line"] = .int(l.line)
                cells["\(p)_column"] = .int(l.column)
            }
        }
        /// The cells of one JSON object, the `index`-th of its table; its lists of objects go to `lists`.
        func flat(_ object: JSONValue, _ table: Table, _ index: Int, _ lists: inout [String: [JSONValue]]) -> [String: TableValue] {
            var cells = lead
            cells[String(table.rawValue.dropLast())] = .int(index)
            for (k, v) in object.objectMembers { Self.flatten(v, [k], into: &cells, lists: &lists) }
            locate(&cells)
            return cells
        }
        if tables.contains(.mentions) {
            for (i, m) in mentions.enumerated() {
                var lists: [String: [JSONValue]] = [:]
                add(.mentions, flat(m.json(in: document), .mentions, i, &lists))
                unplaced.formUnion(Set(lists.keys).subtracting(Self.jsonOnly))
            }
        }
        if tables.contains(.statements) {
            for (i, s) in result.statements.enumerated() {
                var lists: [String: [JSONValue]] = [:]
                add(.statements, flat(s.json(mentions: mentions, in: document), .statements, i, &lists))
                unplaced.formUnion(lists.keys)
            }
        }
        if !tables.isDisjoint(with: [.records, .recordPartners]) {
            for (i, r) in result.records.enumerated() {
                var lists: [String: [JSONValue]] = [:]
                var cells = flat(r.json(mentions: mentions, in: document), .records, i, &lists)
                if case let .int(s) = cells["statement"], result.statements.indices.contains(s) { cells["statement_rule"] = .text(result.statements[s].rule) }
                // The JSON writes `comparison` only when true; a table column of booleans has both.
                if cells["comparison"] == nil { cells["comparison"] = .bool(false) }
                if tables.contains(.records) { add(.records, cells) }
                let partners = lists.removeValue(forKey: "partners_named")
                if tables.contains(.recordPartners) { addItems(partners, .recordPartners, prefix: "partner", owner: ("record", i), lead: lead, locate) }
                unplaced.formUnion(lists.keys)
            }
        }
        if !tables.isDisjoint(with: [.findings, .findingRelated]) {
            for (i, f) in result.findings.enumerated() {
                var lists: [String: [JSONValue]] = [:]
                let cells = flat(f.json(in: document), .findings, i, &lists)
                if tables.contains(.findings) { add(.findings, cells) }
                let related = lists.removeValue(forKey: "related")
                if tables.contains(.findingRelated) { addItems(related, .findingRelated, prefix: "related", owner: ("finding", i), lead: lead, locate) }
                unplaced.formUnion(lists.keys)
            }
        }
        if tables.contains(.findingRecords) {
            for (i, finding) in result.findings.enumerated() {
                let spans = [finding.span] + finding.related.map(\.span)
                for (j, record) in result.records.enumerated() {
                    let figures = [record.value, record.volume, record.change, record.period, record.partnerCount].compactMap { $0 }.filter(mentions.indices.contains)
                    guard figures.contains(where: { m in spans.contains { Self.overlap($0, mentions[m].span) } }) else { continue }
                    var link = lead
                    link["finding"] = .int(i); link["record"] = .int(j)
                    add(.findingRecords, link)
                }
            }
        }
    }

    /// The `documents` row: the members of the document's JSON object other than its arrays
    /// (written by the JSON writer, from the result without its mentions, statements, records and
    /// findings), and the counts of those.
    private mutating func addDocument(_ result: DocumentResult, _ lead: [String: TableValue]) {
        let bare = DocumentResult(
            documentID: result.documentID,
            extraction: result.extraction.map { e in
                Extraction(document: e.document, referenceDate: e.referenceDate, referenceDateSource: e.referenceDateSource,
                           datelineSpan: e.datelineSpan, headlineSpan: e.headlineSpan, mentions: [], diagnostics: [], warnings: e.warnings)
            },
            records: [], findings: [], error: result.error, warnings: result.warnings, origin: result.origin)
        var cells = lead
        cells["path_line"] = result.origin.map { .int($0.line) } ?? .null
        var lists: [String: [JSONValue]] = [:]
        for (k, v) in bare.json().objectMembers where !["document", "source", "mentions", "statements", "records", "findings"].contains(k) {
            Self.flatten(v, [k], into: &cells, lists: &lists)
        }
        unplaced.formUnion(lists.keys)
        cells["mentions"] = .int(result.extraction?.mentions.count ?? 0)
        cells["statements"] = .int(result.statements.count)
        cells["records"] = .int(result.records.count)
        cells["findings"] = .int(result.findings.count)
        add(.documents, cells)
    }

    /// Whether two spans share a byte (or an empty span lies inside the other).
    static func overlap(_ a: Span, _ b: Span) -> Bool {
        a.start < b.end && b.start < a.end || (a.start == a.end && b.start <= a.start && a.start < b.end)
    }

    /// One row per element of a list of objects (a record's named partners, a finding's related spans).
    private mutating func addItems(_ items: [JSONValue]?, _ table: Table, prefix: String, owner: (String, Int), lead: [String: TableValue],
                                   _ locate: (inout [String: TableValue]) -> Void) {
        for (position, item) in (items ?? []).enumerated() {
            var cells = lead
            cells[owner.0] = .int(owner.1)
            cells["position"] = .int(position)
            var nested: [String: [JSONValue]] = [:]
            for (k, v) in item.objectMembers { Self.flatten(v, [prefix, k], into: &cells, lists: &nested) }
            locate(&cells)
            add(table, cells)
            unplaced.formUnion(nested.keys)
        }
    }

    private mutating func add(_ table: Table, _ cells: [String: TableValue]) {
        var row = [TableValue](repeating: .null, count: table.columns.count)
        for (name, value) in cells {
            if let i = table.position(of: name) { row[i] = value } else { unplaced.insert("\(table.rawValue).\(name)") }
        }
        rows[table, default: []].append(row)
    }

    /// Top-level keys that are SQL keywords (or too short to read alone) and their column names.
    static let renamed: [String: String] = [
        "start": "span_start", "end": "span_end", "line": "span_line", "column": "span_column",
        "from": "from_date", "to": "to_date", "check": "check_id",
    ]

    /// The column name of a JSON path.
    static func columnName(_ path: [String]) -> String {
        if path.count == 1, let r = renamed[path[0]] { return r }
        var parts = path.map(snakeCase)
        if parts.count > 1 && parts.last == "value" { parts.removeLast() }
        return parts.joined(separator: "_")
    }

    /// `fiscalYearStart` → `fiscal_year_start` (JSON keys are ASCII).
    static func snakeCase(_ key: String) -> String {
        guard key.utf8.contains(where: { (65...90).contains($0) }) else { return key }
        var out: [UInt8] = []
        for b in key.utf8 {
            if (65...90).contains(b) { out.append(UInt8(ascii: "_")); out.append(b + 32) } else { out.append(b) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Flattens `value` at `path` into `cells`; a list of objects goes to `lists`, a list of plain values is joined (warnings by line breaks, others by "; "), and
    /// `details` stays one JSON text.
    static func flatten(_ value: JSONValue, _ path: [String], into cells: inout [String: TableValue], lists: inout [String: [JSONValue]]) {
        let name = columnName(path)
        switch value {
        case .null: cells[name] = .null
        case let .bool(b): cells[name] = .bool(b)
        case let .int(i): cells[name] = .int(i)
        case let .decimal(d): cells[name] = d.isNaN ? .null : .decimal(d)
        case let .string(s):
            // A mention's TIMEX value is text where other mentions' `value` is a number.
            cells[path == ["value"] ? "timex" : name] = .text(s)
        case let .object(members):
            if path == ["details"] { cells[name] = .text(value.serialized()); return }
            for (k, v) in members { flatten(v, path + [k], into: &cells, lists: &lists) }
        case let .array(items):
            if !items.isEmpty, items.allSatisfy({ $0.scalarText != nil }) {
                cells[name] = .text(items.compactMap(\.scalarText).joined(separator: path == ["warnings"] ? "\n" : "; "))
            } else {
                lists[name] = items
            }
        }
    }
}

extension JSONValue {
    /// An object's members (none for anything else).
    var objectMembers: [(String, JSONValue)] { if case let .object(m) = self { return m } else { return [] } }
    /// An array's items (none for anything else).
    var arrayItems: [JSONValue] { if case let .array(a) = self { return a } else { return [] } }
}

extension DocumentTables {
    /// The rows of `table` as CSV (RFC 4180: fields separated by commas, lines ended by CRLF; a
    /// field holding a comma, a double quote, CR or LF is quoted, its quotes doubled). No header:
    /// see ``Table/csvHeader``.
    public func csv(_ table: Table) -> String {
        var out = ""
        for row in rows[table] ?? [] {
            for (i, cell) in row.enumerated() {
                if i > 0 { out += "," }
                switch cell {
                case .null: break
                case let .int(v): out += String(v)
                case let .decimal(d): out += DecimalText.string(d)
                case let .bool(b): out += b ? "true" : "false"
                case let .text(s): Self.appendField(s, to: &out)
                }
            }
            out += "\r\n"
        }
        return out
    }

    /// Appends `s` as one CSV field, quoted when it must be.
    static func appendField(_ s: String, to out: inout String) {
        guard s.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }) else {
            out += s
            return
        }
        out += "\""
        out += s.replacingOccurrences(of: "\"", with: "\"\"")
        out += "\""
    }
}
