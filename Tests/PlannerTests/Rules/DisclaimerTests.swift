import Testing
@testable import Planner

@Suite struct DisclaimerTests {
    @Test func reportsAPromotionWithoutTheDisclaimer() throws {
        let plan = try TestPlan([
            "moments/a.md": TestPlan.moment(date: "2026-12-05", slot: "morning", theme: "promotion", body: "新基金上线！"),
        ])
        defer { plan.remove() }
        let found = plan.check().diagnostics("disclaimer")
        #expect(found.count == 1)
        let diagnostic = try #require(found.first)
        #expect(diagnostic.ruleID == "disclaimer")
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.location.file == "content/moments/a.md")
        #expect(diagnostic.location.line == 5)
        #expect(diagnostic.message.en == "This promotional moment lacks 小招's disclaimer “理财有风险，投资需谨慎”.")
    }

    @Test func nearMissDisclaimerAcrossALineBreakOrNoDisclaimer() throws {
        let plan = try TestPlan([
            "moments/a.md": TestPlan.moment(
                date: "2026-12-05", slot: "morning", theme: "promotion", body: "新基金上线！\n\n理财有风险，\n投资需谨慎"),
            "moments/b.md": TestPlan.moment(date: "2026-12-05", slot: "noon", body: "今天跑了 10 公里。"),
            "personas/xiaoying.md": TestPlan.persona(name: "小影"),
            "moments/c.md": TestPlan.moment(date: "2026-12-06", slot: "morning", persona: "xiaoying", theme: "promotion"),
        ])
        defer { plan.remove() }
        #expect(plan.check().diagnostics("disclaimer").isEmpty)
    }
}
