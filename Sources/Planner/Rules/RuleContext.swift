import Dispatch

/// What a rule sees: the plan, its own options, today's date, and indexes
/// built once per check so that no rule sorts or groups items itself.
public struct RuleContext: Sendable {
    public let plan: Plan
    public let options: RuleOptions
    public let today: LocalDate
    public let index: PlanIndex
    /// Per-item results of the last run (serve); nil in a one-off check or build.
    let memo: RuleMemo?
    /// The parts of the rule's scope this run checks (persona, group, segment
    /// or item ids); nil: all of them.
    let only: Set<String>?

    public init(plan: Plan, options: RuleOptions, today: LocalDate, index: PlanIndex) {
        self.init(plan: plan, options: options, today: today, index: index, memo: nil)
    }

    init(plan: Plan, options: RuleOptions, today: LocalDate, index: PlanIndex, memo: RuleMemo?, only: Set<String>? = nil) {
        self.plan = plan
        self.options = options
        self.today = today
        self.index = index
        self.memo = memo
        self.only = only
    }

    public var config: PlanConfig { plan.config }

    /// Whether this run checks the part `key` of the rule's scope.
    public func covers(_ key: String) -> Bool { only?.contains(key) ?? true }

    /// The plan's items this run checks (an `.item` rule's loop).
    public var coveredItems: [Item] {
        guard let only else { return plan.items }
        return only.sorted().compactMap { plan.item($0) }
    }
}

/// Items grouped the ways rules sweep them; every list is chronological.
public struct PlanIndex: Sendable {
    /// Moments per persona id.
    public internal(set) var momentsByPersona: [String: [Item]]
    /// Items (any kind) per persona id.
    public internal(set) var itemsByPersona: [String: [Item]]
    /// Topics per group id.
    public internal(set) var topicsByGroup: [String: [Item]]
    /// Touches per segment id (items whose resolved segments include it).
    public internal(set) var touchesBySegment: [String: [Item]]
    /// Surprises per segment id.
    public internal(set) var surprisesBySegment: [String: [Item]]
    /// Positions in `plan.items` of `itemsByPersona`, `topicsByGroup` and
    /// `touchesBySegment` (serve's page signatures read items by position).
    let itemPositionsByPersona: [String: [Int]]
    let topicPositionsByGroup: [String: [Int]]
    let touchPositionsBySegment: [String: [Int]]

    public init(plan: Plan) {
        let items = plan.items
        @Sendable func lists(_ positions: [String: [Int]], kind: ItemKind? = nil) -> [String: [Item]] {
            guard let kind else { return positions.mapValues { $0.map { items[$0] } } }
            return positions.compactMapValues { list in
                let matching = list.compactMap { items[$0].kind == kind ? items[$0] : nil }
                return matching.isEmpty ? nil : matching
            }
        }
        // Positions are gathered first (one lookup per item and key), the
        // lists of items made from them after; the persona and group lists
        // and the segment lists are two independent sweeps, run side by side.
        typealias Owners = (persona: [String: [Int]], group: [String: [Int]], items: [String: [Item]], moments: [String: [Item]], topics: [String: [Item]])
        let byOwner = ConcurrentResults<Owners>(count: 1)
        let bySegment = ConcurrentResults<(positions: [String: [Int]], touches: [String: [Item]], surprises: [String: [Item]])>(count: 1)
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            if part == 0 {
                var persona: [String: [Int]] = [:]
                var group: [String: [Int]] = [:]
                for (position, item) in items.enumerated() {
                    persona[item.persona, default: []].append(position)
                    if item.kind == .topic, let id = item.group { group[id, default: []].append(position) }
                }
                byOwner.set(0, (persona, group, lists(persona), lists(persona, kind: .moment), lists(group)))
            } else {
                var segment: [String: [Int]] = [:]
                for (position, item) in items.enumerated() {
                    let segments = item.segments
                    for (offset, id) in segments.enumerated() {
                        // `segments: [a, a]` reaches a once.
                        if offset > 0 && segments[..<offset].contains(id) { continue }
                        segment[id, default: []].append(position)
                    }
                }
                bySegment.set(0, (segment, lists(segment), lists(segment, kind: .surprise)))
            }
        }
        let owners = byOwner.values[0]
        let segments = bySegment.values[0]
        itemPositionsByPersona = owners.persona
        topicPositionsByGroup = owners.group
        touchPositionsBySegment = segments.positions
        itemsByPersona = owners.items
        momentsByPersona = owners.moments
        topicsByGroup = owners.topics
        touchesBySegment = segments.touches
        surprisesBySegment = segments.surprises
    }

    /// Keys of a grouping in sorted order, so findings come out deterministically.
    public static func sortedKeys(_ dictionary: [String: [Item]]) -> [String] {
        dictionary.keys.sorted()
    }
}

extension RuleContext {
    /// Personas that may post moments, in id order (spec: posts-per-day and
    /// theme-mix apply to personas allowed on moments).
    public var momentPersonas: [Persona] { plan.personas.filter { $0.allows(kind: .moment) } }

    /// Whole ISO weeks inside start…end, in order.
    public var wholeWeeks: [ISOWeek] {
        var weeks: [ISOWeek] = []
        var monday = config.start.isoWeekday == 1 ? config.start : config.start.weekStart.adding(days: 7)
        while monday.adding(days: 6) <= config.end {
            weeks.append(monday.isoWeek)
            monday = monday.adding(days: 7)
        }
        return weeks
    }

    /// Start days of every `length`-day window wholly inside start…end.
    public func windowStarts(length: Int) -> [LocalDate] {
        let first = config.start.dayNumber
        let last = config.end.dayNumber - length + 1
        guard last >= first else { return [] }
        return (first...last).map(LocalDate.init(dayNumber:))
    }

    public func isPromotional(_ item: Item) -> Bool { config.isPromotional(item) }
}
