#if canImport(Glibc)
import Glibc
#endif

/// A stage of processing one document, for ``StageProfiler``.
package enum Stage: Int, CaseIterable, Sendable {
    case read = 0, document, suppressions, triggers, rules, overlaps, qualifiers, normalize, calendar, currencies
    case statements, records, checks, render

    /// A short label for reports.
    package var label: String {
        switch self {
        case .read: "read input (JSON Lines, Markdown, decoding)"
        case .statements: "statements (stage two)"
        case .document: "document (lines, sentences)"
        case .suppressions: "suppression comments"
        case .triggers: "prefilter (trigger scan)"
        case .rules: "rule patterns"
        case .overlaps: "overlap resolution"
        case .qualifiers: "qualifiers"
        case .normalize: "normalization"
        case .calendar: "dateline and calendar resolution"
        case .currencies: "currency from context"
        case .records: "records"
        case .checks: "checks"
        case .render: "render output (JSON)"
        }
    }
}

/// Wall-clock time spent in each ``Stage``, for `tradefacts rules profile`.
///
/// Off by default, when it costs one load and branch per stage. It accumulates into process-wide
/// totals without locking, so switch it on only while a single thread processes documents.
package enum StageProfiler {
    nonisolated(unsafe) package static var enabled = false
    package nonisolated(unsafe) static var totals = [UInt64](repeating: 0, count: Stage.allCases.count)

    /// Nanoseconds spent in each stage since the last ``reset()``.
    package static var nanoseconds: [Stage: UInt64] {
        Dictionary(uniqueKeysWithValues: Stage.allCases.map { ($0, totals[$0.rawValue]) })
    }

    package static func reset() { for i in totals.indices { totals[i] = 0 } }

    @inline(__always) package static func now() -> UInt64 {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return UInt64(t.tv_sec) &* 1_000_000_000 &+ UInt64(t.tv_nsec)
    }

    /// Runs `body`, adding its time to `stage` when profiling.
    @inline(__always) package static func time<T>(_ stage: Stage, _ body: () throws -> T) rethrows -> T {
        guard enabled else { return try body() }
        let start = now()
        defer { totals[stage.rawValue] &+= now() &- start }
        return try body()
    }
}
