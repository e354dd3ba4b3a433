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
            visitor.field(FieldKey.site, site)
            visitor.field(FieldKey.words, words)
            visitor.field(FieldKey.alias, alias)
            visitor.field(FieldKey.id, id)
            visitor.field(FieldKey.fields, fields)
            visitor.field(FieldKey.segmentHref, segmentHref)
            visitor.field(FieldKey.segmentLabel, segmentLabel)
            visitor.field(FieldKey.days, days)
            visitor.field(FieldKey.hasDays, hasDays)
            visitor.field(FieldKey.touches, touches)
            visitor.field(FieldKey.hasTouches, hasTouches)
            visitor.field(FieldKey.diagnostics, diagnostics)
            visitor.field(FieldKey.hasDiagnostics, hasDiagnostics)
        }
    }

    /// The page's own headings, in the site's language.
    struct PersonWords: Sendable, TemplateFields {
        let person, alias, dates, days, touches, touched, untouched, window: String

        init(_ model: SiteModel) {
            let text = model.text
            person = text(Localized(zh: "客户", en: "Customer"))
            alias = text(Localized(zh: "化名", en: "Alias"))
            dates = text(Localized(zh: "日子", en: "Dates"))
            days = text(Localized(zh: "计划内的日子", en: "Days in the plan"))
            touches = text(Localized(zh: "为 TA 安排的惊喜和私聊", en: "Surprises and chats planned for them"))
            touched = text(Localized(zh: "已安排", en: "Planned"))
            untouched = text(Localized(zh: "还没有安排", en: "Nothing planned yet"))
            window = text(Localized(zh: "当天或前 7 天内的惊喜、私聊", en: "Surprises and chats on the day or in the 7 days before"))
        }

        func fields<Visitor: FieldVisitor>(_ visitor: inout Visitor) {
            visitor.field(FieldKey.person, person)
            visitor.field(FieldKey.alias, alias)
            visitor.field(FieldKey.dates, dates)
            visitor.field(FieldKey.days, days)
            visitor.field(FieldKey.touches, touches)
            visitor.field(FieldKey.touched, touched)
            visitor.field(FieldKey.untouched, untouched)
            visitor.field(FieldKey.window, window)
        }
    }

    struct PersonDayRow: Sendable, TemplateFields {
        let date: String
        let name: String
        let touches: [ItemChip]
        let touched: Bool

        func fields<Visitor: FieldVisitor>(_ visitor: inout Visitor) {
            visitor.field(FieldKey.date, date)
            visitor.field(FieldKey.name, name)
            visitor.field(FieldKey.touches, touches)
            visitor.field(FieldKey.touched, touched)
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
                    site: Chrome(model: model, pagePath: path, pageTitle: person.alias, section: "people", serveMode: serveMode),
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

    /// `people/index.html`: every person with their segment, days in the plan and touches.
    func peopleIndex() -> [LazyPageJob] {
        let plan = model.plan
        guard !plan.people.isEmpty else { return [] }
        let path = SitePath.people
        return [LazyPageJob(path: path) {
            let zh = model.language == .zhCN
            var touches: [String: Int] = [:]
            for item in plan.items { if let person = item.person { touches[person, default: 0] += 1 } }
            let rows = plan.people.filter { SitePath.isSafeSegment($0.id) }.map { person -> OverviewRow in
                var figures = person.days(from: plan.config.start, to: plan.config.end).map {
                    "\(model.text($0.entry.label))\(model.strings.colon)\(model.dateLabel($0.date))"
                }
                if let segment = person.segment {
                    figures.insert("\(model.strings.segment)\(model.strings.colon)\(plan.config.segment(segment)?.label ?? segment)", at: 0)
                }
                let count = touches[person.id] ?? 0
                figures.append(zh ? "惊喜和私聊 \(count) 次" : "\(count) surprise\(count == 1 ? "" : "s") and chats")
                return OverviewRow(label: person.alias, id: person.id, href: SitePath.encode(SitePath.person(person.id)), figures: figures)
            }
            let page = OverviewPage(
                site: Chrome(model: model, pagePath: path, pageTitle: model.strings.people, section: "people", serveMode: serveMode),
                title: model.strings.people,
                intro: zh
                    ? "为其安排惊喜和私聊的客户（只写化名）：计划范围内的日子，以及点名 TA 的惊喜和私聊。"
                    : "The customers surprises and chats are planned around (aliases only): their days in the range and the surprises and chats naming them.",
                rows: rows, hasRows: !rows.isEmpty)
            return PageJob(path: path, template: "overview", page: page)
        }]
    }
}
