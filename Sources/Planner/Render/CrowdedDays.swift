/// Month views within the page budget (SPEC §11.8, no HTML page over 1 MB).
/// A month whose chips fit is shown whole. Past `PageBudget`'s share for the
/// grid, every day shows its first k chips (k as large as fits) and a
/// "+n more" link to the day on its week page, which holds every item; the
/// page says so. The list of items outside the range on index.html does the
/// same with its own share, linking `months/outside.html`, which lists them all.
enum CrowdedDays {
    /// The chips of one month grid (a 10,000-item year's busiest month holds
    /// about 600 kB): the rest of the page budget is the chrome, the day cells
    /// and the outside list or a persona's findings beside them.
    static let gridBytes = PageBudget.bytes * 7 / 8
    /// The items outside the range listed on index.html.
    static let outsideBytes = PageBudget.bytes / 8
    /// A "+n more" link with its day's words.
    static let moreBytes = 260

    /// The estimated bytes of each item's chip and their sums by day, month
    /// and week of the range: the months whose grids pass their share (their
    /// days get an anchor on the week pages), the weeks whose chips pass
    /// theirs (split into pages). serve patches the sums for the items an edit changed.
    struct Weighing: Sendable {
        /// By position in `plan.items`: the item's day number, `Int.min` outside the range.
        private(set) var days: [Int]
        /// By position: its chip's estimated bytes (0 outside the range).
        private(set) var bytes: [Int]
        private(set) var byDay: [LocalDate: Int] = [:]
        private var byMonth: [YearMonth: Int] = [:]
        private var byWeek: [ISOWeek: Int] = [:]

        /// - Parameter chips: each item's chip, by position.
        init(_ items: [Item], config: PlanConfig, chips: [ItemChip?]) {
            days = Array(repeating: Int.min, count: items.count)
            bytes = Array(repeating: 0, count: items.count)
            for (offset, item) in items.enumerated() { add(offset, date: item.date, config: config, chip: chips[offset]) }
        }

        /// The same weighing after the items at `offsets` changed (the plan lists the same items in the same order).
        func patched(_ offsets: [Int], items: [Item], config: PlanConfig, chips: (Int) -> ItemChip?) -> Weighing {
            var weighing = self
            for offset in offsets {
                weighing.remove(offset)
                weighing.add(offset, date: items[offset].date, config: config, chip: chips(offset))
            }
            return weighing
        }

        private mutating func add(_ offset: Int, date: LocalDate, config: PlanConfig, chip: ItemChip?) {
            guard config.contains(date) else { return }
            let size = chip?.estimatedBytes ?? 0
            days[offset] = date.dayNumber
            bytes[offset] = size
            byDay[date, default: 0] += size
            byMonth[YearMonth(date), default: 0] += size
            byWeek[date.isoWeek, default: 0] += size
        }

        private mutating func remove(_ offset: Int) {
            guard days[offset] != Int.min else { return }
            let date = LocalDate(dayNumber: days[offset])
            let size = bytes[offset]
            func take(_ total: inout Int?) {
                let left = (total ?? 0) - size
                total = left == 0 ? nil : left
            }
            take(&byDay[date])
            take(&byMonth[YearMonth(date)])
            take(&byWeek[date.isoWeek])
            days[offset] = Int.min
            bytes[offset] = 0
        }

        var crowdedMonths: Set<YearMonth> { Set(byMonth.filter { $0.value > gridBytes }.keys) }
        var crowdedWeeks: Set<ISOWeek> { Set(byWeek.filter { $0.value > weekBytes }.keys) }
    }

    /// The chips of one week page: the rest is the grid's rows and the chrome.
    static let weekBytes = PageBudget.bytes * 3 / 4

    /// How many chips each day of a month view shows; nil when every chip fits.
    /// - Parameter days: each day's chips, in the days' order.
    static func shorten(_ days: [[ItemChip]]) -> Int? {
        // Most months fit: weigh them before making the lists of sizes.
        guard days.reduce(0, { total, chips in chips.reduce(total) { $0 + $1.estimatedBytes } }) > gridBytes else { return nil }
        return PageBudget.firstEntries(of: days.map { $0.map(\.estimatedBytes) }, bytes: gridBytes, overflow: moreBytes)
    }

    /// A persona's findings on its month page, estimated as on the warnings
    /// pages: both languages' texts, so about twice the bytes the page holds.
    static let findingsBytes = PageBudget.bytes / 4

    /// How many of a persona's findings its month page lists: the rest are on the warnings pages.
    static func listedFindings(_ diagnostics: [Diagnostic]) -> Int {
        PageBudget.ranges(count: diagnostics.count, bytes: findingsBytes) { WarningsPage.estimatedBytes(diagnostics[$0]) }[0].count
    }

    /// The link after a persona's findings cut short, to the warnings page; nil when every finding is listed.
    static func moreFindings(_ diagnostics: [Diagnostic], listed: Int, language: Language) -> String? {
        guard listed < diagnostics.count else { return nil }
        let count = diagnostics.count - listed
        return language == .zhCN ? "另有 \(count) 个问题没有列在这里：全部问题见“问题”页" : "\(count) more findings are not listed here: all of them are on Warnings"
    }

    static func moreLabel(_ count: Int, language: Language) -> String {
        language == .zhCN ? "另有 \(count) 条" : "+\(count) more"
    }

    /// After the link's words, for screen readers: which day and where the rest is.
    static func moreContext(_ dayLabel: String, language: Language) -> String {
        language == .zhCN ? "（\(dayLabel)，全部内容在周视图）" : " (\(dayLabel): all items on the week page)"
    }

    static func note(shown: Int, language: Language) -> String {
        Localized(
            zh: "本月内容较多，放不进一页：每天只显示前 \(shown) 条，“另有 n 条”打开当天所在的周视图，那里有全部内容。筛选只作用于这里显示的条目。",
            en: "This month is too full for one page: each day shows its first \(shown) items here, and “+n more” opens the day on its week page, which lists them all. Filters apply to the items shown."
        ).text(language)
    }

    static func outsideMore(_ count: Int, language: Language) -> String {
        language == .zhCN ? "另有 \(count) 条在计划范围之外，见完整列表" : "\(count) more outside the range: see the full list"
    }
}

extension ItemChip {
    /// The bytes the chip adds to a page, from its fields: the chip template's
    /// 368 bytes of markup, each field as often as the template writes it, and
    /// the root before each link (up to 24 bytes). Measured within 5% above
    /// the rendered chips of a 10,000-item plan; escaping is rare in titles.
    static func estimatedBytes(_ shown: Shown) -> Int {
        var bytes = 368 + 24
        bytes += shown.themeClass.utf8.count + shown.filterClasses.utf8.count + shown.personaClass.utf8.count
        bytes += 2 * shown.status.utf8.count + shown.statusLabel.utf8.count + 2 * shown.kind.utf8.count + shown.kindLabel.utf8.count
        bytes += shown.persona.utf8.count + shown.personaName.utf8.count + shown.initial.utf8.count + shown.theme.utf8.count
        bytes += shown.segments.utf8.count + shown.time.utf8.count + shown.href.utf8.count + shown.title.utf8.count
        if shown.hasWarnings { bytes += 60 + 24 + shown.href.utf8.count + shown.badgeClass.utf8.count + shown.badgeLabel.utf8.count }
        return bytes
    }
}

extension SiteModel {
    /// The days (offsets from Monday) of each page of a week: one page, or
    /// more when its chips pass `CrowdedDays.weekBytes` (`<week>-2.html`, …).
    func weekPages(_ week: ISOWeek) -> [Range<Int>] {
        guard crowdedWeeks.contains(week) else { return [0..<7] }
        let monday = week.monday
        return PageBudget.ranges(count: 7, bytes: CrowdedDays.weekBytes) { dayBytes[monday.adding(days: $0)] ?? 0 }
    }

    /// The week page holding a day.
    func weekPath(_ date: LocalDate) -> String {
        let offset = date.dayNumber - date.weekStart.dayNumber
        let page = weekPages(date.isoWeek).firstIndex { $0.contains(offset) } ?? 0
        return SitePath.week(date.isoWeek, page: page + 1)
    }
}
