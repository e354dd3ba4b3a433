/// `--format gitlab`: a GitLab Code Quality report, a JSON array of Code
/// Climate issues (`description`, `check_name`, `fingerprint`, `severity`,
/// `location.path`, `location.lines.begin`). No diagnostics gives `[]`.
struct GitLabReport {
    func render(_ report: Report) -> String {
        document(report).encoded() + "\n"
    }

    func document(_ report: Report) -> JSONValue {
        // GitLab keeps one issue per fingerprint; should two diagnostics ever share
        // one, the later ones get a counted suffix so neither disappears.
        var seen: [String: Int] = [:]
        return .array(
            report.diagnostics.map { diagnostic in
                let count = seen[diagnostic.fingerprint, default: 0] + 1
                seen[diagnostic.fingerprint] = count
                let fingerprint = count == 1 ? diagnostic.fingerprint : "\(diagnostic.fingerprint)-\(count)"
                var issue: [String: JSONValue] = [
                    "type": "issue",
                    "engine_name": "plan-build",
                    "check_name": .string(diagnostic.ruleID),
                    "description": .string(diagnostic.message.text(report.language)),
                    "fingerprint": .string(fingerprint),
                    "severity": .string(GitLabReport.severity(diagnostic.severity)),
                    "location": [
                        "path": .string(diagnostic.location.file),
                        "lines": ["begin": .int(diagnostic.location.line)],
                    ],
                ]
                if let hint = diagnostic.hint {
                    issue["content"] = ["body": .string(hint.text(report.language))]
                }
                return .object(issue)
            })
    }

    /// GitLab's levels are info, minor, major, critical and blocker.
    static func severity(_ severity: Severity) -> String {
        switch severity {
        case .error: return "critical"
        case .warning: return "major"
        case .notice: return "info"
        }
    }
}
