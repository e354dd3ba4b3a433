/// A calendar month of the plan's range; its page is `months/<YYYY-MM>.html`.
struct YearMonth: Hashable, Comparable, Sendable, CustomStringConvertible {
    let year: Int
    let month: Int

    init(year: Int, month: Int) {
        self.year = year
        self.month = month
    }

    init(_ date: LocalDate) { self.init(year: date.year, month: date.month) }

    static func < (lhs: YearMonth, rhs: YearMonth) -> Bool { (lhs.year, lhs.month) < (rhs.year, rhs.month) }

    var description: String { "\(LocalDate.pad(year, 4))-\(LocalDate.pad(month, 2))" }
    var first: LocalDate { LocalDate(year: year, month: month, day: 1)! }
    var last: LocalDate { LocalDate(year: year, month: month, day: LocalDate.daysIn(month: month, year: year))! }

    /// The months that meet `start…end`, in order.
    static func covering(_ start: LocalDate, _ end: LocalDate) -> [YearMonth] {
        var months: [YearMonth] = []
        var first = YearMonth(start).first
        while first <= end {
            months.append(YearMonth(first))
            first = YearMonth(first).last.adding(days: 1)
        }
        return months
    }
}

extension SiteModel {
    /// The months of the range, in order.
    var months: [YearMonth] { YearMonth.covering(plan.config.start, plan.config.end) }

    /// The month `index.html` shows: the one holding today, else the first of the range.
    var homeMonth: YearMonth {
        let months = months
        let current = YearMonth(today)
        return months.contains(current) ? current : months.first ?? current
    }

    /// The anchor of a day's cell on a month page (`#d-2026-12-05`).
    static func dayAnchor(_ date: LocalDate) -> String { "d-\(date)" }
}

/// The month pages: `months/<YYYY-MM>.html` for each month of the range and
/// `index.html`, the month holding today (or the first) with the items
/// outside the range. Each lists every month; a month with today in it links
/// to today's cell, which app.js opens at on a phone.
extension CalendarPages {
    /// - Parameter outside: the items dated outside the range, in plan order.
    func months(itemsByMonth: [YearMonth: [Item]], outside: [Item]) -> [LazyPageJob] {
        let months = model.months
        let home = model.homeMonth
        var jobs: [LazyPageJob] = []
        // Past its share of the page budget the index lists the first of them and links months/outside.html.
        let outsideChips = outside.compactMap { model.chips[$0.id] }
        let outsideShown = PageBudget.ranges(count: outsideChips.count, bytes: CrowdedDays.outsideBytes) { outsideChips[$0].estimatedBytes }[0].count
        if let position = months.firstIndex(of: home) {
            jobs.append(LazyPageJob(path: "index.html") {
                monthPage(at: position, path: "index.html", items: itemsByMonth[home] ?? [], outside: outsideChips, outsideShown: outsideShown)
            })
        }
        if outsideShown < outsideChips.count { jobs += outsidePages(outsideChips) }
        for (position, month) in months.enumerated() {
            let path = SitePath.month(month)
            jobs.append(LazyPageJob(path: path) { monthPage(at: position, path: path, items: itemsByMonth[month] ?? []) })
        }
        return jobs
    }

    /// The grid of one month: weeks of seven cells, the month's items by day.
    /// - Parameter items: the items to show (a persona's, or all), in plan order.
    /// - Parameter persona: the persona whose month it is: the day badges count its findings only.
    func monthGrid(_ month: YearMonth, items: [Item], persona: String? = nil) -> Month {
        let config = model.plan.config
        var itemsByDate: [LocalDate: [ItemChip]] = [:]
        for item in items where config.contains(item.date) {
            if let chip = model.chips[item.id] { itemsByDate[item.date, default: []].append(chip) }
        }
        // Past the page budget each day shows its first chips and links the rest (`CrowdedDays`).
        let dates = (0..<month.last.day).map { month.first.adding(days: $0) }
        let shortened = CrowdedDays.shorten(dates.map { itemsByDate[$0] ?? [] })
        var rows: [WeekRow] = []
        var monday = month.first.weekStart
        while monday <= month.last {
            let days = (0..<7).map { offset -> DayCell in
                let date = monday.adding(days: offset)
                let inMonth = date.month == month.month
                let chips = inMonth ? itemsByDate[date] ?? [] : []
                guard let shown = shortened, inMonth, chips.count > shown else {
                    return dayCell(date, items: chips, inRange: inMonth && config.contains(date), persona: persona)
                }
                var cell = dayCell(date, items: Array(chips.prefix(shown)), inRange: config.contains(date), persona: persona)
                cell.hasItems = true
                cell.moreHref = SitePath.encode(model.weekPath(date)) + "#" + SiteModel.dayAnchor(date)
                cell.moreLabel = CrowdedDays.moreLabel(chips.count - shown, language: model.language)
                cell.moreContext = CrowdedDays.moreContext(model.dateLabel(date), language: model.language)
                return cell
            }
            rows.append(WeekRow(
                name: WeekTitle.text(monday.isoWeek, language: model.language),
                href: SitePath.encode(SitePath.week(monday.isoWeek)), days: days))
            monday = monday.adding(days: 7)
        }
        return Month(
            label: MonthTitle.text(year: month.year, month: month.month, language: model.language), weekdays: model.strings.weekdays, weeks: rows,
            note: shortened.map { CrowdedDays.note(shown: $0, language: model.language) })
    }

    /// Links to every month of the range, the shown one marked; root-relative.
    /// - Parameter path: where the month `month` is, as a function of it (the site's months, or a persona's).
    func monthLinks(current: YearMonth, path: (YearMonth) -> String) -> [Chrome.NavLink] {
        model.months.map {
            Chrome.NavLink(href: SitePath.encode(path($0)), label: MonthTitle.text(year: $0.year, month: $0.month, language: model.language), current: $0 == current)
        }
    }

    /// Where the "today" link of a month page at `pagePath` leads, relative to it: today's cell
    /// on this page, else on `todayPage` (the page of today's month), or nowhere when today is outside the range.
    func todayHref(shown month: YearMonth, pagePath: String, todayPage: String) -> String? {
        let today = model.today
        guard model.plan.config.contains(today) else { return nil }
        let anchor = "#" + SiteModel.dayAnchor(today)
        return YearMonth(today) == month ? anchor : SitePath.root(for: pagePath) + SitePath.encode(todayPage) + anchor
    }

    private func monthPage(at position: Int, path: String, items: [Item], outside allOutside: [ItemChip] = [], outsideShown: Int = 0) -> PageJob {
        let months = model.months
        let month = months[position]
        let outside = Array(allOutside.prefix(outsideShown))
        let title = MonthTitle.text(year: month.year, month: month.month, language: model.language)
        let page = IndexPage(
            site: Chrome(model: model, pagePath: path, pageTitle: title, section: "calendar", serveMode: serveMode),
            months: [monthGrid(month, items: items)], legend: legend(), filters: filters(), outside: outside, hasOutside: !outside.isEmpty,
            personas: model.plan.personas.enumerated().map {
                PersonaLink(
                    href: SitePath.encode(SitePath.persona($1.id)), name: $1.name, initial: Initials.of($1.name),
                    personaClass: "pa\($0 % Initials.colours)")
            },
            feedHref: "calendar.ics",
            monthLinks: monthLinks(current: month, path: SitePath.month),
            previous: position > 0 ? SitePath.encode(SitePath.month(months[position - 1])) : nil,
            next: position + 1 < months.count ? SitePath.encode(SitePath.month(months[position + 1])) : nil,
            todayHref: todayHref(shown: month, pagePath: path, todayPage: "index.html"),
            outsideMoreHref: outside.count < allOutside.count ? SitePath.encode(SitePath.outside()) : nil,
            outsideMore: outside.count < allOutside.count ? CrowdedDays.outsideMore(allOutside.count - outside.count, language: model.language) : nil)
        return PageJob(path: path, template: "index", page: page)
    }
}
