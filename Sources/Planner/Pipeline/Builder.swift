import Foundation

/// Check, then render into `output/` atomically. With errors nothing is written.
public struct Builder: Sendable {
    public let contentDirectory: URL
    public let outputDirectory: URL
    public let themesDirectory: URL?
    public let today: LocalDate?
    public let language: Language?
    public let serveMode: Bool
    /// Told when each stage ends, for `--verbose` timings and terminal progress.
    public let observer: (@Sendable (BuildStage, Duration) -> Void)?

    public init(
        contentDirectory: URL, outputDirectory: URL, themesDirectory: URL?, today: LocalDate?, language: Language? = nil,
        serveMode: Bool = false, observer: (@Sendable (BuildStage, Duration) -> Void)? = nil
    ) {
        self.observer = observer
        self.contentDirectory = contentDirectory
        self.outputDirectory = outputDirectory
        self.themesDirectory = themesDirectory
        self.today = today
        self.language = language
        self.serveMode = serveMode
    }

    public enum Outcome: Sendable {
        /// Written; the diagnostics are warnings and notices only.
        case built(CheckResult, pages: Int)
        /// Not written: the check found errors.
        case failed(CheckResult)
    }

    public func build() throws -> Outcome {
        let clock = ContinuousClock()
        var mark = clock.now
        let finished = { (stage: BuildStage) in
            let now = clock.now
            observer?(stage, now - mark)
            mark = now
        }
        let loaded = PlanLoader(contentDirectory: contentDirectory).load()
        finished(.load(items: loaded.plan?.items.count ?? 0))
        guard let plan = loaded.plan else {
            return .failed(CheckResult(plan: nil, diagnostics: loaded.diagnostics.sorted(by: Diagnostic.reportOrder)))
        }
        let day = today ?? LocalDate.today(in: plan.config.timezone)
        let diagnostics = RuleEngine().run(plan: plan, stageDiagnostics: loaded.diagnostics, today: day)
        var result = CheckResult(plan: plan, diagnostics: diagnostics)
        finished(.rules(diagnostics: diagnostics.count))
        if result.hasErrors { return .failed(result) }
        let theme: Theme
        do {
            theme = try Theme.load(name: plan.config.theme, overrideDirectory: themesDirectory)
        } catch let error as Theme.LoadError {
            result = CheckResult(plan: plan, diagnostics: (diagnostics + [error.diagnostic]).sorted(by: Diagnostic.reportOrder))
            return .failed(result)
        }
        let renderer = SiteRenderer(
            plan: plan, diagnostics: diagnostics, theme: theme, language: language ?? plan.config.locale, today: day,
            contentRoot: URL(fileURLWithPath: loaded.contentRoot), serveMode: serveMode)
        try SiteWriter(output: outputDirectory, content: contentDirectory).replace { staging in
            let written = try renderer.render(into: staging)
            finished(.render)
            return written
        }
        finished(.write)
        return .built(result, pages: plan.items.count)
    }
}

/// The stages of a build, reported with their durations.
public enum BuildStage: Sendable {
    case load(items: Int)
    case rules(diagnostics: Int)
    case render
    case write

    public var name: String {
        switch self {
        case .load(let items): return "load and resolve (\(items) items)"
        case .rules(let diagnostics): return "rules (\(diagnostics) diagnostics)"
        case .render: return "render pages"
        case .write: return "swap output folder"
        }
    }
}
