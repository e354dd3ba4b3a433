/// More than `max` topics in one group on one calendar day inside start…end
/// (counted per group, whoever posts them).
struct GroupPerDayRule: Rule {
    let id = "group-per-day"
    let scope = RuleScope.group
    let defaultSeverity = Severity.warning
    let options = [
        RuleOption("max", .integer, default: .integer(1), Localized(zh: "每个社群每天最多几个话题", en: "Most topics per group per day")),
    ]
    let summary = Localized(
        zh: "一个社群一天里超过 {max: 1} 个话题",
        en: "More than {max: 1} topics in one group on one day")
    let explanation = Localized(
        zh: "一天一个话题，群友才跟得上、聊得透；话题一多，消息刷得太快，大家干脆设成免打扰，群就冷了。",
        en: "One topic a day lets members keep up and really talk; more and the chat scrolls away, members mute the group and it goes quiet.")
    let example = Localized(
        zh: "runners 群 12-05 安排了两个话题",
        en: "Two topics in the runners group on 12-05")

    func check(_ context: RuleContext) -> [Finding] {
        let maximum = context.options.integer("max")
        var findings: [Finding] = []
        for groupID in PlanIndex.sortedKeys(context.index.topicsByGroup) where context.covers(groupID) {
            let topics = context.inRange(context.index.topicsByGroup[groupID] ?? [])
            for run in runs(of: topics, by: \.date) where run.count > maximum {
                let ofDay = Array(topics[run])
                let extra = ofDay[maximum]
                let name = context.groupName(groupID)
                findings.append(
                    Finding(
                        item: extra, key: "date",
                        message: Localized(
                            zh: "社群\(name.zh)在 \(extra.date) 有 \(ofDay.count) 个话题，每天最多 \(maximum) 个。",
                            en: "The group \(name.en) has \(ofDay.count) topics on \(extra.date); at most \(maximum) a day."),
                        hint: Localized(
                            zh: "把多出的话题挪到这个群没有话题的日子。", en: "Move the extra topic to a day the group has none."),
                        related: ofDay.filter { $0.id != extra.id },
                        identity: [groupID, extra.date.description]))
            }
        }
        return findings
    }
}
