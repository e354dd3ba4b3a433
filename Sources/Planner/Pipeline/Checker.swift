import Foundation

/// The result of checking a plan: the plan (when plan.yml could be read)
/// and every diagnostic, sorted.
public struct CheckResult: Sendable {
    public let plan: Plan?
    public let diagnostics: [Diagnostic]

    public init(plan: Plan?, diagnostics: [Diagnostic]) {
        self.plan = plan
        self.diagnostics = diagnostics
    }

    public func count(_ severity: Severity) -> Int { diagnostics.filter { $0.severity == severity }.count }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

/// Loads a content folder and runs every rule over it.
public struct Checker: Sendable {
    public let contentDirectory: URL
    /// Nil: the real date in the plan's timezone.
    public let today: LocalDate?
    public let engine: RuleEngine

    public init(contentDirectory: URL, today: LocalDate?, engine: RuleEngine = RuleEngine()) {
        self.contentDirectory = contentDirectory
        self.today = today
        self.engine = engine
    }

    public func run() -> CheckResult {
        let loaded = PlanLoader(contentDirectory: contentDirectory).load()
        guard let plan = loaded.plan else {
            return CheckResult(plan: nil, diagnostics: loaded.diagnostics.sorted(by: Diagnostic.reportOrder))
        }
        let day = today ?? LocalDate.today(in: plan.config.timezone)
        let diagnostics = engine.run(plan: plan, stageDiagnostics: loaded.diagnostics, today: day)
        return CheckResult(plan: plan, diagnostics: diagnostics)
    }
}
