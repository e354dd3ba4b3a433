import Testing
@testable import Planner

@Suite struct MinGapTests {
    @Test func reportsTheLaterOfTwoCloseMoments() throws {
        let plan = try TestPlan([
            "moments/a.md": TestPlan.moment(date: "2026-12-19", slot: "noon"),
            "moments/b.md": TestPlan.moment(date: "2026-12-19", time: "13:10"),
        ])
        defer { plan.remove() }
        let found = plan.check().diagnostics("min-gap")
        #expect(found.count == 1)
        let diagnostic = try #require(found.first)
        #expect(diagnostic.ruleID == "min-gap")
        #expect(diagnostic.location.file == "content/moments/b.md")
        #expect(diagnostic.location.line == 3)
        #expect(diagnostic.message.en.contains("only 60 minutes apart"))
        #expect(diagnostic.related.map(\.itemID) == ["moments/a"])
    }

    @Test func acrossMidnight() throws {
        let plan = try TestPlan([
            "moments/a.md": TestPlan.moment(date: "2026-12-19", time: "23:30"),
            "moments/b.md": TestPlan.moment(date: "2026-12-20", time: "00:30"),
        ])
        defer { plan.remove() }
        #expect(plan.check().diagnostics("min-gap").map(\.location.file) == ["content/moments/b.md"])
    }

    @Test func nearMissExactlyTheGapAndOtherPersonas() throws {
        let plan = try TestPlan([
            "personas/xiaoying.md": TestPlan.persona(name: "小影"),
            "moments/a.md": TestPlan.moment(date: "2026-12-19", slot: "noon"),
            "moments/b.md": TestPlan.moment(date: "2026-12-19", time: "14:10"),
            "moments/c.md": TestPlan.moment(date: "2026-12-19", time: "12:40", persona: "xiaoying"),
            "topics/runners/a.md": TestPlan.topic(date: "2026-12-19", time: "12:20"),
        ])
        defer { plan.remove() }
        #expect(plan.check().diagnostics("min-gap").isEmpty)
    }
}

@Suite struct SameMinuteTests {
    @Test func twoMomentsAtTheSameMinuteAreASlotClashOnly() throws {
        let plan = try TestPlan([
            "moments/a.md": TestPlan.moment(date: "2026-12-19", slot: "noon"),
            "moments/b.md": TestPlan.moment(date: "2026-12-19", time: "12:10", body: "另一条。"),
        ])
        defer { plan.remove() }
        let result = plan.check()
        #expect(result.diagnostics("slot-clash").map(\.location.file) == ["content/moments/b.md"])
        #expect(result.diagnostics("min-gap").isEmpty)
    }

    @Test func withSlotClashOffTheSameMinuteIsAMinGap() throws {
        let plan = try TestPlan(
            [
                "moments/a.md": TestPlan.moment(date: "2026-12-19", slot: "noon"),
                "moments/b.md": TestPlan.moment(date: "2026-12-19", time: "12:10", body: "另一条。"),
            ], plan: TestPlan.plan(extra: "rules:\n  slot-clash: off"))
        defer { plan.remove() }
        #expect(plan.check().diagnostics("min-gap").map(\.message.en.description) == [
            "小招's moments at 2026-12-19 12:10 and 2026-12-19 12:10 are only 0 minutes apart; keep at least 120.",
        ])
    }
}
