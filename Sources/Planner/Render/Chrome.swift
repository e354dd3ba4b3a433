/// The parts of every page around its content: language, titles, the way
/// back to the root, navigation and interface text. Templates read `site.*`.
struct Chrome: Sendable {
    let lang: String
    let siteTitle: String
    let pageTitle: String
    let root: String
    let t: UIStrings
    let nav: [NavLink]
    let serveMode: Bool
    let errorCount: Int
    let warningCount: Int
    let noticeCount: Int

    struct NavLink: Sendable {
        let href: String
        let label: String
        let current: Bool
    }

    /// Which section of the navigation the page belongs to.
    let section: String

    init(model: SiteModel, pagePath: String, pageTitle: String, section: String, serveMode: Bool) {
        lang = model.strings.lang
        siteTitle = model.plan.config.title
        self.pageTitle = pageTitle
        root = SitePath.root(for: pagePath)
        t = model.strings
        nav = model.navigation[section]
            ?? Self.navigation(strings: model.strings, weeks: model.weeks, plan: model.plan, current: section)
        self.section = section
        self.serveMode = serveMode
        errorCount = model.severityCounts.error
        warningCount = model.severityCounts.warning
        noticeCount = model.severityCounts.notice
    }

    static let sections = ["calendar", "weeks", "personas", "playbook", "warnings", "help"]

    /// The navigation links with `current` marking the page's section.
    static func navigation(strings: UIStrings, weeks: [ISOWeek], plan: Plan, current section: String) -> [NavLink] {
        let firstWeek = weeks.first.map { SitePath.week($0) } ?? "index.html"
        let targets: [(String, String, String)] = [
            ("calendar", "index.html", strings.calendar),
            ("weeks", firstWeek, strings.weeks),
            ("personas", plan.personas.first.map { SitePath.persona($0.id) } ?? "index.html", strings.personas),
            ("playbook", "playbook/index.html", strings.playbook),
            ("warnings", "warnings/index.html", strings.warnings),
            ("help", HelpPage.path, strings.rules),
        ]
        return targets.map { NavLink(href: SitePath.encode($0.1), label: $0.2, current: $0.0 == section) }
    }
}

/// One page to render: where it goes, with which template and data.
struct PageJob: Sendable {
    let path: String
    let template: String
    let context: any TemplateRepresentable & Sendable
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
