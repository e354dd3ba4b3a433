/// More than `max` consecutive topics of one format in a group.
struct FormatStreakRule: Rule {
    let id = "format-streak"
    let scope = RuleScope.group
    let defaultSeverity = Severity.notice
    let options = [
        RuleOption("max", .integer, default: .integer(2), Localized(zh: "同一形式最多连续几次", en: "Most consecutive topics of one format")),
    ]
    let summary = Localized(
        zh: "一个社群里同一种话题形式连续超过 {max: 2} 次",
        en: "One topic format more than {max: 2} times in a row in a group")
    let explanation = Localized(
        zh: "群里总是同一种玩法，群友很快就腻了；知识分享、讨论、投票、问答轮着来，大家才有新鲜感，愿意开口。",
        en: "The same kind of topic every time bores members quickly; rotating knowledge, discussion, votes and Q&A keeps it fresh and gets people talking.")
    let example = Localized(
        zh: "runners 群连续 3 个话题都是 format: knowledge",
        en: "Three topics in a row with format: knowledge in the runners group")

    func check(_ context: RuleContext) -> [Finding] {
        let maximum = context.options.integer("max")
        var findings: [Finding] = []
        for groupID in PlanIndex.sortedKeys(context.index.topicsByGroup) where context.covers(groupID) {
            let topics = context.index.topicsByGroup[groupID] ?? []
            for run in runs(of: topics, by: \.format) where run.count > maximum {
                let streak = Array(topics[run])
                let extra = streak[maximum]
                guard let format = extra.format else { continue }
                let name = context.groupName(groupID)
                findings.append(
                    Finding(
                        item: extra, key: "format",
                        message: Localized(
                            zh: "社群\(name.zh)连续 \(streak.count) 个话题都是“\(format.label.zh)”（\(streak[0].date) 至 \(streak[streak.count - 1].date)），同一形式最多连续 \(maximum) 次。",
                            en: "The group \(name.en) has \(streak.count) “\(format.rawValue)” topics in a row (\(streak[0].date) to \(streak[streak.count - 1].date)); at most \(maximum)."),
                        hint: Localized(
                            zh: "把这个话题换一种形式：知识分享、讨论、投票、反馈、问答、直播、活动轮着来。",
                            en: "Give this topic another format: rotate knowledge, discussion, vote, feedback, Q&A, live and event."),
                        related: streak.filter { $0.id != extra.id },
                        identity: [groupID, format.rawValue, streak[0].id]))
            }
        }
        return findings
    }
}
