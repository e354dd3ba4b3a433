import Testing
@testable import Planner

@Suite struct PersonaSegmentTests {
    private let persona = TestPlan.persona(name: "小影", extra: "segments: [payroll]")

    @Test func reportsAnExplicitSegmentNotServed() throws {
        let plan = try TestPlan([
            "personas/xiaoying.md": persona,
            "surprises/a.md": TestPlan.surprise(date: "2026-12-05", persona: "xiaoying", segments: ["payroll", "car"]),
        ])
        defer { plan.remove() }
        let found = plan.check().diagnostics("persona-segment")
        #expect(found.count == 1)
        let diagnostic = try #require(found.first)
        #expect(diagnostic.ruleID == "persona-segment")
        #expect(diagnostic.location.file == "content/surprises/a.md")
        #expect(diagnostic.location.line == 6)
        #expect(diagnostic.message.en == "小影 does not serve the segment “车主客群” (car) (serves: payroll).")
    }

    @Test func nearMissServedOrImplicit() throws {
        let plan = try TestPlan([
            "personas/xiaoying.md": persona,
            "surprises/a.md": TestPlan.surprise(date: "2026-12-05", persona: "xiaoying", segments: ["payroll"]),
            // The moment reaches the persona's own segments; nothing explicit to blame.
            "moments/a.md": TestPlan.moment(date: "2026-12-05", slot: "morning", persona: "xiaoying"),
        ])
        defer { plan.remove() }
        #expect(plan.check().diagnostics("persona-segment").isEmpty)
    }
}
