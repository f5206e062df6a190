import ArgumentParser
import Foundation
import TradeFacts
import PCRE2Kit
import TradeFactsEval

/// Buffered standard output: commands write through ``writeOut(_:)``, and the buffer is flushed
/// when it holds 64 KiB and before a command ends. Used from the main thread only.
final class OutputBuffer: @unchecked Sendable {
    /// The buffer in front of standard output.
    static let standardOutput = OutputBuffer()
    var pending: [UInt8] = []
    func write(_ text: String) {
        pending.append(contentsOf: text.utf8)
        if pending.count >= 1 << 16 { flush() }
    }
    func flush() {
        guard !pending.isEmpty else { return }
        FileHandle.standardOutput.write(Data(pending))
        pending.removeAll(keepingCapacity: true)
    }
}

/// Writes `text` to standard output through its buffer.
func writeOut(_ text: String) {
    OutputBuffer.standardOutput.write(text)
}
