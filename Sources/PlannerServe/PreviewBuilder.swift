import Foundation
import Planner

/// Rebuilds the preview site in place, reusing what did not change: decoded
/// files (by size and modification time), the compiled theme and the item pages
/// whose inputs are the same. A failed build becomes an error page.
final class PreviewBuilder: @unchecked Sendable {
    let contentDirectory: URL
    let themesDirectory: URL
    let site: URL
    let today: LocalDate?
    let language: Language?
    private let documents = DocumentCache()
    private let memo = RenderMemo()
    private let copies = CopyCache()
    private let ruleMemo = RuleMemo()
    private var theme: (name: String, theme: Theme)?
    /// For the error page's excerpts: diagnostics name files relative to it.
    private let repositoryRoot: URL

    init(contentDirectory: URL, themesDirectory: URL, site: URL, today: LocalDate?, language: Language?) {
        self.contentDirectory = contentDirectory
        self.themesDirectory = themesDirectory
        self.site = site
        self.today = today
        self.language = language
        repositoryRoot = ContentLoader(contentDirectory: contentDirectory).repositoryRoot
    }

    enum Outcome {
        /// `stages`: how long loading, the rules and rendering took, for the log.
        case success(pages: Int, stages: Localized)
        case failure(page: String, summary: Localized)
    }

    /// Called from one task at a time (the watcher), so no locking is needed.
    func rebuild(changed: [String]?) -> Outcome {
        if let changed, changed.contains(where: { !isItemFile($0) }) {
            // plan.yml, a persona, an asset or the theme: every page may differ.
            memo.reset()
            if changed.contains(where: { $0.hasPrefix(themesDirectory.path + "/") }) { theme = nil }
        }
        let clock = ContinuousClock()
        var mark = clock.now
        var stages: [(zh: String, en: String)] = []
        func lap(_ name: Localized) {
            let now = clock.now
            let elapsed = now - mark
            let milliseconds = elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
            stages.append(("\(name.zh) \(milliseconds) ms", "\(name.en) \(milliseconds) ms"))
            mark = now
        }
        // Theme files are not content: only the content folder's changes matter to the loader.
        documents.noteChanges(changed?.filter { !$0.hasPrefix(themesDirectory.path + "/") })
        let loaded = PlanLoader(contentDirectory: contentDirectory, cache: documents).load()
        lap(Localized(zh: "读取", en: "load"))
        guard let plan = loaded.plan else {
            return failure(CheckResult(plan: nil, diagnostics: loaded.diagnostics.sorted(by: Diagnostic.reportOrder)))
        }
        let day = today ?? LocalDate.today(in: plan.config.timezone)
        let diagnostics = RuleEngine().run(plan: plan, stageDiagnostics: loaded.diagnostics, today: day, memo: ruleMemo)
        let result = CheckResult(plan: plan, diagnostics: diagnostics)
        lap(Localized(zh: "规则", en: "rules"))
        if result.hasErrors { return failure(result) }
        do {
            if theme?.name != plan.config.theme {
                theme = (plan.config.theme, try Theme.load(name: plan.config.theme, overrideDirectory: themesDirectory))
                memo.reset()
            }
            try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
            let renderer = SiteRenderer(
                plan: plan, diagnostics: diagnostics, theme: theme!.theme, language: language ?? plan.config.locale, today: day,
                contentRoot: URL(fileURLWithPath: loaded.contentRoot), serveMode: true, memo: memo, copyCache: copies)
            try renderer.render(into: site)
            lap(Localized(zh: "渲染", en: "render"))
            return .success(
                pages: plan.items.count,
                stages: Localized(zh: stages.map(\.zh).joined(separator: "，"), en: stages.map(\.en).joined(separator: ", ")))
        } catch let error as Theme.LoadError {
            return failure(CheckResult(plan: plan, diagnostics: [error.diagnostic]))
        } catch {
            memo.reset()
            let diagnostic = Diagnostic(
                ruleID: "build", severity: .error, message: Localized("\(error)"), location: SourceLocation(file: "-"),
                fingerprint: "build")
            return .failure(
                page: ErrorPage.html([diagnostic], language: language ?? .zhCN, repositoryRoot: repositoryRoot), summary: Localized("\(error)"))
        }
    }

    private func failure(_ result: CheckResult) -> Outcome {
        let language = language ?? result.plan?.config.locale
            ?? InterfaceLanguage.explicitLocale(of: contentDirectory.appendingPathComponent("plan.yml")) ?? .zhCN
        let errors = result.diagnostics.filter { $0.severity == .error }
        let first = errors.first.map { " \($0.location): \($0.message.text(language))" } ?? ""
        return .failure(
            page: ErrorPage.html(errors, language: language, repositoryRoot: repositoryRoot),
            summary: Localized(
                zh: "\(errors.count) 个错误。" + (errors.first.map { "第一个：\($0.location)：\($0.message.zh)" } ?? ""),
                en: "\(errors.count) error\(errors.count == 1 ? "" : "s")." + first))
    }

    /// The stylesheet of the plan's theme (or the built-in one), for the error page.
    func stylesheet() -> Data? {
        let loaded = theme?.theme ?? (try? Theme.load(name: "default", overrideDirectory: themesDirectory))
        return loaded?.staticFiles.first { $0.path == "style.css" }?.data
    }

    /// A Markdown file of moments, topics or surprises: its change touches only its own pages and the overviews.
    private func isItemFile(_ path: String) -> Bool {
        let prefix = contentDirectory.path + "/"
        guard path.hasPrefix(prefix), path.hasSuffix(".md") || path.hasSuffix(".markdown") else { return false }
        let relative = path.dropFirst(prefix.count)
        return relative.hasPrefix("moments/") || relative.hasPrefix("topics/") || relative.hasPrefix("surprises/")
    }
}
