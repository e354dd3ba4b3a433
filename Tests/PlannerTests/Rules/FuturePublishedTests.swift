import Testing
@testable import Planner

@Suite struct FuturePublishedTests {
    @Test func reportsPublishedItemsDatedAfterToday() throws {
        let plan = try TestPlan([
            "moments/a.md": TestPlan.moment(date: "2026-12-20", slot: "morning", extra: "status: published"),
            "topics/runners/b.md": TestPlan.topic(date: "2026-12-11", extra: "status: published"),
        ])
        defer { plan.remove() }
        let found = plan.check(today: "2026-12-10").diagnostics("future-published")
        #expect(found.map(\.location.description) == ["content/moments/a.md:6:1", "content/topics/runners/b.md:9:1"])
        let diagnostic = try #require(found.first)
        #expect(diagnostic.severity == .warning)
        #expect(diagnostic.itemID == "moments/a")
        #expect(diagnostic.message.en == "This moment for 2026-12-20 is marked published, but that day has not come (today is 2026-12-10).")
        #expect(diagnostic.message.zh == "这条朋友圈排在 2026-12-20，还没到日子（今天 2026-12-10），却已标成已发布。")
        #expect(diagnostic.hint?.zh.contains("status: ready") == true)
    }

    @Test func nearMissTodayThePastAndUnpublishedFutureItems() throws {
        let plan = try TestPlan([
            "moments/a.md": TestPlan.moment(date: "2026-12-10", slot: "morning", extra: "status: published"),
            "moments/b.md": TestPlan.moment(date: "2026-12-09", slot: "morning", extra: "status: published"),
            "moments/c.md": TestPlan.moment(date: "2026-12-20", slot: "morning", extra: "status: ready"),
        ])
        defer { plan.remove() }
        #expect(plan.check(today: "2026-12-10").diagnostics("future-published").isEmpty)
    }
}
