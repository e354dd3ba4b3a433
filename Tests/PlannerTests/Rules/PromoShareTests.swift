import Testing
@testable import Planner

@Suite struct PromoShareTests {
    /// One moment a day; `promotional` days get theme promotion.
    private func week(_ days: ClosedRange<Int>, promotional: Set<Int>) -> [String: String] {
        var files: [String: String] = [:]
        for day in days {
            files["moments/\(day).md"] = TestPlan.moment(
                date: TestPlan.dec(day), slot: "morning", theme: promotional.contains(day) ? "promotion" : "life")
        }
        return files
    }

    @Test func reportsAWindowAboveTheShare() throws {
        let plan = try TestPlan(week(1...5, promotional: [3, 5]), plan: TestPlan.plan(end: "2026-12-07"))
        defer { plan.remove() }
        let found = plan.check().diagnostics("promo-share")
        #expect(found.count == 1)
        let diagnostic = try #require(found.first)
        #expect(diagnostic.ruleID == "promo-share")
        #expect(diagnostic.location.file == "content/moments/3.md")
        #expect(diagnostic.location.line == 5)
        #expect(diagnostic.message.en == "2 of 小招's 5 moments from 2026-12-01 to 2026-12-07 are promotional (40%); at most 20% in any 7 days.")
        #expect(diagnostic.related.map(\.itemID) == ["moments/5"])
    }

    @Test func overlappingWindowsAreOneFinding() throws {
        // Six sliding windows hold both promotions (2 of 7); they are one run.
        let plan = try TestPlan(week(1...14, promotional: [6, 7]), plan: TestPlan.plan(end: "2026-12-14"))
        defer { plan.remove() }
        let found = plan.check().diagnostics("promo-share")
        #expect(found.count == 1)
        #expect(found.first?.location.file == "content/moments/6.md")
        #expect(found.first?.message.en.contains("6 overlapping 7-day windows from 2026-12-01 to 2026-12-12 are over.") == true)
    }

    @Test func nearMissExactlyTheShareAndPartialWindows() throws {
        // 1 of 5 is 20%, not above; the promotions on 12-08 and 12-09 are outside the range.
        var files = week(1...5, promotional: [3])
        files["moments/8.md"] = TestPlan.moment(date: "2026-12-08", slot: "morning", theme: "promotion")
        files["moments/9.md"] = TestPlan.moment(date: "2026-12-09", slot: "morning", theme: "promotion")
        let plan = try TestPlan(files, plan: TestPlan.plan(end: "2026-12-07"))
        defer { plan.remove() }
        #expect(plan.check().diagnostics("promo-share").isEmpty)
    }
}
