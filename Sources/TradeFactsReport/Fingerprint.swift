import TradeFactsText
import TradeFactsChecks
/// Stable identifiers for findings that survive edits elsewhere in the article: they hash the check,
/// the offending text and its sentence (white space folded), never line numbers or offsets.
public enum Fingerprint {
    /// 64-bit FNV-1a as 16 hex digits.
    public static func fnv1a(_ text: String) -> String {
        var h: UInt64 = 0xcbf29ce484222325
        for b in text.utf8 { h ^= UInt64(b); h = h &* 0x100000001b3 }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    package static func fold(_ s: String) -> String {
        s.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
    }

    /// The fingerprint of `finding` in `document`.
    public static func of(_ finding: Finding, in document: Document) -> String {
        let sentence = document.sentenceIndex(of: finding.span.start).map { document.text(document.sentences[$0].span) } ?? ""
        return fnv1a(finding.check + "\u{1F}" + fold(document.text(finding.span)) + "\u{1F}" + fold(sentence))
    }
}
