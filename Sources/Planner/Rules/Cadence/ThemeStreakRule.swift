/// More than `max` consecutive moments of one persona with one theme, among
/// the moments on days the persona works.
struct ThemeStreakRule: Rule {
    let id = "theme-streak"
    let scope = RuleScope.persona
    let defaultSeverity = Severity.warning
    let options = [
        RuleOption("max", .integer, default: .integer(2), Localized(zh: "同一主题最多连续几条", en: "Most consecutive moments of one theme")),
    ]
    let summary = Localized(
        zh: "同一人设在岗期间连续超过 {max: 2} 条朋友圈是同一主题",
        en: "More than {max: 2} consecutive moments of one theme on a persona's working days")
    let explanation = Localized(
        zh: "一个立体的人设既有专业干货，也有生活日常和互动；同一类内容连发，人设就变得单薄，干货连发像上课，推广连发像广告号。",
        en: "A believable persona mixes expertise, daily life and conversation; the same kind of post again and again flattens it — all lessons feels like a classroom, all promotion like an advertising account.")
    let example = Localized(
        zh: "连续 3 条朋友圈都是 theme: professional",
        en: "Three moments in a row with theme: professional")

    func check(_ context: RuleContext) -> [Finding] {
        let maximum = context.options.integer("max")
        var findings: [Finding] = []
        for personaID in PlanIndex.sortedKeys(context.index.momentsByPersona) where context.covers(personaID) {
            let moments = context.onActiveDays(context.index.momentsByPersona[personaID] ?? [], of: personaID)
            for run in runs(of: moments, by: \.theme) where run.count > maximum {
                let streak = Array(moments[run])
                let extra = streak[maximum]
                guard let theme = extra.theme else { continue }
                let name = context.themeName(theme)
                findings.append(
                    Finding(
                        item: extra, key: "theme",
                        message: Localized(
                            zh: "\(context.personaName(personaID)) 连续 \(streak.count) 条朋友圈都是\(name.zh)（\(streak[0].date) 至 \(streak[streak.count - 1].date)），同一主题最多连续 \(maximum) 条。",
                            en: "\(context.personaName(personaID)) has \(streak.count) \(name.en) moments in a row (\(streak[0].date) to \(streak[streak.count - 1].date)); at most \(maximum)."),
                        hint: Localized(
                            zh: "把这一条换成别的主题，或和后面不同主题的朋友圈调换顺序。",
                            en: "Give this one another theme, or swap it with a later moment of a different theme."),
                        related: streak.filter { $0.id != extra.id },
                        identity: [personaID, theme, streak[0].id]))
            }
        }
        return findings
    }
}
