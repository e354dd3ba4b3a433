import Foundation
import Testing
@testable import Planner

/// The days a plan's range gets from China's calendar, and where they are shown.
@Suite struct ChinaCalendarTests {
    private func days(_ first: String, _ last: String, _ settings: CalendarSettings = CalendarSettings()) -> [CalendarDay] {
        ChinaCalendar.days(settings, from: LocalDate(parsing: first)!, through: LocalDate(parsing: last)!, quietNames: ["清明"])
    }

    @Test func nationalDayHolidayIncludesItsWeekendAndMarksTheMakeUpSaturday() {
        let october = days("2026-09-28", "2026-10-11")
        let holidays = october.filter(\.holiday).map(\.date.description)
        #expect(holidays == (1...7).map { "2026-10-0\($0)" })
        #expect(october.filter(\.workday).map(\.date.description) == ["2026-10-10"])
        #expect(october.first { $0.date.description == "2026-10-01" }?.labels.map(\.zh) == ["国庆节"])
    }

    @Test func labelsComeFromEverySetAndTheirSwitches() {
        let december = days("2026-12-01", "2026-12-31")
        #expect(december.map { "\($0.date.day) " + $0.labels.map(\.zh).joined(separator: "/") } == [
            "7 大雪", "12 双12", "22 冬至", "24 平安夜", "25 圣诞",
        ])
        var settings = CalendarSettings()
        settings.commercial = false
        settings.terms = false
        #expect(days("2026-12-01", "2026-12-31", settings).isEmpty)
        let february = days("2026-02-14", "2026-02-17").map { "\($0.date.day) " + $0.labels.map(\.en).joined(separator: "/") }
        #expect(february == ["14 Valentine's Day", "15 ", "16 Lunar New Year's Eve", "17 Spring Festival"])
    }

    @Test func daysAnswerToTheirNamesAsPeopleWriteThem() throws {
        let midAutumn = try #require(days("2026-09-25", "2026-09-25").first)
        #expect(midAutumn.answers(to: "中秋") && midAutumn.answers(to: "中秋节") && midAutumn.answers(to: "mid-autumn festival"))
        #expect(!midAutumn.answers(to: "春节") && !midAutumn.answers(to: ""))
        let spring = try #require(days("2026-02-17", "2026-02-17").first)
        #expect(spring.answers(to: "春节") && !spring.answers(to: "春"))
    }

    @Test func commercialSundaysAndQingmingQuiet() {
        let year = days("2027-01-01", "2027-12-31")
        let names = Dictionary(year.flatMap { day in day.labels.map { ($0.zh, day.date.description) } }, uniquingKeysWith: { a, _ in a })
        #expect(names["母亲节"] == "2027-05-09")
        #expect(names["父亲节"] == "2027-06-20")
        #expect(names["小年"] == "2027-01-30")
        #expect(names["腊八"] == "2027-01-15")
        #expect(year.filter(\.quiet).map(\.date.description) == [names["清明"]])
        // No published data for 2027: no day is a holiday or a make-up workday.
        #expect(!year.contains { $0.holiday || $0.workday })
    }

    @Test func planJSONListsTheDaysInExactlyTheSpecShapeAndFeedsThem() throws {
        let plan = try TestPlan(
            ["moments/a.md": TestPlan.moment(date: "2026-10-02", slot: "noon")],
            plan: TestPlan.plan(
                start: "2026-09-30", end: "2026-10-12",
                extra: "events:\n  - {date: 2026-10-12, label: \"Branch opening; big day, long title over seventy-five octets\", quiet: true}"))
        defer { plan.remove() }
        let result = plan.check()
        let resolved = try #require(result.plan)
        let output = plan.root.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try SiteRenderer(
            plan: resolved, diagnostics: result.diagnostics, theme: try Theme.load(name: "default", overrideDirectory: nil),
            language: .en, today: LocalDate(parsing: "2026-10-01")!, contentRoot: plan.content
        ).render(into: output)
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("plan.json"))) as? [String: Any]
        let days = try #require(json?["days"] as? [[String: Any]])
        #expect(days.allSatisfy { Set($0.keys) == ["date", "labels", "holiday", "workday", "quiet"] })
        let dates = days.compactMap { $0["date"] as? String }
        #expect(dates == dates.sorted())
        #expect(dates == ["2026-10-01", "2026-10-02", "2026-10-03", "2026-10-04", "2026-10-05", "2026-10-06", "2026-10-07",
                          "2026-10-08", "2026-10-10", "2026-10-12"])
        #expect(days[0]["labels"] as? [String] == ["National Day"])
        #expect(days[8]["workday"] as? Bool == true && days[8]["holiday"] as? Bool == false)
        #expect(days[9]["quiet"] as? Bool == true)

        let feed = try Data(contentsOf: output.appendingPathComponent("holidays.ics"))
        let text = String(decoding: feed, as: UTF8.self)
        #expect(text.hasPrefix("BEGIN:VCALENDAR\r\n") && text.hasSuffix("END:VCALENDAR\r\n"))
        let lines = text.components(separatedBy: "\r\n").dropLast()
        #expect(lines.allSatisfy { $0.utf8.count <= 75 && !$0.contains("\n") })
        #expect(text.components(separatedBy: "BEGIN:VEVENT").count - 1 == 10)
        #expect(text.contains("DTSTART;VALUE=DATE:20261010\r\nDTEND;VALUE=DATE:20261011\r\nSUMMARY:Make-up workday\r\n"))
        #expect(text.contains("SUMMARY:Branch opening\\; big day\\, long title"))

        let index = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.contains(#"<span class="day-label">National Day</span>"#))
        #expect(index.contains(#"<span class="visually-hidden">Make-up workday</span>"#))
        #expect(index.contains(#"href="holidays.ics">Calendar feed of holidays, terms and events (.ics)</a>"#))
        let week = try String(contentsOf: output.appendingPathComponent("weeks/2026-W41.html"), encoding: .utf8)
        #expect(week.contains(#"title="Make-up workday""#))
        let playbook = try String(contentsOf: output.appendingPathComponent("playbook/2026-W40.html"), encoding: .utf8)
        #expect(playbook.contains(#"<span class="visually-hidden">Public holiday (National Day)</span>"#))
        let today = try String(contentsOf: output.appendingPathComponent("today/xiaozhao.html"), encoding: .utf8)
        #expect(today.contains(#"<span class="day-label">National Day</span>"#))
    }
}
