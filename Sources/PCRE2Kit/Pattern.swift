import CPCRE2
import Dispatch

/// An error raised while compiling or running a PCRE2 pattern.
public enum PCRE2Error: Error, Equatable, CustomStringConvertible, Sendable {
    /// The pattern did not compile; `offset` is the byte offset in the pattern where PCRE2 stopped.
    case compile(message: String, offset: Int)
    /// The match limit was reached: the pattern backtracks too much on this subject.
    case matchLimit
    /// The scratch's step budget (``MatchScratch/stepBudget``) ran out in the match attempt that
    /// started at byte `at`; only patterns compiled with ``Pattern/countsSteps`` spend it.
    case stepBudget(at: Int)
    /// Any other matching error reported by PCRE2.
    case match(code: Int32, message: String)

    public var description: String {
        switch self {
        case let .compile(message, offset): return "\(message) at pattern offset \(offset)"
        case .matchLimit: return "match limit exceeded (catastrophic backtracking?)"
        case let .stepBudget(at): return "step budget used up in the match attempt at byte \(at)"
        case let .match(code, message): return "PCRE2 error \(code): \(message)"
        }
    }

    static func message(for code: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let n = pcre2_get_error_message_8(code, &buffer, buffer.count)
        return n > 0 ? String(decoding: buffer[0..<Int(n)], as: UTF8.self) : "unknown error"
    }
}

/// A compiled PCRE2 pattern (UTF-8, invalid-UTF tolerant, JIT-compiled when available).
///
/// Compiled code is read-only after construction and may be shared across threads;
/// per-thread state lives in ``MatchScratch``.
public final class Pattern: @unchecked Sendable {
    /// Profiling (for `rules profile`, one thread only): when on before patterns are compiled,
    /// every pattern is registered and the time spent in its matching is added up.
    nonisolated(unsafe) public static var profiling = false
    nonisolated(unsafe) public private(set) static var registered: [Pattern] = []
    /// Nanoseconds spent matching this pattern while profiling.
    public private(set) var profiledNanoseconds: UInt64 = 0
    /// Calls into PCRE2 for this pattern while profiling.
    public private(set) var profiledCalls = 0

    /// Options used for every pattern: UTF mode that never faults on invalid subjects, and no `\C`
    /// (one code unit, which could end a match inside a UTF-8 character).
    ///
    /// What a pattern (user-written, from `--rules`) can reach: PCRE2 only matches. Callouts
    /// (`(?C1)`) only reach the scratch's own function, which counts steps (see ``MatchScratch/stepBudget``); `(*LIMIT_MATCH=…)`,
    /// `(*LIMIT_DEPTH=…)` and `(*LIMIT_HEAP=…)` can only lower the limits set in ``MatchScratch``,
    /// never raise them; `(*NO_JIT)` falls back to the interpreter under the same limits; other
    /// verbs (`(*UTF)`, `(*CR)`, `(*SKIP)`, …) change matching only. There is no PCRE2 feature
    /// that runs code or touches files.
    public static let defaultOptions: UInt32 = UInt32(PCRE2_UTF) | UInt32(PCRE2_MATCH_INVALID_UTF) | UInt32(PCRE2_NEVER_BACKSLASH_C)

    /// The source text of the pattern.
    public let source: String
    let code: OpaquePointer
    /// Whether JIT compilation succeeded.
    public let isJITCompiled: Bool
    /// Number of capturing groups.
    public let captureCount: Int
    /// Named groups and their numbers.
    public let groupNumbers: [String: Int]
    /// For a name that several groups share (`(?J)`), every group's number, in pattern order.
    public let duplicateGroupNumbers: [String: [Int]]
    /// Compiled with `PCRE2_USE_OFFSET_LIMIT`, so searches may be limited to where a match starts.
    public let usesOffsetLimit: Bool
    /// Compiled with `PCRE2_AUTO_CALLOUT` (pass ``Pattern/countingSteps`` in the options): every
    /// item it runs spends the scratch's ``MatchScratch/stepBudget``, see ``MatchScratch``.
    public let countsSteps: Bool
    /// A counting pattern too large for a callout before every item: it counts one step per start
    /// position tried, which bounds the attempts but not the work inside each (see ``init(_:options:jit:)``).
    public let countsOnlyStarts: Bool
    /// The option bit that makes a pattern count its steps (`PCRE2_AUTO_CALLOUT`).
    public static let countingSteps = UInt32(PCRE2_AUTO_CALLOUT)

    /// Compiles `source`. Extra PCRE2 option bits (e.g. `PCRE2_CASELESS`) may be passed in `options`.
    ///
    /// With ``countingSteps``, a pattern too large to compile with a callout before every item
    /// (PCRE2's compiled size limit) is compiled with one callout at its start instead: it then
    /// counts one step for each start position it tries (``countsOnlyStarts``).
    public init(_ source: String, options: UInt32 = 0, jit: Bool = true) throws {
        self.source = source
        usesOffsetLimit = options & UInt32(PCRE2_USE_OFFSET_LIMIT) != 0
        countsSteps = options & Pattern.countingSteps != 0
        func compile(_ text: String, _ options: UInt32) -> (OpaquePointer?, Int32, Int) {
            var errorCode: Int32 = 0
            var errorOffset: Int = 0
            let compiled: OpaquePointer? = text.withCString { ptr in
                ptr.withMemoryRebound(to: UInt8.self, capacity: text.utf8.count) { bytes in
                    pcre2_compile_8(bytes, text.utf8.count, Pattern.defaultOptions | options, &errorCode, &errorOffset, nil)
                }
            }
            return (compiled, errorCode, errorOffset)
        }
        let (firstTry, errorCode, errorOffset) = compile(source, options)
        var compiled = firstTry
        var onlyStarts = false
        if compiled == nil && countsSteps && errorCode == PCRE2_ERROR_PATTERN_TOO_LARGE {
            // The callout goes after the verbs that must open a pattern ((*UTF), (*LIMIT_MATCH=9), …).
            var opening = source.utf8[...]
            while opening.starts(with: "(*".utf8), let close = opening.firstIndex(of: UInt8(ascii: ")")) {
                opening = opening[opening.index(after: close)...]
            }
            let prefix = String(decoding: source.utf8[..<opening.startIndex], as: UTF8.self)
            (compiled, _, _) = compile(prefix + "(?C)" + String(decoding: opening, as: UTF8.self), options & ~Pattern.countingSteps)
            onlyStarts = compiled != nil
        }
        countsOnlyStarts = onlyStarts
        guard let compiled else {
            throw PCRE2Error.compile(message: PCRE2Error.message(for: errorCode), offset: errorOffset)
        }
        code = compiled
        isJITCompiled = jit && pcre2_jit_compile_8(compiled, UInt32(PCRE2_JIT_COMPLETE)) == 0

        var count: UInt32 = 0
        pcre2_pattern_info_8(compiled, UInt32(PCRE2_INFO_CAPTURECOUNT), &count)
        captureCount = Int(count)

        var nameCount: UInt32 = 0
        var entrySize: UInt32 = 0
        var table: UnsafePointer<UInt8>? = nil
        pcre2_pattern_info_8(compiled, UInt32(PCRE2_INFO_NAMECOUNT), &nameCount)
        pcre2_pattern_info_8(compiled, UInt32(PCRE2_INFO_NAMEENTRYSIZE), &entrySize)
        pcre2_pattern_info_8(compiled, UInt32(PCRE2_INFO_NAMETABLE), &table)
        var names: [String: Int] = [:]
        var lists: [String: [Int]] = [:]
        if let table, nameCount > 0 {
            for i in 0..<Int(nameCount) {
                let entry = table + i * Int(entrySize)
                let number = Int(entry[0]) << 8 | Int(entry[1])
                let name = String(cString: entry + 2)
                names[name] = number
                lists[name, default: []].append(number)
            }
        }
        groupNumbers = names
        duplicateGroupNumbers = lists.filter { $0.value.count > 1 }
        if Pattern.profiling { Pattern.registered.append(self) }
    }

    deinit { pcre2_code_free_8(code) }

    /// Calls `body` for every non-overlapping match in `subject`, left to right.
    ///
    /// The search starts at byte `start` (lookbehinds still see the bytes before it). With
    /// `startingBefore`, only matches that start before that offset are found, and the search stops
    /// there; a match may still run past it (the pattern must be compiled with `PCRE2_USE_OFFSET_LIMIT`).
    /// `body` receives a ``Match`` valid only during the call; return `false` to stop.
    /// Throws ``PCRE2Error/matchLimit`` when the scratch's match limit is hit.
    public func forEachMatch(in subject: UnsafeBufferPointer<UInt8>, from start: Int = 0, startingBefore limit: Int? = nil,
                             scratch: MatchScratch, _ body: (borrowing Match) throws -> Bool) throws {
        guard let base = subject.baseAddress ?? UnsafePointer(bitPattern: 1) else { return }
        let length = subject.count
        if let limit {
            precondition(usesOffsetLimit, "startingBefore needs a pattern compiled with PCRE2_USE_OFFSET_LIMIT")
            guard limit > start else { return }
            pcre2_set_offset_limit_8(scratch.matchContext, limit - 1)
        }
        defer { if limit != nil { pcre2_set_offset_limit_8(scratch.matchContext, ~0) } }
        var offset = start
        scratch.reserve(groups: captureCount)
        let ovector = pcre2_get_ovector_pointer_8(scratch.matchData)!
        let pairs = Int(pcre2_get_ovector_count_8(scratch.matchData))
        while offset <= length {
            let rc: Int32
            let t0 = Pattern.profiling ? DispatchTime.now().uptimeNanoseconds : 0
            defer { if Pattern.profiling { profiledNanoseconds += DispatchTime.now().uptimeNanoseconds - t0; profiledCalls += 1 } }
            if isJITCompiled {
                rc = pcre2_jit_match_8(code, base, length, offset, 0, scratch.matchData, scratch.matchContext)
            } else {
                rc = pcre2_match_8(code, base, length, offset, 0, scratch.matchData, scratch.matchContext)
            }
            if rc == PCRE2_ERROR_NOMATCH { return }
            try scratch.check(rc)
            let matchStart = ovector[0], matchEnd = ovector[1]
            let match = Match(ovector: ovector, pairs: min(pairs, captureCount + 1), pattern: self)
            if try !body(match) { return }
            if matchEnd > matchStart {
                offset = matchEnd
            } else {
                // Empty match: step over one whole UTF-8 character.
                offset = matchEnd + 1
                while offset < length && (base[offset] & 0xC0) == 0x80 { offset += 1 }
            }
        }
    }

    /// The byte range of the first match at or after `start`, or nil when there is none.
    /// Throws ``PCRE2Error/matchLimit`` when the scratch's match limit is hit.
    public func firstMatch(in subject: UnsafeBufferPointer<UInt8>, from start: Int = 0, scratch: MatchScratch) throws -> Range<Int>? {
        guard let base = subject.baseAddress, start <= subject.count else { return nil }
        scratch.reserve(groups: captureCount)
        let rc: Int32
        let t0 = Pattern.profiling ? DispatchTime.now().uptimeNanoseconds : 0
        defer { if Pattern.profiling { profiledNanoseconds += DispatchTime.now().uptimeNanoseconds - t0; profiledCalls += 1 } }
        if isJITCompiled {
            rc = pcre2_jit_match_8(code, base, subject.count, start, 0, scratch.matchData, scratch.matchContext)
        } else {
            rc = pcre2_match_8(code, base, subject.count, start, 0, scratch.matchData, scratch.matchContext)
        }
        if rc == PCRE2_ERROR_NOMATCH { return nil }
        try scratch.check(rc)
        let ovector = pcre2_get_ovector_pointer_8(scratch.matchData)!
        return ovector[0]..<ovector[1]
    }

    /// Convenience: all matches as arrays of group ranges (nil for unset groups). Allocates; for tests and tools.
    public func allMatches(in text: String, scratch: MatchScratch = MatchScratch()) throws -> [[Range<Int>?]] {
        var result: [[Range<Int>?]] = []
        let bytes = Array(text.utf8)
        try bytes.withUnsafeBufferPointer { buffer in
            try forEachMatch(in: buffer, scratch: scratch) { m in
                result.append((0...captureCount).map { m.range(ofGroup: $0) })
                return true
            }
        }
        return result
    }
}

/// One match: byte ranges of the whole match and of each group, read from PCRE2's output vector.
public struct Match: ~Copyable {
    let ovector: UnsafeMutablePointer<Int>
    let pairs: Int
    let pattern: Pattern

    /// The byte range of group `n` (0 is the whole match), or nil when the group did not take part.
    public func range(ofGroup n: Int) -> Range<Int>? {
        guard n >= 0, n < pairs else { return nil }
        let s = ovector[2 * n], e = ovector[2 * n + 1]
        if s == tf_pcre2_unset() { return nil }
        return s..<e
    }

    /// The byte range of the named group, or nil when it is unknown or did not take part.
    /// A name that several groups share (`(?J)`) gives the first of them that took part.
    public func range(ofGroup name: String) -> Range<Int>? {
        if let numbers = pattern.duplicateGroupNumbers[name] {
            for n in numbers { if let r = range(ofGroup: n) { return r } }
            return nil
        }
        guard let n = pattern.groupNumbers[name] else { return nil }
        return range(ofGroup: n)
    }

    /// The byte range of the whole match.
    public var range: Range<Int> { range(ofGroup: 0)! }
}

/// What a step-counting pattern's callouts spend (see ``MatchScratch/stepBudget``).
struct StepCounter {
    /// Steps left; `UInt64.max` is no budget.
    var remaining: UInt64 = .max
    /// The start of the match attempt seen by the last callout, and where that callout stood.
    var lastStart = -1
    var lastPosition = 0
    /// The start of the attempt in which the budget ran out.
    var stoppedAt = 0
}

/// The callout function of every scratch. It only counts: each callout (one before every item of a
/// pattern compiled with `PCRE2_AUTO_CALLOUT`, and any `(?C…)` a pattern has) costs one step plus
/// the bytes the match moved since the previous callout of the same attempt, so an item that scans
/// or backtracks over many characters costs as much. When the budget is spent, the match is
/// abandoned with `PCRE2_ERROR_CALLOUT`.
private let countSteps: @convention(c) (UnsafeMutablePointer<pcre2_callout_block_8>?, UnsafeMutableRawPointer?) -> Int32 = { block, data in
    guard let block, let data else { return 0 }
    let counter = data.assumingMemoryBound(to: StepCounter.self)
    let start = Int(block.pointee.start_match), position = Int(block.pointee.current_position)
    if start != counter.pointee.lastStart { counter.pointee.lastStart = start; counter.pointee.lastPosition = start }
    let moved = position - counter.pointee.lastPosition
    counter.pointee.lastPosition = position
    let cost = UInt64(1 + moved.magnitude)
    if cost > counter.pointee.remaining {
        counter.pointee.remaining = 0
        counter.pointee.stoppedAt = start
        return PCRE2_ERROR_CALLOUT
    }
    if counter.pointee.remaining != .max { counter.pointee.remaining -= cost }
    return 0
}

/// Per-thread matching state: match data, match context with a match limit, a JIT stack, and a
/// step budget for patterns that count their steps.
///
/// Not thread-safe: give each thread its own scratch.
public final class MatchScratch {
    /// Default number of backtracking steps allowed per match attempt.
    public static let defaultMatchLimit: UInt32 = 1_000_000
    /// Match data with room for ``groupCapacity`` groups; replaced by a larger one when a pattern has more.
    private(set) var matchData: OpaquePointer
    private(set) var groupCapacity: Int
    let matchContext: OpaquePointer
    let jitStack: OpaquePointer?
    let counter: UnsafeMutablePointer<StepCounter>

    /// Creates scratch space, at first for patterns with up to `maxGroups` capturing groups (it grows
    /// for a pattern with more: every group of every pattern is reported).
    public init(maxGroups: Int = 100, matchLimit: UInt32 = MatchScratch.defaultMatchLimit) {
        groupCapacity = maxGroups
        matchData = pcre2_match_data_create_8(UInt32(maxGroups + 1), nil)!
        counter = .allocate(capacity: 1)
        counter.initialize(to: StepCounter())
        matchContext = pcre2_match_context_create_8(nil)!
        pcre2_set_callout_8(matchContext, countSteps, UnsafeMutableRawPointer(counter))
        pcre2_set_match_limit_8(matchContext, matchLimit)
        pcre2_set_depth_limit_8(matchContext, 10_000)
        // Interpreter backtracking memory (KiB); PCRE2's default is 20 GB.
        pcre2_set_heap_limit_8(matchContext, 256 * 1024)
        jitStack = pcre2_jit_stack_create_8(64 * 1024, 4 * 1024 * 1024, nil)
        if let jitStack { pcre2_jit_stack_assign_8(matchContext, nil, UnsafeMutableRawPointer(jitStack)) }
    }

    /// Steps that patterns compiled with ``Pattern/countsSteps`` may still spend, across all their
    /// calls, until it is set again; `UInt64.max` (the default) is no budget. When it runs out, the
    /// call throws ``PCRE2Error/stepBudget(at:)``, and so does every later call of a counting pattern.
    /// Other patterns never spend it.
    public var stepBudget: UInt64 {
        get { counter.pointee.remaining }
        set { counter.pointee = StepCounter(remaining: newValue) }
    }

    /// Makes room in the match data for `groups` capturing groups.
    func reserve(groups: Int) {
        guard groups > groupCapacity else { return }
        pcre2_match_data_free_8(matchData)
        matchData = pcre2_match_data_create_8(UInt32(groups + 1), nil)!
        groupCapacity = groups
    }

    /// Throws the error a negative return code of a match stands for.
    func check(_ rc: Int32) throws {
        if rc >= 0 { return }
        if rc == PCRE2_ERROR_MATCHLIMIT { throw PCRE2Error.matchLimit }
        if rc == PCRE2_ERROR_CALLOUT && counter.pointee.remaining == 0 { throw PCRE2Error.stepBudget(at: counter.pointee.stoppedAt) }
        throw PCRE2Error.match(code: rc, message: PCRE2Error.message(for: rc))
    }

    deinit {
        counter.deinitialize(count: 1)
        counter.deallocate()
        pcre2_match_data_free_8(matchData)
        pcre2_match_context_free_8(matchContext)
        if let jitStack { pcre2_jit_stack_free_8(jitStack) }
    }
}
