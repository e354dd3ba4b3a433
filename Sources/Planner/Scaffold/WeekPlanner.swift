import Foundation

/// Fills one week for `WeekDraft`: first the moments each day needs, in the
/// slots the persona used least that week and the themes the week lacks most,
/// each tried with every rule; then some of them turned promotional, as far
/// as promo-share allows, where the whole week still passes.
struct WeekPlanner {
    let plan: Plan
    let persona: Persona
    let trial: TrialRun
    let contentDirectory: URL
    let today: LocalDate

    private var config: PlanConfig { plan.config }

    /// Days of the week inside the range, inside the persona's working period
    /// (start, end, pauses) and not before today (a new idea dated in the past
    /// would be a stale draft at once).
    func activeDays(_ monday: LocalDate) -> [LocalDate] {
        (0..<7).map { monday.adding(days: $0) }.filter { config.contains($0) && $0 >= today && persona.isActive(on: $0) }
    }

    func moments(on day: LocalDate) -> [Item] {
        plan.items.filter { $0.kind == .moment && $0.persona == persona.id && $0.date == day }
    }

    private func integer(_ name: String, of rule: any Rule) -> Int? {
        guard config.rules.isEnabled(rule.id), case .integer(let value)? = config.rules.value(name, of: rule) else { return nil }
        return value
    }

    /// One moment being drafted.
    private struct Entry {
        var date: LocalDate
        var slot: String
        var theme: String
        var path: String
        var text: String
        var item: Item
    }

    func draft(week monday: LocalDate, reason: Localized?) throws -> WeekDraft.Outcome {
        let week = monday.isoWeek
        let sunday = monday.adding(days: 6)
        let days = activeDays(monday)
        guard !days.isEmpty else {
            throw NewFile.Failure(
                zh: "\(week)（\(monday) 至 \(sunday)）没有可以起草的日子：都在计划范围 \(config.start)–\(config.end) 之外、早于今天 \(today)，或是 \(persona.name) 不上班（start、end、pauses）的日子。",
                en: "\(week) (\(monday) to \(sunday)) has no day to draft: each is outside the plan's range \(config.start)–\(config.end), before today, \(today), or a day \(persona.name) does not work (start, end, pauses).")
        }
        let minimum = max(integer("min", of: PostsPerDayRule()) ?? 1, 1)
        let maximum = integer("max", of: PostsPerDayRule()) ?? config.slots.count
        var need: [LocalDate: Int] = [:]
        for day in days { need[day] = max(minimum - moments(on: day).count, 0) }
        let topUp = need.values.reduce(0, +) == 0
        if topUp { for day in days { need[day] = moments(on: day).count < maximum ? 1 : 0 } }

        let allowed = config.themes.filter { persona.allows(theme: $0.id) }
        let ordinary = allowed.filter { !$0.promotional }.map(\.id)
        let required = requiredThemes(ordinary: ordinary)
        let weekMoments = plan.items.filter { $0.kind == .moment && $0.persona == persona.id && $0.date >= monday && $0.date <= sunday }
        var counts: [String: Int] = [:]
        for moment in weekMoments { if let theme = moment.theme { counts[theme, default: 0] += 1 } }

        let draft = Draft(contentDirectory: contentDirectory, plan: plan, kind: .moment, persona: persona, fields: NewFile.Fields())
        // A promotional theme is also the last resort of a slot no ordinary theme may take (a
        // persona with one ordinary theme would otherwise break theme-streak), within promo-share.
        let promotion = allowed.first(where: \.promotional)?.id
        let room = promotionRoom(weekMoments: weekMoments, adding: need.values.reduce(0, +))
        var promoted = 0
        var entries: [Entry] = []
        var blocked: [(LocalDate, Localized)] = []
        for day in days {
            for _ in 0..<(need[day] ?? 0) {
                let taken = Set(entries.map(\.path))
                var nearest: [String: Localized]?
                var placed: Entry?
                let themes = ordinary.sorted { a, b in
                    let wantA = required[a, default: 0] - counts[a, default: 0], wantB = required[b, default: 0] - counts[b, default: 0]
                    if wantA != wantB { return wantA > wantB }
                    if counts[a, default: 0] != counts[b, default: 0] { return counts[a, default: 0] < counts[b, default: 0] }
                    return ordinary.firstIndex(of: a)! < ordinary.firstIndex(of: b)!
                } + (promotion.map { promoted < room ? [$0] : [] } ?? [])
                search: for slot in slots(day: day, monday: monday, drafted: entries) {
                    for theme in themes {
                        var reasons: [String: Localized] = [:]
                        defer { if nearest == nil || reasons.count < nearest!.count { nearest = reasons } }
                        let (path, text) = draft.file(date: day, slot: slot, time: nil, theme: theme, taken: taken)
                        switch trial.item(text: text, path: path) {
                        case .failure(let problem):
                            reasons[problem.ruleID] = reasons[problem.ruleID] ?? problem.message
                        case .success(let item):
                            // promo-share's windows are judged once the whole week is drafted.
                            let problems = trial.newProblems(adding: entries.map(\.item) + [item], ignoring: [PromoShareRule().id])
                            if problems.isEmpty {
                                placed = Entry(date: day, slot: slot, theme: theme, path: path, text: text, item: item)
                                break search
                            }
                            for problem in problems where reasons[problem.ruleID] == nil { reasons[problem.ruleID] = problem.message }
                        }
                    }
                }
                guard let placed else {
                    blocked.append((day, (nearest ?? [:]).isEmpty
                        ? Localized(zh: "没有空的时段", en: "no free slot") : SlotSearch.describe(nearest!)))
                    break
                }
                entries.append(placed)
                counts[placed.theme, default: 0] += 1
                if placed.theme == promotion { promoted += 1 }
            }
        }
        if entries.isEmpty || (!topUp && !blocked.isEmpty) {
            throw NewFile.Failure(SlotSearch.nothingFree(kind: .moment, from: days[0], end: days[days.count - 1], persona: persona, blocked: blocked))
        }
        let promotions = promoted + promote(
            &entries, draft: draft, counts: &counts, required: required, promotion: promotion,
            room: config.rules.isEnabled(PromoShareRule().id) ? room - promoted : 0)
        let left = trial.newProblems(adding: entries.map(\.item))
        if let problem = left.first {
            throw NewFile.Failure(Localized(
                zh: "起草的这一周会违反 \(problem.ruleID)：\(problem.message.zh)",
                en: "The drafted week would break \(problem.ruleID): \(problem.message.en)"))
        }
        return WeekDraft.Outcome(
            week: week, files: entries.map { (path: $0.path, text: $0.text) },
            summary: summary(week: week, monday: monday, sunday: sunday, count: entries.count, promotions: promotions, topUp: topUp, reason: reason))
    }

    /// The count of each theme theme-mix asks for in a week (all of the
    /// ordinary themes once by default).
    private func requiredThemes(ordinary: [String]) -> [String: Int] {
        let rule = ThemeMixRule()
        guard config.rules.isEnabled(rule.id) else { return [:] }
        if case .counts(let counts)? = config.rules.value("min", of: rule) { return counts.filter { persona.allows(theme: $0.key) } }
        return Dictionary(uniqueKeysWithValues: ordinary.map { ($0, 1) })
    }

    /// Slots free on that day, the least used by the persona that week first.
    private func slots(day: LocalDate, monday: LocalDate, drafted: [Entry]) -> [String] {
        var used: [String: Int] = [:]
        var today: Set<String> = []
        for item in plan.items where item.kind == .moment && item.persona == persona.id && item.date >= monday && item.date < monday.adding(days: 7) {
            if let slot = item.slot { used[slot, default: 0] += 1 }
            if item.date == day { if let slot = item.slot { today.insert(slot) } }
        }
        for entry in drafted {
            used[entry.slot, default: 0] += 1
            if entry.date == day { today.insert(entry.slot) }
        }
        return config.slots.filter { !today.contains($0.id) }
            .sorted { (used[$0.id, default: 0], $0.time) < (used[$1.id, default: 0], $1.time) }.map(\.id)
    }

    /// How many promotional moments the week may have beside those it has:
    /// promo-share's maximum of all its moments once `adding` more are drafted
    /// (no limit when the rule is off).
    private func promotionRoom(weekMoments: [Item], adding: Int) -> Int {
        let rule = PromoShareRule()
        guard config.rules.isEnabled(rule.id) else { return Int.max }
        guard case .number(let share)? = config.rules.value("max", of: rule) else { return 0 }
        let existing = weekMoments.filter { $0.theme.flatMap { config.theme($0)?.promotional } ?? false }.count
        return max(Int((share * Double(weekMoments.count + adding) + 1e-9).rounded(.down)) - existing, 0)
    }

    /// Turns drafted moments promotional while the week's promotional share
    /// stays within promo-share: mid-week first, only a theme the week has
    /// more of than theme-mix asks, and only where the whole week still passes.
    private func promote(
        _ entries: inout [Entry], draft: Draft, counts: inout [String: Int], required: [String: Int], promotion: String?, room: Int
    ) -> Int {
        guard let promotion, room > 0 else { return 0 }
        var promoted = 0
        for _ in 0..<room {
            let order = entries.indices.sorted { (abs($0 - entries.count / 2), $0) < (abs($1 - entries.count / 2), $1) }
            var done = false
            for index in order where config.theme(entries[index].theme)?.promotional == false {
                let theme = entries[index].theme
                guard counts[theme, default: 0] > required[theme, default: 0] else { continue }
                let others = entries.enumerated().filter { $0.offset != index }.map(\.element)
                let (path, text) = draft.file(
                    date: entries[index].date, slot: entries[index].slot, time: nil, theme: promotion, taken: Set(others.map(\.path)))
                guard case .success(let item) = trial.item(text: text, path: path),
                    trial.newProblems(adding: others.map(\.item) + [item]).isEmpty
                else { continue }
                counts[theme, default: 0] -= 1
                counts[promotion, default: 0] += 1
                entries[index] = Entry(date: entries[index].date, slot: entries[index].slot, theme: promotion, path: path, text: text, item: item)
                promoted += 1
                done = true
                break
            }
            if !done { break }
        }
        return promoted
    }

    private func summary(
        week: ISOWeek, monday: LocalDate, sunday: LocalDate, count: Int, promotions: Int, topUp: Bool, reason: Localized?
    ) -> Localized {
        let zh = "已为 \(persona.name) 起草 \(week)（\(monday) 至 \(sunday)）的 \(count) 条朋友圈"
            + (promotions > 0 ? "，其中 \(promotions) 条推广（已带风险提示）" : "") + "。"
        let en = "Drafted \(count) moment\(count == 1 ? "" : "s") for \(persona.name) in \(week) (\(monday) to \(sunday))"
            + (promotions > 0 ? ", \(promotions) of them promotional (with the disclaimer)" : "") + "."
        let why = reason ?? (topUp
            ? Localized(zh: "这一周每天都已达到最少条数，所以每天再加一条。", en: "Each day of the week already had the minimum, so one more a day.")
            : nil)
        guard let why else { return Localized(zh: zh, en: en) }
        return Localized(zh: why.zh + zh, en: why.en + " " + en)
    }
}
