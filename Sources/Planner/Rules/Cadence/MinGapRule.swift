/// Two moments of one persona closer than `minutes` apart, on days the
/// persona works. Two at the same minute are slot-clash's finding, not
/// this rule's (one problem, one report) — unless slot-clash is off.
struct MinGapRule: Rule {
    let id = "min-gap"
    let scope = RuleScope.persona
    let defaultSeverity = Severity.warning
    let options = [
        RuleOption("minutes", .integer, default: .integer(120), Localized(zh: "两条朋友圈至少相隔几分钟", en: "Fewest minutes between two moments")),
    ]
    let summary = Localized(
        zh: "同一人设的两条朋友圈相隔不到 {minutes: 120} 分钟（同一分钟的算 slot-clash）",
        en: "Two moments of one persona less than {minutes: 120} apart (the same minute is a slot-clash)")
    let explanation = Localized(
        zh: "朋友圈挤在一起发，客户一屏刷到好几条，像在刷屏；分散在早、中、晚，才是一个真实的人在过日子。",
        en: "Moments bunched together fill the customer's screen like spam; spread over morning, noon and evening they read like a real person's day.")
    let example = Localized(
        zh: "12:10 与 13:10 各发一条朋友圈，只隔 60 分钟",
        en: "Moments at 12:10 and 13:10, only 60 minutes apart")

    func check(_ context: RuleContext) -> [Finding] {
        let minutes = context.options.integer("minutes")
        let clashesReported = context.config.rules.isEnabled("slot-clash")
        var findings: [Finding] = []
        for personaID in PlanIndex.sortedKeys(context.index.momentsByPersona) where context.covers(personaID) {
            let moments = context.onActiveDays(context.index.momentsByPersona[personaID] ?? [], of: personaID)
            // Sorted by time, so only neighbours can be too close.
            for (previous, item) in zip(moments, moments.dropFirst()) {
                let gap = item.dateTime.absoluteMinutes - previous.dateTime.absoluteMinutes
                guard gap < minutes, gap > 0 || !clashesReported else { continue }
                findings.append(
                    Finding(
                        item: item, key: item.timeKey,
                        message: Localized(
                            zh: "\(context.personaName(personaID)) 的两条朋友圈只隔 \(gap) 分钟（\(previous.dateTime) 与 \(item.dateTime)），至少要隔 \(minutes) 分钟。",
                            en: "\(context.personaName(personaID))'s moments at \(previous.dateTime) and \(item.dateTime) are only \(gap) minutes apart; keep at least \(minutes)."),
                        hint: Localized(
                            zh: "把这一条挪到更晚的时段。", en: "Move this one to a later slot."),
                        related: [previous],
                        identity: [previous.id, item.id]))
            }
        }
        return findings
    }
}
