import Testing
@testable import Planner

@Suite struct PersonaChannelTests {
    private let persona = TestPlan.persona(name: "小影", extra: "channels: [topics, surprises]")

    @Test func reportsAKindThePersonaDoesNotUse() throws {
        let plan = try TestPlan([
            "personas/xiaoying.md": persona,
            "moments/a.md": TestPlan.moment(date: "2026-12-05", slot: "morning", persona: "xiaoying"),
        ])
        defer { plan.remove() }
        let found = plan.check().diagnostics("persona-channel")
        #expect(found.count == 1)
        let diagnostic = try #require(found.first)
        #expect(diagnostic.ruleID == "persona-channel")
        #expect(diagnostic.location.file == "content/moments/a.md")
        #expect(diagnostic.location.line == 4)
        #expect(diagnostic.message.en == "小影 does not post moments (allowed channels: topics, surprises).")
    }

    @Test func nearMissAllowedKinds() throws {
        let plan = try TestPlan([
            "personas/xiaoying.md": persona,
            "surprises/a.md": TestPlan.surprise(date: "2026-12-05", persona: "xiaoying"),
            "moments/a.md": TestPlan.moment(date: "2026-12-05", slot: "morning"),
        ])
        defer { plan.remove() }
        #expect(plan.check().diagnostics("persona-channel").isEmpty)
    }
}
