import Testing
@testable import Planner

@Suite struct WeeklyModelTests {
    /// W50 (12-07…12-13) and W52 (12-21…12-27) follow the model, in either language's tags; W51 has one custom item.
    private var files: [String: String] {
        var files: [String: String] = [:]
        let full: [(Int, String)] = [(7, "[访谈]"), (8, "[定制, 生活]"), (9, "[custom]"), (10, "[Custom]"), (11, "[情感]")]
        for (day, tags) in full {
            files["moments/w50-\(day).md"] = TestPlan.moment(date: TestPlan.dec(day), slot: "morning", extra: "tags: \(tags)")
        }
        let english: [(Int, String)] = [(21, "[interview]"), (22, "[custom]"), (23, "[custom]"), (24, "[custom, emotional]")]
        for (day, tags) in english {
            files["chats/w52-\(day).md"] = TestPlan.chat(date: TestPlan.dec(day), extra: "tags: \(tags)")
        }
        files["moments/w51.md"] = TestPlan.moment(date: TestPlan.dec(15), slot: "morning", extra: "tags: [定制]")
        return files
    }

    @Test func offByDefault() throws {
        let plan = try TestPlan(files)
        defer { plan.remove() }
        #expect(plan.check().diagnostics("weekly-model").isEmpty)
        #expect(RuleCatalogueText(language: .en).render(id: nil).contains("weekly-model"))
        #expect(RuleCatalogueText(language: .en).render(id: "weekly-model").contains("Off by default"))
    }

    @Test func turnedOnItReportsTheWeekThatFallsShortAndNotTheOthers() throws {
        let plan = try TestPlan(files, plan: TestPlan.plan(extra: "rules:\n  weekly-model: on"))
        defer { plan.remove() }
        let found = plan.check().diagnostics("weekly-model")
        #expect(found.count == 1)
        let diagnostic = try #require(found.first)
        #expect(diagnostic.severity == .notice)
        #expect(diagnostic.location.description == "content/moments/w51.md:2:1")
        #expect(diagnostic.message.en == "小招's week 2026-W51 (2026-12-14 to 2026-12-20) falls short of the weekly model: interviews 0 of 1, custom items 1 of 3, emotional touches 0 of 1.")
        #expect(diagnostic.message.zh.contains("深度访谈 0/1"))
    }

    @Test func optionsTurnItOnAndChangeTheCounts() throws {
        let plan = try TestPlan(files, plan: TestPlan.plan(extra: "rules:\n  weekly-model: {custom: 1, interview: 0, emotional: 0}"))
        defer { plan.remove() }
        #expect(plan.check().diagnostics("weekly-model").isEmpty)
    }
}
