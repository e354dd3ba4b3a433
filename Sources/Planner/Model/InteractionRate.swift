/// The interaction rate of SPEC §11.5: comments + replies per published item
/// with results. Pages and `engagement-drop` count it the same way, here.
public struct InteractionRate: Hashable, Sendable {
    /// Published items with at least one count.
    public var items = 0
    public var comments = 0
    public var replies = 0

    public init() {}

    /// Tallies the published items with results among `items`; the others are skipped.
    public init<Items: Sequence>(_ items: Items) where Items.Element == Item {
        for item in items { add(item) }
    }

    public mutating func add(_ item: Item) {
        guard item.hasPublishedResults, let results = item.results else { return }
        items += 1
        comments += results[.comments] ?? 0
        replies += results[.replies] ?? 0
    }

    public var interactions: Int { comments + replies }

    /// Nil when no item has results: unknown, not zero.
    public var rate: Double? { items == 0 ? nil : Double(interactions) / Double(items) }

    /// Per ISO week with results, in week order.
    public static func byWeek<Items: Sequence>(_ items: Items) -> [(week: ISOWeek, rate: InteractionRate)] where Items.Element == Item {
        var weeks: [ISOWeek: InteractionRate] = [:]
        for item in items where item.hasPublishedResults { weeks[item.date.isoWeek, default: InteractionRate()].add(item) }
        return weeks.keys.sorted().map { ($0, weeks[$0]!) }
    }

    /// The middle value (the mean of the two middle ones for an even count); nil for none.
    public static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// `2.5`, `3`: one decimal at most, as pages and messages show a rate.
    public static func format(_ value: Double) -> String {
        let tenths = (value * 10).rounded()
        let whole = Int(tenths) / 10
        let fraction = Int(tenths) % 10
        return fraction == 0 ? String(whole) : "\(whole).\(fraction)"
    }
}
