import XCTest
@testable import TradeFacts

/// Periods read from the story around them (issue 18): the year of a yearless dateline from the
/// years the story writes, anaphors that refer to a reported figure's period and not to the base
/// it was compared with, parts and fiscal years read against a sibling in their sentence. Every
/// text is our own.
final class PeriodContextTests: XCTestCase {
    private func extraction(_ text: String, date: String? = nil) -> Extraction {
        let r = Fixtures.engine.process(Document(id: "d", text: text, referenceDate: date.flatMap(CalendarDate.init(iso:))))
        return r.extraction!
    }

    /// The ISO code of the first money mention of `text`.
    private func currency(_ text: String, date: String) -> String? {
        guard let m = extraction(text, date: date).mentions.first(where: { $0.type == .money }),
              case let .money(_, _, _, c, _) = m.value else { return nil }
        return c
    }

    /// The first and last day of the mention whose text is `phrase` (the `nth` of them).
    private func period(_ phrase: String, in e: Extraction, nth: Int = 0) -> String? {
        let hits = e.mentions.filter { $0.text == phrase && $0.period != nil }
        guard nth < hits.count, let p = hits[nth].period else { return nil }
        return "\(p.from.iso)..\(p.to.iso)"
    }

    func testYearlessDatelineTakesTheLatestYearTheStoryReports() {
        // A year-ago base ("October 2023") and the year's own stretch ("the first four months of 2024").
        var e = extraction("WASHINGTON, Dec 5 (Reuters) - The trade deficit narrowed in October to $73.8 billion from $81.3 billion "
            + "in October 2023. A revision raised the deficit for the first four months of 2024 by $4 billion.")
        XCTAssertEqual(e.referenceDate?.iso, "2024-12-05")
        // Whole years only: the later one is the story's year (a target for it), not the year after it.
        e = extraction("HANOI, March 29 (Reuters) - Exports rose 13.1% this month from a year earlier. In 2023, exports fell 4.4%. "
            + "The government targets export growth of 6% for 2024.")
        XCTAssertEqual(e.referenceDate?.iso, "2024-03-29")
        XCTAssertEqual(period("this month", in: e), "2024-03-01..2024-03-31")
        // One whole year alone is the completed year reported: the dateline is in the next.
        e = extraction("TOKYO, March 9 - Exports rose 6 pct in 1986, the ministry said.")
        XCTAssertEqual(e.referenceDate?.iso, "1987-03-09")
    }

    func testYearlessDatelineInAStoryOfFiscalYearsOnly() {
        let e = extraction("NEW DELHI, Oct 15 (PTI) - India's exports rose 6.7 per cent in September. Electronics exports grew "
            + "47 per cent in Q1 FY26, and for FY25 as a whole exports hit a record.")
        XCTAssertEqual(e.referenceDate?.iso, "2025-10-15")
        XCTAssertEqual(e.referenceDateSource, .datelineLede)
        XCTAssertEqual(period("September", in: e), "2025-09-01..2025-09-30")
    }

    func testAnaphorSkipsTheBaseOfAComparison() {
        // In an earlier sentence: December's month earlier, not November's.
        var e = extraction("The surplus narrowed to A$5.09 billion in December from A$6.79 billion in November. "
            + "Coal exports were worth A$8.1 billion, down 9.7% from a month earlier.", date: "2025-02-06")
        XCTAssertEqual(period("a month earlier", in: e), "2024-11-01..2024-11-30")
        // In its own sentence: March's year ago, not February's.
        e = extraction("The surplus rose to 8.27 billion dlrs in March from 6.48 billion in February and 7.03 billion a year ago.",
                       date: "1987-04-14")
        XCTAssertEqual(period("a year ago", in: e), "1986-03-01..1986-03-31")
        // A base alone is still the antecedent when nothing else is near.
        e = extraction("Imports were 5 billion dlrs, against 4 billion in March. Exports fell 3 pct from a year earlier.", date: "1987-05-14")
        XCTAssertEqual(period("a year earlier", in: e), "1986-03-01..1986-03-31")
    }

    func testAQuarterWrittenAsARangeIsAQuarter() {
        let e = extraction("SEOUL, Aug. 1, 2025 -- GDP grew 0.6 percent between April and June from the previous quarter.")
        XCTAssertEqual(period("the previous quarter", in: e), "2025-01-01..2025-03-31")
    }

    func testSiblingPartsAndFiscalYears() {
        // The second half of the fiscal year whose first half the sentence named.
        var e = extraction("Dhaka, 9 July 2024 (BSS) - In the first half of the fiscal year, earnings had edged up 0.8 per cent "
            + "before slowing sharply in the second half.")
        XCTAssertEqual(period("the first half of the fiscal year", in: e), "2023-07-01..2023-12-31")
        XCTAssertEqual(period("the second half", in: e), "2024-01-01..2024-06-30")
        // The financial year before the one the sentence named, not before the dateline's.
        e = extraction("SYDNEY, Nov. 6, 2024 (AAP) -- Resources export earnings fell to $415 billion in 2023-24, down from "
            + "$466 billion the previous financial year.")
        XCTAssertEqual(period("the previous financial year", in: e), "2022-07-01..2023-06-30")
        // A fiscal part told in the future is the one under way.
        e = extraction("TOKYO, May 22, 2025 -- Economists expect exports to contract in the first half of the fiscal year.")
        XCTAssertEqual(period("the first half of the fiscal year", in: e), "2025-04-01..2025-09-30")
    }

    func testWireDatelineIsMarkedWhenTheDateIsGiven() {
        let e = extraction("JAPAN'S MARCH TRADE SURPLUS SWELLS\nTOKYO, April 14 - The surplus rose to 8.27 billion dlrs in March.",
                           date: "1987-04-14")
        XCTAssertEqual(e.mentions.first { $0.role == "dateline" }?.text, "April 14")
        XCTAssertEqual(period("MARCH", in: e), "1987-03-01..1987-03-31")
        XCTAssertEqual(e.headlineSpan.map { e.document.text($0) }, "JAPAN'S MARCH TRADE SURPLUS SWELLS")
    }

    func testEndOfAMonthOrYearIsItsLastDay() {
        let e = extraction("Stocks stood at 687,000 tonnes at the end of June, and the province had 112,000 traders by the end of 2024.",
                           date: "2025-07-14")
        XCTAssertEqual(period("the end of June", in: e), "2025-06-30..2025-06-30")
        XCTAssertEqual(period("the end of 2024", in: e), "2024-12-31..2024-12-31")
    }

    func testYearlessDatelineLeavesQuotesOutAndReadsYearAgoBases() {
        // A speaker's forecast year inside quotation marks does not date the story.
        var e = extraction("TAIPEI, Dec 20 (Reuters) - Export orders rose 3.3% in November from a year earlier. "
            + "\"AI demand is still the engine, and we see it carrying into the first quarter of 2025,\" an economist said. "
            + "Orders in the first 11 months rose 4.4% from the same period of 2023.")
        XCTAssertEqual(e.referenceDate?.iso, "2024-12-20")
        // A base of the same months as a period written without its year is the year before.
        e = extraction("BRASILIA, Sept 4 (Reuters) - So far this year Brazil has a surplus of $54.10 billion in the first eight months, "
            + "16.1% below the $64.48 billion posted in January-August 2023.")
        XCTAssertEqual(e.referenceDate?.iso, "2024-09-04")
        XCTAssertEqual(period("the first eight months", in: e), "2024-01-01..2024-08-31")
    }

    func testDatelineOnTheLastLine() {
        let e = extraction("Nigeria's trade surplus narrows in Q2\n\nTotal trade rose 11.8% over the preceding quarter.\n\nLagos, September 18, 2024\n")
        XCTAssertEqual(e.referenceDate?.iso, "2024-09-18")
        XCTAssertEqual(e.referenceDateSource, .dateline)
        XCTAssertEqual(e.mentions.first { $0.role == "dateline" }?.text, "September 18, 2024")
    }

    func testAnaphorPassesOverBackgroundAndForecasts() {
        // Background in the pluperfect is not the month just reported.
        var e = extraction("Exports dropped 1.7% in September. They had grown 5.6% in August. Imports rose 2.1% in the month to ¥9.41 trillion.",
                           date: "2024-10-17")
        XCTAssertEqual(period("the month", in: e), "2024-09-01..2024-09-30")
        // … with "had" after the period, too, and a base introduced by "followed".
        let f = extraction("Exports rose 2.4% last month to $306.2 billion. August's exports had jumped 8.4%. "
            + "The surplus was $82.3 billion, down from $90.4 billion in the previous month.", date: "2024-10-14")
        XCTAssertEqual(period("the previous month", in: f), "2024-08-01..2024-08-31")
        // A period told in the future is not what "the period" refers to.
        e = extraction("Exports in the first 10 months rose 23.0%, and CAAM expects exports this year to top 5.5 million units. "
            + "Electric cars made up 1.05 million of the vehicles exported over the period.", date: "2024-11-11")
        XCTAssertEqual(period("the period", in: e), "2024-01-01..2024-10-31")
    }

    func testCropYearsAreNotFiscalYears() {
        // A place whose fiscal years are not written across two years (the US, October: "fiscal
        // 1988") does not make a crop's year fiscal: it is the crop's marketing year (wheat, June).
        let e = extraction("WASHINGTON, June 1 - The U.S. Agriculture Department forecast that soft wheat stocks will almost double in 1987/88. "
            + "The Treasury said the deficit for fiscal 1987/88 would narrow.", date: "1987-06-01")
        XCTAssertEqual(period("1987/88", in: e), "1987-06-01..1988-05-31")
        // A season is the crop's marketing year (`crop-years`), found in its sentence or the story's start.
        let s = extraction("ACCRA, Nov 14 - Ghana's cocoa exports fell 12 pct. Shipments in the 2023/24 season reached 450,000 tonnes.",
                           date: "2024-11-14")
        XCTAssertEqual(period("the 2023/24 season", in: s), "2023-10-01..2024-09-30")
    }

    func testMoneyCarriesTheCurrencyOfTheFigureNotOfItsConversion() {
        let e = extraction("The deficit widened to 398.6 billion pesetas, or about 3.1 billion dlrs, from 235.4 billion a year earlier.",
                           date: "1987-05-12")
        let money = e.mentions.filter { $0.type == .money }
        XCTAssertEqual(money.map(\.text), ["398.6 billion pesetas", "3.1 billion dlrs", "235.4 billion"])
        if case let .money(_, _, _, currency, _) = money[2].value { XCTAssertEqual(currency, "ESP") } else { XCTFail("not money") }
        XCTAssertEqual(money[2].currencySource, "carried")
    }

    func testCurrencyOfTheStorysTime() {
        let lira = "ANKARA, June 12 - Turkey's exports rose to 829.3 billion lira in May."
        XCTAssertEqual(currency(lira, date: "1987-06-12"), "TRL")
        XCTAssertEqual(currency(lira, date: "2024-06-12"), "TRY")
    }

    func testLedeWeekdayPicksTheYearWhenOnlyWholeYearsAreWritten() {
        // 4 September was a Wednesday in 2024, a Monday in 2023: the one whole year (2022) alone
        // would date the story 2023.
        let e = extraction("BOGOTA, Sept 4 (Reuters) - Coffee exports rose 18% in the first eight months of the year, the federation said "
            + "on Wednesday. Plantations recovered from heavy rains that hurt output in 2022.")
        XCTAssertEqual(e.referenceDate?.iso, "2024-09-04")
    }

    func testThatPeriodIsTheStretchNotTheMonthInsideIt() {
        let e = extraction("Exports in January-October rose 5.2% to 12.1 million tonnes. In October alone, exports fell 3%. "
            + "Prices averaged 3,900 ringgit a tonne over that period.", date: "2024-11-11")
        XCTAssertEqual(period("that period", in: e), "2024-01-01..2024-10-31")
    }

    func testADatelineCityPlacesASharedCurrencyName() {
        XCTAssertEqual(currency("    OSLO, June 15 - The trade surplus narrowed to 2.84 billion crowns in May, the bureau said.", date: "1987-06-15"), "NOK")
        XCTAssertEqual(currency("MANILA – Remittances reached 1.77 trillion pesos in the first eight months, the central bank said.", date: "1987-06-15"), "PHP")
        // A city of no such place leaves the customary reading.
        XCTAssertEqual(currency("    LONDON, June 15 - Imports cost 2.84 billion pesos in May.", date: "1987-06-15"), "MXP")  // Mexican, of 1987
    }

    func testPartsAndRelativeYearsOfTheFiscalYearReported() {
        // A quarter after a fiscal year of its sentence is that fiscal year's; "the previous fiscal
        // year" in a later sentence is the one before the fiscal year reported, not before the dateline's.
        let e = extraction("Dhaka exports hit a record in FY25\nDHAKA, July 3, 2025 - Bangladesh's exports rose 8.6% to $48.3 billion "
            + "in fiscal year 2024-25, helped by garment shipments in the final quarter. Garments earned $39.4 billion, up 8.8% "
            + "from the previous fiscal year.")
        XCTAssertEqual(period("the final quarter", in: e), "2025-04-01..2025-06-30")
        XCTAssertEqual(period("the previous fiscal year", in: e), "2023-07-01..2024-06-30")
    }

    func testSamePeriodOfAFiscalYearMovesThePartReported() {
        // "the quarter, the first of fiscal 2025 … the same period of fiscal 2024": the quarter, not the whole year.
        let e = extraction("TOKYO, Aug. 8, 2025 - Japan's surplus was 7.96 trillion yen in April-June. Income rose 3.2% in the quarter, "
            + "the first of fiscal 2025. The goods deficit was 1.08 trillion yen, against 1.22 trillion yen in the same period of fiscal 2024.")
        XCTAssertEqual(period("the same period of fiscal 2024", in: e), "2024-04-01..2024-06-30")
    }

    func testFiscalYearSoFar() {
        // A yearless dateline in a story that names only FY23, told as under way: the dateline is within FY23.
        var e = extraction("NEW DELHI, Sept 14 - India's exports rose 1.6 pct to $33.9 billion in August. So far in FY23, exports are up 17.7 pct.")
        XCTAssertEqual(e.referenceDate?.iso, "2022-09-14")
        XCTAssertEqual(period("So far in FY23", in: e), "2022-04-01..2022-08-31")
        // "The financial year to August" in a British story: April to August, not twelve months.
        e = extraction("LONDON, Oct 10, 2018 - British customs receipts reached 1.39 bln stg in the financial year to August.")
        XCTAssertEqual(period("the financial year to August", in: e), "2018-04-01..2018-08-31")
    }

    func testAnaphorContext() {
        // "on" right after a change makes a base: the story's year is the one after it.
        var e = extraction("DOHA, April 30 - Qatar's surplus widened 32.4% to QR17.3 bln in March. The Q1 surplus totalled QR48.9 bln, "
            + "up 21.5% on the first quarter of 2017.")
        XCTAssertEqual(e.referenceDate?.iso, "2018-04-30")
        // A month told as an aside ("In June alone") is not what a later sentence's "a year ago" refers to.
        e = extraction("Guangdong's trade rose 11.5 pct in the first half of 2024. In June alone trade rose 6.2 pct. "
            + "Private firms handled 62.7 pct of trade, 2.1 points more than a year ago.", date: "2024-07-19")
        XCTAssertEqual(period("a year ago", in: e), "2023-01-01..2023-06-30")
        // A single day in another sentence is not an antecedent ("end-Nov stocks"); in its own sentence it is.
        e = extraction("Exports fell in November, while stocks at the end of November dropped. Earnings were up 21.6 pct from a year earlier.",
                       date: "2020-12-10")
        XCTAssertEqual(period("a year earlier", in: e), "2019-11-01..2019-11-30")
        e = extraction("Reserves were 5.2 billion dlrs at the end of March, against 4.1 billion a year earlier.", date: "1987-05-02")
        XCTAssertEqual(period("a year earlier", in: e), "1986-03-31..1986-03-31")
    }

    func testRunsAcrossYearsAndPartsOfTheYear() {
        // Months with a year at each end, and a run of months before a split year.
        var e = extraction("Tin exports are capped in the quota year March 1987-February 1988. The deficit was 9.84 billion dlrs, "
            + "down from 10.52 billion in July-March 1985/86.", date: "1987-05-05")
        XCTAssertEqual(period("March 1987-February 1988", in: e), "1987-03-01..1988-02-29")
        XCTAssertEqual(period("July-March 1985/86", in: e), "1985-07-01..1986-03-31")
        // "calendar 1986 to 13.93 billion dlrs" is a year and an amount, not a range of money.
        e = extraction("Revisions raised the estimated deficit for calendar 1986 to 13.93 billion dlrs.", date: "1987-05-05")
        XCTAssertEqual(period("1986", in: e), "1986-01-01..1986-12-31")
        // A part "of the year" that has begun is this year's, told in the past or not.
        e = extraction("Output rose in August, far above the ceiling for the second half of the year.", date: "1987-09-10")
        XCTAssertEqual(period("the second half of the year", in: e), "1987-07-01..1987-12-31")
        // "June last year" in another sentence is a year-ago comparison, not what "the previous month" follows.
        e = extraction("France's deficit narrowed in June. In June last year France had a surplus. Exports rose 1.9 pct from the previous month.",
                       date: "1987-07-21")
        XCTAssertEqual(period("the previous month", in: e), "1987-05-01..1987-05-31")
    }

    func testDatesListedInCalendarOrderRunForward() {
        // A tender's shipment windows: the first lies ahead, so the later ones do too.
        var e = extraction("The agent said laydays include July 1-10 for 7,500 tonnes, Aug 1-10 for 8,000 tonnes, "
            + "and Sept 15-25 for 12,500 tonnes.", date: "1987-04-08")
        XCTAssertEqual(period("July 1-10", in: e), "1987-07-01..1987-07-10")
        XCTAssertEqual(period("Aug 1-10", in: e), "1987-08-01..1987-08-10")
        XCTAssertEqual(period("Sept 15-25", in: e), "1987-09-15..1987-09-25")
        // A narrative whose first month is behind keeps each month's own reading.
        e = extraction("In March, exports rose 5 pct, and in August they fell.", date: "1987-05-20")
        XCTAssertEqual(period("March", in: e), "1987-03-01..1987-03-31")
        XCTAssertEqual(period("August", in: e), "1986-08-01..1986-08-31")
        // Days and months are not one list.
        e = extraction("Bids are due July 1, and in August the mill will reopen.", date: "1987-04-08")
        XCTAssertEqual(period("August", in: e), "1987-08-01..1987-08-31")
    }

    func testRangeEndTakesTheYearOfItsStart() {
        // A range's end written without a year is in its start's year, not read against the dateline.
        var e = extraction("The department extended the export period from September 30, 1987, to December 31 for meals.", date: "1987-03-09")
        XCTAssertEqual(period("December 31", in: e), "1987-12-31..1987-12-31")
        // An end earlier in the calendar than the start is in the next year.
        e = extraction("The quota runs from November 1, 1986 to March 31 under the accord.", date: "1987-06-09")
        XCTAssertEqual(period("March 31", in: e), "1987-03-31..1987-03-31")
        // Two dates in one sentence that are no range keep their own reading.
        e = extraction("Sales rose on September 30, 1985, the company said, and on December 31 they fell.", date: "1987-03-09")
        XCTAssertEqual(period("December 31", in: e), "1986-12-31..1986-12-31")
        // A deadline looks ahead.
        e = extraction("All sales must be registered before export but not later than September 30.", date: "1987-03-09")
        XCTAssertEqual(period("September 30", in: e), "1987-09-30..1987-09-30")
    }

    func testMonthsOfANamedFiscalYear() {
        // Months right before their fiscal year are one period inside it, and what refers back moves them.
        var e = extraction("KARACHI, April 18 - Exports during July-March FY24 rose 9.07pc to $22.93bn from $21.02bn a year ago.", date: "2024-04-18")
        XCTAssertEqual(period("July-March FY24", in: e), "2023-07-01..2024-03-31")
        XCTAssertEqual(period("a year ago", in: e), "2022-07-01..2023-03-31")
        // A quarter "of the current financial year" stays two mentions.
        e = extraction("NEW DELHI, Oct 15 - Exports rose in the July-September quarter of the current financial year.", date: "2024-10-15")
        XCTAssertEqual(period("the current financial year", in: e), "2024-04-01..2025-03-31")
    }

    func testPastVerbLooksBackForAYearlessMonth() {
        // Two months ahead loses to nine behind when the clause's verb is past.
        let e = extraction("In January, American Medical brought in a new chief executive.", date: "1989-10-27")
        XCTAssertEqual(period("January", in: e), "1989-01-01..1989-01-31")
        // Without a past verb the nearer month ahead is still read ("payable in January").
        let f = extraction("The dividend is payable in January.", date: "1989-11-20")
        XCTAssertEqual(period("January", in: f), "1990-01-01..1990-01-31")
    }

    func testYearEarlierOfAStocksDay() {
        // A base figure's day is a base, not the period reported.
        var e = extraction("Morgan's allowance for credit losses at the end of March totaled 953 mln dlrs compared with 910 mln "
            + "at end-1986 and 815 mln a year earlier.", date: "1987-04-08")
        XCTAssertEqual(period("a year earlier", in: e), "1986-03-31..1986-03-31")
        // An anaphor opening its sentence refers to the day of the sentence before.
        e = extraction("Vacancies rose by 1,900 to 26,300 at end-March. A year earlier the figure was 28,763.", date: "1987-04-08")
        XCTAssertEqual(period("A year earlier", in: e), "1986-03-31..1986-03-31")
        // Elsewhere in its sentence it does not ("End-Nov stocks dropped … up 21.6 pct from a year earlier").
        e = extraction("End-Nov stocks dropped 5 pct. Export earnings were up 21.6 pct from a year earlier.", date: "1987-01-08")
        XCTAssertNotEqual(period("a year earlier", in: e), "1985-11-30..1985-11-30")
    }

    func testTheYearInAFutureClauseIsTheDatelinesYear() {
        let e = extraction("Kenya had a surplus in 1986 and inflation fell to 5.6 pct from 10.7 pct in 1985. We cannot expect an "
            + "increase in foreign exchange reserves during the year, he said.", date: "1987-03-03")
        XCTAssertEqual(period("the year", in: e), "1987-01-01..1987-12-31")
        // A past clause keeps the year reported.
        let f = extraction("Exports rose 5 pct in 1986. Imports fell over the year.", date: "1987-03-03")
        XCTAssertEqual(period("the year", in: f), "1986-01-01..1986-12-31")
    }

    func testQuarterAndYearEndedOnADay() {
        // "the fourth quarter and year, ended October 31": the company's quarter and year, and the
        // same quarter named again later, and its fiscal year.
        let e = extraction("TRANSFORM LOGIC <TOOG> REVISES RESULTS DOWNWARD\n    DALLAS, March 3 - Transform Logic Corp said it has "
            + "revised downward its previously reported fourth quarter and year, ended October 31, results. Transform said its fourth "
            + "quarter profit was revised to 305,082 dlrs, which left the company with a fiscal 1986 loss of 249,814 dlrs.", date: "1987-03-03")
        XCTAssertEqual(period("fourth quarter", in: e), "1986-08-01..1986-10-31")
        XCTAssertEqual(period("fourth\nquarter", in: e) ?? period("fourth quarter", in: e, nth: 1), "1986-08-01..1986-10-31")
        XCTAssertEqual(period("fiscal 1986", in: e), "1985-11-01..1986-10-31")
    }

    /// Tenth session: periods read against the story's other periods. All texts are our own.
    func testYearsListedAfterAFiscalYearAreFiscal() {
        let e = extraction("OTTAWA, June 18 - The deficit is expected to total 29 billion dlrs in fiscal 1989, 28.6 billion dlrs "
            + "in 1990 and 26 billion dlrs in 1991, on notes due 1994.", date: "1987-06-18")
        XCTAssertEqual(period("fiscal 1989", in: e), "1988-04-01..1989-03-31")
        XCTAssertEqual(period("1990", in: e), "1989-04-01..1990-03-31")
        XCTAssertEqual(period("1991", in: e), "1990-04-01..1991-03-31")
        XCTAssertEqual(period("1994", in: e), "1994-01-01..1994-12-31")
    }

    func testLastMonthInAStoryReportingThatMonthIsAYearBefore() {
        let e = extraction("MADRID, April 9 - Spain had a 35 mln dlr current account surplus in February. "
            + "Imports were 46 pct higher than last February. The rate was cut in the last March week.", date: "1987-04-09")
        XCTAssertEqual(period("last February", in: e), "1986-02-01..1986-02-28")
        // A story that counts back ("four months ago") names no month it reports.
        let f = extraction("WASHINGTON, March 15 - The affair began four months ago. Since the scandal broke last November, "
            + "officials have said little.", date: "1987-03-15")
        XCTAssertEqual(period("last November", in: f), "1986-11-01..1986-11-30")
    }

    func testSoFarThisYearRunsToTheLatestMonthWithAFigure() {
        // No period in the lede: the latest month with a figure ends the stretch.
        let e = extraction("MADRID, April 9 - Employers said wage pacts signed so far this year were moderate. "
            + "Money supply grew at an annualised rate of 17 pct in March.", date: "1987-04-09")
        XCTAssertEqual(period("so far this year", in: e), "1987-01-01..1987-03-31")
        // A month with no figure in its sentence reports nothing.
        let f = extraction("SEOUL, March 11 - So far this year, the won has gone up against the dollar. "
            + "The spokesman ruled out a major revaluation. Seoul announced in January the lifting of bans on imports.", date: "1987-03-11")
        XCTAssertEqual(period("So far this year", in: f), "1987-01-01..1987-03-11")
    }

    func testAQuarterNamedByItsLastDay() {
        let e = extraction("CHICAGO, Feb 26 - AM International Inc, reporting a loss for the January 31 second quarter, said "
            + "orders rose 35 pct in the six months and that fiscal 1987 spending will rise.", date: "1987-02-26")
        XCTAssertEqual(period("the January 31 second quarter", in: e), "1986-11-01..1987-01-31")
        XCTAssertEqual(period("the six months", in: e), "1986-08-01..1987-01-31")
        XCTAssertEqual(period("fiscal 1987", in: e), "1986-08-01..1987-07-31")
        // "the previous quarter" after three months that are not a calendar quarter: the three before.
        let u = extraction("LONDON, March 17 - In the three months to January, output fell 0.7 pct from the previous quarter.",
                           date: "1987-03-17")
        XCTAssertEqual(period("the previous quarter", in: u), "1986-08-01..1986-10-31")
    }

    func testAWeekOfAMonthIsAWeekAndItsMonthAMonth() {
        let e = extraction("FRANKFURT, March 6 - Cash in circulation rose 2.8 billion marks in the last week of February, "
            + "a gain of 8.3 pct over the same month last year. Gross reserves in the week rose 200 mln marks.", date: "1987-03-06")
        XCTAssertEqual(period("the last week of February", in: e), "1987-02-22..1987-02-28")
        XCTAssertEqual(period("the same month last year", in: e), "1986-02-01..1986-02-28")
        XCTAssertEqual(period("the week", in: e), "1987-02-22..1987-02-28")
    }

    func testTheYearOfACompanyWhoseYearEndsInJanuary() {
        let e = extraction("HOUSTON, March 17 - A sporting goods chain said earnings for the fourth quarter ended January 31 fell. "
            + "Same-store sales declined 3.2 pct for the quarter and 2.2 pct for the year.", date: "1987-03-17")
        XCTAssertEqual(period("the fourth quarter ended January 31", in: e), "1986-11-01..1987-01-31")
        XCTAssertEqual(period("the year", in: e), "1986-02-01..1987-01-31")
        // A calendar company's year stays the calendar's.
        let c = extraction("HOUSTON, Feb 17 - A chain said earnings for the fourth quarter fell. "
            + "Same-store sales declined 3.2 pct for the quarter and 2.2 pct for the year.", date: "1987-02-17")
        XCTAssertEqual(period("the year", in: c), "1986-01-01..1986-12-31")
    }

    func testRatePointsArePercentagePoints() {
        let e = extraction("LONDON, March 17 - Base lending rates are likely to fall by as much as one full point. "
            + "The FTSE index rose 20 points.", date: "1987-03-17")
        let points = e.mentions.filter { $0.type == .percent }.map(\.text)
        XCTAssertEqual(points, ["one full point"])
    }

    /// Recent stretches (twelfth session): a stretch of months ends with the month the story
    /// reports, not with a base month named nearer; with none reported, or after a year long past,
    /// it ends on the dateline. Longer stretches and days are durations, not read.
    func testTrailingStretchesEndWithTheReportedMonthOrTheDateline() {
        var e = extraction("U.S. ENERGY PRICES RISE IN FEBRUARY\nWASHINGTON, March 13 - Energy prices rose 4.0 pct in February after a "
            + "9.8 pct rise in January. The index fell by 20.9 pct in the past 12 months.", date: "1987-03-13")
        XCTAssertEqual(period("the past 12 months", in: e), "1986-03-01..1987-02-28")
        e = extraction("Shell paid 5.1 times cash flow in 1985. The bid is a 40 pct premium over the price over the past year.", date: "1987-03-26")
        XCTAssertEqual(period("the past year", in: e), "1986-03-27..1987-03-26")
        XCTAssertEqual(e.mentions.first { $0.text == "the past year" }?.period?.value, "P12M")
        e = extraction("Output was the highest in the past 10 years, and rose in the past five days.", date: "1987-03-26")
        XCTAssertNil(period("the past 10 years", in: e))
        XCTAssertNil(period("the past five days", in: e))
    }

    /// Parts of a week: early Monday–Tuesday, mid the Wednesday, late Thursday–Friday, the end its Sunday.
    func testPartsOfAWeek() {
        let e = extraction("The ship was damaged early last week. Prices firmed late this week and mid-week. "
            + "A decision is due by the end of next week.", date: "1987-06-19")
        XCTAssertEqual(period("early last week", in: e), "1987-06-08..1987-06-09")
        XCTAssertEqual(period("late this week", in: e), "1987-06-18..1987-06-19")
        XCTAssertEqual(period("mid-week", in: e), "1987-06-17..1987-06-17")
        XCTAssertEqual(period("the end of next week", in: e), "1987-06-28..1987-06-28")
    }

    /// A month naming an event ("the December agreement") is the month the story named before.
    func testAnEventMonthIsTheOneNamedBefore() {
        let e = extraction("Prices have climbed since the accord in December. Experts expect a reaffirmation of the December agreement "
            + "at the meeting next week.", date: "1987-06-19")
        XCTAssertEqual(period("December", in: e, nth: 0), "1986-12-01..1986-12-31")
        XCTAssertEqual(period("December", in: e, nth: 1), "1986-12-01..1986-12-31")
    }

    /// In a Taiwan story bare "dlrs" are the dollar it named first: Taiwan dollars after a company's
    /// capital in them, U.S. dollars after trade figures in them, though an aside in Taiwan dollars
    /// comes between. A U.S. story naming Canadian dollars keeps its own.
    func testTaiwanStoriesKeepTheDollarTheyNamedFirst() {
        func lastCurrency(_ e: Extraction) -> String? {
            guard case let .money(_, _, _, c, _)? = e.mentions.last(where: { $0.type == .money })?.value else { return nil }
            return c
        }
        XCTAssertEqual(lastCurrency(extraction("TAIPEI, June 19 - Evergreen had doubled its capital to eight billion Taiwan dlrs. "
            + "The company posted a profit of one billion dlrs last year.", date: "1987-06-19")), "TWD")
        let e = extraction("TAIPEI, April 7 - Exports rose to 4.07 billion U.S. dlrs. In local currency terms, exports rose to "
            + "139.6 billion Taiwan dlrs. Exports to Japan jumped to 463 mln dlrs.", date: "1987-04-07")
        XCTAssertEqual(lastCurrency(e), "USD")
        // Wrapped as wire copy is: the dateline's line holds no place but Chicago.
        XCTAssertEqual(lastCurrency(extraction("CHICAGO, June 2 - Allegis Corp said it has created a\nlimited partnership to sell hotels. "
            + "It said the offering is expected to raise 350\nmln Canadian dlrs. Allegis reported a gain of 80.6 mln dlrs.", date: "1987-06-02")), "USD")
    }

    /// A central bank's own paper in a Taiwan story is in Taiwan dollars though no dollar is named
    /// before it; its reserves stay in U.S. dollars.
    func testTaiwanCentralBankPaperIsInTaiwanDollars() {
        let e = extraction("TAIPEI, April 3 - The Central Bank issued 5.65 billion dlrs worth of certificates of deposit (CDs), "
            + "boosting CD issues so far this year to 147.58 billion, a bank spokesman said. Exports rose to 4.1 billion dlrs.", date: "1987-04-03")
        let currencies = e.mentions.filter { $0.type == .money }.compactMap { m -> String? in
            guard case let .money(_, _, _, c, _) = m.value else { return nil }
            return c
        }
        XCTAssertEqual(currencies, ["TWD", "TWD", "USD"])
    }

    /// A month that the clause's future would put eight or more months ahead is the one just past
    /// when it dates a done thing; an event to come stays ahead.
    func testAFarFutureMonthOfADoneThingIsThePastOne() {
        let e = extraction("MELBOURNE, April 3 - The new rate will be the lowest prime and matches the rate set by one of the smaller "
            + "foreign banks in January. The overall January deficit will be revised. She will command a mission in December.", date: "1987-04-03")
        XCTAssertEqual(period("January", in: e, nth: 0), "1987-01-01..1987-01-31")
        XCTAssertEqual(period("January", in: e, nth: 1), "1987-01-01..1987-01-31")
        XCTAssertEqual(period("December", in: e, nth: 0), "1987-12-01..1987-12-31")
    }

    /// "A year earlier" moves the period of its own clause: not one a quantity's "more than" or a
    /// clause before "after the economy grew" seems to compare, nor a year that is itself the base
    /// of the year reported.
    func testYearEarlierMovesItsOwnClausesPeriod() {
        var e = extraction("For the first seven months of 2019, exports fell 4.7 per cent. The deficit for the period stood at HK$230.0 "
            + "billion. Exports to mainland China, which take more than half of the city's shipments, fell 7.4 per cent in July from a "
            + "year earlier.", date: "2019-08-27")
        XCTAssertEqual(period("a year earlier", in: e, nth: 0), "2018-07-01..2018-07-31")
        e = extraction("The government downgraded its 2019 growth forecast to 0.7 per cent from 2.2 per cent, after the economy grew "
            + "just 0.5 per cent in the second quarter from a year earlier.", date: "2019-08-27")
        XCTAssertEqual(period("a year earlier", in: e, nth: 0), "2018-04-01..2018-06-30")
        e = extraction("Kenya's trade deficit narrowed by 9.8 per cent to Sh1.07 trillion in 2016. Imports fell 5.7 per cent to Sh1.65 "
            + "trillion last year from Sh1.75 trillion in 2015. The deficit stood at Sh1.19 trillion in 2015.\n\nThe cover ratio "
            + "improved to 35.0 per cent from 32.1 per cent a year earlier.", date: "2017-04-27")
        XCTAssertEqual(period("a year earlier", in: e, nth: 0), "2015-01-01..2015-12-31")
    }

    /// A yearless base after a period of its sentence with its year written lies before it; the
    /// month a forecast was made, or a done thing's month, is the one past.
    func testBasesAndDoneThingsLieBehind() {
        var e = extraction("PEKING, March 29 - The last published figure was 10.37 billion dlrs at end-September 1986, down from "
            + "10.47 billion at end-June and 12.59 billion at end-September 1985.", date: "1987-03-29")
        XCTAssertEqual(period("end-June", in: e), "1986-06-30..1986-06-30")
        e = extraction("HONG KONG, Oct 25, 2018 - In August the government cut its forecast for real export growth, and the weaker "
            + "outlook could erode the surplus forecast in February.", date: "2018-10-25")
        XCTAssertEqual(period("August", in: e), "2018-08-01..2018-08-31")
        XCTAssertEqual(period("February", in: e), "2018-02-01..2018-02-28")
    }

    /// A quarter followed by its fiscal code in brackets is that fiscal quarter.
    func testAQuarterTakesItsBracketedFiscalCode() {
        let e = extraction("NEW DELHI, Oct 30 - India's exports in the first quarter (Q1FY25) had come in at $109.4 billion.", date: "2024-10-30")
        XCTAssertEqual(period("the first quarter", in: e), "2024-04-01..2024-06-30")
        XCTAssertEqual(e.mentions.first { $0.text == "the first quarter" }?.periodFields?.fiscal, true)
    }

    /// A shipment position named again is the one named first, though the second clause's verb is
    /// past; a table's run of months goes on into the next year; months named before a figure in a
    /// row of one line stay in their year.
    func testRepeatedPositionsAndRunsOfMonths() {
        var e = extraction("INDIA BUYS WHITE SUGAR\nLONDON, March 12 - India yesterday bought two cargoes for April/May shipment, "
            + "the firms said.\n    Traders said they sold single cargoes at 237.35 dlrs a tonne cif for April/May.", date: "1987-03-12")
        XCTAssertEqual(period("April/May", in: e, nth: 0), "1987-04-01..1987-05-31")
        XCTAssertEqual(period("April/May", in: e, nth: 1), "1987-04-01..1987-05-31")
        e = extraction("PARIS SUGAR OPEN POSITION - JUNE 29\n Aug 12414\n Oct 13929\n Dec 1403\n Mar 2901\n May 482\n Total 31845", date: "1987-06-29")
        XCTAssertEqual(period("Aug", in: e), "1987-08-01..1987-08-31")
        XCTAssertEqual(period("Mar", in: e), "1988-03-01..1988-03-31")
        XCTAssertEqual(period("May", in: e), "1988-05-01..1988-05-31")
        e = extraction("ARGENTINE REGISTRATIONS\nBUENOS AIRES, Feb 26 - Registrations were:\n    Soybean May 20.0, total 20.0\n"
            + "    Wheat prev 39.9, Feb 48.7, March 13.2, Apr 10.0, total 111.8", date: "1987-02-26")
        XCTAssertEqual(period("Feb", in: e), "1987-02-01..1987-02-28")
        XCTAssertEqual(period("Apr", in: e), "1987-04-01..1987-04-30")
    }

    /// "The same months last year" after two months is both of them; "the same time last year" is
    /// the day named before it in its sentence (or in the sentence before, when that sentence has no
    /// "same time" of its own), else the reference date, a year back.
    func testPluralMonthsAndTheSameTime() {
        var e = extraction("OILMEAL DEMAND\nHAMBURG, Oct 20 - Demand remained strong in July and August, six pct up on levels "
            + "seen in the same months last year, the publication said.", date: "1987-10-20")
        XCTAssertEqual(period("the same months last year", in: e), "1986-07-01..1986-08-31")
        e = extraction("SOYMEAL STOCKS\nHAMBURG, Oct 20 - It estimated stocks at 800,000 tonnes by October 1 from 130,000 at "
            + "the same time last year. Reserves stood at 69 billion, against 42 billion at the same time last year.", date: "1987-10-20")
        XCTAssertEqual(period("the same time last year", in: e, nth: 0), "1986-10-01..1986-10-01")
        XCTAssertEqual(period("the same time last year", in: e, nth: 1), "1986-10-20..1986-10-20")
    }

    /// A company's year the story states sets its other years: a bare recent year, a past
    /// "year-end", and "last year" in a sentence of its results (the year before the one reported),
    /// each keeping the TIMEX3 value the year is named by.
    func testACompanysStatedYear() {
        var e = extraction("BANK OF B.C. RESULTS\nVANCOUVER, March 11 - For full-year 1986 ended October 31, the bank posted an "
            + "operating loss of 4.4 mln dlrs. Loan losses rose to 105.7 mln dlrs. The bank said 31.1 mln dlrs of the 1986 total "
            + "were adjustments.", date: "1987-03-11")
        XCTAssertEqual(period("full-year 1986 ended October 31", in: e), "1985-11-01..1986-10-31")
        XCTAssertEqual(period("1986", in: e), "1985-11-01..1986-10-31")
        e = extraction("OSHMAN'S RESULTS\nHOUSTON, March 17 - Oshman's said earnings for the fiscal year ended January 31 fell "
            + "to 2.7 mln dlrs. At year-end, the company was operating 188 stores. Net income was 2.7 mln dlrs, down from 8.5 "
            + "mln dlrs last year.", date: "1987-03-17")
        XCTAssertEqual(period("year-end", in: e), "1987-01-31..1987-01-31")
        XCTAssertEqual(period("last year", in: e), "1985-02-01..1986-01-31")
        // A story that states no company year keeps the calendar.
        e = extraction("U.S. SALES\nNEW YORK, March 17 - Retail sales rose in 1986. Net income was 2.7 mln dlrs, down from 8.5 mln dlrs "
            + "last year.", date: "1987-03-17")
        XCTAssertEqual(period("last year", in: e), "1986-01-01..1986-12-31")
    }

    /// A crop's relative years follow the crop year the story states; a futures month is the
    /// current month or one ahead; a month after "until" in a clause not told in the past looks ahead.
    func testCropYearsContractMonthsAndDeadlines() {
        var e = extraction("INDONESIAN COFFEE OUTPUT\nJAKARTA, March 12 - Indonesia's coffee output in 1986/87, ending September "
            + "30, is expected to fall slightly from last year's level of 360,000 tonnes, he said.", date: "1987-03-12")
        XCTAssertEqual(period("1986/87, ending September 30", in: e), "1986-10-01..1987-09-30")
        XCTAssertEqual(period("last year", in: e), "1985-10-01..1986-09-30")
        e = extraction("TOKYO GRAIN EXCHANGE MARGINS\nTOKYO, March 1 - Other months will stay unchanged at 70,000 yen, except the "
            + "new distant February requirement. Chinese spot March will be set at 110,000 yen.", date: "1987-03-01")
        XCTAssertEqual(period("February", in: e), "1988-02-01..1988-02-29")
        XCTAssertEqual(period("March", in: e), "1987-03-01..1987-03-31")
        e = extraction("COFFEE TALKS\nLONDON, March 3 - The council is not due to meet again until September. Output rose "
            + "steadily until September, traders said.", date: "1987-03-03")
        XCTAssertEqual(period("September", in: e, nth: 0), "1987-09-01..1987-09-30")
        XCTAssertEqual(period("September", in: e, nth: 1), "1986-09-01..1986-09-30")
    }

    /// A period and the day it ended are one mention whose TimeML parts are the period and the day.
    func testAPeriodAndTheDayItEndedAreOneMention() {
        let e = extraction("CAESARS WORLD\nLOS ANGELES, March 5 - For the second quarter ended January 31, Caesars World earned "
            + "12 mln dlrs. Indonesia's coffee output in 1986/87, ending September 30, fell.", date: "1987-03-05")
        XCTAssertEqual(period("the second quarter ended January 31", in: e), "1986-11-01..1987-01-31")
        XCTAssertEqual(period("1986/87, ending September 30", in: e), "1986-10-01..1987-09-30")
        XCTAssertNil(period("January 31", in: e))
        XCTAssertNil(period("September 30", in: e))
        let m = e.mentions.first { $0.text == "the second quarter ended January 31" }
        XCTAssertEqual(m?.timexParts.map(\.kind), [.own, .endDay])
        XCTAssertEqual(m.map { mention in mention.timexParts.map { mention.timexValue(of: $0) ?? "" } }, ["1987-Q2", "1987-01-31"])
    }

    func testFederalReserveStatementPeriods() {
        // A story dated the Thursday a period begins: the period that ended the day before, the one
        // before it, the one under way, and its two weeks.
        var e = extraction("FED DATA\nNEW YORK, March 26 - Net free reserves averaged 603 mln dlrs in the two-week statement "
            + "period that ended on Wednesday versus 749 mln dlrs in the previous period. Borrowings were heavy in the first "
            + "week of the statement period and light in the second week of the statement period. Economists expect the Fed "
            + "to add reserves this statement period. In the latest week, borrowings fell.", date: "1987-03-26")
        XCTAssertEqual(period("the two-week statement period that ended on Wednesday", in: e), "1987-03-12..1987-03-25")
        XCTAssertEqual(period("the previous period", in: e), "1987-02-26..1987-03-11")
        XCTAssertEqual(period("the first week of the statement period", in: e), "1987-03-12..1987-03-18")
        XCTAssertEqual(period("the second week of the statement period", in: e), "1987-03-19..1987-03-25")
        XCTAssertEqual(period("this statement period", in: e), "1987-03-26..1987-04-08")
        XCTAssertEqual(period("the latest week", in: e), "1987-03-19..1987-03-25")
        // A week into a period: its first week has ended, and the period dated is the one before.
        e = extraction("NEW YORK, March 19 - Borrowings averaged 250 mln dlrs in the first week of the latest bank statement "
            + "period, after 300 mln in the two-week statement period that ended on March 11.", date: "1987-03-19")
        XCTAssertEqual(period("the first week of the latest bank statement period", in: e), "1987-03-12..1987-03-18")
        // With no statement period dated, the cadence of every other Wednesday from 15 February 1984.
        e = extraction("NEW YORK, April 9 - Borrowings in the latest statement period averaged 385 mln dlrs.", date: "1987-04-09")
        XCTAssertEqual(period("the latest statement period", in: e), "1987-03-26..1987-04-08")
        // Elsewhere "the previous period" is no period at all, and "the latest week" is a calendar week.
        e = extraction("Sales rose five pct from the previous period. Orders fell in the latest week.", date: "1987-04-09")
        XCTAssertNil(e.mentions.first { $0.text == "the previous period" })
        XCTAssertEqual(period("the latest week", in: e), "1987-03-30..1987-04-05")
    }

    func testPartsOfMonthsAndSeasons() {
        let e = extraction("NEW YORK, March 5 - Retail sales rose in February. Sales were strongest during the early part of "
            + "the month and weakest late in the month. Housing should pick up in late spring/early summer, and certificates "
            + "will reach farmers this fall. Talks should end early in June.", date: "1987-03-05")
        XCTAssertEqual(period("the early part of the month", in: e), "1987-02-01..1987-02-10")
        XCTAssertEqual(period("late in the month", in: e), "1987-02-21..1987-02-28")
        XCTAssertEqual(period("late spring", in: e), "1987-05-01..1987-05-31")
        XCTAssertEqual(period("early summer", in: e), "1987-06-01..1987-06-30")
        XCTAssertEqual(period("this fall", in: e), "1987-09-01..1987-11-30")
        XCTAssertEqual(period("early in June", in: e), "1987-06-01..1987-06-10")
    }

    func testRelativeYearsInAStoryOfFiscalOrCropYears() {
        // The lede names a fiscal year: the story's relative years are fiscal years of its months.
        var e = extraction("BANGLADESH'S TRADE GAP TO WIDEN IN 1987/88\nDHAKA, June 28 - Bangladesh's trade gap is expected to "
            + "widen in fiscal 1987/88 beginning on July 1.\n    Exports this year will reach one billion dlrs, and the coming "
            + "year's target is 1.1 billion.", date: "1987-06-28")
        XCTAssertEqual(period("this year", in: e), "1986-07-01..1987-06-30")
        XCTAssertEqual(period("coming year", in: e), "1987-07-01..1988-06-30")
        // A sentence that names a month counts in calendar years.
        e = extraction("BANGLADESH'S TRADE GAP TO WIDEN IN 1987/88\nDHAKA, June 28 - The trade gap is expected to widen in "
            + "fiscal 1987/88 beginning on July 1.\n    Exports rose in January, and this year they will top one billion dlrs.", date: "1987-06-28")
        XCTAssertEqual(period("this year", in: e), "1987-01-01..1987-12-31")
        // A fiscal year of the sentence: the relative year beside it.
        e = extraction("LONDON, March 17 - Receipts will rise to 168.8 billion stg in fiscal 1987/88, with income tax up from "
            + "38.4 billion in the current year.", date: "1987-03-17")
        XCTAssertEqual(period("current year", in: e), "1986-04-01..1987-03-31")
    }

    /// The day a split year ends on, after a part of it: the split year's second year.
    func testEndDayOfASplitYearAfterAPartOfIt() {
        var e = extraction("AUSTRALIAN BEEF OUTPUT RISES\nCANBERRA, March 5 - Beef output for the first seven months of fiscal "
            + "1986/87 ending June 30 rose to 838,416 tonnes.", date: "1987-03-05")
        XCTAssertEqual(period("June 30", in: e), "1987-06-30..1987-06-30")
        // Not after a single year, nor after a split year that is no neighbour.
        e = extraction("LONDON, March 5 - Output in 1986, ending June 30, rose.", date: "1987-03-05")
        XCTAssertNotEqual(period("June 30", in: e), "1987-06-30..1987-06-30")
        e = extraction("LONDON, March 5 - Output in 1986/87 rose, and the talks ending June 30 went well.", date: "1987-03-05")
        XCTAssertEqual(period("June 30", in: e), "1986-06-30..1986-06-30")
    }

    /// A dateline city with a United States state after it is American, whatever country shares
    /// its name: its dollars are U.S. dollars.
    func testAmericanCityOfAForeignName() {
        XCTAssertEqual(currency("GOLDFIELD CORP 4TH QTR NET LOSS\nMELBOURNE, Fla., March 26 - Net loss was 527,065 dlrs.", date: "1987-03-26"), "USD")
        XCTAssertEqual(currency("BHP RESULTS\nMELBOURNE, March 26 - Net profit was 527 mln dlrs.", date: "1987-03-26"), "AUD")
        // There, pounds weigh.
        let e = extraction("AMOCO FABRICS EXPANDS\nATLANTA, Ga., March 26 - The plant will bring capacity to nearly 140 mln pounds a year.", date: "1987-03-26")
        XCTAssertFalse(e.mentions.contains { $0.type == .money })
        XCTAssertEqual(currency("BRITISH EXPORTS\nLONDON, March 26 - Exports rose to 140 mln pounds in February.", date: "1987-03-26"), "GBP")
        XCTAssertEqual(currency("HALIFAX ENGINEERING GETS CONTRACTS\nALEXANDRIA, Va., March 30 - Halifax Engineering Inc said it has received a contract worth 6,700,000 dlrs.", date: "1987-03-30"), "USD")
    }

    /// A quarter with its own year right after it keeps that year, not the year of a sibling
    /// quarter in its sentence.
    func testAQuarterWithItsOwnYearAfterASibling() {
        let e = extraction("NEW YORK, April 3 - It said its first quarter earnings will be similar to its fourth quarter earnings last year.", date: "1987-04-03")
        XCTAssertEqual(period("first quarter", in: e), "1987-01-01..1987-03-31")
        XCTAssertEqual(period("fourth quarter", in: e), "1986-10-01..1986-12-31")
    }

    /// A term or year that "ends" on a day looks ahead, as one that "begins" or "expires" does.
    func testADaySomethingEndsOnLooksAhead() {
        let e = extraction("TOKYO, April 24 - He will hang on at least until his term ends on October 30, Watanabe said.", date: "1987-04-24")
        XCTAssertEqual(period("October 30", in: e), "1987-10-30..1987-10-30")
    }

    /// A clause opened by "until", "before", "when", "if" or "unless" that tells no tense of its
    /// own takes the tense of the clause it hangs on; "after" does not ("must be seen against the
    /// inflow after the outflow up to the realignment in January" looks back).
    func testASubordinateClauseTakesTheTenseOfItsHead() {
        var e = extraction("LONDON, April 8 - Shiratori said he believes Nakasone could hang on until as late as September.", date: "1987-04-08")
        XCTAssertEqual(period("September", in: e), "1987-09-01..1987-09-30")
        e = extraction("LONDON, April 1 - There seems little chance talks will begin much before the council session in September, they said.", date: "1987-04-01")
        XCTAssertEqual(period("September", in: e), "1987-09-01..1987-09-30")
        e = extraction("LONDON, April 8 - It is too early to say what output we can expect when it comes to harvest in September, he said.", date: "1987-04-08")
        XCTAssertEqual(period("September", in: e), "1987-09-01..1987-09-30")
        // Past in the head clause: the month looks back.
        e = extraction("LONDON, April 8 - Prices rose until the harvest in September, he said.", date: "1987-04-08")
        XCTAssertEqual(period("September", in: e), "1986-09-01..1986-09-30")
        e = extraction("ZURICH, April 8 - The increase must be seen against an inflow after the outflow up to the realignment in January, the bank said.", date: "1987-04-08")
        XCTAssertEqual(period("January", in: e), "1987-01-01..1987-01-31")
        // "due to be" looks ahead.
        e = extraction("LONDON, June 1 - Traders responded to plans for a futures market due to be launched in October.", date: "1987-06-01")
        XCTAssertEqual(period("October", in: e), "1987-10-01..1987-10-31")
    }

    /// A company quarter the story states ("the third quarter ending March 31") numbers its
    /// quarters; "last year's third quarter" is that quarter a year before.
    func testLastYearsQuarterOfACompanyYear() {
        let e = extraction("NATIONAL CONVENIENCE TO HAVE 3RD QTR LOSS\nHOUSTON, March 5 - The company said it expects a loss for the third quarter ending March 31. "
            + "In last year's third quarter, it earned 1,788,000 dlrs.", date: "1987-03-05")
        XCTAssertEqual(period("last year's third quarter", in: e), "1986-01-01..1986-03-31")
    }

    /// An agency's name in brackets with no dash after it still makes a dateline ("Taipei, Jan. 7
    /// (CNA) Taiwan's …", "SEOUL, May 21 (Korea Bizwire)" alone on its line); "the same quarter of 2020" after a fourth quarter written without a
    /// year puts that quarter in 2021, so a January dateline is of 2022.
    func testAgencyDatelineWithoutADashAndTheYearOfAReportedQuarter() {
        let e = extraction("Taiwan's exports hit record\nTaipei, Jan. 7 (CNA) Taiwan's exports soared 29.4 percent to a record in 2021, the ministry said Friday. "
            + "Fourth-quarter exports totaled US$123.6 billion, up 24.1 percent from the same quarter of 2020.")
        XCTAssertEqual(e.referenceDate?.iso, "2022-01-07")
        XCTAssertEqual(period("Fourth-quarter", in: e), "2021-10-01..2021-12-31")
        XCTAssertNil(e.mentions.first { $0.text == "Jan. 7" && $0.role == nil })
        // An estimate before the quarter's end keeps its year: "March 29" of the first quarter.
        let v = extraction("HANOI, March 29 (Reuters) - For the first quarter, exports climbed 17.0%, compared with the corresponding period of 2023.")
        XCTAssertEqual(v.referenceDate?.iso, "2024-03-29")
        let p = extraction("Peru's surplus\nLima, Sept. 16 (ANDINA). Peru's trade balance posted a surplus of US$2.61 billion in January-July 2019.")
        XCTAssertEqual(p.referenceDate?.iso, "2019-09-16")
        // A two-word agency closing the line ("SEOUL, May 21 (Korea Bizwire)"): the year from
        // the story, the day no period of its own.
        let k = extraction("Korea's exports up\nSEOUL, May 21 (Korea Bizwire)\nSouth Korea's exports rose 11.1 percent in the first 20 days of May 2018.")
        XCTAssertEqual(k.referenceDate?.iso, "2018-05-21")
        XCTAssertNil(k.mentions.first { $0.text == "May 21" && $0.role == nil })
        // An agency's initials after the comma, no brackets ("Accra, Oct 14, GNA –").
        let g = extraction("Ghana's trade surplus narrows\nAccra, Oct 14, GNA – Ghana recorded a trade surplus of US$1.68 billion in the first eight months of 2020.")
        XCTAssertEqual(g.referenceDate?.iso, "2020-10-14")
        XCTAssertNil(g.mentions.first { $0.text == "Oct 14" && $0.role == nil })
    }

    /// Days listed after a month and day are dates of that month; a rising list that ends with
    /// "and" or "or" only, and no unit after its last day.
    func testDaysListedAfterAMonthAndDay() {
        let e = extraction("ROME, March 22 - Strikes had been set for April 2, 7, 8, 21 and 22. Prices rose on March 3 and 15 pct on March 9.", date: "1987-03-22")
        XCTAssertEqual(e.mentions.filter { $0.rule == "date.list-member" }.map(\.text), ["7", "8", "21", "22"])
        XCTAssertEqual(period("21", in: e), "1987-04-21..1987-04-21")
    }

    /// On a Sunday, "this week" is the week ahead, as "next week" is; "last week" is the week
    /// before the one that ends that day.
    func testRelativeWeeksOnASunday() {
        let e = extraction("WASHINGTON, March 22 - The bank meets this week. Talks stalled last week. A vote comes next week.", date: "1987-03-22")
        XCTAssertEqual(period("this week", in: e), "1987-03-23..1987-03-29")
        XCTAssertEqual(period("last week", in: e), "1987-03-09..1987-03-15")
        XCTAssertEqual(period("next week", in: e), "1987-03-23..1987-03-29")
        let monday = extraction("WASHINGTON, March 23 - The bank meets this week.", date: "1987-03-23")
        XCTAssertEqual(period("this week", in: monday), "1987-03-23..1987-03-29")
    }

    /// Datelines as other agencies set them: the date in brackets after the place ("KUALA LUMPUR
    /// (Oct 7):"), the place in brackets ("(Beijing) Jan 14 —"), the agency's name after the day
    /// ("TOKYO, April 20 Kyodo -"). A whole year told in the past has ended: the dateline comes
    /// after it, whatever older month the story names.
    func testMoreDatelineShapesAndACompletedYear() {
        var e = extraction("Exports up\nKUALA LUMPUR (Oct 7): Malaysia's exports in August 2015 grew 1.7% year-on-year.")
        XCTAssertEqual(e.referenceDate?.iso, "2015-10-07")
        e = extraction("China's 2021 surplus\n(Beijing) Jan 14 — China's exports surged to a record in 2021, up from 2020. The deal was signed in January 2020.")
        XCTAssertEqual(e.referenceDate?.iso, "2022-01-14")
        e = extraction("Japan's deficit shrinks\nTOKYO, April 20 Kyodo - Japan's trade deficit in fiscal 2015 shrank 79.6 percent, the ministry said.")
        XCTAssertEqual(e.referenceDate?.iso, "2016-04-20")
    }

    /// "The fiscal year" after a fiscal year the story named is that year, in a clause told in the
    /// past even with a target in it; beyond the sentence before, a base is skipped.
    func testTheFiscalYearAfterANamedOne() {
        let e = extraction("DHAKA, July 5 - Bangladesh's export earnings rose 14.6% to $38.42 billion in fiscal year 2020-21. "
            + "In taka terms, the receipts came to about Tk3.27 lakh crore. The earnings fell 3.95% short of the target of $40 billion for the fiscal year.", date: "2021-07-05")
        XCTAssertEqual(period("the fiscal year", in: e), "2020-07-01..2021-06-30")
    }

    /// A company's 13-week quarter ending early in a month: its table's "Year" is the year to that
    /// day; a year ended on such a day is a year, not 52 weeks.
    func testYearsOfA52WeekCompany() {
        let e = extraction("FAMILY DOLLAR <FDO> 4TH QTR JAN 3 NET\nMATTHEWS, N.C., March 20 -\n Shr 30 cts vs 28 cts\n    Year\n    Shr 1.10 dlrs vs 1.02 dlrs\n", date: "1987-03-20")
        XCTAssertEqual(period("Year", in: e), "1986-01-04..1987-01-03")
        let y = extraction("KMART <KM> YR ENDED FEB 1\nTROY, March 20 -\n Shr 2.84 dlrs vs 1.75 dlrs\n", date: "1987-03-20")
        XCTAssertEqual(period("YR ENDED FEB 1", in: y), "1986-02-02..1987-02-01")
    }

    /// "X or N cts a share" restates a figure per share: no range of money.
    func testAFigureRestatedPerShareIsNoRange() {
        let e = extraction("NEW YORK, March 20 - It expects a loss of 820,000 dlrs or 17 cts a share, against a loss of 553,000 or 11 cts a share.", date: "1987-03-20")
        XCTAssertFalse(e.mentions.contains { $0.rule == "money.word-range" })
        XCTAssertTrue(e.mentions.contains { $0.text == "553,000" && $0.type == .money })
    }

    /// A company year under way, stated with its last day and year ("the year ending October 31,
    /// 1987"), makes the story's split years and halves the company's.
    func testAStatedCompanyYearUnderWay() {
        let e = extraction("OLYMPUS SEES 12 PCT RISE IN 1986/87 CURRENT PROFIT\nTOKYO, June 19 - Olympus predicted parent company current profit of 5.50 billion yen "
            + "in the year ending October 31, 1987, up 12 pct, assuming a rate of 147 yen in the second half. Sales in 1986/87 are estimated at 122 billion yen.", date: "1987-06-19")
        XCTAssertEqual(period("1986/87", in: e, nth: 1), "1986-11-01..1987-10-31")
        XCTAssertEqual(period("the second half", in: e), "1987-05-01..1987-10-31")
        // A country's fiscal year ending on a day written without its year is not a company's.
        let j = extraction("TOKYO, March 16 - Companies close their books for the fiscal year ending on March 31, which could bring losses. Tokyo promised measures after the fiscal 1987 budget.", date: "1987-03-16")
        XCTAssertEqual(period("fiscal 1987", in: j), "1987-04-01..1988-03-31")
    }

    /// A results note that opens with a year-qualified quarter ("1986 qtr and nine mths includes
    /// gain …") puts its months in that year.
    func testANoteOpenedByAYearQuarter() {
        let e = extraction("ACME CORP <ACM> 3RD QTR NET\nNEW YORK, Oct 20 -\n Shr 12 cts vs 10 cts\n    Nine mths\n    Shr 40 cts vs 31 cts\n"
            + "    NOTE: 1987 qtr and nine mths includes gain 2,500,000 dlrs.\n    1986 qtr and nine mths includes gain 2,158,000 dlrs.\n", date: "1987-10-20")
        XCTAssertEqual(period("nine mths", in: e, nth: 0), "1987-01-01..1987-09-30")
        XCTAssertEqual(period("nine mths", in: e, nth: 1), "1986-01-01..1986-09-30")
    }
}
