import Foundation
import TradeFactsRules

/// The values of number words, read from the lexicons in `Rules/lexicons/` so that each word and
/// its value is written once:
/// - `number-words`: "zero" … "nineteen" are units, "twenty" … "ninety" tens, "hundred" a scale of
///   100; the words listed under 12 besides "twelve" ("dozen", "dz") multiply by twelve;
/// - `scale-words`, `scale-abbreviations`, `scale-short`, `scale-suffixes`: scales ("million",
///   "mln", "bn", "m") with their multipliers.
///
/// ``Numbers`` reads the bundled lists once per process (``bundled``). A `--rules` folder can add
/// words for rules to find; their values come from the bundled lists.
package struct NumberWords: Sendable {
    package let units: [String: Int]
    package let tens: [String: Int]
    package let scales: [String: Decimal]
    package let dozens: Set<String>

    /// The lexicons that hold number and scale words.
    package static let lexiconNames: Set<String> = ["number-words", "scale-words", "scale-abbreviations", "scale-short", "scale-suffixes"]

    package init(lexicons: [String: Lexicon]) {
        var units: [String: Int] = ["a": 1, "an": 1]  // "a million", "an eighth": the article counts one
        var tens: [String: Int] = [:], scales: [String: Decimal] = [:], dozens = Set<String>()
        for (phrase, value) in lexicons["number-words"]?.entries ?? [:] {
            guard let v = Int(value) else { continue }
            switch v {
            case 12 where phrase != "twelve": dozens.insert(phrase)
            case 0..<20: units[phrase] = v
            case 20..<100 where v % 10 == 0: tens[phrase] = v
            default: if phrase == "hundred" { scales[phrase] = Decimal(v) }
            }
        }
        for name in ["scale-words", "scale-abbreviations", "scale-short", "scale-suffixes"] {
            for (phrase, value) in lexicons[name]?.entries ?? [:] {
                if let v = Decimal(string: value) { scales[phrase] = v }
            }
        }
        self.units = units; self.tens = tens; self.scales = scales; self.dozens = dozens
    }

    /// The lists compiled into the binary from `Rules/lexicons/`.
    package static let bundled: NumberWords = {
        do { return NumberWords(lexicons: try RuleSet.embeddedLexicons(lexiconNames)) }
        catch { fatalError("the bundled number-word lexicons do not load: \(error)") }
    }()
}
