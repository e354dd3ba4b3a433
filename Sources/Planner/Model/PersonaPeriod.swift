/// A stretch of days a persona does not post (holiday, leave), from a
/// persona's `pauses:` list; both ends inclusive.
public struct PersonaPause: Hashable, Sendable {
    public let from: LocalDate
    public let to: LocalDate
    public let reason: String?
    /// Where the entry is written in the persona file.
    public let location: SourceLocation

    public init(from: LocalDate, to: LocalDate, reason: String?, location: SourceLocation) {
        self.from = from
        self.to = to
        self.reason = reason
        self.location = location
    }

    public func contains(_ date: LocalDate) -> Bool { from <= date && date <= to }
}

/// When a persona works: persona keys `start`, `end` and `pauses`
/// (spec 11.2). A persona without them is active on every day.
public struct PersonaPeriod: Hashable, Sendable {
    public let start: LocalDate?
    public let end: LocalDate?
    /// In the order written.
    public let pauses: [PersonaPause]

    public static let always = PersonaPeriod(start: nil, end: nil, pauses: [])

    public init(start: LocalDate?, end: LocalDate?, pauses: [PersonaPause]) {
        self.start = start
        self.end = end
        self.pauses = pauses
    }

    public var isAlways: Bool { start == nil && end == nil && pauses.isEmpty }

    public func isActive(_ date: LocalDate) -> Bool {
        if let start, date < start { return false }
        if let end, date > end { return false }
        return pause(on: date) == nil
    }

    /// The first pause (in written order) holding `date`.
    public func pause(on date: LocalDate) -> PersonaPause? { pauses.first { $0.contains(date) } }
}

/// A banned word with the phrases that may contain it (`{word: 保本, allow:
/// [非保本, 不保本]}`), from plan.yml's or a persona's `banned` list.
public struct BannedWord: Hashable, Sendable {
    public let word: String
    public let allow: [String]

    public init(word: String, allow: [String] = []) {
        self.word = word
        self.allow = allow
    }
}
