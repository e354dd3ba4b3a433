import Testing
@testable import Planner

@Suite struct SurpriseSpacingTests {
    @Test func reportsTheLaterOfTwoCloseSurprises() throws {
        let plan = try TestPlan([
            "surprises/a.md": TestPlan.surprise(date: "2026-12-01"),
            "surprises/b.md": TestPlan.surprise(date: "2026-12-10", segments: ["car", "payroll"]),
        ])
        defer { plan.remove() }
        let found = plan.check().diagnostics("surprise-spacing")
        #expect(found.count == 1)
        let diagnostic = try #require(found.first)
        #expect(diagnostic.ruleID == "surprise-spacing")
        #expect(diagnostic.location.file == "content/surprises/b.md")
        #expect(diagnostic.location.line == 2)
        #expect(diagnostic.message.en == "The segment “代发客群” (payroll) gets two surprises only 9 days apart (2026-12-01 and 2026-12-10); keep at least 14 days between them.")
        #expect(diagnostic.related.map(\.itemID) == ["surprises/a"])
    }

    @Test func nearMissFourteenDaysOrAnotherSegment() throws {
        let plan = try TestPlan([
            "surprises/a.md": TestPlan.surprise(date: "2026-12-01"),
            "surprises/b.md": TestPlan.surprise(date: "2026-12-15"),
            "surprises/c.md": TestPlan.surprise(date: "2026-12-03", segments: ["car"]),
        ])
        defer { plan.remove() }
        #expect(plan.check().diagnostics("surprise-spacing").isEmpty)
    }
}
