import ArgumentParser
import Foundation
import TradeFacts
import PCRE2Kit
import TradeFactsEval

struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Extract mentions, records and findings as JSON, one object per document.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case json, jsonl }

    @OptionGroup var options: EngineOptions
    @Option(help: "json (pretty, an array when several documents) or jsonl (one object per line).")
    var format: Format = .json
    @Flag(help: "Keep latent mentions (bare numbers), marked \"latent\": true.")
    var latent = false
    @Argument(help: "Files or folders to read; - for standard input.")
    var paths: [String] = []

    func validate() throws {
        if paths.isEmpty && !options.showConfig { throw ValidationError("Missing expected argument '<paths> ...'") }
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
        var documents = 0
        let jsonl = format == .jsonl
        // json: a single document named by itself is written as an object, anything else as an
        // array, element by element as documents come. While the output may still be one object,
        // the first document's text waits.
        let maybeSingle = !jsonl && paths.count == 1 && !FileManager.default.isDirectory(paths[0]) && !paths[0].hasSuffix(".jsonl")
        var first: String? = nil
        let config = try options.configuration()
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
        OutputBuffer.standardOutput.flush()
        options.printSummary(summary, config)
        if summary.unreadable > 0 { throw ExitCode(3) }
    }
}
