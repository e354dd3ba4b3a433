/// `help/index.html`: every rule `plan-build rules` lists, in plain words —
/// what it checks with this plan's values, why it matters to the customer's
/// trust, an example, and how to change or silence it. Built from the same
/// rule texts as `plan-build rules`, so a new rule appears here by itself.
struct HelpPage {
    let model: SiteModel
    let serveMode: Bool

    static let path = "help/index.html"

    struct RuleEntry: Sendable, TemplateFields {
        let id: String
        let severity: String
        let severityLabel: String
        let off: String?
        let summary: String
        let explanation: String
        let example: String
        let options: String?
        let change: String

        func fields<Visitor: FieldVisitor>(_ visitor: inout Visitor) {
            visitor.field(FieldKey.id, id)
            visitor.field(FieldKey.severity, severity)
            visitor.field(FieldKey.severityLabel, severityLabel)
            visitor.field(FieldKey.off, off)
            visitor.field(FieldKey.summary, summary)
            visitor.field(FieldKey.explanation, explanation)
            visitor.field(FieldKey.example, example)
            visitor.field(FieldKey.options, options)
            visitor.field(FieldKey.change, change)
        }
    }

    struct Page: Sendable, TemplateFields {
        let site: Chrome
        let title: String
        let intro: String
        let levels: String
        let whyLabel: String
        let exampleLabel: String
        let optionsLabel: String
        let changeLabel: String
        let rules: [RuleEntry]

        func fields<Visitor: FieldVisitor>(_ visitor: inout Visitor) {
            visitor.field(FieldKey.site, site)
            visitor.field(FieldKey.title, title)
            visitor.field(FieldKey.intro, intro)
            visitor.field(FieldKey.levels, levels)
            visitor.field(FieldKey.whyLabel, whyLabel)
            visitor.field(FieldKey.exampleLabel, exampleLabel)
            visitor.field(FieldKey.optionsLabel, optionsLabel)
            visitor.field(FieldKey.changeLabel, changeLabel)
            visitor.field(FieldKey.rules, rules)
        }
    }

    func page() -> PageJob {
        let settings = model.plan.config.rules
        let zh = model.language == .zhCN
        let rules = RuleCatalogue.all.map { rule in
            let severity = settings.severity(of: rule)
            let options = rule.options.compactMap { option -> String? in
                let value = settings.value(option.name, of: rule).map { "\($0)" } ?? (zh ? "按计划计算" : "computed from the plan")
                return "\(option.name): \(value) — \(model.text(option.summary))"
            }
            return RuleEntry(
                id: rule.id, severity: severity.rawValue, severityLabel: model.text(severity.label),
                off: settings.isEnabled(rule.id)
                    ? nil
                    : settings.byRule[rule.id] == nil
                        ? (zh ? "默认关闭；rules: {\(rule.id): on} 打开" : "off by default; rules: {\(rule.id): on} turns it on")
                        : (zh ? "本计划已关闭" : "off in this plan"),
                summary: RuleWords.summary(rule, settings: settings, language: model.language),
                explanation: model.text(rule.explanation), example: model.text(rule.example),
                options: options.isEmpty ? nil : options.joined(separator: zh ? "；" : "; "),
                change: zh
                    ? "plan.yml 里 rules: {\(rule.id): off} 关闭，{\(rule.id): {severity: error}} 改级别；单条内容写 ignore: {\(rule.id): \"理由\"} 破例。"
                    : "In plan.yml, rules: {\(rule.id): off} turns it off and {\(rule.id): {severity: error}} changes its level; one item can carry ignore: {\(rule.id): \"reason\"}.")
        }
        let title = zh ? "规则说明" : "The rules in plain words"
        let page = Page(
            site: Chrome(model: model, pagePath: Self.path, pageTitle: title, section: "help", serveMode: serveMode),
            title: title,
            intro: zh
                ? "plan-build check 按下面 \(rules.count) 条规则检查这份计划。每条都写了它查什么（用本计划的数值）、为什么要紧、一个例子，以及怎么调整。命令行里 plan-build rules 列出的就是这些规则。"
                : "plan-build check holds this plan to the \(rules.count) rules below: what each checks (with this plan's values), why it matters, an example, and how to change it. They are the rules plan-build rules lists.",
            levels: zh
                ? "错误（error）会让检查失败、站点不生成；警告（warning）要看一眼、通常要改；提示（notice）是建议。"
                : "An error fails the check and stops the build; a warning deserves a look and usually a fix; a notice is advice.",
            whyLabel: zh ? "为什么" : "Why", exampleLabel: zh ? "例子" : "Example", optionsLabel: zh ? "选项" : "Options",
            changeLabel: zh ? "调整" : "Changing it", rules: rules)
        return PageJob(path: Self.path, template: "help", page: page)
    }
}
