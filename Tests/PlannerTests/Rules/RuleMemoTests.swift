import Foundation
import Testing
@testable import Planner

/// `serve` keeps per-item rule results between rebuilds (`RuleMemo`): after
/// every edit, a run with the memo must report exactly what a fresh run does.
@Suite struct RuleMemoTests {
    @Test func rebuildsWithTheMemoReportWhatFreshRunsReport() throws {
        let plan = try TestPlan([
            "moments/a.md": TestPlan.moment(date: "2026-12-05", slot: "morning", body: "今天和大家聊聊家庭预算。"),
            "moments/b.md": TestPlan.moment(date: "2026-12-09", slot: "morning", body: "今天和大家聊聊家庭预算！"),
            "moments/c.md": TestPlan.moment(date: "2026-12-12", slot: "morning", body: "这款产品保本，放心买。"),
        ])
        defer { plan.remove() }
        let cache = DocumentCache()
        let memo = RuleMemo()
        func write(_ path: String, _ text: String) throws {
            try Data(text.utf8).write(to: plan.content.appendingPathComponent(path))
        }
        /// Diagnostics of a run with the memo, after checking them against a fresh run on the same plan.
        func run() throws -> [Diagnostic] {
            let loaded = PlanLoader(contentDirectory: plan.content, cache: cache).load()
            let loadedPlan = try #require(loaded.plan)
            let today = LocalDate(parsing: "2026-11-23")!
            let remembered = RuleEngine().run(plan: loadedPlan, stageDiagnostics: loaded.diagnostics, today: today, memo: memo)
            let fresh = RuleEngine().run(plan: loadedPlan, stageDiagnostics: loaded.diagnostics, today: today)
            #expect(remembered == fresh)
            return remembered
        }
        func count(_ rule: String, in diagnostics: [Diagnostic]) -> Int { diagnostics.filter { $0.ruleID == rule }.count }

        var diagnostics = try run()
        #expect(count("banned-word", in: diagnostics) == 1)
        #expect(count("duplicate-copy", in: diagnostics) == 1)
        diagnostics = try run()  // nothing changed: everything comes from the memo
        #expect(count("banned-word", in: diagnostics) == 1)

        // An edited body is searched again.
        try write("moments/c.md", TestPlan.moment(date: "2026-12-12", slot: "morning", body: "这款产品稳健，放心了解。"))
        diagnostics = try run()
        #expect(count("banned-word", in: diagnostics) == 0)

        // A body edited into a copy of another is a duplicate at once.
        try write("moments/a.md", TestPlan.moment(date: "2026-12-05", slot: "morning", body: "这款产品稳健，放心了解。"))
        diagnostics = try run()
        #expect(count("duplicate-copy", in: diagnostics) == 1)
        #expect(diagnostics.first { $0.ruleID == "duplicate-copy" }?.itemID == "moments/c")

        // A new banned word in the persona applies to unchanged bodies too.
        try write("personas/xiaozhao.md", TestPlan.persona(name: "小招", extra: "banned: [放心]"))
        diagnostics = try run()
        #expect(count("banned-word", in: diagnostics) == 2)

        // A deleted item leaves the memo with the run after it.
        try FileManager.default.removeItem(at: plan.content.appendingPathComponent("moments/a.md"))
        diagnostics = try run()
        #expect(count("duplicate-copy", in: diagnostics) == 0)
        #expect(count("banned-word", in: diagnostics) == 1)
    }
}
