/// An item dated outside start…end is not on the month's calendar; an item
/// dated on a day its persona does not work (before its `start`, after its
/// `end`, inside one of its `pauses`) is out of that persona's range.
struct OutOfRangeRule: Rule {
    var concern: RuleConcern { .files }
    let id = "out-of-range"
    let scope = RuleScope.item
    let defaultSeverity = Severity.warning
    let summary = Localized(
        zh: "内容日期在计划范围之外，或不在人设的工作期内（start/end 之外、pauses 之中）",
        en: "An item dated outside start..end, or on a day its persona does not work (outside its start/end, inside its pauses)")
    let explanation = Localized(
        zh: "超出计划范围的内容不会出现在本月日历里，容易被漏掉；人设还没上岗、已经离岗或正在休假的日子，没有人会去发这条内容。",
        en: "An item outside the planned range is not on this month's calendar and is easily forgotten; on a day the persona has not started, has left or is on leave, nobody will post it.")
    let example = Localized(
        zh: "date: 2027-01-03  # 计划只到 12-31；或人设写了 pauses: [{from: 2026-12-24, to: 2026-12-26, reason: 年假}]，内容却排在 12-25",
        en: "date: 2027-01-03  # the plan ends on 12-31; or the persona has pauses: [{from: 2026-12-24, to: 2026-12-26, reason: leave}] and the item is on 12-25")

    func check(_ context: RuleContext) -> [Finding] {
        let config = context.config
        return context.coveredItems.compactMap { item in
            if !config.contains(item.date) {
                return Finding(
                    item: item, key: "date",
                    message: Localized(
                        zh: "\(item.date) 不在计划范围 \(config.start)…\(config.end) 之内。",
                        en: "\(item.date) is outside the planned range \(config.start)…\(config.end)."),
                    hint: Localized(
                        zh: "改到范围内的日期，或调整 plan.yml 的 start/end。",
                        en: "Move it into the range, or widen start/end in plan.yml."),
                    identity: [item.id])
            }
            guard let persona = context.plan.persona(item.persona), !persona.isActive(on: item.date) else { return nil }
            return inactive(item, persona: persona)
        }
    }

    private func inactive(_ item: Item, persona: Persona) -> Finding {
        let period = persona.period
        let name = persona.name
        let message: Localized
        let declaration: RelatedLocation
        if let start = period.start, item.date < start {
            message = Localized(
                zh: "\(item.date) 在\(name)的开始日期 \(start) 之前，人设还没上岗。",
                en: "\(item.date) is before \(name)'s start, \(start): the persona is not working yet.")
            declaration = RelatedLocation(
                location: persona.location(of: "start"), message: Localized(zh: "start: \(start)", en: "start: \(start)"))
        } else if let end = period.end, item.date > end {
            message = Localized(
                zh: "\(item.date) 在\(name)的结束日期 \(end) 之后，人设已经不再发布。",
                en: "\(item.date) is after \(name)'s end, \(end): the persona no longer posts.")
            declaration = RelatedLocation(
                location: persona.location(of: "end"), message: Localized(zh: "end: \(end)", en: "end: \(end)"))
        } else {
            let pause = period.pause(on: item.date)
            let from = pause.map { "\($0.from)" } ?? ""
            let to = pause.map { "\($0.to)" } ?? ""
            let reason = pause?.reason.map { Localized(zh: "（\($0)）", en: " (\($0))") } ?? Localized(zh: "", en: "")
            message = Localized(
                zh: "\(item.date) 在\(name)的暂停期 \(from) 至 \(to)\(reason.zh)之内。",
                en: "\(item.date) falls in \(name)'s pause from \(from) to \(to)\(reason.en).")
            declaration = RelatedLocation(
                location: pause?.location ?? persona.location(of: "pauses"),
                message: Localized(zh: "暂停 \(from) 至 \(to)\(reason.zh)", en: "pause \(from) to \(to)\(reason.en)"))
        }
        return Finding(
            location: item.location(of: "date"), itemID: item.id, message: message,
            hint: Localized(
                zh: "改到\(name)的工作日，或换一个人设来发；如果人设其实在岗，改一下它的 start/end/pauses。",
                en: "Move it to a day \(name) works, or give it to another persona; if the persona does work then, correct its start/end/pauses."),
            related: [declaration], date: item.date, persona: item.persona, identity: [item.id])
    }
}
