/// The statutory holidays' names.
public enum HolidayName: String, Sendable {
    case newYear, springFestival, qingming, labourDay, dragonBoat, midAutumn, nationalDay, victoryDay

    var label: Localized {
        switch self {
        case .newYear: return Localized(zh: "元旦", en: "New Year's Day")
        case .springFestival: return Localized(zh: "春节", en: "Spring Festival")
        case .qingming: return Localized(zh: "清明节", en: "Qingming Festival")
        case .labourDay: return Localized(zh: "劳动节", en: "Labour Day")
        case .dragonBoat: return Localized(zh: "端午节", en: "Dragon Boat Festival")
        case .midAutumn: return Localized(zh: "中秋节", en: "Mid-Autumn Festival")
        case .nationalDay: return Localized(zh: "国庆节", en: "National Day")
        case .victoryDay: return Localized(zh: "抗战胜利纪念日", en: "Victory Day")
        }
    }
}

/// One official holiday period: every day of first…last is a day off.
public struct HolidayPeriod: Sendable {
    public let name: HolidayName
    public let first: LocalDate
    public let last: LocalDate
}

/// The notices indexed by day.
enum HolidayTable {
    private static let table: (holidays: [Int: HolidayName], workdays: Set<Int>, years: Set<Int>) = {
        var holidays: [Int: HolidayName] = [:]
        var workdays: Set<Int> = []
        var years: Set<Int> = []
        for notice in HolidayNotice.all {
            years.insert(notice.year)
            for period in notice.periods {
                for number in period.first.dayNumber...period.last.dayNumber { holidays[number] = period.name }
            }
            for day in notice.workdays { workdays.insert(day.dayNumber) }
        }
        return (holidays, workdays, years)
    }()

    /// The holiday period a date lies in, if the published data says so.
    static func holiday(on date: LocalDate) -> HolidayName? { table.holidays[date.dayNumber] }

    static func isHoliday(_ date: LocalDate) -> Bool { table.holidays[date.dayNumber] != nil }

    /// A weekend day worked in exchange for a holiday (调休上班).
    static func isMakeUpWorkday(_ date: LocalDate) -> Bool { table.workdays.contains(date.dayNumber) }

    /// Whether the State Council's arrangement for this calendar year is in the data.
    static func hasData(year: Int) -> Bool { table.years.contains(year) }

    /// Years of first…last without published data, in order.
    static func yearsWithoutData(from first: LocalDate, through last: LocalDate) -> [Int] {
        guard first <= last else { return [] }
        return (first.year...last.year).filter { !hasData(year: $0) }
    }
}
