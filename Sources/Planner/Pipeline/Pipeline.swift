internal import CSupport
import Foundation

/// The one place that strings the stages together: load → resolve → rules →
/// render → write. `check`, `build`, `serve`, `new`, `init` and `--new-since`
/// all run through it, so the order, the default `today` and the language are
/// worked out once. What is kept between runs (serve) comes in as `caches`.
public struct Pipeline: Sendable {
    /// Where the plan is read from and the site goes.
    public struct Paths: Sendable {
        public let content: URL
        /// Nil: the check only (`check`, `new`).
        public let output: Destination?
        /// The `themes/` folder; nil: the built-in theme only.
        public let themes: URL?

        public init(content: URL, output: Destination? = nil, themes: URL? = nil) {
            self.content = content.standardizedFileURL
            self.output = output
            self.themes = themes?.standardizedFileURL
        }
    }

    public enum Destination: Sendable {
        /// Rendered into a sibling folder and swapped in whole (`build`).
        case replace(URL)
        /// Rendered over the folder's files in place (serve's private folder).
        case inPlace(URL)
    }

    /// What a run may reuse from the last one (serve); every field nil for a one-off run.
    public struct Caches: Sendable {
        public var documents: DocumentCache?
        public var rules: RuleMemo?
        public var render: RenderMemo?
        public var copies: CopyCache?
        public var theme: ThemeCache?
        /// Where the load leaves the bytes it read, for a text report's excerpts.
        public var texts: SourceTexts?
        /// serve's finer stage times, for its log.
        public var phases: PhaseLog?

        public init(
            documents: DocumentCache? = nil, rules: RuleMemo? = nil, render: RenderMemo? = nil, copies: CopyCache? = nil,
            theme: ThemeCache? = nil, texts: SourceTexts? = nil, phases: PhaseLog? = nil
        ) {
            self.texts = texts
            self.phases = phases
            self.documents = documents
            self.rules = rules
            self.render = render
            self.copies = copies
            self.theme = theme
        }

        public static let none = Caches()
        /// Fresh caches for a server's rebuilds.
        public static func all() -> Caches {
            Caches(
                documents: DocumentCache(), rules: RuleMemo(), render: RenderMemo(), copies: CopyCache(), theme: ThemeCache(),
                phases: PhaseLog())
        }
    }

    /// The outcome of a run up to the rules.
    public struct Checked: Sendable {
        public let result: CheckResult
        /// The day date-dependent rules used; nil when plan.yml could not be read.
        public let today: LocalDate?
        /// The content folder as the loader found it (assets are copied from it).
        public let contentRoot: URL
        /// The plan's index, as the rules used it; nil without a plan.
        public var index: PlanIndex? = nil
        public var plan: Plan? { result.plan }
    }

    public enum Outcome: Sendable {
        /// Written; the diagnostics are warnings and notices only.
        case built(CheckResult, pages: Int)
        /// Not written: the check found errors.
        case failed(CheckResult)
    }

    public let paths: Paths
    /// `--today`; nil: the real date in the plan's timezone.
    public let pinnedToday: LocalDate?
    /// `--lang`; nil: see `interfaceLanguage`.
    public let requestedLanguage: Language?
    public let caches: Caches
    public let engine: RuleEngine
    /// Adds the live-reload script to pages.
    public let serveMode: Bool
    /// Told when each stage ends, for `--verbose` timings, terminal progress and serve's log.
    public let observer: (@Sendable (BuildStage, Duration) -> Void)?

    public init(
        paths: Paths, today: LocalDate? = nil, language: Language? = nil, caches: Caches = .none, engine: RuleEngine = RuleEngine(),
        serveMode: Bool = false, observer: (@Sendable (BuildStage, Duration) -> Void)? = nil
    ) {
        self.paths = paths
        self.pinnedToday = today
        self.requestedLanguage = language
        self.caches = caches
        self.engine = engine
        self.serveMode = serveMode
        self.observer = observer
    }

    /// A check-only pipeline over a content folder.
    public init(content: URL, today: LocalDate? = nil, language: Language? = nil, engine: RuleEngine = RuleEngine()) {
        self.init(paths: Paths(content: content), today: today, language: language, engine: engine)
    }

    // MARK: - The stages, in order

    /// Load → resolve: the plan and what the loader found on the way, for
    /// commands that work on the plan itself (`new`, spreadsheets).
    public func load() -> PlanLoader.Result {
        PlanLoader(contentDirectory: paths.content, cache: caches.documents, texts: caches.texts, phases: caches.phases).load()
    }

    /// Load → resolve → rules.
    public func check() -> Checked {
        var lap = Lap(observer: observer)
        return check(&lap)
    }

    private func check(_ lap: inout Lap) -> Checked {
        caches.phases?.start()
        let loaded = load()
        lap.finished(.load(items: loaded.plan?.items.count ?? 0))
        let contentRoot = URL(fileURLWithPath: loaded.contentRoot)
        guard let plan = loaded.plan else {
            let result = CheckResult(plan: nil, diagnostics: loaded.diagnostics.sorted(by: Diagnostic.reportOrder))
            return Checked(result: result, today: nil, contentRoot: contentRoot)
        }
        let day = today(for: plan.config)
        // Made once for the rules and the pages.
        let index = caches.rules?.index(for: plan) ?? PlanIndex(plan: plan)
        let diagnostics = engine.run(
            plan: plan, stageDiagnostics: loaded.diagnostics, today: day, memo: caches.rules, context: loaded.contextGeneration,
            index: index)
        caches.phases?.finished(.rules)
        lap.finished(.rules(diagnostics: diagnostics.count))
        return Checked(result: CheckResult(plan: plan, diagnostics: diagnostics), today: day, contentRoot: contentRoot, index: index)
    }

    /// The rules stage alone, on a plan held in memory: `new` tries its drafts
    /// this way (the plan as loaded plus the files it would write).
    public func rules(on plan: Plan, today day: LocalDate) -> [Diagnostic] {
        engine.run(plan: plan, stageDiagnostics: [], today: day)
    }

    /// Load → resolve → rules → render → write. With errors nothing is written.
    public func build() throws -> Outcome {
        guard let destination = paths.output else { preconditionFailure("a build needs an output folder") }
        planbuild_keep_heap()
        var lap = Lap(observer: observer)
        let checked = check(&lap)
        guard let plan = checked.plan, let day = checked.today, !checked.result.hasErrors else { return .failed(checked.result) }
        caches.texts?.keep(onlyFilesOf: checked.result.diagnostics)
        let theme: Theme
        do {
            theme = try loadTheme(plan.config.theme)
        } catch let error as Theme.LoadError {
            let diagnostics = (checked.result.diagnostics + [error.diagnostic]).sorted(by: Diagnostic.reportOrder)
            return .failed(CheckResult(plan: plan, diagnostics: diagnostics))
        }
        let renderer = SiteRenderer(
            plan: plan, diagnostics: checked.result.diagnostics, theme: theme, language: Self.siteLanguage(plan.config), today: day,
            contentRoot: checked.contentRoot, serveMode: serveMode, memo: caches.render, copyCache: caches.copies,
            phases: caches.phases, index: checked.index)
        switch destination {
        case .replace(let output):
            try SiteWriter(output: output, content: paths.content).replace { staging, ledger in
                let written = try renderer.render(into: staging, ledger: ledger)
                lap.finished(.render)
                return written
            }
            lap.finished(.write)
        case .inPlace(let folder):
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try renderer.render(into: folder)
            lap.finished(.render)
        }
        return .built(checked.result, pages: plan.items.count)
    }

    /// The theme, from the cache while its name is the same; a newly loaded
    /// theme makes every page of the render memo stale.
    private func loadTheme(_ name: String) throws -> Theme {
        if let cached = caches.theme?.theme(named: name) { return cached }
        let theme = try Theme.load(name: name, overrideDirectory: paths.themes)
        if let cache = caches.theme {
            cache.store(theme, named: name)
            caches.render?.reset()
        }
        return theme
    }

    // MARK: - What is worked out once

    /// The day date-dependent rules and pages use: `--today`, else the real date in the plan's timezone.
    public func today(for config: PlanConfig) -> LocalDate {
        pinnedToday ?? Self.today(in: config.timezone)
    }

    /// The real date in a timezone; the only reading of the clock for `today`
    /// (`init`, which has no plan yet, asks for the default timezone).
    public static func today(in timezone: String = PlanConfig.defaultTimezone, now: Date = Date()) -> LocalDate {
        LocalDate.today(in: timezone, now: now)
    }

    /// The language of the diagnostics a command prints: `--lang`, else the
    /// plan's `locale`; without a readable plan, the interface language
    /// (SPEC §11.1: `--lang`, the plan's explicit `locale`, the environment, zh-CN).
    public func reportLanguage(_ plan: Plan?, environment: [String: String] = ProcessInfo.processInfo.environment) -> Language {
        requestedLanguage ?? plan?.config.locale ?? interfaceLanguage(environment: environment)
    }

    /// SPEC §11.1's interface language, for what the command line itself says.
    public func interfaceLanguage(environment: [String: String] = ProcessInfo.processInfo.environment) -> Language {
        if let requestedLanguage { return requestedLanguage }
        return InterfaceLanguage.explicitLocale(of: paths.content.appendingPathComponent("plan.yml"))
            ?? InterfaceLanguage.fromEnvironment(environment) ?? .zhCN
    }

    /// The site and the diagnostics on it follow the plan's `locale`.
    public static func siteLanguage(_ config: PlanConfig) -> Language { config.locale }
}

/// The theme a server compiled, kept while the plan names the same one and no theme file changed.
public final class ThemeCache: @unchecked Sendable {  // used by one rebuild at a time
    private var entry: (name: String, theme: Theme)?

    public init() {}

    public func reset() { entry = nil }

    /// The theme of the last build, if it is still valid.
    public var current: Theme? { entry?.theme }

    func theme(named name: String) -> Theme? { entry?.name == name ? entry?.theme : nil }

    func store(_ theme: Theme, named name: String) { entry = (name, theme) }
}

/// Measures the stages one after the other for the observer.
private struct Lap {
    let observer: (@Sendable (BuildStage, Duration) -> Void)?
    let clock = ContinuousClock()
    var mark: ContinuousClock.Instant

    init(observer: (@Sendable (BuildStage, Duration) -> Void)?) {
        self.observer = observer
        mark = clock.now
    }

    mutating func finished(_ stage: BuildStage) {
        let now = clock.now
        observer?(stage, now - mark)
        mark = now
    }
}
