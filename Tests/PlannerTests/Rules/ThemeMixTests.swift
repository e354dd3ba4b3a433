import Testing
@testable import Planner

@Suite struct ThemeMixTests {
    /// 2026-W50 is 12-07 (Monday) … 12-13 (Sunday).
    private let week50 = TestPlan.plan(start: "2026-12-07", end: "2026-12-13")

    @Test func reportsAWeekMissingATheme() throws {
        let plan = try TestPlan(
            [
                "moments/07.md": TestPlan.moment(date: "2026-12-07", slot: "morning", theme: "life"),
                "moments/08.md": TestPlan.moment(date: "2026-12-08", slot: "morning", theme: "professional"),
                "moments/09.md": TestPlan.moment(date: "2026-12-09", slot: "morning", theme: "promotion"),
            ], plan: week50)
        defer { plan.remove() }
        let found = plan.check().diagnostics("theme-mix")
        #expect(found.count == 1)
        let diagnostic = try #require(found.first)
        #expect(diagnostic.ruleID == "theme-mix")
        #expect(diagnostic.severity == .notice)
        #expect(diagnostic.location.file == "content/moments/07.md")
        #expect(diagnostic.location.line == 2)
        #expect(diagnostic.message.en == "小招's moments in 2026-W50 (2026-12-07 to 2026-12-13) lack themes: “互动话题” (interaction) 0 of 1.")
    }

    @Test func configuredCounts() throws {
        let plan = try TestPlan(
            ["moments/07.md": TestPlan.moment(date: "2026-12-07", slot: "morning", theme: "professional")],
            plan: TestPlan.plan(start: "2026-12-07", end: "2026-12-13", extra: "rules:\n  theme-mix: {min: {professional: 2}}"))
        defer { plan.remove() }
        let found = plan.check().diagnostics("theme-mix")
        #expect(found.map(\.message.en) == ["小招's moments in 2026-W50 (2026-12-07 to 2026-12-13) lack themes: “专业干货” (professional) 1 of 2."])
    }

    @Test func nearMissFullWeekAndPartialWeekIgnored() throws {
        // 12-02 … 12-06 is a partial week with only life moments: not blamed.
        let plan = try TestPlan(
            [
                "moments/02.md": TestPlan.moment(date: "2026-12-02", slot: "morning", theme: "life"),
                "moments/07.md": TestPlan.moment(date: "2026-12-07", slot: "morning", theme: "life"),
                "moments/08.md": TestPlan.moment(date: "2026-12-08", slot: "morning", theme: "professional"),
                "moments/13.md": TestPlan.moment(date: "2026-12-13", slot: "morning", theme: "interaction"),
                // A persona that does not allow interaction is not asked for it.
                "personas/xiaoying.md": TestPlan.persona(name: "小影", extra: "themes: [life, professional]"),
                "moments/y07.md": TestPlan.moment(date: "2026-12-07", slot: "noon", persona: "xiaoying", theme: "life"),
                "moments/y08.md": TestPlan.moment(date: "2026-12-08", slot: "noon", persona: "xiaoying", theme: "professional"),
            ], plan: TestPlan.plan(start: "2026-12-02", end: "2026-12-13"))
        defer { plan.remove() }
        #expect(plan.check().diagnostics("theme-mix").isEmpty)
    }
}
