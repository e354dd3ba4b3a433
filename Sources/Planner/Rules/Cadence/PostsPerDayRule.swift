/// Moments per persona per calendar day inside start…end: a day with none is
/// a gap (空窗), a day with more than `max` floods the feed.
struct PostsPerDayRule: Rule {
    let id = "posts-per-day"
    let scope = RuleScope.persona
    let defaultSeverity = Severity.warning
    let options = [
        RuleOption("min", .integer, default: .integer(1), Localized(zh: "每人每天至少几条朋友圈", en: "Fewest moments per persona per day")),
        RuleOption("max", .integer, default: .integer(3), Localized(zh: "每人每天最多几条朋友圈", en: "Most moments per persona per day")),
    ]
    let summary = Localized(
        zh: "每个人设在岗的每一天，朋友圈条数不在 {min: 1, max: 3} 之内；一条都没有是空窗，连续几天的空窗合为一条",
        en: "Moments per persona per working day outside {min: 1, max: 3}; a day with none is a gap (空窗), and consecutive gap days are one finding")
    let explanation = Localized(
        zh: "朋友圈每天 1–3 条最合适。断更一天就是空窗，客户会觉得你“消失了”，好不容易建立的熟悉感就断了；一天发太多又像刷屏，容易被屏蔽甚至删除。稳定的节奏本身就是靠谱的信号。",
        en: "One to three moments a day works best. A day without one is a gap (空窗): customers feel you have vanished and the familiarity you built fades. Too many in a day looks like spam and gets you muted or deleted. A steady rhythm is itself a sign that you are reliable.")
    let example = Localized(
        zh: "小招 12-13 发了 4 条朋友圈；12-14 至 12-20 共 7 天没有朋友圈（人设写了 start: 2026-12-10，所以 12-10 之前不算空窗）",
        en: "小招 posts 4 moments on 12-13 and none from 12-14 to 12-20, 7 days (with start: 2026-12-10 on the persona, the days before 12-10 are no gap)")

    func check(_ context: RuleContext) -> [Finding] {
        let minimum = context.options.integer("min")
        let maximum = context.options.integer("max")
        var findings: [Finding] = []
        for persona in context.momentPersonas where context.covers(persona.id) {
            let moments = context.activeInRange(context.index.momentsByPersona[persona.id] ?? [], of: persona.id)
            let name = persona.name
            var next = 0
            // Consecutive days without a moment, reported once when the run ends.
            var gapDays: [LocalDate] = []
            func closeGap() {
                if !gapDays.isEmpty { findings.append(gap(persona: persona, days: gapDays, minimum: minimum, moments: moments)) }
                gapDays = []
            }
            for day in context.activeDays(of: persona.id) {
                if let last = gapDays.last, last.dayNumber + 1 != day.dayNumber { closeGap() }
                while next < moments.count && moments[next].date < day { next += 1 }
                let first = next
                while next < moments.count && moments[next].date == day { next += 1 }
                let ofDay = Array(moments[first..<next])
                if ofDay.isEmpty && minimum > 0 {
                    gapDays.append(day)
                    continue
                }
                closeGap()
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
            closeGap()
        }
        return findings
    }

    /// Consecutive days without moments (空窗) are one finding for the run
    /// (identity: persona, first day, last day). No item lies inside a gap,
    /// so it is placed at the persona's declaration, with the moments just
    /// before and after it as related locations.
    private func gap(persona: Persona, days: [LocalDate], minimum: Int, moments: [Item]) -> Finding {
        let first = days[0]
        let last = days[days.count - 1]
        let index = moments.firstIndex(onOrAfter: first)
        let after = moments.firstIndex(onOrAfter: last.adding(days: 1))
        let around = [index > 0 ? moments[index - 1] : nil, after < moments.count ? moments[after] : nil].compactMap { $0 }
        let message: Localized
        if days.count == 1 {
            message = Localized(
                zh: "\(persona.name) 在 \(first) 没有朋友圈（空窗），每天至少 \(minimum) 条。",
                en: "\(persona.name) has no moment on \(first) (a gap, 空窗); at least \(minimum) a day.")
        } else {
            // 2026-12-14 至 12-20: the year once, as people write a range.
            let lastText = last.year == first.year ? Self.monthDay(last) : last.description
            message = Localized(
                zh: "\(persona.name) 在 \(first) 至 \(lastText) 共 \(days.count) 天没有朋友圈（空窗），每天至少 \(minimum) 条。",
                en: "\(persona.name) has no moments for \(days.count) days, \(first) to \(lastText) (a gap, 空窗); at least \(minimum) a day.")
        }
        return Finding(
            location: persona.location(of: "name"),
            message: message,
            hint: Localized(
                zh: days.count == 1
                    ? "补一条生活日常或互动话题，或从发得多的日子挪一条过来。"
                    : "在这几天里每天补一条生活日常或互动话题；如果这段时间本就不发，在人设里写上 start/end 或 pauses。",
                en: days.count == 1
                    ? "Add a light life or interaction moment, or move one over from a busy day."
                    : "Add a light life or interaction moment on each of these days; if the persona is not posting then, give it start/end or pauses."),
            related: around.map {
                RelatedLocation.item($0, note: Localized(
                    zh: "\($0.date < first ? "空窗前" : "空窗后")：\($0.date) \($0.time) · \($0.title)",
                    en: "\($0.date < first ? "before" : "after") the gap: \($0.date) \($0.time) · \($0.title)"))
            },
            date: first, persona: persona.id, identity: [persona.id, first.description, last.description])
    }

    private static func monthDay(_ date: LocalDate) -> String {
        String(date.description.dropFirst(5))
    }
}
