import XCTest
@testable import TradeFacts
import TradeFactsEval
import PCRE2Kit

/// Rules run only where their triggers occur; that must never change what is extracted.
final class PrefilterTests: XCTestCase {
    func testPrefilterChangesNoMentionInTheCorpusOrTheRuleExamples() throws {
        let dir = Fixtures.packageRoot.appendingPathComponent("Corpus").path
        var documents = try CorpusRunner.documents(in: dir)
        for rule in Fixtures.engine.ruleSet.rules {
            for (i, e) in rule.examples.enumerated() {
                documents.append(Document(id: "\(rule.id) example \(i + 1)", text: e.text, referenceDate: e.referenceDate ?? CalendarDate(iso: "2025-10-03")))
            }
        }
        let r = try PrefilterEval.compare(documents, ruleSet: Fixtures.engine.ruleSet)
        XCTAssertGreaterThan(r.mentions, 500)
        for d in r.differences { XCTFail("\(d.document): \(d.detail)") }
    }

    func testRulesRunOnlyInTheSentencesOfTheirTrigger() throws {
        let set = try RuleSet(sources: [[RuleSet.RuleSource(path: "t.yaml", text: """
            type: count
            trigger: 'ships?'
            rules:
              - id: test.count
                pattern: '(?<n>[0-9]+) (?<of>[a-z]+)'
                fields: { value: n, of: of }
                examples:
                  - text: "5 ships"
                    expect: { value: "5" }
              - id: test.count-everywhere
                trigger: none
                pattern: '(?<n>[0-9]+)(?<of>x)'
                fields: { value: n, of: of }
                examples:
                  - text: "5x"
                    expect: { value: "5" }
            """)]])
        XCTAssertEqual(set.triggerPatterns.count, 1)
        XCTAssertEqual(set.ruleTriggers.map { $0 != nil }, [true, false])
        let text = "It sent 5 ships. It kept 7 boats and 3x. Then 9 cars left."
        let filtered = try Extractor(ruleSet: set).extract(Document(id: "t", text: text)).mentions.map(\.text)
        let full = try Extractor(ruleSet: set, prefilter: false).extract(Document(id: "t", text: text)).mentions.map(\.text)
        // Without a trigger in their sentences, "7 boats" and "9 cars" are not looked for: the
        // trigger here is deliberately narrower than the rule, to show where the rule runs.
        XCTAssertEqual(filtered, ["5 ships", "3x"])
        XCTAssertEqual(full, ["5 ships", "7 boats", "3x", "9 cars"])
    }

    func testATriggerThatDoesNotCompileIsALocatedError() {
        do {
            _ = try RuleSet(sources: [[RuleSet.RuleSource(path: "bad.yaml", text: """
                type: count
                rules:
                  - id: test.count
                    trigger: '(ships'
                    pattern: '(?<n>[0-9]+) ships'
                    fields: { value: n }
                """)]])
            XCTFail("a broken trigger loaded")
        } catch let e as RuleError {
            XCTAssertEqual(e.file, "bad.yaml")
            XCTAssertEqual(e.line, 4)
            XCTAssertTrue(e.message.contains("trigger"), e.description)
        } catch { XCTFail("\(error)") }
    }
}

/// Lexicon alternations are factored into a trie; they must match exactly what the flat,
/// longest-first list matches.
final class LexiconTrieTests: XCTestCase {
    func lexicon(_ phrases: [String]) -> Lexicon {
        var l = Lexicon(name: "t")
        for p in phrases { l.add(p, value: p) }
        return l
    }

    func testTrieMatchesLikeTheFlatList() throws {
        let l = lexicon(["rose", "rise", "risen", "per cent", "percent", "percentage points", "percentage", "pct", "US$", "U.S. $", "$"])
        XCTAssertTrue(l.alternation.contains("r(?:ose|ise(?:n)?)"), l.alternation)
        let trie = try Pattern("(?<![a-z])" + l.alternation + "(?![a-z])", options: 0x8)
        let flat = try Pattern("(?<![a-z])" + l.flatAlternation + "(?![a-z])", options: 0x8)
        let text = "Sales rose; prices risen; a rise of 5 per  cent, 3 Percentage Points, 2 percentage, 4 pct, US$5, U.S. $6, $7 risengrind"
        XCTAssertEqual(try trie.allMatches(in: text).map { $0[0] }, try flat.allMatches(in: text).map { $0[0] })
        XCTAssertEqual(try trie.allMatches(in: text).count, 10)
    }

    func testPhrasesDifferingOnlyInCaseKeepTheFlatListUnlessCaseless() throws {
        let l = lexicon(["Rs", "rsx", "Can$", "CA$", "C$"])
        XCTAssertEqual(l.alternation, l.flatAlternation)
        XCTAssertNotEqual(l.alternation(caseless: true), l.flatAlternation)
        let trie = try Pattern(l.alternation(caseless: true), options: 0x8)
        let flat = try Pattern(l.flatAlternation, options: 0x8)
        let text = "RSX rs CAN$5 ca$6 c$7 Rsx"
        XCTAssertEqual(try trie.allMatches(in: text).map { $0[0] }, try flat.allMatches(in: text).map { $0[0] })
    }
}

/// The one-pass scanner must mark every sentence in which a trigger's PCRE2 pattern finds a hit.
final class TriggerScannerTests: XCTestCase {
    func testEveryBuiltInTriggerIsLiteral() {
        let set = Fixtures.engine.ruleSet
        XCTAssertFalse(set.triggerLiterals.isEmpty)
        // The one-pass scanner keeps a bit per trigger in 64: triggers past that are searched one
        // by one with PCRE2 (ten more in this session's rules tripled the prefilter's time).
        XCTAssertLessThanOrEqual(set.triggerLiterals.count, 64, "distinct triggers; rules can share one")
        for (t, literal) in set.triggerLiterals.enumerated() {
            XCTAssertNotNil(literal, "trigger \(set.triggerPatterns[t].source.prefix(80)) is searched with PCRE2")
        }
    }

    func testScannerMarksEverySentenceThePatternDoes() throws {
        let set = Fixtures.engine.ruleSet
        let scanner = TriggerScanner(literals: set.triggerLiterals)
        let dir = Fixtures.packageRoot.appendingPathComponent("Corpus").path
        var documents = try CorpusRunner.documents(in: dir)
        documents.append(Document(id: "wrapped", text: "Exports to 64 countries and\nregions rose. Sales in Jan.\n5 were\tUS$  5 mln. Nothing here.\nYEAR-END 1.5 BILLION DLRS"))
        for d in documents {
            d.bytes.withUnsafeBufferPointer { buffer in
                let masks = scanner.sentenceMasks(buffer, sentences: d.sentences)
                for (k, t) in scanner.triggers.enumerated() {
                    let spans = d.matchSpans(of: set.triggerPatterns[t], in: Span(0, d.bytes.count))
                    for hit in spans {
                        guard let s = d.sentenceIndex(of: hit.start) else { continue }
                        XCTAssertNotEqual(masks[s] & (1 << UInt64(k)), 0, "\(d.id): trigger \(t) hit \"\(d.text(hit))\" in sentence \(s) not marked")
                    }
                }
            }
        }
    }

    func testLiteralParsing() {
        var lexicons: [String: Lexicon] = [:]
        var l = Lexicon(name: "units"); l.add("per cent", value: "percent"); l.add("%", value: "percent")
        lexicons["units"] = l
        let defs = ["d": "[0-9]|{{lexicon:units}}", "bad": "(?<!a)b"]
        XCTAssertEqual(LiteralTrigger.parse("{{d}}|these\\s+days|Ago", definitions: defs, lexicons: lexicons),
                       LiteralTrigger(phrases: ["per cent", "%", "these days", "ago"], digits: true))
        XCTAssertNil(LiteralTrigger.parse("{{bad}}", definitions: defs, lexicons: lexicons))
        XCTAssertNil(LiteralTrigger.parse("ships?", definitions: defs, lexicons: lexicons))
        XCTAssertNil(LiteralTrigger.parse("{{lexicon:missing}}", definitions: defs, lexicons: lexicons))
        // Symbols, and phrases that count only where no letter precedes them.
        XCTAssertEqual(LiteralTrigger.parse("(?<![A-Za-z]){{lexicon:units}}|\\$|€|Rs", definitions: defs, lexicons: lexicons),
                       LiteralTrigger(phrases: ["$", "€", "rs"], boundedPhrases: ["per cent", "%"]))
        XCTAssertNil(LiteralTrigger.parse("(?<![A-Za-z]){{d}}", definitions: defs, lexicons: lexicons), "digits cannot be bounded")
        XCTAssertNil(LiteralTrigger.parse("\\", definitions: defs, lexicons: lexicons))
        XCTAssertNil(LiteralTrigger.parse("\\d", definitions: defs, lexicons: lexicons))
    }

    /// The sentences of `text` the scanner marks for `literal`, asserted to be those in which
    /// `pattern` (the trigger as PCRE2 reads it) finds a hit.
    private func sentencesMarked(by literal: LiteralTrigger, as pattern: String, in text: String,
                                 file: StaticString = #filePath, line: UInt = #line) throws -> [Bool] {
        let scanner = TriggerScanner(literals: [literal])
        let compiled = try Pattern(pattern)
        let d = Document(id: "t", text: text)
        let marked = d.bytes.withUnsafeBufferPointer { scanner.sentenceMasks($0, sentences: d.sentences) }.map { $0 != 0 }
        XCTAssertEqual(marked, d.sentences.map { !d.matchSpans(of: compiled, in: $0.span).isEmpty }, file: file, line: line)
        return marked
    }

    /// A bounded phrase fires only where no ASCII letter precedes it, as the PCRE2 lookbehind does.
    func testBoundedPhrasesNeedNoLetterBefore() throws {
        var symbols = Lexicon(name: "symbols"); symbols.add("Rs", value: "INR"); symbols.add("US $", value: "USD")
        let literal = try XCTUnwrap(LiteralTrigger.parse("(?<![A-Za-z]){{lexicon:symbols}}|dlrs", definitions: [:], lexicons: ["symbols": symbols]))
        let marked = try sentencesMarked(by: literal, as: "(?i)(?<![A-Za-z])(?:Rs|US\\s+\\$)|dlrs",
                                         in: "Avg shrs 51.7 mln. Rs 450 crore. 5 dlrs. Over the years 5. Paid (rs. 5). cost US  $5. BUS $5.\nRS 4.")
        XCTAssertEqual(marked, [false, true, true, false, true, true, false, true])
    }

    /// A whole-word phrase fires only where no ASCII letter stands before or after it, as the
    /// PCRE2 lookbehind and lookahead do.
    func testWholeWordPhrasesNeedNoLetterOnEitherSide() throws {
        var units = Lexicon(name: "units"); units.add("sen", value: "100"); units.add("cts", value: "100")
        let literal = try XCTUnwrap(LiteralTrigger.parse("(?<![A-Za-z]){{lexicon:units}}(?![A-Za-z])|dlrs", definitions: [:], lexicons: ["units": units]))
        XCTAssertEqual(literal, LiteralTrigger(phrases: ["dlrs"], wordPhrases: ["sen", "cts"]))
        let marked = try sentencesMarked(by: literal, as: "(?i)(?<![A-Za-z])(?:sen|cts)(?![A-Za-z])|dlrs",
                                         in: "The Senate met. Paid 20 sen today. Present and absent. Shr 12 cts vs 10 cts. 5 dlrs. Sent 4 ctsx. Bought 5 SEN")
        XCTAssertEqual(marked, [false, true, false, true, true, false, true])
    }

    /// A phrase with a non-ASCII letter that has case is found in each of its cases, as PCRE2's
    /// caseless match finds it, so that such a lexicon keeps its trigger literal.
    func testNonASCIILettersWithCaseAreFoundInEachCase() throws {
        var signs = Lexicon(name: "signs"); signs.add("Ł", value: "LTC"); signs.add("zł", value: "PLN")
        let literal = try XCTUnwrap(LiteralTrigger.parse("(?<![A-Za-z]){{lexicon:signs}}", definitions: [:], lexicons: ["signs": signs]))
        XCTAssertEqual(Set(literal.boundedPhrases), ["ł", "Ł", "zł", "zŁ"])
        XCTAssertEqual(Set(try XCTUnwrap(LiteralTrigger.normalized("Σ"))), ["σ", "Σ", "ς"])
        XCTAssertNil(LiteralTrigger.normalized("ĄĘĆŁŃ"), "more than 16 spellings")
        let marked = try sentencesMarked(by: literal, as: "(?i)(?<![A-Za-z])(?:Ł|zł)",
                                         in: "Fees of Ł0.25 rose. Fees of ł0.25 rose. ZŁ 5 paid. Nothing here. A bł 5.")
        XCTAssertEqual(marked, [true, true, true, false, false])
    }
}

/// `rules profile` splits processing time into stages; each stage the pipeline runs is timed.
final class StageProfilerTests: XCTestCase {
    func testEveryStageOfTheEngineIsTimedWhenProfiling() throws {
        let text = "Trade grew 12.5% in the first nine months of 2024, to $22.13 million, the ministry said on Oct. 3, 2024.\n"
        StageProfiler.reset()
        StageProfiler.enabled = true
        let result = Fixtures.engine.process(Article(id: "t", bytes: Array(text.utf8)), referenceDate: CalendarDate(iso: "2024-10-05"))
        StageProfiler.enabled = false
        XCTAssertFalse(result.mentions.isEmpty)
        let times = StageProfiler.nanoseconds
        for stage in [Stage.document, .suppressions, .triggers, .rules, .overlaps, .qualifiers, .normalize, .calendar, .currencies, .records, .checks] {
            XCTAssertGreaterThan(times[stage] ?? 0, 0, "\(stage) not timed")
        }
        // Off, nothing is added.
        StageProfiler.reset()
        _ = Fixtures.process(text)
        XCTAssertEqual(StageProfiler.nanoseconds.values.reduce(0, +), 0)
    }
}
