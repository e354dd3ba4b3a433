/// An item marked `status: published` whose date is after today (spec 11.5).
struct FuturePublishedRule: Rule {
    let id = "future-published"
    let scope = RuleScope.item
    let defaultSeverity = Severity.warning
    let summary = Localized(
        zh: "日期在今天（--today，默认今天）之后的内容已标成已发布（status: published）",
        en: "An item dated after today (`--today`, default the real date) marked `status: published`")
    let explanation = Localized(
        zh: "还没到日子的内容不可能已经发出：多半是复制文件时带上了旧状态，或日期写错了。状态不准，日历就不可信，该发的那天也可能没人去发。",
        en: "An item whose day has not come cannot have gone out yet: usually the status was copied with the file, or the date is wrong. A wrong status makes the calendar untrustworthy, and nobody may post it on the day.")
    let example = Localized(
        zh: "date: 2026-12-20，status: published，今天是 12-10",
        en: "date: 2026-12-20, status: published, and today is 12-10")

    func check(_ context: RuleContext) -> [Finding] {
        context.coveredItems.filter { $0.status == .published && $0.date > context.today }.map { item in
            Finding(
                item: item, key: item.keyLocations["status"] != nil ? "status" : "date",
                message: Localized(
                    zh: "这条\(item.kind.noun.zh)排在 \(item.date)，还没到日子（今天 \(context.today)），却已标成已发布。",
                    en: "This \(item.kind.noun.en) for \(item.date) is marked published, but that day has not come (today is \(context.today))."),
                hint: Localized(
                    zh: "还没发就改成 status: ready（或 draft）；如果其实已经发了，把 date 改成真正发出的那天。",
                    en: "If it has not gone out, set status: ready (or draft); if it has, set date to the day it went out."),
                identity: [item.id])
        }
    }
}
