import Foundation
import TradeFactsRules
import TradeFactsText
import TradeFacts

/// The currency table: every form of every currency the lexicons list, each written in a sentence
/// as a reader would meet it, and whether the engine reads the amount and the currency right.
///
/// The forms come from the same lexicons the engine reads (generated from the ISO 4217 list by
/// `scripts/gen-currency-lexicons`, plus the hand-written symbols and words): a code before the
/// amount with and without a space ("KRW 89.4 trillion", "KRW89.4 trillion") and after it ("89.4
/// trillion KRW"); a name or plural after the amount ("5.2 billion Kuwaiti dinars"); a symbol or
/// local abbreviation before it ("Dh5.2 billion"). The ISO code is the answer. Names a place
/// decides (ambiguous-currencies: "dinars", "pesos") are written in a story from their place.
package enum CurrencyTableEval {
    package struct Row: Sendable {
        package let form: String
        package var total = 0
        package var right = 0
        package var misses: [String] = []
    }

    package static func run(ruleSet: RuleSet, engine: Engine) -> [Row] {
        let amount = Decimal(string: "5200000000")!
        // The table's story is dated 2025: a shared name's customary reading the euro ended ("lira")
        // is today's currency of that name.
        let afterEuro = ruleSet.lexicons["customary-after-euro"], shared = ruleSet.lexicons["ambiguous-currencies"]
        func check(_ sentence: String, _ expected: String, into row: inout Row) {
            row.total += 1
            let text = "Trade report\nMarch 3, 2025 -- " + sentence + "\n"
            let r = engine.process(Document(id: "t", text: text))
            let money = (r.extraction?.mentions ?? []).filter { $0.type == .money && !$0.latent }
            if money.count == 1, money[0].currency == expected, money[0].numericValue == amount {
                row.right += 1
            } else {
                let got = money.map { "\($0.text) = \($0.numericValue.map { "\($0)" } ?? "?") \($0.currency ?? "none")" }.joined(separator: "; ")
                row.misses.append("\(sentence) → want \(expected), got \(got.isEmpty ? "nothing" : got)")
            }
        }
        var codeBefore = Row(form: "ISO code before the amount (\"KRW 5.2 billion\")")
        var codeJoined = Row(form: "ISO code joined to the amount (\"KRW5.2 billion\")")
        var codeAfter = Row(form: "ISO code after the amount (\"5.2 billion KRW\")")
        for (phrase, code) in entries(ruleSet, "currency-iso-codes") {
            check("Exports were worth \(phrase) 5.2 billion last year.", code, into: &codeBefore)
            check("Exports were worth \(phrase)5.2 billion last year.", code, into: &codeJoined)
            check("Exports were worth 5.2 billion \(phrase) last year.", code, into: &codeAfter)
        }
        var names = Row(form: "ISO name or plural after the amount (\"5.2 billion Kuwaiti dinars\")")
        // A name the hand-written lexicons also list is read by them (they come first), and tested there.
        let earlier = ["currency-symbols", "currency-abbreviations", "currency-words"].compactMap { ruleSet.lexicons[$0] }
        for (phrase, code) in entries(ruleSet, "currency-codes") where !earlier.contains(where: { $0.lookup(phrase) != nil }) {
            check("Exports were worth 5.2 billion \(phrase) last year.", code, into: &names)
        }
        var words = Row(form: "customary word after the amount (\"5.2 billion yuan\")")
        for (phrase, code) in entries(ruleSet, "currency-words") where !isMinorUnit(phrase, ruleSet) {
            let expected = shared?.lookup(phrase) != nil ? afterEuro?.lookup(code) ?? code : code
            check("Exports were worth 5.2 billion \(phrase) last year.", expected, into: &words)
        }
        var symbols = Row(form: "symbol or abbreviation before the amount (\"Dh5.2 billion\")")
        for (phrase, code) in entries(ruleSet, "currency-symbols") + entries(ruleSet, "currency-abbreviations") where !isMinorUnit(phrase, ruleSet) {
            let sentence = (phrase.last?.isLetter == true || phrase.last == ".") && phrase.count > 1 ? "Exports were worth \(phrase) 5.2 billion last year."
                : "Exports were worth \(phrase)5.2 billion last year."
            check(sentence, code, into: &symbols)
        }
        var local = Row(form: "shared name in a story from its place (\"KUWAIT ... 5.2 billion dinars\")")
        if ruleSet.lexicons["local-currencies"] != nil, ruleSet.lexicons["ambiguous-currencies"] != nil {
            // The first place phrase of each "family CODE" key, and the first word of each family.
            var placeOf: [String: String] = [:], wordOf: [String: String] = [:]
            for (phrase, key) in entries(ruleSet, "local-currencies") where placeOf[key] == nil { placeOf[key] = phrase }
            for (phrase, family) in entries(ruleSet, "ambiguous-currencies") where wordOf[family] == nil || phrase.hasSuffix("s") { wordOf[family] = phrase }
            for (key, place) in placeOf.sorted(by: { $0.key < $1.key }) {
                let parts = key.split(separator: " ")
                guard parts.count == 2, let word = wordOf[String(parts[0])] else { continue }
                check("\(place.uppercased()), March 3 - Exports were worth 5.2 billion \(word) last year.", String(parts[1]), into: &local)
            }
        }
        return [codeBefore, codeJoined, codeAfter, names, words, symbols, local]
    }

    /// Every (phrase, key) of a lexicon, by key then phrase.
    static func entries(_ ruleSet: RuleSet, _ name: String) -> [(String, String)] {
        guard let l = ruleSet.lexicons[name] else { return [] }
        return l.phrases.compactMap { p in l.lookup(p).map { (p, $0) } }.sorted { ($0.1, $0.0) < ($1.1, $1.0) }
    }

    static func isMinorUnit(_ phrase: String, _ ruleSet: RuleSet) -> Bool {
        ruleSet.lexicons["minor-currency-units"]?.lookup(phrase) != nil
    }
}
