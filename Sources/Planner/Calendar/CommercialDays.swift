/// Commercial and Western days Chinese marketing plans around: fixed dates and
/// the Sundays of 母亲节 (2nd of May) and 父亲节 (3rd of June).
enum CommercialDay: Int, CaseIterable, Sendable {
    case newYear, valentine, womensDay, mothersDay, fathersDay, midYearSale, singlesDay, double12, christmasEve, christmas

    var label: Localized {
        switch self {
        case .newYear: return Localized(zh: "元旦", en: "New Year's Day")
        case .valentine: return Localized(zh: "情人节", en: "Valentine's Day")
        case .womensDay: return Localized(zh: "妇女节", en: "Women's Day")
        case .mothersDay: return Localized(zh: "母亲节", en: "Mother's Day")
        case .fathersDay: return Localized(zh: "父亲节", en: "Father's Day")
        case .midYearSale: return Localized(zh: "618", en: "618 Shopping Festival")
        case .singlesDay: return Localized(zh: "双11", en: "Singles' Day (11.11)")
        case .double12: return Localized(zh: "双12", en: "Double 12 (12.12)")
        case .christmasEve: return Localized(zh: "平安夜", en: "Christmas Eve")
        case .christmas: return Localized(zh: "圣诞", en: "Christmas")
        }
    }

    /// The day in a given year.
    func date(in year: Int) -> LocalDate? {
        switch self {
        case .newYear: return LocalDate(year: year, month: 1, day: 1)
        case .valentine: return LocalDate(year: year, month: 2, day: 14)
        case .womensDay: return LocalDate(year: year, month: 3, day: 8)
        case .mothersDay: return Self.sunday(2, month: 5, year: year)
        case .fathersDay: return Self.sunday(3, month: 6, year: year)
        case .midYearSale: return LocalDate(year: year, month: 6, day: 18)
        case .singlesDay: return LocalDate(year: year, month: 11, day: 11)
        case .double12: return LocalDate(year: year, month: 12, day: 12)
        case .christmasEve: return LocalDate(year: year, month: 12, day: 24)
        case .christmas: return LocalDate(year: year, month: 12, day: 25)
        }
    }

    /// The `nth` Sunday of a month.
    static func sunday(_ nth: Int, month: Int, year: Int) -> LocalDate? {
        guard let first = LocalDate(year: year, month: month, day: 1) else { return nil }
        let firstSunday = first.adding(days: (7 - first.isoWeekday) % 7)
        return firstSunday.adding(days: 7 * (nth - 1))
    }
}
