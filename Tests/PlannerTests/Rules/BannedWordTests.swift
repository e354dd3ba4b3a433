import Testing
@testable import Planner

@Suite struct BannedWordTests {
    @Test func reportsTheWordAtItsLineAndColumn() throws {
        let plan = try TestPlan([
            // Body starts on line 7; the word is on its second line after four characters.
            "moments/a.md": TestPlan.moment(date: "2026-12-05", slot: "morning", body: "第一行\n这款产品保本，保本！"),
        ])
        defer { plan.remove() }
        let found = plan.check().diagnostics("banned-word")
        #expect(found.count == 1)
        let diagnostic = try #require(found.first)
        #expect(diagnostic.ruleID == "banned-word")
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.location.file == "content/moments/a.md")
        #expect(diagnostic.location.line == 8)
        #expect(diagnostic.location.column == 5)
        #expect(diagnostic.message.en == "The body contains the banned word “保本” (banned in plan.yml, 2 times).")
    }

    @Test func personaWordsLatinCaseAndExplicitTitles() throws {
        let plan = try TestPlan([
            "personas/xiaozhao.md": TestPlan.persona(name: "小招", extra: "banned: [Guaranteed]"),
            "moments/a.md": TestPlan.moment(date: "2026-12-05", slot: "morning", body: "100% GUARANTEED"),
            "topics/runners/a.md": TestPlan.topic(date: "2026-12-05", title: "保本的秘密"),
        ])
        defer { plan.remove() }
        let found = plan.check().diagnostics("banned-word")
        #expect(found.map(\.location.description) == ["content/moments/a.md:7:6", "content/topics/runners/a.md:8:1"])
        #expect(found.first?.message.en == "The body contains the banned word “Guaranteed” (banned for 小招).")
        #expect(found.last?.message.en == "The title contains the banned word “保本” (banned in plan.yml).")
    }

    @Test func nearMissSplitWordAndOtherPersonasWords() throws {
        let plan = try TestPlan([
            "personas/xiaoying.md": TestPlan.persona(name: "小影", extra: "banned: [必涨]"),
            "moments/a.md": TestPlan.moment(date: "2026-12-05", slot: "morning", body: "保 本不是承诺。这只基金必涨？"),
        ])
        defer { plan.remove() }
        #expect(plan.check().diagnostics("banned-word").isEmpty)
    }
}
