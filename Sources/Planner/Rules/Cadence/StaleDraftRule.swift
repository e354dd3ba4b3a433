/// An item dated before today that is still an idea or a draft.
struct StaleDraftRule: Rule {
    let id = "stale-draft"
    let scope = RuleScope.item
    let defaultSeverity = Severity.warning
    let summary = Localized(
        zh: "日期已过（--today，默认今天）的内容还是构思或草稿", en: "An item dated before today (`--today`, default the real date) still `idea` or `draft`")
    let explanation = Localized(
        zh: "日子过了还是草稿，多半是没发出去：说好的内容没兑现，客户那边就是一次空窗；如果其实发了，也要标成已发布，日历才可信。",
        en: "A past item still in draft was most likely never posted — a promise not kept and a gap on the customer's side; if it did go out, mark it published so the calendar stays trustworthy.")
    let example = Localized(
        zh: "date: 2026-12-01，status: draft，今天是 12-03",
        en: "date: 2026-12-01, status: draft, and today is 12-03")

    func check(_ context: RuleContext) -> [Finding] {
        context.coveredItems.filter { $0.date < context.today && ($0.status == .idea || $0.status == .draft) }.map { item in
            Finding(
                item: item, key: item.keyLocations["status"] != nil ? "status" : "date",
                message: Localized(
                    zh: "这条\(item.kind.noun.zh)排在 \(item.date)，日子已过（今天 \(context.today)），却还是\(item.status.label.zh)。",
                    en: "This \(item.kind.noun.en) for \(item.date) is still \(item.status == .idea ? "an idea" : "a draft"), and that day has passed (today is \(context.today))."),
                hint: Localized(
                    zh: "已经发了就改成 status: published；没发就挪到新的日期。",
                    en: "Set status: published if it went out; otherwise move it to a new date."),
                identity: [item.id])
        }
    }
}
