/// Which pages a render writes and how the work is cut for all cores: every
/// overview page is a job of its own; items are rendered week by week (their
/// copy, page, event, plan.json entry and the week's playbook page together),
/// items outside the range in chunks of their own.
struct PagePlan: Sendable {
    /// Items rendered together: a week of the range (`week`, its position in
    /// `SiteModel.weeks`) or a chunk of items outside it (`week` nil).
    struct Unit: Sendable {
        let week: Int?
        /// Positions in `plan.items`.
        let offsets: [Int]
    }

    /// Every page but the items' and the playbook weeks'.
    let jobs: [LazyPageJob]
    let units: [Unit]
    /// The items of each week of the range, in plan order.
    let itemsByWeek: [ISOWeek: [Item]]
    /// Their positions in `plan.items`.
    let weekOffsets: [ISOWeek: [Int]]
    /// Positions in `plan.items` of the items outside the range, in plan order.
    let outsideOffsets: [Int]
    /// The playbook page of each week, by position in `SiteModel.weeks`.
    let playbookPaths: [String]
    /// Each persona's own playbook weeks, rendered beside the week's page.
    let personaPlaybookPaths: [String]
    let itemPages: ItemPages
    let playbook: PlaybookPages

    init(model: SiteModel, index: PlanIndex, serveMode: Bool) {
        let plan = model.plan
        // Each item's day comes from the chips' weighing (`CrowdedDays.Weighing`,
        // `Int.min` outside the range), its week and month by position: no date is read and none hashed.
        let items = plan.items
        let firstMonday = model.weeks.first?.monday.dayNumber ?? 0
        let months = model.months
        let firstMonth = months.first.map { $0.year * 12 + $0.month } ?? 0
        var offsetsByWeek = Array(repeating: [Int](), count: model.weeks.count)
        var offsetsByMonth = Array(repeating: [Int](), count: months.count)
        var outside: [Int] = []
        for (offset, day) in model.weighing.days.enumerated() {
            guard day != Int.min else {
                outside.append(offset)
                continue
            }
            offsetsByWeek[(day - firstMonday) / 7].append(offset)
            let date = LocalDate(dayNumber: day)
            offsetsByMonth[date.year * 12 + date.month - firstMonth].append(offset)
        }
        var itemsByWeek: [ISOWeek: [Item]] = [:]
        var weekOffsets: [ISOWeek: [Int]] = [:]
        var itemsByMonth: [YearMonth: [Item]] = [:]
        for (position, offsets) in offsetsByWeek.enumerated() where !offsets.isEmpty {
            itemsByWeek[model.weeks[position]] = offsets.map { items[$0] }
            weekOffsets[model.weeks[position]] = offsets
        }
        for (position, offsets) in offsetsByMonth.enumerated() where !offsets.isEmpty {
            itemsByMonth[months[position]] = offsets.map { items[$0] }
        }
        var units = model.weeks.enumerated().map { Unit(week: $0, offsets: weekOffsets[$1] ?? []) }
        for start in stride(from: 0, to: outside.count, by: 256) {
            units.append(Unit(week: nil, offsets: Array(outside[start..<min(outside.count, start + 256)])))
        }
        let weekItems = itemsByWeek
        self.itemsByWeek = itemsByWeek
        self.weekOffsets = weekOffsets
        self.units = units
        outsideOffsets = outside
        playbookPaths = model.weeks.map(SitePath.playbookWeek)
        personaPlaybookPaths = plan.personas.flatMap { persona in model.weeks.map { SitePath.playbookWeek($0, persona: persona.id) } }
        let owners = [nil] + plan.personas.map { Optional($0.id) }
        playbookContinuationPaths = model.weeks.flatMap { week -> [String] in
            let items = weekItems[week] ?? []
            let sizes = items.map(PlaybookPages.estimatedBytes)
            let whole = PlaybookPages.pageCount(sizes)
            // Most weeks fit on one page whole, and then so does each persona's part of them.
            guard whole > 1 else { return [] }
            // Each persona's part of the week, in one pass over it.
            var own: [String: [Int]] = [:]
            for (item, size) in zip(items, sizes) { own[item.persona, default: []].append(size) }
            return owners.flatMap { persona in
                let count = persona.map { PlaybookPages.pageCount(own[$0] ?? []) } ?? whole
                return (1..<count).map { SitePath.playbookWeek(week, persona: persona, page: $0 + 1) }
            }
        }

        let calendar = CalendarPages(model: model, serveMode: serveMode)
        let entities = EntityPages(model: model, serveMode: serveMode)
        playbook = PlaybookPages(model: model, serveMode: serveMode)
        itemPages = ItemPages(model: model, serveMode: serveMode)
        let warnings = WarningsPage(model: model, serveMode: serveMode)
        let results = ResultsPages(model: model, serveMode: serveMode)
        let playbook = playbook
        jobs = calendar.months(itemsByMonth: itemsByMonth, outside: outside.map { plan.items[$0] })
            + calendar.weeks(itemsByWeek: weekItems)
            + entities.personas(index: index, results: results) + entities.personaMonths(index: index) + [entities.groupsIndex(index: index)] + entities.groups(index: index)
            + [entities.segmentsIndex(index: index)] + entities.segments(index: index, results: results)
            + entities.peopleIndex() + entities.people()
            + [LazyPageJob(playbook.index(itemsByWeek: weekItems), path: "playbook/index.html")]
            + warnings.pages()
            + [LazyPageJob(HelpPage(model: model, serveMode: serveMode).page(), path: HelpPage.path)]
            + [LazyPageJob(results.page(), path: ResultsPages.path)]
            + TodayPages(model: model, serveMode: serveMode).jobs()
    }

    /// The pages past the first of playbook weeks over the page budget, rendered with their week.
    let playbookContinuationPaths: [String]

    /// Every page path of the site but the items', for the folders they need.
    var pagePaths: [String] { jobs.map(\.path) + playbookPaths + personaPlaybookPaths + playbookContinuationPaths }
}
