/// An item scheduled inside the quiet hours (a window that may wrap midnight).
struct QuietHoursRule: Rule {
    let id = "quiet-hours"
    let scope = RuleScope.item
    let defaultSeverity = Severity.warning
    let options = [
        RuleOption("from", .time, default: .time(LocalTime(hour: 22, minute: 30)!), Localized(zh: "免打扰开始时间", en: "Quiet hours start")),
        RuleOption("to", .time, default: .time(LocalTime(hour: 7, minute: 0)!), Localized(zh: "免打扰结束时间", en: "Quiet hours end")),
    ]
    let summary = Localized(
        zh: "内容安排在免打扰时段 {from: \"22:30\", to: \"07:00\"} 之内",
        en: "An item inside {from: \"22:30\", to: \"07:00\"}")
    let explanation = Localized(
        zh: "深夜或清晨的消息会吵醒客户，也让人觉得你不懂分寸；守时守界，客户才放心把联系方式留给你。",
        en: "A message late at night or early in the morning wakes the customer and feels pushy; respecting their hours is what makes them comfortable staying in touch.")
    let example = Localized(zh: "time: \"23:15\"", en: "time: \"23:15\"")

    func check(_ context: RuleContext) -> [Finding] {
        guard let from = context.options.time("from"), let to = context.options.time("to") else { return [] }
        let window = "\(from)–\(to)"
        return context.coveredItems.filter { Self.isQuiet($0.time, from: from, to: to) }.map { item in
            Finding(
                item: item, key: item.timeKey,
                message: Localized(
                    zh: "这条\(item.kind.noun.zh)安排在 \(item.date) \(item.time)，处在免打扰时段 \(window) 之内。",
                    en: "This \(item.kind.noun.en) goes out at \(item.time) on \(item.date), inside the quiet hours \(window)."),
                hint: Localized(
                    zh: "改到 \(to) 之后、\(from) 之前的时段。", en: "Move it between \(to) and \(from)."),
                identity: [item.id])
        }
    }

    /// `from` inclusive, `to` exclusive; 22:30→07:00 wraps midnight. Equal bounds: no quiet hours.
    static func isQuiet(_ time: LocalTime, from: LocalTime, to: LocalTime) -> Bool {
        if from < to { return from <= time && time < to }
        if to < from { return time >= from || time < to }
        return false
    }
}
