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
        Self.writeAll(pending, to: 1)
        pending.removeAll(keepingCapacity: true)
    }

    /// Writes every byte to file descriptor `fd`, through interrupted and partial writes. A write
    /// that fails (a full disk, a closed pipe whose reader is gone, a closed descriptor) ends the
    /// run: a message on standard error naming the cause, and exit code 3, never a crash and
    /// never "success". (FileHandle.write traps on such errors.)
    static func writeAll(_ bytes: [UInt8], to fd: Int32) {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Foundation.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n > 0 { offset += n; continue }
                if n < 0 && errno == EINTR { continue }
                let cause = n < 0 ? String(cString: strerror(errno)) : "nothing was written"
                let message = Array("tradefacts: cannot write to standard output: \(cause)\n".utf8)
                _ = message.withUnsafeBytes { Foundation.write(2, $0.baseAddress!, $0.count) }
                Foundation.exit(3)
            }
        }
    }
}

/// Writes `text` to standard output through its buffer.
func writeOut(_ text: String) {
    OutputBuffer.standardOutput.write(text)
}
