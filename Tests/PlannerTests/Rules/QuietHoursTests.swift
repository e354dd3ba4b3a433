import Testing
@testable import Planner

@Suite struct QuietHoursTests {
    @Test func reportsItemsInsideTheWrappingWindow() throws {
        let plan = try TestPlan([
            "moments/late.md": TestPlan.moment(date: "2026-12-05", time: "23:15"),
            "surprises/early.md": TestPlan.surprise(date: "2026-12-06", time: "06:59"),
        ])
        defer { plan.remove() }
        let found = plan.check().diagnostics("quiet-hours")
        #expect(found.map(\.location.file) == ["content/moments/late.md", "content/surprises/early.md"])
        let diagnostic = try #require(found.first)
        #expect(diagnostic.ruleID == "quiet-hours")
        #expect(diagnostic.location.line == 3)
        #expect(diagnostic.message.en == "This moment goes out at 23:15 on 2026-12-05, inside the quiet hours 22:30–07:00.")
    }

    @Test func configuredWindowAndSlot() throws {
        let plan = try TestPlan(
            ["moments/a.md": TestPlan.moment(date: "2026-12-05", slot: "evening")],
            plan: TestPlan.plan(extra: "rules:\n  quiet-hours: {from: \"20:00\", to: \"21:00\"}"))
        defer { plan.remove() }
        let found = plan.check().diagnostics("quiet-hours")
        #expect(found.map(\.location.description) == ["content/moments/a.md:3:1"])
    }

    @Test func nearMissAtTheEdges() throws {
        let plan = try TestPlan([
            "moments/a.md": TestPlan.moment(date: "2026-12-05", time: "22:29"),
            "moments/b.md": TestPlan.moment(date: "2026-12-06", time: "07:00"),
        ])
        defer { plan.remove() }
        #expect(plan.check().diagnostics("quiet-hours").isEmpty)
    }
}
