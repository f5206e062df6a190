import Foundation

/// One input document to read: a file path, or standard input (`-`).
public struct InputSource: Sendable, Hashable {
    public let path: String
    /// Found by walking a folder (rather than named on the command line).
    public var fromWalk = false
    public init(path: String, fromWalk: Bool = false) { self.path = path; self.fromWalk = fromWalk }
    public var isStandardInput: Bool { path == "-" }
}

/// Expands command-line paths into input documents and reads them.
public enum Inputs {
    /// File extensions read when a directory is given.
    public static let articleExtensions: Set<String> = ["txt", "md", "text", "markdown", "jsonl", "ndjson"]

    /// Files in the order given; directories are walked recursively (sorted, hidden entries skipped,
    /// symbolic links to directories not followed), keeping the files `admit` accepts (configuration
    /// include/exclude globs; files named explicitly are always read). Paths that do not exist are kept so that reading
    /// them reports the error.
    public static func expand(_ paths: [String], admit: (String) -> Bool = { _ in true }) -> [InputSource] {
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

    /// Reads an input's bytes; throws a message naming the file and the cause.
    public static func read(_ source: InputSource) throws -> [UInt8] {
        if source.isStandardInput {
            return [UInt8](FileHandle.standardInput.readDataToEndOfFile())
        }
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
        do {
            let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: source.path))
            defer { try? handle.close() }
            return [UInt8](try handle.readToEnd() ?? Data())
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
public struct InputError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public var description: String { message }
}
