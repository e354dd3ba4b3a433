/// A promotional item on a quiet day: a built-in day named in `days` (清明 by
/// default) or one of plan.yml's `events` with `quiet: true`.
struct QuietDayRule: Rule {
    let id = "quiet-day"
    let defaultSeverity = Severity.warning
    let options = [
        RuleOption(
            "days", .words, default: .words(["清明"]),
            Localized(zh: "不发推广的内置日子（节日、节气名）", en: "Built-in days without promotion (festival or term names)")),
    ]
    let summary = Localized(
        zh: "推广内容安排在静默日：{days: [清明]} 或 events 里 quiet: true 的日子",
        en: "A promotional item on a quiet day: {days: [清明]} or an event with quiet: true")
    let explanation = Localized(
        zh: "清明祭扫、网点系统升级这样的日子，客户的心思不在产品上；这时推销显得不合时宜，伤的是你辛苦攒下的人设。",
        en: "On days like Qingming, when families remember their dead, or a system outage, customers are not thinking about products; a sales post then feels tone-deaf and costs the persona you built.")
    let example = Localized(zh: "清明当天发基金推广", en: "A fund promotion on Qingming")

    func check(_ context: RuleContext) -> [Finding] {
        context.unknownDayNames(rule: id) + context.plan.items.compactMap { item in
            guard context.config.contains(item.date), context.isPromotional(item),
                let day = context.plan.calendarDay(item.date), day.quiet
            else { return nil }
            let name = day.title
            return Finding(
                item: item, key: "date",
                message: Localized(
                    zh: "这条推广\(item.kind.noun.zh)安排在 \(item.date)（\(name.zh)），这天是静默日，不发推广。",
                    en: "This promotional \(item.kind.noun.en) is on \(item.date) (\(name.en)), a quiet day without promotion."),
                hint: Localized(
                    zh: "改到别的日子，或换成非推广的主题（如关怀、生活）。",
                    en: "Move it to another day, or give it a non-promotional theme (care, daily life)."),
                identity: [item.id])
        }
    }
}
