import Foundation

/// Traditional festivals of the Chinese lunar calendar, dated with Foundation's
/// Chinese calendar in Beijing time (as China dates them, whatever the plan's timezone).
enum LunarFestival: Int, CaseIterable, Sendable {
    case chuxi, springFestival, lantern, dragonBoat, qixi, midAutumn, doubleNinth, laba, xiaonian

    var label: Localized {
        switch self {
        case .springFestival: return Localized(zh: "春节", en: "Spring Festival")
        case .lantern: return Localized(zh: "元宵", en: "Lantern Festival")
        case .dragonBoat: return Localized(zh: "端午", en: "Dragon Boat Festival")
        case .qixi: return Localized(zh: "七夕", en: "Qixi Festival")
        case .midAutumn: return Localized(zh: "中秋", en: "Mid-Autumn Festival")
        case .doubleNinth: return Localized(zh: "重阳", en: "Double Ninth Festival")
        case .laba: return Localized(zh: "腊八", en: "Laba Festival")
        case .xiaonian: return Localized(zh: "小年", en: "Little New Year")
        case .chuxi: return Localized(zh: "除夕", en: "Lunar New Year's Eve")
        }
    }

    /// Lunar month and day (never a leap month); 除夕 is found from the next day.
    var lunarDay: (month: Int, day: Int)? {
        switch self {
        case .springFestival: return (1, 1)
        case .lantern: return (1, 15)
        case .dragonBoat: return (5, 5)
        case .qixi: return (7, 7)
        case .midAutumn: return (8, 15)
        case .doubleNinth: return (9, 9)
        case .laba: return (12, 8)
        case .xiaonian: return (12, 23)  // 腊月廿三, the northern date
        case .chuxi: return nil
        }
    }

    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .chinese)
        calendar.timeZone = TimeZone(secondsFromGMT: 8 * 3600)!
        return calendar
    }()

    /// The lunar month, day and leap flag of a date (read at noon, Beijing time).
    static func lunarDate(of date: LocalDate) -> (month: Int, day: Int, leap: Bool) {
        let instant = Date(timeIntervalSince1970: Double(date.dayNumber) * 86400 + 4 * 3600)
        let parts = calendar.dateComponents([.month, .day], from: instant)
        let leap = calendar.dateComponents([.month], from: instant).isLeapMonth ?? false
        return (parts.month ?? 0, parts.day ?? 0, leap)
    }

    /// Every festival on first…last, in date order.
    static func festivals(from first: LocalDate, through last: LocalDate) -> [(date: LocalDate, festival: LunarFestival)] {
        guard first <= last else { return [] }
        var result: [(LocalDate, LunarFestival)] = []
        // One day past the end, so that a 除夕 on `last` is found from the new year's day after it.
        for number in first.dayNumber...(last.dayNumber + 1) {
            let date = LocalDate(dayNumber: number)
            let lunar = lunarDate(of: date)
            if !lunar.leap {
                if lunar.month == 1, lunar.day == 1, number > first.dayNumber { result.append((date.adding(days: -1), .chuxi)) }
                if date <= last, let festival = allCases.first(where: { $0.lunarDay.map { $0 == (lunar.month, lunar.day) } ?? false }) {
                    result.append((date, festival))
                }
            }
        }
        return result.sorted { ($0.0, $0.1.rawValue) < ($1.0, $1.1.rawValue) }
    }
}
