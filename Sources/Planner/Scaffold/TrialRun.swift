import Foundation

/// Tries new files against a loaded plan: decodes and resolves their text as
/// the loader would, runs the pipeline's rules stage on the plan with them
/// added, and names what they break that was not broken before.
struct TrialRun {
    let plan: Plan
    let contentDirectory: URL
    let today: LocalDate
    private let pipeline: Pipeline
    private let baseline: Set<String>
    private let resolver: Resolver
    private let personas: [String: Persona]

    init(plan: Plan, pipeline: Pipeline, contentDirectory: URL, today: LocalDate) {
        self.plan = plan
        self.pipeline = pipeline
        self.contentDirectory = contentDirectory
        self.today = today
        baseline = Set(pipeline.rules(on: plan, today: today).map(\.fingerprint))
        resolver = Resolver(config: plan.config, assets: Set(plan.assets), contentPrefix: plan.contentPrefix, people: plan.people.map { ($0.id, $0.alias) },
            personSegments: Dictionary(plan.people.compactMap { person in person.segment.map { (person.id, $0) } }, uniquingKeysWith: { first, _ in first }))
        personas = Dictionary(plan.personas.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The item a new file would become, or the problem that stops it.
    func item(text: String, path: String) -> Result<Item, Diagnostic> {
        let top = String(path.split(separator: "/").first ?? "")
        let entry = SourceEntry(
            role: ItemKind(rawValue: top).map { .item($0) } ?? .persona, relativePath: path, displayPath: path,
            absolutePath: contentDirectory.appendingPathComponent(path).path)
        let (document, problems) = DocumentDecoder(maximumFileSize: FrontMatterSplitter.defaultMaximumSize)
            .decode(entry: entry, data: Data(text.utf8))
        if let error = problems.first(where: { $0.severity == .error }) { return .failure(error) }
        guard case .item(let decoded) = document else {
            return .failure(Diagnostic(
                ruleID: "front-matter", severity: .error, message: Localized(zh: "不是内容文件。", en: "Not an item file."),
                location: SourceLocation(file: path), fingerprint: "new"))
        }
        let (item, refs) = resolver.resolve(decoded, personas: personas)
        if let problem = refs.first { return .failure(problem) }
        guard let item else {
            return .failure(Diagnostic(
                ruleID: "front-matter", severity: .error, message: Localized(zh: "无法解析。", en: "Cannot be resolved."),
                location: SourceLocation(file: path), fingerprint: "new"))
        }
        return .success(item)
    }

    /// What adding `items` breaks: diagnostics whose fingerprint the plan did
    /// not have. posts-per-day counts only past its maximum: more moments
    /// never open a gap, though a gap that shrinks or splits changes its
    /// fingerprint.
    /// - Parameter ignoring: rules not to judge yet (a window rule while the window is half drafted).
    func newProblems(adding items: [Item], ignoring: Set<String> = []) -> [Diagnostic] {
        let trial = Plan(
            config: plan.config, personas: plan.personas, items: plan.items + items, assets: plan.assets,
            contentPrefix: plan.contentPrefix, people: plan.people)
        let maximum = PostsPerDayRule().options.first { $0.name == "max" }.flatMap { plan.config.rules.value($0.name, of: PostsPerDayRule()) }
        let cap: Int
        if case .integer(let value)? = maximum { cap = value } else { cap = Int.max }
        let added = Set(items.map(\.id))
        return pipeline.rules(on: trial, today: today).filter { diagnostic in
            guard !baseline.contains(diagnostic.fingerprint), !ignoring.contains(diagnostic.ruleID) else { return false }
            guard diagnostic.ruleID == "posts-per-day" else { return true }
            guard let date = diagnostic.date, let persona = diagnostic.persona, diagnostic.itemID != nil else { return false }
            let count = trial.items.filter { $0.kind == .moment && $0.persona == persona && $0.date == date }.count
            return count > cap && items.contains { $0.date == date && $0.persona == persona && added.contains($0.id) }
        }
    }
}
