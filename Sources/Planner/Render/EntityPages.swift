import Foundation

/// Persona, group and segment pages.
struct EntityPages {
    let model: SiteModel
    let serveMode: Bool

    struct Field: Sendable, TemplateFields {
        let label: String
        let value: String
        /// A page the value links to (relative to the root), where a template shows one.
        var href: String? = nil

        func fields<Visitor: FieldVisitor>(_ visitor: inout Visitor) {
            visitor.field(FieldKey.label, label)
            visitor.field(FieldKey.value, value)
            visitor.field(FieldKey.href, href)
        }
    }

    struct MixRow: Sendable, TemplateFields {
        let week: String
        let cells: [MixCell]
        let total: Int

        func fields<Visitor: FieldVisitor>(_ visitor: inout Visitor) {
            visitor.field(FieldKey.week, week)
            visitor.field(FieldKey.cells, cells)
            visitor.field(FieldKey.total, total)
        }
    }

    struct MixCell: Sendable, TemplateFields {
        let count: Int

        func fields<Visitor: FieldVisitor>(_ visitor: inout Visitor) {
            visitor.field(FieldKey.count, count)
        }
    }

    struct PersonaPage: Sendable, TemplateFields {
        let site: Chrome
        let persona: PersonaCard
        /// The month holding today (or the first), as a one-element list for the `month` partial.
        let months: [CalendarPages.Month]
        let monthLinks: [Chrome.NavLink]
        let previous: String?
        let next: String?
        let todayHref: String?
        let themeHeaders: [String]
        let mix: [MixRow]
        let chart: Chart
        let diagnostics: [DiagnosticView]
        let hasDiagnostics: Bool
        /// Where the findings of the other months are, when the range has more than one.
        let diagnosticsNote: String?
        let feedHref: String
        let otherPersonas: [Chrome.NavLink]
        let legend: [CalendarPages.LegendEntry]
        /// The themes the theme-mix chart shows, for its own legend.
        let chartLegend: [CalendarPages.LegendEntry]
        /// The interaction rate by week, when the persona has results (a list of none or one).
        let rates: [ResultsPages.RateTable]
        let resultWords: ResultWords
        /// After findings cut short (`CrowdedDays`): the link's words, to the warnings page.
        var moreFindings: String?

        func fields<Visitor: FieldVisitor>(_ visitor: inout Visitor) {
            visitor.field(FieldKey.moreFindings, moreFindings)
            visitor.field(FieldKey.warningsHref, SitePath.warnings)
            visitor.field(FieldKey.chartLegend, chartLegend)
            visitor.field(FieldKey.site, site)
            visitor.field(FieldKey.persona, persona)
            visitor.field(FieldKey.months, months)
            visitor.field(FieldKey.monthLinks, monthLinks)
            visitor.field(FieldKey.previous, previous)
            visitor.field(FieldKey.next, next)
            visitor.field(FieldKey.todayHref, todayHref)
            visitor.field(FieldKey.themeHeaders, themeHeaders)
            visitor.field(FieldKey.mix, mix)
            visitor.field(FieldKey.chart, chart)
            visitor.field(FieldKey.diagnostics, diagnostics)
            visitor.field(FieldKey.hasDiagnostics, hasDiagnostics)
            visitor.field(FieldKey.diagnosticsNote, diagnosticsNote)
            visitor.field(FieldKey.feedHref, feedHref)
            visitor.field(FieldKey.otherPersonas, otherPersonas)
            visitor.field(FieldKey.legend, legend)
            visitor.field(FieldKey.rates, rates)
            visitor.field(FieldKey.r, resultWords)
        }
    }

    /// Where a persona's month is: its page for the month `index.html` shows, else `personas/<id>/<YYYY-MM>.html`.
    func personaMonthPath(_ id: String, _ month: YearMonth) -> String {
        month == model.homeMonth ? SitePath.persona(id) : SitePath.personaMonth(id, month)
    }

    /// The month navigation of a persona's month shown at `path`.
    func personaMonthNavigation(_ id: String, _ month: YearMonth, path: String)
        -> (links: [Chrome.NavLink], previous: String?, next: String?, today: String?)
    {
        let calendar = CalendarPages(model: model, serveMode: serveMode)
        let months = model.months
        let position = months.firstIndex(of: month) ?? 0
        return (
            calendar.monthLinks(current: month) { personaMonthPath(id, $0) },
            position > 0 ? SitePath.encode(personaMonthPath(id, months[position - 1])) : nil,
            position + 1 < months.count ? SitePath.encode(personaMonthPath(id, months[position + 1])) : nil,
            calendar.todayHref(shown: month, pagePath: path, todayPage: SitePath.persona(id)))
    }

    /// A persona's findings on the page of `month`: those dated in it; the page of the
    /// month `index.html` shows also takes the undated ones and those dated outside the range.
    /// So a year of findings is spread over the months rather than heaped on one page.
    func personaDiagnostics(_ id: String, month: YearMonth) -> [Diagnostic] {
        let home = model.homeMonth
        let config = model.plan.config
        return (model.diagnosticsByPersona[id] ?? []).filter { diagnostic in
            guard let date = diagnostic.date, config.contains(date) else { return month == home }
            return YearMonth(date) == month
        }
    }

    func personas(index: PlanIndex, results: ResultsPages? = nil) -> [LazyPageJob] {
        let results = results ?? ResultsPages(model: model, serveMode: serveMode)
        let themes = model.plan.config.themes
        return model.plan.personas.map { persona in
            let path = SitePath.persona(persona.id)
            return LazyPageJob(path: path) {
                let home = model.homeMonth
                let navigation = personaMonthNavigation(persona.id, home, path: path)
                let items = index.itemsByPersona[persona.id] ?? []
                let diagnostics = personaDiagnostics(persona.id, month: home)
                let listed = CrowdedDays.listedFindings(diagnostics)
                let moments = index.momentsByPersona[persona.id] ?? []
                var counts: [ISOWeek: [Int]] = [:]
                for moment in moments where model.plan.config.contains(moment.date) {
                    guard let theme = moment.theme, let position = themes.firstIndex(where: { $0.id == theme }) else { continue }
                    counts[moment.date.isoWeek, default: Array(repeating: 0, count: themes.count)][position] += 1
                }
                let mix = model.weeks.map { week -> MixRow in
                    let row = counts[week] ?? Array(repeating: 0, count: themes.count)
                    return MixRow(week: WeekTitle.text(week, language: model.language), cells: row.map(MixCell.init), total: row.reduce(0, +))
                }
                let page = PersonaPage(
                    site: Chrome(model: model, pagePath: path, pageTitle: persona.name, section: "personas", serveMode: serveMode),
                    persona: PersonaCard(persona, model: model),
                    months: [CalendarPages(model: model, serveMode: serveMode).monthGrid(home, items: items.filter { YearMonth($0.date) == home }, persona: persona.id)],
                    monthLinks: navigation.links, previous: navigation.previous, next: navigation.next, todayHref: navigation.today,
                    themeHeaders: themes.map(\.label),
                    mix: mix,
                    chart: mixChart(mix, weeks: model.weeks),
                    diagnostics: model.diagnosticViews(Array(diagnostics.prefix(listed))),
                    hasDiagnostics: !diagnostics.isEmpty,
                    diagnosticsNote: model.months.count < 2 ? nil : model.language == .zhCN
                        ? "这里是本月的问题（以及不属于某一天的）；其他月份的问题在各月的页面上，全部问题见“问题”页。"
                        : "The findings of this month (and those of no one day); the other months' are on their pages, and all of them on Warnings.",
                    feedHref: SitePath.encode(String(SitePath.personaFeed(persona.id).dropFirst("personas/".count))),
                    otherPersonas: model.plan.personas.map {
                        Chrome.NavLink(href: SitePath.encode(String(SitePath.persona($0.id).dropFirst("personas/".count))), label: $0.name, current: $0.id == persona.id)
                    },
                    legend: CalendarPages(model: model, serveMode: serveMode).legend(),
                    chartLegend: zip(CalendarPages(model: model, serveMode: serveMode).legend(), themes.indices).compactMap { entry, position in
                        mix.contains { $0.cells[position].count > 0 } ? entry : nil
                    },
                    rates: results.personaWeeks(persona), resultWords: ResultWords(language: model.language),
                    moreFindings: CrowdedDays.moreFindings(diagnostics, listed: listed, language: model.language))
                return PageJob(path: path, template: "persona", page: page)
            }
        }
    }
}

/// A persona's months other than the one its page shows: `personas/<id>/<YYYY-MM>.html`.
extension EntityPages {
    struct PersonaMonthPage: Sendable, TemplateFields {
        let site: Chrome
        let name: String
        let personaHref: String
        let months: [CalendarPages.Month]
        let monthLinks: [Chrome.NavLink]
        let previous: String?
        let next: String?
        let todayHref: String?
        let legend: [CalendarPages.LegendEntry]
        let diagnostics: [DiagnosticView]
        let hasDiagnostics: Bool
        var moreFindings: String?

        func fields<Visitor: FieldVisitor>(_ visitor: inout Visitor) {
            visitor.field(FieldKey.site, site)
            visitor.field(FieldKey.moreFindings, moreFindings)
            visitor.field(FieldKey.warningsHref, SitePath.warnings)
            visitor.field(FieldKey.diagnostics, diagnostics)
            visitor.field(FieldKey.hasDiagnostics, hasDiagnostics)
            visitor.field(FieldKey.name, name)
            visitor.field(FieldKey.personaHref, personaHref)
            visitor.field(FieldKey.months, months)
            visitor.field(FieldKey.monthLinks, monthLinks)
            visitor.field(FieldKey.previous, previous)
            visitor.field(FieldKey.next, next)
            visitor.field(FieldKey.todayHref, todayHref)
            visitor.field(FieldKey.legend, legend)
        }
    }

    func personaMonths(index: PlanIndex) -> [LazyPageJob] {
        let home = model.homeMonth
        let months = model.months.filter { $0 != home }
        return model.plan.personas.flatMap { persona in
            months.map { month in
                let path = SitePath.personaMonth(persona.id, month)
                return LazyPageJob(path: path) {
                    let items = (index.itemsByPersona[persona.id] ?? []).filter { YearMonth($0.date) == month }
                    let navigation = personaMonthNavigation(persona.id, month, path: path)
                    let diagnostics = personaDiagnostics(persona.id, month: month)
                    let listed = CrowdedDays.listedFindings(diagnostics)
                    let calendar = CalendarPages(model: model, serveMode: serveMode)
                    let title = "\(persona.name) · \(MonthTitle.text(year: month.year, month: month.month, language: model.language))"
                    let page = PersonaMonthPage(
                        site: Chrome(model: model, pagePath: path, pageTitle: title, section: "personas", serveMode: serveMode),
                        name: title, personaHref: SitePath.encode(SitePath.persona(persona.id)),
                        months: [calendar.monthGrid(month, items: items, persona: persona.id)], monthLinks: navigation.links,
                        previous: navigation.previous, next: navigation.next, todayHref: navigation.today, legend: calendar.legend(),
                        diagnostics: model.diagnosticViews(Array(diagnostics.prefix(listed))), hasDiagnostics: !diagnostics.isEmpty,
                        moreFindings: CrowdedDays.moreFindings(diagnostics, listed: listed, language: model.language))
                    return PageJob(path: path, template: "persona-month", page: page)
                }
            }
        }
    }
}
