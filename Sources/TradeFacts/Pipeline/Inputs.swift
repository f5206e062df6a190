import Foundation

/// One input document to read: a file path, or standard input (`-`).
public struct InputSource: Sendable, Hashable {
    public let path: String
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
                if let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey],
                                                               options: [.skipsHiddenFiles]) {
                    for case let url as URL in walker where articleExtensions.contains(url.pathExtension.lowercased()) {
                        let rel = url.path.hasPrefix(base.path + "/") ? String(url.path.dropFirst(base.path.count + 1)) : url.lastPathComponent
                        found.append((path.hasSuffix("/") ? path : path + "/") + rel)
                    }
                }
                out += found.sorted().filter(admit).map { InputSource(path: $0) }
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
        guard let data = FileManager.default.contents(atPath: source.path) else {
            throw InputError(message: "\(source.path): cannot be read (permission denied?)")
        }
        return [UInt8](data)
    }
}

/// An input that could not be read.
public struct InputError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public var description: String { message }
}
