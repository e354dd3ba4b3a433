import Testing
@testable import Planner

@Suite struct ThemeStreakTests {
    @Test func reportsOncePerRunAtTheFirstMomentBeyondMax() throws {
        let plan = try TestPlan([
            "moments/1.md": TestPlan.moment(date: "2026-12-01", slot: "morning"),
            "moments/2.md": TestPlan.moment(date: "2026-12-02", slot: "morning"),
            "moments/3.md": TestPlan.moment(date: "2026-12-03", slot: "morning"),
            "moments/4.md": TestPlan.moment(date: "2026-12-04", slot: "morning"),
        ])
        defer { plan.remove() }
        let found = plan.check().diagnostics("theme-streak")
        #expect(found.count == 1)
        let diagnostic = try #require(found.first)
        #expect(diagnostic.ruleID == "theme-streak")
        #expect(diagnostic.location.file == "content/moments/3.md")
        #expect(diagnostic.location.line == 5)
        #expect(diagnostic.message.en == "小招 has 4 “生活日常” (life) moments in a row (2026-12-01 to 2026-12-04); at most 2.")
    }

    @Test func nearMissBrokenRunAndOtherPersona() throws {
        let plan = try TestPlan([
            "personas/xiaoying.md": TestPlan.persona(name: "小影"),
            "moments/1.md": TestPlan.moment(date: "2026-12-01", slot: "morning"),
            "moments/2.md": TestPlan.moment(date: "2026-12-02", slot: "morning"),
            "moments/2y.md": TestPlan.moment(date: "2026-12-02", slot: "noon", persona: "xiaoying"),
            "moments/3.md": TestPlan.moment(date: "2026-12-03", slot: "morning", theme: "professional"),
            "moments/4.md": TestPlan.moment(date: "2026-12-04", slot: "morning"),
            "moments/5.md": TestPlan.moment(date: "2026-12-05", slot: "morning"),
        ])
        defer { plan.remove() }
        #expect(plan.check().diagnostics("theme-streak").isEmpty)
    }
}
