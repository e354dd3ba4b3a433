import Testing
@testable import Planner

@Suite struct GroupPerWeekTests {
    @Test func reportsAThinWeek() throws {
        let plan = try TestPlan(
            ["topics/runners/a.md": TestPlan.topic(date: "2026-12-09")],
            plan: TestPlan.plan(start: "2026-12-07", end: "2026-12-13"))
        defer { plan.remove() }
        let found = plan.check().diagnostics("group-per-week")
        #expect(found.count == 1)
        let diagnostic = try #require(found.first)
        #expect(diagnostic.ruleID == "group-per-week")
        #expect(diagnostic.location.file == "content/topics/runners/a.md")
        #expect(diagnostic.location.line == 2)
        #expect(diagnostic.message.en == "The group “晨跑俱乐部” (runners) has 1 topic in 2026-W50 (2026-12-07 to 2026-12-13); at least 2 a week.")
    }

    @Test func aGroupWithoutTopicsPointsAtPlanYAML() throws {
        let plan = try TestPlan([:], plan: TestPlan.plan(start: "2026-12-07", end: "2026-12-13"))
        defer { plan.remove() }
        let found = plan.check().diagnostics("group-per-week")
        #expect(found.map(\.location.description) == ["content/plan.yml:10:3"])
    }

    @Test func nearMissTwoTopicsAndAPartialWeek() throws {
        // 12-02 … 12-06 is not a whole week, so its lack of topics is not blamed.
        let plan = try TestPlan(
            [
                "topics/runners/a.md": TestPlan.topic(date: "2026-12-07"),
                "topics/runners/b.md": TestPlan.topic(date: "2026-12-13"),
            ], plan: TestPlan.plan(start: "2026-12-02", end: "2026-12-13"))
        defer { plan.remove() }
        #expect(plan.check().diagnostics("group-per-week").isEmpty)
    }
}
