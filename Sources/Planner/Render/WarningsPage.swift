/// The warnings pages (SPEC §11.8): `warnings/index.html` counts the
/// findings by rule, each rule titled by its name with its id beside it;
/// `warnings/<rule>.html` lists a rule's findings, at most `pageSize` a page
/// (`<rule>-2.html`, … after that), so no page grows with the plan.
struct WarningsPage {
    let model: SiteModel
    let serveMode: Bool

    static let pageSize = 500

    struct RuleRow: Sendable, TemplateFields {
        let rule: String
        let name: String
        let summary: String
        /// The worst severity among the rule's findings.
        let severity: String
        let severityLabel: String
        let count: Int
        let href: String

        func fields<Visitor: FieldVisitor>(_ visitor: inout Visitor) {
            visitor.field("rule", rule)
            visitor.field("name", name)
            visitor.field("summary", summary)
            visitor.field("severity", severity)
            visitor.field("severityLabel", severityLabel)
            visitor.field("count", count)
            visitor.field("href", href)
        }
    }

    struct Page: Sendable, TemplateFields {
        let site: Chrome
        let rules: [RuleRow]
        let hasRules: Bool
        let total: Int

        func fields<Visitor: FieldVisitor>(_ visitor: inout Visitor) {
            visitor.field("site", site)
            visitor.field("rules", rules)
            visitor.field("hasRules", hasRules)
            visitor.field("total", total)
        }
    }

    struct RulePage: Sendable, TemplateFields {
        let site: Chrome
        let rule: RuleRow
        /// Links to every page of the rule's findings, this one marked (relative to warnings/).
        let pages: [Chrome.NavLink]
        let hasPages: Bool
        /// "findings 501–1000 of 1234".
        let range: String
        let diagnostics: [DiagnosticView]

        func fields<Visitor: FieldVisitor>(_ visitor: inout Visitor) {
            visitor.field("site", site)
            visitor.field("rule", rule)
            visitor.field("pages", pages)
            visitor.field("hasPages", hasPages)
            visitor.field("range", range)
            visitor.field("diagnostics", diagnostics)
        }
    }

    /// The findings of each rule, worst first within it, rules ordered by their worst severity, then id.
    func byRule() -> [(rule: String, diagnostics: [Diagnostic])] {
        var byRule: [String: [Diagnostic]] = [:]
        for diagnostic in model.diagnostics { byRule[diagnostic.ruleID, default: []].append(diagnostic) }
        let groups = byRule.map { rule, diagnostics in
            // A stable sort: report order within a severity.
            (rule: rule, diagnostics: diagnostics.enumerated().sorted {
                ($1.element.severity.rank, $0.offset) < ($0.element.severity.rank, $1.offset)
            }.map(\.element))
        }
        return groups.sorted {
            let left = $0.diagnostics[0].severity.rank, right = $1.diagnostics[0].severity.rank
            return left != right ? left > right : $0.rule < $1.rule
        }
    }

    /// Every warnings page: the index, then each rule's pages.
    func pages() -> [LazyPageJob] {
        let groups = byRule()
        let rows = groups.map { row($0.rule, $0.diagnostics) }
        var jobs = [LazyPageJob(path: SitePath.warnings) { index(rows, total: model.diagnostics.count) }]
        for (group, row) in zip(groups, rows) {
            let pageCount = (group.diagnostics.count + Self.pageSize - 1) / Self.pageSize
            for page in 1...max(1, pageCount) {
                let path = SitePath.warnings(rule: group.rule, page: page)
                jobs.append(LazyPageJob(path: path) { rulePage(row, group.diagnostics, page: page, of: pageCount, path: path) })
            }
        }
        return jobs
    }

    private func row(_ rule: String, _ diagnostics: [Diagnostic]) -> RuleRow {
        let worst = diagnostics[0].severity
        return RuleRow(
            rule: rule, name: RuleNames.name(rule, language: model.language),
            summary: RuleCatalogue.rule(rule).map { RuleWords.summary($0, settings: model.plan.config.rules, language: model.language) } ?? "",
            severity: worst.rawValue, severityLabel: model.text(worst.label), count: diagnostics.count,
            href: SitePath.encode(SitePath.warnings(rule: rule)))
    }

    private func index(_ rows: [RuleRow], total: Int) -> PageJob {
        let path = SitePath.warnings
        let page = Page(
            site: Chrome(model: model, pagePath: path, pageTitle: model.strings.warnings, section: "warnings", serveMode: serveMode),
            rules: rows, hasRules: !rows.isEmpty, total: total)
        return PageJob(path: path, template: "warnings", page: page)
    }

    private func rulePage(_ row: RuleRow, _ diagnostics: [Diagnostic], page: Int, of pageCount: Int, path: String) -> PageJob {
        let start = (page - 1) * Self.pageSize
        let shown = diagnostics[start..<min(diagnostics.count, start + Self.pageSize)]
        let zh = model.language == .zhCN
        let range = zh
            ? "第 \(start + 1)–\(start + shown.count) 条，共 \(diagnostics.count) 条"
            : "Findings \(start + 1)–\(start + shown.count) of \(diagnostics.count)"
        let links = (1...max(1, pageCount)).map { number in
            Chrome.NavLink(
                href: SitePath.encode(String(SitePath.warnings(rule: row.rule, page: number).dropFirst("warnings/".count))),
                label: String(number), current: number == page)
        }
        let title = "\(row.name) · \(row.rule)" + (page > 1 ? (zh ? " · 第 \(page) 页" : " · page \(page)") : "")
        let rulePage = RulePage(
            site: Chrome(model: model, pagePath: path, pageTitle: title, section: "warnings", serveMode: serveMode),
            rule: row, pages: links, hasPages: pageCount > 1, range: range, diagnostics: model.diagnosticViews(Array(shown)))
        return PageJob(path: path, template: "warnings-rule", page: rulePage)
    }
}
