/// Interaction rates (SPEC §11.5: comments + replies per published item with
/// results) per persona, theme, segment and ISO week, and per persona per
/// week: counted once per build for the pages and plan.json.
struct ResultRates: Sendable {
    struct Row: Sendable {
        let id: String
        let label: String
        /// The row's page, relative to the site root, if it has one.
        let href: String?
        let rate: InteractionRate
    }

    let personas: [Row]
    let themes: [Row]
    let segments: [Row]
    /// The range's weeks, and any other week with results, in order.
    let weeks: [Row]
    /// Each persona's weeks, as `weeks`.
    let personaWeeks: [String: [Row]]
    /// Each segment's weeks, as `weeks`.
    let segmentWeeks: [String: [Row]]
    /// Whether any published item has results.
    let hasResults: Bool

    init(plan: Plan, weeks rangeWeeks: [ISOWeek]) {
        let config = plan.config
        var byPersona: [String: InteractionRate] = [:]
        var byTheme: [String: InteractionRate] = [:]
        var bySegment: [String: InteractionRate] = [:]
        var byWeek: [ISOWeek: InteractionRate] = [:]
        var byPersonaWeek: [String: [ISOWeek: InteractionRate]] = [:]
        var bySegmentWeek: [String: [ISOWeek: InteractionRate]] = [:]
        for item in plan.items where item.hasPublishedResults {
            let week = item.date.isoWeek
            byPersona[item.persona, default: InteractionRate()].add(item)
            if let theme = item.theme { byTheme[theme, default: InteractionRate()].add(item) }
            // `segments: [a, a]` reaches a once.
            for segment in Set(item.segments) {
                bySegment[segment, default: InteractionRate()].add(item)
                bySegmentWeek[segment, default: [:]][week, default: InteractionRate()].add(item)
            }
            byWeek[week, default: InteractionRate()].add(item)
            byPersonaWeek[item.persona, default: [:]][week, default: InteractionRate()].add(item)
        }
        hasResults = !byWeek.isEmpty
        personas = plan.personas.map {
            Row(id: $0.id, label: $0.name, href: SitePath.persona($0.id), rate: byPersona[$0.id] ?? InteractionRate())
        }
        themes = config.themes.map { Row(id: $0.id, label: $0.label, href: nil, rate: byTheme[$0.id] ?? InteractionRate()) }
        segments = config.segments.map {
            Row(id: $0.id, label: $0.label, href: SitePath.isSafeSegment($0.id) ? SitePath.segment($0.id) : nil, rate: bySegment[$0.id] ?? InteractionRate())
        }
        // Only the range's weeks have pages.
        let inRange = Set(rangeWeeks)
        func weekHref(_ week: ISOWeek) -> String? { inRange.contains(week) ? SitePath.week(week) : nil }
        weeks = inRange.union(byWeek.keys).sorted().map {
            Row(id: $0.description, label: $0.description, href: weekHref($0), rate: byWeek[$0] ?? InteractionRate())
        }
        var personaWeeks: [String: [Row]] = [:]
        for persona in plan.personas {
            let own = byPersonaWeek[persona.id] ?? [:]
            personaWeeks[persona.id] = inRange.union(own.keys).sorted().map {
                Row(id: $0.description, label: $0.description, href: weekHref($0), rate: own[$0] ?? InteractionRate())
            }
        }
        self.personaWeeks = personaWeeks
        var segmentWeeks: [String: [Row]] = [:]
        for segment in config.segments {
            let own = bySegmentWeek[segment.id] ?? [:]
            segmentWeeks[segment.id] = inRange.union(own.keys).sorted().map {
                Row(id: $0.description, label: $0.description, href: weekHref($0), rate: own[$0] ?? InteractionRate())
            }
        }
        self.segmentWeeks = segmentWeeks
    }
}
