import TradeFactsRules
import TradeFactsText

/// Finds every literal trigger in one pass over a document: an Aho–Corasick automaton over the
/// bytes of all their phrases (ASCII letters folded, runs of white space read as one space), with a
/// bit per trigger. It reports, for each sentence, the triggers that occur in it; a phrase that
/// begins in one sentence and ends in the next counts for both.
package final class TriggerScanner: @unchecked Sendable {
    /// Triggers found here, by their index among the rule set's triggers (at most 64).
    package let triggers: [Int]
    /// state × ``columns`` + a byte's column → state.
    private let delta: [Int32]
    /// A (folded) byte → its column in ``delta``: one per byte that occurs in a phrase, and column 0
    /// for every other byte, which leads back to the root from any state. Rows of a few dozen
    /// columns rather than 256 keep the table small enough to stay in cache.
    private let column: [UInt8]
    private let columns: Int
    private let output: [UInt64]      // state → triggers whose phrase ends here (failure links folded in)
    private let depth: [Int32]        // state → length of the longest phrase ending here
    /// state → the bounded phrases ending here (failure links folded in): trigger bit, length in
    /// scanned bytes, and whether it is a whole word; each counts only where no ASCII letter precedes
    /// it, and a whole word only where none follows it either.
    private let bounded: [[(mask: UInt64, length: Int, word: Bool)]]
    /// state → whether ``bounded`` has any phrase for it (read on every byte: a flat array).
    private let hasBounded: [Bool]
    private let digitMask: UInt64

    /// `literals[i]` is trigger `i`'s literal form, or nil when it is not literal.
    package init(literals: [LiteralTrigger?]) {
        var goto: [[Int32]] = [Array(repeating: -1, count: 256)]
        var out: [UInt64] = [0]
        var dep: [Int32] = [0]
        var ends: [[(mask: UInt64, length: Int, word: Bool)]] = [[]]
        var used: [Int] = []
        var digits: UInt64 = 0
        for (t, literal) in literals.enumerated() {
            guard let literal, used.count < 64 else { continue }
            let bit = UInt64(1) << UInt64(used.count)
            used.append(t)
            if literal.digits { digits |= bit }
            let all = literal.phrases.map { ($0, false, false) } + literal.boundedPhrases.map { ($0, true, false) } + literal.wordPhrases.map { ($0, true, true) }
            for (phrase, isBounded, isWord) in all {
                var s = 0
                for b in phrase.utf8 {
                    if goto[s][Int(b)] < 0 {
                        goto.append(Array(repeating: -1, count: 256)); out.append(0); dep.append(dep[s] + 1); ends.append([])
                        goto[s][Int(b)] = Int32(goto.count - 1)
                    }
                    s = Int(goto[s][Int(b)])
                }
                if isBounded { ends[s].append((bit, phrase.utf8.count, isWord)) } else { out[s] |= bit }
            }
        }
        // Columns: one per byte some phrase has (phrases are lower case), column 0 for the rest.
        var byteColumn = [UInt8](repeating: 0, count: 256)
        var columnByte: [Int] = [-1]  // a column's byte; none for column 0
        for b in 0..<256 where goto.contains(where: { $0[b] >= 0 }) {
            byteColumn[b] = UInt8(columnByte.count)
            columnByte.append(b)
        }
        let width = columnByte.count
        func gotoOn(_ s: Int, _ c: Int) -> Int32 { c == 0 ? -1 : goto[s][columnByte[c]] }
        // Breadth first: failure links, outputs folded along them, and the full transition table.
        var fail = Array(repeating: 0, count: goto.count)
        var table = Array(repeating: Int32(0), count: goto.count * width)
        var queue: [Int] = []
        for c in 0..<width {
            let next = gotoOn(0, c)
            if next > 0 { queue.append(Int(next)); table[c] = next } else { table[c] = 0 }
        }
        var head = 0
        while head < queue.count {
            let s = queue[head]; head += 1
            out[s] |= out[fail[s]]
            ends[s] += ends[fail[s]]
            for c in 0..<width {
                let next = gotoOn(s, c)
                if next >= 0 {
                    fail[Int(next)] = Int(table[fail[s] * width + c])
                    table[s * width + c] = next
                    queue.append(Int(next))
                } else {
                    table[s * width + c] = table[fail[s] * width + c]
                }
            }
        }
        triggers = used
        delta = table
        // Upper-case ASCII letters read as lower case.
        for b in 0x41...0x5A { byteColumn[b] = byteColumn[b | 0x20] }
        column = byteColumn
        columns = width
        output = out
        depth = dep
        bounded = ends
        hasBounded = ends.map { !$0.isEmpty }
        digitMask = digits
    }

    package static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0B || b == 0x0C }
    package static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }

    /// Where a phrase of `length` scanned bytes that ends at byte `end` begins in the text (a run of
    /// white space in the text is one scanned byte).
    package static func start(ofPhraseEndingAt end: Int, length: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var j = end, k = length - 1
        while k > 0 && j > 0 {
            j -= 1
            if isSpace(bytes[j]) { while j > 0 && isSpace(bytes[j - 1]) { j -= 1 } }
            k -= 1
        }
        return j
    }

    /// For each sentence, a bit per trigger (bit k is `triggers[k]`) that occurs in it.
    package func sentenceMasks(_ bytes: UnsafeBufferPointer<UInt8>, sentences: [Sentence]) -> [UInt64] {
        var masks = [UInt64](repeating: 0, count: sentences.count)
        guard !sentences.isEmpty, !triggers.isEmpty else { return masks }
        var state = 0
        var previousSpace = true
        var s = 0
        let width = columns
        delta.withUnsafeBufferPointer { delta in
            output.withUnsafeBufferPointer { output in
            column.withUnsafeBufferPointer { column in
              hasBounded.withUnsafeBufferPointer { hasBounded in
                for i in 0..<bytes.count {
                    var b = bytes[i]
                    if TriggerScanner.isSpace(b) {
                        if previousSpace { continue }
                        previousSpace = true
                        b = 0x20
                    } else {
                        previousSpace = false
                    }
                    state = Int(delta[state &* width &+ Int(column[Int(b)])])
                    var m = output[state]
                    if b >= 0x30 && b <= 0x39 { m |= digitMask }
                    if hasBounded[state] {
                        for phrase in bounded[state] where m & phrase.mask == 0 {
                            let start = TriggerScanner.start(ofPhraseEndingAt: i, length: phrase.length, in: bytes)
                            guard start == 0 || !TriggerScanner.isLetter(bytes[start - 1]) else { continue }
                            if !phrase.word || i + 1 == bytes.count || !TriggerScanner.isLetter(bytes[i + 1]) { m |= phrase.mask }
                        }
                    }
                    guard m != 0 else { continue }
                    while s < sentences.count && sentences[s].span.end <= i { s += 1 }
                    guard s < sentences.count, sentences[s].span.start <= i else { continue }
                    masks[s] |= m
                    // A phrase that began before this sentence counts for the one it began in too.
                    let d = Int(depth[state])
                    if s > 0, d > 1, i - (d - 1) < sentences[s].span.start + 64 {
                        let j = TriggerScanner.start(ofPhraseEndingAt: i, length: d, in: bytes)
                        var p = s
                        while p > 0 && sentences[p].span.start > j { p -= 1; masks[p] |= m }
                    }
                }
              }
            }
            }
        }
        return masks
    }
}
