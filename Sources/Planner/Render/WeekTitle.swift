/// How a week is titled everywhere the site names one (SPEC §11.8): the
/// ISO week number and its Monday–Sunday dates, as people read them —
/// `第 51 周 · 12月14日–12月20日`, `Week 51 · Dec 14–20`, and across a
/// month or year end `第 53 周 · 12月28日–1月3日`, `Week 53 · Dec 28–Jan 3`.
enum WeekTitle {
    static func text(_ week: ISOWeek, language: Language) -> String {
        let monday = week.monday
        let sunday = monday.adding(days: 6)
        switch language {
        case .zhCN:
            return "第 \(week.week) 周 · \(monday.month)月\(monday.day)日–\(sunday.month)月\(sunday.day)日"
        case .en:
            let end = sunday.month == monday.month ? "\(sunday.day)" : "\(monthAbbreviation(sunday.month)) \(sunday.day)"
            return "Week \(week.week) · \(monthAbbreviation(monday.month)) \(monday.day)–\(end)"
        }
    }

    /// The week's number alone, for a chart's axis where the whole title does not fit.
    static func short(_ week: ISOWeek, language: Language) -> String {
        language == .zhCN ? "\(week.week)周" : "W\(week.week)"
    }

    static func monthAbbreviation(_ month: Int) -> String {
        let names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return names[(month - 1) % 12]
    }
}

/// How a month is titled: `2026年12月`, `December 2026`.
enum MonthTitle {
    static func text(year: Int, month: Int, language: Language) -> String {
        switch language {
        case .zhCN: return "\(year)年\(month)月"
        case .en:
            let names = [
                "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                "November", "December",
            ]
            return "\(names[(month - 1) % 12]) \(year)"
        }
    }
}
