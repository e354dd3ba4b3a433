/// A named time of day from plan.yml `slots`.
public struct Slot: Hashable, Sendable {
    public let id: String
    public let time: LocalTime
}

/// A content theme from plan.yml `themes`.
public struct ContentTheme: Hashable, Sendable {
    public let id: String
    public let label: String
    /// A CSS colour, validated to `#rgb` or `#rrggbb` so it can never break out of a style.
    public let color: String
    public let promotional: Bool
}

public struct Segment: Hashable, Sendable {
    public let id: String
    public let label: String
    public let stage: TrustStage?
    /// Where the segment is declared in plan.yml, for rules that blame a segment.
    public var location: SourceLocation? = nil
}

public struct Group: Hashable, Sendable {
    public let id: String
    public let label: String
    public let owner: String?
    public let segments: [String]
    public let location: SourceLocation
}

/// The decoded `content/plan.yml`, defaults applied.
public struct PlanConfig: Sendable {
    public var title: String
    public var locale: Language
    /// IANA name, validated.
    public var timezone: String
    public var start: LocalDate
    public var end: LocalDate
    public var baseURL: String
    public var repoURL: String?
    public var theme: String
    /// In declared order.
    public var slots: [Slot]
    public var themes: [ContentTheme]
    public var segments: [Segment]
    public var groups: [Group]
    /// Banned words with their allowed phrases; `banned` lists the words alone.
    public var bannedWords: [BannedWord]
    public var banned: [String] { bannedWords.map(\.word) }
    public var actions: [TrustAction]
    public var rules: RuleSettings
    /// The five trust tiers, built-in defaults with plan.yml's overrides.
    public var stages: [StageSettings] = StageSettings.defaults
    public var reviewRequired = ReviewRequirement()
    /// China's calendar: which sets label the days, the team's events, slots moved on holidays.
    public var calendar = CalendarSettings()
    /// Where each top-level key sits in plan.yml, for diagnostics.
    public var keyLocations: KeyLocations
    public var file: String

    /// The timezone of a plan that names none (and of `init`, before there is a plan).
    public static let defaultTimezone = "Asia/Shanghai"

    public static let defaultSlots: [Slot] = [
        Slot(id: "morning", time: LocalTime(hour: 7, minute: 30)!),
        Slot(id: "noon", time: LocalTime(hour: 12, minute: 10)!),
        Slot(id: "evening", time: LocalTime(hour: 20, minute: 30)!),
    ]

    public static let defaultThemes: [ContentTheme] = [
        ContentTheme(id: "professional", label: "专业干货", color: "#2563eb", promotional: false),
        ContentTheme(id: "life", label: "生活日常", color: "#16a34a", promotional: false),
        ContentTheme(id: "interaction", label: "互动话题", color: "#d97706", promotional: false),
        ContentTheme(id: "promotion", label: "产品推广", color: "#dc2626", promotional: true),
    ]

    public func location(of key: String) -> SourceLocation {
        keyLocations[key] ?? SourceLocation(file: file)
    }

    public func slot(_ id: String) -> Slot? { slots.first { $0.id == id } }

    /// A slot's time on a date: moved by `holiday_slots` on a public holiday.
    public func time(ofSlot slot: Slot, on date: LocalDate) -> LocalTime { calendar.time(ofSlot: slot, on: date) }
    public func theme(_ id: String) -> ContentTheme? { themes.first { $0.id == id } }
    public func segment(_ id: String) -> Segment? { segments.first { $0.id == id } }
    public func group(_ id: String) -> Group? { groups.first { $0.id == id } }
    public func action(_ id: String) -> TrustAction? { actions.first { $0.id == id } }

    /// Every day of start…end.
    public var days: [LocalDate] {
        guard start <= end else { return [] }
        return (start.dayNumber...end.dayNumber).map(LocalDate.init(dayNumber:))
    }

    public func contains(_ date: LocalDate) -> Bool { start <= date && date <= end }

    /// An item of a promotional theme, or a `sales` chat (SPEC 11.3).
    public func isPromotional(_ item: Item) -> Bool {
        if item.purpose == .sales { return true }
        guard let theme = item.theme else { return false }
        return self.theme(theme)?.promotional ?? false
    }
}
