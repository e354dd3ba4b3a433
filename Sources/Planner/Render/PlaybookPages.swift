/// The playbook: an index with persona cards and the rules in plain words,
/// and one page per week with every item's full copy.
struct PlaybookPages {
    let model: SiteModel
    let serveMode: Bool

    struct RuleLine: Sendable, TemplateFields {
        let id: String
        let summary: String
        let explanation: String
        let severity: String
        let severityLabel: String
        let options: String?

        func fields<Visitor: FieldVisitor>(_ visitor: inout Visitor) {
            visitor.field(FieldKey.id, id)
            visitor.field(FieldKey.summary, summary)
            visitor.field(FieldKey.explanation, explanation)
            visitor.field(FieldKey.severity, severity)
            visitor.field(FieldKey.severityLabel, severityLabel)
            visitor.field(FieldKey.options, options)
        }
    }

    struct WeekLink: Sendable, TemplateFields {
        let name: String
        let href: String
        let range: String
        let count: Int

        func fields<Visitor: FieldVisitor>(_ visitor: inout Visitor) {
            visitor.field(FieldKey.name, name)
            visitor.field(FieldKey.href, href)
            visitor.field(FieldKey.range, range)
            visitor.field(FieldKey.count, count)
        }
    }

    /// One persona's own playbook weeks.
    struct PersonaWeeks: Sendable, TemplateFields {
        let name: String
        let weeks: [WeekLink]

        func fields<Visitor: FieldVisitor>(_ visitor: inout Visitor) {
            visitor.field(FieldKey.name, name)
            visitor.field(FieldKey.weeks, weeks)
        }
    }

    struct IndexPage: Sendable, TemplateFields {
        let site: Chrome
        let personas: [PersonaCard]
        let rules: [RuleLine]
        let weeks: [WeekLink]
        let personaWeeks: [PersonaWeeks]
        let byPersona: String

        func fields<Visitor: FieldVisitor>(_ visitor: inout Visitor) {
            visitor.field(FieldKey.site, site)
            visitor.field(FieldKey.personas, personas)
            visitor.field(FieldKey.rules, rules)
            visitor.field(FieldKey.weeks, weeks)
            visitor.field(FieldKey.personaWeeks, personaWeeks)
            visitor.field(FieldKey.byPersona, byPersona)
        }
    }

    struct Entry: Sendable, TemplateFields {
        let chip: ItemChip
        /// The copy, rendered (UTF-8).
        let html: [UInt8]
        let plain: PlainCopy
        let personaName: String
        let extra: String?
        let images: [ItemPages.Image]
        let hasImages: Bool

        func fields<Visitor: FieldVisitor>(_ visitor: inout Visitor) {
            visitor.field(FieldKey.chip, chip)
            visitor.field(FieldKey.html, html)
            visitor.field(FieldKey.plain, plain)
            visitor.field(FieldKey.personaName, personaName)
            visitor.field(FieldKey.extra, extra)
            visitor.field(FieldKey.images, images)
            visitor.field(FieldKey.hasImages, hasImages)
        }
    }

    /// An entry made once for all of a week's pages: the week's page and its
    /// persona's show it alike, so its value is built (and freed) once.
    final class SharedEntry: SharedTemplateValue, Sendable {
        let entry: Entry
        let value: TemplateValue

        init(_ entry: Entry) {
            self.entry = entry
            value = entry.templateValue
        }

        var signature: Int { entry.signature }

        func fields<Visitor: FieldVisitor>(_ visitor: inout Visitor) { entry.fields(&visitor) }
    }

    /// The entries of one week's items, by item id, made as its pages ask (one thread: a week is one render unit).
    final class EntryCache {
        fileprivate var entries: [String: SharedEntry] = [:]

        init() {}
    }

    struct Day: Sendable, TemplateFields {
        let label: String
        let date: String
        let entries: [SharedEntry]
        /// The day's holiday, term, festival or event, and whether it is quiet (no promotion).
        var calendar = CalendarMarks()

        func fields<Visitor: FieldVisitor>(_ visitor: inout Visitor) {
            visitor.field(FieldKey.calendar, calendar)
            visitor.field(FieldKey.label, label)
            visitor.field(FieldKey.date, date)
            visitor.field(FieldKey.entries, entries)
        }
    }

    /// A link from a week's page to the same week of one persona, or back to all.
    struct PersonaLink: Sendable, TemplateFields {
        let name: String
        let href: String
        let current: Bool

        func fields<Visitor: FieldVisitor>(_ visitor: inout Visitor) {
            visitor.field(FieldKey.name, name)
            visitor.field(FieldKey.href, href)
            visitor.field(FieldKey.current, current)
        }
    }

    struct WeekPage: Sendable, TemplateFields {
        let site: Chrome
        let w: SharedPageWords
        let name: String
        /// The persona's name on a persona's own week.
        let personaName: String?
        let range: String
        let days: [Day]
        let hasDays: Bool
        let previous: String?
        let next: String?
        let indexHref: String
        let personaLinks: [PersonaLink]
        let byPersona: String
        /// Links to each page of a week past the page budget (`PageBudget`).
        let pages: [Chrome.NavLink]
        let hasPages: Bool

        func fields<Visitor: FieldVisitor>(_ visitor: inout Visitor) {
            visitor.field(FieldKey.site, site)
            visitor.field(FieldKey.w, w)
            visitor.field(FieldKey.pages, pages)
            visitor.field(FieldKey.hasPages, hasPages)
            visitor.field(FieldKey.name, name)
            visitor.field(FieldKey.personaName, personaName)
            visitor.field(FieldKey.indexHref, indexHref)
            visitor.field(FieldKey.personaLinks, personaLinks)
            visitor.field(FieldKey.byPersona, byPersona)
            visitor.field(FieldKey.range, range)
            visitor.field(FieldKey.days, days)
            visitor.field(FieldKey.hasDays, hasDays)
            visitor.field(FieldKey.previous, previous)
            visitor.field(FieldKey.next, next)
        }
    }

    func index(itemsByWeek: [ISOWeek: [Item]]) -> PageJob {
        let path = "playbook/index.html"
        let settings = model.plan.config.rules
        let rules = RuleCatalogue.all.filter { settings.isEnabled($0.id) && $0.concern == .practice }.map { rule in
            RuleLine(
                id: rule.id, summary: RuleWords.summary(rule, settings: settings, language: model.language), explanation: model.text(rule.explanation),
                severity: settings.severity(of: rule).rawValue, severityLabel: model.text(settings.severity(of: rule).label),
                options: Optional(rule.options.compactMap { option in settings.value(option.name, of: rule).map { "\(option.name): \($0)" } }
                    .joined(separator: ", ")).flatMap { $0.isEmpty ? nil : $0 })
        }
        let page = IndexPage(
            site: Chrome(model: model, pagePath: path, pageTitle: model.strings.playbook, section: "playbook", serveMode: serveMode),
            personas: model.plan.personas.map { PersonaCard($0, model: model) },
            rules: rules,
            weeks: model.weeks.map { week in
                WeekLink(
                    name: WeekTitle.text(week, language: model.language), href: SitePath.encode(String(SitePath.playbookWeek(week).dropFirst("playbook/".count))),
                    range: "\(week.monday) – \(week.monday.adding(days: 6))", count: itemsByWeek[week]?.count ?? 0)
            },
            personaWeeks: model.plan.personas.map { persona in
                PersonaWeeks(name: persona.name, weeks: model.weeks.map { week in
                    WeekLink(
                        name: WeekTitle.text(week, language: model.language),
                        href: SitePath.encode(String(SitePath.playbookWeek(week, persona: persona.id).dropFirst("playbook/".count))),
                        range: "\(week.monday) – \(week.monday.adding(days: 6))",
                        count: itemsByWeek[week]?.filter { $0.persona == persona.id }.count ?? 0)
                })
            },
            byPersona: model.text(Self.byPersonaWords))
        return PageJob(path: path, template: "playbook-index", page: page)
    }

    static let byPersonaWords = Localized(zh: "按人设", en: "By persona")
    static let allPersonasWords = Localized(zh: "全部人设", en: "All personas")

    /// The playbook pages of a week's items: each entry carries its copy twice
    /// (rendered, and plain behind the copy button), so a dense week of long
    /// copy continues on `<week>-2.html`, … (`PageBudget`). Estimated from the
    /// body, which serve knows before it renders: the rendered copy and its
    /// escaped plain text stay under three times the body, plus the entry's markup.
    static func pageRanges(_ items: [Item]) -> [Range<Int>] {
        PageBudget.ranges(count: items.count) { estimatedBytes(items[$0]) }
    }

    /// What an item's entry adds to a playbook page (`pageRanges`).
    static func estimatedBytes(_ item: Item) -> Int { 1_500 + item.body.utf8.count * 3 + item.images.count * 400 }

    /// How many pages entries of these estimated bytes take, as `pageRanges` cuts them.
    static func pageCount(_ sizes: [Int]) -> Int { PageBudget.ranges(count: sizes.count) { sizes[$0] }.count }

    /// The pages of the week at `position` in `model.weeks`, of every persona
    /// or, with `persona`, of that persona's items only: one, or more past the page budget.
    /// - Parameter copies: the rendered copy of each of the week's items, by item id.
    /// - Parameter links: `personaLinks(at: position)`, worked out once for the week's pages.
    func week(
        at position: Int, items allItems: [Item], copies: [String: RenderedCopy], persona: String? = nil, links: PersonaLinks? = nil,
        entries: EntryCache = EntryCache()
    ) -> [PageJob] {
        let weekItems = persona.map { id in allItems.filter { $0.persona == id } } ?? allItems
        let ranges = Self.pageRanges(weekItems)
        let links = links ?? personaLinks(at: position)
        return ranges.enumerated().map { number, range in
            week(
                at: position, items: weekItems[range], copies: copies, persona: persona, page: number + 1, of: ranges.count, links: links,
                made: entries)
        }
    }

    /// Where a week's persona links lead, from the site root: the same on the
    /// week's page of every persona (only the root in front and the current one differ).
    struct PersonaLinks: Sendable {
        let all: String
        let personas: [String]
    }

    func personaLinks(at position: Int) -> PersonaLinks {
        let week = model.weeks[position]
        return PersonaLinks(
            all: SitePath.encode(SitePath.playbookWeek(week)),
            personas: model.plan.personas.map { SitePath.encode(SitePath.playbookWeek(week, persona: $0.id)) })
    }

    private func week(
        at position: Int, items weekItems: ArraySlice<Item>, copies: [String: RenderedCopy], persona: String?, page: Int, of pageCount: Int,
        links: PersonaLinks, made: EntryCache
    ) -> PageJob {
        let week = model.weeks[position]
        let path = SitePath.playbookWeek(week, persona: persona, page: page)
        var days: [Day] = []
        var entries: [SharedEntry] = []
        var currentDate: LocalDate?
        for item in weekItems {
            if item.date != currentDate, let date = currentDate {
                days.append(Day(
                    label: model.dateLabel(date), date: date.description, entries: entries,
                    calendar: model.days[date]?.calendar ?? CalendarMarks(model.plan.calendarDay(date), language: model.language)))
                entries = []
            }
            currentDate = item.date
            guard let chip = model.chips[item.id] else { continue }
            if let known = made.entries[item.id] {
                entries.append(known)
            } else {
                let entry = SharedEntry(entry(item, chip: chip, copy: copies[item.id]))
                made.entries[item.id] = entry
                entries.append(entry)
            }
        }
        if let date = currentDate { days.append(Day(
                    label: model.dateLabel(date), date: date.description, entries: entries,
                    calendar: model.days[date]?.calendar ?? CalendarMarks(model.plan.calendarDay(date), language: model.language))) }
        let root = SitePath.root(for: path)
        /// A sibling page's link: persona weeks sit in their own folder.
        func sibling(_ position: Int) -> String {
            SitePath.encode(Self.fileName(SitePath.playbookWeek(model.weeks[position], persona: persona)))
        }
        let personaName = persona.map { model.personaName($0) }
        let weekTitle = WeekTitle.text(week, language: model.language) + PageBudget.suffix(page: page, of: pageCount, language: model.language)
        let pageLinks = PageBudget.links(pages: pageCount, current: page) { number in
            SitePath.encode(Self.fileName(SitePath.playbookWeek(week, persona: persona, page: number)))
        }
        let title = [model.strings.playbook, personaName, weekTitle].compactMap { $0 }.joined(separator: " · ")
        let personaLinks = [PersonaLink(name: model.text(Self.allPersonasWords), href: root + links.all, current: persona == nil)]
            + zip(model.plan.personas, links.personas).map { other, href in
                PersonaLink(name: other.name, href: root + href, current: other.id == persona)
            }
        let weekPage = WeekPage(
            site: Chrome(model: model, pagePath: path, pageTitle: title, section: "playbook", serveMode: serveMode),
            w: SharedPageWords.of(model.language), name: weekTitle, personaName: personaName,
            range: "\(week.monday) – \(week.monday.adding(days: 6))", days: days, hasDays: !days.isEmpty,
            previous: position > 0 ? sibling(position - 1) : nil,
            next: position + 1 < model.weeks.count ? sibling(position + 1) : nil,
            indexHref: root + "playbook/index.html", personaLinks: personaLinks, byPersona: model.text(Self.byPersonaWords),
            pages: pageLinks, hasPages: pageCount > 1)
        return PageJob(path: path, template: "playbook-week", page: weekPage)
    }

    /// The last segment of a week's path (they never end with a slash): its link from a sibling page.
    private static func fileName(_ path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return path }
        return String(path[path.utf8.index(after: slash)...])
    }

    private func entry(_ item: Item, chip: ItemChip, copy: RenderedCopy?) -> Entry {
        var extra: [String] = []
        if let group = item.group { extra.append(model.plan.config.group(group)?.label ?? group) }
        if let via = item.via { extra.append(model.text(via.label)) }
        if let gift = item.gift { extra.append("\(model.strings.gift): \(gift)") }
        if let purpose = item.purpose { extra.append("\(model.strings.purpose): \(model.text(purpose.label))") }
        if let person = item.person { extra.append("\(model.strings.person): \(model.personName(person))") }
        // What may not go out yet: the playbook marks it where the copy is pasted from.
        if let state = model.reviewState(of: item), state != .signed { extra.append("⚠ " + model.text(state.label)) }
        return Entry(
            chip: chip, html: copy?.html ?? [], plain: copy?.plainCopy ?? .empty,
            personaName: model.personaName(item.persona), extra: extra.isEmpty ? nil : extra.joined(separator: " · "),
            images: ItemPages.images(of: item), hasImages: !item.images.isEmpty)
    }
}
