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
        let stages = StageLog()
        let pipeline = Pipeline(
            paths: Pipeline.Paths(content: contentDirectory, output: .inPlace(site), themes: themesDirectory),
            today: today, language: language, caches: caches, serveMode: true, observer: stages.record)
        do {
            switch try pipeline.build() {
            case .built(_, let pages):
                return .success(pages: pages, stages: stages.text)
            case .failed(let result):
                let language = result.plan.map { Pipeline.siteLanguage($0.config) } ?? pipeline.interfaceLanguage(nil)
                let errors = result.diagnostics.filter { $0.severity == .error }
                return .failure(page: ErrorPage.html(errors, language: language), summary: "\(errors.count) error(s)")
            }
        } catch {
            caches.render?.reset()
            let diagnostic = Diagnostic(
                ruleID: "build", severity: .error, message: Localized("\(error)"), location: SourceLocation(file: "-"),
                fingerprint: "build")
            return .failure(page: ErrorPage.html([diagnostic], language: pipeline.interfaceLanguage(nil)), summary: "\(error)")
        }
    }

    /// A Markdown file of moments, topics or surprises: its change touches only its own pages and the overviews.
    private func isItemFile(_ path: String) -> Bool {
        let prefix = contentDirectory.path + "/"
        guard path.hasPrefix(prefix), path.hasSuffix(".md") || path.hasSuffix(".markdown") else { return false }
        let relative = path.dropFirst(prefix.count)
        return relative.hasPrefix("moments/") || relative.hasPrefix("topics/") || relative.hasPrefix("surprises/")
    }
}

/// The stage times of one rebuild, for serve's log line (`load 12 ms, rules 3 ms, render 40 ms`).
private final class StageLog: @unchecked Sendable {  // guarded by `lock`
    private let lock = NSLock()
    private var parts: [String] = []

    func record(_ stage: BuildStage, _ elapsed: Duration) {
        let name: String
        switch stage {
        case .load: name = "load"
        case .rules: name = "rules"
        case .render: name = "render"
        case .write: return
        }
        let milliseconds = elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
        lock.withLock { parts.append("\(name) \(milliseconds) ms") }
    }

    var text: String { lock.withLock { parts.joined(separator: ", ") } }
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

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
