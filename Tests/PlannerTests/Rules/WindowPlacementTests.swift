import Testing
@testable import Planner

/// One problem, one place: a window rule's finding lies on an item inside
/// its window, else on the declaration of the persona, group or segment —
/// never on an item of another week or window.
@Suite struct WindowPlacementTests {
    /// 2026-W50 is 12-07 … 12-13, W51 12-14 … 12-20.
    @Test func aThemeMixNoticeForAnEmptyWeekIsOnThePersona() throws {
        var files: [String: String] = [:]
        for (day, theme) in [(14, "life"), (15, "professional"), (16, "interaction")] {
            files["moments/\(day).md"] = TestPlan.moment(date: TestPlan.dec(day), slot: "morning", theme: theme, body: "第 \(day) 天。")
        }
        let plan = try TestPlan(files, plan: TestPlan.plan(start: "2026-12-07", end: "2026-12-20", extra: "rules:\n  posts-per-day: off"))
        defer { plan.remove() }
        let found = plan.check().diagnostics("theme-mix")
        #expect(found.count == 1)
        let diagnostic = try #require(found.first)
        #expect(diagnostic.message.en.contains("2026-W50"))
        #expect(diagnostic.location.description == "content/personas/xiaozhao.md:2:1")
    }

    @Test func aThemeMixNoticeIsOnAMomentOfItsOwnWeek() throws {
        var files: [String: String] = [:]
        for (day, theme) in [(12, "life"), (14, "life"), (15, "professional"), (16, "interaction")] {
            files["moments/\(day).md"] = TestPlan.moment(date: TestPlan.dec(day), slot: "morning", theme: theme, body: "第 \(day) 天。")
        }
        let plan = try TestPlan(files, plan: TestPlan.plan(start: "2026-12-07", end: "2026-12-20", extra: "rules:\n  posts-per-day: off"))
        defer { plan.remove() }
        let found = plan.check().diagnostics("theme-mix")
        #expect(found.map(\.location.file) == ["content/moments/12.md"])
    }

    @Test func aThinGroupWeekIsOnItsGroupWhenNoTopicIsInIt() throws {
        let plan = try TestPlan(
            [
                "topics/runners/a.md": TestPlan.topic(date: "2026-12-14", title: "话题 A"),
                "topics/runners/b.md": TestPlan.topic(date: "2026-12-16", title: "话题 B"),
            ], plan: TestPlan.plan(start: "2026-12-07", end: "2026-12-20"))
        defer { plan.remove() }
        let found = plan.check().diagnostics("group-per-week")
        #expect(found.map(\.location.description) == ["content/plan.yml:10:3"])
        #expect(found.first?.message.en.contains("2026-W50") == true)
    }

    @Test func aTouchFloorWindowWithoutTouchesIsOnTheSegment() throws {
        // The worst window, 12-01…12-30, holds no touch of car; its only touch is on 12-31.
        let plan = try TestPlan(["surprises/car.md": TestPlan.surprise(date: "2026-12-31", segments: ["car"])])
        defer { plan.remove() }
        let found = plan.check().diagnostics("touch-floor").filter { $0.message.en.contains("车主客群") }
        #expect(found.map(\.location.description) == ["content/plan.yml:8:3"])
        #expect(found.first?.message.en.contains("from 2026-12-01 to 2026-12-30") == true)
    }

    @Test func surpriseCoverageIsOnATouchInsideTheStretch() throws {
        let plan = try TestPlan([
            "surprises/payroll.md": TestPlan.surprise(date: "2026-12-31"),
            "topics/runners/a.md": TestPlan.topic(date: "2026-12-10"),
        ])
        defer { plan.remove() }
        let found = plan.check().diagnostics("surprise-coverage").filter { $0.message.en.contains("代发客群") }
        #expect(found.map(\.location.file) == ["content/topics/runners/a.md"])
    }
}
