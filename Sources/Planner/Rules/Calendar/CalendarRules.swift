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
