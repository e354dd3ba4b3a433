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

        public init(
            documents: DocumentCache? = nil, rules: RuleMemo? = nil, render: RenderMemo? = nil, copies: CopyCache? = nil,
            theme: ThemeCache? = nil
        ) {
            self.documents = documents
            self.rules = rules
            self.render = render
            self.copies = copies
            self.theme = theme
        }

        public static let none = Caches()
        /// Fresh caches for a server's rebuilds.
        public static func all() -> Caches {
            Caches(documents: DocumentCache(), rules: RuleMemo(), render: RenderMemo(), copies: CopyCache(), theme: ThemeCache())
        }
    }

    /// The outcome of a run up to the rules.
    public struct Checked: Sendable {
        public let result: CheckResult
        /// The day date-dependent rules used; nil when plan.yml could not be read.
        public let today: LocalDate?
        /// The content folder as the loader found it (assets are copied from it).
        public let contentRoot: URL
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

    /// Load → resolve → rules.
    public func check() -> Checked {
        var lap = Lap(observer: observer)
        return check(&lap)
    }

    private func check(_ lap: inout Lap) -> Checked {
        let loaded = PlanLoader(contentDirectory: paths.content, cache: caches.documents).load()
        lap.finished(.load(items: loaded.plan?.items.count ?? 0))
        let contentRoot = URL(fileURLWithPath: loaded.contentRoot)
        guard let plan = loaded.plan else {
            let result = CheckResult(plan: nil, diagnostics: loaded.diagnostics.sorted(by: Diagnostic.reportOrder))
            return Checked(result: result, today: nil, contentRoot: contentRoot)
        }
        let day = today(for: plan.config)
        let diagnostics = engine.run(plan: plan, stageDiagnostics: loaded.diagnostics, today: day, memo: caches.rules)
        lap.finished(.rules(diagnostics: diagnostics.count))
        return Checked(result: CheckResult(plan: plan, diagnostics: diagnostics), today: day, contentRoot: contentRoot)
    }

    /// Load → resolve → rules → render → write. With errors nothing is written.
    public func build() throws -> Outcome {
        guard let destination = paths.output else { preconditionFailure("a build needs an output folder") }
        var lap = Lap(observer: observer)
        let checked = check(&lap)
        guard let plan = checked.plan, let day = checked.today, !checked.result.hasErrors else { return .failed(checked.result) }
        let theme: Theme
        do {
            theme = try loadTheme(plan.config.theme)
        } catch let error as Theme.LoadError {
            let diagnostics = (checked.result.diagnostics + [error.diagnostic]).sorted(by: Diagnostic.reportOrder)
            return .failed(CheckResult(plan: plan, diagnostics: diagnostics))
        }
        let renderer = SiteRenderer(
            plan: plan, diagnostics: checked.result.diagnostics, theme: theme, language: Self.siteLanguage(plan.config), today: day,
            contentRoot: checked.contentRoot, serveMode: serveMode, memo: caches.render, copyCache: caches.copies)
        switch destination {
        case .replace(let output):
            try SiteWriter(output: output, content: paths.content).replace { staging in
                let written = try renderer.render(into: staging)
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

    /// The language of what the command line prints (SPEC §11.1): `--lang`,
    /// then the plan's explicit `locale`, then `LANG`, then zh-CN.
    public func interfaceLanguage(_ plan: Plan?, environment: [String: String] = ProcessInfo.processInfo.environment) -> Language {
        Self.interfaceLanguage(requested: requestedLanguage, config: plan?.config, environment: environment)
    }

    public static func interfaceLanguage(
        requested: Language?, config: PlanConfig?, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> Language {
        if let requested { return requested }
        if let config, config.keyLocations["locale"] != nil { return config.locale }
        if let tag = environment["LANG"], let language = Language(posixLocale: tag) { return language }
        return .zhCN
    }

    /// The site and the diagnostics on it follow the plan's `locale`.
    public static func siteLanguage(_ config: PlanConfig) -> Language { config.locale }
}

/// The theme a server compiled, kept while the plan names the same one and no theme file changed.
public final class ThemeCache: @unchecked Sendable {  // used by one rebuild at a time
    private var entry: (name: String, theme: Theme)?

    public init() {}

    public func reset() { entry = nil }

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

extension Language {
    /// `en_US.UTF-8` → en, `zh_CN.UTF-8` → zh-CN; nil for `C`, `POSIX` and others.
    init?(posixLocale: String) {
        let name = posixLocale.split(separator: ".").first.map(String.init) ?? posixLocale
        if let language = Language(tag: name) { self = language; return }
        switch name.split(separator: "_").first.map({ $0.lowercased() }) {
        case "zh": self = .zhCN
        case "en": self = .en
        default: return nil
        }
    }
}

extension Pipeline {
    /// `new --next-free`: whether one more item file (its text and path under
    /// content/) would add no diagnostic to `checked`'s — decode → resolve →
    /// rules for that one file, on the plan already loaded.
    public func breaksNothing(adding text: String, at path: String, to checked: Checked, baseline: Set<String>) -> Bool {
        guard let plan = checked.plan, let today = checked.today else { return false }
        let top = String(path.split(separator: "/").first ?? "")
        guard let kind = ItemKind(rawValue: top) else { return false }
        let entry = SourceEntry(
            role: .item(kind), relativePath: path, displayPath: path, absolutePath: paths.content.appendingPathComponent(path).path)
        let (document, problems) = DocumentDecoder(maximumFileSize: FrontMatterSplitter.defaultMaximumSize)
            .decode(entry: entry, data: Data(text.utf8))
        guard problems.allSatisfy({ $0.severity != .error }), case .item(let decoded) = document else { return false }
        let resolver = Resolver(config: plan.config, assets: Set(plan.assets), contentPrefix: plan.contentPrefix)
        let personas = Dictionary(plan.personas.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let (item, refs) = resolver.resolve(decoded, personas: personas)
        guard let item, refs.isEmpty else { return false }
        let trial = Plan(
            config: plan.config, personas: plan.personas, items: plan.items + [item], assets: plan.assets,
            contentPrefix: plan.contentPrefix)
        return engine.run(plan: trial, stageDiagnostics: [], today: today).allSatisfy { baseline.contains($0.fingerprint) }
    }
}
