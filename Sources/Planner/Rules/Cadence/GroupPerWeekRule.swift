/// Fewer than `min` topics in a declared group in a whole ISO week inside start…end.
struct GroupPerWeekRule: Rule {
    let id = "group-per-week"
    let scope = RuleScope.group
    let defaultSeverity = Severity.warning
    let options = [
        RuleOption("min", .integer, default: .integer(2), Localized(zh: "每个社群每周至少几个话题", en: "Fewest topics per group per week")),
    ]
    let summary = Localized(
        zh: "某个 ISO 周里一个社群的话题少于 {min: 2} 个",
        en: "Fewer than {min: 2} topics in a group in an ISO week inside the range")
    let explanation = Localized(
        zh: "社群一周没人组织话题，就成了只有通知的“死群”；每周至少两次有价值的话题或活动，群友才有留下来的理由。",
        en: "A group nobody starts a topic in for a week becomes a notice board nobody reads; two worthwhile topics or events a week give members a reason to stay.")
    let example = Localized(
        zh: "runners 群 2026-W50 只有 1 个话题",
        en: "The runners group has one topic in 2026-W50")

    func check(_ context: RuleContext) -> [Finding] {
        let minimum = context.options.integer("min")
        guard minimum > 0 else { return [] }
        var findings: [Finding] = []
        for group in context.config.groups.sorted(by: { $0.id < $1.id }) where context.covers(group.id) {
            let topics = context.inRange(context.index.topicsByGroup[group.id] ?? [])
            let name = context.groupName(group.id)
            for week in context.wholeWeeks {
                let monday = week.monday
                let sunday = monday.adding(days: 6)
                let ofWeek = topics.dated(from: monday, through: sunday)
                guard ofWeek.count < minimum else { continue }
                // On a topic of that week, else on the group: never on another week's item.
                findings.append(
                    Finding(
                        location: ofWeek.first?.location(of: "date") ?? group.location,
                        message: Localized(
                            zh: "社群\(name.zh)在 \(week)（\(monday) 至 \(sunday)）只有 \(ofWeek.count) 个话题，每周至少 \(minimum) 个。",
                            en: "The group \(name.en) has \(ofWeek.count) topic\(ofWeek.count == 1 ? "" : "s") in \(week) (\(monday) to \(sunday)); at least \(minimum) a week."),
                        hint: Localized(
                            zh: "这一周再安排一个话题，投票、问答之类的轻量话题也可以。",
                            en: "Plan another topic that week; a light vote or Q&A will do."),
                        related: ofWeek.map { RelatedLocation.item($0, note: nil) },
                        date: monday, identity: [group.id, week.description]))
            }
        }
        return findings
    }
}
