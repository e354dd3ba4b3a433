/// "What do I post now": for each persona the items of today through
/// today + 7 (in the plan's timezone, from `--today`), copy first with one
/// copy button and the images ready to save; today's and tomorrow's are
/// shown, and the theme's script moves to the viewer's date when the page is
/// opened on a later one of those days. Without JavaScript, or outside
/// them, the page keeps the day it was built and says so.
struct TodayPages {
    let model: SiteModel
    let serveMode: Bool

    /// How many days a page holds, today included.
    static let days = 8

    struct Entry: Sendable, TemplateFields {
        let chip: ItemChip
        /// The copy as it is posted: plain text, line breaks kept (UTF-8).
        let plain: [UInt8]
        let images: [ItemPages.Image]
        let hasImages: Bool
        /// Kind and channel, and the group or person it is for.
        let meta: String

        func fields<Visitor: FieldVisitor>(_ visitor: inout Visitor) {
            visitor.field(FieldKey.chip, chip)
            visitor.field(FieldKey.plain, plain)
            visitor.field(FieldKey.images, images)
            visitor.field(FieldKey.hasImages, hasImages)
            visitor.field(FieldKey.meta, meta)
        }
    }

    struct Day: Sendable, TemplateFields {
        let date: String
        let label: String
        /// "Today" or "tomorrow" as built; the script moves them.
        let relative: String?
        let shown: Bool
        var entries: [Entry]
        /// The day's holiday, term, festival or event, and whether it is quiet (no promotion).
        var calendar = CalendarMarks()
        /// After the entries of a day cut short (`fitted`): where the rest is (none or one).
        var more: [More] = []

        func fields<Visitor: FieldVisitor>(_ visitor: inout Visitor) {
            visitor.field(FieldKey.calendar, calendar)
            visitor.field(FieldKey.date, date)
            visitor.field(FieldKey.label, label)
            visitor.field(FieldKey.relative, relative)
            visitor.field(FieldKey.shown, shown)
            visitor.field(FieldKey.entries, entries)
            visitor.field(FieldKey.more, more)
        }
    }

    struct PersonaPage: Sendable, TemplateFields {
        let site: Chrome
        let w: PageWords
        let personaName: String
        let timezone: String
        let built: String
        let builtNote: String
        let outsideNote: String
        let days: [Day]
        /// On a page past the budget (`fitted`): what it leaves out and where (none or one).
        let leftOut: [LeftOut]

        func fields<Visitor: FieldVisitor>(_ visitor: inout Visitor) {
            visitor.field(FieldKey.site, site)
            visitor.field(FieldKey.w, w)
            visitor.field(FieldKey.personaName, personaName)
            visitor.field(FieldKey.timezone, timezone)
            visitor.field(FieldKey.built, built)
            visitor.field(FieldKey.builtNote, builtNote)
            visitor.field(FieldKey.outsideNote, outsideNote)
            visitor.field(FieldKey.days, days)
            visitor.field(FieldKey.leftOut, leftOut)
        }
    }

    struct PersonaLink: Sendable, TemplateFields {
        let name: String
        let href: String
        let todayCount: Int
        let count: Int

        func fields<Visitor: FieldVisitor>(_ visitor: inout Visitor) {
            visitor.field(FieldKey.name, name)
            visitor.field(FieldKey.href, href)
            visitor.field(FieldKey.todayCount, todayCount)
            visitor.field(FieldKey.count, count)
        }
    }

    struct IndexPage: Sendable, TemplateFields {
        let site: Chrome
        let w: PageWords
        let dateLabel: String
        let personas: [PersonaLink]

        func fields<Visitor: FieldVisitor>(_ visitor: inout Visitor) {
            visitor.field(FieldKey.site, site)
            visitor.field(FieldKey.w, w)
            visitor.field(FieldKey.dateLabel, dateLabel)
            visitor.field(FieldKey.personas, personas)
        }
    }

    /// The persona's items of the window, by day, each day in time order.
    func window(of persona: String) -> [(date: LocalDate, items: [Item])] {
        let first = model.today
        let last = first.adding(days: Self.days - 1)
        var byDay: [LocalDate: [(offset: Int, item: Item)]] = [:]
        for (offset, item) in model.plan.items.enumerated() where item.persona == persona && item.date >= first && item.date <= last {
            byDay[item.date, default: []].append((offset, item))
        }
        return (0..<Self.days).map { day in
            let date = first.adding(days: day)
            let items = (byDay[date] ?? []).sorted { ($0.item.time, $0.offset) < ($1.item.time, $1.offset) }.map(\.item)
            return (date, items)
        }
    }

    func jobs() -> [LazyPageJob] {
        [LazyPageJob(index(), path: SitePath.todayIndex)]
            + model.plan.personas.map { persona in
                let path = SitePath.today(persona.id)
                return LazyPageJob(page(for: persona.id, path: path), path: path)
            }
    }

    func index() -> PageJob {
        let path = SitePath.todayIndex
        let words = PageWords(language: model.language)
        let personas = model.plan.personas.map { persona in
            let window = window(of: persona.id)
            return PersonaLink(
                name: persona.name, href: SitePath.encode(String(SitePath.today(persona.id).dropFirst("today/".count))),
                todayCount: window.first?.items.count ?? 0, count: window.reduce(0) { $0 + $1.items.count })
        }
        let page = IndexPage(
            site: Chrome(model: model, pagePath: path, pageTitle: words.text("todayTitle"), section: "today", serveMode: serveMode),
            w: words, dateLabel: model.dateLabel(model.today), personas: personas)
        return PageJob(path: path, template: "today-index", page: page)
    }

    func page(for persona: String, path: String) -> PageJob {
        let words = PageWords(language: model.language)
        let markdown = MarkdownRenderer()
        let config = model.plan.config
        let window = window(of: persona)
        let allDays = window.enumerated().map { position, day in
            Day(
                date: day.date.description, label: model.dateLabel(day.date),
                relative: position == 0 ? words.text("today") : position == 1 ? words.text("tomorrow") : nil,
                shown: position < 2,
                entries: day.items.compactMap { item in
                    guard let chip = model.chips[item.id] else { return nil }
                    var meta = [item.time.description, model.text(item.kind.label)]
                    if let via = item.via { meta.append(model.text(via.label)) }
                    if let group = item.group { meta.append(config.group(group)?.label ?? group) }
                    if let person = item.person { meta.append(model.personName(person)) }
                    // What may not go out as it is: not written yet, or not signed off by review.
                    if item.status == .idea || item.status == .draft { meta.append("⚠ " + model.text(item.status.label)) }
                    if let state = model.reviewState(of: item), state != .signed { meta.append("⚠ " + model.text(state.label)) }
                    let images = ItemPages.images(of: item)
                    return Entry(
                        chip: chip, plain: markdown.plainTextBytes(item.body), images: images, hasImages: !images.isEmpty,
                        meta: meta.joined(separator: " · "))
                },
                calendar: CalendarMarks(model.plan.calendarDay(day.date), language: model.language))
        }
        let built = model.dateLabel(model.today)
        let fitted = fitted(allDays, items: window.map(\.items), persona: persona)
        let outside = fitted == nil ? words.text("outsideNote") : model.text(Self.shortOutsideNote)
        let page = PersonaPage(
            site: Chrome(
                model: model, pagePath: path, pageTitle: "\(model.personaName(persona)) · \(words.text("todayTitle"))", section: "today",
                serveMode: serveMode),
            w: words, personaName: model.personaName(persona), timezone: config.timezone, built: model.today.description,
            builtNote: words.text("builtNote").replacingOccurrences(of: "{date}", with: built),
            outsideNote: outside.replacingOccurrences(of: "{date}", with: built),
            days: fitted?.days ?? allDays, leftOut: fitted.map { [$0.leftOut] } ?? [])
        return PageJob(path: path, template: "today", page: page)
    }
}
