import Foundation
import Planner

/// Rebuilds the preview site in place through the pipeline, with caches
/// kept between rebuilds: decoded files (by size and modification time), the
/// rules' per-item work, the compiled theme and the item pages whose inputs
/// are the same. A failed build becomes an error page.
final class PreviewBuilder: @unchecked Sendable {
    let contentDirectory: URL
    let themesDirectory: URL
    let site: URL
    let today: LocalDate?
    let language: Language?
    private let caches = Pipeline.Caches.all()
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
    /// `changed`: the absolute paths the watcher saw change; nil when unknown
    /// (the first build, or the watcher lost track): everything is looked at again.
    func rebuild(changed: [String]?) -> Outcome {
        if let changed, changed.contains(where: { !isItemFile($0) }) {
            // plan.yml, a persona, an asset or the theme: every page may differ.
            caches.render?.reset()
            if changed.contains(where: { $0.hasPrefix(themesDirectory.path + "/") }) { caches.theme?.reset() }
        }
        if changed == nil { caches.theme?.reset() }
        // Theme files are not content: only the content folder's changes matter to the loader.
        caches.documents?.noteChanges(changed?.filter { !$0.hasPrefix(themesDirectory.path + "/") })
        let pipeline = Pipeline(
            paths: Pipeline.Paths(content: contentDirectory, output: .inPlace(site), themes: themesDirectory),
            today: today, language: language, caches: caches, serveMode: true)
        do {
            switch try pipeline.build() {
            case .built(_, let pages):
                return .success(pages: pages, stages: stageTimes())
            case .failed(let result):
                return failure(result, language: result.plan.map { Pipeline.siteLanguage($0.config) } ?? pipeline.interfaceLanguage())
            }
        } catch {
            caches.render?.reset()
            let diagnostic = Diagnostic(
                ruleID: "build", severity: .error, message: Localized("\(error)"), location: SourceLocation(file: "-"),
                fingerprint: "build")
            return .failure(
                page: ErrorPage.html([diagnostic], language: pipeline.interfaceLanguage(), repositoryRoot: repositoryRoot),
                summary: Localized("\(error)"))
        }
    }

    private func failure(_ result: CheckResult, language: Language) -> Outcome {
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
        let loaded = caches.theme?.current ?? (try? Theme.load(name: "default", overrideDirectory: themesDirectory))
        return loaded?.staticFiles.first { $0.path == "style.css" }?.data
    }

    /// The stage times of the last rebuild, for serve's log line (`load 12 ms, resolve 2 ms, rules 3 ms, …`).
    private func stageTimes() -> Localized {
        let parts = (caches.phases?.milliseconds ?? []).map { phase, milliseconds in
            (zh: "\(phase.label.zh) \(milliseconds) ms", en: "\(phase.label.en) \(milliseconds) ms")
        }
        return Localized(zh: parts.map(\.zh).joined(separator: "，"), en: parts.map(\.en).joined(separator: ", "))
    }

    /// A Markdown file of moments, topics or surprises: its change touches only its own pages and the overviews.
    private func isItemFile(_ path: String) -> Bool {
        let prefix = contentDirectory.path + "/"
        guard path.hasPrefix(prefix), path.hasSuffix(".md") || path.hasSuffix(".markdown") else { return false }
        let relative = path.dropFirst(prefix.count)
        return relative.hasPrefix("moments/") || relative.hasPrefix("topics/") || relative.hasPrefix("surprises/")
    }
}
