/// Per persona allowed on moments and per whole ISO week inside start…end
/// on every day of which the persona works:
/// fewer moments of a theme than `min` asks. By default every non-promotional
/// theme once a week. Themes the persona does not allow are never required
/// (persona-theme would forbid them).
struct ThemeMixRule: Rule {
    let id = "theme-mix"
    let scope = RuleScope.persona
    let defaultSeverity = Severity.notice
    let options = [
        RuleOption("min", .counts, default: nil, Localized(
            zh: "每周每个主题至少几条朋友圈；默认每个非推广主题至少 1 条",
            en: "Fewest moments of each theme per week; default: each non-promotional theme once")),
    ]
    let summary = Localized(
        zh: "人设全周在岗的某个 ISO 周里，某主题的朋友圈少于 {min: {主题: 次数}}；默认每个非推广主题至少 1 条",
        en: "An ISO week the persona works throughout with fewer moments of a theme than {min: {theme: n}}; default: each non-promotional theme at least once")
    let explanation = Localized(
        zh: "人设要靠多个侧面立起来：专业干货让人信你的能力，生活日常让人觉得你真实，互动话题让人愿意回应。一周里缺了哪一面，人设就少了一块。",
        en: "A persona stands on several sides: expertise earns belief in your skill, daily life makes you real, conversation invites replies. A week missing one side leaves the persona incomplete.")
    let example = Localized(
        zh: "2026-W50 小招一条“互动话题”都没有；要求每周两条干货：rules: {theme-mix: {min: {professional: 2, life: 1}}}",
        en: "小招 posts no interaction moment in 2026-W50; to ask for two expert posts a week: rules: {theme-mix: {min: {professional: 2, life: 1}}}")

    func check(_ context: RuleContext) -> [Finding] {
        let required: [(theme: String, count: Int)]
        if let counts = context.options.counts("min") {
            // In declared order; an undeclared theme is reported by the options decoder.
            required = context.config.themes.compactMap { theme in counts[theme.id].map { (theme.id, $0) } }
        } else {
            required = context.config.themes.filter { !$0.promotional }.map { ($0.id, 1) }
        }
        guard !required.isEmpty else { return [] }
        var findings: [Finding] = []
        for persona in context.momentPersonas where context.covers(persona.id) {
            let moments = context.activeInRange(context.index.momentsByPersona[persona.id] ?? [], of: persona.id)
            let wanted = required.filter { persona.allows(theme: $0.theme) && $0.count > 0 }
            guard !wanted.isEmpty else { continue }
            for week in context.wholeWeeks(activeFor: persona.id) {
                let monday = week.monday
                let sunday = monday.adding(days: 6)
                let ofWeek = moments.dated(from: monday, through: sunday)
                var counts: [String: Int] = [:]
                for moment in ofWeek { if let theme = moment.theme { counts[theme, default: 0] += 1 } }
                let short = wanted.filter { counts[$0.theme, default: 0] < $0.count }
                guard !short.isEmpty else { continue }
                let zhList = short.map { "\(context.themeName($0.theme).zh) \(counts[$0.theme, default: 0])/\($0.count) 条" }
                let enList = short.map { "\(context.themeName($0.theme).en) \(counts[$0.theme, default: 0]) of \($0.count)" }
                // On a moment of that week, else on the persona: never on another week's item.
                findings.append(
                    Finding(
                        location: ofWeek.first?.location(of: "date") ?? persona.location(of: "name"),
                        message: Localized(
                            zh: "\(persona.name) 在 \(week)（\(monday) 至 \(sunday)）的朋友圈主题不够丰富：" + zhList.joined(separator: "，") + "。",
                            en: "\(persona.name)'s moments in \(week) (\(monday) to \(sunday)) lack themes: " + enList.joined(separator: ", ") + "."),
                        hint: Localized(
                            zh: "把这一周的某条朋友圈换成缺少的主题，或再补一条。",
                            en: "Give one of the week's moments a missing theme, or add one."),
                        related: ofWeek.map { RelatedLocation.item($0, note: nil) },
                        date: monday, persona: persona.id,
                        identity: [persona.id, week.description]))
            }
        }
        return findings
    }
}
