import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One input document to read: a file path, or standard input (`-`).
package struct InputSource: Sendable, Hashable {
    package let path: String
    /// Found by walking a folder (rather than named on the command line).
    package var fromWalk = false
    /// The folder walked to find this file, when the file is read only if it resolves inside it
    /// (a walk without `--follow-symlinks`).
    package var confinedTo: WalkedFolder? = nil
    /// Why the file cannot be read, when the walk already knows (a folder with no article).
    package var unreadable: String? = nil
    /// The path's bytes when its name is not valid UTF-8 (found in a folder, or named on the
    /// command line): the file is opened by them, and `path` shows the bad bytes as `\xNN`.
    package var rawPath: [UInt8]? = nil
    package init(path: String, fromWalk: Bool = false, confinedTo: WalkedFolder? = nil, unreadable: String? = nil, rawPath: [UInt8]? = nil) {
        self.path = path; self.fromWalk = fromWalk; self.confinedTo = confinedTo; self.unreadable = unreadable; self.rawPath = rawPath
    }
    package var isStandardInput: Bool { path == "-" }
}

/// A folder given on the command line and walked: as given, and with every symbolic link resolved.
package struct WalkedFolder: Sendable, Hashable {
    package let given: String
    package let resolved: String
}

/// Paths with their symbolic links resolved, and whether one lies inside a folder.
package enum PathConfinement {
    /// `path` with every symbolic link, `.` and `..` resolved; nil when it does not exist (or is a
    /// link loop).
    package static func resolved(_ path: String) -> String? {
        guard let real = realpath(path, nil) else { return nil }
        defer { free(real) }
        return String(cString: real)
    }

    /// Whether `path` is `folder` or lies below it (both resolved paths).
    package static func contains(_ folder: String, _ path: String) -> Bool {
        path == folder || path.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/")
    }
}

/// Expands command-line paths into input documents and reads them.
package enum Inputs {
    /// File extensions read when a directory is given.
    package static let articleExtensions: Set<String> = ["txt", "md", "text", "markdown", "jsonl", "ndjson"]

    /// Files in the order given; directories are walked recursively (sorted, hidden entries skipped),
    /// keeping the files `admit` accepts (configuration include/exclude globs; files named
    /// explicitly are always read). Paths that do not exist are kept so that reading them reports
    /// the error.
    ///
    /// Symbolic links found in a folder: one that resolves inside the folder walked is read where
    /// it points to a file and not followed where it points to a folder (that folder is walked in
    /// its own place). One that resolves outside it is not read unless `followSymlinks`: it is
    /// kept, file or folder, so that reading it reports it (see ``checkReadable(_:)``); with
    /// `followSymlinks` it is read, and a folder is walked (each real folder once).
    package static func expand(_ paths: [String], followSymlinks: Bool = false, admit: (String) -> Bool = { _ in true }) -> [InputSource] {
        var out: [InputSource] = []
        for path in paths {
            var isDir: ObjCBool = false
            if path != "-", FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue {
                let folder = PathConfinement.resolved(path).map { WalkedFolder(given: path, resolved: $0) }
                var walk = FolderWalk(root: folder, followSymlinks: followSymlinks)
                if let folder { walk.visited.insert(folder.resolved) }
                walk.walk(path.hasSuffix("/") && path.count > 1 ? String(path.dropLast()) : path, relative: "")
                let prefix = path.hasSuffix("/") ? path : path + "/"
                let found = walk.found.sorted().filter { admit(prefix + $0) }.map {
                    InputSource(path: prefix + $0, fromWalk: true, confinedTo: followSymlinks ? nil : folder, rawPath: walk.rawPaths[$0])
                }
                // A folder with no article is an error, never a green run over 0 documents.
                out += found.isEmpty ? [InputSource(path: path, unreadable: noArticle("holds no article"))] : found
            } else if path != "-", !FileManager.default.fileExists(atPath: path), Glob.isPattern(path) {
                out += expandGlob(path, followSymlinks: followSymlinks, admit: admit)
            } else if let raw = rawArguments[path] {
                // Named on the command line with bytes that are not UTF-8 (the shell passes them as
                // they are; Swift's arguments replaced them): opened by its bytes.
                out.append(InputSource(path: escaped(raw), rawPath: raw))
            } else {
                out.append(InputSource(path: path))
            }
        }
        return out
    }

    /// The command-line arguments that are not valid UTF-8, by the text Swift made of them (bad
    /// bytes replaced with U+FFFD) — their bytes, to open the files they name.
    static let rawArguments: [String: [UInt8]] = {
        var out: [String: [UInt8]] = [:]
        for i in 1..<Int(CommandLine.argc) {
            guard let arg = CommandLine.unsafeArgv[i] else { continue }
            let bytes = Array(UnsafeBufferPointer(start: UnsafeRawPointer(arg).assumingMemoryBound(to: UInt8.self), count: strlen(arg)))
            if String(validating: bytes, as: UTF8.self) == nil { out[String(decoding: bytes, as: UTF8.self)] = bytes }
        }
        return out
    }()

    /// `bytes` as text, each byte that is not part of valid UTF-8 written `\xNN`.
    static func escaped(_ bytes: [UInt8]) -> String {
        if let s = String(validating: bytes, as: UTF8.self) { return s }
        return bytes.map { $0 < 0x80 ? String(UnicodeScalar($0)) : "\\x" + String($0, radix: 16, uppercase: true) }.joined()
    }

    /// Calls `body` with the path of `source` as a C string: its bytes when the name is not UTF-8.
    static func withCPath<T>(_ source: InputSource, _ body: (UnsafePointer<CChar>) -> T) -> T {
        guard let raw = source.rawPath else { return source.path.withCString(body) }
        let terminated = raw + [0]
        return terminated.withUnsafeBufferPointer { p in p.baseAddress!.withMemoryRebound(to: CChar.self, capacity: terminated.count) { body($0) } }
    }

    /// The cause given for a folder or glob that yields no article.
    static func noArticle(_ what: String) -> String {
        "\(what) (files ending in " + articleExtensions.sorted().map { "." + $0 }.joined(separator: ", ")
            + ", not hidden, and admitted by include/exclude in .tradefacts.yml); nothing to check"
    }

    /// A path that does not exist and holds `*` or `?` (a glob the shell did not expand: quoted,
    /// or from a CI input): the articles under its fixed leading folders that match it (`**`
    /// crosses folders), sorted; none is an error naming the glob.
    static func expandGlob(_ pattern: String, followSymlinks: Bool, admit: (String) -> Bool) -> [InputSource] {
        let parts = pattern.split(separator: "/", omittingEmptySubsequences: false)
        let fixed = parts.prefix { !Glob.isPattern(String($0)) }
        let base = fixed.isEmpty ? "." : fixed.count == 1 && fixed[0].isEmpty ? "/" : fixed.joined(separator: "/")
        let prefix = fixed.isEmpty ? "" : base == "/" ? "/" : base + "/"
        var isDir: ObjCBool = false
        var found: [InputSource] = []
        if FileManager.default.fileExists(atPath: base, isDirectory: &isDir), isDir.boolValue {
            let folder = PathConfinement.resolved(base).map { WalkedFolder(given: base, resolved: $0) }
            var walk = FolderWalk(root: folder, followSymlinks: followSymlinks)
            if let folder { walk.visited.insert(folder.resolved) }
            walk.walk(base, relative: "")
            found = walk.found.filter { Glob.matches(pattern, prefix + $0) && admit(prefix + $0) }.sorted().map {
                InputSource(path: prefix + $0, fromWalk: true, confinedTo: followSymlinks ? nil : folder, rawPath: walk.rawPaths[$0])
            }
        }
        return found.isEmpty ? [InputSource(path: pattern, unreadable: noArticle("matches no article"))] : found
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

    /// One walk of a folder given on the command line (see ``expand(_:followSymlinks:admit:)``).
    private struct FolderWalk {
        let root: WalkedFolder?
        let followSymlinks: Bool
        /// Real folders walked through a symbolic link (and the root), so that a link loop ends.
        var visited = Set<String>()
        /// Paths relative to the root.
        var found: [String] = []
        /// The bytes of those of `found` whose names are not UTF-8 (escaped as `\xNN` in `found`).
        var rawPaths: [String: [UInt8]] = [:]

        init(root: WalkedFolder?, followSymlinks: Bool) { self.root = root; self.followSymlinks = followSymlinks }

        mutating func walk(_ directory: String, relative: String) {
            guard let listing = Inputs.listing(directory) else { return }
            for (name, valid, raw) in listing.sorted(by: { $0.name < $1.name }) where !name.hasPrefix(".") {
                // A name that is not UTF-8 cannot be opened through a Swift string: it is kept with
                // its bytes (read by them), shown with its bad bytes escaped. A folder so named is
                // not walked into.
                guard valid else {
                    if articleExtensions.contains((name as NSString).pathExtension.lowercased()) {
                        let rel = relative.isEmpty ? name : relative + "/" + name
                        found.append(rel)
                        rawPaths[rel] = Array(directory.utf8) + [UInt8(ascii: "/")] + raw
                    }
                    continue
                }
                let path = directory + "/" + name, rel = relative.isEmpty ? name : relative + "/" + name
                let isArticle = articleExtensions.contains((name as NSString).pathExtension.lowercased())
                var info = stat()
                guard lstat(path, &info) == 0 else { if isArticle { found.append(rel) }; continue }
                switch info.st_mode & S_IFMT {
                case S_IFDIR:
                    // A folder named like an article ("2024.md/") is walked into, not read.
                    walk(path, relative: rel)
                case S_IFLNK:
                    var target = stat()
                    let isFolder = stat(path, &target) == 0 && (target.st_mode & S_IFMT) == S_IFDIR
                    let real = PathConfinement.resolved(path)
                    // A dangling link or a link loop counts as inside: reading it reports "no such file".
                    let outside = root.map { r in real.map { !PathConfinement.contains(r.resolved, $0) } ?? false } ?? false
                    if !isFolder {
                        if isArticle { found.append(rel) }
                    } else if outside && !followSymlinks {
                        found.append(rel)  // reported when read
                    } else if outside, let real, visited.insert(real).inserted {
                        walk(path, relative: rel)
                    }
                default:
                    if isArticle { found.append(rel) }
                }
            }
        }
    }

    /// Reads an input's bytes; throws a message naming the file and the cause.
    package static func read(_ source: InputSource) throws -> [UInt8] {
        if source.isStandardInput {
            return try readCapped(FileHandle.standardInput, source)
        }
        try checkReadable(source)
        if source.rawPath != nil {
            let fd = withCPath(source) { open($0, O_RDONLY | O_CLOEXEC) }
            if fd < 0 { throw LineChunkReader.error(source, errno) }
            let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
            return try readCapped(handle, source)
        }
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

    /// Throws when `source` (a path, not standard input) is missing, a directory, (found by walking
    /// a folder without `--follow-symlinks`) resolves outside the folder walked, or (found by
    /// walking a folder) not a regular file.
    /// The names in `directory`, read byte for byte (FileManager would replace a name's invalid
    /// UTF-8 and then not find the file): each with whether it is valid UTF-8 and its bytes; an
    /// invalid one has its bad bytes written `\xNN`. Nil when the folder cannot be read.
    static func listing(_ directory: String) -> [(name: String, valid: Bool, raw: [UInt8])]? {
        guard let dir = opendir(directory) else { return nil }
        defer { closedir(dir) }
        var out: [(name: String, valid: Bool, raw: [UInt8])] = []
        while let entry = readdir(dir) {
            let bytes: [UInt8] = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                Array(raw.prefix { $0 != 0 })
            }
            if bytes == Array(".".utf8) || bytes == Array("..".utf8) { continue }
            if let name = String(validating: bytes, as: UTF8.self) {
                out.append((name, true, bytes))
            } else {
                out.append((escaped(bytes), false, bytes))
            }
        }
        return out
    }

    static func checkReadable(_ source: InputSource) throws {
        if let why = source.unreadable { throw InputError(message: "\(source.path): \(why)") }
        if source.rawPath != nil {
            var info = stat()
            guard withCPath(source, { stat($0, &info) }) == 0 else { throw InputError(message: "\(source.path): no such file") }
            if let folder = source.confinedTo, let real = withCPath(source, { p -> String? in
                guard let r = realpath(p, nil) else { return nil }
                defer { free(r) }
                return String(cString: r)
            }), !PathConfinement.contains(folder.resolved, real) {
                throw InputError(message: "\(source.path): not read: it resolves to \(real), outside the folder walked (\(folder.given)); --follow-symlinks reads it",
                                 refused: true)
            }
            if info.st_mode & S_IFMT == S_IFDIR { throw InputError(message: "\(source.path): is a directory") }
            if source.fromWalk, info.st_mode & S_IFMT != S_IFREG { throw InputError(message: "\(source.path): not a regular file; skipped") }
            return
        }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: source.path, isDirectory: &isDir) else {
            throw InputError(message: "\(source.path): no such file")
        }
        if let folder = source.confinedTo, let real = PathConfinement.resolved(source.path), !PathConfinement.contains(folder.resolved, real) {
            throw InputError(message: "\(source.path): not read: it resolves to \(real), outside the folder walked (\(folder.given)); --follow-symlinks reads it",
                             refused: true)
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
    /// Not read on purpose (a symbolic link out of the folder walked), rather than unreadable: the
    /// run also warns on standard error.
    package var refused = false
    package init(message: String, refused: Bool = false) { self.message = message; self.refused = refused }
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
            fd = Inputs.withCPath(source) { open($0, O_RDONLY | O_CLOEXEC) }
            if fd < 0 { throw LineChunkReader.error(source, errno) }
        }
    }

    deinit { if fd > 0 { close(fd) } }

    /// Whether the input is a pipe, a terminal or another stream rather than a regular file: a
    /// short read then means no more bytes have arrived yet.
    private lazy var isStream: Bool = {
        var st = stat()
        return fstat(fd, &st) != 0 || (st.st_mode & S_IFMT) != S_IFREG
    }()
    /// Whether the last chunk was cut short because a stream had no more bytes for now (`tail -f |
    /// tradefacts`): what has been read should be processed and written before waiting for more.
    package private(set) var stalled = false
    /// Whether `pending` holds a line break (kept as bytes arrive and leave, not searched again).
    private var pendingHasLine = false
    /// Set by ``decodeUTF16()``: the bytes read are UTF-16, turned into UTF-8 as they arrive.
    private var utf16: UTF16StreamDecoder? = nil

    /// Reads the rest of an input that opens with a UTF-16 byte-order mark (``peek(_:)`` saw it) as
    /// UTF-8, a piece at a time, so that UTF-16 JSON Lines are read in chunks like UTF-8 ones
    /// rather than whole (a 120 MB file took 322 MB).
    package func decodeUTF16() {
        guard utf16 == nil, InputDecoder.hasUTF16ByteOrderMark(pending) else { return }
        var decoder = UTF16StreamDecoder(littleEndian: pending[0] == 0xFF)
        pending = decoder.feed(pending.dropFirst(2))
        if atEnd { pending += decoder.finish() }
        pendingHasLine = pending.contains(0x0A)
        utf16 = decoder
    }

    package static func error(_ source: InputSource, _ code: Int32) -> InputError {
        if code == EACCES { return InputError(message: "\(source.path): cannot be read: permission denied") }
        if code == ENOENT { return InputError(message: "\(source.path): no such file (removed while tradefacts was running?)") }
        return InputError(message: "\(source.path): cannot be read: \(String(cString: strerror(code)))")
    }

    /// Reads until `pending` holds at least `count` bytes or the input ends; with `wholeLines`, a
    /// stream that has sent less than asked and holds at least one whole line stops early
    /// (``stalled``), so that its lines are processed while it is quiet.
    private func fill(_ count: Int, wholeLines: Bool = false) throws {
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        stalled = false
        while !atEnd && pending.count < count {
            if wholeLines, pendingHasLine, isStream, !Self.readable(fd) {
                stalled = true
                return
            }
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw LineChunkReader.error(source, errno)
            }
            if n == 0 {
                atEnd = true
                if utf16 != nil { pending += utf16!.finish() }
            } else if utf16 != nil {
                let decoded = utf16!.feed(buffer[..<n])
                pending.append(contentsOf: decoded)
                if !pendingHasLine { pendingHasLine = decoded.contains(0x0A) }
            } else {
                pending.append(contentsOf: buffer[..<n])
                if !pendingHasLine { pendingHasLine = buffer[..<n].contains(0x0A) }
            }
            // A line (or, read whole, an input) beyond the cap: refused rather than read until
            // memory runs out (a symlink to /dev/zero).
            if pending.count > Inputs.maxInputBytes + chunkSize {
                throw Inputs.tooLarge(source, what: count == .max ? "input" : "a line")
            }
        }
    }

    /// Whether `fd` has bytes to read now (poll with no wait).
    private static func readable(_ fd: Int32) -> Bool {
        var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        return poll(&p, 1, 0) > 0 && (p.revents & Int16(POLLIN)) != 0
    }

    /// The first bytes of the input (up to `count`) without consuming them.
    package func peek(_ count: Int) throws -> ArraySlice<UInt8> {
        // (A stream that has sent a whole line and then waits is not waited for.)
        try fill(count, wholeLines: true)
        return pending.prefix(count)
    }

    /// The next chunk of whole lines (the last one may lack its line break at the end of the
    /// input) and the number of its first line; nil at the end.
    package func nextChunk() throws -> (bytes: [UInt8], firstLine: Int)? {
        try fill(chunkSize, wholeLines: true)
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
        defer { pending = []; pendingHasLine = false }
        return pending
    }

    private func take(_ count: Int) -> (bytes: [UInt8], firstLine: Int) {
        let chunk = Array(pending[..<count])
        pending.removeFirst(count)
        pendingHasLine = pending.contains(0x0A)
        let first = nextLine
        nextLine += ArticleReader.lineBreaks(chunk)
        return (chunk, first)
    }
}
