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
    /// What standard output is, for error messages: "standard output", or the file `-o` named.
    nonisolated(unsafe) static var destination = "standard output"

    /// Sends standard output to the file at `path` (created, or emptied), for `-o`; a file that
    /// cannot be opened ends the run with a message naming it and exit code 3.
    static func redirect(to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0, dup2(fd, STDOUT_FILENO) >= 0 else {
            FileHandle.standardError.write(Data("tradefacts: \(path): cannot write: \(String(cString: strerror(errno)))\n".utf8))
            throw ExitCode(3)
        }
        close(fd)
        destination = path
    }
    var pending: [UInt8] = []
    func write(_ text: String) {
        // A long text (one long document's JSON) goes straight out from the string's own storage:
        // copied into `pending`, it would keep a buffer of its size for the rest of the run.
        if text.utf8.count >= 1 << 16 {
            let written: Bool? = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
                flush()
                Self.writeAll(bytes, to: 1)
                return true
            }
            if written == true { return }
        }
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
        bytes.withUnsafeBufferPointer { writeAll($0, to: fd) }
    }

    /// ``writeAll(_:to:)-([UInt8],_)`` for bytes held elsewhere.
    static func writeAll(_ bytes: UnsafeBufferPointer<UInt8>, to fd: Int32) {
        guard let base = bytes.baseAddress else { return }
        var offset = 0
        while offset < bytes.count {
            let n = Foundation.write(fd, base + offset, bytes.count - offset)
            if n > 0 { offset += n; continue }
            if n < 0 && errno == EINTR { continue }
            let cause = n < 0 ? String(cString: strerror(errno)) : "nothing was written"
            let message = Array("tradefacts: cannot write to \(destination): \(cause)\n".utf8)
            _ = message.withUnsafeBytes { Foundation.write(2, $0.baseAddress!, $0.count) }
            Foundation.exit(3)
        }
    }
}

/// Writes `text` to standard output through its buffer.
func writeOut(_ text: String) {
    OutputBuffer.standardOutput.write(text)
}
