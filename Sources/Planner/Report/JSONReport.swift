/// `--format json`: `{version, tool, language, summary, diagnostics}` for tools.
///
/// Every diagnostic has every field; one that does not apply is `null` (or
/// `[]` for `related`), so readers never have to test for a missing key.
struct JSONReport {
    /// The version of this document's shape; raised when a field changes meaning or goes away.
    static let formatVersion = 1

    func render(_ report: Report) -> String {
        document(report).encoded() + "\n"
    }

    func document(_ report: Report) -> JSONValue {
        [
            "version": .int(JSONReport.formatVersion),
            "tool": ["name": "plan-build", "version": .string(report.toolVersion)],
            "language": .string(report.language.rawValue),
            "summary": JSONReport.summary(report),
            "diagnostics": .array(report.diagnostics.map { JSONReport.diagnostic($0, report.language) }),
        ]
    }

    static func summary(_ report: Report) -> JSONValue {
        [
            "errors": .int(report.count(.error)),
            "warnings": .int(report.count(.warning)),
            "notices": .int(report.count(.notice)),
            "total": .int(report.diagnostics.count),
        ]
    }

    /// One diagnostic as an object; plan.json reuses it for an item's diagnostics.
    static func diagnostic(_ diagnostic: Diagnostic, _ language: Language) -> JSONValue {
        [
            "rule": .string(diagnostic.ruleID),
            "severity": .string(diagnostic.severity.rawValue),
            "message": .string(diagnostic.message.text(language)),
            "file": .string(diagnostic.location.file),
            "line": .int(diagnostic.location.line),
            "column": .int(diagnostic.location.column),
            "item": .string(diagnostic.itemID),
            "date": .string(diagnostic.date?.description),
            "persona": .string(diagnostic.persona),
            "related": .array(
                diagnostic.related.map { related in
                    [
                        "file": .string(related.location.file),
                        "line": .int(related.location.line),
                        "column": .int(related.location.column),
                        "message": .string(related.message.text(language)),
                        "item": .string(related.itemID),
                    ]
                }),
            "hint": .string(diagnostic.hint?.text(language)),
            "fingerprint": .string(diagnostic.fingerprint),
        ]
    }
}
