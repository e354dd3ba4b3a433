/// The text of `plan-build rules [ID]`.
public struct RuleCatalogueText: Sendable {
    public let language: Language

    public init(language: Language) {
        self.language = language
    }

    public func render(id: String?) -> String {
        guard let id else { return list() }
        guard let rule = RuleCatalogue.rule(id) else {
            let guess = DidYouMean.suggestion(for: id, among: RuleCatalogue.ids)
            return Localized(
                zh: "没有规则 “\(id)”。" + (guess.map { "是不是 “\($0)”？" } ?? "") + "\n",
                en: "There is no rule “\(id)”." + (guess.map { " Did you mean “\($0)”?" } ?? "") + "\n").text(language)
        }
        return detail(rule)
    }

    private func list() -> String {
        let width = RuleCatalogue.ids.map(\.count).max() ?? 0
        var output = ""
        for rule in RuleCatalogue.all {
            let padding = String(repeating: " ", count: width - rule.id.count)
            let severity = (rule.enabledByDefault ? rule.defaultSeverity.rawValue : "off").padding(toLength: 8, withPad: " ", startingAt: 0)
            output += "\(rule.id)\(padding)  \(severity)  \(rule.summary.text(language))\n"
        }
        return output
    }

    private func detail(_ rule: any Rule) -> String {
        let zh = language == .zhCN
        var output = "\(rule.id) (\(rule.defaultSeverity.rawValue))\n\n"
        output += rule.summary.text(language) + "\n\n"
        output += (zh ? "为什么：" : "Why: ") + rule.explanation.text(language) + "\n\n"
        if rule.options.isEmpty {
            output += zh ? "选项：无\n" : "Options: none\n"
        } else {
            output += zh ? "选项（plan.yml 的 rules:\(rule.id)）：\n" : "Options (plan.yml rules:\(rule.id)):\n"
            for option in rule.options {
                let value = option.defaultValue.map { "\($0)" } ?? (zh ? "（按计划计算）" : "(computed from the plan)")
                output += "  \(option.name): \(value)  — \(option.summary.text(language))\n"
            }
        }
        output += "\n" + (zh ? "示例：" : "Example: ") + rule.example.text(language) + "\n"
        if rule.enabledByDefault {
            output += "\n" + (zh ? "关闭：rules: {\(rule.id): off}；改级别：rules: {\(rule.id): {severity: error}}\n"
                : "Disable: rules: {\(rule.id): off}; change level: rules: {\(rule.id): {severity: error}}\n")
        } else {
            output += "\n" + (zh ? "默认关闭。打开：rules: {\(rule.id): on}（或写上任何选项、级别）\n"
                : "Off by default. Turn on: rules: {\(rule.id): on} (or give any option or level)\n")
        }
        return output
    }
}
