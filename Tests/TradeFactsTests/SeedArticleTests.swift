import XCTest
@testable import TradeFacts
import TradeFactsEval

/// The user's own article, `../shared/seed/jilin-auto-parts.txt`, read exactly right; and its corrected twin
/// (the three wrong years fixed) with no findings. The text is read from ../shared, never copied here.
final class SeedArticleTests: XCTestCase {
    func seedText() throws -> String {
        guard let shared = Fixtures.shared else { throw XCTSkip("../shared is absent") }
        let url = shared.appendingPathComponent("seed/jilin-auto-parts.txt")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { throw XCTSkip("seed article is absent") }
        return text
    }

    func correctedTwin(_ text: String) throws -> String {
        var t = text
        for (wrong, right) in [("In the first nine months of 2024", "In the first nine months of this year"),
                               ("compared to 2004", "compared to 2024"),
                               ("since October 2004", "since October 2024")] {
            XCTAssertNotNil(t.range(of: wrong), "seed no longer contains \(wrong)")
            t = t.replacingOccurrences(of: wrong, with: right)
        }
        return t
    }

    func testReferenceDateFromDatelineAndOverride() throws {
        let text = try seedText()
        let r = Fixtures.engine.process(Document(id: "seed", text: text))
        XCTAssertEqual(r.extraction?.referenceDate?.iso, "2025-10-03")
        XCTAssertEqual(r.extraction?.referenceDateSource, .dateline)
        let o = Fixtures.engine.process(Document(id: "seed", text: text, referenceDate: CalendarDate(iso: "2026-01-15")))
        XCTAssertEqual(o.extraction?.referenceDate?.iso, "2026-01-15")
        XCTAssertEqual(o.extraction?.referenceDateSource, .option)
    }

    func testMentions() throws {
        let r = Fixtures.engine.process(Document(id: "seed", text: try seedText()))
        func money(_ t: String) -> (Decimal?, String?) {
            guard case let .money(a, _, _, c, _)? = r.mention(t)?.value else { return (nil, nil) }
            return (a, c)
        }
        XCTAssertEqual(money("$22.13 million").0, 22_130_000)
        XCTAssertEqual(money("$22.13 million").1, "USD")
        XCTAssertEqual(money("$490 million").0, 490_000_000)

        let growth = try XCTUnwrap(r.mentions.first { $0.text.hasPrefix("87.4%") })
        XCTAssertEqual(growth.signedChange, Decimal(string: "87.4"))
        guard case let .percent(_, _, _, unit, dir, basis) = growth.value else { return XCTFail() }
        XCTAssertEqual(unit, .percent); XCTAssertEqual(dir, .up); XCTAssertEqual(basis, "year-on-year")
        let drop = try XCTUnwrap(r.mention("a drop of 61.1%"))
        XCTAssertEqual(drop.signedChange, Decimal(string: "-61.1"))
        guard case let .percent(_, _, _, _, _, dropBasis) = drop.value else { return XCTFail() }
        XCTAssertEqual(dropBasis, "year-on-year")

        func period(_ t: String) -> String? { r.mention(t)?.period.map { "\($0.from.iso)..\($0.to.iso)" } }
        XCTAssertEqual(period("the first three quarters of this year"), "2025-01-01..2025-09-30")
        XCTAssertEqual(period("the first nine months of 2024"), "2024-01-01..2024-09-30")
        XCTAssertEqual(period("the same period last year"), "2024-01-01..2024-09-30")
        XCTAssertEqual(period("October 2004"), "2004-10-01..2004-10-31")
        XCTAssertEqual(r.mention("October 2004")?.qualifier, "since")
        XCTAssertEqual(period("July 1st"), "2025-07-01..2025-07-01")
        XCTAssertEqual(r.mention("July 1st")?.outputType, "date")
        XCTAssertEqual(period("2004"), "2004-01-01..2004-12-31")
        XCTAssertEqual(r.mention("2004")?.qualifier, "compared to")

        guard case let .count(v, _, _, of, partners)? = r.mention("64 countries and regions")?.value else { return XCTFail("no partner count") }
        XCTAssertEqual(v, 64); XCTAssertEqual(of, "countries and regions"); XCTAssertTrue(partners)
        let countIndex = try XCTUnwrap(r.mentions.firstIndex { $0.text == "64 countries and regions" })
        XCTAssertEqual(r.namedPartners[countIndex]?.map(\.value), ["United States", "South Africa"])
        guard case let .count(g, _, _, gof, gpartners)? = r.mention("7,000 types of goods")?.value else { return XCTFail("no goods count") }
        XCTAssertEqual(g, 7000); XCTAssertEqual(gof, "types of goods"); XCTAssertFalse(gpartners)
    }

    func testRecords() throws {
        let r = Fixtures.engine.process(Document(id: "seed", text: try seedText()))
        let m = r.mentions
        XCTAssertEqual(r.records.count, 2)
        let exports = try XCTUnwrap(r.records.first)
        XCTAssertEqual(exports.reporter?.value, "Jilin")
        XCTAssertEqual(exports.flow.value, "exports")
        XCTAssertEqual(exports.commodity?.value, "auto parts")
        XCTAssertEqual(exports.period.map { m[$0].text }, "the first nine months of 2024")
        XCTAssertEqual(m[exports.value].text, "$22.13 million")
        XCTAssertEqual(exports.change.flatMap { m[$0].signedChange }, Decimal(string: "87.4"))
        XCTAssertEqual(exports.partnerCount.map { m[$0].text }, "64 countries and regions")
        XCTAssertEqual(exports.namedPartners.map(\.value), ["United States", "South Africa"])
        XCTAssertEqual(exports.source?.value, "Changchun Customs")

        let imports = try XCTUnwrap(r.records.last)
        XCTAssertEqual(imports.reporter?.value, "Jilin")
        XCTAssertEqual(imports.flow.value, "imports")
        XCTAssertEqual(imports.commodity?.value, "auto parts")
        let p = try XCTUnwrap(imports.period.flatMap { m[$0].period })
        XCTAssertEqual("\(p.from.iso)..\(p.to.iso)", "2025-01-01..2025-09-30")
        XCTAssertEqual(m[imports.value].text, "$490 million")
        XCTAssertEqual(imports.change.flatMap { m[$0].signedChange }, Decimal(string: "-61.1"))
    }

    func testFindings() throws {
        let text = try seedText()
        let r = Fixtures.engine.process(Document(id: "seed", text: text))
        let doc = try XCTUnwrap(r.extraction?.document)
        let found = r.findings.map { f -> String in
            let loc = doc.location(of: f.span.start)
            return "\(f.check) \(f.severity.rawValue) \(loc.line):\(loc.column) \(doc.text(f.span))"
        }
        XCTAssertEqual(found, [
            "period-year-contradiction error 4:4 the first nine months of 2024",
            "yoy-base-year warning 4:287 2004",
            "stale-anchor warning 6:364 since October 2004",
        ])
        XCTAssertEqual(r.findings[0].related.count, 3, "headline, lede and dateline")
    }

    func testCorrectedTwinHasNoFindingsAndSameRecords() throws {
        let r = Fixtures.engine.process(Document(id: "twin", text: try correctedTwin(try seedText())))
        XCTAssertEqual(r.findings.map(\.message), [])
        XCTAssertEqual(r.records.count, 2)
        let p = try XCTUnwrap(r.records.first?.period.flatMap { r.mentions[$0].period })
        XCTAssertEqual("\(p.from.iso)..\(p.to.iso)", "2025-01-01..2025-09-30")
    }
}
