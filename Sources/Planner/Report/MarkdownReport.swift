/// `--format markdown`: for a pull-request comment or `$GITHUB_STEP_SUMMARY`.
/// A heading, the totals, a table by rule, then each diagnostic with its
/// place, message and hint. Text from the content (messages, file names) is
/// escaped so it can neither break the table nor inject HTML.
struct MarkdownReport {
    /// Details past this many are counted, not listed: a PR comment holds 65,536 characters.
    static let detailLimit = 200
    /// The most characters the summary holds: under GitHub's 65,536-character comment
    /// limit with room for the sticky comment's marker line; in UTF-8 that is at most
    /// 240,000 bytes, far under the 1 MiB a step summary may hold.
    static let characterLimit = 60_000
    /// Room kept for the line that says the list was cut.
    static let cutLineReserve = 300

    func render(_ report: Report) -> String {
        let zh = report.language == .zhCN
        var output = zh ? "## plan-build 检查结果\n\n" : "## plan-build check\n\n"

        let errors = report.count(.error)
        let warnings = report.count(.warning)
        let notices = report.count(.notice)
        if report.diagnostics.isEmpty {
            output += zh ? "✅ 没有发现问题。\n" : "✅ No problems found.\n"
            return output
        }
        if zh {
            output += "**\(errors)** 个错误，**\(warnings)** 个警告，**\(notices)** 个提示\n\n"
        } else {
            output += "**\(errors)** error\(errors == 1 ? "" : "s"), **\(warnings)** warning\(warnings == 1 ? "" : "s"), **\(notices)** notice\(notices == 1 ? "" : "s")\n\n"
        }

        // The table: one row per rule and severity, most severe first, then by count.
        struct Row: Hashable {
            let rule: String
            let severity: Severity
        }
        var counts: [Row: Int] = [:]
        for diagnostic in report.diagnostics {
            counts[Row(rule: diagnostic.ruleID, severity: diagnostic.severity), default: 0] += 1
        }
        let rows = counts.keys.sorted { a, b in
            if a.severity != b.severity { return a.severity > b.severity }
            if counts[a]! != counts[b]! { return counts[a]! > counts[b]! }
            return a.rule < b.rule
        }
        output += zh ? "| 规则 | 级别 | 数量 |\n" : "| Rule | Severity | Count |\n"
        output += "| --- | --- | ---: |\n"
        for row in rows {
            let rule = MarkdownReport.tableCell(MarkdownReport.codeSpan(row.rule))
            output += "| \(rule) | \(MarkdownReport.marker(row.severity)) \(row.severity.label.text(report.language)) | \(counts[row]!) |\n"
        }

        output += zh ? "\n### 详情\n\n" : "\n### Details\n\n"
        let ordered = Severity.allCases.sorted(by: >).flatMap { severity in
            report.diagnostics.filter { $0.severity == severity }
        }
        // Counted in UTF-16 code units: never fewer than the characters GitHub counts.
        var length = output.utf16.count
        var listed = 0
        var cutForLength = false
        for diagnostic in ordered.prefix(MarkdownReport.detailLimit) {
            let place = MarkdownReport.codeSpan("\(diagnostic.location.file):\(diagnostic.location.line)")
            let message = MarkdownReport.escape(diagnostic.message.text(report.language))
            var entry = "- \(MarkdownReport.marker(diagnostic.severity)) \(place) \(message) (\(MarkdownReport.codeSpan(diagnostic.ruleID)))\n"
            if let hint = diagnostic.hint {
                entry += "  - \(zh ? "建议：" : "Hint: ")\(MarkdownReport.escape(hint.text(report.language)))\n"
            }
            let entryLength = entry.utf16.count
            if length + entryLength > MarkdownReport.characterLimit - MarkdownReport.cutLineReserve {
                cutForLength = true
                break
            }
            output += entry
            length += entryLength
            listed += 1
        }
        let rest = ordered.count - listed
        if cutForLength {
            output += zh
                ? "\n……另有 \(rest) 条未列出：摘要在此截断，以符合 GitHub 评论 65,536 个字符的上限；在本地运行 `plan-build check` 查看全部。\n"
                : "\n…and \(rest) more, cut here to stay under GitHub's 65,536-character comment limit; run `plan-build check` locally to see them all.\n"
        } else if rest > 0 {
            output += zh
                ? "\n……另有 \(rest) 条未列出；在本地运行 `plan-build check` 查看全部。\n"
                : "\n…and \(rest) more; run `plan-build check` locally to see them all.\n"
        }
        return output
    }

    static func marker(_ severity: Severity) -> String {
        switch severity {
        case .error: return "❌"
        case .warning: return "⚠️"
        case .notice: return "ℹ️"
        }
    }

    /// Plain text for Markdown prose: HTML's `&`, `<`, `>` become entities;
    /// the punctuation that opens inline syntax on GitHub (emphasis, code,
    /// links, tables, strike-through, math, emoji, mentions, issue references)
    /// is backslash-escaped; line breaks become spaces so a message stays on
    /// its list item or table row.
    static func escape(_ text: String) -> String {
        var output = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\r", "\n": output += " "
            case "\\", "`", "*", "_", "[", "]", "|", "~", "$", ":", "@", "#", "!":
                output += "\\"
                output.unicodeScalars.append(scalar)
            default:
                // A list marker or setext underline would start a block at the start of a line.
                if output.isEmpty, scalar == "-" || scalar == "+" || scalar == "=" { output += "\\" }
                output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    /// `text` as an inline code span whose fence is longer than any run of
    /// backticks inside it. Line breaks become spaces. HTML is inert in code.
    static func codeSpan(_ text: String) -> String {
        let flat = String(text.unicodeScalars.map { $0 == "\n" || $0 == "\r" ? " " : Character($0) })
        var longest = 0
        var run = 0
        for character in flat {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: longest + 1)
        let padded = flat.hasPrefix("`") || flat.hasSuffix("`") || flat.isEmpty ? " \(flat) " : flat
        return fence + padded + fence
    }

    /// In a GFM table a `|` ends the cell even inside a code span, unless escaped.
    static func tableCell(_ markdown: String) -> String {
        markdown.replacingOccurrences(of: "|", with: "\\|")
    }

    /// A fenced code block that no line of `text` can close early.
    static func fencedBlock(_ text: String, info: String = "") -> String {
        var longest = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let run = line.prefix { $0 == "`" }.count
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: max(3, longest + 1))
        return "\(fence)\(info)\n\(text)\n\(fence)"
    }
}
