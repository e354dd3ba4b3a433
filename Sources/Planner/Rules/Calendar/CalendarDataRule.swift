/// A range reaching a year for which the State Council's holiday arrangement is
/// not in plan-build's data: its holidays and make-up workdays are not marked.
struct CalendarDataRule: Rule {
    /// About plan-build's holiday data, not something a client manager does differently.
    var concern: RuleConcern { .files }
    let id = "calendar-data"
    let defaultSeverity = Severity.notice
    let summary = Localized(
        zh: "计划范围到了还没有法定节假日数据的年份",
        en: "The range reaches a year without public-holiday data")
    let explanation = Localized(
        zh: "放假和调休每年由国务院公布，plan-build 不猜：没有数据的年份不会标出假期和调休上班日，排期时要自己留意。",
        en: "China's State Council publishes each year's holidays and make-up workdays; plan-build never guesses them, so a year without data marks neither, and you need to check the dates yourself.")
    let example = Localized(zh: "end: 2027-01-31（2027 年的安排尚未收录）", en: "end: 2027-01-31 (no 2027 arrangement yet)")

    func check(_ context: RuleContext) -> [Finding] {
        let config = context.config
        guard config.calendar.holidays else { return [] }
        let years = HolidayTable.yearsWithoutData(from: config.start, through: config.end)
        guard let first = years.first else { return [] }
        let list = years.map(String.init)
        return [
            Finding(
                location: config.location(of: first == config.start.year ? "start" : "end"),
                message: Localized(
                    zh: "计划范围包含 \(list.joined(separator: "、")) 年，这些年份还没有国务院公布的节假日安排数据：放假和调休不会标出。",
                    en: "The range includes \(list.joined(separator: ", ")), for which no State Council holiday arrangement is in the data: holidays and make-up workdays are not marked."),
                hint: Localized(
                    zh: "升级 plan-build 以获得新公布的安排；在此之前可用 events 标出已知的放假日。",
                    en: "Upgrade plan-build once the arrangement is published; until then mark known days off with events."),
                date: LocalDate(year: first, month: 1, day: 1), identity: list),
        ]
    }
}
