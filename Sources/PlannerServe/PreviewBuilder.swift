import Foundation
import Planner

/// Rebuilds the preview site in place and renders a failed build as an error page.
struct PreviewBuilder: Sendable {
    let contentDirectory: URL
    let themesDirectory: URL
    let site: URL
    let today: LocalDate?
    let language: Language?

    enum Outcome {
        case success(pages: Int)
        case failure(page: String, summary: String)
    }

    func rebuild(changed: [String]?) -> Outcome {
        let builder = Builder(
            contentDirectory: contentDirectory, outputDirectory: site, themesDirectory: themesDirectory, today: today,
            language: language, serveMode: true)
        do {
            switch try builder.build() {
            case .built(_, let pages):
                return .success(pages: pages)
            case .failed(let result):
                let language = language ?? result.plan?.config.locale ?? .zhCN
                let errors = result.diagnostics.filter { $0.severity == .error }
                return .failure(page: ErrorPage.html(errors, language: language), summary: "\(errors.count) error(s)")
            }
        } catch {
            let diagnostic = Diagnostic(
                ruleID: "build", severity: .error, message: Localized("\(error)"), location: SourceLocation(file: "-"),
                fingerprint: "build")
            return .failure(page: ErrorPage.html([diagnostic], language: language ?? .zhCN), summary: "\(error)")
        }
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

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
