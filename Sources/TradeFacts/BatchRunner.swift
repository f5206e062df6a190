import Foundation
import PCRE2Kit
import TradeFactsText
import TradeFactsReport

/// Counts for the end-of-run summary.
package struct BatchSummary: Sendable {
    package var documents = 0
    package var unreadable = 0
    package var bytes = 0
    package var mentions = 0
    package var records = 0
    package var findings = 0
    package var seconds = 0.0

    package var megabytesPerSecond: Double { seconds > 0 ? Double(bytes) / 1_048_576 / seconds : 0 }
    package var documentsPerSecond: Double { seconds > 0 ? Double(documents) / seconds : 0 }

    package var line: String {
        String(format: "%d document(s), %d mention(s), %d record(s), %d finding(s), %d unreadable; %.1f MB in %.2f s (%.1f MB/s, %.0f docs/s)",
               documents, mentions, records, findings, unreadable, Double(bytes) / 1_048_576, seconds, megabytesPerSecond, documentsPerSecond)
    }
}

/// Runs the engine over many inputs on all cores with bounded memory and output in input order.
///
/// Inputs are read on the calling thread in batches of `batchSize` articles; each batch is processed
/// (and, with `render`, turned into output text) in parallel, then handed to `emit` in input order
/// before the next batch is read. Memory therefore depends on the batch size, never on the number of
/// documents, and the output is byte-identical whatever the number of jobs.
package struct BatchRunner {
    package let engine: Engine
    package var jobs: Int
    package var batchSize: Int
    package var referenceDate: CalendarDate?
    package var inputFormat: InputFormat = .auto
    package var configuration = Configuration()
    /// About how many bytes of a JSON Lines input are read at a time (see ``LineChunkReader``).
    package var chunkSize = 4 << 20
    /// A batch is also handed to the workers once its articles hold this many bytes (1 MiB), so
    /// memory follows the bytes in flight, not the number of articles: results hold many times
    /// their text.
    package var batchBytes = 1 << 19
    /// At most this much article text (1.5 MiB) is processed at once across the two batches in
    /// flight, unless one batch alone holds more: long articles then run one after another, so
    /// peak memory stays under 300 MB at any `--jobs` (a batch of ordinary articles holds about
    /// 512 KiB, so two still overlap).
    package var maxBytesInFlight = 3 << 19
    /// Read symbolic links found in folders that resolve outside the folder walked (`--follow-symlinks`).
    package var followSymlinks = false
    /// Called on the calling thread with the message of an input not read on purpose (a symbolic
    /// link out of the folder walked); the input is still a document, with `error`.
    package var warn: ((String) -> Void)? = nil
    /// Called on the calling thread after each document with the running totals (for a progress bar).
    package var progress: ((BatchSummary) -> Void)? = nil
    /// Called after every result read so far has been emitted because a stream went quiet
    /// (`tail -f | tradefacts`): the caller flushes its output there.
    package var idle: (() -> Void)? = nil
    /// With `render`, `emit` needs only the text: each result is reduced to its id and error on the
    /// worker as soon as it is rendered, so a batch waiting to be written holds its output, not its
    /// mentions, statements and records as well (`extract`; about a third less peak memory on long
    /// documents).
    package var emitsTextOnly = false

    package init(engine: Engine, jobs: Int = ProcessInfo.processInfo.activeProcessorCount, batchSize: Int? = nil, referenceDate: CalendarDate? = nil) {
        self.engine = engine
        self.jobs = max(1, jobs)
        self.batchSize = batchSize ?? max(16, 64 * max(1, jobs))
        self.referenceDate = referenceDate
    }

    /// Processes every input and hands each result to `emit`, on the calling thread in input order.
    @discardableResult
    package func run(_ paths: [String], emit: (DocumentResult, String?) -> Void) -> BatchSummary {
        run(paths, render: nil as (@Sendable (DocumentResult) -> String)?, emit: emit)
    }

    /// Processes every input; `render` runs on worker threads (what it makes is text, rows, or
    /// anything else), `emit` on the calling thread in input order.
    ///
    /// With more than one job the batches overlap: while the workers process one batch, the calling
    /// thread emits the one before it and reads the next (at most two batches in flight). With one
    /// job everything runs on the calling thread, one batch after another.
    @discardableResult
    package func run<Rendered: Sendable>(_ paths: [String], render: (@Sendable (DocumentResult) -> Rendered)?,
                                         emit: (DocumentResult, Rendered?) -> Void) -> BatchSummary {
        var summary = BatchSummary()
        let start = Date()
        var batch: [Article] = []
        var bytesInBatch = 0
        batch.reserveCapacity(batchSize)
        var inFlight: InFlightBatch<Rendered>? = nil

        /// Waits for a batch and hands its results to `emit` in input order.
        func finish(_ running: InFlightBatch<Rendered>) {
            running.group.wait()
            for case let done? in running.results.buffer {
                summary.documents += 1
                if done.result.error != nil { summary.unreadable += 1 }
                summary.mentions += done.tally.mentions
                summary.records += done.tally.records
                summary.findings += done.tally.findings
                summary.bytes += done.tally.bytes
                emit(done.result, done.text)
                summary.seconds = Date().timeIntervalSince(start)
                progress?(summary)
            }
        }

        func flush() {
            guard !batch.isEmpty else { return }
            let running = InFlightBatch<Rendered>(batch, bytes: bytesInBatch)
            let engine = self.engine, date = self.referenceDate, results = running.results, work = batch
            let textOnly = emitsTextOnly && render != nil
            let chunks = min(jobs, work.count)
            /// Chunk `chunk` processes every `chunks`-th article from its own index.
            let process: @Sendable (Int) -> Void = { chunk in
                let scratch = MatchScratch.forCurrentThread
                var i = chunk
                while i < work.count {
                    let r = engine.process(work[i], referenceDate: date, scratch: scratch)
                    let text = render?(r)
                    results.buffer[i] = Done(result: textOnly ? DocumentResult(documentID: r.documentID, extraction: nil, records: [], findings: [], error: r.error, warnings: []) : r,
                                             text: text, tally: Tally(r))
                    i += chunks
                }
            }
            if jobs == 1 {
                process(0)
                finish(running)
            } else {
                // Two long articles are not processed at once: each takes memory many times its
                // size (about 130 MB for 1 MB of dense figures), so a batch that would bring the
                // text in flight over ``maxBytesInFlight`` waits for the one before it.
                if let previous = inFlight, previous.bytes + bytesInBatch > maxBytesInFlight {
                    finish(previous)
                    inFlight = nil
                }
                for chunk in 0..<chunks { DispatchQueue.global().async(group: running.group) { process(chunk) } }
                if let previous = inFlight { finish(previous) }
                inFlight = running
            }
            batch.removeAll(keepingCapacity: true)
            bytesInBatch = 0
        }

        func add(_ articles: [Article]) {
            for var article in articles {
                if configuration.referenceDate == .dateline { article.referenceDate = nil }
                batch.append(article)
                bytesInBatch += article.bytes.count
                if batch.count >= batchSize || bytesInBatch >= batchBytes { flush() }
            }
        }
        for source in Inputs.expand(paths, followSymlinks: followSymlinks, admit: configuration.admits) {
            do {
                // JSON Lines (UTF-8) is read a chunk of lines at a time, so a file or stream of any
                // size takes bounded memory; anything else is one article per input, read whole.
                let reader = try LineChunkReader(source, chunkSize: chunkSize)
                let start = try reader.peek(1 << 16)
                let utf16 = InputDecoder.hasUTF16ByteOrderMark(start)
                // UTF-16 JSON Lines are recognized by their first bytes decoded, and read in chunks too.
                let head = utf16 ? ArraySlice(InputDecoder.decode(Array(start)).bytes) : start
                if ArticleReader.resolvedFormat(path: source.path, declared: inputFormat, start: head) == .jsonl {
                    if utf16 { reader.decodeUTF16() }
                    while let chunk = try reader.nextChunk() {
                        add(ArticleReader.articles(path: source.path, raw: chunk.bytes, format: .jsonl, firstLine: chunk.firstLine))
                        // A stream with nothing more for now: process and emit what it has sent.
                        if reader.stalled {
                            flush()
                            if let last = inFlight { finish(last); inFlight = nil }
                            idle?()
                        }
                    }
                } else {
                    add(ArticleReader.articles(path: source.path, raw: try reader.readToEnd(), format: inputFormat))
                }
            } catch {
                if let refused = error as? InputError, refused.refused { warn?(refused.message) }
                var failed = Article(id: source.path, bytes: [])
                failed.error = "\(error)"
                add([failed])
            }
        }
        flush()
        if let last = inFlight { finish(last) }
        summary.seconds = Date().timeIntervalSince(start)
        return summary
    }
}

/// A batch handed to the workers: its results, filled in by slot, and the group that tells when
/// every worker is done.
private final class InFlightBatch<Rendered: Sendable>: @unchecked Sendable {
    let results: ResultsBox<Rendered>
    let group = DispatchGroup()
    /// The bytes of its articles' text.
    let bytes: Int
    init(_ work: [Article], bytes: Int) { results = ResultsBox(count: work.count); self.bytes = bytes }
}

/// What the summary counts of one result, taken before the result is reduced (``BatchRunner/emitsTextOnly``).
private struct Tally {
    let mentions: Int, records: Int, findings: Int, bytes: Int
    init(_ r: DocumentResult) {
        mentions = r.extraction?.mentions.count ?? 0
        records = r.records.count
        findings = r.findings.count
        bytes = r.extraction?.document.bytes.count ?? 0
    }
}

/// One processed document: its result, what `render` made of it and its counts.
private struct Done<Rendered: Sendable> {
    let result: DocumentResult
    let text: Rendered?
    let tally: Tally
}

/// Lets worker threads write disjoint slots of one buffer.
private final class ResultsBox<Rendered: Sendable>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Done<Rendered>?>
    init(count: Int) {
        buffer = .allocate(capacity: count)
        buffer.initialize(repeating: nil)
    }
    deinit {
        buffer.deinitialize()
        buffer.deallocate()
    }
}
