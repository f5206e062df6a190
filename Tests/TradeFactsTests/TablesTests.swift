import Foundation
import XCTest
@testable import TradeFacts

/// `extract --format csv|sqlite`: the columns documented in docs/tables.md, RFC 4180 quoting, and
/// row counts and values that agree with the JSON output of the same input (issue 20).
final class TablesTests: XCTestCase {
    /// The tables the JSON output has arrays for, and how many rows each has in a JSON document.
    static func jsonCounts(_ jsonl: String) throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for line in jsonl.split(separator: "\n") {
            let doc = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            counts["documents", default: 0] += 1
            for t in ["mentions", "statements", "records", "findings"] { counts[t, default: 0] += (doc[t] as? [Any])?.count ?? 0 }
            for r in doc["records"] as? [[String: Any]] ?? [] {
                counts["record_partners", default: 0] += ((r["partners"] as? [String: Any])?["named"] as? [Any])?.count ?? 0
            }
            for f in doc["findings"] as? [[String: Any]] ?? [] { counts["finding_related", default: 0] += (f["related"] as? [Any])?.count ?? 0 }
        }
        return counts
    }

    /// The column names docs/tables.md lists for each table, in order.
    static func documentedColumns() throws -> [String: [String]] {
        let text = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent("docs/tables.md"), encoding: .utf8)
        var tables: [String: [String]] = [:]
        var current: String?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("### `") { current = line.split(separator: "`")[1].description; tables[current!] = []; continue }
            guard let table = current, line.hasPrefix("| `") else { continue }
            let firstCell = line.split(separator: "|")[0]
            tables[table]! += firstCell.split(separator: "`").enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
        }
        return tables
    }

    func testEveryTableIsDocumentedColumnByColumn() throws {
        let documented = try Self.documentedColumns()
        XCTAssertEqual(Set(documented.keys), Set(Table.allCases.map(\.rawValue)))
        for table in Table.allCases {
            XCTAssertEqual(documented[table.rawValue], table.columns.map(\.name), table.rawValue)
            // The header the CLI writes is the documented list.
            let r = try CLI.run(["extract", "--format", "csv", "--table", table.rawValue, "Corpus/fujian-textiles.txt"])
            XCTAssertEqual(r.status, 0, r.stderr)
            XCTAssertTrue(r.stdout.hasPrefix((documented[table.rawValue] ?? []).joined(separator: ",") + "\r\n"), table.rawValue)
        }
    }

    /// Every value of the JSON output of the Corpus and of the articles of eval/gold (latent
    /// mentions included) has a column, except the two lists docs/tables.md names as JSON-only.
    func testNoJSONValueIsLeftOutOfTheTables() throws {
        let engine = try Engine(ruleSet: RuleSet.embedded(), keepLatent: true)
        var files: [URL] = []
        for folder in ["Corpus", "eval/gold"] {
            let root = Fixtures.packageRoot.appendingPathComponent(folder)
            let walk = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
            while let url = walk?.nextObject() as? URL {
                if url.pathExtension == "txt" { files.append(url) }
            }
        }
        XCTAssertGreaterThan(files.count, 50)
        var rows = 0
        var seen = Set<String>()
        for file in files.sorted(by: { $0.path < $1.path }) {
            let tables = DocumentTables(engine.process(Document(id: file.path, text: try String(contentsOf: file, encoding: .utf8))))
            XCTAssertEqual(tables.unplaced, [], file.path)
            rows += tables.rows.values.map(\.count).reduce(0, +)
            for (table, tableRows) in tables.rows {
                for row in tableRows { for (i, cell) in row.enumerated() where cell != .null { seen.insert("\(table.rawValue).\(table.columns[i].name)") } }
            }
        }
        XCTAssertGreaterThan(rows, 500)
        // The kinds of values these articles hold reach their columns (a fiscal year, a carried
        // currency, a percent kind, a base period, a named partner, a related span).
        for column in ["mentions.fiscal", "mentions.fiscal_year_start", "mentions.currency_source", "mentions.kind", "statements.base_period_line", "records.partners_count",
                       "record_partners.partner_start", "finding_related.related_line", "finding_records.record"] where !seen.contains(column) {
            XCTFail("no value in \(column)")
        }
    }

    /// Runs python3 with `script` and `args`; skips when python3 is missing.
    func python(_ script: String, _ args: [String]) throws -> (Int32, String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", script] + args
        let out = Pipe()
        p.standardOutput = out; p.standardError = out
        do { try p.run() } catch { throw XCTSkip("python3 not available") }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        if p.terminationStatus == 127 { throw XCTSkip("python3 not available") }
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    func write(_ text: String, _ name: String) throws -> String {
        let dir = TestScratch.folder("tables")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// Python's csv module reads every table of the Corpus back: one row per JSON item, and the
    /// records' values equal the JSON's.
    func testCSVOfTheCorpusReadsBackAndAgreesWithJSON() throws {
        let json = try CLI.run(["extract", "--format", "jsonl", "Corpus/"])
        XCTAssertEqual(json.status, 0, json.stderr)
        let counts = try Self.jsonCounts(json.stdout)
        XCTAssertGreaterThan(counts["records"] ?? 0, 100)
        XCTAssertGreaterThan(counts["findings"] ?? 0, 5)
        let jsonFile = try write(json.stdout, "corpus.jsonl")
        for table in Table.allCases where table != .findingRecords {
            let csv = try CLI.run(["extract", "--format", "csv", "--table", table.rawValue, "Corpus/"])
            XCTAssertEqual(csv.status, 0, csv.stderr)
            let file = try write(csv.stdout, "\(table.rawValue).csv")
            let (status, out) = try python("""
                import csv, sys
                rows = list(csv.DictReader(open(sys.argv[1], newline='', encoding='utf-8')))
                print(len(rows))
                """, [file])
            XCTAssertEqual(status, 0, out)
            XCTAssertEqual(Int(out.trimmingCharacters(in: .whitespacesAndNewlines)), counts[table.rawValue], table.rawValue)
        }
        // Values: every record row against its JSON record, every mention row against its mention.
        let records = try write(try CLI.run(["extract", "--format", "csv", "Corpus/"]).stdout, "records.csv")
        let mentions = try write(try CLI.run(["extract", "--format", "csv", "--table", "mentions", "Corpus/"]).stdout, "mentions.csv")
        let (status, out) = try python("""
            import csv, json, sys
            from decimal import Decimal
            docs = {d['document']: d for d in map(json.loads, open(sys.argv[1]))}
            def same(cell, v):
                if v is None: return cell == ''
                if isinstance(v, bool): return cell == ('true' if v else 'false')
                if isinstance(v, (int, float)): return cell != '' and Decimal(cell) == Decimal(str(v))
                return cell == v
            bad, n = [], 0
            for row in csv.DictReader(open(sys.argv[2], newline='', encoding='utf-8')):
                r = docs[row['document']]['records'][int(row['record'])]
                m = docs[row['document']]['mentions']
                checks = [('reporter', (r.get('reporter') or {}).get('value')), ('flow', r['flow']['value']),
                          ('period', (r.get('period') or {}).get('value')), ('period_from', (r.get('period') or {}).get('from')),
                          ('value_amount', r.get('value', {}).get('amount')), ('value_currency', r.get('value', {}).get('currency')),
                          ('value_mention', r.get('value', {}).get('mention')), ('change', (r.get('change') or {}).get('value')),
                          ('statement', r.get('statement')), ('complete', r['complete'])]
                if 'value' in r:
                    mm = m[r['value']['mention']]
                    checks += [('value_start', mm['start']), ('value_end', mm['end']), ('value_line', mm['line']),
                               ('value_column', mm['column']), ('value_rule', mm['rule'])]
                for col, v in checks:
                    n += 1
                    if not same(row[col], v): bad.append((row['document'], row['record'], col, row[col], v))
            for row in csv.DictReader(open(sys.argv[3], newline='', encoding='utf-8')):
                mm = docs[row['document']]['mentions'][int(row['mention'])]
                for col, key in [('type', 'type'), ('text', 'text'), ('span_start', 'start'), ('span_line', 'line'),
                                 ('rule', 'rule'), ('amount', 'amount'), ('currency', 'currency'), ('from_date', 'from')]:
                    n += 1
                    if not same(row[col], mm.get(key)): bad.append((row['document'], row['mention'], col, row[col], mm.get(key)))
            print(n, bad[:5])
            sys.exit(1 if bad or n < 1000 else 0)
            """, [jsonFile, records, mentions])
        XCTAssertEqual(status, 0, out)
    }

    /// Commas, double quotes, CR and LF in a document id and a headline: quoted, quotes doubled,
    /// lines ending in CR LF, and read back intact, one row per record.
    func testCSVQuotesHostileValues() throws {
        let id = "wire, \"A\"\nsecond line\r\nthird"
        let title = "Exports, \"up\"\nagain"
        let article = "Guangdong exported steel worth $5 million in the first two months of this year, up 3% year-on-year. Imports of \"crude, oil\" fell 2% to $3 million."
        let record = try String(decoding: JSONSerialization.data(withJSONObject: ["id": id, "title": title, "date": "2024-03-05", "text": article]), as: UTF8.self)
        let file = try write(record + "\n", "hostile.jsonl")
        let json = try CLI.run(["extract", "--format", "jsonl", file])
        let recordCount = try XCTUnwrap(Self.jsonCounts(json.stdout)["records"])
        XCTAssertGreaterThan(recordCount, 0)
        let csv = try CLI.run(["extract", "--format", "csv", file])
        XCTAssertEqual(csv.status, 0, csv.stderr)
        XCTAssertTrue(csv.stdout.contains("\"wire, \"\"A\"\"\nsecond line\r\nthird\""), csv.stdout)
        let docs = try CLI.run(["extract", "--format", "csv", "--table", "documents", file])
        XCTAssertTrue(docs.stdout.contains("\"Exports, \"\"up\"\"\nagain\""), docs.stdout)
        // Outside quoted fields every line ends with CR LF.
        var quoted = false
        var previous: Character = " "
        for c in csv.stdout.unicodeScalars.map(Character.init) {
            if c == "\"" { quoted.toggle() }
            if c == "\n" && !quoted { XCTAssertEqual(previous, "\r") }
            previous = c
        }
        let csvFile = try write(csv.stdout, "records.csv"), docsFile = try write(docs.stdout, "documents.csv")
        let (status, out) = try python("""
            import csv, sys
            rows = list(csv.DictReader(open(sys.argv[1], newline='', encoding='utf-8')))
            docs = list(csv.DictReader(open(sys.argv[2], newline='', encoding='utf-8')))
            ok = len(rows) == int(sys.argv[3]) and all(r['document'] == sys.argv[4] for r in rows) and docs[0]['headline'] == sys.argv[5]
            print(len(rows), [r['document'] for r in rows], docs[0]['headline'])
            sys.exit(0 if ok else 1)
            """, [csvFile, docsFile, String(recordCount), id, title])
        XCTAssertEqual(status, 0, out)
    }

    /// pandas and DuckDB (Python modules), when installed, read the records as the README shows:
    /// one row per record, booleans as booleans, amounts as numbers.
    func testPandasAndDuckDBReadTheRecords() throws {
        let csv = try CLI.run(["extract", "--format", "csv", "Corpus/"])
        let json = try CLI.run(["extract", "--format", "jsonl", "Corpus/"]).stdout
        let records = try XCTUnwrap(Self.jsonCounts(json)["records"])
        let complete = json.split(separator: "\n").map { $0.components(separatedBy: "\"complete\":true").count - 1 }.reduce(0, +)
        let file = try write(csv.stdout, "records.csv")
        var tried = 0
        for (module, script) in [
            ("pandas", "import pandas as pd; r = pd.read_csv(sys.argv[1]); print(len(r), len(r[r.complete]), r.complete.dtype, r.comparison.dtype, r.value_amount.dtype)"),
            ("duckdb", "t = duckdb.sql(f\"select count(*), count(*) filter (where complete), typeof(any_value(complete)), typeof(any_value(comparison)), typeof(any_value(value_amount)) from read_csv_auto('{sys.argv[1]}')\").fetchall()[0]; print(*t)"),
        ] {
            let (status, out) = try python("""
                import sys
                try:
                    import \(module)
                except ImportError:
                    sys.exit(77)
                \(script)
                """, [file])
            if status == 77 { print("\(module) is not installed: not tried"); continue }
            tried += 1
            XCTAssertEqual(status, 0, out)
            let expected = module == "pandas" ? "\(records) \(complete) bool bool int64" : "\(records) \(complete) BOOLEAN BOOLEAN BIGINT"
            XCTAssertEqual(out.trimmingCharacters(in: .whitespacesAndNewlines), expected, module)
        }
        if tried == 0 { throw XCTSkip("neither pandas nor duckdb is installed") }
    }

    func testCSVBytesDoNotDependOnJobs() throws {
        let one = try CLI.run(["extract", "--format", "csv", "--table", "mentions", "--jobs", "1", "Corpus/"])
        let four = try CLI.run(["extract", "--format", "csv", "--table", "mentions", "--jobs", "4", "Corpus/"])
        XCTAssertEqual(one.status, 0)
        XCTAssertGreaterThan(one.stdout.count, 10_000)
        XCTAssertEqual(one.stdout, four.stdout)
    }

    func testOutputFileAndUsageErrors() throws {
        let dir = TestScratch.folder("tables-o")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let out = dir.appendingPathComponent("records.jsonl").path
        let r = try CLI.run(["extract", "--format", "jsonl", "-o", out, "Corpus/fujian-textiles.txt"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, "")
        XCTAssertEqual(try String(contentsOfFile: out, encoding: .utf8), try CLI.run(["extract", "--format", "jsonl", "Corpus/fujian-textiles.txt"]).stdout)
        let noFolder = try CLI.run(["extract", "--format", "csv", "-o", "/nonexistent-folder/x.csv", "Corpus/fujian-textiles.txt"])
        XCTAssertEqual(noFolder.status, 3)
        XCTAssertTrue(noFolder.stderr.contains("/nonexistent-folder/x.csv"), noFolder.stderr)
        let noOutput = try CLI.run(["extract", "--format", "sqlite", "Corpus/fujian-textiles.txt"])
        XCTAssertEqual(noOutput.status, 2)
        XCTAssertTrue(noOutput.stderr.contains("-o"), noOutput.stderr)
        XCTAssertEqual(try CLI.run(["extract", "--table", "findings", "Corpus/fujian-textiles.txt"]).status, 2)
        XCTAssertEqual(try CLI.run(["extract", "--format", "csv", "--table", "nonsense", "Corpus/fujian-textiles.txt"]).status, 2)
    }

    // MARK: SQLite

    /// Runs the sqlite3 command-line tool on `db`; skips when it is missing.
    func sqlite(_ db: String, _ sql: String) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["sqlite3", "-batch", db, sql]
        let out = Pipe(), err = Pipe()
        p.standardOutput = out; p.standardError = err
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        if p.terminationStatus == 127 { throw XCTSkip("the sqlite3 command-line tool is not installed (apt-get install sqlite3)") }
        XCTAssertEqual(p.terminationStatus, 0, String(decoding: e, as: UTF8.self))
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func counts(_ db: String) throws -> [String: Int] {
        var c: [String: Int] = [:]
        for t in Table.allCases { c[t.rawValue] = Int(try sqlite(db, "select count(*) from \(t.rawValue)")) }
        return c
    }

    func testSQLiteOfTheCorpusMatchesJSONAndAppends() throws {
        let db = TestScratch.folder("db").appendingPathExtension("db").path
        let first = try CLI.run(["extract", "--format", "sqlite", "-o", db, "Corpus/"])
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertEqual(first.stdout, "")
        let json = try Self.jsonCounts(try CLI.run(["extract", "--format", "jsonl", "Corpus/"]).stdout)
        let stored = try counts(db)
        for (table, n) in json { XCTAssertEqual(stored[table], n, table) }
        XCTAssertGreaterThan(stored["finding_records"] ?? 0, 0)
        // Values as in JSON: the slip's record, its figure, period and the finding on it.
        let joined = try sqlite(db, """
            select r.reporter, r.flow, r.period, r.value_amount, r.value_currency, r.value_line, r.value_rule, f.check_id, f.severity
            from records r join finding_records l using (document, record) join findings f using (document, finding)
            where r.document = 'Corpus/fujian-textiles-year-slip.txt' order by r.record
            """)
        XCTAssertEqual(joined, "Fujian|exports|2024-H1|8460000000|USD|4|money.symbol-amount|period-year-contradiction|error")
        // Every finding of a slip article reaches a record through the link table, but the share
        // over 100%, which is no record's figure.
        XCTAssertEqual(try sqlite(db, "select check_id from findings f where document like '%-slip.txt' and not exists (select 1 from finding_records l where l.document = f.document and l.finding = f.finding)"), "share-over-100")
        XCTAssertGreaterThan(Int(try sqlite(db, "select count(distinct document) from finding_records where document like '%-slip.txt'")) ?? 0, 2)
        XCTAssertEqual(try sqlite(db, "pragma user_version"), "1")
        XCTAssertEqual(try sqlite(db, "select count(*) from sqlite_master where type = 'index' and name in ('records_reporter', 'records_flow', 'records_period', 'findings_check_id')"), "4")
        // The same batch again replaces, a different batch adds.
        XCTAssertEqual(try CLI.run(["extract", "--format", "sqlite", "-o", db, "Corpus/"]).status, 0)
        XCTAssertEqual(try counts(db), stored)
        let other = try write("Beijing, March 5, 2024\nGuangdong exported steel worth $5 million in the first two months of this year, up 3% year-on-year.\n", "other.txt")
        let otherJSON = try Self.jsonCounts(try CLI.run(["extract", "--format", "jsonl", other]).stdout)
        XCTAssertEqual(try CLI.run(["extract", "--format", "sqlite", "-o", db, other]).status, 0)
        let added = try counts(db)
        for (table, n) in stored { XCTAssertEqual(added[table], n + (otherJSON[table] ?? 0), table) }
        XCTAssertEqual(added["documents"], stored["documents"]! + 1)
    }

    /// The rows are made on the worker threads: the database's contents do not depend on `--jobs`.
    func testSQLiteDoesNotDependOnJobs() throws {
        var dumps: [String] = []
        for jobs in ["1", "4"] {
            let db = TestScratch.folder("db").appendingPathExtension("db").path
            let r = try CLI.run(["extract", "--format", "sqlite", "--jobs", jobs, "-o", db, "Corpus/"])
            XCTAssertEqual(r.status, 0, r.stderr)
            dumps.append(try sqlite(db, ".dump"))
        }
        XCTAssertGreaterThan(dumps[0].count, 100_000)
        XCTAssertEqual(dumps[0], dumps[1])
    }

    func testSQLiteErrorsNameTheFile() throws {
        let garbage = try write(String(repeating: "not a database\n", count: 100), "garbage.db")
        let r = try CLI.run(["extract", "--format", "sqlite", "-o", garbage, "Corpus/fujian-textiles.txt"])
        XCTAssertEqual(r.status, 3)
        XCTAssertTrue(r.stderr.contains("garbage.db") && r.stderr.contains("not a database"), r.stderr)
        let missing = try CLI.run(["extract", "--format", "sqlite", "-o", "/nonexistent-folder/x.db", "Corpus/fujian-textiles.txt"])
        XCTAssertEqual(missing.status, 3)
        XCTAssertTrue(missing.stderr.contains("/nonexistent-folder/x.db"), missing.stderr)
        // Another program's database is refused, not written into.
        let foreign = TestScratch.folder("foreign").appendingPathExtension("db").path
        _ = try sqlite(foreign, "create table records (x integer)")
        let f = try CLI.run(["extract", "--format", "sqlite", "-o", foreign, "Corpus/fujian-textiles.txt"])
        XCTAssertEqual(f.status, 3)
        XCTAssertTrue(f.stderr.contains("not a tradefacts database"), f.stderr)
        XCTAssertEqual(try sqlite(foreign, "select count(*) from sqlite_master"), "1")
    }

    /// An unreadable input is a `documents` row with its error, and the run exits 3.
    func testUnreadableInputIsADocumentRow() throws {
        let db = TestScratch.folder("db").appendingPathExtension("db").path
        let r = try CLI.run(["extract", "--format", "sqlite", "-o", db, "/nonexistent/file.txt", "Corpus/fujian-textiles.txt"])
        XCTAssertEqual(r.status, 3)
        XCTAssertEqual(try sqlite(db, "select document, error is not null, mentions from documents order by document"),
                       "/nonexistent/file.txt|1|0\nCorpus/fujian-textiles.txt|0|18")
    }
}
