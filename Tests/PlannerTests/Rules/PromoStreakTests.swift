import Testing
@testable import Planner

@Suite struct PromoStreakTests {
    @Test func reportsTheThirdConsecutiveDay() throws {
        let plan = try TestPlan([
            "moments/3.md": TestPlan.moment(date: "2026-12-03", slot: "morning", theme: "promotion"),
            "topics/runners/4.md": TestPlan.topic(date: "2026-12-04", theme: "promotion"),
            "moments/5.md": TestPlan.moment(date: "2026-12-05", slot: "morning", theme: "promotion"),
            "moments/5b.md": TestPlan.moment(date: "2026-12-05", slot: "evening", theme: "promotion"),
        ])
        defer { plan.remove() }
        let found = plan.check().diagnostics("promo-streak")
        #expect(found.count == 1)
        let diagnostic = try #require(found.first)
        #expect(diagnostic.ruleID == "promo-streak")
        #expect(diagnostic.location.file == "content/moments/5.md")
        #expect(diagnostic.location.line == 5)
        #expect(diagnostic.message.en == "小招 has promotional items on 3 days in a row (2026-12-03 to 2026-12-05); at most 2.")
    }

    @Test func nearMissADayBetween() throws {
        let plan = try TestPlan([
            "moments/3.md": TestPlan.moment(date: "2026-12-03", slot: "morning", theme: "promotion"),
            "moments/4.md": TestPlan.moment(date: "2026-12-04", slot: "morning", theme: "promotion"),
            "moments/5.md": TestPlan.moment(date: "2026-12-05", slot: "morning", theme: "life"),
            "moments/6.md": TestPlan.moment(date: "2026-12-06", slot: "morning", theme: "promotion"),
            "moments/7.md": TestPlan.moment(date: "2026-12-07", slot: "morning", theme: "promotion"),
        ])
        defer { plan.remove() }
        #expect(plan.check().diagnostics("promo-streak").isEmpty)
    }
}
