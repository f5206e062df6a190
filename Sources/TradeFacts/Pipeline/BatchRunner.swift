import Foundation
import PCRE2Kit

/// Counts for the end-of-run summary.
public struct BatchSummary: Sendable {
    public var documents = 0
    public var unreadable = 0
    public var bytes = 0
    public var mentions = 0
    public var records = 0
    public var findings = 0
    public var seconds = 0.0

    public var megabytesPerSecond: Double { seconds > 0 ? Double(bytes) / 1_048_576 / seconds : 0 }
    public var documentsPerSecond: Double { seconds > 0 ? Double(documents) / seconds : 0 }

    public var line: String {
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
public struct BatchRunner {
    public let engine: Engine
    public var jobs: Int
    public var batchSize: Int
    public var referenceDate: CalendarDate?
    public var inputFormat: InputFormat = .auto
    public var configuration = Configuration()
    /// Called on the calling thread after each document with the running totals (for a progress bar).
    public var progress: ((BatchSummary) -> Void)? = nil

    public init(engine: Engine, jobs: Int = ProcessInfo.processInfo.activeProcessorCount, batchSize: Int? = nil, referenceDate: CalendarDate? = nil) {
        self.engine = engine
        self.jobs = max(1, jobs)
        self.batchSize = batchSize ?? max(16, 64 * max(1, jobs))
        self.referenceDate = referenceDate
    }

    /// Processes every input; `render` runs on worker threads, `emit` on the calling thread in input order.
    @discardableResult
    public func run(_ paths: [String], render: (@Sendable (DocumentResult) -> String)? = nil,
                    emit: (DocumentResult, String?) -> Void) -> BatchSummary {
        var summary = BatchSummary()
        let start = Date()
        var batch: [Article] = []
        batch.reserveCapacity(batchSize)

        func flush() {
            guard !batch.isEmpty else { return }
            let work = batch
            let results = UnsafeMutableBufferPointer<(DocumentResult, String?)?>.allocate(capacity: work.count)
            results.initialize(repeating: nil)
            defer { results.deinitialize(); results.deallocate() }
            let engine = self.engine, date = self.referenceDate
            let box = ResultsBox(results)
            let chunks = min(jobs, work.count)
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                let scratch = MatchScratch.shared
                var i = chunk
                while i < work.count {
                    let r = engine.process(work[i], referenceDate: date, scratch: scratch)
                    box.buffer[i] = (r, render?(r))
                    i += chunks
                }
            }
            for case let (r, text)? in results {
                summary.documents += 1
                if r.error != nil { summary.unreadable += 1 }
                summary.mentions += r.extraction?.mentions.count ?? 0
                summary.records += r.records.count
                summary.findings += r.findings.count
                summary.bytes += r.extraction?.document.bytes.count ?? 0
                emit(r, text)
                summary.seconds = Date().timeIntervalSince(start)
                progress?(summary)
            }
            batch.removeAll(keepingCapacity: true)
        }

        for source in Inputs.expand(paths, admit: configuration.admits) {
            let raw: [UInt8]
            do {
                raw = try Inputs.read(source)
            } catch {
                var failed = Article(id: source.path, bytes: [])
                failed.error = "\(error)"
                batch.append(failed)
                if batch.count >= batchSize { flush() }
                continue
            }
            for var article in ArticleReader.articles(path: source.path, raw: raw, format: inputFormat) {
                if configuration.referenceDate == .dateline { article.referenceDate = nil }
                batch.append(article)
                if batch.count >= batchSize { flush() }
            }
        }
        flush()
        summary.seconds = Date().timeIntervalSince(start)
        return summary
    }
}

/// Lets worker threads write disjoint slots of one buffer.
private final class ResultsBox: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<(DocumentResult, String?)?>
    init(_ buffer: UnsafeMutableBufferPointer<(DocumentResult, String?)?>) { self.buffer = buffer }
}
