/// The whole resolved plan: one immutable value that every rule and page reads.
public struct Plan: Sendable {
    public let config: PlanConfig
    /// Sorted by id.
    public let personas: [Persona]
    /// Sorted by date, time, kind, id.
    public private(set) var items: [Item]
    /// The customers of `people/`, sorted by id.
    public let people: [Person]
    /// Asset paths relative to `content/`, sorted.
    public let assets: [String]
    /// The content folder relative to the repository root (`content`), for file names.
    public let contentPrefix: String
    /// The days of the range with a holiday, term, festival, commercial day or event (SPEC 11.6).
    public let calendarDays: [CalendarDay]
    private let calendarIndex: [Int: CalendarDay]
    private let personaIndex: TextKeyed<Int>
    private var itemIndex: TextKeyed<Int>
    private let personIndex: [String: Int]
    /// Signed items' sign-off states, each body hashed once however many ask
    /// (the review rule, the item's page, plan.json, two playbook weeks).
    private var reviewStates = ReviewStates()

    /// - Parameter calendarGrid: `Plan.calendarGrid(config)`, when worked out already (the load does it beside the decoding).
    public init(
        config: PlanConfig, personas: [Persona], items: [Item], assets: [String], contentPrefix: String, people: [Person] = [],
        calendarGrid: [CalendarDay]? = nil
    ) {
        self.config = config
        self.people = people.sorted { $0.id < $1.id }
        var personIndex: [String: Int] = [:]
        for (index, person) in self.people.enumerated() where personIndex[person.id] == nil { personIndex[person.id] = index }
        self.personIndex = personIndex
        self.personas = personas.sorted { $0.id < $1.id }
        self.items = Plan.sortedChronologically(items)
        self.assets = assets.sorted()
        self.contentPrefix = contentPrefix
        let gridDays = calendarGrid ?? Plan.calendarGrid(config)
        self.calendarDays = gridDays.filter { config.contains($0.date) }
        var gridIndex: [Int: CalendarDay] = [:]
        for day in gridDays { gridIndex[day.date.dayNumber] = day }
        self.calendarIndex = gridIndex
        var personaIndex = TextKeyed<Int>()
        for (index, persona) in self.personas.enumerated() { personaIndex[persona.id] = index }
        self.personaIndex = personaIndex
        var itemIndex = TextKeyed<Int>(minimumCapacity: self.items.count)
        for (index, item) in self.items.enumerated() { itemIndex[item.id] = index }
        self.itemIndex = itemIndex
    }

    /// `PlanConfig.reviewState(of:)`, with a signed body's hash worked out once.
    public func reviewState(of item: Item) -> ReviewState? {
        guard item.review?.hash != nil else { return config.reviewState(of: item) }
        return reviewStates.state(of: item) { config.reviewState(of: item) }
    }

    /// The calendar's days of the range and of the month grids around it:
    /// astronomy for the lunar dates, worked out from plan.yml alone.
    static func calendarGrid(_ config: PlanConfig) -> [CalendarDay] {
        let quietNames: [String]
        if case .words(let names)? = config.rules.value("days", of: QuietDayRule()) { quietNames = names } else { quietNames = [] }
        // The month grids show whole weeks of whole months: their cells outside the range show their days too.
        let gridFirst = LocalDate(year: config.start.year, month: config.start.month, day: 1)?.weekStart ?? config.start
        let gridLast = LocalDate(
            year: config.end.year, month: config.end.month, day: LocalDate.daysIn(month: config.end.month, year: config.end.year)
        )?.weekStart.adding(days: 6) ?? config.end
        return ChinaCalendar.days(
            config.calendar, from: min(gridFirst, config.start), through: max(gridLast, config.end), quietNames: quietNames)
    }

    /// This plan with other items, already in chronological order (serve's
    /// patch after an edit): what is worked out from plan.yml, the personas
    /// and the people is kept; `sameIDs`: the same ids at the same positions,
    /// so the index by id is kept too.
    func replacingItems(_ items: [Item], sameIDs: Bool) -> Plan {
        var patched = self
        patched.items = items
        patched.reviewStates = ReviewStates()
        if !sameIDs {
            var itemIndex = TextKeyed<Int>(minimumCapacity: items.count)
            for (index, item) in items.enumerated() { itemIndex[item.id] = index }
            patched.itemIndex = itemIndex
        }
        return patched
    }

    public func persona(_ id: String) -> Persona? { personaIndex[id].map { personas[$0] } }
    public func item(_ id: String) -> Item? { itemIndex[id].map { items[$0] } }
    /// The item's position in `items`.
    func position(of id: String) -> Int? { itemIndex[id] }
    public func person(_ id: String) -> Person? { personIndex[id].map { people[$0] } }
    /// The calendar's entry for a date of the range or of the month grids around it, if it has a label or a flag.
    public func calendarDay(_ date: LocalDate) -> CalendarDay? { calendarIndex[date.dayNumber] }

    /// `items.sorted(by: chronological)`, sorting small keys and positions
    /// rather than items: moving an item costs a retain and a release, and a
    /// sort of 10,000 moves them a hundred thousand times.
    static func sortedChronologically(_ items: [Item]) -> [Item] {
        let keys = items.enumerated().map { offset, item in
            (minute: item.date.dayNumber * 1440 + item.time.minutes, kind: item.kind.order, offset: offset)
        }
        let order = keys.sorted { a, b in
            if a.minute != b.minute { return a.minute < b.minute }
            if a.kind != b.kind { return a.kind < b.kind }
            return items[a.offset].id.precedesByBytes(items[b.offset].id)
        }
        return order.map { items[$0.offset] }
    }

    public static func chronological(_ a: Item, _ b: Item) -> Bool {
        if a.date != b.date { return a.date < b.date }
        if a.time != b.time { return a.time < b.time }
        if a.kind != b.kind { return a.kind < b.kind }
        return a.id.precedesByBytes(b.id)
    }
}

/// Sign-off states by item id, filled in as rules and pages ask (from any
/// thread). A state is reused only for the body it was worked out from, so
/// two items that share an id (a plan with that error) get their own.
final class ReviewStates: @unchecked Sendable {  // guarded by `lock`
    private var states: [String: (body: String, state: ReviewState?)] = [:]
    private let lock = NSLockShim()

    func state(of item: Item, _ make: () -> ReviewState?) -> ReviewState? {
        let body = item.series?.writtenBody ?? item.body
        if let known = lock.withLock({ states[item.id] }), known.body == body { return known.state }
        let state = make()
        lock.withLock { states[item.id] = (body, state) }
        return state
    }
}
