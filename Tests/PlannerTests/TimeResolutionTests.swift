import Foundation
import Testing
@testable import Planner

@Suite struct TimeResolutionTests {
    @Test func slotsAndTimesResolveInThePlansZone() throws {
        let yaml = """
            title: 纽约计划
            timezone: America/New_York
            start: 2026-12-01
            end: 2026-12-31
            slots:
              dawn: "06:15"
            """
        let plan = try TestPlan([
            "moments/a.md": TestPlan.moment(date: "2026-12-05", slot: "dawn"),
            "moments/b.md": TestPlan.moment(date: "2026-12-05", time: "23:30"),
        ], plan: yaml)
        defer { plan.remove() }
        let resolved = try #require(plan.check().plan)
        let dawn = try #require(resolved.item("moments/a"))
        #expect(dawn.time.description == "06:15")
        #expect(dawn.date.description == "2026-12-05", "a date is a calendar day in the plan's zone, never shifted")
        let zone = TimeZone(identifier: "America/New_York")!
        let feed = ICalendar(plan: resolved, language: .en)
        // 06:15 in New York in December (UTC-5) is 11:15 UTC.
        #expect(feed.utc(dawn.dateTime, zone: zone) == "20261205T111500Z")
        // 23:30 local is already the next day in UTC.
        #expect(feed.utc(try #require(resolved.item("moments/b")).dateTime, zone: zone) == "20261206T043000Z")
    }

    @Test func shanghaiIsEightHoursAhead() throws {
        let plan = try TestPlan(["moments/a.md": TestPlan.moment(date: "2026-12-01", slot: "morning")])
        defer { plan.remove() }
        let resolved = try #require(plan.check().plan)
        let item = try #require(resolved.item("moments/a"))
        let utc = ICalendar(plan: resolved, language: .en).utc(item.dateTime, zone: TimeZone(identifier: "Asia/Shanghai")!)
        #expect(utc == "20261130T233000Z")
    }

    @Test func todayFollowsThePlansZone() {
        // 2026-11-30 20:00 UTC is already 12-01 in Shanghai but still 11-30 in New York.
        let instant = Date(timeIntervalSince1970: 1_796_068_800)
        #expect(LocalDate.today(in: "Asia/Shanghai", now: instant).description == "2026-12-01")
        #expect(LocalDate.today(in: "America/New_York", now: instant).description == "2026-11-30")
    }
}
