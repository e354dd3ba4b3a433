import Testing
@testable import Planner

@Suite struct StaleDraftTests {
    @Test func reportsPastIdeasAndDrafts() throws {
        let plan = try TestPlan([
            "moments/a.md": TestPlan.moment(date: "2026-12-05", slot: "morning"),
            "moments/b.md": TestPlan.moment(date: "2026-12-04", slot: "morning", extra: "status: idea"),
        ])
        defer { plan.remove() }
        let found = plan.check(today: "2026-12-10").diagnostics("stale-draft")
        #expect(found.map(\.location.description) == ["content/moments/a.md:2:1", "content/moments/b.md:6:1"])
        let diagnostic = try #require(found.first)
        #expect(diagnostic.ruleID == "stale-draft")
        #expect(diagnostic.location.file == "content/moments/a.md")
        #expect(diagnostic.location.line == 2)
        #expect(diagnostic.message.en == "This moment for 2026-12-05 is still a draft, and that day has passed (today is 2026-12-10).")
    }

    @Test func nearMissPublishedOrToday() throws {
        let plan = try TestPlan([
            "moments/a.md": TestPlan.moment(date: "2026-12-05", slot: "morning", extra: "status: published"),
            "moments/b.md": TestPlan.moment(date: "2026-12-10", slot: "morning"),
            "moments/c.md": TestPlan.moment(date: "2026-12-06", slot: "morning", extra: "status: ready"),
        ])
        defer { plan.remove() }
        #expect(plan.check(today: "2026-12-10").diagnostics("stale-draft").isEmpty)
    }
}
