/// Every diagnostic, grouped by rule and severity.
struct WarningsPage {
    let model: SiteModel
    let serveMode: Bool

    struct RuleGroup: Sendable, TemplateFields {
        let rule: String
        let summary: String
        let severity: String
        let severityLabel: String
        let count: Int
        let diagnostics: [DiagnosticView]

        func fields<Visitor: FieldVisitor>(_ visitor: inout Visitor) {
            visitor.field("rule", rule)
            visitor.field("summary", summary)
            visitor.field("severity", severity)
            visitor.field("severityLabel", severityLabel)
            visitor.field("count", count)
            visitor.field("diagnostics", diagnostics)
        }
    }

    struct Page: Sendable, TemplateFields {
        let site: Chrome
        let groups: [RuleGroup]
        let hasGroups: Bool
        let total: Int

        func fields<Visitor: FieldVisitor>(_ visitor: inout Visitor) {
            visitor.field("site", site)
            visitor.field("groups", groups)
            visitor.field("hasGroups", hasGroups)
            visitor.field("total", total)
        }
    }

    func page() -> PageJob {
        let path = "warnings/index.html"
        var byKey: [String: [Diagnostic]] = [:]
        for diagnostic in model.diagnostics { byKey["\(2 - diagnostic.severity.rank)\u{0}\(diagnostic.ruleID)", default: []].append(diagnostic) }
        let groups = byKey.keys.sorted().map { key -> RuleGroup in
            let diagnostics = byKey[key]!
            let first = diagnostics[0]
            return RuleGroup(
                rule: first.ruleID, summary: RuleCatalogue.rule(first.ruleID).map {
                    RuleWords.summary($0, settings: model.plan.config.rules, language: model.language)
                } ?? "",
                severity: first.severity.rawValue, severityLabel: model.text(first.severity.label), count: diagnostics.count,
                diagnostics: model.diagnosticViews(diagnostics))
        }
        let page = Page(
            site: Chrome(model: model, pagePath: path, pageTitle: model.strings.warnings, section: "warnings", serveMode: serveMode),
            groups: groups, hasGroups: !groups.isEmpty, total: model.diagnostics.count)
        return PageJob(path: path, template: "warnings", page: page)
    }
}
