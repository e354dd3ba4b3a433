import Testing
@testable import Planner

@Suite struct GroupPerDayTests {
    @Test func reportsTheSecondTopicOfADay() throws {
        let plan = try TestPlan([
            "topics/runners/a.md": TestPlan.topic(date: "2026-12-05", slot: "morning"),
            "topics/runners/b.md": TestPlan.topic(date: "2026-12-05", slot: "evening"),
        ])
        defer { plan.remove() }
        let found = plan.check().diagnostics("group-per-day")
        #expect(found.count == 1)
        let diagnostic = try #require(found.first)
        #expect(diagnostic.ruleID == "group-per-day")
        #expect(diagnostic.location.file == "content/topics/runners/b.md")
        #expect(diagnostic.location.line == 2)
        #expect(diagnostic.message.en == "The group “晨跑俱乐部” (runners) has 2 topics on 2026-12-05; at most 1 a day.")
    }

    @Test func nearMissOtherDaysAndOutOfRange() throws {
        let plan = try TestPlan([
            "topics/runners/a.md": TestPlan.topic(date: "2026-12-05", slot: "morning"),
            "topics/runners/b.md": TestPlan.topic(date: "2026-12-06", slot: "morning"),
            "topics/runners/c.md": TestPlan.topic(date: "2027-01-05", slot: "morning"),
            "topics/runners/d.md": TestPlan.topic(date: "2027-01-05", slot: "evening"),
        ])
        defer { plan.remove() }
        #expect(plan.check().diagnostics("group-per-day").isEmpty)
    }
}
