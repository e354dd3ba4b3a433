/// A recurring column (SPEC 11.6): `content/series/<id>.md` describes one
/// item and a `repeat:` rule; each date the rule yields is a real item
/// `<series id>@YYYY-MM-DD`.
public struct Recurrence: Hashable, Sendable {
    public enum Every: String, Sendable, CaseIterable {
        case day, week, month
    }

    public enum Holidays: String, Sendable, CaseIterable {
        case keep, skip
    }

    public var every: Every
    /// Every `interval` days, weeks or months, counted from `from`.
    public var interval: Int
    /// ISO weekdays (Monday = 1) for `every: week`; empty: the weekday of `from`.
    public var weekdays: [Int]
    /// Days of the month for `every: month`; empty: the day of `from`.
    public var monthDays: [Int]
    /// Nil: the plan's start.
    public var from: LocalDate?
    /// Nil: the plan's end.
    public var until: LocalDate?
    public var except: [LocalDate]
    public var holidays: Holidays

    public init(
        every: Every, interval: Int = 1, weekdays: [Int] = [], monthDays: [Int] = [], from: LocalDate? = nil, until: LocalDate? = nil,
        except: [LocalDate] = [], holidays: Holidays = .keep
    ) {
        self.every = every
        self.interval = interval
        self.weekdays = weekdays
        self.monthDays = monthDays
        self.from = from
        self.until = until
        self.except = except
        self.holidays = holidays
    }

    /// The occurrence dates inside from…until and the plan's start…end, after
    /// `except` and (with `holidays: skip`) public holidays, in order. The
    /// interval counts from `from`, so moving the plan's range never shifts them.
    public func dates(start: LocalDate, end: LocalDate, isPublicHoliday: (LocalDate) -> Bool) -> [LocalDate] {
        let anchor = from ?? start
        let first = max(anchor, start)
        let last = min(until ?? end, end)
        guard first <= last, interval >= 1 else { return [] }
        let excluded = Set(except)
        var dates: [LocalDate] = []
        for dayNumber in first.dayNumber...last.dayNumber {
            let date = LocalDate(dayNumber: dayNumber)
            guard matches(date, anchor: anchor), !excluded.contains(date) else { continue }
            if holidays == .skip && isPublicHoliday(date) { continue }
            dates.append(date)
        }
        return dates
    }

    private func matches(_ date: LocalDate, anchor: LocalDate) -> Bool {
        switch every {
        case .day:
            return (date.dayNumber - anchor.dayNumber) % interval == 0
        case .week:
            let weeks = (date.weekStart.dayNumber - anchor.weekStart.dayNumber) / 7
            guard weeks % interval == 0 else { return false }
            return (weekdays.isEmpty ? [anchor.isoWeekday] : weekdays).contains(date.isoWeekday)
        case .month:
            let months = (date.year * 12 + date.month) - (anchor.year * 12 + anchor.month)
            guard months % interval == 0 else { return false }
            // A day the month lacks (31 in November) is skipped, never moved.
            return (monthDays.isEmpty ? [anchor.day] : monthDays).contains(date.day)
        }
    }

    /// `mon`…`sun`, `monday`…, `周一`/`星期一`…, or 1…7 → ISO weekday.
    static func weekday(named text: String) -> Int? {
        let name = text.lowercased()
        let english = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
        let long = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
        let chinese = ["一", "二", "三", "四", "五", "六", "日"]
        if let index = english.firstIndex(of: name) ?? long.firstIndex(of: name) { return index + 1 }
        if name == "tues" { return 2 }
        if name == "thur" || name == "thurs" { return 4 }
        for prefix in ["周", "星期", "礼拜"] where name.hasPrefix(prefix) {
            let rest = String(name.dropFirst(prefix.count))
            if let index = chinese.firstIndex(of: rest) { return index + 1 }
            if rest == "天" || rest == "七" { return 7 }
        }
        if let number = Int(name), (1...7).contains(number) { return number }
        return nil
    }
}

/// Which series an item is an occurrence of.
public struct SeriesOccurrence: Hashable, Sendable {
    /// The series id (its file stem).
    public let series: String
    /// 1-based number among the series' occurrences (`{{n}}`).
    public let number: Int
    /// The series file, relative to the repository root.
    public let seriesFile: String
    /// The body as its file has it, before `{{n}}` and `{{date}}` are filled
    /// in, when filling changed it: a review signs the file's bytes.
    public let writtenBody: String?

    public init(series: String, number: Int, seriesFile: String, writtenBody: String? = nil) {
        self.series = series
        self.number = number
        self.seriesFile = seriesFile
        self.writtenBody = writtenBody
    }

    /// `<series id>@YYYY-MM-DD`.
    public static func id(series: String, date: LocalDate) -> String { "\(series)@\(date)" }
}
