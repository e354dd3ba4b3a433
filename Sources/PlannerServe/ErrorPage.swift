import Foundation
import Planner

/// The page shown instead of the site while the plan has errors: the site's
/// own stylesheet, and for each error its place, the lines around it with the
/// character marked, the message and the hint.
enum ErrorPage {
    /// Where the server answers with the theme's stylesheet (the site may not exist yet).
    static let stylePath = "/_plan-build/style.css"

    static func html(_ diagnostics: [Diagnostic], language: Language, repositoryRoot: URL?) -> String {
        let zh = language == .zhCN
        var items = ""
        for diagnostic in diagnostics {
            let severity = diagnostic.severity.rawValue
            items += "<li class=\"diagnostic sev-\(severity)\">\n"
            items += "<p><span class=\"sev sev-\(severity)\">\(escape(severityLabel(diagnostic.severity, zh: zh)))</span> "
            items += "<code>\(escape(diagnostic.ruleID))</code> \(escape(diagnostic.message.text(language)))</p>\n"
            items += "<p class=\"where\"><code>\(escape(diagnostic.location.description))</code></p>\n"
            if let root = repositoryRoot, let excerpt = SourceExcerpt.around(diagnostic.location, repositoryRoot: root) {
                items += "<pre class=\"excerpt\">"
                let width = String(excerpt.lines.last?.number ?? 0).count
                for line in excerpt.lines {
                    let number = String(repeating: " ", count: width - String(line.number).count) + String(line.number)
                    if line.marked {
                        items += "<span class=\"excerpt-line marked\"><span class=\"excerpt-number\">\(number) |</span> "
                            + "\(escape(excerpt.before))<mark>\(escape(excerpt.at))</mark>\(escape(excerpt.after))</span>\n"
                    } else {
                        items += "<span class=\"excerpt-line\"><span class=\"excerpt-number\">\(number) |</span> \(escape(line.text))</span>\n"
                    }
                }
                items += "</pre>\n"
            }
            if let hint = diagnostic.hint {
                items += "<p class=\"hint\">\(zh ? "建议：" : "Hint: ")\(escape(hint.text(language)))</p>\n"
            }
            items += "</li>\n"
        }
        let title = zh ? "构建失败：计划里有 \(diagnostics.count) 个错误" : "Build failed: the plan has \(diagnostics.count) error\(diagnostics.count == 1 ? "" : "s")"
        return """
            <!DOCTYPE html>
            <html lang="\(language.rawValue)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'">
            <title>\(escape(title)) · plan-build</title>
            <link rel="stylesheet" href="\(stylePath)">
            <script src="/_plan-build/reload.js" defer></script>
            </head>
            <body>
            <header class="site-header"><div class="wrap header-row"><span class="brand">plan-build serve</span></div></header>
            <main id="main" class="wrap">
            <h1>\(escape(title))</h1>
            <p>\(zh ? "改好后保存，页面会自动刷新。" : "Fix them and save; this page reloads by itself.")</p>
            <ul class="diagnostics">
            \(items)</ul>
            </main>
            </body>
            </html>

            """
    }

    private static func severityLabel(_ severity: Severity, zh: Bool) -> String {
        switch severity {
        case .error: return zh ? "错误" : "Error"
        case .warning: return zh ? "警告" : "Warning"
        case .notice: return zh ? "提示" : "Notice"
        }
    }

    /// The one HTML escaper: by byte, so a quote followed by a combining mark is escaped too.
    static func escape(_ text: String) -> String { HTMLEscaping.escape(text) }
}
