import Testing
@testable import Planner

@Suite struct PersonaGroupTests {
    @Test func reportsATopicByAnotherPersona() throws {
        let plan = try TestPlan([
            "personas/xiaoying.md": TestPlan.persona(name: "小影"),
            "topics/runners/a.md": TestPlan.topic(date: "2026-12-05", persona: "xiaoying"),
        ])
        defer { plan.remove() }
        let found = plan.check().diagnostics("persona-group")
        #expect(found.count == 1)
        let diagnostic = try #require(found.first)
        #expect(diagnostic.ruleID == "persona-group")
        #expect(diagnostic.location.file == "content/topics/runners/a.md")
        #expect(diagnostic.location.line == 4)
        #expect(diagnostic.message.en == "The group “晨跑俱乐部” (runners) is owned by 小招, but this topic is by 小影.")
    }

    @Test func nearMissTheOwner() throws {
        let plan = try TestPlan([
            "personas/xiaoying.md": TestPlan.persona(name: "小影"),
            "topics/runners/a.md": TestPlan.topic(date: "2026-12-05"),
            "moments/a.md": TestPlan.moment(date: "2026-12-05", slot: "morning", persona: "xiaoying"),
        ])
        defer { plan.remove() }
        #expect(plan.check().diagnostics("persona-group").isEmpty)
    }
}
