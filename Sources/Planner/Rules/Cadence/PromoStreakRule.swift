/// Promotional items (any kind) of one persona on more than `max-days`
/// consecutive calendar days inside start…end, on days the persona works.
struct PromoStreakRule: Rule {
    let id = "promo-streak"
    let scope = RuleScope.persona
    let defaultSeverity = Severity.warning
    let options = [
        RuleOption("max-days", .integer, default: .integer(2), Localized(zh: "推广内容最多连续几天", en: "Most consecutive days with promotion")),
    ]
    let summary = Localized(
        zh: "同一人设在岗期间连续超过 {max-days: 2} 天都有推广内容",
        en: "Promotional items on more than {max-days: 2} consecutive working days of a persona")
    let explanation = Localized(
        zh: "连续几天天天推产品，客户会觉得“你眼里只有我的钱包”，之前攒下的信任一下子透支；推广要隔开，中间穿插真正有用或有温度的内容。",
        en: "Selling day after day tells customers you only see their wallet, and the trust you built is spent at once; space promotions out with content that is useful or warm.")
    let example = Localized(
        zh: "12-03、12-04、12-05 连续三天都有 theme: promotion",
        en: "theme: promotion on 12-03, 12-04 and 12-05")

    func check(_ context: RuleContext) -> [Finding] {
        let maximum = context.options.integer("max-days")
        var findings: [Finding] = []
        for personaID in PlanIndex.sortedKeys(context.index.itemsByPersona) where context.covers(personaID) {
            let promotional = context.activeInRange(context.index.itemsByPersona[personaID] ?? [], of: personaID)
                .filter(context.isPromotional)
            // The first promotional item of each day, in order.
            var firstOfDay: [Item] = []
            for item in promotional where firstOfDay.last?.date != item.date { firstOfDay.append(item) }
            var start = 0
            while start < firstOfDay.count {
                var end = start + 1
                while end < firstOfDay.count && firstOfDay[end].date.dayNumber == firstOfDay[end - 1].date.dayNumber + 1 {
                    end += 1
                }
                let days = end - start
                if days > maximum {
                    let extra = firstOfDay[start + maximum]
                    let first = firstOfDay[start].date
                    let last = firstOfDay[end - 1].date
                    findings.append(
                        Finding(
                            item: extra, key: "theme",
                            message: Localized(
                                zh: "\(context.personaName(personaID)) 连续 \(days) 天都有推广内容（\(first) 至 \(last)），最多连续 \(maximum) 天。",
                                en: "\(context.personaName(personaID)) has promotional items on \(days) days in a row (\(first) to \(last)); at most \(maximum)."),
                            hint: Localized(
                                zh: "把这一天的推广挪开，中间隔一天只发干货或生活。",
                                en: "Move this day's promotion away and leave a day of useful or personal content in between."),
                            related: Array(firstOfDay[start..<end]).filter { $0.id != extra.id },
                            identity: [personaID, first.description]))
                }
                start = end
            }
        }
        return findings
    }
}
