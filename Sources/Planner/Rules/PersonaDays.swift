/// The days a persona works (spec 11.2): inside the plan's start…end, its
/// own `start`…`end`, and outside its `pauses`. The cadence rules over days,
/// weeks and windows look only at these, so a persona that starts mid-month
/// or takes a holiday is not blamed for the days it does not post.
extension RuleContext {
    /// Whether the persona works on `date` (its period only; an undeclared persona always).
    func isActive(_ personaID: String, on date: LocalDate) -> Bool {
        plan.persona(personaID)?.isActive(on: date) ?? true
    }

    /// The items of a chronological list on days their persona works (still chronological).
    func onActiveDays(_ items: [Item], of personaID: String) -> [Item] {
        guard let persona = plan.persona(personaID), !persona.period.isAlways else { return items }
        return items.filter { persona.isActive(on: $0.date) }
    }

    /// The items inside start…end on days the persona works.
    func activeInRange(_ items: [Item], of personaID: String) -> [Item] {
        onActiveDays(inRange(items), of: personaID)
    }

    /// Days of start…end the persona works, in order.
    func activeDays(of personaID: String) -> [LocalDate] {
        guard let persona = plan.persona(personaID), !persona.period.isAlways else { return config.days }
        return config.days.filter { persona.isActive(on: $0) }
    }

    /// Whole ISO weeks inside start…end on every day of which the persona works.
    func wholeWeeks(activeFor personaID: String) -> [ISOWeek] {
        guard let persona = plan.persona(personaID), !persona.period.isAlways else { return wholeWeeks }
        return wholeWeeks.filter { week in (0..<7).allSatisfy { persona.isActive(on: week.monday.adding(days: $0)) } }
    }

    /// Start days of the `length`-day windows inside start…end on every day of which the persona works.
    func windowStarts(length: Int, activeFor personaID: String) -> [LocalDate] {
        let starts = windowStarts(length: length)
        guard let persona = plan.persona(personaID), !persona.period.isAlways else { return starts }
        // Inactive days counted with prefix sums: one subtraction per window.
        let days = config.days
        var inactive = Array(repeating: 0, count: days.count + 1)
        for (offset, day) in days.enumerated() {
            inactive[offset + 1] = inactive[offset] + (persona.isActive(on: day) ? 0 : 1)
        }
        let first = config.start.dayNumber
        return starts.filter { start in
            let offset = start.dayNumber - first
            return inactive[offset + length] - inactive[offset] == 0
        }
    }
}
