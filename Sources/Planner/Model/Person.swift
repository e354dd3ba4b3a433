/// A customer a surprise or chat is planned around (SPEC 11.6):
/// `content/people/<id>.md`, known by an alias only — never a real name.
public struct Person: Sendable {
    public let id: String
    public let file: String
    public let alias: String
    /// A segment id, when written.
    public let segment: String?
    /// In the order written.
    public let dates: [PersonDate]
    public let ignores: [Suppression]
    public let keyLocations: KeyLocations

    public init(
        id: String, file: String, alias: String, segment: String?, dates: [PersonDate], ignores: [Suppression],
        keyLocations: KeyLocations
    ) {
        self.id = id
        self.file = file
        self.alias = alias
        self.segment = segment
        self.dates = dates
        self.ignores = ignores
        self.keyLocations = keyLocations
    }

    public func location(of key: String) -> SourceLocation {
        keyLocations[key] ?? SourceLocation(file: file)
    }

    /// Every day of the person's dates inside `start…end`, in date order
    /// (name order on one day).
    public func days(from start: LocalDate, to end: LocalDate) -> [(date: LocalDate, entry: PersonDate)] {
        guard start <= end else { return [] }
        var days: [(date: LocalDate, entry: PersonDate)] = []
        for entry in dates {
            for date in entry.occurrences(from: start, to: end) { days.append((date, entry)) }
        }
        return days.sorted { a, b in a.date != b.date ? a.date < b.date : a.entry.name < b.entry.name }
    }
}

/// One of a person's dates: `birthday: 12-20` recurs every year,
/// `joined: 2025-03-01` happens once.
public struct PersonDate: Hashable, Sendable {
    public enum When: Hashable, Sendable {
        case yearly(month: Int, day: Int)
        case once(LocalDate)
    }

    /// `birthday`, `anniversary`, `joined` or the team's own name.
    public let name: String
    public let when: When
    public let location: SourceLocation

    public init(name: String, when: When, location: SourceLocation) {
        self.name = name
        self.when = when
        self.location = location
    }

    /// The built-in names in both languages; a custom name shows as written.
    public var label: Localized {
        switch name {
        case "birthday": return Localized(zh: "生日", en: "Birthday")
        case "anniversary": return Localized(zh: "纪念日", en: "Anniversary")
        case "joined": return Localized(zh: "加入日", en: "Joined")
        default: return Localized(zh: name, en: name)
        }
    }

    /// As written: `12-20` or `2025-03-01`.
    public var written: String {
        switch when {
        case .yearly(let month, let day): return "\(LocalDate.pad(month, 2))-\(LocalDate.pad(day, 2))"
        case .once(let date): return date.description
        }
    }

    /// The days inside `start…end`; 02-29 falls on 02-28 in common years.
    public func occurrences(from start: LocalDate, to end: LocalDate) -> [LocalDate] {
        switch when {
        case .once(let date):
            return start <= date && date <= end ? [date] : []
        case .yearly(let month, let day):
            guard start <= end else { return [] }
            return (start.year...end.year).compactMap { year in
                let date = LocalDate(year: year, month: month, day: day) ?? LocalDate(year: year, month: month, day: day - 1)
                return date.flatMap { start <= $0 && $0 <= end ? $0 : nil }
            }
        }
    }

    /// `MM-DD` (02-29 allowed) or `YYYY-MM-DD`.
    static func parse(_ text: String) -> When? {
        if let date = LocalDate(parsing: text) { return .once(date) }
        let bytes = Array(text.utf8)
        guard bytes.count == 5, bytes[2] == UInt8(ascii: "-"), let month = Int(String(text.prefix(2))), let day = Int(String(text.suffix(2))),
            bytes.allSatisfy({ $0 == UInt8(ascii: "-") || (48...57).contains($0) }),
            LocalDate(year: 2000, month: month, day: day) != nil  // a leap year: 02-29 is a day
        else { return nil }
        return .yearly(month: month, day: day)
    }
}
