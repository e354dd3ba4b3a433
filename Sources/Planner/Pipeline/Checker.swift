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

    public func count(_ severity: Severity) -> Int { diagnostics.count(of: severity) }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

/// `check`: the pipeline up to the rules.
public struct Checker: Sendable {
    public let pipeline: Pipeline

    /// - Parameter today: nil: the real date in the plan's timezone.
    public init(contentDirectory: URL, today: LocalDate?, engine: RuleEngine = RuleEngine()) {
        pipeline = Pipeline(content: contentDirectory, today: today, engine: engine)
    }

    public func run() -> CheckResult { pipeline.check().result }
}
