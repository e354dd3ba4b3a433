import Foundation

/// `new --next-free`: week by week from the given day, the day with the
/// fewest items of this kind by the persona first, then the slot the persona
/// used least that week; the first place where the new item breaks no rule
/// wins. When none does, the failure says, day by day, which rule blocked it.
struct SlotSearch {
    let draft: Draft
    let trial: TrialRun

    private var config: PlanConfig { draft.plan.config }

    func first(from day: LocalDate, theme: String?) throws -> (String, String) {
        var blocked: [(LocalDate, Localized)] = []
        var week = max(day, config.start).weekStart
        while week <= config.end {
            let days = (0..<7).map { week.adding(days: $0) }
                .filter { $0 >= day && config.contains($0) && draft.persona.isActive(on: $0) }
            for date in ordered(days) {
                // The day's reason is the nearest miss: the place that broke the fewest rules.
                var nearest: [String: Localized]?
                for (slot, time) in places(date: date, week: week) {
                    var reasons: [String: Localized] = [:]
                    defer { if nearest == nil || reasons.count < nearest!.count { nearest = reasons } }
                    let (path, text) = draft.file(date: date, slot: slot, time: time, theme: theme, taken: [])
                    if draft.fields.stem != nil, FileManager.default.fileExists(atPath: draft.contentDirectory.appendingPathComponent(path).path) {
                        throw NewFile.Failure(
                            zh: "\(path) 已存在；plan-build 从不覆盖文件。", en: "\(path) exists; plan-build never overwrites a file.")
                    }
                    switch trial.item(text: text, path: path) {
                    case .failure(let problem):
                        // A name that does not resolve is wrong on every day: say so at once.
                        throw NewFile.Failure(problem.message)
                    case .success(let item):
                        let problems = trial.newProblems(adding: [item])
                        if problems.isEmpty { return (path, text) }
                        for problem in problems where reasons[problem.ruleID] == nil { reasons[problem.ruleID] = problem.message }
                    }
                }
                blocked.append((date, SlotSearch.describe(nearest ?? [:])))
            }
            week = week.adding(days: 7)
        }
        throw NewFile.Failure(SlotSearch.nothingFree(kind: draft.kind, from: day, end: config.end, persona: draft.persona, blocked: blocked))
    }

    /// Days with fewer items of this kind by the persona first, then by date.
    private func ordered(_ days: [LocalDate]) -> [LocalDate] {
        var count: [LocalDate: Int] = [:]
        for item in draft.plan.items where item.kind == draft.kind && item.persona == draft.persona.id && days.contains(item.date) {
            count[item.date, default: 0] += 1
        }
        return days.sorted { (count[$0, default: 0], $0) < (count[$1, default: 0], $1) }
    }

    /// The slots to try on a day, least used by the persona that week first,
    /// or the one time or slot the user asked for.
    private func places(date: LocalDate, week: LocalDate) -> [(String?, LocalTime?)] {
        if let time = draft.fields.time { return [(nil, time)] }
        var used: [String: Int] = [:]
        for item in draft.plan.items
        where item.kind == draft.kind && item.persona == draft.persona.id && item.date >= week && item.date < week.adding(days: 7) {
            if let slot = item.slot { used[slot, default: 0] += 1 }
        }
        return config.slots
            .filter { draft.fields.slot == nil || draft.fields.slot == $0.id }
            .sorted { (used[$0.id, default: 0], $0.time) < (used[$1.id, default: 0], $1.time) }
            .map { ($0.id, nil) }
    }

    /// `posts-per-day（…）；min-gap（…）` — each rule once, with its first message.
    static func describe(_ reasons: [String: Localized]) -> Localized {
        let sorted = reasons.sorted { $0.key < $1.key }
        return Localized(
            zh: sorted.map { "\($0.key)（\($0.value.zh)）" }.joined(separator: "；"),
            en: sorted.map { "\($0.key) (\($0.value.en))" }.joined(separator: "; "))
    }

    static func nothingFree(kind: ItemKind, from: LocalDate, end: LocalDate, persona: Persona, blocked: [(LocalDate, Localized)]) -> Localized {
        let zhWeekdays = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"]
        let enWeekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        let days = blocked.sorted { $0.0 < $1.0 }
        let zhLines = days.map { "  \($0.0) \(zhWeekdays[$0.0.isoWeekday - 1])：\($0.1.zh)" }
        let enLines = days.map { "  \($0.0) \(enWeekdays[$0.0.isoWeekday - 1]): \($0.1.en)" }
        return Localized(
            zh: "从 \(from) 到 \(end)，\(persona.name) 没有哪个时段能再放一条\(kind.label.zh)而不违反规则。每天挡住它的规则：\n"
                + zhLines.joined(separator: "\n"),
            en: "From \(from) to \(end) there is no slot where one more \(kind.label.en.lowercased()) by \(persona.name) breaks no rule. What blocked each day:\n"
                + enLines.joined(separator: "\n"))
    }
}
