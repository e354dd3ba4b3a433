import Testing
@testable import Planner

@Suite struct LocalDateTests {
    @Test func parsesAndRejectsImpossibleDays() {
        #expect(LocalDate(parsing: "2026-12-01")?.description == "2026-12-01")
        #expect(LocalDate(parsing: "2026-12-32") == nil)
        #expect(LocalDate(parsing: "2026-02-29") == nil)
        #expect(LocalDate(parsing: "2028-02-29") != nil)
        #expect(LocalDate(parsing: "2026-13-01") == nil)
        #expect(LocalDate(parsing: "2026-1-01") == nil)
    }

    @Test func isoWeeks() {
        #expect(LocalDate(parsing: "2026-12-01")!.isoWeek.description == "2026-W49")
        #expect(LocalDate(parsing: "2026-12-31")!.isoWeek.description == "2026-W53")
        #expect(LocalDate(parsing: "2027-01-03")!.isoWeek.description == "2026-W53")
        #expect(LocalDate(parsing: "2027-01-04")!.isoWeek.description == "2027-W01")
        #expect(LocalDate(parsing: "2026-12-07")!.isoWeekday == 1)
        #expect(ISOWeek(year: 2026, week: 50).monday.description == "2026-12-07")
    }

    @Test func times() {
        #expect(LocalTime(parsing: "07:30")?.minutes == 450)
        #expect(LocalTime(parsing: "24:00") == nil)
        #expect(LocalTime(parsing: "7:5") == nil)
        #expect(LocalTime(parsing: "23:59") != nil)
    }
}
