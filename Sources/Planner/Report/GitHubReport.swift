/// `--format github`: GitHub Actions workflow commands, one annotation per
/// diagnostic (`::error file=…,line=…,col=…,title=…::message`). GitHub shows at
/// most 10 error and 10 warning annotations per step (and 50 per job), so the
/// report annotates the first 10 errors, then the first 10 warnings (both by
/// the date they concern, earliest first), never notices, and ends with one
/// plain `::notice::` that counts the rest and says where to read them.
struct GitHubReport {
    /// Annotations of one kind GitHub shows per step.
    static let perKind = 10

    func render(_ report: Report) -> String {
        let errors = GitHubReport.byDate(report.diagnostics.filter { $0.severity == .error })
        let warnings = GitHubReport.byDate(report.diagnostics.filter { $0.severity == .warning })
        let notices = report.diagnostics.count - errors.count - warnings.count
        var output = ""
        for diagnostic in errors.prefix(GitHubReport.perKind) + warnings.prefix(GitHubReport.perKind) {
            output += annotation(diagnostic, report.language) + "\n"
        }
        let moreErrors = max(0, errors.count - GitHubReport.perKind)
        let moreWarnings = max(0, warnings.count - GitHubReport.perKind)
        if moreErrors + moreWarnings + notices > 0 {
            let text = GitHubReport.overflow(errors: moreErrors, warnings: moreWarnings, notices: notices, report.language)
            output += "::notice title=\(GitHubReport.escapeProperty("plan-build"))::\(GitHubReport.escapeData(text))\n"
        }
        return output
    }

    /// Earliest date first (the post due soonest matters most), undated ones after;
    /// the report order stays within a date.
    static func byDate(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.enumerated().sorted { a, b in
            switch (a.element.date, b.element.date) {
            case let (x?, y?) where x != y: return x < y
            case (.some, .none): return true
            case (.none, .some): return false
            default: return a.offset < b.offset
            }
        }.map(\.element)
    }

    /// The closing notice: what was left out and where to read it.
    static func overflow(errors: Int, warnings: Int, notices: Int, _ language: Language) -> String {
        switch language {
        case .zhCN:
            let parts = [(errors, "个错误"), (warnings, "个警告"), (notices, "个提示")].filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }
            return "另有 \(parts.joined(separator: "、"))未作为注释显示（GitHub 每个步骤最多显示 \(perKind) 个错误和 \(perKind) 个警告注释）。"
                + "完整列表见本次运行的摘要（Summary）或拉取请求的评论，也可以在本地运行 plan-build check。"
        case .en:
            func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
            let parts = [(errors, "error"), (warnings, "warning"), (notices, "notice")].filter { $0.0 > 0 }.map { count($0.0, $0.1) }
            let list = parts.count > 1 ? parts.dropLast().joined(separator: ", ") + " and " + parts.last! : parts[0]
            return "\(list) more \(errors + warnings + notices == 1 ? "is" : "are") not annotated (GitHub shows at most \(perKind) error and \(perKind) warning annotations per step). "
                + "Read them all in this run's summary or the pull request comment, or run plan-build check locally."
        }
    }

    func annotation(_ diagnostic: Diagnostic, _ language: Language) -> String {
        let command: String
        switch diagnostic.severity {
        case .error: command = "error"
        case .warning: command = "warning"
        case .notice: command = "notice"
        }
        let properties = [
            "file=" + GitHubReport.escapeProperty(diagnostic.location.file),
            "line=\(diagnostic.location.line)",
            "col=\(diagnostic.location.column)",
            "title=" + GitHubReport.escapeProperty("plan-build: \(diagnostic.ruleID)"),
        ]
        var message = diagnostic.message.text(language)
        if let hint = diagnostic.hint {
            message += "\n" + (language == .zhCN ? "建议：" : "Hint: ") + hint.text(language)
        }
        return "::\(command) \(properties.joined(separator: ","))::\(GitHubReport.escapeData(message))"
    }

    /// The message after `::`, as @actions/core's `escapeData` does it.
    static func escapeData(_ text: String) -> String { PercentEncoding.encode(text, data) }

    /// A property value (`file=`, `title=`), as @actions/core's `escapeProperty` does it.
    static func escapeProperty(_ text: String) -> String { PercentEncoding.encode(text, property) }

    private static let data = PercentEncoding.ByteSet { $0 == UInt8(ascii: "%") || $0 == 13 || $0 == 10 }
    private static let property = PercentEncoding.ByteSet {
        $0 == UInt8(ascii: "%") || $0 == 13 || $0 == 10 || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: ",")
    }
}
