import Foundation
import Testing
@testable import Planner

/// quiet-day, holiday-touch, calendar-data and holiday_slots (SPEC 11.6).
@Suite struct CalendarRuleTests {
    // MARK: quiet-day

    @Test func quietDayFlagsPromotionOnQingmingAndOnAQuietEvent() throws {
        let plan = try TestPlan(
            [
                "moments/qingming.md": TestPlan.moment(date: "2026-04-05", slot: "noon", theme: "promotion"),
                "moments/outage.md": TestPlan.moment(date: "2026-04-14", slot: "noon", theme: "promotion"),
            ],
            plan: TestPlan.plan(
                start: "2026-04-01", end: "2026-04-30",
                extra: "events:\n  - {date: 2026-04-14, label: 网点系统升级, quiet: true}"))
        defer { plan.remove() }
        let found = plan.check().diagnostics("quiet-day")
        #expect(found.map(\.location.description) == ["content/moments/outage.md:2:1", "content/moments/qingming.md:2:1"])
        #expect(found.allSatisfy { $0.severity == .warning })
        #expect(found.last?.message.en == "This promotional moment is on 2026-04-05 (Qingming), a quiet day without promotion.")
    }

    @Test func quietDayLeavesOtherDaysAndOtherThemesAlone() throws {
        let plan = try TestPlan(
            [
                "moments/care.md": TestPlan.moment(date: "2026-04-05", slot: "noon", theme: "life"),
                "moments/promo.md": TestPlan.moment(date: "2026-04-06", slot: "noon", theme: "promotion"),
                "moments/event.md": TestPlan.moment(date: "2026-04-14", slot: "noon", theme: "promotion"),
            ],
            plan: TestPlan.plan(
                start: "2026-04-01", end: "2026-04-30", extra: "events:\n  - {date: 2026-04-14, label: 新品发布会}"))
        defer { plan.remove() }
        #expect(plan.check().diagnostics("quiet-day").isEmpty)
    }

    // MARK: holiday-touch

    @Test func holidayTouchFindsASegmentWithoutATouchOnTheWinterSolstice() throws {
        let plan = try TestPlan([
            "surprises/dumplings.md": TestPlan.surprise(date: "2026-12-22", segments: ["payroll"], trigger: "holiday"),
        ])
        defer { plan.remove() }
        let found = plan.check().diagnostics("holiday-touch")
        #expect(found.count == 1)
        let finding = try #require(found.first)
        #expect(finding.severity == .notice)
        #expect(finding.message.en == "On 2026-12-22 (Winter Solstice) the segment “车主客群” (car) gets no surprise or moment.")
        #expect(finding.location.file == "content/plan.yml")
    }

    @Test func holidayTouchIsAnsweredByAMomentReachingEverySegment() throws {
        let plan = try TestPlan([
            "surprises/dumplings.md": TestPlan.surprise(date: "2026-12-22", segments: ["payroll"], trigger: "holiday"),
            "surprises/car.md": TestPlan.surprise(date: "2026-12-08", segments: ["car"]),
            "moments/solstice.md": TestPlan.moment(date: "2026-12-22", slot: "evening"),
        ])
        defer { plan.remove() }
        #expect(plan.check().diagnostics("holiday-touch").isEmpty)
    }

    @Test func aDayNameThatMatchesNothingIsSaidAtItsRule() throws {
        let plan = try TestPlan(
            [:], plan: TestPlan.plan(extra: "events:\n  - {date: 2026-12-13, label: 半马}\nrules:\n  holiday-touch: {days: [冬只, 中秋节, 半马, Winter Solstice]}"))
        defer { plan.remove() }
        let found = plan.check().diagnostics("holiday-touch").filter { $0.message.en.contains("matches no day") }
        #expect(found.map(\.message.en) == ["“冬只” in holiday-touch's days is no known festival, solar term, commercial day or event, so it matches no day."])
        #expect(found.first?.location.line == 15)
    }

    // MARK: calendar-data

    @Test func calendarDataNoticesOnceForARangeReachingAYearWithoutData() throws {
        let plan = try TestPlan([:], plan: TestPlan.plan(start: "2026-12-01", end: "2028-01-31"))
        defer { plan.remove() }
        let found = plan.check().diagnostics("calendar-data")
        #expect(found.count == 1)
        #expect(found.first?.severity == .notice)
        #expect(found.first?.message.en.contains("2027, 2028") == true)
        #expect(found.first?.location.file == "content/plan.yml")
        #expect(found.first?.location.line == 5)  // end:
    }

    @Test func calendarDataIsQuietForPublishedYearsOrWithHolidaysOff() throws {
        let published = try TestPlan([:], plan: TestPlan.plan(start: "2025-12-01", end: "2026-12-31"))
        defer { published.remove() }
        #expect(published.check().diagnostics("calendar-data").isEmpty)
        let off = try TestPlan([:], plan: TestPlan.plan(start: "2027-01-01", end: "2027-01-31", extra: "calendar: {holidays: false}"))
        defer { off.remove() }
        #expect(off.check().diagnostics("calendar-data").isEmpty)
    }

    // MARK: holiday_slots

    @Test func holidaySlotsMoveASlotOnPublicHolidaysForEveryTimeRule() throws {
        let plan = try TestPlan(
            [
                "moments/holiday.md": TestPlan.moment(date: "2026-10-03", slot: "morning"),
                "moments/workday.md": TestPlan.moment(date: "2026-10-10", slot: "morning"),
            ],
            plan: TestPlan.plan(
                start: "2026-10-01", end: "2026-10-31",
                extra: "holiday_slots: {morning: \"09:00\"}\nrules:\n  quiet-hours: {from: \"22:30\", to: \"08:00\"}"))
        defer { plan.remove() }
        let result = plan.check()
        let items = try #require(result.plan).items
        #expect(items.map { "\($0.date) \($0.time)" } == ["2026-10-03 09:00", "2026-10-10 07:30"])
        // 10-03 (国庆, a Saturday inside the holiday) moved out of the quiet hours; 10-10 is a make-up workday.
        #expect(result.diagnostics("quiet-hours").map(\.location.file) == ["content/moments/workday.md"])
    }

    @Test func holidaySlotsNameDeclaredSlots() throws {
        let plan = try TestPlan([:], plan: TestPlan.plan(extra: "holiday_slots: {mornin: \"09:00\"}"))
        defer { plan.remove() }
        let found = plan.check().diagnostics("unknown-ref")
        #expect(found.count == 1)
        #expect(found.first?.message.en.contains("Did you mean “morning”?") == true)
    }

    @Test func calendarOffLeavesOnlyTheTeamsEvents() throws {
        let plan = try TestPlan(
            [:], plan: TestPlan.plan(start: "2026-12-01", end: "2027-01-31", extra: "calendar: off\nevents:\n  - {date: 2026-12-13, label: 半马}"))
        defer { plan.remove() }
        let result = plan.check()
        #expect(result.diagnostics.filter { $0.severity == .error }.isEmpty)
        #expect(result.diagnostics("calendar-data").isEmpty)
        #expect(try #require(result.plan).calendarDays.map { "\($0.date) \($0.labels.map(\.zh))" } == ["2026-12-13 [\"半马\"]"])
    }

    @Test func eventsAreCheckedAtTheirLines() throws {
        let plan = try TestPlan(
            [:], plan: TestPlan.plan(extra: "events:\n  - {date: 2026-12-32, label: 坏日期}\n  - {date: 2026-12-13}"))
        defer { plan.remove() }
        let found = plan.check().diagnostics("front-matter")
        #expect(found.map(\.location.line) == [13, 14])
    }
}
