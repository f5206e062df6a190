import ArgumentParser
import Foundation
import TradeFacts
import PCRE2Kit
import TradeFactsEval

/// `tradefacts report PATH... -o DIR`: the HTML report (docs/report.md).
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write an HTML report: an index page and a page per document, self-contained, to open from disk.",
        discussion: """
            Writes DIR/index.html (every document with its counts of mentions, statements, records and \
            findings by severity; sortable) and DIR/doc/NAME.html per document (the text with its \
            mentions and findings marked, the findings, statements, records and mentions). Pages load \
            nothing from anywhere. Exit codes as for check: 0, or 1 when a finding is at or above \
            --fail-on (the report is written anyway); 2 usage, rule or configuration error, or the \
            folder cannot be made; 3 an input could not be read (it still has its row and page) or a \
            page could not be written.
            """)

    @OptionGroup var options: EngineOptions
    @Option(name: [.customShort("o"), .customLong("output")], help: "The folder to write the report into (made if missing).")
    var output: String?
    @Option(name: .customLong("fail-on"), help: "Lowest severity that makes the exit code 1: error (default), warning, info or never.")
    var failOn: CheckCommand.FailOn?
    @Argument(help: "Files or folders to read; - for standard input.")
    var paths: [String] = []

    func validate() throws {
        if options.showConfig { return }
        if paths.isEmpty { throw ValidationError("Missing expected argument '<paths> ...'") }
        if output == nil { throw ValidationError("Missing expected option '--output <output>' (-o DIR)") }
    }

    func run() throws {
        let config = try options.configuration()
        let threshold = CheckCommand.failSeverity(failOn, config)
        let folder = try ReportFolder(output!)
        var names = HTMLPageNames()
        var rows: [HTMLIndexRow] = []
        var failing = false
        let totals = try processAll(paths, options: options, configuration: config, render: { result in
            HTMLDocumentPage.render(result)
        }) { result, page in
            let name = names.name(for: result.documentID)
            folder.write(Array(page!.utf8), to: "doc/" + name)
            rows.append(HTMLIndexRow(result, href: "doc/" + name))
            if let t = threshold, result.findings.contains(where: { $0.severity >= t }) { failing = true }
        }
        let index = folder.open("index.html")
        HTMLIndexPage.write(rows) { folder.write($0, to: index, path: "index.html") }
        folder.close(index, path: "index.html")
        options.printSummary(totals, config)
        if totals.unreadable > 0 { throw ExitCode(3) }
        if failing { throw ExitCode(1) }
    }
}

/// The report's folder: made (with `doc/`) when missing; pages are written without following a
/// symbolic link at their path. A folder that cannot be made exits 2; a page that cannot be
/// written ends the run with a message naming it and exit 3, as standard output does.
struct ReportFolder {
    let root: String

    init(_ root: String) throws {
        self.root = root
        for dir in [root, root + "/doc"] {
            do { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) } catch {
                throw EngineOptions.usageFailure("tradefacts: \(dir): cannot make the report folder: \(Self.cause(error))")
            }
        }
    }

    static func cause(_ error: Error) -> String {
        ((error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError)?.localizedDescription ?? error.localizedDescription
    }

    func fail(_ path: String, _ cause: String) -> Never {
        OutputBuffer.standardOutput.flush()
        FileHandle.standardError.write(Data("tradefacts: \(root)/\(path): cannot write the report page: \(cause)\n".utf8))
        Foundation.exit(3)
    }

    /// Opens (creating or truncating) `path` under the folder; a symbolic link there is refused.
    func open(_ path: String) -> Int32 {
        let fd = Foundation.open(root + "/" + path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o644)
        if fd < 0 { fail(path, String(cString: strerror(errno))) }
        return fd
    }

    /// Writes every byte to `fd` (through partial and interrupted writes; an error ends the run).
    func write(_ bytes: [UInt8], to fd: Int32, path: String) {
        do { try FileHandle(fileDescriptor: fd, closeOnDealloc: false).write(contentsOf: bytes) } catch { fail(path, Self.cause(error)) }
    }

    func close(_ fd: Int32, path: String) {
        if Foundation.close(fd) != 0 { fail(path, String(cString: strerror(errno))) }
    }

    /// Writes the file `path` whole.
    func write(_ bytes: [UInt8], to path: String) {
        let fd = open(path)
        write(bytes, to: fd, path: path)
        close(fd, path: path)
    }
}
