import Foundation
import TradeFactsRecords
import TradeFactsText

/// "The same period last year" whose length differs from the period it is compared with.
package struct SamePeriodLength: Check {
    package static let description = CheckDescription(
        id: "same-period-length",
        name: "\"Same period\" of another length",
        severity: .warning,
        summary: "\"The same quarter (month, half) last year\" stands for a period of another length than the one it names, or than the figure it is compared with.",
        rationale: """
            The resolver gives "the same period last year" the length of its antecedent moved back a year, so a resolved \
            anaphor cannot differ in length from the period it copies. What can go wrong in copy is the unit written: \
            "exports in the first half rose 5 pct over the same quarter last year" compares six months with a quarter. \
            The check compares the unit written ("quarter", "month", "half") with the length of the period the anaphor \
            resolved to, and, defensively, the length of the figure's own period with the anaphor's when both stand \
            in one clause ("period", "time" and "months" fit any length). An anaphor that found no antecedent (read \
            as the whole previous year) is left alone.
            """,
        triggering: [
            CheckExample("In the first half of this year, Jilin exported auto parts worth $22.1 million, up 5 pct over ↓the same quarter last year.", date: "2025-07-15"),
            CheckExample("Taiwan's exports were 5.6 billion dlrs in March, up 12 pct from ↓the same quarter a year earlier.", date: "1987-04-10"),
        ],
        nonTriggering: [
            CheckExample("In the first half of this year, Jilin exported auto parts worth $22.1 million, up 5 pct over the same period last year.", date: "2025-07-15"),
            CheckExample("In the second quarter, Jilin exported auto parts worth $12.1 million, up 5 pct over the same quarter last year.", date: "2025-07-15"),
            CheckExample("In the first nine months of this year, Jilin exported auto parts worth $22.1 million, up 5 pct over the same months last year.", date: "2025-10-15"),
            CheckExample("Taiwan's exports were 5.6 billion dlrs in March, up 12 pct from the same month a year earlier.", date: "1987-04-10"),
            CheckExample("Taiwan's exports rose 12 pct to 5.6 billion dlrs from the same month a year earlier.", date: "1987-04-10"),
        ]
    )

    package init() {}

    /// Whole months covered, or nil when the period does not run from a month's first day to a month's last.
    package static func months(_ p: ResolvedPeriod) -> Int? {
        guard p.from.day == 1, p.to == p.to.lastDayOfMonth else { return nil }
        return (p.to.year * 12 + p.to.month) - (p.from.year * 12 + p.from.month) + 1
    }

    package func run(_ context: CheckContext) -> [Finding] {
        let m = context.mentions
        var findings: [Finding] = []
        // The current figures with a change, by sentence, built once (a search of every record for
        // each anaphor made a long story quadratic).
        var changedBySentence: [Int: [TradeRecord]] = [:]
        for r in context.records where !r.isComparison && r.change != nil { changedBySentence[r.sentence, default: []].append(r) }
        // Only dates and periods have calendar fields: the others are passed over without copying them.
        for i in m.indices where m[i].type.isCalendar && m[i].periodFields?.samePeriod == true {
            let a = m[i]
            // An anaphor that found no antecedent is read from its own fields as a whole year back: nothing was copied.
            guard let p = a.period, p.granularity != .year, let length = Self.months(p) else { continue }
            let text = a.text.lowercased()
            // An array, not a dictionary: a text that says two of them gets the same answer in every run.
            let unit = [("quarter", 3), ("half", 6), ("month", 1)].first { Self.says(text, "same", then: $0.0) }
            if let (word, wanted) = unit, wanted != length {
                findings.append(finding(
                    "\"\(a.text)\" names a \(word), but the period it compares (\(p.from.iso)..\(p.to.iso)) runs \(length) month\(length == 1 ? "" : "s")",
                    at: a.span, details: [("written", .string(word)), ("writtenMonths", .int(wanted)), ("resolvedMonths", .int(length))]))
                continue
            }
            // Defensive: the figure compared with the anaphor in its clause has a period of another length.
            for r in changedBySentence[context.sentence(of: a.span)] ?? [] {
                guard let rp = context.period(of: r), let rl = Self.months(rp), rl != length,
                      context.fromTo(after: m[r.change!].span, type: .money) == nil,
                      m[r.change!].span.end <= a.span.start, a.span.start - m[r.change!].span.end < 40 else { continue }
                findings.append(finding(
                    "\"\(a.text)\" (\(p.from.iso)..\(p.to.iso), \(length) months) is compared with a figure for \(rp.from.iso)..\(rp.to.iso) (\(rl) months)",
                    at: a.span, related: [RelatedSpan(span: m[r.value].span, message: "the figure"), RelatedSpan(span: m[r.change!].span, message: "the change")],
                    details: [("anaphorMonths", .int(length)), ("figureMonths", .int(rl))]))
                break
            }
        }
        return findings
    }

    /// Whether lower-cased `text` has `first`, white space, then `second` not followed by a letter
    /// ("same  quarter", not "same quarterly").
    package static func says(_ text: String, _ first: String, then second: String) -> Bool {
        // By bytes (the words are ASCII); Foundation's `range(of:)` was a visible cost of checks.
        let t = Array(text.utf8), f = Array(first.utf8), s = Array(second.utf8)
        guard let head = f.first else { return false }
        var i = 0
        while i + f.count <= t.count {
            defer { i += 1 }
            guard t[i] == head, t[i..<i + f.count].elementsEqual(f) else { continue }
            var j = i + f.count
            while j < t.count, t[j] == 0x20 || t[j] == 0x09 || t[j] == 0x0A || t[j] == 0x0D { j += 1 }
            guard j > i + f.count, j + s.count <= t.count, t[j..<j + s.count].elementsEqual(s) else { continue }
            let k = j + s.count
            if k == t.count || !((t[k] | 0x20) >= 0x61 && (t[k] | 0x20) <= 0x7A) { return true }
        }
        return false
    }
}
