/// The warnings pages (SPEC §11.8): `warnings/index.html` counts the
/// findings by rule, each rule titled by its name with its id beside it;
/// `warnings/<rule>.html` lists a rule's findings, at most `pageSize` a page
/// and fewer where they are long (`<rule>-2.html`, … after that), so no page grows with the plan.
struct WarningsPage {
    let model: SiteModel
    let serveMode: Bool

    static let pageSize = 500
    /// Findings with many related places (touch-cap lists up to ten) take
    /// 3 KB each: a page also ends before its findings' estimated bytes pass
    /// this. The estimate counts both languages' texts, about twice what a
    /// page holds, so a page stays near 400 KB at most.
    static let pageBytes = PageBudget.bytes

    /// The findings of each page, in order: at most `pageSize`, and no more than about `pageBytes`.
    static func pageRanges(_ diagnostics: [Diagnostic]) -> [Range<Int>] {
        PageBudget.ranges(count: diagnostics.count, count: pageSize) { estimatedBytes(diagnostics[$0]) }
    }

    /// What a finding adds to a page: the template's markup, the texts, and each related place's line with its link.
    static func estimatedBytes(_ diagnostic: Diagnostic) -> Int {
        420 + (diagnostic.itemID == nil ? 0 : 350) + diagnostic.message.zh.utf8.count + diagnostic.message.en.utf8.count
            + (diagnostic.hint.map { $0.zh.utf8.count + $0.en.utf8.count } ?? 0) + diagnostic.location.file.utf8.count * 2
            + diagnostic.related.reduce(0) { $0 + 160 + $1.message.zh.utf8.count + $1.message.en.utf8.count + $1.location.file.utf8.count * 3 }
    }

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
            visitor.field(FieldKey.rule, rule)
            visitor.field(FieldKey.name, name)
            visitor.field(FieldKey.summary, summary)
            visitor.field(FieldKey.severity, severity)
            visitor.field(FieldKey.severityLabel, severityLabel)
            visitor.field(FieldKey.count, count)
            visitor.field(FieldKey.href, href)
        }
    }

    struct Page: Sendable, TemplateFields {
        let site: Chrome
        let rules: [RuleRow]
        let hasRules: Bool
        let total: Int

        func fields<Visitor: FieldVisitor>(_ visitor: inout Visitor) {
            visitor.field(FieldKey.site, site)
            visitor.field(FieldKey.rules, rules)
            visitor.field(FieldKey.hasRules, hasRules)
            visitor.field(FieldKey.total, total)
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
            visitor.field(FieldKey.site, site)
            visitor.field(FieldKey.rule, rule)
            visitor.field(FieldKey.pages, pages)
            visitor.field(FieldKey.hasPages, hasPages)
            visitor.field(FieldKey.range, range)
            visitor.field(FieldKey.diagnostics, diagnostics)
        }
    }

    /// The findings of each rule, worst first within it, rules ordered by their worst severity, then id.
    func byRule() -> [(rule: String, diagnostics: [Diagnostic])] { model.findingsByRule }

    /// Made once with the findings' groups (`SiteModel.Grouped`), which serve keeps while the findings are the same.
    static func byRule(_ diagnostics: [Diagnostic]) -> [(rule: String, diagnostics: [Diagnostic])] {
        var byRule: [String: [Diagnostic]] = [:]
        for diagnostic in diagnostics { byRule[diagnostic.ruleID, default: []].append(diagnostic) }
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
            let ranges = Self.pageRanges(group.diagnostics)
            for (position, range) in ranges.enumerated() {
                let path = SitePath.warnings(rule: group.rule, page: position + 1)
                jobs.append(LazyPageJob(path: path) {
                    rulePage(row, group.diagnostics, range: range, page: position + 1, of: ranges.count, path: path)
                })
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

    private func rulePage(
        _ row: RuleRow, _ diagnostics: [Diagnostic], range: Range<Int>, page: Int, of pageCount: Int, path: String
    ) -> PageJob {
        let start = range.lowerBound
        let shown = diagnostics[range]
        let zh = model.language == .zhCN
        let range = zh
            ? "第 \(start + 1)–\(start + shown.count) 条，共 \(diagnostics.count) 条"
            : "Findings \(start + 1)–\(start + shown.count) of \(diagnostics.count)"
        let links = PageBudget.links(pages: pageCount, current: page) { number in
            SitePath.encode(String(SitePath.warnings(rule: row.rule, page: number).dropFirst("warnings/".count)))
        }
        let title = "\(row.name) · \(row.rule)" + (page > 1 ? (zh ? " · 第 \(page) 页" : " · page \(page)") : "")
        let rulePage = RulePage(
            site: Chrome(model: model, pagePath: path, pageTitle: title, section: "warnings", serveMode: serveMode),
            rule: row, pages: links, hasPages: pageCount > 1, range: range, diagnostics: model.diagnosticViews(Array(shown)))
        return PageJob(path: path, template: "warnings-rule", page: rulePage)
    }
}
