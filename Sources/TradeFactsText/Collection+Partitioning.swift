extension RandomAccessCollection {
    /// The first index whose element satisfies `isAtOrAfter`, which must be false for a prefix of
    /// the collection and true for the rest (a sorted collection and a threshold); `endIndex` when
    /// none does. A binary search: O(log n).
    package func partitioningIndex(where isAtOrAfter: (Element) -> Bool) -> Index {
        var lo = startIndex, count = self.count
        while count > 0 {
            let half = count / 2
            let mid = index(lo, offsetBy: half)
            if isAtOrAfter(self[mid]) { count = half } else { lo = index(after: mid); count -= half + 1 }
        }
        return lo
    }
}
