import Foundation
import XCTest
import PCRE2Kit
@testable import TradeFacts
import TradeFactsEval

/// Each word list lives once in `Rules/`: these tests pin what the code reads from there.
final class VocabularyTests: XCTestCase {
    /// Number and scale words take their values from the lexicons, as the hard-coded tables did.
    func testNumberWordValuesComeFromTheLexicons() {
        let w = NumberWords.bundled
        XCTAssertEqual(w.units["zero"], 0); XCTAssertEqual(w.units["nought"], 0); XCTAssertEqual(w.units["nineteen"], 19)
        XCTAssertEqual(w.units["a"], 1); XCTAssertEqual(w.units["an"], 1)
        XCTAssertEqual(w.units.count, 24, "zero … nineteen, nought, naught, a, an")
        XCTAssertEqual(w.tens, ["twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90])
        XCTAssertEqual(w.dozens, ["dozen", "dozens", "dz", "dzs", "doz", "dozs"])
        let scales: [String: Decimal] = [
            "hundred": 100, "thousand": 1_000, "k": 1_000, "lakh": 100_000, "crore": 10_000_000, "lakhs": 100_000, "crores": 10_000_000,
            "million": 1_000_000, "mln": 1_000_000, "mn": 1_000_000, "mm": 1_000_000, "mil": 1_000_000, "m": 1_000_000,
            "billion": 1_000_000_000, "bln": 1_000_000_000, "bn": 1_000_000_000, "b": 1_000_000_000,
            "trillion": 1_000_000_000_000, "lakh crore": 1_000_000_000_000, "lakh crores": 1_000_000_000_000, "tln": 1_000_000_000_000, "trn": 1_000_000_000_000, "tn": 1_000_000_000_000, "tr": 1_000_000_000_000, "tril": 1_000_000_000_000, "bil": 1_000_000_000,
        ]
        // And "million" and "billion" mistyped: one letter dropped, doubled or swapped with the next.
        func typos(_ word: String) -> Set<String> {
            let c = Array(word)
            var out = Set<String>()
            for i in c.indices {
                var d = c; d.remove(at: i); out.insert(String(d))
                var t = c; t.insert(c[i], at: i); out.insert(String(t))
                if i + 1 < c.count { var s = c; s.swapAt(i, i + 1); out.insert(String(s)) }
            }
            out.remove(word); out.remove("illion")
            return out.filter { $0.count >= 6 }
        }
        var expected = scales
        for t in typos("million") { expected[t] = 1_000_000 }
        for t in typos("billion") { expected[t] = 1_000_000_000 }
        XCTAssertEqual(w.scales, expected)
        XCTAssertEqual(Numbers.parse("two and a half crore"), 25_000_000)
        XCTAssertEqual(Numbers.scale(" mln"), 1_000_000)
    }

    /// Every scale word the scale pattern finds has a value, and the other way round.
    func testEveryScaleWordTheRulesFindHasAValue() throws {
        let ruleSet = Fixtures.engine.ruleSet
        let scale = try ruleSet.compile(#"\A[0-9]+(?<s>{{scale}})\z"#)
        for (word, value) in NumberWords.bundled.scales where word != "hundred" {
            let found = ["5\(word)", "5 \(word)"].contains { text in
                Array(text.utf8).withUnsafeBufferPointer { b in (try? scale.firstMatch(in: b, scratch: MatchScratch.forCurrentThread)) != nil }
            }
            XCTAssertTrue(found, "the scale definition does not find '\(word)' after a figure")
            XCTAssertGreaterThan(value, 1)
        }
    }

    /// A check's cues are declared in its description, compile with the rule set, and name only
    /// lexicons that exist.
    func testEveryCheckCueCompiles() throws {
        let ruleSet = Fixtures.engine.ruleSet
        for check in CheckCatalogue.all {
            for (name, source) in check.description.cues {
                XCTAssertNoThrow(try ruleSet.compile(source), "\(check.description.id) cue \(name)")
            }
        }
        XCTAssertNotNil(ruleSet.lexicons["comparison-cues"])
        XCTAssertNotNil(ruleSet.lexicons["multiples"]?.lookup("trebled"))
    }

    /// The text between two listed partners joins them only with commas, "and", "or" and the word
    /// "the"; "the" inside a word is not removed ("other" is not "or").
    func testListJoiner() {
        let gaps: [(String, Bool)] = [(", ", true), (" and the ", true), (", the ", true), (" or ", true),
                                      (" other ", false), (" and other ", false), (" while ", false)]
        for (gap, joins) in gaps { XCTAssertEqual(RecordAssembler.isListJoiner(gap), joins, "'\(gap)'") }
    }

    /// "including the United States and other Asian markets" names one partner, not two.
    func testNamedPartnersStopAtOther() {
        let text = "Jilin exported auto parts worth $22.13 million to 64 countries and regions, including Russia, other Asian markets and Japan."
        let r = Fixtures.engine.process(Document(id: "t", text: text, referenceDate: CalendarDate(iso: "2025-10-03")))
        let named = r.namedPartners.values.flatMap { $0.map(\.value) }
        XCTAssertEqual(named, ["Russia"])
    }

    /// Helper patterns may be compiled from a shared rule set on many threads at once.
    func testConcurrentCompileFromOneRuleSet() throws {
        let ruleSet = try RuleSet.embedded()
        let sources = ["{{lexicon:flows}}", "{{lexicon:places}}", "{{lexicon:commodities}}", "{{record-comparison-cue}}"]
        final class Results: @unchecked Sendable {
            let lock = NSLock()
            var byIndex: [Int: String] = [:]
        }
        let results = Results()
        DispatchQueue.concurrentPerform(iterations: 64) { i in
            let expanded = (try? ruleSet.expand(sources[i % sources.count])) ?? "failed"
            results.lock.withLock { results.byIndex[i] = expanded }
        }
        for i in 0..<64 { XCTAssertEqual(results.byIndex[i], try ruleSet.expand(sources[i % sources.count])) }
    }

    /// Data files (the Corpus's expected results) read plain scalars as YAML's core schema does.
    func testPlainScalarsResolve() throws {
        let node = try XCTUnwrap(YAMLNode.parse("a: 12\nb: '12'\nc: 1.5\nd: true\ne: ~\nf: 2025-10-03\ng: [x, 3]\n", file: "t.yaml"))
        let d = try XCTUnwrap(node.plainValue as? [String: Any])
        XCTAssertEqual(d["a"] as? Int, 12)
        XCTAssertEqual(d["b"] as? String, "12")
        XCTAssertEqual(d["c"] as? Double, 1.5)
        XCTAssertEqual(d["d"] as? Bool, true)
        XCTAssertTrue(d["e"] is NSNull)
        XCTAssertEqual(d["f"] as? String, "2025-10-03")
        XCTAssertEqual((d["g"] as? [Any])?.count, 2)
    }

    /// docs/rules.md's table lists every field each mention type accepts, no more and no fewer
    /// (it had fallen behind: `ofTheYear`, `fiscal` and `monthPart` were accepted but not listed).
    func testRulesDocListsEveryAllowedField() throws {
        let doc = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent("docs/rules.md"), encoding: .utf8)
        for type in MentionType.allCases {
            let name = type == .date || type == .period ? "date, period" : type.rawValue
            guard let row = doc.split(separator: "\n").first(where: { $0.hasPrefix("| \(name) | `") }) else {
                XCTFail("no row for \(name) in docs/rules.md"); continue
            }
            let listed = Set(row.split(separator: "`")[1].split(separator: " ").map(String.init))
            XCTAssertEqual(listed, type.allowedFields, "docs/rules.md, \(name)")
        }
    }
}
