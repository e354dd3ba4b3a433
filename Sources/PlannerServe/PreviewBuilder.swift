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

    init(contentDirectory: URL, themesDirectory: URL, site: URL, today: LocalDate?, language: Language?) {
        self.contentDirectory = contentDirectory
        self.themesDirectory = themesDirectory
        self.site = site
        self.today = today
        self.language = language
    }

    enum Outcome {
        /// `stages`: how long loading, the rules and rendering took, for the log.
        case success(pages: Int, stages: String)
        case failure(page: String, summary: String)
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
        var stages: [String] = []
        func lap(_ name: String) {
            let now = clock.now
            let elapsed = now - mark
            stages.append("\(name) \(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000) ms")
            mark = now
        }
        // Theme files are not content: only the content folder's changes matter to the loader.
        documents.noteChanges(changed?.filter { !$0.hasPrefix(themesDirectory.path + "/") })
        let loaded = PlanLoader(contentDirectory: contentDirectory, cache: documents).load()
        lap("load")
        guard let plan = loaded.plan else {
            return failure(CheckResult(plan: nil, diagnostics: loaded.diagnostics.sorted(by: Diagnostic.reportOrder)))
        }
        let day = today ?? LocalDate.today(in: plan.config.timezone)
        let diagnostics = RuleEngine().run(plan: plan, stageDiagnostics: loaded.diagnostics, today: day, memo: ruleMemo)
        let result = CheckResult(plan: plan, diagnostics: diagnostics)
        lap("rules")
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
            lap("render")
            return .success(pages: plan.items.count, stages: stages.joined(separator: ", "))
        } catch let error as Theme.LoadError {
            return failure(CheckResult(plan: plan, diagnostics: [error.diagnostic]))
        } catch {
            memo.reset()
            let diagnostic = Diagnostic(
                ruleID: "build", severity: .error, message: Localized("\(error)"), location: SourceLocation(file: "-"),
                fingerprint: "build")
            return .failure(page: ErrorPage.html([diagnostic], language: language ?? .zhCN), summary: "\(error)")
        }
    }

    private func failure(_ result: CheckResult) -> Outcome {
        let language = language ?? result.plan?.config.locale ?? .zhCN
        let errors = result.diagnostics.filter { $0.severity == .error }
        return .failure(page: ErrorPage.html(errors, language: language), summary: "\(errors.count) error(s)")
    }

    /// A Markdown file of moments, topics or surprises: its change touches only its own pages and the overviews.
    private func isItemFile(_ path: String) -> Bool {
        let prefix = contentDirectory.path + "/"
        guard path.hasPrefix(prefix), path.hasSuffix(".md") || path.hasSuffix(".markdown") else { return false }
        let relative = path.dropFirst(prefix.count)
        return relative.hasPrefix("moments/") || relative.hasPrefix("topics/") || relative.hasPrefix("surprises/")
    }
}

/// The page shown instead of the site while the plan has errors.
enum ErrorPage {
    static func html(_ diagnostics: [Diagnostic], language: Language) -> String {
        let zh = language == .zhCN
        var items = ""
        for diagnostic in diagnostics {
            items += "<li><code>\(escape(diagnostic.location.description))</code> <strong>\(escape(diagnostic.ruleID))</strong> \(escape(diagnostic.message.text(language)))"
            if let hint = diagnostic.hint { items += "<br><small>\(escape(hint.text(language)))</small>" }
            items += "</li>\n"
        }
        return """
            <!DOCTYPE html>
            <html lang="\(language.rawValue)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'">
            <title>\(zh ? "构建失败" : "Build failed") · plan-build</title>
            <script src="/_plan-build/reload.js" defer></script>
            </head>
            <body>
            <main>
            <h1>\(zh ? "构建失败：计划里有错误" : "Build failed: the plan has errors")</h1>
            <p>\(zh ? "改好后保存，页面会自动刷新。" : "Fix them and save; this page reloads by itself.")</p>
            <ul>
            \(items)</ul>
            </main>
            </body>
            </html>

            """
    }

    /// The one HTML escaper (quotes included).
    static func escape(_ text: String) -> String { HTMLEscaping.escape(text) }
}
