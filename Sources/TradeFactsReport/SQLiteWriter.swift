import Foundation
import CSQLite3
import TradeFactsText

/// A database that cannot be opened, read or written: the message names the file and the cause.
public struct SQLiteError: Error, CustomStringConvertible {
    /// "FILE: cannot …: CAUSE".
    public let description: String
}

/// Writes the ``Table``s of documents into a SQLite database (the system libsqlite3): one table
/// per ``Table``, keyed by document id, with the indexes of ``Table/indexed``.
///
/// A database is created on first use and may be written again: a document already in it (the
/// same document id) is replaced, its old rows deleted before the new ones are inserted, in the
/// same transaction. Inserts use prepared statements; everything added between two
/// ``commit()``s is one transaction.
public final class SQLiteWriter {
    /// The schema this writer creates (kept in `PRAGMA user_version`); a database with tables and
    /// another version is refused.
    public static let schemaVersion: Int32 = 1

    /// The database file, as given.
    public let path: String
    private var db: OpaquePointer?
    private var inserts: [Table: OpaquePointer] = [:]
    private var deletes: [Table: OpaquePointer] = [:]
    private var inTransaction = false

    /// Opens (or creates) the database at `path` and creates the tables when it has none.
    public init(path: String) throws {
        self.path = path
        var handle: OpaquePointer?
        let rc = sqlite3_open_v2(path, &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil)
        db = handle
        guard rc == SQLITE_OK else {
            var cause = handle.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(rc))
            if let handle, sqlite3_system_errno(handle) != 0 { cause += " (\(String(cString: strerror(sqlite3_system_errno(handle)))))" }
            sqlite3_close(handle)
            db = nil
            throw SQLiteError(description: "\(path): cannot open the database: \(cause)")
        }
        sqlite3_busy_timeout(db, 5000)
        try createTables()
        for table in Table.allCases {
            let columns = Self.stored(table)
            inserts[table] = try prepare("INSERT INTO \(table.rawValue) (\(columns.map { "\"\($0.name)\"" }.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))")
            deletes[table] = try prepare("DELETE FROM \(table.rawValue) WHERE document = ?")
        }
    }

    deinit {
        for s in inserts.values { sqlite3_finalize(s) }
        for s in deletes.values { sqlite3_finalize(s) }
        if inTransaction { sqlite3_exec(db, "ROLLBACK", nil, nil, nil) }
        sqlite3_close(db)
    }

    /// The columns a table stores: all but `path`, which only `documents` keeps.
    static func stored(_ table: Table) -> [TableColumn] {
        table == .documents ? table.columns : table.columns.filter { $0.name != "path" }
    }

    /// The statements that create the tables and indexes.
    public static var schemaSQL: [String] {
        var sql: [String] = []
        for table in Table.allCases {
            var parts = stored(table).map { c in
                "\"\(c.name)\" \(c.type.rawValue)" + (table.key.contains(c.name) ? " NOT NULL" : "")
                    + (c.name == "document" && table != .documents ? " REFERENCES documents(document)" : "")
            }
            parts.append("PRIMARY KEY (\(table.key.joined(separator: ", ")))")
            sql.append("CREATE TABLE \(table.rawValue) (\n  \(parts.joined(separator: ",\n  "))\n)")
            for c in table.indexed { sql.append("CREATE INDEX \(table.rawValue)_\(c) ON \(table.rawValue) (\"\(c)\")") }
        }
        return sql
    }

    private func createTables() throws {
        let tables = try queryInt("SELECT count(*) FROM sqlite_master WHERE type = 'table'", doing: "read the database")
        let version = try queryInt("PRAGMA user_version", doing: "read the database")
        if tables > 0 {
            guard version == Int(Self.schemaVersion) else {
                throw SQLiteError(description: "\(path): not a tradefacts database (it has tables, schema version \(version); this tradefacts writes version \(Self.schemaVersion)); give a new file")
            }
            return
        }
        try exec("BEGIN", doing: "create the tables")
        for statement in Self.schemaSQL { try exec(statement, doing: "create the tables") }
        try exec("PRAGMA user_version = \(Self.schemaVersion)", doing: "create the tables")
        try exec("COMMIT", doing: "create the tables")
    }

    /// Adds one document's rows, replacing the rows of a document with the same id.
    public func add(_ tables: DocumentTables, document: String) throws {
        if !inTransaction {
            try exec("BEGIN", doing: "start a transaction")
            inTransaction = true
        }
        for table in Table.allCases.reversed() {
            let s = deletes[table]!
            sqlite3_reset(s)
            bind(.text(document), to: s, at: 1)
            try step(s, doing: "delete the rows of \(document) from \(table.rawValue)")
        }
        for table in Table.allCases {
            let s = inserts[table]!
            let keep = table == .documents ? nil : table.position(of: "path")
            for row in tables.rows[table] ?? [] {
                sqlite3_reset(s)
                sqlite3_clear_bindings(s)
                var n: Int32 = 1
                for (i, cell) in row.enumerated() where i != keep {
                    bind(cell, to: s, at: n)
                    n += 1
                }
                try step(s, doing: "insert into \(table.rawValue)")
            }
        }
    }

    /// Commits what was added since the last commit.
    public func commit() throws {
        guard inTransaction else { return }
        try exec("COMMIT", doing: "commit")
        inTransaction = false
    }

    private func bind(_ cell: TableValue, to s: OpaquePointer, at i: Int32) {
        switch cell {
        case .null: sqlite3_bind_null(s, i)
        case let .int(v): sqlite3_bind_int64(s, i, Int64(v))
        case let .bool(b): sqlite3_bind_int64(s, i, b ? 1 : 0)
        case let .text(t): sqlite3_bind_text(s, i, t, -1, tf_sqlite3_transient())
        case let .decimal(d):
            // A whole figure that fits is an integer; any other a real number (a double).
            if let whole = Int64(DecimalText.string(d)) {
                sqlite3_bind_int64(s, i, whole)
            } else {
                sqlite3_bind_double(s, i, NSDecimalNumber(decimal: d).doubleValue)
            }
        }
    }

    private func failure(_ doing: String) -> SQLiteError {
        SQLiteError(description: "\(path): cannot \(doing): \(String(cString: sqlite3_errmsg(db)))")
    }

    private func exec(_ sql: String, doing: String) throws {
        guard sqlite3_exec(db, sql, nil, nil, nil) == SQLITE_OK else { throw failure(doing) }
    }

    private func prepare(_ sql: String, doing: String = "prepare a statement") throws -> OpaquePointer {
        var s: OpaquePointer?
        guard sqlite3_prepare_v2(db, sql, -1, &s, nil) == SQLITE_OK, let s else { throw failure(doing) }
        return s
    }

    private func step(_ s: OpaquePointer, doing: String) throws {
        guard sqlite3_step(s) == SQLITE_DONE else { throw failure(doing) }
    }

    private func queryInt(_ sql: String, doing: String) throws -> Int {
        let s = try prepare(sql, doing: doing)
        defer { sqlite3_finalize(s) }
        guard sqlite3_step(s) == SQLITE_ROW else { throw failure(doing) }
        return Int(sqlite3_column_int64(s, 0))
    }
}
