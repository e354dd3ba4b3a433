/// `people/<id>.html` (SPEC 11.6): a customer's days inside the plan and
/// the surprises and chats planned around them. Only the alias is shown:
/// people files never hold a real name.
extension EntityPages {
    struct PersonPage: Sendable, TemplateFields {
        let site: Chrome
        let words: PersonWords
        let alias: String
        let id: String
        let fields: [Field]
        let segmentHref: String?
        let segmentLabel: String?
        let days: [PersonDayRow]
        let hasDays: Bool
        let touches: [ItemChip]
        let hasTouches: Bool
        let diagnostics: [DiagnosticView]
        let hasDiagnostics: Bool

        func fields<Visitor: FieldVisitor>(_ visitor: inout Visitor) {
            visitor.field("site", site)
            visitor.field("words", words)
            visitor.field("alias", alias)
            visitor.field("id", id)
            visitor.field("fields", fields)
            visitor.field("segmentHref", segmentHref)
            visitor.field("segmentLabel", segmentLabel)
            visitor.field("days", days)
            visitor.field("hasDays", hasDays)
            visitor.field("touches", touches)
            visitor.field("hasTouches", hasTouches)
            visitor.field("diagnostics", diagnostics)
            visitor.field("hasDiagnostics", hasDiagnostics)
        }
    }

    /// The page's own headings, in the site's language.
    struct PersonWords: Sendable, TemplateFields {
        let person, alias, dates, days, touches, touched, untouched, window: String

        init(_ model: SiteModel) {
            let text = model.text
            person = text(Localized(zh: "人物", en: "Person"))
            alias = text(Localized(zh: "化名", en: "Alias"))
            dates = text(Localized(zh: "日子", en: "Dates"))
            days = text(Localized(zh: "计划内的日子", en: "Days in the plan"))
            touches = text(Localized(zh: "为 TA 安排的惊喜和私聊", en: "Surprises and chats planned for them"))
            touched = text(Localized(zh: "已安排", en: "Planned"))
            untouched = text(Localized(zh: "还没有安排", en: "Nothing planned yet"))
            window = text(Localized(zh: "当天或前 7 天内的惊喜、私聊", en: "Surprises and chats on the day or in the 7 days before"))
        }

        func fields<Visitor: FieldVisitor>(_ visitor: inout Visitor) {
            visitor.field("person", person)
            visitor.field("alias", alias)
            visitor.field("dates", dates)
            visitor.field("days", days)
            visitor.field("touches", touches)
            visitor.field("touched", touched)
            visitor.field("untouched", untouched)
            visitor.field("window", window)
        }
    }

    struct PersonDayRow: Sendable, TemplateFields {
        let date: String
        let name: String
        let touches: [ItemChip]
        let touched: Bool

        func fields<Visitor: FieldVisitor>(_ visitor: inout Visitor) {
            visitor.field("date", date)
            visitor.field("name", name)
            visitor.field("touches", touches)
            visitor.field("touched", touched)
        }
    }

    func people() -> [LazyPageJob] {
        let plan = model.plan
        // The items naming each person, chronological.
        var touchesByPerson: [String: [Item]] = [:]
        for item in plan.items { if let person = item.person { touchesByPerson[person, default: []].append(item) } }
        let byPerson = touchesByPerson
        return plan.people.filter { SitePath.isSafeSegment($0.id) }.map { person in
            let path = SitePath.person(person.id)
            return LazyPageJob(path: path) {
                let touches = byPerson[person.id] ?? []
                let config = plan.config
                let days = person.days(from: config.start, to: config.end).map { day -> PersonDayRow in
                    let near = PersonDayRule.touches(of: person.id, before: day.date, in: touches)
                    return PersonDayRow(
                        date: model.dateLabel(day.date), name: model.text(day.entry.label),
                        touches: near.compactMap { model.chips[$0.id] }, touched: !near.isEmpty)
                }
                var fields = [Field(label: model.text(Localized(zh: "化名", en: "Alias")), value: person.alias)]
                for entry in person.dates {
                    fields.append(Field(label: model.text(entry.label), value: entry.written))
                }
                let diagnostics = model.diagnostics.filter { $0.location.file == person.file }
                let page = PersonPage(
                    site: Chrome(model: model, pagePath: path, pageTitle: person.alias, section: "personas", serveMode: serveMode),
                    words: PersonWords(model), alias: person.alias, id: person.id, fields: fields,
                    segmentHref: person.segment.flatMap { config.segment($0) }.map { SitePath.encode(SitePath.segment($0.id)) },
                    segmentLabel: person.segment.map { config.segment($0)?.label ?? $0 },
                    days: days, hasDays: !days.isEmpty,
                    touches: touches.compactMap { model.chips[$0.id] }, hasTouches: !touches.isEmpty,
                    diagnostics: model.diagnosticViews(diagnostics), hasDiagnostics: !diagnostics.isEmpty)
                return PageJob(path: path, template: "person", page: page)
            }
        }
    }
}
