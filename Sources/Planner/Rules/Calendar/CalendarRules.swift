extension RuleCatalogue {
    /// The rules over China's calendar and the team's events (SPEC 11.6).
    static let calendarRules: [any Rule] = [
        QuietDayRule(),
        HolidayTouchRule(),
        CalendarDataRule(),
    ]
}

extension CalendarDay {
    /// Its names for a message: the labels shown, else every name it answers to.
    var title: Localized {
        let names = labels.isEmpty ? self.names : labels
        return Localized(
            zh: names.map(\.zh).joined(separator: "、"), en: names.map(\.en).joined(separator: ", "))
    }
}

extension RuleContext {
    /// A finding for each name in a rule's `days` that no built-in day or event answers to (a typo never matches).
    func unknownDayNames(rule: String, option: String = "days") -> [Finding] {
        let names = ChinaCalendar.unknownNames(options.words(option), events: config.calendar.events)
        let location = config.rules.byRule[rule]?.location ?? config.location(of: "rules")
        return names.map { name in
            Finding(
                location: location,
                message: Localized(
                    zh: "\(rule) 的 \(option) 里的 “\(name)” 不是已知的节日、节气、营销日或 events 里的事件，不会匹配任何一天。",
                    en: "“\(name)” in \(rule)'s \(option) is no known festival, solar term, commercial day or event, so it matches no day."),
                hint: Localized(
                    zh: "写节日或节气的中文名（如 春节、中秋、冬至、清明）或英文名，或 events 里的 label。",
                    en: "Write a festival or term name in Chinese or English (春节, Mid-Autumn Festival, 冬至, Qingming) or an event's label."),
                identity: ["days", name])
        }
    }
}
