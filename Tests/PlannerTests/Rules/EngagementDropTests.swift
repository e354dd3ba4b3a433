import Testing
@testable import Planner

@Suite struct EngagementDropTests {
    /// 2026-11-16 (Monday, W47) … 2026-12-31 (W53): seven ISO weeks.
    private let sevenWeeks = TestPlan.plan(start: "2026-11-16", end: "2026-12-31")

    /// Two published moments a week (Tuesday and Thursday), one drawing `rate` comments, the other `rate` replies;
    /// a nil rate is a week whose moments have no results.
    private func files(_ rates: [Int?], extra: String = "status: published") -> [String: String] {
        var files: [String: String] = [:]
        for (offset, rate) in rates.enumerated() {
            let monday = LocalDate(year: 2026, month: 11, day: 16)!.adding(days: offset * 7)
            for (day, share) in [(1, 0), (3, 1)] {
                let date = monday.adding(days: day)
                var results = ""
                if let rate { results = "\nresults: {likes: 9, " + (share == 0 ? "comments: \(rate)}" : "replies: \(rate)}") }
                files["moments/\(date).md"] = TestPlan.moment(date: date.description, slot: "morning", extra: extra + results)
            }
        }
        return files
    }

    @Test func threeWeeksWithResultsBelowTheMedianInARowSkippingAWeekWithout() throws {
        // Per moment: W47 4, W48 5, W49 6, W50 1, W51 none, W52 2, W53 1 → median of (4, 5, 6, 1, 2, 1) is 3.
        let plan = try TestPlan(files([4, 5, 6, 1, nil, 2, 1]), plan: sevenWeeks)
        defer { plan.remove() }
        let found = plan.check(today: "2026-12-31").diagnostics("engagement-drop")
        #expect(found.count == 1)
        let diagnostic = try #require(found.first)
        #expect(diagnostic.severity == .notice)
        #expect(diagnostic.message.en == "小招's interaction rate has been below its own median 3 for 3 weeks in a row (comments + replies per published moment): 2026-W50 1, 2026-W52 2, 2026-W53 1.")
        // On the results of the last moment counted, the one that made it three.
        #expect(diagnostic.location.description == "content/moments/2026-12-31.md:7:1")
        #expect(diagnostic.hint?.zh.contains("内容共创计划") == true)
        #expect(diagnostic.related.count == 6)
    }

    @Test func twoWeeksBelowOrUnpublishedItemsDoNotTrigger() throws {
        // W52 back up to 5: (4, 5, 6, 1, 5, 1) has median 4.5, and no three below it in a row.
        let plan = try TestPlan(files([4, 5, 6, 1, nil, 5, 1]), plan: sevenWeeks)
        defer { plan.remove() }
        #expect(plan.check(today: "2026-12-31").diagnostics("engagement-drop").isEmpty)
        // Results on drafts tell nothing about customers.
        let drafts = try TestPlan(files([4, 5, 6, 1, nil, 2, 1], extra: "status: ready"), plan: sevenWeeks)
        defer { drafts.remove() }
        #expect(drafts.check(today: "2026-12-31").diagnostics("engagement-drop").isEmpty)
    }

    @Test func aConfiguredBaseline() throws {
        let plan = try TestPlan(
            files([4, 5, 6, 1, nil, 5, 1]),
            plan: TestPlan.plan(start: "2026-11-16", end: "2026-12-31", extra: "rules:\n  engagement-drop: {baseline: 5.5}"))
        defer { plan.remove() }
        let found = plan.check(today: "2026-12-31").diagnostics("engagement-drop")
        // 4 (W47) and 5 (W48) are below 5.5, then W49's 6 breaks the run; W50 1, W52 5, W53 1 are three.
        #expect(found.map(\.message.en) == ["小招's interaction rate has been below the baseline 5.5 for 3 weeks in a row (comments + replies per published moment): 2026-W50 1, 2026-W52 5, 2026-W53 1."])
    }

    @Test func ratesCountCommentsAndRepliesPerPublishedItemWithResults() {
        #expect(InteractionRate.median([1, 5, 2]) == 2)
        #expect(InteractionRate.median([4, 1, 2, 5]) == 3)
        #expect(InteractionRate.median([]) == nil)
        #expect(InteractionRate.format(2.25) == "2.3")
        #expect(InteractionRate.format(3) == "3")
    }
}
