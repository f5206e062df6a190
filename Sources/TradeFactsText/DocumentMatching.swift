import PCRE2Kit

extension Document {
    /// The spans (absolute byte offsets) of matches of `pattern` inside `span`: of the whole match,
    /// or of the named `group` when given (matches where it did not take part are skipped).
    /// Stops after `limit` spans. Uses the current thread's match scratch; match-limit errors end the search.
    public func matchSpans(of pattern: Pattern, in span: Span, group: String? = nil, limit: Int = .max) -> [Span] {
        var out: [Span] = []
        let s = max(0, min(span.start, bytes.count)), e = max(s, min(span.end, bytes.count))
        bytes.withUnsafeBufferPointer { buffer in
            let slice = UnsafeBufferPointer(rebasing: buffer[s..<e])
            try? pattern.forEachMatch(in: slice, scratch: MatchScratch.forCurrentThread) { m in
                if let r = group.map({ m.range(ofGroup: $0) }) ?? m.range(ofGroup: 0) {
                    out.append(Span(s + r.lowerBound, s + r.upperBound))
                }
                return out.count < limit
            }
        }
        return out
    }
}
