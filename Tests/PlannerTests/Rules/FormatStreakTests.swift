import Testing
@testable import Planner

@Suite struct FormatStreakTests {
    @Test func reportsTheThirdTopicOfOneFormat() throws {
        let plan = try TestPlan([
            "topics/runners/1.md": TestPlan.topic(date: "2026-12-01", format: "knowledge"),
            "topics/runners/2.md": TestPlan.topic(date: "2026-12-03", format: "knowledge"),
            "topics/runners/3.md": TestPlan.topic(date: "2026-12-05", format: "knowledge"),
        ])
        defer { plan.remove() }
        let found = plan.check().diagnostics("format-streak")
        #expect(found.count == 1)
        let diagnostic = try #require(found.first)
        #expect(diagnostic.ruleID == "format-streak")
        #expect(diagnostic.severity == .notice)
        #expect(diagnostic.location.file == "content/topics/runners/3.md")
        #expect(diagnostic.location.line == 7)
        #expect(diagnostic.message.en == "The group “晨跑俱乐部” (runners) has 3 “knowledge” topics in a row (2026-12-01 to 2026-12-05); at most 2.")
    }

    @Test func nearMissRotatedFormats() throws {
        let plan = try TestPlan([
            "topics/runners/1.md": TestPlan.topic(date: "2026-12-01", format: "knowledge"),
            "topics/runners/2.md": TestPlan.topic(date: "2026-12-03", format: "knowledge"),
            "topics/runners/3.md": TestPlan.topic(date: "2026-12-05", format: "vote"),
            "topics/runners/4.md": TestPlan.topic(date: "2026-12-07", format: "knowledge"),
        ])
        defer { plan.remove() }
        #expect(plan.check().diagnostics("format-streak").isEmpty)
    }
}
