import ArgumentParser
import Foundation
import TradeFacts
import PCRE2Kit
import TradeFactsEval

struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Extract mentions, records and findings as JSON, one object per document, or as tables (CSV, SQLite).",
        discussion: """
            csv writes one table (--table; records by default), one row per record (mention, statement, \
            finding, …), with a header row; sqlite writes every table into the database -o names, replacing \
            the rows of a document already there. Columns: docs/tables.md.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case json, jsonl, csv, sqlite }

    @OptionGroup var options: EngineOptions
    @Option(help: "json (pretty, an array when several documents), jsonl (one object per line), csv (one table, --table) or sqlite (every table, into the database -o names).")
    var format: Format = .json
    @Option(help: "With --format csv, the table to write: \(Table.allCases.map(\.rawValue).joined(separator: ", ")) (default records).")
    var table: Table?
    @Option(name: [.short, .long], help: "Write to this file instead of standard output (required with --format sqlite: the database, created or added to).")
    var output: String?
    @Flag(help: "Keep latent mentions (bare numbers), marked \"latent\": true.")
    var latent = false
    @Argument(help: "Files or folders to read; - for standard input.")
    var paths: [String] = []

    func validate() throws {
        if paths.isEmpty && !options.showConfig { throw ValidationError("Missing expected argument '<paths> ...'") }
        if table != nil && format != .csv { throw ValidationError("--table goes with --format csv (sqlite writes every table)") }
        if format == .sqlite && (output ?? "-") == "-" { throw ValidationError("--format sqlite needs -o FILE, the database to write") }
    }

    /// A document's output: one line of JSON Lines, or pretty-printed JSON; `inArray`: as an element
    /// of the top-level array (every line indented by two spaces).
    static func render(_ r: DocumentResult, jsonl: Bool, inArray: Bool = false) -> String {
        JSONWriter.text(pretty: !jsonl, indent: inArray ? 1 : 0) { w in
            if inArray { w.raw("  ") }
            r.writeJSON(to: &w)
            if jsonl { w.raw("\n") }
        }
    }

    /// Pretty-printed `text` as an element of the top-level array: every line indented by two spaces.
    static func indented(_ text: String) -> String {
        var out: [UInt8] = [0x20, 0x20]
        out.reserveCapacity(text.utf8.count + text.utf8.count / 8)
        for b in text.utf8 {
            out.append(b)
            if b == 0x0A { out.append(0x20); out.append(0x20) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    func run() throws {
        let config = try options.configuration()
        if format == .sqlite { return try runSQLite(config) }
        if let output, output != "-" { try OutputBuffer.redirect(to: output) }
        if format == .csv { return try runCSV(config) }
        var documents = 0
        let jsonl = format == .jsonl
        // json: a single document named by itself is written as an object, anything else as an
        // array, element by element as documents come. While the output may still be one object,
        // the first document's text waits.
        let maybeSingle = !jsonl && paths.count == 1 && !FileManager.default.isDirectory(paths[0]) && !paths[0].hasSuffix(".jsonl")
        var first: String? = nil
        let summary = try processAll(paths, options: options, configuration: config, keepLatent: latent, emitsTextOnly: true, render: { r in
            Self.render(r, jsonl: jsonl, inArray: !jsonl && !maybeSingle)
        }) { _, text in
            documents += 1
            if jsonl {
                writeOut(text!)
            } else if !maybeSingle {
                writeOut(documents == 1 ? "[\n" : ",\n")
                writeOut(text!)
            } else if documents == 1 {
                first = text!
            } else {
                if let f = first { writeOut("[\n" + Self.indented(f)); first = nil }
                writeOut(",\n" + Self.indented(text!))
            }
        }
        if !jsonl {
            if let first { writeOut(first + "\n") }
            else { writeOut(documents == 0 ? "[\n\n]\n" : "\n]\n") }
        }
        try finish(summary, config)
    }

    /// CSV: the header, then each document's rows of the table, rendered on the worker threads.
    func runCSV(_ config: Configuration) throws {
        let table = self.table ?? .records
        writeOut(table.csvHeader)
        let summary = try processAll(paths, options: options, configuration: config, keepLatent: latent, emitsTextOnly: true, render: { r in
            DocumentTables(r, tables: [table]).csv(table)
        }) { _, text in writeOut(text!) }
        try finish(summary, config)
    }

    /// SQLite: every table of every document into the database, one transaction per 256 documents.
    /// The rows are made on the worker threads; this thread only inserts them.
    func runSQLite(_ config: Configuration) throws {
        let writer: SQLiteWriter
        do { writer = try SQLiteWriter(path: output!) } catch { fail(error) }
        var pending = 0
        let summary = try processAll(paths, options: options, configuration: config, keepLatent: latent, emitsTextOnly: true, render: { DocumentTables($0) }) { result, tables in
            do {
                try writer.add(tables!, document: result.documentID)
                pending += 1
                if pending == 256 { try writer.commit(); pending = 0 }
            } catch { fail(error) }
        }
        do { try writer.commit() } catch { fail(error) }
        try finish(summary, config)
    }

    /// Ends the run on a database error: the message (naming the file) and exit code 3.
    func fail(_ error: Error) -> Never {
        OutputBuffer.standardOutput.flush()
        FileHandle.standardError.write(Data("tradefacts: \(error)\n".utf8))
        Foundation.exit(3)
    }

    /// Flushes the output, prints the summary line when asked, and exits 3 when an input was unreadable.
    func finish(_ summary: BatchSummary, _ config: Configuration) throws {
        OutputBuffer.standardOutput.flush()
        options.printSummary(summary, config)
        if summary.unreadable > 0 { throw ExitCode(3) }
    }
}

extension Table: ExpressibleByArgument {}
