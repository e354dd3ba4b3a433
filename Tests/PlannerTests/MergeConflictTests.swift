import Foundation
import Testing
@testable import Planner

/// Rule `merge-conflict` (spec 11.1): one finding per block of git conflict
/// markers, at its `<<<<<<<` line, and nothing else about that file.
@Suite struct MergeConflictTests {
    static func conflicted(_ ours: String, _ theirs: String) -> String {
        "<<<<<<< HEAD\n\(ours)\n=======\n\(theirs)\n>>>>>>> feature\n"
    }

    @Test func aConflictInTheBodyIsOneErrorAndNothingElse() throws {
        let body = "开头\n" + Self.conflicted("今晚 8 点直播，保本", "今晚 9 点直播") + "结尾\n" + Self.conflicted("a", "b")
        let plan = try TestPlan(["moments/a.md": TestPlan.moment(date: "2026-12-02", slot: "morning", body: body)])
        defer { plan.remove() }
        let result = plan.check()
        let found = result.diagnostics.filter { $0.location.file.hasSuffix("moments/a.md") }
        #expect(found.map(\.ruleID) == ["merge-conflict", "merge-conflict"], "\(found.map(\.ruleID))")
        #expect(found.map(\.location.line) == [8, 14])
        #expect(found.allSatisfy { $0.severity == .error && $0.location.column == 1 })
        #expect(Set(found.map(\.fingerprint)).count == 2)
        #expect(result.hasErrors)
    }

    @Test func aConflictInTheFrontMatterHidesWhatEitherSideBreaks() throws {
        let text = "---\ndate: 2026-12-02\n" + Self.conflicted("slot: morning\ntheme: life", "slot: evening\ntheme: nosuch\ntitle：x")
            + "persona: xiaozhao\n---\n正文。\n"
        let plan = try TestPlan(["moments/a.md": text])
        defer { plan.remove() }
        let found = plan.check().diagnostics.filter { $0.location.file.hasSuffix("moments/a.md") }
        #expect(found.map(\.ruleID) == ["merge-conflict"])
        #expect(found.first?.location.line == 3)
    }

    @Test func aConflictedPersonaStillAnswersForItsItems() throws {
        let persona = "---\n" + Self.conflicted("name: 小招", "name: 招招") + "---\n故事。\n"
        let plan = try TestPlan(["moments/a.md": TestPlan.moment(date: "2026-12-02", slot: "morning")], persona: persona)
        defer { plan.remove() }
        let result = plan.check()
        #expect(result.diagnostics("unknown-ref").isEmpty)
        #expect(result.diagnostics("merge-conflict").map(\.location.line) == [2])
    }

    @Test func aConflictInPlanYmlIsReportedThere() throws {
        let planYAML = TestPlan.planYAML.replacingOccurrences(of: "end: 2026-12-31", with: Self.conflicted("end: 2026-12-31", "end: 2027-01-31"))
        let plan = try TestPlan(["moments/a.md": TestPlan.moment(date: "2026-12-02", slot: "morning")], plan: planYAML)
        defer { plan.remove() }
        let result = plan.check()
        #expect(result.diagnostics.map(\.ruleID) == ["merge-conflict"])
        #expect(result.diagnostics.first?.location.file.hasSuffix("content/plan.yml") == true)
        #expect(result.diagnostics.first?.location.line == 5)
    }

    @Test func markdownThatLooksLikeAMarkerIsNoConflict() throws {
        let bodies = [
            "标题\n=======\n正文。", ">>>>>>> 七层引用\n正文。", "<<<<<< 六个\n=======\n>>>>>> 六个", "<<<<<<<<八个\n=======\n",
            "a <<<<<<< HEAD\n=======\n", "<<<<<<< 没有下文\n正文。",
        ]
        var files: [String: String] = [:]
        for (index, body) in bodies.enumerated() {
            files["moments/\(index).md"] = TestPlan.moment(date: TestPlan.dec(index + 1), slot: "morning", body: body)
        }
        let plan = try TestPlan(files)
        defer { plan.remove() }
        #expect(plan.check().diagnostics("merge-conflict").isEmpty)
    }

    @Test func theRuleIsInTheCatalogueInBothLanguages() throws {
        let rule = try #require(RuleCatalogue.rule("merge-conflict"))
        #expect(rule.defaultSeverity == .error)
        let zh = RuleCatalogueText(language: .zhCN).render(id: "merge-conflict")
        let en = RuleCatalogueText(language: .en).render(id: "merge-conflict")
        #expect(zh.contains("合并冲突") && zh.contains("<<<<<<< HEAD"))
        #expect(en.contains("conflict markers") && en.contains(">>>>>>>"))
        #expect(RuleCatalogueText(language: .en).render(id: nil).contains("merge-conflict"))
    }

    @Test func oursSideKeepsLineNumbers() {
        let text = "a\n<<<<<<< HEAD\nb\n||||||| base\nc\n=======\nd\n>>>>>>> x\ne\n"
        #expect(ConflictMarkers.oursSide(text) == "a\n\nb\n\n\n\n\n\ne\n")
        #expect(ConflictMarkers.find(text) == [ConflictMarkers.Block(line: 2)])
    }
}
