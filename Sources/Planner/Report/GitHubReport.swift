/// `--format github`: GitHub Actions workflow commands, one annotation per
/// diagnostic (`::error file=…,line=…,col=…,title=…::message`). Errors come
/// first, then warnings, then notices; after `limit` annotations one plain
/// `::notice::` says how many were left out.
struct GitHubReport {
    static let limit = 50

    func render(_ report: Report) -> String {
        let ordered = Severity.allCases.sorted(by: >).flatMap { severity in
            report.diagnostics.filter { $0.severity == severity }
        }
        var output = ""
        for diagnostic in ordered.prefix(GitHubReport.limit) {
            output += annotation(diagnostic, report.language) + "\n"
        }
        let rest = ordered.count - GitHubReport.limit
        if rest > 0 {
            let text: String
            switch report.language {
            case .zhCN:
                text = "还有 \(rest) 条诊断未作为注释显示（最多 \(GitHubReport.limit) 条）。在本地运行 plan-build check 查看全部。"
            case .en:
                text = "\(rest) more diagnostic\(rest == 1 ? " was" : "s were") left out (at most \(GitHubReport.limit) annotations). Run plan-build check locally to see them all."
            }
            output += "::notice title=\(GitHubReport.escapeProperty("plan-build"))::\(GitHubReport.escapeData(text))\n"
        }
        return output
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
