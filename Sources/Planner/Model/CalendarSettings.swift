/// plan.yml `calendar:`, `events:` and `holiday_slots:` (SPEC 11.6).
public struct CalendarSettings: Sendable {
    /// Which built-in sets label the days (all on by default).
    public var holidays = true
    public var terms = true
    public var festivals = true
    public var commercial = true
    /// The team's own days, in the order written.
    public var events: [CalendarEvent] = []
    /// Slots that move on public holidays, in the order written.
    public var holidaySlots: [Slot] = []

    public init() {}

    /// The time of a named slot on a date: its holiday time on a public holiday.
    public func time(ofSlot slot: Slot, on date: LocalDate) -> LocalTime {
        guard holidays, let moved = holidaySlots.first(where: { $0.id == slot.id }), HolidayTable.isHoliday(date)
        else { return slot.time }
        return moved.time
    }
}

/// One entry of plan.yml `events:`.
public struct CalendarEvent: Sendable {
    public let date: LocalDate
    public let label: String
    public let quiet: Bool
    public let location: SourceLocation
}
