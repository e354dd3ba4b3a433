import Testing
@testable import Planner

@Suite struct StageFitTests {
    /// Topics in the runners group (payroll, at the weak tier), every fourth day from 12-02.
    private func topics(action: String?) -> [String: String] {
        Dictionary(uniqueKeysWithValues: (0..<8).map { number in
            ("topics/runners/\(number).md", TestPlan.topic(date: TestPlan.dec(2 + number * 4), extra: action.map { "action: \($0)" } ?? ""))
        })
    }

    @Test func reportsATierWhoseNeedsNoTouchServes() throws {
        let plan = try TestPlan(topics(action: "show-expertise"), plan: TestPlan.plan(end: "2026-12-30"))
        defer { plan.remove() }
        let found = plan.check().diagnostics("stage-fit")
        #expect(found.count == 1)
        let diagnostic = try #require(found.first)
        #expect(diagnostic.severity == .warning)
        // On the first touch inside the window, at its action.
        #expect(diagnostic.location.description == "content/topics/runners/0.md:9:1")
        #expect(diagnostic.message.en == "The segment “代发客群” (payroll) is at the Weak relationship tier, and none of its 8 touches from 2026-12-01 to 2026-12-30 uses an action that tier needs (Find the emotional point, Help them decide, Small gifts).")
        #expect(diagnostic.message.zh.contains("处于弱关系"))
    }

    @Test func reportsPromotionAboveTheTiersShare() throws {
        var files = topics(action: "emotion-point")
        // strong allows 15 % promotion; make payroll strong and half its items promotional.
        for number in 0..<4 {
            files["topics/runners/\(number).md"] = TestPlan.topic(
                date: TestPlan.dec(2 + number * 4), theme: "promotion", extra: "action: emotion-point")
        }
        let plan = try TestPlan(
            files,
            plan: TestPlan.plan(end: "2026-12-30").replacingOccurrences(of: "stage: weak", with: "stage: strong")
                + "\nstages:\n  strong: {needs: [emotion-point]}")
        defer { plan.remove() }
        let found = plan.check().diagnostics("stage-fit")
        #expect(found.count == 1)
        #expect(found.first?.message.en.contains("4 of the 8 items reaching it from 2026-12-01 to 2026-12-30 are promotional (50%); that tier allows at most 15%") == true)
    }

    @Test func nearMissANeededActionOrNoStageOrNoWholeWindow() throws {
        var files = topics(action: nil)
        files["topics/runners/3.md"] = TestPlan.topic(date: TestPlan.dec(14), extra: "action: help-decide")
        let served = try TestPlan(files, plan: TestPlan.plan(end: "2026-12-30"))
        defer { served.remove() }
        #expect(served.check().diagnostics("stage-fit").isEmpty)
        let noStage = try TestPlan(
            topics(action: nil), plan: TestPlan.plan(end: "2026-12-30").replacingOccurrences(of: ", stage: weak", with: ""))
        defer { noStage.remove() }
        #expect(noStage.check().diagnostics("stage-fit").isEmpty)
        let short = try TestPlan(topics(action: nil), plan: TestPlan.plan(end: "2026-12-29"))
        defer { short.remove() }
        #expect(short.check().diagnostics("stage-fit").isEmpty)
    }
}
