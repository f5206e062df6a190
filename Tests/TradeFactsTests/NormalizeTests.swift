import XCTest
@testable import TradeFacts
import TradeFactsEval

final class NumbersTests: XCTestCase {
    func testDigits() {
        XCTAssertEqual(Numbers.parse("22.13"), Decimal(string: "22.13"))
        XCTAssertEqual(Numbers.parse("7,000"), 7000)
        XCTAssertEqual(Numbers.parse("1,234,567.5"), Decimal(string: "1234567.5"))
        XCTAssertEqual(Numbers.parse("-3.5"), Decimal(string: "-3.5"))
        XCTAssertNil(Numbers.parse("1.2.3"))
        XCTAssertNil(Numbers.parse("abc"))
        XCTAssertNil(Numbers.parse(""))
    }

    func testWords() {
        XCTAssertEqual(Numbers.parse("nine"), 9)
        XCTAssertEqual(Numbers.parse("twenty-one"), 21)
        XCTAssertEqual(Numbers.parse("seven thousand"), 7000)
        XCTAssertEqual(Numbers.parse("a dozen"), 12)
        XCTAssertEqual(Numbers.parse("one hundred and twenty-five thousand"), 125_000)
        XCTAssertEqual(Numbers.parse("half a million"), 500_000)
        XCTAssertEqual(Numbers.parse("1.5 billion"), 1_500_000_000)
        XCTAssertEqual(Numbers.parse("3 1/2"), Decimal(string: "3.5"))
        XCTAssertNil(Numbers.parse("a"))
    }

    func testWordFractionsAndScales() {
        XCTAssertEqual(Numbers.parse("two thirds")!, Decimal(2) / 3)
        XCTAssertEqual(Numbers.parse("five and a half million"), 5_500_000)
        XCTAssertEqual(Numbers.parse("3 million and a half"), 3_500_000)
        XCTAssertEqual(Numbers.parse("half a dozen"), 6)
        XCTAssertEqual(Numbers.parse("three hundred and two dozens"), 324)
        XCTAssertEqual(Numbers.parse("twenty and three fifths"), Decimal(string: "20.6"))
        XCTAssertEqual(Numbers.parse("one twenty-fifth"), Decimal(string: "0.04"))
        XCTAssertEqual(Numbers.parse("two hundred point zero three"), Decimal(string: "200.03"))
        XCTAssertEqual(Numbers.parse("minus five"), -5)
        XCTAssertEqual(Numbers.parse("one over 20"), Decimal(string: "0.05"))
        XCTAssertEqual(Numbers.parse("three lakh crore"), 3_000_000_000_000)
        XCTAssertEqual(Numbers.parse("1 234 567"), 1_234_567)
        XCTAssertEqual(Numbers.parse("12,34,567.89"), Decimal(string: "1234567.89"))
        XCTAssertEqual(Numbers.parse("10k"), 10_000)
        XCTAssertEqual(Numbers.parse("- 1 4/5"), Decimal(string: "-1.8"))
        XCTAssertEqual(Numbers.parse("¾"), Decimal(string: "0.75"))
        XCTAssertNil(Numbers.parse("point"))
    }

    func testLatentNumbersAreDroppedUnlessKept() throws {
        let text = "Exports reached 7.3 billion dlrs, up from about half a million in the 1950s."
        let plain = Fixtures.engine.process(Document(id: "t", text: text, referenceDate: CalendarDate(iso: "2025-10-03")))
        XCTAssertFalse(plain.mentions.contains { $0.type == .number || $0.latent })
        let engine = try Engine(ruleSet: RuleSet.embedded(), keepLatent: true)
        let kept = engine.process(Document(id: "t", text: text, referenceDate: CalendarDate(iso: "2025-10-03")))
        XCTAssertEqual(kept.mentions.filter(\.latent).map(\.text), ["half a million"])
        // The typed mention wins over the bare number inside it.
        XCTAssertEqual(kept.mentions.filter { $0.type == .money }.map(\.text), ["7.3 billion dlrs"])
    }

    func testCurrencyFromContext() {
        let story = "SYDNEY exports\nMarch 3, 1987\nAustralia's exports rose to 7.3 billion dlrs in January from 6.1 billion.\n"
        let r = Fixtures.engine.process(Document(id: "t", text: story))
        let money = r.mentions.filter { $0.type == .money }
        XCTAssertEqual(money.map(\.text), ["7.3 billion dlrs", "6.1 billion"])
        XCTAssertEqual(money.map(\.currencySource), ["place", "carried"])
        for m in money { guard case let .money(_, _, _, c, _) = m.value else { return XCTFail() }; XCTAssertEqual(c, "AUD") }
    }

    func testScalesAndOrdinals() {
        XCTAssertEqual(Numbers.scale("mln"), 1_000_000)
        XCTAssertEqual(Numbers.scale("bn"), 1_000_000_000)
        XCTAssertEqual(Numbers.scale("Billion"), 1_000_000_000)
        XCTAssertNil(Numbers.scale("dozen"))
        XCTAssertEqual(Numbers.ordinal("third"), 3)
        XCTAssertEqual(Numbers.ordinal("3rd"), 3)
        XCTAssertEqual(Numbers.ordinal("nine"), 9)
        XCTAssertEqual(Numbers.month("Sept."), 9)
        XCTAssertEqual(Numbers.month("october"), 10)
        XCTAssertNil(Numbers.month("Ma"))
        XCTAssertEqual(Numbers.year("'87"), 1987)
        XCTAssertEqual(Numbers.year("1980s"), 1980)
        XCTAssertEqual(Numbers.string(Decimal(string: "22.13")! * 1_000_000), "22130000")
    }

    /// The fast path of `Numbers.string` prints what rounding and NSDecimalNumber print.
    /// Months, years and day numbers in plain ASCII take a path without Foundation; these are the
    /// answers the general reading gives (trimmed points and spaces, a sign, leading zeros, overflow).
    func testPlainMonthsYearsAndDaysReadAsBefore() {
        XCTAssertEqual(Numbers.month(" Oct. "), 10)
        XCTAssertEqual(Numbers.month("DECEMBER"), 12)
        XCTAssertEqual(Numbers.month("Sep t"), 9)
        XCTAssertEqual(Numbers.month("012"), 12)
        XCTAssertEqual(Numbers.month("+3"), 3)
        XCTAssertNil(Numbers.month("13"))
        XCTAssertNil(Numbers.month("0"))
        XCTAssertNil(Numbers.month(". ."))
        XCTAssertNil(Numbers.month("99999999999999999999999"))
        XCTAssertNil(Numbers.month("Ja."))
        XCTAssertNil(Numbers.month("1 2"))
        XCTAssertEqual(Numbers.month("ma y"), nil)
        XCTAssertEqual(Numbers.year("87"), 1987)
        XCTAssertEqual(Numbers.year("07"), 2007)
        XCTAssertEqual(Numbers.year("0087"), 87)
        XCTAssertEqual(Numbers.year("1987"), 1987)
        XCTAssertEqual(Numbers.year("1987 "), 1987)
        XCTAssertEqual(Numbers.ordinal("007"), 7)
        XCTAssertEqual(Numbers.ordinal("31"), 31)
        XCTAssertEqual(Numbers.ordinal("Q4"), 4)
    }

    func testDecimalStringsMatchTheRoundedFoundationText() {
        var values: [Decimal] = [0, -1, Decimal(1) / 3, Decimal(-2) / 3, Decimal(string: "87.40")!, Decimal(string: "1e20")!, Decimal(string: "0.0001")!]
        for i in 0..<5_000 { values.append(Decimal(sign: i % 3 == 0 ? .minus : .plus, exponent: i % 13 - 6, significand: Decimal(i * 7_919 % 100_003))) }
        for d in values {
            var v = d, rounded = Decimal()
            NSDecimalRound(&rounded, &v, 10, .plain)
            XCTAssertEqual(Numbers.string(d), NSDecimalNumber(decimal: rounded).stringValue, "\(d)")
        }
        XCTAssertEqual(Numbers.string(Decimal(1) / 3), "0.3333333333")
    }
}

final class CalendarTests: XCTestCase {
    func testDayNumbersRoundTripAndWeekdays() {
        for n in stride(from: -800_000, to: 800_000, by: 997) {
            XCTAssertEqual(CalendarDate(dayNumber: n).dayNumber, n)
        }
        XCTAssertEqual(CalendarDate(year: 1970, month: 1, day: 1).dayNumber, 0)
        XCTAssertEqual(CalendarDate(year: 2025, month: 10, day: 3).weekdayName, "Friday")
        XCTAssertEqual(CalendarDate(year: 2000, month: 2, day: 29).weekdayName, "Tuesday")
        XCTAssertNil(CalendarDate(validYear: 2025, month: 2, day: 29))
        XCTAssertNotNil(CalendarDate(validYear: 2024, month: 2, day: 29))
        XCTAssertNil(CalendarDate(iso: "2025-02-30"))
    }

    func testMonthArithmeticClamps() {
        XCTAssertEqual(CalendarDate(year: 2025, month: 1, day: 31).adding(months: 1).iso, "2025-02-28")
        XCTAssertEqual(CalendarDate(year: 2025, month: 1, day: 15).adding(months: -1).iso, "2024-12-15")
        XCTAssertEqual(CalendarDate(year: 2024, month: 2, day: 29).adding(years: -1).iso, "2023-02-28")
    }

    func resolve(_ configure: (inout PeriodFields) -> Void, ref: String = "2025-10-03", tense: Tense = .past, markedPast: Bool = false) -> String? {
        var f = PeriodFields()
        configure(&f)
        return PeriodResolver.resolve(f, reference: CalendarDate(iso: ref), tense: tense, markedPast: markedPast).map { "\($0.from.iso)..\($0.to.iso) \($0.value)" }
    }

    func testPeriods() {
        XCTAssertEqual(resolve { $0.firstMonths = 9; $0.year = 2024 }, "2024-01-01..2024-09-30 2024-01/2024-09")
        XCTAssertEqual(resolve { $0.firstQuarters = 3; $0.yearOffset = 0 }, "2025-01-01..2025-09-30 2025-Q1/2025-Q3")
        XCTAssertEqual(resolve { $0.quarter = 3 }, "2025-07-01..2025-09-30 2025-Q3")
        XCTAssertEqual(resolve({ $0.quarter = 4 }, markedPast: true), "2024-10-01..2024-12-31 2024-Q4", "a past verb: the latest Q4 that has ended, not the one begun three days ago")
        XCTAssertEqual(resolve { $0.quarter = 4 }, "2025-10-01..2025-12-31 2025-Q4", "no tense marked: the Q4 under way, nearer than the one nine months back")
        XCTAssertEqual(resolve({ $0.month = 6 }, ref: "1987-03-22"), "1987-06-01..1987-06-30 1987-06", "no tense marked: the coming June, three months ahead")
        XCTAssertEqual(resolve({ $0.month = 6 }, ref: "1987-03-22", markedPast: true), "1986-06-01..1986-06-30 1986-06", "a past verb: the June behind")
        XCTAssertEqual(resolve({ $0.quarter = 4 }, tense: .future), "2025-10-01..2025-12-31 2025-Q4")
        XCTAssertEqual(resolve { $0.half = 1; $0.year = 2024 }, "2024-01-01..2024-06-30 2024-H1")
        XCTAssertEqual(resolve { $0.month = 2; $0.year = 2024 }, "2024-02-01..2024-02-29 2024-02")
        XCTAssertEqual(resolve { $0.month = 7; $0.day = 1 }, "2025-07-01..2025-07-01 2025-07-01")
        XCTAssertEqual(resolve({ $0.month = 1; $0.day = 1 }, tense: .future), "2026-01-01..2026-01-01 2026-01-01")
        XCTAssertEqual(resolve { $0.month = 2; $0.day = 30; $0.year = 2025 }, nil, "February 30 does not exist")
        XCTAssertEqual(resolve { $0.decade = 1980 }, "1980-01-01..1989-12-31 198X")
        XCTAssertEqual(resolve { $0.monthOffset = -1 }, "2025-09-01..2025-09-30 2025-09")
        XCTAssertEqual(resolve { $0.weekOffset = -1 }, "2025-09-22..2025-09-28 2025-W39")
        XCTAssertEqual(resolve { $0.dayOffset = -1 }, "2025-10-02..2025-10-02 2025-10-02")
        XCTAssertEqual(resolve { $0.toDate = true }, "2025-01-01..2025-10-03 2025-01-01/2025-10-03")
        XCTAssertEqual(resolve { $0.weekday = 2 }, "2025-09-30..2025-09-30 2025-09-30", "last Tuesday before Friday 3 October")
        XCTAssertEqual(resolve({ $0.month = 12; $0.day = 15 }, ref: "1989-11-02"), "1989-12-15..1989-12-15 1989-12-15", "a date six weeks ahead beats one a year back")
        XCTAssertEqual(resolve({ $0.month = 1 }, ref: "1989-11-02"), "1990-01-01..1990-01-31 1990-01")
        XCTAssertEqual(resolve({ $0.month = 4 }, ref: "1989-11-02"), "1989-04-01..1989-04-30 1989-04")
        XCTAssertEqual(resolve({ $0.quarter = 4 }, ref: "1989-11-02"), "1989-10-01..1989-12-31 1989-Q4", "two months of it elapsed")
        XCTAssertEqual(resolve({ $0.quarter = 3 }, ref: "1989-10-20", tense: .future), "1989-07-01..1989-09-30 1989-Q3", "results of a quarter just ended")
        XCTAssertEqual(resolve { $0.quarterOffset = -1 }, "2025-07-01..2025-09-30 2025-Q3")
        XCTAssertEqual(resolve({ $0.quarterOffset = -1 }, ref: "2025-02-10"), "2024-10-01..2024-12-31 2024-Q4")
        XCTAssertEqual(resolve { $0.season = "SU"; $0.yearOffset = -1 }, "2024-06-01..2024-08-31 2024-SU")
        XCTAssertEqual(resolve { $0.season = "WI"; $0.year = 1990 }, "1990-12-01..1991-02-28 1990-WI")
        XCTAssertEqual(resolve { $0.year = 1986; $0.yearTo = 1987 }, "1986-01-01..1987-12-31 1986/1987")
        XCTAssertEqual(resolve { $0.firstQuarters = 2; $0.year = 1990 }, "1990-01-01..1990-06-30 1990-H1")
        XCTAssertEqual(resolve { $0.yearOffset = -2 }, "2023-01-01..2023-12-31 2023")
        XCTAssertEqual(Numbers.splitYearEnd("87", after: 1986), 1987)
        XCTAssertEqual(Numbers.splitYearEnd("00", after: 1999), 2000)
        XCTAssertNil(PeriodResolver.resolve(PeriodFields(), reference: nil), "nothing to resolve")
        var rel = PeriodFields(); rel.yearOffset = 0
        XCTAssertNil(PeriodResolver.resolve(rel, reference: nil), "relative without a reference date stays unresolved")
    }

    func testSamePeriodShiftsEveryYearOfAnInterval() {
        let p = ResolvedPeriod(from: CalendarDate(year: 2025, month: 1, day: 1), to: CalendarDate(year: 2025, month: 9, day: 30),
                               value: "2025-Q1/2025-Q3", granularity: .span)
        let s = PeriodResolver.resolveSamePeriod(antecedent: p, yearOffset: -1)
        XCTAssertEqual("\(s.from.iso)..\(s.to.iso) \(s.value)", "2024-01-01..2024-09-30 2024-Q1/2024-Q3")
        let feb = ResolvedPeriod(from: CalendarDate(year: 2024, month: 2, day: 1), to: CalendarDate(year: 2024, month: 2, day: 29), value: "2024-02", granularity: .month)
        XCTAssertEqual(feb.shifted(years: -1).to.iso, "2023-02-28")
        var f = PeriodFields(); f.samePeriod = true; f.year = 2022
        XCTAssertEqual(PeriodResolver.resolveSamePeriod(antecedent: p, f).value, "2022-Q1/2022-Q3", "\"the 2022 period\" moves the antecedent to 2022")
        XCTAssertEqual(feb.shifted(years: -4).to.iso, "2020-02-29")
    }

    func testHolidays() {
        func day(_ key: String, _ y: Int) -> String? { PeriodResolver.holiday(key, year: y)?.iso }
        XCTAssertEqual([2000, 2008, 2011, 2019, 2024, 2038].compactMap { day("easter", $0) },
                       ["2000-04-23", "2008-03-23", "2011-04-24", "2019-04-21", "2024-03-31", "2038-04-25"], "Western Easter")
        XCTAssertEqual(day("thanksgiving", 1999), "1999-11-25")
        XCTAssertEqual(day("thanksgiving", 2024), "2024-11-28", "fourth Thursday, November starting on a Friday")
        XCTAssertEqual(day("election-day", 1998), "1998-11-03")
        XCTAssertEqual(day("election-day", 2026), "2026-11-03", "the Tuesday after the first Monday, never 1 November")
        XCTAssertEqual(day("election-day", 2022), "2022-11-08", "November starting on a Tuesday")
        XCTAssertEqual(day("memorial-day", 2025), "2025-05-26")
        XCTAssertEqual(day("labor-day", 2025), "2025-09-01")
        XCTAssertEqual(day("good-friday", 2025), "2025-04-18")
        XCTAssertNil(day("ramadan", 2025))
    }

    func testTempEvalValueMappings() {
        func agree(_ g: String, _ o: String) -> TempEvalScorer.Agreement { TempEvalScorer.agreement(gold: g, ours: o) }
        XCTAssertEqual(agree("2000-W7", "2000-W07"), .exact, "week number with or without the leading zero")
        XCTAssertEqual(agree("1998-02-03", "1998-02-03"), .exact)
        XCTAssertEqual(agree("1968-XX", "1968"), .lenient, "a year with its unknown parts written out")
        XCTAssertEqual(agree("1994-XX-XX", "1994"), .lenient)
        XCTAssertEqual(agree("1989-WXX", "1989-W43"), .lenient, "an underspecified gold agrees with a resolved value")
        XCTAssertEqual(agree("1988-QX", "1988-Q3"), .lenient)
        XCTAssertEqual(agree("1989-W43", "1989-WXX"), .none, "a gold more specific than ours is never matched this way")
        XCTAssertEqual(agree("1998-12-XX", "1998-W49"), .none, "different shapes")
        XCTAssertEqual(agree("1989-WXX", "1990-W01"), .none, "the specified year must agree")
        XCTAssertEqual(agree("1998-XX", "1998-SU"), .none, "an X stands for a number, not a season")
        XCTAssertEqual(agree("1988", "1988-Q3"), .none)
        XCTAssertEqual(TempEvalScorer.canonicalGold("198X"), "198", "a decade")
        XCTAssertEqual(agree(TempEvalScorer.canonicalGold("199X"), "199"), .exact, "TimeBank's decade")
        XCTAssertEqual(TempEvalScorer.canonicalGold("19XX"), "19", "a century")
        XCTAssertEqual(TempEvalScorer.canonicalGold("1989"), "1989")
    }
}

final class TimexPartTests: XCTestCase {
    func testRangeIsScoredAsItsTwoEnds() {
        let text = "Shares traded from Aug. 26 to Oct. 20, and profit in the first nine months of 1989 rose."
        let r = Fixtures.engine.process(Document(id: "t", text: text, referenceDate: CalendarDate(iso: "1989-11-02")))
        let items = r.mentions.filter { $0.type.isCalendar }.flatMap(TempEvalScorer.items)
        XCTAssertEqual(items.map(\.text), ["Aug. 26", "Oct. 20", "1989"])
        XCTAssertEqual(items.map(\.value), ["1989-08-26", "1989-10-20", "1989"])
        // The mention itself keeps its span and range value.
        XCTAssertEqual(r.mentions.first { $0.type.isCalendar }?.timexValue, "1989-08-26/1989-10-20")
    }
}

final class TextTests: XCTestCase {
    func testLineAndColumnCountScalars() {
        let doc = Document(id: "t", text: "é€ line one\nsecond — line\r\nthird")
        XCTAssertEqual(doc.location(of: 0), SourceLocation(line: 1, column: 1))
        XCTAssertEqual(doc.location(of: 5), SourceLocation(line: 1, column: 3), "é is 2 bytes, € is 3")
        let second = Array("é€ line one\n".utf8).count
        XCTAssertEqual(doc.location(of: second), SourceLocation(line: 2, column: 1))
        XCTAssertEqual(doc.location(of: second + 10), SourceLocation(line: 2, column: 9), "— is 3 bytes")
        XCTAssertEqual(doc.text(doc.lineIndex.span(ofLine: 2, in: doc.bytes)), "second — line")
    }

    func testSentences() {
        let text = "Exports rose 12 pct to 5.6 billion dlrs. Imports fell. The U.S. said so. Mr. Li agreed.\nNew paragraph here"
        let doc = Document(id: "t", text: text)
        XCTAssertEqual(doc.sentences.map { doc.text($0.span) }, [
            "Exports rose 12 pct to 5.6 billion dlrs.", "Imports fell.", "The U.S. said so.", "Mr. Li agreed.", "New paragraph here",
        ])
        XCTAssertEqual(doc.sentences.map(\.paragraph), [0, 0, 0, 0, 1])
    }
}

final class WrappedTextTests: XCTestCase {
    func testHardWrappedWireCopyKeepsSentencesWhole() {
        let text = "TRADE SURPLUS WIDENS\nTAIPEI, March 3 - The island's trade surplus widened to 1.2\nbillion dlrs in February from 900 mln dlrs a year earlier,\nofficial figures show.\n    Exports rose 12 pct to 3.1 billion dlrs.\n"
        let doc = Document(id: "t", text: text)
        XCTAssertEqual(doc.sentences.map { doc.text($0.span).replacingOccurrences(of: "\n", with: " ") }, [
            "TRADE SURPLUS WIDENS",
            "TAIPEI, March 3 - The island's trade surplus widened to 1.2 billion dlrs in February from 900 mln dlrs a year earlier, official figures show.",
            "Exports rose 12 pct to 3.1 billion dlrs.",
        ])
    }
}
