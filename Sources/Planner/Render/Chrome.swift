/// The parts of every page around its content: language, titles, the way
/// back to the root, navigation and interface text. Templates read `site.*`.
struct Chrome: Sendable, TemplateFields {
    let lang: String
    let siteTitle: String
    let pageTitle: String
    let root: String
    let t: SharedStrings
    let nav: Navigation
    let serveMode: Bool
    let errorCount: Int
    let warningCount: Int
    let noticeCount: Int

    struct NavLink: Sendable, TemplateFields {
        let href: String
        let label: String
        let current: Bool

        func fields<Visitor: FieldVisitor>(_ visitor: inout Visitor) {
            visitor.field(FieldKey.href, href)
            visitor.field(FieldKey.label, label)
            visitor.field(FieldKey.current, current)
        }
    }

    /// Which section of the navigation the page belongs to.
    let section: String

    init(model: SiteModel, pagePath: String, pageTitle: String, section: String, serveMode: Bool) {
        lang = model.strings.lang
        siteTitle = model.plan.config.title
        self.pageTitle = pageTitle
        root = SitePath.root(for: pagePath)
        t = model.sharedStrings
        nav = model.navigation[section]
            ?? Navigation(Self.navigation(strings: model.strings, weeks: model.weeks, plan: model.plan, today: model.today, current: section))
        self.section = section
        self.serveMode = serveMode
        errorCount = model.severityCounts.error
        warningCount = model.severityCounts.warning
        noticeCount = model.severityCounts.notice
    }

    static let sections = ["calendar", "today", "weeks", "personas", "groups", "segments", "people", "results", "playbook", "warnings", "help"]

    /// The navigation links with `current` marking the page's section.
    static func navigation(strings: UIStrings, weeks: [ISOWeek], plan: Plan, today: LocalDate, current section: String) -> [NavLink] {
        // The week holding today, like the calendar's month; the first week when today is outside the range.
        let week = weeks.contains(today.isoWeek) ? today.isoWeek : weeks.first
        let firstWeek = week.map { SitePath.week($0) } ?? "index.html"
        var targets: [(String, String, String)] = [
            ("calendar", "index.html", strings.calendar),
            ("today", SitePath.todayIndex, strings.today),
            ("weeks", firstWeek, strings.weeks),
            ("personas", plan.personas.first.map { SitePath.persona($0.id) } ?? "index.html", strings.personas),
            ("groups", SitePath.groups, strings.groups),
            ("segments", SitePath.segments, strings.segments),
            ("results", ResultsPages.path, strings.lang == "zh-CN" ? "效果" : "Results"),
            ("playbook", "playbook/index.html", strings.playbook),
            ("warnings", SitePath.warnings, strings.warnings),
            ("help", HelpPage.path, strings.rules),
        ]
        // The customers of people/, when the plan has any.
        if !plan.people.isEmpty { targets.insert(("people", SitePath.people, strings.people), at: 6) }
        return targets.map { NavLink(href: SitePath.encode($0.1), label: $0.2, current: $0.0 == section) }
    }

    func fields<Visitor: FieldVisitor>(_ visitor: inout Visitor) {
        visitor.field(FieldKey.lang, lang)
        visitor.field(FieldKey.siteTitle, siteTitle)
        visitor.field(FieldKey.pageTitle, pageTitle)
        visitor.field(FieldKey.root, root)
        visitor.field(FieldKey.t, t)
        visitor.field(FieldKey.nav, nav)
        visitor.field(FieldKey.section, section)
        visitor.field(FieldKey.serveMode, serveMode)
        visitor.field(FieldKey.errorCount, errorCount)
        visitor.field(FieldKey.warningCount, warningCount)
        visitor.field(FieldKey.noticeCount, noticeCount)
    }
}

/// A section's navigation links, made into a template value once for all the section's pages.
final class Navigation: SharedTemplateValue, Sendable {
    let links: [Chrome.NavLink]
    let value: TemplateValue

    init(_ links: [Chrome.NavLink]) {
        self.links = links
        value = .list(links.map(\.templateValue))
    }

    func fields<Visitor: FieldVisitor>(_ visitor: inout Visitor) {
        visitor.field(FieldKey.links, links)
    }
}

/// The interface text as templates read it (`{{t.name}}`), made once per
/// site. Its fields are `UIStrings`' own properties, read by reflection once
/// per build: a second list of a hundred names could only fall behind.
final class SharedStrings: SharedTemplateValue, Sendable {
    let strings: UIStrings
    let value: TemplateValue
    let signature: Int

    init(_ strings: UIStrings) {
        self.strings = strings
        var builder = TemplateValueBuilder()
        Self.fields(of: strings, &builder)
        value = builder.value
        var hasher = SignatureBuilder(shared: SharedSignatures())
        Self.fields(of: strings, &hasher)
        signature = hasher.hasher.finalize()
    }

    func fields<Visitor: FieldVisitor>(_ visitor: inout Visitor) { Self.fields(of: strings, &visitor) }

    private static func fields<Visitor: FieldVisitor>(of strings: UIStrings, _ visitor: inout Visitor) {
        for child in Mirror(reflecting: strings).children {
            guard let label = child.label, let text = child.value as? String else { continue }
            visitor.field(TemplateKey(label), text)
        }
    }
}

/// One page to render: where it goes, with which template and data.
struct PageJob: Sendable {
    let path: String
    let template: String
    /// The page model as its template reads it; made when rendered.
    let value: @Sendable () -> TemplateValue

    /// Generic, so the page's fields are read by code specialised for its model.
    init<Page: TemplateFields & Sendable>(path: String, template: String, page: Page) {
        self.path = path
        self.template = template
        value = { page.templateValue }
    }
}

/// A page whose model is built only when it is rendered: in parallel with
/// the others, and in `serve` not at all when its inputs did not change.
struct LazyPageJob: Sendable {
    let path: String
    let make: @Sendable () -> PageJob

    init(path: String, make: @escaping @Sendable () -> PageJob) {
        self.path = path
        self.make = make
    }

    init(_ job: @autoclosure @escaping @Sendable () -> PageJob, path: String) {
        self.path = path
        self.make = job
    }
}
