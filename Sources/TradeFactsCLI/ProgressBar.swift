import ArgumentParser
import Foundation
import TradeFacts
import PCRE2Kit
import TradeFactsEval

/// A one-line progress bar on standard error, only when it is a terminal.
final class ProgressBar: @unchecked Sendable {
    let enabled: Bool
    let totalBytes: Int?
    var last = Date.distantPast
    var estimate: ProgressEstimate
    init(paths: [String]) {
        enabled = isatty(STDERR_FILENO) == 1
        guard enabled, !paths.contains("-") else { totalBytes = nil; estimate = ProgressEstimate(totalBytes: 0); return }
        let total = Inputs.expand(paths).reduce(0) { sum, source in
            sum + ((try? FileManager.default.attributesOfItem(atPath: source.path)[.size] as? Int) ?? 0)
        }
        totalBytes = total
        estimate = ProgressEstimate(totalBytes: total)
    }
    func update(_ s: BatchSummary) {
        guard Date().timeIntervalSince(last) > 0.2 else { return }
        last = Date()
        var line = String(format: "\r%d docs, %.1f MB, %.1f MB/s", s.documents, Double(s.bytes) / 1_048_576, s.megabytesPerSecond)
        if let total = totalBytes, total > 0 {
            line += String(format: ", %3.0f%%", min(100, Double(s.bytes) * 100 / Double(total)))
            // No time left until enough work is measured (see ProgressEstimate).
            if let left = estimate.secondsLeft(bytes: s.bytes, seconds: s.seconds) { line += String(format: ", ETA %.0f s", left) }
        }
        FileHandle.standardError.write(Data((line + "   ").utf8))
    }
    func finish() { if enabled { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) } }
}
