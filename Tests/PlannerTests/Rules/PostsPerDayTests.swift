import Testing
@testable import Planner

@Suite struct PostsPerDayTests {
    @Test func reportsTheFirstMomentBeyondMax() throws {
        let plan = try TestPlan(
            [
                "moments/2026-12/05-a.md": TestPlan.moment(date: "2026-12-05", slot: "morning"),
                "moments/2026-12/05-b.md": TestPlan.moment(date: "2026-12-05", slot: "noon"),
                "moments/2026-12/05-c.md": TestPlan.moment(date: "2026-12-05", slot: "evening"),
                "moments/2026-12/05-d.md": TestPlan.moment(date: "2026-12-05", time: "21:00"),
            ], plan: TestPlan.plan(start: "2026-12-05", end: "2026-12-05"))
        defer { plan.remove() }
        let found = plan.check().diagnostics("posts-per-day")
        #expect(found.count == 1)
        let diagnostic = try #require(found.first)
        #expect(diagnostic.ruleID == "posts-per-day")
        #expect(diagnostic.location.file == "content/moments/2026-12/05-d.md")
        #expect(diagnostic.location.line == 2)
        #expect(diagnostic.message.en == "小招 has 4 moments on 2026-12-05; at most 3 a day.")
        #expect(diagnostic.related.count == 3)
        #expect(diagnostic.itemID == "moments/2026-12/05-d")
    }

    @Test func reportsAGapAtThePersonaWithTheMomentsAround() throws {
        let plan = try TestPlan(
            [
                "moments/2026-12/01-a.md": TestPlan.moment(date: "2026-12-01", slot: "morning"),
                "moments/2026-12/03-a.md": TestPlan.moment(date: "2026-12-03", slot: "morning"),
            ], plan: TestPlan.plan(start: "2026-12-01", end: "2026-12-03"))
        defer { plan.remove() }
        let found = plan.check().diagnostics("posts-per-day")
        #expect(found.count == 1)
        let diagnostic = try #require(found.first)
        #expect(diagnostic.location.description == "content/personas/xiaozhao.md:2:1")
        #expect(diagnostic.date?.description == "2026-12-02")
        #expect(diagnostic.persona == "xiaozhao")
        #expect(diagnostic.itemID == nil)
        #expect(diagnostic.message.en.hasPrefix("小招 has no moment on 2026-12-02"))
        #expect(diagnostic.related.map(\.itemID) == ["moments/2026-12/01-a", "moments/2026-12/03-a"])
    }

    @Test func aPersonaWithoutMomentsIsPlacedAtItsName() throws {
        let plan = try TestPlan([:], plan: TestPlan.plan(start: "2026-12-01", end: "2026-12-01"))
        defer { plan.remove() }
        let found = plan.check().diagnostics("posts-per-day")
        #expect(found.map(\.location.description) == ["content/personas/xiaozhao.md:2:1"])
    }

    @Test func nearMissOneToThreeADayAndOutOfRangeIgnored() throws {
        let plan = try TestPlan(
            [
                "moments/2026-12/01-a.md": TestPlan.moment(date: "2026-12-01", slot: "morning"),
                "moments/2026-12/02-a.md": TestPlan.moment(date: "2026-12-02", slot: "morning"),
                "moments/2026-12/02-b.md": TestPlan.moment(date: "2026-12-02", slot: "noon"),
                "moments/2026-12/02-c.md": TestPlan.moment(date: "2026-12-02", slot: "evening"),
                // Outside the range: out-of-range reports these, not posts-per-day.
                "moments/2026-12/09-a.md": TestPlan.moment(date: "2026-12-09", slot: "morning"),
                "moments/2026-12/09-b.md": TestPlan.moment(date: "2026-12-09", slot: "noon"),
                "moments/2026-12/09-c.md": TestPlan.moment(date: "2026-12-09", slot: "evening"),
                "moments/2026-12/09-d.md": TestPlan.moment(date: "2026-12-09", time: "21:00"),
                // A persona not on moments has no gaps.
                "personas/xiaoying.md": TestPlan.persona(name: "小影", extra: "channels: [topics]"),
            ], plan: TestPlan.plan(start: "2026-12-01", end: "2026-12-02"))
        defer { plan.remove() }
        #expect(plan.check().diagnostics("posts-per-day").isEmpty)
    }
}
