import Testing
@testable import Planner

@Suite struct SurpriseCoverageTests {
    @Test func reportsASegmentWithoutASurpriseInAWindow() throws {
        let plan = try TestPlan([
            "surprises/payroll.md": TestPlan.surprise(date: "2026-12-31"),
            "surprises/car-1.md": TestPlan.surprise(date: "2026-12-01", segments: ["car"]),
            "surprises/car-2.md": TestPlan.surprise(date: "2026-12-20", segments: ["car"]),
        ])
        defer { plan.remove() }
        let found = plan.check().diagnostics("surprise-coverage")
        #expect(found.count == 1)
        let diagnostic = try #require(found.first)
        #expect(diagnostic.ruleID == "surprise-coverage")
        #expect(diagnostic.severity == .notice)
        // No touch of payroll lies inside 12-01…12-30: the segment's declaration, the 12-31 surprise related.
        #expect(diagnostic.location.description == "content/plan.yml:7:3")
        #expect(diagnostic.related.map(\.itemID) == ["surprises/payroll"])
        #expect(diagnostic.message.en == "The segment “代发客群” (payroll) gets no surprise in the 30 days from 2026-12-01 to 2026-12-30; plan one in every 30 days.")
    }

    @Test func aSegmentWithoutSurprisesPointsAtItsDeclaration() throws {
        let plan = try TestPlan(["surprises/car.md": TestPlan.surprise(date: "2026-12-15", segments: ["car"])])
        defer { plan.remove() }
        let found = plan.check().diagnostics("surprise-coverage")
        #expect(found.map(\.location.description) == ["content/plan.yml:7:3"])
        #expect(found.first?.message.en.contains("31 days from 2026-12-01 to 2026-12-31") == true)
    }

    @Test func nearMissCoveredOrRangeTooShort() throws {
        let covered = try TestPlan([
            "surprises/a.md": TestPlan.surprise(date: "2026-12-15", segments: ["car", "payroll"]),
        ])
        defer { covered.remove() }
        #expect(covered.check().diagnostics("surprise-coverage").isEmpty)
        let short = try TestPlan([:], plan: TestPlan.plan(end: "2026-12-29"))
        defer { short.remove() }
        #expect(short.check().diagnostics("surprise-coverage").isEmpty)
    }
}
