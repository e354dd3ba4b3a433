import Testing
@testable import Planner

@Suite struct TouchFloorTests {
    /// Seven topics in the runners group (segment payroll), 12-02 … 12-26.
    private let payrollMoments: [String: String] = Dictionary(
        uniqueKeysWithValues: (0..<7).map { week in
            ("topics/runners/\(week).md", TestPlan.topic(date: TestPlan.dec(2 + week * 4)))
        })

    @Test func reportsASegmentBelowTheFloor() throws {
        var files = payrollMoments
        files["surprises/car.md"] = TestPlan.surprise(date: "2026-12-10", segments: ["car"])
        let plan = try TestPlan(files, plan: TestPlan.plan(end: "2026-12-30"))
        defer { plan.remove() }
        let found = plan.check().diagnostics("touch-floor")
        #expect(found.count == 1)
        let diagnostic = try #require(found.first)
        #expect(diagnostic.ruleID == "touch-floor")
        #expect(diagnostic.severity == .notice)
        #expect(diagnostic.location.file == "content/surprises/car.md")
        #expect(diagnostic.location.line == 2)
        #expect(diagnostic.message.en == "The segment “车主客群” (car) gets only 1 touch from 2026-12-01 to 2026-12-30; at least 7 in any 30 days (the rule of seven, 七次法则).")
    }

    @Test func anUntouchedSegmentPointsAtItsDeclaration() throws {
        let plan = try TestPlan(payrollMoments, plan: TestPlan.plan(end: "2026-12-31"))
        defer { plan.remove() }
        // Two sliding windows (12-01…12-30, 12-02…12-31) overlap: one finding.
        let found = plan.check().diagnostics("touch-floor")
        #expect(found.map(\.location.description) == ["content/plan.yml:8:3"])
    }

    @Test func momentsAreBroadcastsUnlessTheTierCountsThem() throws {
        var files: [String: String] = [:]
        for day in 0..<8 {
            files["moments/\(day).md"] = TestPlan.moment(date: TestPlan.dec(2 + day * 3), slot: "noon", extra: "segments: [payroll]")
        }
        files["surprises/car.md"] = TestPlan.surprise(date: "2026-12-10", segments: ["car"])
        let broadcasts = try TestPlan(files, plan: TestPlan.plan(end: "2026-12-30"))
        defer { broadcasts.remove() }
        // Eight moments reach payroll, but a moment is a broadcast: no effective touch.
        #expect(broadcasts.check().diagnostics("touch-floor").compactMap(\.message.en).contains {
            $0.hasPrefix("The segment “代发客群” (payroll) gets only 0 touches")
        })
        let counted = try TestPlan(
            files, plan: TestPlan.plan(end: "2026-12-30", extra: "stages:\n  weak: {touch-kinds: [moments, chats]}"))
        defer { counted.remove() }
        #expect(!counted.check().diagnostics("touch-floor").contains { $0.message.en.contains("(payroll)") })
    }

    @Test func nearMissEnoughTouchesOrNoWholeWindow() throws {
        var files = payrollMoments
        for day in 1...7 { files["surprises/\(day).md"] = TestPlan.surprise(date: TestPlan.dec(day * 4), segments: ["car"]) }
        let full = try TestPlan(files, plan: TestPlan.plan(end: "2026-12-30"))
        defer { full.remove() }
        #expect(full.check().diagnostics("touch-floor").isEmpty)
        // 29 days: no 30-day window lies inside the range.
        let short = try TestPlan([:], plan: TestPlan.plan(end: "2026-12-29"))
        defer { short.remove() }
        #expect(short.check().diagnostics("touch-floor").isEmpty)
    }
}
