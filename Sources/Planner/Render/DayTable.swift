/// What pages say about each day of the range (and a week either side),
/// worked out once per build: a persona's month grids repeat the site's
/// forty-two cells for each of twenty personas, and every item page, week
/// and playbook day spells its date the same way.
struct DayTable: Sendable {
    struct Day: Sendable {
        let label: String
        let description: String
        let anchor: String
        /// The day's week page (the part of a split week that holds it), percent-encoded, from the root.
        let weekHref: String
        /// Its ISO week's title (`WeekTitle`).
        let weekName: String
        let calendar: CalendarMarks
    }

    private let first: Int
    private let days: [Day]

    static let empty = DayTable(first: 0, days: [])

    private init(first: Int, days: [Day]) {
        self.first = first
        self.days = days
    }

    init(model: SiteModel) {
        let config = model.plan.config
        first = config.start.dayNumber - 7
        let last = max(config.end.dayNumber + 7, first - 1)
        // A range of decades is not a plan: past ten years the table stays empty and pages work each day out.
        guard last - first < 3_700 else {
            days = []
            return
        }
        days = (first...last).map { number in
            let date = LocalDate(dayNumber: number)
            return Day(
                label: model.makeDateLabel(date), description: date.description, anchor: SiteModel.dayAnchor(date),
                weekHref: SitePath.encode(model.weekPath(date)), weekName: WeekTitle.text(date.isoWeek, language: model.language),
                calendar: CalendarMarks(model.plan.calendarDay(date), language: model.language))
        }
    }

    subscript(date: LocalDate) -> Day? {
        let index = date.dayNumber - first
        return days.indices.contains(index) ? days[index] : nil
    }
}
