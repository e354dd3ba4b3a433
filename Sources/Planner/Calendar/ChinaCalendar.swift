import Foundation

/// One day of the plan's range that has a label or a flag (plan.json `days`).
public struct CalendarDay: Sendable {
    public let date: LocalDate
    /// The names shown: holidays, festivals, terms, commercial days, then the team's events.
    public internal(set) var labels: [Localized] = []
    /// Inside an official holiday period (weekends joined to it included).
    public internal(set) var holiday = false
    /// A Saturday or Sunday worked in exchange for a holiday (调休上班).
    public internal(set) var workday = false
    /// No promotion on this day (rule quiet-day).
    public internal(set) var quiet = false
    /// The holiday period it lies in.
    public internal(set) var holidayName: HolidayName?
    /// Every name the day answers to, shown or not (rules match these).
    var names: [Localized] = []

    init(date: LocalDate, names: [Localized] = []) {
        self.date = date
        self.names = names
    }

    /// Whether the day answers to a name, as written in plan.yml (Chinese or English;
    /// 中秋 and 中秋节 are one name).
    public func answers(to name: String) -> Bool {
        let wanted = Self.folded(name)
        return !wanted.isEmpty && names.contains { Self.folded($0.zh) == wanted || Self.folded($0.en) == wanted }
    }

    private static func folded(_ name: String) -> String {
        var text = name.trimmingCharacters(in: .whitespaces).lowercased()
        if text.count > 2, text.hasSuffix("节") { text.removeLast() }
        return text
    }
}

/// China's calendar over a plan's range: the built-in sets and the team's events.
public enum ChinaCalendar {
    enum Source: Int { case holidays, festivals, terms, commercial, event }

    /// The days of first…last with a label or a flag, in date order.
    /// - Parameter quietNames: names of built-in days that are quiet (quiet-day `days`).
    public static func days(
        _ settings: CalendarSettings, from first: LocalDate, through last: LocalDate, quietNames: [String]
    ) -> [CalendarDay] {
        guard first <= last else { return [] }
        var entries: [(date: LocalDate, source: Source, label: Localized)] = []
        for year in first.year...last.year {
            for month in [(1, 1), (5, 1), (10, 1)] {
                guard let date = LocalDate(year: year, month: month.0, day: month.1) else { continue }
                let name: HolidayName = month.0 == 1 ? .newYear : month.0 == 5 ? .labourDay : .nationalDay
                entries.append((date, .holidays, name.label))
            }
            for term in SolarTerms.terms(of: year) { entries.append((term.date, .terms, SolarTerms.names[term.index])) }
            for day in CommercialDay.allCases {
                if let date = day.date(in: year) { entries.append((date, .commercial, day.label)) }
            }
        }
        for festival in LunarFestival.festivals(from: first, through: last) {
            entries.append((festival.date, .festivals, festival.festival.label))
        }
        for event in settings.events { entries.append((event.date, .event, Localized(event.label))) }

        // Built-in sets first in a fixed order, the team's events after them.
        let ordered = entries.enumerated().sorted {
            ($0.element.date.dayNumber, $0.element.source.rawValue, $0.offset)
                < ($1.element.date.dayNumber, $1.element.source.rawValue, $1.offset)
        }.map(\.element)
        var byDay: [Int: CalendarDay] = [:]
        for entry in ordered where first <= entry.date && entry.date <= last {
            var day = byDay[entry.date.dayNumber] ?? CalendarDay(date: entry.date)
            day.names.append(entry.label)
            if isShown(entry.source, settings), !day.labels.contains(where: { $0.zh == entry.label.zh }) {
                day.labels.append(entry.label)
            }
            byDay[entry.date.dayNumber] = day
        }
        if settings.holidays {
            for number in first.dayNumber...last.dayNumber {
                let date = LocalDate(dayNumber: number)
                let name = HolidayTable.holiday(on: date)
                let workday = HolidayTable.isMakeUpWorkday(date) && date.isoWeekday >= 6
                guard name != nil || workday else { continue }
                var day = byDay[number] ?? CalendarDay(date: date)
                day.holiday = name != nil
                day.holidayName = name
                day.workday = workday
                byDay[number] = day
            }
        }
        let quietEvents = Set(settings.events.filter(\.quiet).map(\.date.dayNumber))
        for (number, day) in byDay {
            byDay[number]!.quiet = quietEvents.contains(number) || quietNames.contains { day.answers(to: $0) }
        }
        return byDay.keys.sorted().compactMap { byDay[$0] }.filter {
            !$0.labels.isEmpty || $0.holiday || $0.workday || $0.quiet
        }
    }

    /// Every built-in name a day can answer to, for checking the names written in rule options.
    static let builtInNames: [Localized] = SolarTerms.names + LunarFestival.allCases.map(\.label)
        + CommercialDay.allCases.map(\.label) + [HolidayName.newYear, .labourDay, .nationalDay].map(\.label)

    /// Names of `written` that no built-in day and no event answers to.
    static func unknownNames(_ written: [String], events: [CalendarEvent]) -> [String] {
        let known = builtInNames + events.map { Localized($0.label) }
        let probe = CalendarDay(date: LocalDate(dayNumber: 0), names: known)
        return written.filter { !probe.answers(to: $0) }
    }

    private static func isShown(_ source: Source, _ settings: CalendarSettings) -> Bool {
        switch source {
        case .holidays: return settings.holidays
        case .terms: return settings.terms
        case .festivals: return settings.festivals
        case .commercial: return settings.commercial
        case .event: return true
        }
    }
}
