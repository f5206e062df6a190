/// A day in the proleptic Gregorian calendar, free of time zones.
public struct CalendarDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The year (proleptic Gregorian; any integer, though ``iso`` writes four digits only for 0–9999).
    public var year: Int
    /// The month, 1–12.
    public var month: Int
    /// The day of the month, 1–31.
    public var day: Int

    /// A date from its parts, unchecked; ``init(validYear:month:day:)`` rejects impossible dates.
    public init(year: Int, month: Int, day: Int) { self.year = year; self.month = month; self.day = day }

    /// Validating initializer: nil for "February 30".
    public init?(validYear year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= CalendarDate.daysIn(month: month, year: year) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// Parses `YYYY-MM-DD`.
    public init?(iso: String) {
        // Exactly YYYY-MM-DD: "2025-1-3" and "+2025-01-03" are not dates of this form.
        let b = Array(iso.utf8)
        func digits(_ r: Range<Int>) -> Int? {
            r.allSatisfy { b[$0] >= 0x30 && b[$0] <= 0x39 } ? r.reduce(0) { $0 * 10 + Int(b[$1] - 0x30) } : nil
        }
        guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"),
              let y = digits(0..<4), let m = digits(5..<7), let d = digits(8..<10) else { return nil }
        self.init(validYear: y, month: m, day: d)
    }

    /// A date written as YYYY-MM-DD, alone or as the start of an ISO 8601 timestamp whose time is
    /// itself valid ("2025-10-03T10:11:00Z", "2025-10-03 10:11+08:00"); nil for anything looser
    /// ("2025-1-3", "2025-10-03T99:00").
    public init?(isoDateOrTimestamp text: String) {
        guard let date = CalendarDate(iso: String(text.prefix(10))) else { return nil }
        let rest = text.dropFirst(10)
        if !rest.isEmpty {
            let time = #"^[T ]([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\.[0-9]+)?)?(Z|[+-]([01][0-9]|2[0-3]):?[0-5][0-9])?$"#
            guard rest.range(of: time, options: .regularExpression) != nil else { return nil }
        }
        self = date
    }

    /// Whether `y` is a Gregorian leap year (divisible by 4, and centuries only when divisible by 400).
    public static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }
    /// The number of days (28–31) in `month` of `year`; 31 for a month outside 1–12.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (negative before).
    public var dayNumber: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// The date `z0` days after 1970-01-01 (before it when negative): the inverse of ``dayNumber``.
    public init(dayNumber z0: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
    }

    /// ISO weekday: 1 = Monday … 7 = Sunday.
    public var weekday: Int { let w = (dayNumber + 3) % 7; return (w < 0 ? w + 7 : w) + 1 }

    /// The date `days` days later (earlier when negative).
    public func adding(days: Int) -> CalendarDate { CalendarDate(dayNumber: dayNumber + days) }

    /// Adds months, clamping the day to the target month's length.
    public func adding(months: Int) -> CalendarDate {
        let total = year * 12 + (month - 1) + months
        let y = total >= 0 ? total / 12 : (total - 11) / 12
        let m = total - y * 12 + 1
        return CalendarDate(year: y, month: m, day: min(day, CalendarDate.daysIn(month: m, year: y)))
    }

    /// The same month and day `years` years later (earlier when negative), February 29 becoming 28 in a common year.
    public func adding(years: Int) -> CalendarDate { adding(months: 12 * years) }

    /// The last day of this date's month.
    public var lastDayOfMonth: CalendarDate { CalendarDate(year: year, month: month, day: CalendarDate.daysIn(month: month, year: year)) }

    /// The date as ISO 8601 `YYYY-MM-DD` ("2025-10-03"), the year zero-padded to four digits.
    public var iso: String {
        // Years 0–9999 (with month and day below 100): the ten bytes written directly, the same text
        // as the general padding below, without its intermediate strings.
        if (0...9999).contains(year), (0...99).contains(month), (0...99).contains(day) {
            return String(unsafeUninitializedCapacity: 10) { out in
                TimexValue.writeDigits(year, count: 4, into: out, at: 0)
                out[4] = UInt8(ascii: "-")
                TimexValue.writeDigits(month, count: 2, into: out, at: 5)
                out[7] = UInt8(ascii: "-")
                TimexValue.writeDigits(day, count: 2, into: out, at: 8)
                return 10
            }
        }
        func pad(_ v: Int, _ w: Int) -> String { let s = String(v); return String(repeating: "0", count: max(0, w - s.count)) + s }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }
    /// The ``iso`` text.
    public var description: String { iso }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }

    /// Encodes the date as its `YYYY-MM-DD` string.
    public func encode(to encoder: Encoder) throws { var c = encoder.singleValueContainer(); try c.encode(iso) }
    /// Decodes a `YYYY-MM-DD` string; throws `DecodingError.dataCorrupted` for anything else, an impossible date included.
    public init(from decoder: Decoder) throws {
        let s = try decoder.singleValueContainer().decode(String.self)
        guard let d = CalendarDate(iso: s) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a YYYY-MM-DD date: \(s)"))
        }
        self = d
    }

    package static let weekdayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    /// "Friday" etc.
    public var weekdayName: String { CalendarDate.weekdayNames[weekday - 1] }
}

/// A resolved stretch of calendar time: first and last day (both inclusive) and a TIMEX3-style value.
public struct ResolvedPeriod: Hashable, Sendable, Codable {
    /// Every stored property, as the memberwise initializer takes them.
    package init(from: CalendarDate, to: CalendarDate, value: String, granularity: Granularity) { self.from = from; self.to = to; self.value = value; self.granularity = granularity }
    /// The first day of the period (inclusive).
    public var from: CalendarDate
    /// The last day of the period (inclusive).
    public var to: CalendarDate
    /// TIMEX3-style value: `2025`, `2025-Q3`, `2025-10`, `2025-10-03`, `2024-H1`, `198X`, …
    public var value: String
    /// The granularity the text spoke at.
    public var granularity: Granularity

    /// The unit a period was written in: `day`, `week`, `month`, `quarter`, `half` (a half year),
    /// `season`, `year`, `decade` or `century`, or `span` for any other stretch (a range such as
    /// "January to March", the year to date, the first nine months, a fiscal year given by its last day).
    public enum Granularity: String, Codable, Sendable { case day, week, month, quarter, half, season, year, decade, century, span }

    /// The number of days covered.
    public var lengthInDays: Int { to.dayNumber - from.dayNumber + 1 }

    /// The same period shifted by whole years (e.g. "the same period last year").
    public func shifted(years: Int) -> ResolvedPeriod {
        var p = self
        p.from = from.adding(years: years)
        p.to = to.month == 2 && to.day >= 28 ? CalendarDate(year: to.year + years, month: 2, day: 1).lastDayOfMonth : to.adding(years: years)
        p.value = TimexValue.shift(value, years: years)
        return p
    }
}

package enum TimexValue {
    /// Shifts the leading year of a TIMEX value ("2025-Q3" → "2024-Q3").
    package static func shift(_ value: String, years: Int) -> String {
        value.split(separator: "/", omittingEmptySubsequences: false).map { part in
            guard part.count >= 4, let y = Int(part.prefix(4)) else { return String(part) }
            return format4(y + years) + part.dropFirst(4)
        }.joined(separator: "/")
    }
    package static func format4(_ y: Int) -> String {
        if (0...9999).contains(y) {
            return String(unsafeUninitializedCapacity: 4) { out in writeDigits(y, count: 4, into: out, at: 0); return 4 }
        }
        let s = String(y); return String(repeating: "0", count: max(0, 4 - s.count)) + s
    }

    /// Writes the last `count` decimal digits of non-negative `value`, zero-padded, at `offset`.
    static func writeDigits(_ value: Int, count: Int, into out: UnsafeMutableBufferPointer<UInt8>, at offset: Int) {
        var v = value
        for i in stride(from: offset + count - 1, through: offset, by: -1) {
            out[i] = UInt8(ascii: "0") + UInt8(v % 10)
            v /= 10
        }
    }
}
