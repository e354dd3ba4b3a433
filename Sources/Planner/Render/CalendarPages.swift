/// The month calendars (index.html, months/<YYYY-MM>.html; `MonthPages`) and the week grids (weeks/<YYYY-Www>.html).
struct CalendarPages {
    let model: SiteModel
    let serveMode: Bool

    struct DayCell: Sendable, TemplateFields {
        let date: String
        /// The cell's id, which the "today" link and app.js scroll to.
        let anchor: String
        let label: String
        let dayNumber: Int
        let weekday: String
        let inRange: Bool
        let isToday: Bool
        let items: [ItemChip]
        var hasItems: Bool
        let warningCount: Int
        let hasWarnings: Bool
        let badgeClass: String
        /// The day's worst diagnostic on the warnings page.
        let badgeHref: String
        let badgeLabel: String
        let weekHref: String
        /// China's calendar: the day's holiday, term, festival and event names, and its marks.
        var calendar = CalendarMarks()
        /// On a crowded month (`CrowdedDays`): the day on its week page, and "+n more".
        var moreHref: String?
        var moreLabel: String?
        var moreContext: String?
        /// On a week page: the day's header carries `anchor`, which a crowded month's "+n more" leads to.
        var weekAnchor = false

        func fields<Visitor: FieldVisitor>(_ visitor: inout Visitor) {
            visitor.field(FieldKey.calendar, calendar)
            visitor.field(FieldKey.date, date)
            visitor.field(FieldKey.anchor, anchor)
            visitor.field(FieldKey.label, label)
            visitor.field(FieldKey.dayNumber, dayNumber)
            visitor.field(FieldKey.weekday, weekday)
            visitor.field(FieldKey.inRange, inRange)
            visitor.field(FieldKey.isToday, isToday)
            visitor.field(FieldKey.items, items)
            visitor.field(FieldKey.hasItems, hasItems)
            visitor.field(FieldKey.warningCount, warningCount)
            visitor.field(FieldKey.hasWarnings, hasWarnings)
            visitor.field(FieldKey.badgeClass, badgeClass)
            visitor.field(FieldKey.badgeHref, badgeHref)
            visitor.field(FieldKey.badgeLabel, badgeLabel)
            visitor.field(FieldKey.weekHref, weekHref)
            visitor.field(FieldKey.moreHref, moreHref)
            visitor.field(FieldKey.moreLabel, moreLabel)
            visitor.field(FieldKey.moreContext, moreContext)
            visitor.field(FieldKey.weekAnchor, weekAnchor)
        }
    }

    struct WeekRow: Sendable, TemplateFields {
        let name: String
        let href: String
        let days: [DayCell]

        func fields<Visitor: FieldVisitor>(_ visitor: inout Visitor) {
            visitor.field(FieldKey.name, name)
            visitor.field(FieldKey.href, href)
            visitor.field(FieldKey.days, days)
        }
    }

    struct Month: Sendable, TemplateFields {
        let label: String
        let weekdays: [String]
        let weeks: [WeekRow]
        /// Said when crowded days are shortened (`CrowdedDays`).
        var note: String?

        func fields<Visitor: FieldVisitor>(_ visitor: inout Visitor) {
            visitor.field(FieldKey.note, note)
            visitor.field(FieldKey.label, label)
            visitor.field(FieldKey.weekdays, weekdays)
            visitor.field(FieldKey.weeks, weeks)
        }
    }

    struct FilterOption: Sendable, TemplateFields {
        let value: String
        let label: String

        func fields<Visitor: FieldVisitor>(_ visitor: inout Visitor) {
            visitor.field(FieldKey.value, value)
            visitor.field(FieldKey.label, label)
        }
    }

    struct Filter: Sendable, TemplateFields {
        let name: String
        let label: String
        let options: [FilterOption]

        func fields<Visitor: FieldVisitor>(_ visitor: inout Visitor) {
            visitor.field(FieldKey.name, name)
            visitor.field(FieldKey.label, label)
            visitor.field(FieldKey.options, options)
        }
    }

    struct LegendEntry: Sendable, TemplateFields {
        let label: String
        let themeClass: String
        let promotional: Bool

        func fields<Visitor: FieldVisitor>(_ visitor: inout Visitor) {
            visitor.field(FieldKey.label, label)
            visitor.field(FieldKey.themeClass, themeClass)
            visitor.field(FieldKey.promotional, promotional)
        }
    }

    struct IndexPage: Sendable, TemplateFields {
        let site: Chrome
        let months: [Month]
        let legend: [LegendEntry]
        let filters: [Filter]
        let outside: [ItemChip]
        let hasOutside: Bool
        let personas: [PersonaLink]
        let feedHref: String
        /// Every month of the range, this one marked (root-relative).
        let monthLinks: [Chrome.NavLink]
        let previous: String?
        let next: String?
        /// Today's cell, here or on today's month page; nil when today is outside the range.
        let todayHref: String?
        /// When `outside` is the first of more: the page listing them all, and the link's words.
        var outsideMoreHref: String?
        var outsideMore: String?

        func fields<Visitor: FieldVisitor>(_ visitor: inout Visitor) {
            visitor.field(FieldKey.site, site)
            visitor.field(FieldKey.outsideMoreHref, outsideMoreHref)
            visitor.field(FieldKey.outsideMore, outsideMore)
            visitor.field(FieldKey.monthLinks, monthLinks)
            visitor.field(FieldKey.previous, previous)
            visitor.field(FieldKey.next, next)
            visitor.field(FieldKey.todayHref, todayHref)
            visitor.field(FieldKey.months, months)
            visitor.field(FieldKey.legend, legend)
            visitor.field(FieldKey.filters, filters)
            visitor.field(FieldKey.outside, outside)
            visitor.field(FieldKey.hasOutside, hasOutside)
            visitor.field(FieldKey.personas, personas)
            visitor.field(FieldKey.feedHref, feedHref)
            visitor.field(FieldKey.holidayFeedHref, "holidays.ics")
            visitor.field(
                "holidayFeedLabel",
                site.lang == "en" ? "Calendar feed of holidays, terms and events (.ics)" : "节假日、节气与事件的日历订阅（.ics）")
        }
    }

    struct PersonaLink: Sendable, TemplateFields {
        let href: String
        let name: String
        let initial: String
        let personaClass: String

        func fields<Visitor: FieldVisitor>(_ visitor: inout Visitor) {
            visitor.field(FieldKey.href, href)
            visitor.field(FieldKey.name, name)
            visitor.field(FieldKey.initial, initial)
            visitor.field(FieldKey.personaClass, personaClass)
        }
    }

    /// - Parameter persona: on a persona's month, its badge counts that persona's findings only.
    func dayCell(_ date: LocalDate, items: [ItemChip], inRange: Bool, persona: String? = nil) -> DayCell {
        // The count, the worst severity and the first finding of it, read in place: a persona's
        // month grids ask every day, and copying the day's findings retained each of their fields.
        var count = 0
        var worst = Severity.notice
        var firstWorstRule: String?
        if inRange, let all = model.diagnosticsByDate[date] {
            for diagnostic in all where persona == nil || diagnostic.persona == persona {
                count += 1
                if firstWorstRule == nil || diagnostic.severity > worst {
                    worst = diagnostic.severity
                    firstWorstRule = diagnostic.ruleID
                }
            }
        }
        let badgeHref = firstWorstRule.map { SitePath.encode(SitePath.warnings(rule: $0)) } ?? SitePath.warnings
        let day = model.days[date]
        let label = day?.label ?? model.dateLabel(date)
        let badgeLabel = model.language == .zhCN
            ? "\(label)：\(count) 个问题"
            : "\(label): \(count) problem\(count == 1 ? "" : "s")"
        return DayCell(
            date: day?.description ?? date.description, anchor: day?.anchor ?? SiteModel.dayAnchor(date), label: label, dayNumber: date.day,
            weekday: model.strings.weekdays[date.isoWeekday - 1], inRange: inRange,
            isToday: date == model.today, items: items, hasItems: !items.isEmpty, warningCount: count,
            hasWarnings: count > 0, badgeClass: Self.badgeClasses[worst] ?? "sev-\(worst.rawValue)",
            badgeHref: badgeHref, badgeLabel: badgeLabel,
            weekHref: day?.weekHref ?? SitePath.encode(model.weekPath(date)),
            calendar: day?.calendar ?? CalendarMarks(model.plan.calendarDay(date), language: model.language))
    }

    private static let badgeClasses: [Severity: String] = Dictionary(uniqueKeysWithValues: Severity.allCases.map { ($0, "sev-\($0.rawValue)") })

    func legend() -> [LegendEntry] {
        model.plan.config.themes.enumerated().map { LegendEntry(label: $1.label, themeClass: "t\($0)", promotional: $1.promotional) }
    }

    func filters() -> [Filter] {
        let config = model.plan.config
        return [
            Filter(name: "persona", label: model.strings.persona, options: model.plan.personas.map { FilterOption(value: $0.id, label: $0.name) }),
            Filter(name: "kind", label: model.strings.kind, options: ItemKind.allCases.map { FilterOption(value: $0.rawValue, label: model.text($0.label)) }),
            Filter(name: "segment", label: model.strings.segment, options: config.segments.map { FilterOption(value: $0.id, label: $0.label) }),
            Filter(name: "theme", label: model.strings.theme, options: config.themes.map { FilterOption(value: $0.id, label: $0.label) }),
            Filter(name: "status", label: model.strings.status, options: ItemStatus.allCases.map { FilterOption(value: $0.rawValue, label: model.text($0.label)) }),
        ]
    }

    // MARK: - Weeks

    struct GridRow: Sendable, TemplateFields {
        let label: String
        let time: String
        let cells: [GridCell]

        func fields<Visitor: FieldVisitor>(_ visitor: inout Visitor) {
            visitor.field(FieldKey.label, label)
            visitor.field(FieldKey.time, time)
            visitor.field(FieldKey.cells, cells)
        }
    }

    struct GridCell: Sendable, TemplateFields {
        let items: [ItemChip]
        let clash: Bool
        let inRange: Bool

        func fields<Visitor: FieldVisitor>(_ visitor: inout Visitor) {
            visitor.field(FieldKey.items, items)
            visitor.field(FieldKey.clash, clash)
            visitor.field(FieldKey.inRange, inRange)
        }
    }

    struct WeekPage: Sendable, TemplateFields {
        let site: Chrome
        let name: String
        let days: [DayCell]
        let rows: [GridRow]
        let previous: String?
        let next: String?
        let legend: [LegendEntry]
        let filters: [Filter]
        let playbookHref: String
        /// The week's interaction rate in words, when its published items have results.
        let rateLine: String?
        /// Links to each page of a week split past the page budget.
        var pages: [Chrome.NavLink] = []
        var hasPages = false

        func fields<Visitor: FieldVisitor>(_ visitor: inout Visitor) {
            visitor.field(FieldKey.site, site)
            visitor.field(FieldKey.filters, filters)
            visitor.field(FieldKey.rateLine, rateLine)
            visitor.field(FieldKey.name, name)
            visitor.field(FieldKey.days, days)
            visitor.field(FieldKey.rows, rows)
            visitor.field(FieldKey.previous, previous)
            visitor.field(FieldKey.next, next)
            visitor.field(FieldKey.legend, legend)
            visitor.field(FieldKey.playbookHref, playbookHref)
            visitor.field(FieldKey.pages, pages)
            visitor.field(FieldKey.hasPages, hasPages)
        }
    }

    /// A week's grid: one page, or, past the page budget, its days over
    /// `<week>-2.html`, … (`SiteModel.weekPages`). The days of a crowded month
    /// carry the anchors its "+n more" links lead to.
    func weeks(itemsByWeek: [ISOWeek: [Item]]) -> [LazyPageJob] {
        model.weeks.enumerated().flatMap { position, week in
            let pages = model.weekPages(week)
            return pages.enumerated().map { number, days in
                let path = SitePath.week(week, page: number + 1)
                return LazyPageJob(path: path) {
                    weekPage(at: position, items: itemsByWeek[week] ?? [], days: days, page: number + 1, of: pages.count)
                }
            }
        }
    }

    private func weekPage(at position: Int, items: [Item], days: Range<Int>, page: Int, of pageCount: Int) -> PageJob {
        let week = model.weeks[position]
        let path = SitePath.week(week, page: page)
        let monday = week.monday
        let dates = days.map { monday.adding(days: $0) }
        var times = Set(model.plan.config.slots.map(\.time))
        // Each item goes into its (time, day) cell once; cells keep the week's order.
        var byCell: [LocalTime: [Int: [Item]]] = [:]
        for item in items where days.contains(item.date.dayNumber - monday.dayNumber) {
            times.insert(item.time)
            byCell[item.time, default: [:]][item.date.dayNumber - monday.dayNumber, default: []].append(item)
        }
        let rows = times.sorted().map { time -> GridRow in
            let slotNames = model.plan.config.slots.filter { $0.time == time }.map(\.id)
            let cells = zip(days, dates).map { offset, date -> GridCell in
                let here = byCell[time]?[offset] ?? []
                return GridCell(
                    items: here.compactMap { model.chips[$0.id] }, clash: here.contains(where: model.hasSlotClash),
                    inRange: model.plan.config.contains(date))
            }
            return GridRow(
                label: slotNames.map(model.strings.slotLabel).joined(separator: " / "), time: time.description, cells: cells)
        }
        let title = WeekTitle.text(week, language: model.language) + PageBudget.suffix(page: page, of: pageCount, language: model.language)
        func sibling(_ path: String) -> String { SitePath.encode(path).replacingOccurrences(of: "weeks/", with: "") }
        let grid = WeekPage(
            site: Chrome(model: model, pagePath: path, pageTitle: title, section: "weeks", serveMode: serveMode),
            name: title,
            days: dates.map { date in
                var cell = dayCell(date, items: [], inRange: model.plan.config.contains(date))
                cell.weekAnchor = cell.inRange && model.crowdedMonths.contains(YearMonth(date))
                return cell
            },
            rows: rows,
            previous: position > 0 ? sibling(SitePath.week(model.weeks[position - 1])) : nil,
            next: position + 1 < model.weeks.count ? sibling(SitePath.week(model.weeks[position + 1])) : nil,
            legend: legend(), filters: filters(), playbookHref: SitePath.encode(SitePath.playbookWeek(week)),
            rateLine: ResultsPages.weekLine(items, model: model),
            pages: PageBudget.links(pages: pageCount, current: page) { sibling(SitePath.week(week, page: $0)) }, hasPages: pageCount > 1)
        return PageJob(path: path, template: "week", page: grid)
    }
}
