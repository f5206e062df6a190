import Foundation
import TradeFactsRules
import TradeFactsText
import TradeFactsReport
import TradeFacts

/// Sensitivity of the checks: seeded, typed edits a real editor could make, applied one at a time to
/// the consistent Corpus articles (those whose gold lists no finding), and how often some check fires.
package enum MutationEval {
    /// The kinds of edit.
    package enum Kind: String, CaseIterable, Sendable {
        case periodYear = "period-year"          // a year digit in a period flipped ("the first half of 2024" → 2025)
        case direction = "direction-word"        // "rose" ↔ "fell", "up" ↔ "down" in a change
        case figureDigit = "figure-digit"        // one digit of a money figure changed
        case scale = "million-billion"           // "million" ↔ "billion", "mln" ↔ "billion"
        case weekday = "weekday-name"            // a weekday name replaced by another
        case partnerCount = "count-below-named"  // a partner count set below the number of partners named
    }

    package struct KindResult: Sendable {
        package var mutants = 0
        package var detected = 0
        /// Check id → mutants it fired on.
        package var byCheck: [String: Int] = [:]
        /// Articles that offered no site for this kind.
        package var articlesWithoutSite = 0
        package init() {}
    }

    package struct Result: Sendable {
        package var articles: [String] = []
        /// Findings on the unmutated articles (must be zero).
        package var cleanFindings: [String] = []
        package var kinds: [Kind: KindResult] = [:]
        /// Up to a few undetected mutants per kind, for reading.
        package var undetected: [Kind: [String]] = [:]
    }

    /// SplitMix64: a tiny deterministic generator, so every run draws the same mutants.
    package struct Random {
        package var state: UInt64
        package init(state: UInt64) { self.state = state }
        package mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        package mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(1, n))) }
    }

    package struct Edit { package let span: Span; package let replacement: String; package let note: String }

    static let directionSwap: [String: String] = [
        "rose": "fell", "fell": "rose", "rise": "fall", "fall": "rise", "rising": "falling", "falling": "rising",
        "increased": "decreased", "decreased": "increased", "increase": "decrease", "decrease": "increase",
        "up": "down", "down": "up", "grew": "shrank", "gained": "lost", "climbed": "declined", "declined": "climbed",
        "jumped": "dropped", "dropped": "jumped", "surged": "plunged", "plunged": "surged", "growth": "decline",
        "drop": "rise", "widened": "narrowed", "narrowed": "widened", "higher": "lower", "lower": "higher",
    ]
    static let weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    /// Every site in `doc` where an edit of `kind` can be made, from the article's own mentions.
    static func sites(_ kind: Kind, _ result: DocumentResult) -> [Edit] {
        guard let e = result.extraction else { return [] }
        let doc = e.document
        var out: [Edit] = []
        func digitSites(_ text: String, base: Int, pattern: String) -> [(Int, Character)] {
            guard let r = text.range(of: pattern, options: .regularExpression) else { return [] }
            return text[r].enumerated().compactMap { i, c in c.isNumber ? (base + text.utf8.distance(from: text.startIndex, to: r.lowerBound) + i, c) : nil }
        }
        switch kind {
        case .periodYear:
            for m in e.mentions where m.period != nil && m.role == nil {
                guard let r = m.text.range(of: #"(?<![0-9])(19|20)[0-9]{2}(?![0-9])"#, options: .regularExpression) else { continue }
                let at = m.span.start + m.text.utf8.distance(from: m.text.startIndex, to: r.lowerBound) + 3
                let last = m.text[r].last!.wholeNumberValue!
                out.append(Edit(span: Span(at, at + 1), replacement: String((last + 1) % 10), note: "\(m.text[r]) → last digit \((last + 1) % 10)"))
            }
        case .direction:
            for m in e.mentions where m.type == .percent && m.direction != nil && m.direction != .flat {
                let words = m.text.split(separator: " ")
                for (wi, w) in words.enumerated() {
                    let lower = w.lowercased()
                    guard let to = directionSwap[lower] else { continue }
                    let offset = words.prefix(wi).reduce(0) { $0 + $1.utf8.count + 1 }
                    let rep = w.first!.isUppercase ? to.prefix(1).uppercased() + to.dropFirst() : to
                    // Only simple single-space texts keep offsets right.
                    guard doc.text(Span(m.span.start + offset, m.span.start + offset + w.utf8.count)) == String(w) else { break }
                    out.append(Edit(span: Span(m.span.start + offset, m.span.start + offset + w.utf8.count), replacement: rep, note: "\(w) → \(rep)"))
                    break
                }
            }
        case .figureDigit:
            for m in e.mentions where m.type == .money {
                for (at, c) in digitSites(m.text, base: m.span.start, pattern: #"[0-9][0-9,.]*"#) {
                    let d = c.wholeNumberValue!
                    let rep = String(d == 9 ? 8 : d + 1)
                    out.append(Edit(span: Span(at, at + 1), replacement: rep, note: "\(m.text): digit \(d) → \(rep)"))
                }
            }
        case .scale:
            let swaps = ["million": "billion", "billion": "million", "mln": "billion", "bln": "mln", "bn": "m"]
            for m in e.mentions where m.type == .money {
                for (word, rep) in swaps {
                    guard let r = m.text.range(of: #"(?<=[0-9 ])"# + word + #"(?![a-z])"#, options: .regularExpression) else { continue }
                    let at = m.span.start + m.text.utf8.distance(from: m.text.startIndex, to: r.lowerBound)
                    out.append(Edit(span: Span(at, at + word.utf8.count), replacement: rep, note: "\(m.text): \(word) → \(rep)"))
                    break
                }
            }
        case .weekday:
            let text = doc.text(Span(0, doc.bytes.count))
            var search = text.startIndex..<text.endIndex
            while let r = text.range(of: #"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"#, options: .regularExpression, range: search) {
                let at = text.utf8.distance(from: text.startIndex, to: r.lowerBound)
                let name = String(text[r])
                let rep = weekdays[(weekdays.firstIndex(of: name)! + 2) % 7]
                out.append(Edit(span: Span(at, at + name.utf8.count), replacement: rep, note: "\(name) → \(rep)"))
                search = r.upperBound..<text.endIndex
            }
        case .partnerCount:
            for (i, named) in result.namedPartners.sorted(by: { $0.key < $1.key }) where named.count >= 2 {
                let m = e.mentions[i]
                guard let r = m.text.range(of: #"[0-9]+|[a-z]+(?= )"#, options: .regularExpression) else { continue }
                let at = m.span.start + m.text.utf8.distance(from: m.text.startIndex, to: r.lowerBound)
                let rep = String(named.count - 1)
                out.append(Edit(span: Span(at, at + m.text[r].utf8.count), replacement: rep, note: "\(m.text) → \(rep) (\(named.count) named)"))
            }
        }
        return out
    }

    /// The Corpus articles whose gold lists no finding (the consistent ones), in name order, with
    /// their bytes and the gold's date. Shared with `eval slips`.
    package static func consistentArticles(directory: String) throws -> [(file: String, bytes: [UInt8], date: CalendarDate?)] {
        var out: [(file: String, bytes: [UInt8], date: CalendarDate?)] = []
        for file in try FileManager.default.contentsOfDirectory(atPath: directory).sorted() where file.hasSuffix(".txt") {
            let base = String(file.dropLast(4))
            guard let yaml = try? String(contentsOfFile: "\(directory)/\(base).expected.yaml", encoding: .utf8),
                  let expected = try YAMLNode.parse(yaml, file: "")?.plainValue as? [String: Any] else { continue }
            if let f = expected["findings"] as? [Any], !f.isEmpty { continue }
            let date = expected["date"].flatMap { CalendarDate(iso: "\($0)") }
            out.append((file, [UInt8](FileManager.default.contents(atPath: "\(directory)/\(file)") ?? Data()), date))
        }
        return out
    }

    /// Runs the evaluation: for every consistent article and every kind, up to `perArticle` sites drawn
    /// with the seeded generator, each edited alone.
    package static func run(directory: String, engine: Engine, seed: UInt64 = 1987, perArticle: Int = 3, keepUndetected: Int = 0) throws -> Result {
        var result = Result()
        var random = Random(state: seed)
        for (file, bytes, date) in try consistentArticles(directory: directory) {
            let clean = engine.process(Document(id: file, bytes: bytes, referenceDate: date))
            result.articles.append(file)
            result.cleanFindings += clean.findings.map { "\(file): \($0.check) \($0.message)" }
            for kind in Kind.allCases {
                var candidates = sites(kind, clean)
                var k = result.kinds[kind] ?? KindResult()
                if candidates.isEmpty { k.articlesWithoutSite += 1 }
                var chosen: [Edit] = []
                while chosen.count < perArticle && !candidates.isEmpty { chosen.append(candidates.remove(at: random.below(candidates.count))) }
                for edit in chosen {
                    var mutated = bytes
                    mutated.replaceSubrange(edit.span.start..<edit.span.end, with: Array(edit.replacement.utf8))
                    let r = engine.process(Document(id: file, bytes: mutated, referenceDate: date))
                    k.mutants += 1
                    let checks = Set(r.findings.map(\.check))
                    if !checks.isEmpty { k.detected += 1 } else if (result.undetected[kind]?.count ?? 0) < keepUndetected {
                        result.undetected[kind, default: []].append("\(file): \(edit.note)")
                    }
                    for c in checks { k.byCheck[c, default: 0] += 1 }
                }
                result.kinds[kind] = k
            }
        }
        return result
    }
}
