import ArgumentParser
import Foundation
import TradeFacts
import PCRE2Kit
import TradeFactsEval

/// Reads each input and processes it on all cores (`--jobs`), in input order; unreadable inputs
/// become error results so every document is accounted for. `render` runs on worker threads.
/// `configuration` is the one ``EngineOptions/configuration()`` read for this run. `emitsTextOnly`:
/// `body` reads only the rendered text and the result's id and error (see ``BatchRunner/emitsTextOnly``).
func processAll<Rendered: Sendable>(_ paths: [String], options: EngineOptions, configuration: Configuration, keepLatent: Bool = false,
                                    emitsTextOnly: Bool = false, render: (@Sendable (DocumentResult) -> Rendered)?,
                                    _ body: (DocumentResult, Rendered?) -> Void) throws -> BatchSummary {
    let engine = try options.engine(configuration, keepLatent: keepLatent)
    var runner = BatchRunner(engine: engine, jobs: options.jobs ?? ProcessInfo.processInfo.activeProcessorCount,
                             referenceDate: try options.referenceDate())
    runner.configuration = configuration
    runner.inputFormat = options.inputFormat.format
    runner.followSymlinks = options.followSymlinks
    runner.warn = { FileHandle.standardError.write(Data("tradefacts: warning: \($0)\n".utf8)) }
    runner.idle = { OutputBuffer.standardOutput.flush() }
    runner.emitsTextOnly = emitsTextOnly
    let progress = ProgressBar(paths: paths)
    if progress.enabled { runner.progress = { progress.update($0) } }
    let summary = runner.run(paths, render: render) { result, text in body(result, text) }
    progress.finish()
    OutputBuffer.standardOutput.flush()
    return summary
}

/// ``processAll(_:options:configuration:keepLatent:emitsTextOnly:render:_:)`` with nothing rendered on the workers.
func processAll(_ paths: [String], options: EngineOptions, configuration: Configuration, keepLatent: Bool = false,
                _ body: (DocumentResult, String?) -> Void) throws -> BatchSummary {
    try processAll(paths, options: options, configuration: configuration, keepLatent: keepLatent,
                   render: nil as (@Sendable (DocumentResult) -> String)?, body)
}
