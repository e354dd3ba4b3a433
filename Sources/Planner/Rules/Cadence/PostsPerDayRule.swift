/// Moments per persona per calendar day inside start…end: a day with none is
/// a gap (空窗), a day with more than `max` floods the feed.
struct PostsPerDayRule: Rule {
    let id = "posts-per-day"
    let defaultSeverity = Severity.warning
    let options = [
        RuleOption("min", .integer, default: .integer(1), Localized(zh: "每人每天至少几条朋友圈", en: "Fewest moments per persona per day")),
        RuleOption("max", .integer, default: .integer(3), Localized(zh: "每人每天最多几条朋友圈", en: "Most moments per persona per day")),
    ]
    let summary = Localized(
        zh: "每个人设每天的朋友圈条数不在 {min: 1, max: 3} 之内；一条都没有的一天是空窗",
        en: "Moments per persona per day outside {min: 1, max: 3}; a day with none is a gap (空窗)")
    let explanation = Localized(
        zh: "朋友圈每天 1–3 条最合适。断更一天就是空窗，客户会觉得你“消失了”，好不容易建立的熟悉感就断了；一天发太多又像刷屏，容易被屏蔽甚至删除。稳定的节奏本身就是靠谱的信号。",
        en: "One to three moments a day works best. A day without one is a gap (空窗): customers feel you have vanished and the familiarity you built fades. Too many in a day looks like spam and gets you muted or deleted. A steady rhythm is itself a sign that you are reliable.")
    let example = Localized(
        zh: "小招 12-13 发了 4 条朋友圈；12-14 一条也没有",
        en: "小招 posts 4 moments on 12-13 and none on 12-14")

    func check(_ context: RuleContext) -> [Finding] {
        let minimum = context.options.integer("min")
        let maximum = context.options.integer("max")
        var findings: [Finding] = []
        for persona in context.momentPersonas {
            let moments = context.inRange(context.index.momentsByPersona[persona.id] ?? [])
            let name = persona.name
            var next = 0
            for day in context.config.days {
                let first = next
                while next < moments.count && moments[next].date == day { next += 1 }
                let ofDay = Array(moments[first..<next])
                if ofDay.count > maximum {
                    let extra = ofDay[maximum]
                    findings.append(
                        Finding(
                            item: extra, key: "date",
                            message: Localized(
                                zh: "\(name) 在 \(day) 有 \(ofDay.count) 条朋友圈，每天最多 \(maximum) 条。",
                                en: "\(name) has \(ofDay.count) moments on \(day); at most \(maximum) a day."),
                            hint: Localized(
                                zh: "把多出的朋友圈挪到附近不那么满的日子，或改成社群话题。",
                                en: "Move the extra moments to a quieter day nearby, or turn one into a group topic."),
                            related: ofDay.filter { $0.id != extra.id },
                            identity: [persona.id, day.description, "over"]))
                } else if ofDay.isEmpty && minimum > 0 {
                    findings.append(gap(persona: persona, day: day, minimum: minimum, moments: moments))
                } else if ofDay.count < minimum {
                    findings.append(
                        Finding(
                            item: ofDay[0], key: "date",
                            message: Localized(
                                zh: "\(name) 在 \(day) 只有 \(ofDay.count) 条朋友圈，每天至少 \(minimum) 条。",
                                en: "\(name) has only \(ofDay.count) moment\(ofDay.count == 1 ? "" : "s") on \(day); at least \(minimum) a day."),
                            hint: Localized(
                                zh: "再补一条生活日常或互动话题。", en: "Add a light life or interaction moment."),
                            related: Array(ofDay.dropFirst()),
                            identity: [persona.id, day.description, "under"]))
                }
            }
        }
        return findings
    }

    /// A day without moments belongs to no item: it is placed at the nearest
    /// moment of the persona (so it lands on a diff), or the persona's `name`.
    private func gap(persona: Persona, day: LocalDate, minimum: Int, moments: [Item]) -> Finding {
        let nearest = moments.nearest(to: day)
        let index = moments.firstIndex(onOrAfter: day)
        let around = [index > 0 ? moments[index - 1] : nil, index < moments.count ? moments[index] : nil].compactMap { $0 }
        return Finding(
            location: nearest?.location(of: "date") ?? persona.location(of: "name"),
            message: Localized(
                zh: "\(persona.name) 在 \(day) 没有朋友圈（空窗），每天至少 \(minimum) 条。",
                en: "\(persona.name) has no moment on \(day) (a gap, 空窗); at least \(minimum) a day."),
            hint: Localized(
                zh: "补一条生活日常或互动话题，或从发得多的日子挪一条过来。",
                en: "Add a light life or interaction moment, or move one over from a busy day."),
            related: around.map {
                RelatedLocation.item($0, note: Localized(
                    zh: "\($0.date < day ? "空窗前" : "空窗后")：\($0.date) \($0.time) · \($0.title)",
                    en: "\($0.date < day ? "before" : "after") the gap: \($0.date) \($0.time) · \($0.title)"))
            },
            date: day, persona: persona.id, identity: [persona.id, day.description, "gap"])
    }
}
