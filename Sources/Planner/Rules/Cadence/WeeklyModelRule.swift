import Foundation

/// Seed 003's light model for a small team, off by default (spec 11.5): per
/// persona per whole ISO week at least `{interview: 1, custom: 3, emotional: 1}`
/// items tagged 访谈/interview, 定制/custom and 情感/emotional.
struct WeeklyModelRule: Rule {
    let id = "weekly-model"
    let scope = RuleScope.persona
    let defaultSeverity = Severity.notice
    let enabledByDefault = false

    /// An option, the tags that count for it, and its name in messages.
    static let parts: [(option: String, tags: [String], label: Localized)] = [
        ("interview", ["访谈", "interview"], Localized(zh: "深度访谈", en: "interviews")),
        ("custom", ["定制", "custom"], Localized(zh: "定制内容", en: "custom items")),
        ("emotional", ["情感", "emotional"], Localized(zh: "情感触点", en: "emotional touches")),
    ]

    let options = [
        RuleOption("interview", .integer, default: .integer(1), Localized(
            zh: "每周至少几条标签为 访谈/interview 的内容", en: "Fewest items tagged 访谈/interview per week")),
        RuleOption("custom", .integer, default: .integer(3), Localized(
            zh: "每周至少几条标签为 定制/custom 的内容", en: "Fewest items tagged 定制/custom per week")),
        RuleOption("emotional", .integer, default: .integer(1), Localized(
            zh: "每周至少几条标签为 情感/emotional 的内容", en: "Fewest items tagged 情感/emotional per week")),
    ]
    let summary = Localized(
        zh: "（默认关闭）人设全周在岗的某个 ISO 周里，标签为 访谈、定制、情感 的内容少于 {interview: 1, custom: 3, emotional: 1}",
        en: "(Off by default) An ISO week the persona works throughout with fewer items tagged 访谈/interview, 定制/custom, 情感/emotional than {interview: 1, custom: 3, emotional: 1}")
    let explanation = Localized(
        zh: "小团队的“轻量化情感运营模型”：每周只做 1 次深度用户访谈 + 3 条定制化内容 + 1 个情感化触点。量不大，但每周都做，客户才会觉得被听见、被记得。",
        en: "A light emotional-operations model for a small team: each week one in-depth customer interview, three pieces made for specific customers and one emotional touch. Little, but every week, so customers feel heard and remembered.")
    let example = Localized(
        zh: "小招 2026-W50 只有 1 条 定制 内容、没有 访谈；打开：rules: {weekly-model: on}",
        en: "小招 has one item tagged custom and no interview in 2026-W50; to turn it on: rules: {weekly-model: on}")

    func check(_ context: RuleContext) -> [Finding] {
        let wanted = Self.parts.map { (part: $0, count: context.options.integer($0.option)) }.filter { $0.count > 0 }
        guard !wanted.isEmpty else { return [] }
        var findings: [Finding] = []
        for persona in context.plan.personas where context.covers(persona.id) {
            let items = context.activeInRange(context.index.itemsByPersona[persona.id] ?? [], of: persona.id)
            for week in context.wholeWeeks(activeFor: persona.id) {
                let monday = week.monday
                let sunday = monday.adding(days: 6)
                let ofWeek = items.dated(from: monday, through: sunday)
                let short = wanted.compactMap { entry -> (label: Localized, have: Int, count: Int)? in
                    let have = ofWeek.filter { item in item.tags.contains { Self.matches($0, entry.part.tags) } }.count
                    return have < entry.count ? (entry.part.label, have, entry.count) : nil
                }
                guard !short.isEmpty else { continue }
                findings.append(
                    Finding(
                        location: ofWeek.first?.location(of: "date") ?? persona.location(of: "name"),
                        itemID: ofWeek.first?.id,
                        message: Localized(
                            zh: "\(persona.name) 在 \(week)（\(monday) 至 \(sunday)）没做满每周的轻量模型："
                                + short.map { "\($0.label.zh) \($0.have)/\($0.count)" }.joined(separator: "，") + "。",
                            en: "\(persona.name)'s week \(week) (\(monday) to \(sunday)) falls short of the weekly model: "
                                + short.map { "\($0.label.en) \($0.have) of \($0.count)" }.joined(separator: ", ") + "."),
                        hint: Localized(
                            zh: "给这一周的内容加上标签（tags: [访谈]、[定制]、[情感]），或补排一条：1 次深度访谈 + 3 条定制内容 + 1 个情感触点。",
                            en: "Tag this week's items (tags: [interview], [custom], [emotional]) or plan one more: 1 interview + 3 custom items + 1 emotional touch."),
                        related: ofWeek.prefix(10).map { RelatedLocation.item($0, note: nil) },
                        date: monday, persona: persona.id,
                        identity: [persona.id, week.description]))
            }
        }
        return findings
    }

    /// A tag names a part by either word; Latin letters case-insensitively.
    static func matches(_ tag: String, _ words: [String]) -> Bool {
        let folded = tag.trimmingCharacters(in: .whitespaces).lowercased()
        return words.contains(folded)
    }
}
