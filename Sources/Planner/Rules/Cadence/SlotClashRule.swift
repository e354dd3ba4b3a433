/// Two items of one persona and one kind at the same date and time.
struct SlotClashRule: Rule {
    let id = "slot-clash"
    let scope = RuleScope.persona
    let defaultSeverity = Severity.warning
    let summary = Localized(
        zh: "同一人设、同一渠道在同一日期同一时间安排了两条内容",
        en: "Two items of one persona and one kind at the same date and time")
    let explanation = Localized(
        zh: "同一时刻连发两条，客户刷到的是一串刷屏，哪条都看不进去；排期撞车往往也说明有一条是复制粘贴时忘了改时间。",
        en: "Two posts at the same minute arrive as a burst and neither gets read; a clash usually also means one was copied and its time never changed.")
    let example = Localized(
        zh: "两条朋友圈都写着 date: 2026-12-05 与 slot: morning",
        en: "Two moments both at date: 2026-12-05, slot: morning")

    func check(_ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        for personaID in PlanIndex.sortedKeys(context.index.itemsByPersona) where context.covers(personaID) {
            // Chronological order is date, time, kind, id: clashing items are neighbours.
            let items = context.index.itemsByPersona[personaID] ?? []
            for run in runs(of: items, by: { SlotKey(date: $0.date, time: $0.time, kind: $0.kind) }) where run.count > 1 {
                let first = items[run.lowerBound]
                let clashing = Array(items[run])
                for item in clashing.dropFirst() {
                    findings.append(
                        Finding(
                            item: item, key: item.timeKey,
                            message: Localized(
                                zh: "\(context.personaName(personaID)) 在 \(item.date) \(item.time) 安排了 \(run.count) 条\(item.kind.noun.zh)，时间撞了。",
                                en: "\(context.personaName(personaID)) has \(run.count) \(item.kind.rawValue) at the same time, \(item.date) \(item.time)."),
                            hint: Localized(
                                zh: "把其中一条换到别的时段。", en: "Move one of them to another slot."),
                            related: Array(clashing.lazy.filter { $0.id != item.id }.prefix(10)),
                            identity: [first.id, item.id]))
                }
            }
        }
        return findings
    }

    private struct SlotKey: Equatable {
        let date: LocalDate
        let time: LocalTime
        let kind: ItemKind
    }
}
