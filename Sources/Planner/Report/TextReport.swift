/// `file:line:col: severity: message [rule]`, an excerpt with a caret, a summary.
struct TextReport {
    func render(_ report: Report) -> String {
        var output = ""
        for diagnostic in report.diagnostics {
            let severity = diagnostic.severity.rawValue
            let styled = report.colour ? colour(severity, for: diagnostic.severity) : severity
            output += "\(diagnostic.location): \(styled): \(diagnostic.message.text(report.language)) [\(diagnostic.ruleID)]\n"
            if let line = report.line(diagnostic.location.line, of: diagnostic.location.file) {
                output += "    \(line)\n"
                let prefix = line.unicodeScalars.prefix(diagnostic.location.column - 1)
                    .map { $0 == "\t" ? "\t" : (isWide($0) ? "  " : " ") }.joined()
                output += "    \(prefix)^\n"
            }
            if let hint = diagnostic.hint {
                output += "    = \(report.language == .zhCN ? "建议" : "hint"): \(hint.text(report.language))\n"
            }
        }
        let errors = report.count(.error)
        let warnings = report.count(.warning)
        let notices = report.count(.notice)
        switch report.language {
        case .zhCN: output += "\(errors) 个错误，\(warnings) 个警告，\(notices) 个提示\n"
        case .en: output += "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s"), \(notices) notice\(notices == 1 ? "" : "s")\n"
        }
        return output
    }

    private func colour(_ text: String, for severity: Severity) -> String {
        let code: String
        switch severity {
        case .error: code = "31"
        case .warning: code = "33"
        case .notice: code = "36"
        }
        return "\u{1B}[1;\(code)m\(text)\u{1B}[0m"
    }

    /// East Asian wide characters take two columns on a terminal.
    private func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
            0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x20000...0x3FFFD:
            return true
        default: return false
        }
    }
}
