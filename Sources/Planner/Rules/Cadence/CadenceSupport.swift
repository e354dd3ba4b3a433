/// Small pieces the cadence rules share: names for messages, range filters,
/// day tallies with prefix sums, and binary searches over chronological lists.
/// Nothing here sorts items: every index list is already chronological.

extension RuleContext {
    /// The persona's display name (小招), or its id when it is not declared.
    func personaName(_ id: String) -> String { plan.persona(id)?.name ?? id }

    /// “生活日常” in Chinese; “生活日常” (life) in English, so the id is findable.
    func themeName(_ id: String) -> Localized {
        Self.named(label: config.theme(id)?.label, id: id)
    }

    func segmentName(_ id: String) -> Localized {
        Self.named(label: config.segment(id)?.label, id: id)
    }

    func groupName(_ id: String) -> Localized {
        Self.named(label: config.group(id)?.label, id: id)
    }

    /// Where a segment is declared in plan.yml (its own line when known).
    func segmentLocation(_ id: String) -> SourceLocation {
        config.segment(id)?.location ?? config.location(of: "segments")
    }

    /// The items of a chronological list that fall inside start…end (still chronological).
    func inRange(_ items: [Item]) -> [Item] {
        let (start, end) = (config.start, config.end)
        // Most lists lie wholly inside the range: then they are returned as they are, not copied.
        if items.allSatisfy({ start <= $0.date && $0.date <= end }) { return items }
        return items.filter { start <= $0.date && $0.date <= end }
    }

    private static func named(label: String?, id: String) -> Localized {
        guard let label, label != id else { return Localized(zh: "“\(id)”", en: "“\(id)”") }
        return Localized(zh: "“\(label)”", en: "“\(label)” (\(id))")
    }
}

extension ItemKind {
    /// One item of this kind in running text: 朋友圈 / moment.
    var noun: Localized { Localized(zh: label.zh, en: singular) }
}

extension Item {
    /// The key that places the item in the day: `time` when written, else `slot`.
    var timeKey: String { keyLocations["time"] != nil ? "time" : "slot" }

    /// The first non-blank line of the body, or where the body starts.
    var bodyTextLocation: SourceLocation {
        var line = bodyLine
        for text in body.split(separator: "\n", omittingEmptySubsequences: false) {
            if !text.allSatisfy(\.isWhitespace) { break }
            line += 1
        }
        return SourceLocation(file: file, line: line)
    }
}

/// Counts per day over start…end, with prefix sums so that any window's
/// total is one subtraction: O(days + items) to build, O(1) per window.
struct DayTally {
    let firstDay: Int
    private let prefix: [Int]

    init(_ items: [Item], range config: PlanConfig) {
        firstDay = config.start.dayNumber
        let days = max(0, config.end.dayNumber - firstDay + 1)
        var counts = Array(repeating: 0, count: days)
        for item in items {
            let offset = item.date.dayNumber - firstDay
            if offset >= 0 && offset < days { counts[offset] += 1 }
        }
        var prefix = Array(repeating: 0, count: days + 1)
        for (offset, count) in counts.enumerated() { prefix[offset + 1] = prefix[offset] + count }
        self.prefix = prefix
    }

    /// Items on the `length` days starting at `start` (clamped to the range).
    func count(from start: LocalDate, length: Int) -> Int {
        let lower = min(max(0, start.dayNumber - firstDay), prefix.count - 1)
        let upper = min(max(0, start.dayNumber - firstDay + length), prefix.count - 1)
        return prefix[upper] - prefix[lower]
    }
}

/// Offending windows, grouped: windows that overlap (start less than `length`
/// days after the previous offending one) form one run, reported once, so one
/// crowded week does not produce seven findings for its seven sliding windows.
func overlappingRuns(_ starts: [LocalDate], length: Int) -> [[LocalDate]] {
    var runs: [[LocalDate]] = []
    for start in starts {
        if let last = runs.last?.last, start.dayNumber - last.dayNumber < length {
            runs[runs.count - 1].append(start)
        } else {
            runs.append([start])
        }
    }
    return runs
}

/// Maximal runs of equal keys in a list, as index ranges, in order.
func runs<Key: Equatable>(of items: [Item], by key: (Item) -> Key?) -> [Range<Int>] {
    var result: [Range<Int>] = []
    var start = 0
    while start < items.count {
        var end = start + 1
        if let first = key(items[start]) {
            while end < items.count, key(items[end]) == first { end += 1 }
        }
        result.append(start..<end)
        start = end
    }
    return result
}

extension Array where Element == Item {
    /// Index of the first item dated on or after `date` (binary search; the list is chronological).
    func firstIndex(onOrAfter date: LocalDate) -> Int {
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if self[middle].date < date { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The items dated `from`…`through`, inclusive.
    func dated(from: LocalDate, through: LocalDate) -> ArraySlice<Item> {
        let lower = firstIndex(onOrAfter: from)
        let upper = Swift.max(lower, firstIndex(onOrAfter: through.adding(days: 1)))
        return self[lower..<upper]
    }

    /// The item dated nearest to `date` (the earlier one on a tie).
    func nearest(to date: LocalDate) -> Item? {
        let next = firstIndex(onOrAfter: date)
        let after = next < count ? self[next] : nil
        let before = next > 0 ? self[next - 1] : nil
        guard let before else { return after }
        guard let after else { return before }
        return date.dayNumber - before.date.dayNumber <= after.date.dayNumber - date.dayNumber ? before : after
    }
}

/// The scalars `foldLatin` may fold: ASCII, Latin-1, Latin Extended-A and
/// -B, Latin Extended Additional capitals and full-width Latin capitals.
let latinFoldRanges: [ClosedRange<UInt32>] = [0x41...0x5A, 0xC0...0xDE, 0x100...0x24F, 0x1E00...0x1EFF, 0xFF21...0xFF3A]

/// Latin letters folded to lower case, scalar for scalar (so offsets still
/// count Unicode scalars); every other script is left as it is.
func foldLatin(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
    let value = scalar.value
    guard latinFoldRanges.contains(where: { $0.contains(value) }) else { return scalar }
    let lower = scalar.properties.lowercaseMapping.unicodeScalars
    return lower.count == 1 ? lower.first! : scalar
}
