import Testing
@testable import Planner

@Suite struct PersonaThemeTests {
    private let persona = TestPlan.persona(name: "小影", extra: "themes: [life, interaction]")

    @Test func reportsADisallowedTheme() throws {
        let plan = try TestPlan([
            "personas/xiaoying.md": persona,
            "moments/a.md": TestPlan.moment(date: "2026-12-05", slot: "morning", persona: "xiaoying", theme: "professional"),
        ])
        defer { plan.remove() }
        let found = plan.check().diagnostics("persona-theme")
        #expect(found.count == 1)
        let diagnostic = try #require(found.first)
        #expect(diagnostic.ruleID == "persona-theme")
        #expect(diagnostic.location.file == "content/moments/a.md")
        #expect(diagnostic.location.line == 5)
        #expect(diagnostic.message.en == "小影's persona does not post “专业干货” (professional) content (allowed: life, interaction).")
    }

    @Test func nearMissAllowedOrUnrestricted() throws {
        let plan = try TestPlan([
            "personas/xiaoying.md": persona,
            "moments/a.md": TestPlan.moment(date: "2026-12-05", slot: "morning", persona: "xiaoying", theme: "life"),
            "moments/b.md": TestPlan.moment(date: "2026-12-05", slot: "morning", theme: "professional"),
        ])
        defer { plan.remove() }
        #expect(plan.check().diagnostics("persona-theme").isEmpty)
    }
}
