import Testing
@testable import Planner

@Suite struct DuplicateCopyTests {
    @Test func reportsTheLaterCopy() throws {
        let plan = try TestPlan([
            "personas/xiaoying.md": TestPlan.persona(name: "小影"),
            "moments/a.md": TestPlan.moment(date: "2026-12-01", slot: "morning", body: "今天跑了 10 公里！Keep going."),
            "moments/b.md": TestPlan.moment(
                date: "2026-12-10", slot: "morning", persona: "xiaoying", body: "\n今天跑了10公里。\nkeep going…"),
        ])
        defer { plan.remove() }
        let found = plan.check().diagnostics("duplicate-copy")
        #expect(found.count == 1)
        let diagnostic = try #require(found.first)
        #expect(diagnostic.ruleID == "duplicate-copy")
        #expect(diagnostic.location.file == "content/moments/b.md")
        #expect(diagnostic.location.line == 8)
        #expect(diagnostic.related.map(\.itemID) == ["moments/a"])
        #expect(diagnostic.message.en == "This copy repeats “今天跑了 10 公里！Keep going.” of 2026-12-01, 9 days earlier; do not reuse copy within 30 days.")
    }

    @Test func nearMissThirtyDaysLaterOrDifferentWords() throws {
        let plan = try TestPlan([
            "moments/a.md": TestPlan.moment(date: "2026-12-01", slot: "morning", body: "今天跑了 10 公里！"),
            "moments/b.md": TestPlan.moment(date: "2026-12-31", slot: "morning", body: "今天跑了 10 公里！"),
            "moments/c.md": TestPlan.moment(date: "2026-12-02", slot: "morning", body: "今天跑了 12 公里！"),
            // Bodies of punctuation only are not copy.
            "moments/d.md": TestPlan.moment(date: "2026-12-03", slot: "morning", body: "……"),
            "moments/e.md": TestPlan.moment(date: "2026-12-04", slot: "morning", body: "！！"),
        ])
        defer { plan.remove() }
        #expect(plan.check().diagnostics("duplicate-copy").isEmpty)
    }
}
