import XCTest
@testable import TradeFacts

/// Datelines as wires and sites print them: each gives the reference date, and a dateline without
/// a year takes it from a stamp line or says that it has none.
final class DatelineTests: XCTestCase {
    private func reference(_ text: String) -> (String?, ReferenceDateSource?, [String]) {
        let r = Fixtures.engine.process(Document(id: "d", text: text))
        return (r.extraction?.referenceDate?.iso, r.extraction?.referenceDateSource, r.warnings)
    }

    func testFullDatelines() {
        for (text, iso) in [("27-MAR-1987 12:05:50.31\nCocoa exports rose 5 pct in 1986.", "1987-03-27"),
                            ("2024-10-22T10:11:00Z\nExports rose 5 pct in the first nine months.", "2024-10-22"),
                            ("Updated: Oct 22, 2024 10:11 IST\nExports rose 5 pct in the first nine months.", "2024-10-22"),
                            ("10:11, October 22, 2024\nExports rose 5 pct in the first nine months.", "2024-10-22")] {
            let (date, source, warnings) = reference(text)
            XCTAssertEqual(date, iso, text)
            XCTAssertEqual(source, .dateline, text)
            XCTAssertEqual(warnings, [], text)
        }
    }

    func testWireDatelineTakesItsYearFromTheStampLine() {
        // The stamp above the story: the dateline's own day, the stamp's year.
        let (date, source, _) = reference("2024-10-22 10:11:00\nHEFEI, Oct. 21 (Xinhua) -- Exports rose 5 pct in the first nine months.")
        XCTAssertEqual(date, "2024-10-21")
        XCTAssertEqual(source, .datelineStamp)
        // The stamp below it, on the next day of the next year.
        let r = Fixtures.engine.process(Document(id: "d", text: "China's exports up\nBEIJING, Dec. 31 (Xinhua) -- Exports rose 5 pct in the first nine months.\n\nSource: Xinhua | 2025-01-01 08:00:11"))
        XCTAssertEqual(r.extraction?.referenceDate?.iso, "2024-12-31")
        XCTAssertEqual(r.extraction?.mentions.first { $0.role == "stamp" }?.text, "2025-01-01")
        XCTAssertEqual(r.extraction?.headlineSpan.map { r.extraction!.document.text($0) }, "China's exports up")
    }

    /// A wire's date is its desk's: a yearless dateline a day or two off it is the story's own day,
    /// and "today" and "yesterday" count from it; a dateline further off leaves the given date.
    func testYearlessDatelineNearTheGivenDateIsTheStorysDay() {
        func read(_ text: String, given: String) -> Extraction {
            Fixtures.engine.process(Document(id: "d", text: text, referenceDate: CalendarDate(iso: given))).extraction!
        }
        let e = read("WESTPAC CUTS RATE\nMELBOURNE, June 19 - The bank cut its rate to 16 pct from today, after a rival moved yesterday.", given: "1987-06-18")
        XCTAssertEqual(e.referenceDate?.iso, "1987-06-19")
        XCTAssertEqual(e.referenceDateSource, .datelineDay)
        XCTAssertEqual(e.mentions.first { $0.text == "today" }?.period?.from.iso, "1987-06-19")
        XCTAssertEqual(e.mentions.first { $0.text == "yesterday" }?.period?.from.iso, "1987-06-18")
        // Across the year's end; and a dateline a week off is not the story's day.
        XCTAssertEqual(read("TOKYO, Jan 1 - Trading was closed.", given: "1986-12-31").referenceDate?.iso, "1987-01-01")
        XCTAssertEqual(read("TOKYO, June 11 - Trading was closed.", given: "1987-06-18").referenceDate?.iso, "1987-06-18")
    }

    func testWireDatelineWithoutAYearSaysSo() {
        let (date, source, warnings) = reference("HEFEI, Oct. 21 (Xinhua) -- Exports rose 5 pct in the first nine months.")
        XCTAssertNil(date)
        XCTAssertEqual(source, ReferenceDateSource.none)
        XCTAssertEqual(warnings.count, 1)
        XCTAssertTrue(warnings[0].contains("gives no year"), warnings[0])
        // A date given with the article needs no year from the dateline: no warning.
        let given = Fixtures.engine.process(Document(id: "d", text: "WASHINGTON, March 3 - The deficit widened.", referenceDate: CalendarDate(iso: "1987-03-03")))
        XCTAssertEqual(given.warnings, [])
    }

    /// A wire's flash marks before the place ("****MOSCOW, April 29 -") leave it a dateline: its
    /// day is the dateline's role, not a figure's period.
    func testFlashMarkedWireDateline() {
        let e = Fixtures.engine.process(Document(id: "d", text: "SOVIET SOWING SLOW\n****MOSCOW, April 29 - Farmers had sown 11 pct by April 27.", referenceDate: CalendarDate(iso: "1987-04-29"))).extraction!
        XCTAssertEqual(e.datelineSpan.map { e.document.text($0) }, "April 29")
        XCTAssertEqual(e.mentions.first { $0.text == "April 29" }?.role, "dateline")
        XCTAssertEqual(e.mentions.first { $0.text == "April 27" }?.period?.from.iso, "1987-04-27")
    }

    /// The wire's name after the day, without brackets ("ROME, March 13, Reuter - "), keeps it a
    /// dateline; the same day in prose without a place is none.
    func testWireNameAfterTheDay() {
        let e = Fixtures.engine.process(Document(id: "d", text: "ITALY RATE FALLS\nROME, March 13, Reuter - The rate fell to 13.78 pct in February.", referenceDate: CalendarDate(iso: "1987-03-13"))).extraction!
        XCTAssertEqual(e.datelineSpan.map { e.document.text($0) }, "March 13")
        XCTAssertEqual(e.mentions.first { $0.text == "March 13" }?.role, "dateline")
        // A place with two regions after it.
        let two = Fixtures.engine.process(Document(id: "d", text: "MINE STUDY\nHAILEY, Idaho, Calif., March 20 - The mine would cost 22.3 mln dlrs.", referenceDate: CalendarDate(iso: "1987-03-20"))).extraction!
        XCTAssertEqual(two.mentions.first { $0.text == "March 20" }?.role, "dateline")
        let prose = Fixtures.engine.process(Document(id: "d", text: "Exports rose 5 pct, March 13, Reuter - said.")).extraction!
        XCTAssertNil(prose.datelineSpan)
    }

    func testAMonthAndDayInProseIsNoDateline() {
        for text in ["The report, March 3 - something.", "Exports rose 5 pct, Oct. 21 - the ministry said."] {
            let r = Fixtures.engine.process(Document(id: "d", text: text))
            XCTAssertNil(r.extraction?.datelineSpan, text)
            XCTAssertEqual(r.warnings, [], text)
        }
    }

    func testFrontMatterDate() throws {
        let article = try XCTUnwrap(ArticleReader.articles(path: "a.md", raw: Array("---\ndate: 2024-10-22\n---\nExports rose 5 pct in the first nine months.".utf8)).first)
        let r = Fixtures.engine.process(article)
        XCTAssertEqual(r.extraction?.referenceDate?.iso, "2024-10-22")
        XCTAssertEqual(r.extraction?.referenceDateSource, .metadata)
    }
}
