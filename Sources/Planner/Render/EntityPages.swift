import Foundation

/// Persona, group and segment pages.
struct EntityPages {
    let model: SiteModel
    let serveMode: Bool

    struct Field: Sendable, TemplateFields {
        let label: String
        let value: String

        func fields<Visitor: FieldVisitor>(_ visitor: inout Visitor) {
            visitor.field("label", label)
            visitor.field("value", value)
        }
    }

    struct ScheduleDay: Sendable, TemplateFields {
        let label: String
        let date: String
        let items: [ItemChip]

        func fields<Visitor: FieldVisitor>(_ visitor: inout Visitor) {
            visitor.field("label", label)
            visitor.field("date", date)
            visitor.field("items", items)
        }
    }

    struct MixRow: Sendable, TemplateFields {
        let week: String
        let cells: [MixCell]
        let total: Int

        func fields<Visitor: FieldVisitor>(_ visitor: inout Visitor) {
            visitor.field("week", week)
            visitor.field("cells", cells)
            visitor.field("total", total)
        }
    }

    struct MixCell: Sendable, TemplateFields {
        let count: Int

        func fields<Visitor: FieldVisitor>(_ visitor: inout Visitor) {
            visitor.field("count", count)
        }
    }

    struct PersonaPage: Sendable, TemplateFields {
        let site: Chrome
        let persona: PersonaCard
        let schedule: [ScheduleDay]
        let themeHeaders: [String]
        let mix: [MixRow]
        let chart: Chart
        let diagnostics: [DiagnosticView]
        let hasDiagnostics: Bool
        let feedHref: String
        let otherPersonas: [Chrome.NavLink]
        let legend: [CalendarPages.LegendEntry]

        func fields<Visitor: FieldVisitor>(_ visitor: inout Visitor) {
            visitor.field("site", site)
            visitor.field("persona", persona)
            visitor.field("schedule", schedule)
            visitor.field("themeHeaders", themeHeaders)
            visitor.field("mix", mix)
            visitor.field("chart", chart)
            visitor.field("diagnostics", diagnostics)
            visitor.field("hasDiagnostics", hasDiagnostics)
            visitor.field("feedHref", feedHref)
            visitor.field("otherPersonas", otherPersonas)
            visitor.field("legend", legend)
        }
    }

    func schedule(_ items: [Item]) -> [ScheduleDay] {
        var days: [ScheduleDay] = []
        var current: [ItemChip] = []
        var currentDate: LocalDate?
        for item in items {
            if item.date != currentDate, let date = currentDate {
                days.append(ScheduleDay(label: model.dateLabel(date), date: date.description, items: current))
                current = []
            }
            currentDate = item.date
            if let chip = model.chips[item.id] { current.append(chip) }
        }
        if let date = currentDate { days.append(ScheduleDay(label: model.dateLabel(date), date: date.description, items: current)) }
        return days
    }

    func personas(index: PlanIndex) -> [LazyPageJob] {
        let themes = model.plan.config.themes
        return model.plan.personas.map { persona in
            let path = SitePath.persona(persona.id)
            return LazyPageJob(path: path) {
                let items = index.itemsByPersona[persona.id] ?? []
                let moments = index.momentsByPersona[persona.id] ?? []
                var counts: [ISOWeek: [Int]] = [:]
                for moment in moments where model.plan.config.contains(moment.date) {
                    guard let theme = moment.theme, let position = themes.firstIndex(where: { $0.id == theme }) else { continue }
                    counts[moment.date.isoWeek, default: Array(repeating: 0, count: themes.count)][position] += 1
                }
                let mix = model.weeks.map { week -> MixRow in
                    let row = counts[week] ?? Array(repeating: 0, count: themes.count)
                    return MixRow(week: week.description, cells: row.map(MixCell.init), total: row.reduce(0, +))
                }
                let page = PersonaPage(
                    site: Chrome(model: model, pagePath: path, pageTitle: persona.name, section: "personas", serveMode: serveMode),
                    persona: PersonaCard(persona, model: model),
                    schedule: schedule(items),
                    themeHeaders: themes.map(\.label),
                    mix: mix,
                    chart: mixChart(mix),
                    diagnostics: model.diagnosticViews(model.diagnosticsByPersona[persona.id] ?? []),
                    hasDiagnostics: !(model.diagnosticsByPersona[persona.id] ?? []).isEmpty,
                    feedHref: SitePath.encode(String(SitePath.personaFeed(persona.id).dropFirst("personas/".count))),
                    otherPersonas: model.plan.personas.map {
                        Chrome.NavLink(href: SitePath.encode(String(SitePath.persona($0.id).dropFirst("personas/".count))), label: $0.name, current: $0.id == persona.id)
                    },
                    legend: CalendarPages(model: model, serveMode: serveMode).legend())
                return PageJob(path: path, template: "persona", page: page)
            }
        }
    }
}
