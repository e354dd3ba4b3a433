import Testing
@testable import Planner

@Suite struct SlotClashTests {
    @Test func reportsTheSecondItemAtTheSameSlot() throws {
        let plan = try TestPlan([
            "moments/a.md": TestPlan.moment(date: "2026-12-05", slot: "morning"),
            "moments/b.md": TestPlan.moment(date: "2026-12-05", slot: "morning", theme: "professional"),
        ])
        defer { plan.remove() }
        let found = plan.check().diagnostics("slot-clash")
        #expect(found.count == 1)
        let diagnostic = try #require(found.first)
        #expect(diagnostic.ruleID == "slot-clash")
        #expect(diagnostic.location.file == "content/moments/b.md")
        #expect(diagnostic.location.line == 3)
        #expect(diagnostic.related.map(\.itemID) == ["moments/a"])
        #expect(diagnostic.message.en == "小招 has 2 moments at the same time, 2026-12-05 07:30.")
    }

    @Test func nearMissOtherKindOtherPersonaOtherMinute() throws {
        let plan = try TestPlan([
            "personas/xiaoying.md": TestPlan.persona(name: "小影"),
            "moments/a.md": TestPlan.moment(date: "2026-12-05", slot: "morning"),
            "moments/b.md": TestPlan.moment(date: "2026-12-05", time: "07:31"),
            "moments/c.md": TestPlan.moment(date: "2026-12-05", slot: "morning", persona: "xiaoying"),
            "topics/runners/a.md": TestPlan.topic(date: "2026-12-05", slot: "morning"),
        ])
        defer { plan.remove() }
        #expect(plan.check().diagnostics("slot-clash").isEmpty)
    }
}
