import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One input document to read: a file path, or standard input (`-`).
package struct InputSource: Sendable, Hashable {
    package let path: String
    /// Found by walking a folder (rather than named on the command line).
    package var fromWalk = false
    package init(path: String, fromWalk: Bool = false) { self.path = path; self.fromWalk = fromWalk }
    package var isStandardInput: Bool { path == "-" }
}

/// Expands command-line paths into input documents and reads them.
package enum Inputs {
    /// File extensions read when a directory is given.
    package static let articleExtensions: Set<String> = ["txt", "md", "text", "markdown", "jsonl", "ndjson"]

    /// Files in the order given; directories are walked recursively (sorted, hidden entries skipped,
    /// symbolic links to directories not followed), keeping the files `admit` accepts (configuration
    /// include/exclude globs; files named explicitly are always read). Paths that do not exist are kept so that reading
    /// them reports the error.
    package static func expand(_ paths: [String], admit: (String) -> Bool = { _ in true }) -> [InputSource] {
        var out: [InputSource] = []
        for path in paths {
            var isDir: ObjCBool = false
            if path != "-", FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue {
                let base = URL(fileURLWithPath: path)
                var found: [String] = []
                if let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey, .isDirectoryKey],
                                                               options: [.skipsHiddenFiles]) {
                    for case let url as URL in walker where articleExtensions.contains(url.pathExtension.lowercased()) {
                        // A folder named like an article ("2024.md/") is walked into, not read.
                        if (try? url.resourceValues(forKeys: [.isDirectoryKey]))?.isDirectory == true { continue }
                        let rel = url.path.hasPrefix(base.path + "/") ? String(url.path.dropFirst(base.path.count + 1)) : url.lastPathComponent
                        found.append((path.hasSuffix("/") ? path : path + "/") + rel)
                    }
                }
                out += found.sorted().filter(admit).map { InputSource(path: $0, fromWalk: true) }
            } else {
                out.append(InputSource(path: path))
            }
        }
        return out
    }

    /// The most bytes one input (or one line of JSON Lines) may hold: 256 MiB unless `--max-input-mb`
    /// says otherwise. Set once, before any input is read. A symlink to `/dev/zero` was read until
    /// memory ran out.
    nonisolated(unsafe) package static var maxInputBytes = 256 << 20

    /// The error for an input beyond ``maxInputBytes``.
    package static func tooLarge(_ source: InputSource, what: String = "input") -> InputError {
        InputError(message: "\(source.path): \(what) larger than \(maxInputBytes >> 20) MB, not read (raise the limit with --max-input-mb)")
    }

    /// Reads all of `handle`, refusing more than ``maxInputBytes``.
    static func readCapped(_ handle: FileHandle, _ source: InputSource) throws -> [UInt8] {
        var out: [UInt8] = []
        while true {
            guard let data = try handle.read(upToCount: 1 << 20), !data.isEmpty else { return out }
            out += data
            if out.count > maxInputBytes { throw tooLarge(source) }
        }
    }

    /// Reads an input's bytes; throws a message naming the file and the cause.
    package static func read(_ source: InputSource) throws -> [UInt8] {
        if source.isStandardInput {
            return try readCapped(FileHandle.standardInput, source)
        }
        try checkReadable(source)
        do {
            let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: source.path))
            defer { try? handle.close() }
            return try readCapped(handle, source)
        } catch let e as InputError {
            throw e
        } catch {
            // The file vanished or became unreadable between the listing and the read.
            let errno = (error as NSError).userInfo[NSUnderlyingErrorKey].flatMap { ($0 as? NSError)?.code }
            if !FileManager.default.fileExists(atPath: source.path) {
                throw InputError(message: "\(source.path): no such file (removed while tradefacts was running?)")
            }
            if errno == Int(EACCES) || !FileManager.default.isReadableFile(atPath: source.path) {
                throw InputError(message: "\(source.path): cannot be read: permission denied")
            }
            throw InputError(message: "\(source.path): cannot be read: \((error as NSError).localizedDescription)")
        }
    }

    /// Throws when `source` (a path, not standard input) is missing, a directory, or (found by
    /// walking a folder) not a regular file.
    static func checkReadable(_ source: InputSource) throws {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: source.path, isDirectory: &isDir) else {
            throw InputError(message: "\(source.path): no such file")
        }
        if isDir.boolValue { throw InputError(message: "\(source.path): is a directory") }
        // A FIFO, socket or device found by walking a folder is not an article, and reading a FIFO
        // would block forever; one named explicitly is read (`<(command)`, `/dev/stdin`).
        if source.fromWalk, let kind = nonRegularKind(source.path) {
            throw InputError(message: "\(source.path): not a regular file (\(kind)); skipped")
        }
    }

    /// What a path is when it is not a regular file (after following symbolic links), or nil.
    static func nonRegularKind(_ path: String) -> String? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        switch st.st_mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFIFO: return "a named pipe"
        case S_IFSOCK: return "a socket"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        default: return "not a regular file"
        }
    }
}

/// An input that could not be read.
package struct InputError: Error, CustomStringConvertible, Sendable {
    package let message: String
    package var description: String { message }
}

/// Reads an input in chunks that end at a line break, so that a JSON Lines file or stream of any
/// size is processed with memory bounded by the chunk size (and the longest line), never by the
/// size of the input.
package final class LineChunkReader {
    package let source: InputSource
    private let fd: Int32
    private var pending: [UInt8] = []
    private var atEnd = false
    /// The line number (from 1) of the first line of the next chunk.
    package private(set) var nextLine = 1
    /// About how many bytes a chunk holds (a chunk is never cut inside a line).
    package let chunkSize: Int

    package init(_ source: InputSource, chunkSize: Int = 4 << 20) throws {
        self.source = source
        self.chunkSize = max(1, chunkSize)
        if source.isStandardInput {
            fd = 0
        } else {
            try Inputs.checkReadable(source)
            fd = open(source.path, O_RDONLY | O_CLOEXEC)
            if fd < 0 { throw LineChunkReader.error(source, errno) }
        }
    }

    deinit { if fd > 0 { close(fd) } }

    package static func error(_ source: InputSource, _ code: Int32) -> InputError {
        if code == EACCES { return InputError(message: "\(source.path): cannot be read: permission denied") }
        if code == ENOENT { return InputError(message: "\(source.path): no such file (removed while tradefacts was running?)") }
        return InputError(message: "\(source.path): cannot be read: \(String(cString: strerror(code)))")
    }

    /// Reads until `pending` holds at least `count` bytes or the input ends.
    private func fill(_ count: Int) throws {
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while !atEnd && pending.count < count {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw LineChunkReader.error(source, errno)
            }
            if n == 0 { atEnd = true } else { pending.append(contentsOf: buffer[..<n]) }
            // A line (or, read whole, an input) beyond the cap: refused rather than read until
            // memory runs out (a symlink to /dev/zero).
            if pending.count > Inputs.maxInputBytes + chunkSize {
                throw Inputs.tooLarge(source, what: count == .max ? "input" : "a line")
            }
        }
    }

    /// The first bytes of the input (up to `count`) without consuming them.
    package func peek(_ count: Int) throws -> ArraySlice<UInt8> {
        try fill(count)
        return pending.prefix(count)
    }

    /// The next chunk of whole lines (the last one may lack its line break at the end of the
    /// input) and the number of its first line; nil at the end.
    package func nextChunk() throws -> (bytes: [UInt8], firstLine: Int)? {
        try fill(chunkSize)
        // Cut after the last line break within the chunk size, else after the first one beyond it
        // (a line longer than a chunk is read whole).
        if let cut = pending[..<min(chunkSize, pending.count)].lastIndex(of: 0x0A) { return take(cut + 1) }
        var searched = min(chunkSize, pending.count)
        while true {
            if let cut = pending[searched...].firstIndex(of: 0x0A) { return take(cut + 1) }
            searched = pending.count
            if atEnd { return pending.isEmpty ? nil : take(pending.count) }
            try fill(pending.count + 1)
        }
    }

    /// The rest of the input.
    package func readToEnd() throws -> [UInt8] {
        try fill(.max)
        defer { pending = [] }
        return pending
    }

    private func take(_ count: Int) -> (bytes: [UInt8], firstLine: Int) {
        let chunk = Array(pending[..<count])
        pending.removeFirst(count)
        let first = nextLine
        nextLine += chunk.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        return (chunk, first)
    }
}
