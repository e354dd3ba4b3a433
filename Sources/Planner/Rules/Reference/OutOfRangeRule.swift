/// An item dated outside start…end is not on the month's calendar.
struct OutOfRangeRule: Rule {
    let id = "out-of-range"
    let defaultSeverity = Severity.warning
    let summary = Localized(zh: "内容日期在计划范围之外", en: "An item dated outside start..end")
    let explanation = Localized(
        zh: "超出计划范围的内容不会出现在本月日历里，容易被漏掉。",
        en: "An item outside the planned range is not on this month's calendar and is easily forgotten.")
    let example = Localized(zh: "date: 2027-01-03  # 计划只到 12-31", en: "date: 2027-01-03  # the plan ends on 12-31")

    func check(_ context: RuleContext) -> [Finding] {
        let config = context.config
        return context.plan.items.filter { !config.contains($0.date) }.map { item in
            Finding(
                item: item, key: "date",
                message: Localized(
                    zh: "\(item.date) 不在计划范围 \(config.start)…\(config.end) 之内。",
                    en: "\(item.date) is outside the planned range \(config.start)…\(config.end)."),
                hint: Localized(
                    zh: "改到范围内的日期，或调整 plan.yml 的 start/end。",
                    en: "Move it into the range, or widen start/end in plan.yml."),
                identity: [item.id])
        }
    }
}
