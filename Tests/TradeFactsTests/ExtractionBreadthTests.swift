import XCTest
@testable import TradeFacts
import TradeFactsEval

/// Issue 18: currencies, percent lists and kinds, fiscal years, and periods relative to the
/// period a story reports. The rule examples in Rules/ test each rule alone; these test the
/// document-level passes written in Swift.
final class ExtractionBreadthTests: XCTestCase {
    func mentions(_ text: String, date: String? = nil) -> [Mention] {
        Fixtures.process(text, date: date).mentions
    }

    /// "rose 10.5, 4.6 and 12.9 per cent": the bare members are percentages with the last one's
    /// unit and kind; a year or a money figure before "and" is not a member.
    func testPercentListMembers() {
        let m = mentions("Exports of engineering goods, oil and gems rose 10.5, 4.6 and 12.9 per cent respectively.", date: "2017-04-13")
        let percents = m.filter { $0.type == .percent }
        XCTAssertEqual(percents.map(\.text), ["10.5", "4.6", "12.9 per cent"])
        XCTAssertEqual(percents.map(\.rule), ["percent.list-member", "percent.list-member", "percent.value"])
        XCTAssertEqual(percents.map(\.percentKind), ["change", "change", "change"])
        let two = mentions("Food and chemicals rose 23 and 9 percent.").filter { $0.type == .percent }
        XCTAssertEqual(two.map(\.numericValue), [23, 9])
        let year = mentions("Exports fell in 2023 and 7 percent more in 2024.", date: "2025-01-10").filter { $0.type == .percent }
        XCTAssertEqual(year.map(\.text), ["7 percent"], "a year is not a list member")
        let money = mentions("Exports were $5 billion and 7 percent of the total.").filter { $0.type == .percent }
        XCTAssertEqual(money.map(\.text), ["7 percent"])
    }

    /// "sold at 2,310, 2,320 and 2,335 dlrs": the bare members are money with the last one's
    /// currency, scale and unit, across a wrapped line; "or" restates, and a member written out in
    /// full takes no scale or minor unit of the last.
    func testMoneyListMembers() {
        let m = mentions("Nearby cocoa sold at 2,310, 2,320 and\n2,335 dlrs a tonne, traders said.", date: "1987-03-02").filter { $0.type == .money }
        XCTAssertEqual(m.map(\.text), ["2,310", "2,320", "2,335 dlrs"])
        XCTAssertEqual(Array(m.map(\.rule).prefix(2)), ["money.list-member", "money.list-member"])
        XCTAssertEqual(m.map(\.numericValue), [2310, 2320, 2335])
        XCTAssertEqual(m.map(\.currency), ["USD", "USD", "USD"])
        let scaled = mentions("Aid will total 1.5 and 2.1 billion yen in the two years.", date: "1987-03-02").filter { $0.type == .money }
        XCTAssertEqual(scaled.map(\.numericValue), [1_500_000_000, 2_100_000_000])
        XCTAssertEqual(scaled.map(\.currency), ["JPY", "JPY"])
        let restated = mentions("Net profit was 2,778,000 dlrs or 28 cts a share.", date: "1987-03-02").filter { $0.type == .money }
        XCTAssertFalse(restated.contains { $0.rule == "money.list-member" }, "a figure restated after \"or\" is no list")
        let full = mentions("It earned 2,778,000 and 28 cts a share.", date: "1987-03-02").filter { $0.type == .money }
        XCTAssertFalse(full.contains { $0.rule == "money.list-member" }, "a full figure takes no cents")
    }

    /// A price table's bare figures are money in the unit its heading declares; a table without
    /// one, a note under another table, and prose are left alone.
    func testPriceTables() {
        let table = """
        GRAIN CERTIFICATE VALUES
        OMAHA, March 3 - Unit values for grain from government stocks
        follow (Dlrs/Bu):
                  HRW    SRW    CORN
         Omaha    2.71   --     1.46
         Lincoln  2.68   2.90   1.44-1.48
         Salina   n.a.   2.88   1.41-Y

        """
        let m = mentions(table, date: "1987-03-03").filter { $0.rule == "money.price-table" }
        XCTAssertEqual(m.map(\.text), ["2.71", "1.46", "2.68", "2.90", "1.44", "1.48", "2.88", "1.41"])
        XCTAssertEqual(Set(m.map(\.currency)), ["USD"])
        if case let .money(_, _, _, _, per)? = m.first?.value { XCTAssertEqual(per, "bu") } else { XCTFail("no price-table money") }
        let cents = mentions("OIL PRICES\nTOKYO, March 3 - Spot prices (cts per lb):\n Grade A    52.5   53.0\n Grade B    48.0   48.5\n", date: "1987-03-03")
            .filter { $0.rule == "money.price-table" }
        let values = cents.map { NSDecimalNumber(decimal: $0.numericValue ?? 0).doubleValue }
        XCTAssertEqual(values.count, 4)
        for (got, want) in zip(values, [0.525, 0.53, 0.48, 0.485]) { XCTAssertEqual(got, want, accuracy: 1e-9) }
        let heading = """
        COCOA BUFFER DIFFERENTIALS
        LONDON, March 27 - Differentials were fixed as follows,
         Country       Differential stg/tonne
         Malaysia           0
         Brazil            55
         Ghana            137
        """
        XCTAssertEqual(mentions(heading, date: "1987-03-27").filter { $0.rule == "money.price-table" }.map(\.text), ["0", "55", "137"])
        let dotted = """
        CRUDE OIL NETBACKS UP
        NEW YORK, March 30 - Yields fell 68 cts to 18.42 dlrs from the previous Friday, as shown below in dlrs a barrel.
        TOPPING.........15.63......16.10......14.30
        CRACKING........18.42......19.10......16.86
        """
        let cells = mentions(dotted, date: "1987-03-30").filter { $0.rule == "money.price-table" }
        XCTAssertEqual(cells.map(\.text), ["15.63", "16.10", "14.30", "18.42", "19.10", "16.86"], "a table with dot leaders, its unit shown below")
        XCTAssertEqual(Set(cells.map(\.currency)), ["USD"])
        let quantities = """
        GRAIN STOCKS
        OMAHA, March 3 - Stocks in mln bushels follow:
         Omaha    271    290
         Lincoln  268    288
         Note - Price in dlrs per bu.
         Salina   2.70   2.80
         Abilene  2.60   2.75
        """
        XCTAssertTrue(mentions(quantities, date: "1987-03-03").filter { $0.rule == "money.price-table" }.isEmpty,
                      "a note under one table declares nothing for the next")
        let follows = """
        COTTON PRICE
        WASHINGTON, Feb 26 - Based on data for the week ended February 26, the adjusted
        world price for upland cotton is determined as follows, in cts
        per lb --
         Northern European Price               66.32
              Adjustments --
         SLM 1-1/16 inch cotton          1.80
         Sum of adjustments              12.75
        """
        let followed = mentions(follows, date: "1987-02-26").filter { $0.rule == "money.price-table" }
        XCTAssertEqual(followed.map(\.text), ["66.32", "1.80", "12.75"], "a lead that says the figures follow, in a unit")
        XCTAssertEqual(followed.map { NSDecimalNumber(decimal: $0.numericValue ?? 0).doubleValue }, [0.6632, 0.018, 0.1275])
        XCTAssertTrue(mentions("Prices are in dlrs per tonne.  Exports rose 12 pct to 3.5 mln tonnes in\nJanuary, up from 3.1 mln.", date: "1987-03-03")
            .filter { $0.rule == "money.price-table" }.isEmpty, "prose is no table")
    }

    /// A list whose lead says what its figures are in and that their previous ones are in
    /// brackets: each "figure (figure)" pair is money in that unit; a list in tonnes, pairs after
    /// the sign-off, and brackets without a declared currency are left alone.
    func testBracketLists() {
        let list = """
        ARGENTINE GRAIN EXPORT PRICES ADJUSTED
        BUENOS AIRES, April 8 - The grain board adjusted minimum export prices of grain products in dlrs per
        tonne FOB, previous in brackets, as follows:
            Sorghum 64 (63), sunflowerseed cake 103 (102)
        , pellets 1,101 ( 1,100).
         REUTER
            Maize 71 (72).
        """
        let m = mentions(list, date: "1987-04-08").filter { $0.rule == "money.bracket-list" }
        XCTAssertEqual(m.map(\.text), ["64", "63", "103", "102", "1,101", "1,100"])
        XCTAssertEqual(Set(m.map(\.currency)), ["USD"])
        if case let .money(_, _, _, _, per)? = m.first?.value { XCTAssertEqual(per, "tonne") } else { XCTFail("no bracket-list money") }
        let cents = mentions("Prices in cents per lb, previous in brackets: Grade A 52.5 (53.0).", date: "1987-04-08")
            .filter { $0.rule == "money.bracket-list" }
        XCTAssertEqual(cents.map { NSDecimalNumber(decimal: $0.numericValue ?? 0).doubleValue }, [0.525, 0.53])
        let auction = "Average prices in rupees per 50 kilos, with previous prices in\nbrackets -\n    Plantation \"A\" 592.2   1,284.50 (1,223.50)\n    Arabica Cherry \"AB\"    33.3      976.50  (NA)\n"
        XCTAssertEqual(mentions(auction, date: "1987-04-02").filter { $0.rule == "money.bracket-list" }.map(\.text), ["1,284.50", "1,223.50", "976.50"],
                       "a lead broken across lines; a figure with none before it (NA); tonnages left alone")
        XCTAssertTrue(mentions("Shipments in tonnes, with 1985 in brackets, included: beef 120,184 (137,686).", date: "1987-03-11")
            .filter { $0.rule == "money.bracket-list" }.isEmpty, "a list in tonnes is no money")
        XCTAssertTrue(mentions("New rates (previous in brackets) were - Average CD rates 4.27 pct (4.32)", date: "1987-02-27")
            .filter { $0.rule == "money.bracket-list" }.isEmpty, "no currency declared")
        // Scaled figures, two previous ones joined by "and", "both" for two equal ones.
        let reserves = "The value of reserve assets in Australian dollars at end-February with end-January and year-earlier\nrespectively in brackets were.\n    Gold 4.71 billion (4.90 billion and 3.83 billion), SDR's\n503 mln (524 mln and 468 mln), U.S. Dollars 3.25 billion (both 3.99\nbillion).\n REUTER\n"
        let r = mentions(reserves, date: "1987-03-16").filter { $0.type == .money }
        XCTAssertEqual(r.map(\.text), ["4.71 billion", "4.90 billion", "3.83 billion", "503 mln", "524 mln", "468 mln", "3.25 billion", "3.99\nbillion"])
        XCTAssertEqual(Set(r.map(\.rule)), ["money.bracket-list"])
        XCTAssertEqual(Set(r.map(\.currency)), ["AUD"])
        XCTAssertEqual(r.first?.numericValue, 4_710_000_000)
    }

    /// A share, a rate, a change by a verb further back, and a plain level.
    func testPercentKinds() {
        func kinds(_ text: String) -> [String?] { mentions(text).filter { $0.type == .percent }.map(\.percentKind) }
        XCTAssertEqual(kinds("Domestic transactions made up 73.2% of gross receipts."), ["share"])
        XCTAssertEqual(kinds("Electronics accounted for 34.1% of the total."), ["share"])
        XCTAssertEqual(kinds("The United States imposed a tariff of 25% on steel."), ["rate"])
        XCTAssertEqual(kinds("Exports rose 5.2% year-on-year."), ["change"])
        XCTAssertEqual(kinds("The jobless figure was 4.1% in March."), ["level"])
        XCTAssertEqual(kinds("The surplus narrowed by 0.4 percentage points."), ["points"])
        // A share's level moves with a direction word and stays a share; its base too.
        XCTAssertEqual(kinds("The share of oil in total exports fell to 69.8% from 74.0% a year earlier."), ["share", "share"])
        XCTAssertEqual(kinds("China took 79.5% of Brazil's soybean exports, up from 72.8% in July."), ["share", "share"])
        // A growth rate's level is a change; so is a figure before a comparison or a change word, and the second end of a range.
        XCTAssertEqual(kinds("Export growth slowed to 12.2 percent in the fourth quarter."), ["change"])
        XCTAssertEqual(kinds("The deficit was 12.6% smaller than a year earlier, and the lira lost 4.9% against the dollar."), ["change", "change"])
        XCTAssertEqual(kinds("The government targets export growth of 6% to 7% next year."), ["change", "change"])
        // A rate named after the figure.
        XCTAssertEqual(kinds("Washington announced a 25% tariff on imported cars."), ["rate"])
        // The level a rate went to or came from is a rate ("the bond yield, to 7-1/2 pct").
        XCTAssertEqual(kinds("The Fed is likely to drop its basic lending rate from 5-1/2 pct."), ["rate"])
        XCTAssertEqual(kinds("Most expect the long bond yield to fall to 7-1/2 pct."), ["rate"])
        XCTAssertEqual(kinds("Unemployment rose to 3.0 pct in February."), ["rate"])
    }

    /// A list's earlier member before a percentage in words, and a level's base written bare after it.
    func testPercentMembersAndBases() {
        func percents(_ text: String) -> [String] {
            mentions(text).filter { $0.type == .percent }.map { m in
                guard case let .percent(v, _, _, _, _, _) = m.value else { return m.text }
                return "\(m.text)=\(v.map { "\($0)" } ?? "?")"
            }
        }
        XCTAssertEqual(percents("Federal funds and prime rates were at 5.50 and seven pct."), ["5.50=5.5", "seven pct=7"])
        XCTAssertEqual(percents("The bank cut its prime rate to 16.00 pct from 16.50."), ["16.00 pct=16", "16.50=16.5"])
        XCTAssertEqual(percents("It will cut its prime rate to 16.00 pct\nfrom 16.50, effective June 22."), ["16.00 pct=16", "16.50=16.5"])
        // "from" at a line's end, the base on the next.
        XCTAssertEqual(percents("It has raised its call money rate 14 times, to 14.5 pct at present from\n11.8 at end-1986."), ["14.5 pct=14.5", "11.8=11.8"])
        XCTAssertEqual(percents("It cut the rate to 7-1/2 pct from 7-3/4 in March."), ["7-1/2 pct=7.5", "7-3/4=7.75"])
        // A base in words; a short phrase before "from"; the new level bare before the base.
        XCTAssertEqual(percents("The rate was cut to 7-3/4 pct from eight, reflecting easing."), ["7-3/4 pct=7.75", "eight=8"])
        XCTAssertEqual(percents("The rate rose to 3.85 pct at last week's pact from 3.60 on the last tender."), ["3.85 pct=3.85", "3.60=3.6"])
        XCTAssertEqual(percents("The cut of the key rate to 3.80 from 3.85 pct was heralded."), ["3.80=3.8", "3.85 pct=3.85"])
        XCTAssertEqual(percents("It was raised to eight from 7-1/4 pct on January 2."), ["eight=8", "7-1/4 pct=7.25"])
        // "compared with", "against", "versus" and "after" lead to a base too, of the same size.
        XCTAssertEqual(percents("The rate was 13.78 pct in February compared with 13.83 in January."), ["13.78 pct=13.78", "13.83=13.83"])
        XCTAssertEqual(percents("M3 grew at an annual rate of 8.5 pct after 9.8 in the six months to January."), ["8.5 pct=8.5", "9.8=9.8"])
        XCTAssertEqual(percents("Call money was at around 3.70\npct against 3.80 yesterday."), ["3.70\npct=3.7", "3.80=3.8"])
        XCTAssertEqual(percents("The bond would be priced at 99.75 to yield 4.736 pct compared with 99.50 last month."), ["4.736 pct=4.736"])
        XCTAssertEqual(percents("Output rose 3.1 pct compared with 12 months earlier."), ["rose 3.1 pct=3.1"])
        // The previous figure in brackets after a rate in a table.
        XCTAssertEqual(percents("    Average CD rates all banks 4.13 pct (4.33)\n    Over 270 days 4.05 pct (unqtd)\n"), ["4.13 pct=4.13", "4.33=4.33", "4.05 pct=4.05"])
        // A phrase with another comparison, a year, or tonnes is no way to a base.
        XCTAssertEqual(percents("Exports rose 5 pct and imports from 12 countries fell."), ["rose 5 pct=5"])
        XCTAssertEqual(percents("Its share rose to 12 pct in the year from 1986."), ["12 pct=12"])
        // A base with its own unit or noun is not a percentage.
        XCTAssertEqual(percents("Output rose 5 pct from 120 tonnes."), ["rose 5 pct=5"])
        XCTAssertEqual(percents("Unemployment has risen by more than 40 pct from 1.8\nmln in 1981."), ["risen by more than 40 pct=40"])
        XCTAssertEqual(percents("Its share rose to 12 pct from 1986 levels."), ["12 pct=12"])
    }

    /// An explicit code or symbol wins over a carried currency, and the output says where each
    /// currency came from. A bare figure carries the currency of the figure it is compared with,
    /// not of that figure's conversion ("or KRW 89.4 trillion").
    func testHeadlineFigureTakesTheCurrencyItIsRestatedIn() {
        let m = mentions("MAPLEWOOD FOODS <MWF> TO BUY ORCHARD LINES FOR 185 MLN\nCHICAGO, April 7 - Maplewood Foods said it agreed to buy Orchard Lines for 185 mln dlrs in cash.\n", date: "1987-04-07")
        let money = m.filter { $0.type == .money }.map { "\($0.text)=\($0.numericValue.map { "\($0)" } ?? "?") \($0.currencySource ?? "text")" }
        XCTAssertEqual(money, ["185 MLN=185000000 carried", "185 mln dlrs=185000000 default"])
        // Not restated: the figure stays a latent number.
        let n = mentions("MAPLEWOOD FOODS <MWF> SEES 185 MLN\nCHICAGO, April 7 - Maplewood Foods said it sold 90 mln dlrs of stock.\n", date: "1987-04-07")
        XCTAssertTrue(n.filter { $0.type == .money }.allSatisfy { $0.text != "185 MLN" })
    }

    func testCurrencySources() {
        let m = mentions("SEOUL, Dec. 1, 2024 (Yonhap) -- Exports were $68.6 billion, or KRW 89.4 trillion, up from 60.1 billion.")
            .filter { $0.type == .money }
        XCTAssertEqual(m.map(\.text), ["$68.6 billion", "KRW 89.4 trillion", "60.1 billion"])
        XCTAssertEqual(m.map(\.currency), ["USD", "KRW", "USD"])
        XCTAssertEqual(m.map(\.currencySource), ["default", nil, "carried"])
        let peso = mentions("MANILA, July 15, 2024 -- The Philippines earned 11.2 billion pesos.").filter { $0.type == .money }
        XCTAssertEqual(peso.map(\.currency), ["PHP"])
        XCTAssertEqual(peso.map(\.currencySource), ["place"])
    }

    /// India's FY25 ends in March 2025; Japan names its fiscal 2025 by its first year; a fiscal
    /// year with no place known stays the calendar year named, marked fiscal.
    func testFiscalYearsByPlace() {
        func period(_ text: String, _ what: String) -> (String?, String?, Bool?) {
            let m = mentions(text).first { $0.text == what }
            return (m?.period?.from.iso, m?.period?.to.iso, m?.periodFields?.fiscal)
        }
        let india = period("NEW DELHI, April 1, 2025 -- GST collections rose 9.4% in FY25.", "FY25")
        XCTAssertEqual(india.0, "2024-04-01"); XCTAssertEqual(india.1, "2025-03-31")
        let japan = period("TOKYO, March 19, 2025 -- A surplus is expected in fiscal 2025.", "fiscal 2025")
        XCTAssertEqual(japan.0, "2025-04-01"); XCTAssertEqual(japan.1, "2026-03-31")
        let company = period("The company expects sales to rise in fiscal 2025, it said on Monday, Jan. 6, 2025.", "fiscal 2025")
        XCTAssertEqual(company.0, "2025-01-01"); XCTAssertEqual(company.2, true)
    }

    /// A place whose fiscal year has since moved to the calendar (`fiscal-years-former`): a 1987
    /// Jakarta story's "1987/88" is Indonesia's April year; a 2024 one's stays a July split year.
    func testFormerFiscalYearsByDate() {
        func period(_ text: String, _ what: String) -> (String?, String?) {
            let m = mentions(text).first { $0.text == what }
            return (m?.period?.from.iso, m?.period?.to.iso)
        }
        let then = period("JAKARTA, March 11, 1987 - Indonesia expects better prospects in 1987/88, the governor said.", "1987/88")
        XCTAssertEqual(then.0, "1987-04-01"); XCTAssertEqual(then.1, "1988-03-31")
        let taipei = period("TAIPEI, March 11, 1987 - Taiwan's 1986/87 budget deficit rose.", "1986/87")
        XCTAssertEqual(taipei.0, "1986-07-01"); XCTAssertEqual(taipei.1, "1987-06-30")
        let now = period("JAKARTA, March 11, 2024 - Indonesia expects better prospects in 2024/25, the governor said.", "2024/25")
        XCTAssertEqual(now.0, "2024-07-01"); XCTAssertEqual(now.1, "2025-06-30")
    }

    /// "the previous month" in a story dated in October that reports September is August: the
    /// month before the one reported, not before the dateline's.
    func testPreviousMonthOfTheReportedPeriod() {
        let story = """
            Exports climb
            BEIJING, Oct. 14, 2024 (Xinhua) -- China's auto exports rose 12% in September, the association said.

            Sales were strong. Output was 2.8 million units, up 3% from the previous month.
            """
        let m = mentions(story).first { $0.text == "the previous month" }
        XCTAssertEqual(m?.period?.from.iso, "2024-08-01")
        XCTAssertEqual(m?.period?.to.iso, "2024-08-31")
    }

    /// Every form the currency lexicons list (every current ISO 4217 code before, joined to and
    /// after an amount; every ISO name; every symbol) is read with its amount and code, in a
    /// sentence: the table `tradefacts eval currencies` prints.
    func testCurrencyTable() throws {
        let rows = CurrencyTableEval.run(ruleSet: try RuleSet.embedded(), engine: Fixtures.engine)
        XCTAssertEqual(rows.count, 7)
        for r in rows where r.form.hasPrefix("ISO code") || r.form.hasPrefix("symbol") || r.form.hasPrefix("shared") {
            XCTAssertGreaterThan(r.total, 60, r.form)
            XCTAssertEqual(r.right, r.total, "\(r.form): \(r.misses.prefix(5))")
        }
        let right = rows.reduce(0) { $0 + $1.right }, total = rows.reduce(0) { $0 + $1.total }
        XCTAssertGreaterThanOrEqual(Double(right) / Double(total), 0.99, "\(rows.flatMap(\.misses).prefix(10))")
    }

    /// The value sets (eval/gold/modern-values*, wire1987-values*: our own articles with hand gold)
    /// stay at the scores `tradefacts eval values` printed when they were last fixed; a change that
    /// loses values there fails here. The floors sit a little under the scores of 2026-12-03 (fifth
    /// session for modern-values-14 to -16 and wire1987-values-5, -8, -9).
    func testModernValueSetsHoldTheirScores() throws {
        // The wire sets' datelines have no year: their stories get the date apart, as Reuters records do.
        for (set, floors) in [("modern-values", [ValueScorer.Kind.money: 0.98, .percent: 0.98, .periods: 0.93, .counts: 0.88]),
                              ("modern-values-2", [.money: 0.98, .percent: 0.98, .periods: 0.91, .counts: 0.95]),
                              ("modern-values-3", [.money: 0.98, .percent: 0.98, .periods: 0.88, .counts: 0.95]),
                              ("modern-values-4", [.money: 0.97, .percent: 0.98, .periods: 0.91, .counts: 0.90]),
                              // Counts 0.92: its gold leaves out membership counts ("the wider 27-nation European
                              // Union"), which the brief lists and the engine reads (count.n-nation).
                              ("modern-values-5", [.money: 0.98, .percent: 0.98, .periods: 0.93, .counts: 0.92]),
                              ("modern-values-6", [.money: 0.96, .percent: 0.98, .periods: 0.92, .counts: 0.95]),
                              ("modern-values-7", [.money: 0.98, .percent: 0.98, .periods: 0.90, .counts: 0.95]),
                              ("modern-values-8", [.money: 0.98, .percent: 0.98, .periods: 0.90, .counts: 0.95]),
                              ("modern-values-9", [.money: 0.98, .percent: 0.98, .periods: 0.89, .counts: 0.95]),
                              ("modern-values-10", [.money: 0.98, .percent: 0.98, .periods: 0.92, .counts: 0.95]),
                              ("modern-values-11", [.money: 0.97, .percent: 0.98, .periods: 0.89, .counts: 0.95]),
                              ("modern-values-12", [.money: 0.97, .percent: 0.98, .periods: 0.87, .counts: 0.95]),
                              ("modern-values-13", [.money: 0.98, .percent: 0.98, .periods: 0.91, .counts: 0.95]),
                              ("modern-values-14", [.money: 0.98, .percent: 0.98, .periods: 0.93, .counts: 0.90]),
                              ("modern-values-15", [.money: 0.98, .percent: 0.98, .periods: 0.91, .counts: 0.90]),
                              ("modern-values-16", [.money: 0.95, .percent: 0.98, .periods: 0.93, .counts: 0.95]),
                              ("wire1987-values", [.money: 0.97, .percent: 0.98, .periods: 0.93, .counts: 0.95]),
                              ("wire1987-values-2", [.money: 0.98, .percent: 0.98, .periods: 0.92, .counts: 0.95]),
                              ("wire1987-values-3", [.money: 0.96, .percent: 0.98, .periods: 0.89, .counts: 0.80]),
                              ("wire1987-values-4", [.money: 0.98, .percent: 0.98, .periods: 0.91, .counts: 0.95]),
                              ("wire1987-values-5", [.money: 0.98, .percent: 0.98, .periods: 0.93, .counts: 0.95]),
                              ("wire1987-values-6", [.money: 0.97, .percent: 0.98, .periods: 0.87, .counts: 0.95]),
                              ("wire1987-values-7", [.money: 0.97, .percent: 0.98, .periods: 0.89, .counts: 0.95]),
                              ("wire1987-values-8", [.money: 0.97, .percent: 0.98, .periods: 0.91, .counts: 0.95]),
                              ("wire1987-values-9", [.money: 0.98, .percent: 0.98, .periods: 0.87, .counts: 0.95])] {
            let dir = Fixtures.packageRoot.appendingPathComponent("eval/gold/\(set)").path
            let r = try ValueScorer.run(directory: dir, engine: Fixtures.engine, dateFromGold: set.hasPrefix("wire"))
            XCTAssertGreaterThanOrEqual(r.articles, 6, set)
            for (kind, floor) in floors {
                let f1 = r.scores[kind]?.f1 ?? 0
                XCTAssertGreaterThanOrEqual(f1, floor, "\(set) \(kind.rawValue): F1 \(f1)")
            }
        }
    }
}
