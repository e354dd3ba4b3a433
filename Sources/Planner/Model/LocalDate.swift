/// A calendar day in the plan's timezone. Arithmetic works on a day number
/// (days since 1970-01-01) so rules never touch Foundation's Calendar.
public struct LocalDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int
    /// Days since 1970-01-01.
    public let dayNumber: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...LocalDate.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
        self.dayNumber = LocalDate.daysFromCivil(year: year, month: month, day: day)
    }

    public init(dayNumber: Int) {
        // Howard Hinnant's civil_from_days.
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
        self.dayNumber = dayNumber
    }

    /// Parses exactly `YYYY-MM-DD`.
    public init?(parsing text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            let y = Self.digits(bytes[0..<4]), let m = Self.digits(bytes[5..<7]),
            let d = Self.digits(bytes[8..<10])
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool { lhs.dayNumber < rhs.dayNumber }

    public var description: String {
        // Ten ASCII digits and dashes written in place (every page spells dates; interpolation cost thousands of instructions each).
        guard (0...9999).contains(year), (0...99).contains(month), (0...99).contains(day) else { return "\(Self.pad(year, 4))-\(Self.pad(month, 2))-\(Self.pad(day, 2))" }
        return String(unsafeUninitializedCapacity: 10) { buffer in
            Self.writeDigits(year, width: 4, into: buffer, at: 0)
            buffer[4] = UInt8(ascii: "-")
            Self.writeDigits(month, width: 2, into: buffer, at: 5)
            buffer[7] = UInt8(ascii: "-")
            Self.writeDigits(day, width: 2, into: buffer, at: 8)
            return 10
        }
    }

    /// Compact form for iCalendar: `YYYYMMDD`.
    public var basicFormat: String { "\(Self.pad(year, 4))\(Self.pad(month, 2))\(Self.pad(day, 2))" }

    public func adding(days: Int) -> LocalDate { LocalDate(dayNumber: dayNumber + days) }

    /// ISO weekday, Monday = 1 … Sunday = 7.
    public var isoWeekday: Int {
        // 1970-01-01 was a Thursday (4).
        let weekday = ((dayNumber % 7) + 7 + 3) % 7
        return weekday + 1
    }

    /// The Monday that starts this date's ISO week.
    public var weekStart: LocalDate { adding(days: 1 - isoWeekday) }

    public var isoWeek: ISOWeek {
        let thursday = adding(days: 4 - isoWeekday)
        let firstOfYear = LocalDate(year: thursday.year, month: 1, day: 1)!
        let week = (thursday.dayNumber - firstOfYear.dayNumber) / 7 + 1
        return ISOWeek(year: thursday.year, week: week)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    private static func digits(_ slice: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for byte in slice {
            guard byte >= 48, byte <= 57 else { return nil }
            value = value * 10 + Int(byte - 48)
        }
        return value
    }

    /// Writes a non-negative `value` that fits in `width` digits as zero-padded ASCII at `offset`.
    static func writeDigits(_ value: Int, width: Int, into buffer: UnsafeMutableBufferPointer<UInt8>, at offset: Int) {
        var rest = value
        for index in stride(from: offset + width - 1, through: offset, by: -1) {
            buffer[index] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
        }
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}

/// An ISO 8601 week, named like `2026-W49`.
public struct ISOWeek: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let week: Int

    public static func < (lhs: ISOWeek, rhs: ISOWeek) -> Bool {
        (lhs.year, lhs.week) < (rhs.year, rhs.week)
    }

    public var description: String {
        guard (0...9999).contains(year), (0...99).contains(week) else { return "\(LocalDate.pad(year, 4))-W\(LocalDate.pad(week, 2))" }
        return String(unsafeUninitializedCapacity: 8) { buffer in
            LocalDate.writeDigits(year, width: 4, into: buffer, at: 0)
            buffer[4] = UInt8(ascii: "-")
            buffer[5] = UInt8(ascii: "W")
            LocalDate.writeDigits(week, width: 2, into: buffer, at: 6)
            return 8
        }
    }

    /// The Monday of this week.
    public var monday: LocalDate {
        let jan4 = LocalDate(year: year, month: 1, day: 4)!
        return jan4.weekStart.adding(days: (week - 1) * 7)
    }
}

/// A wall-clock time of day, minute precision.
public struct LocalTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let minutes: Int

    public init?(hour: Int, minute: Int) {
        guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        minutes = hour * 60 + minute
    }

    /// Parses exactly `HH:MM` (two digits each, 00:00–23:59).
    public init?(parsing text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 5, bytes[2] == UInt8(ascii: ":"),
            bytes.allSatisfy({ $0 == UInt8(ascii: ":") || (48...57).contains($0) })
        else { return nil }
        let hour = Int(bytes[0] - 48) * 10 + Int(bytes[1] - 48)
        let minute = Int(bytes[3] - 48) * 10 + Int(bytes[4] - 48)
        self.init(hour: hour, minute: minute)
    }

    public var hour: Int { minutes / 60 }
    public var minute: Int { minutes % 60 }

    public static func < (lhs: LocalTime, rhs: LocalTime) -> Bool { lhs.minutes < rhs.minutes }

    public var description: String { "\(LocalDate.pad(hour, 2)):\(LocalDate.pad(minute, 2))" }
}

/// A date and time of day together; minutes since the epoch for sweeping windows.
public struct LocalDateTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let date: LocalDate
    public let time: LocalTime

    public var absoluteMinutes: Int { date.dayNumber * 1440 + time.minutes }

    public static func < (lhs: LocalDateTime, rhs: LocalDateTime) -> Bool {
        lhs.absoluteMinutes < rhs.absoluteMinutes
    }

    public var description: String { "\(date) \(time)" }
}
