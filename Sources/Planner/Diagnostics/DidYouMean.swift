/// Suggests the closest known word for a misspelt key or id.
public enum DidYouMean {
    public static func suggestion(for word: String, among candidates: [String]) -> String? {
        let lowered = word.lowercased()
        let length = lowered.unicodeScalars.count
        // No suggestion is within three edits of a long word, and the edit
        // distance is quadratic: a megabyte-long value must not stall a check.
        if length > 64 { return nil }
        var best: (distance: Int, candidate: String)?
        for candidate in candidates.sorted() {
            guard abs(candidate.unicodeScalars.count - length) <= 3 else { continue }
            let distance = editDistance(Array(lowered.unicodeScalars), Array(candidate.lowercased().unicodeScalars))
            let limit = max(1, min(3, candidate.unicodeScalars.count / 3))
            guard distance <= limit else { continue }
            if best == nil || distance < best!.distance { best = (distance, candidate) }
        }
        return best?.candidate
    }

    /// Optimal-string-alignment distance: insertions, deletions, substitutions
    /// and swaps of neighbours each cost one.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }
}
