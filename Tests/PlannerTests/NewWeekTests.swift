import Foundation
import Testing
@testable import Planner

/// `new --next-free` and `new week`: what a content lead drafting with the
/// example plan sees — new files that never break a rule the plan kept.
@Suite(.serialized) struct NewWeekTests {
    static let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A copy of the example plan in a temporary folder.
    private func exampleCopy() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("plan-build-new-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.package.appendingPathComponent("content"), to: root.appendingPathComponent("content"))
        return root
    }

    private func fingerprints(_ root: URL, today: String = "2026-12-01") -> [String: Diagnostic] {
        let result = Checker(contentDirectory: root.appendingPathComponent("content"), today: LocalDate(parsing: today)!).run()
        return Dictionary(result.diagnostics.map { ($0.fingerprint, $0) }, uniquingKeysWith: { first, _ in first })
    }

    private func newProblems(_ before: [String: Diagnostic], _ after: [String: Diagnostic]) -> [String] {
        // A gap (posts-per-day on no item) is one finding per range: new items shorten or
        // split an old gap into a range with a new fingerprint, which is no new problem.
        func isGap(_ diagnostic: Diagnostic) -> Bool { diagnostic.ruleID == "posts-per-day" && diagnostic.itemID == nil }
        func shrunk(_ gap: Diagnostic) -> Bool {
            before.values.contains { isGap($0) && $0.persona == gap.persona && ($0.date ?? .init(dayNumber: 0)) <= (gap.date ?? .init(dayNumber: 0)) }
        }
        return after.filter { before[$0.key] == nil && !(isGap($0.value) && shrunk($0.value)) }
            .map { "\($0.value.ruleID): \($0.value.message.en)" }.sorted()
    }

    @Test func nextFreeTwiceOnTheExamplePlanBreaksNothing() throws {
        let root = try exampleCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        let before = fingerprints(root)
        var written: [String] = []
        for _ in 0..<3 {
            let run = try CLI.run(
                ["new", "moment", "--persona", "xiaoying", "--theme", "life", "--date", "2026-12-14", "--next-free", "--today", "2026-12-01"],
                in: root)
            #expect(run.status == 0, "\(run.stderr)")
            written.append(run.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        #expect(Set(written).count == 3)
        // Spread over the week, not piled on one day.
        let days = Set(written.map { String($0.split(separator: "/").last!.prefix(2)) })
        #expect(days.count == 3, "\(written)")
        #expect(newProblems(before, fingerprints(root)).isEmpty, "\(newProblems(before, fingerprints(root)))")
    }

    @Test func aPromotionalItemStartsWithTheDisclaimer() throws {
        var files: [String: String] = [:]
        let themes = ["life", "professional", "interaction"]
        for day in 7...13 { files["moments/\(day).md"] = TestPlan.moment(date: TestPlan.dec(day), slot: "morning", theme: themes[day % 3], body: "第 \(day) 天。") }
        let plan = try TestPlan(files)
        defer { plan.remove() }
        let before = fingerprints(plan.root)
        let run = try CLI.run(
            ["new", "moment", "--persona", "小招", "--theme", "promotion", "--date", "2026-12-09", "--next-free", "--today", "2026-12-01"],
            in: plan.root)
        #expect(run.status == 0, "\(run.stderr)")
        let text = try String(contentsOf: plan.root.appendingPathComponent(run.stdout.trimmingCharacters(in: .whitespacesAndNewlines)), encoding: .utf8)
        let body = text.components(separatedBy: "---\n").last ?? ""
        #expect(body.hasPrefix("理财有风险，投资需谨慎\n"), "\(text)")
        #expect(text.contains("persona: xiaozhao") && text.contains("theme: promotion"), "names are written as ids")
        #expect(newProblems(before, fingerprints(plan.root)).isEmpty, "\(newProblems(before, fingerprints(plan.root)))")
    }

    @Test func aPromotionalItemThatCannotFitNamesPromoShare() throws {
        // The example plan's 小影 is at promo-share's limit in every window from 12-14 on.
        let root = try exampleCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        let run = try CLI.run(
            ["new", "moment", "--persona", "小影", "--theme", "产品推广", "--date", "2026-12-14", "--next-free", "--today", "2026-12-01"],
            in: root)
        #expect(run.status == 1)
        #expect(run.stderr.contains("2026-12-14 周一：promo-share（小影 在"), "\(run.stderr)")
        #expect(!run.stderr.contains("disclaimer"), "the placeholder carries the disclaimer")
    }

    @Test func nothingFreeListsTheBlockingRuleOfEachDayInThePlansLanguage() throws {
        var files: [String: String] = ["plan.yml": "title: 小计划\nstart: 2026-12-01\nend: 2026-12-03\nrules:\n  posts-per-day: {min: 1, max: 1}\n"]
        for day in 1...3 { files["moments/0\(day).md"] = TestPlan.moment(date: TestPlan.dec(day), slot: "morning", body: "第 \(day) 天。") }
        let plan = try TestPlan(files)
        defer { plan.remove() }
        let run = try CLI.run(["new", "moment", "--persona", "xiaozhao", "--next-free", "--today", "2026-12-01"], in: plan.root, environment: InterfaceLanguageTests.locale("C.UTF-8"))
        #expect(run.status == 1)
        for day in 1...3 { #expect(run.stderr.contains("\(TestPlan.dec(day))"), "\(run.stderr)") }
        #expect(run.stderr.contains("每天挡住它的规则"), "\(run.stderr)")
        #expect(run.stderr.contains("posts-per-day（小招 在 2026-12-01 有 2 条朋友圈，每天最多 1 条。）"), "\(run.stderr)")
        #expect(!run.stderr.contains("slot-clash"), "the nearest miss is named, not every slot's")
        let english = try CLI.run(["new", "moment", "--persona", "xiaozhao", "--next-free", "--today", "2026-12-01", "--lang", "en"], in: plan.root)
        #expect(english.stderr.contains("What blocked each day"), "\(english.stderr)")
    }

    @Test func newWeekTwiceForEachPersonaOfTheExamplePlanAddsNoProblem() throws {
        let root = try exampleCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        let before = fingerprints(root)
        for persona in ["xiaozhao", "xiaoying"] {
            for _ in 0..<2 {
                let run = try CLI.run(["new", "week", "--persona", persona, "--today", "2026-12-01"], in: root)
                #expect(run.status == 0, "\(run.stderr)")
                #expect(!run.stdout.isEmpty, "writes files")
            }
        }
        #expect(newProblems(before, fingerprints(root)).isEmpty, "\(newProblems(before, fingerprints(root)))")
    }

    @Test func newWeekDraftsTheNextEmptyWeekOfANewPersona() throws {
        let root = try exampleCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("---\nname: 小安\ndisclaimer: 投资有风险，入市需谨慎\n---\n故事。\n".utf8)
            .write(to: root.appendingPathComponent("content/personas/xiaoan.md"))
        let before = fingerprints(root)
        let first = try CLI.run(["new", "week", "--persona", "小安", "--today", "2026-12-01"], in: root)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.contains("2026-W49"), "\(first.stderr)")
        let second = try CLI.run(["new", "week", "--persona", "xiaoan", "--today", "2026-12-01"], in: root)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stderr.contains("2026-W50"), "run again, it takes the next week: \(second.stderr)")
        let paths = second.stdout.split(separator: "\n").map(String.init)
        #expect(paths.count == 7, "one moment a day, posts-per-day's minimum")
        let texts = try paths.map { try String(contentsOf: root.appendingPathComponent($0), encoding: .utf8) }
        let dates = Set(texts.compactMap { $0.firstMatch(of: /date: (\S+)/).map { String($0.1) } })
        #expect(dates.count == 7)
        for theme in ["professional", "life", "interaction"] {
            #expect(texts.contains { $0.contains("theme: \(theme)\n") }, "the week has \(theme)")
        }
        let promotions = texts.filter { $0.contains("theme: promotion\n") }
        #expect(promotions.count == 1, "promo-share 0.2 of 7 moments allows one")
        #expect(promotions.allSatisfy { $0.contains("---\n投资有风险，入市需谨慎\n") })
        let after = fingerprints(root)
        #expect(newProblems(before, after).isEmpty, "\(newProblems(before, after))")
        let week50 = after.values.filter { $0.persona == "xiaoan" && ($0.date.map { $0 >= LocalDate(parsing: "2026-12-07")! && $0 <= LocalDate(parsing: "2026-12-13")! } ?? false) }
        #expect(week50.isEmpty, "the drafted week passes every rule: \(week50.map(\.ruleID))")
    }

    @Test func newWeekNeverOverwritesAndTakesFromDate() throws {
        let plan = try TestPlan([:])
        defer { plan.remove() }
        let run = try CLI.run(["new", "week", "--persona", "xiaozhao", "--from", "2026-12-16", "--today", "2026-12-01"], in: plan.root)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("2026-W51"), "\(run.stderr)")
        let again = try CLI.run(["new", "week", "--persona", "xiaozhao", "--from", "2026-12-16", "--today", "2026-12-01"], in: plan.root)
        #expect(again.status == 0, "a week that has its minimum takes one more a day: \(again.stderr)")
        #expect(Set(run.stdout.split(separator: "\n")).isDisjoint(with: Set(again.stdout.split(separator: "\n"))), "nothing overwritten")
        let unknown = try CLI.run(["new", "week", "--persona", "nobody", "--today", "2026-12-01"], in: plan.root)
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("xiaozhao"), "lists the personas there are")
    }

    @Test func draftsOnlyTheDaysThePersonaWorks() throws {
        let root = try exampleCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("---\nname: 小安\nstart: 2026-12-10\npauses: [{from: 2026-12-14, to: 2026-12-16, reason: 培训}]\n---\n故事。\n".utf8)
            .write(to: root.appendingPathComponent("content/personas/xiaoan.md"))
        let before = fingerprints(root)
        let first = try CLI.run(["new", "week", "--persona", "xiaoan", "--today", "2026-12-01"], in: root)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.split(separator: "\n").map { String($0.split(separator: "/").last!.prefix(2)) } == ["10", "11", "12", "13"], "\(first.stdout)")
        let second = try CLI.run(["new", "week", "--persona", "xiaoan", "--today", "2026-12-01"], in: root)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.split(separator: "\n").map { String($0.split(separator: "/").last!.prefix(2)) } == ["17", "18", "19", "20"], "the pause is skipped: \(second.stdout)")
        let one = try CLI.run(["new", "moment", "--persona", "xiaoan", "--date", "2026-12-14", "--next-free", "--today", "2026-12-01"], in: root)
        let day = Int(one.stdout.split(separator: "/").last.map { String($0.prefix(2)) } ?? "") ?? 0
        #expect(one.status == 0 && day >= 17, "not in the pause: \(one.stdout)")
        let after = fingerprints(root)
        #expect(newProblems(before, after).isEmpty, "\(newProblems(before, after))")
    }

    @Test func aNameThatDoesNotResolveIsSaidAtOnce() throws {
        let plan = try TestPlan([:])
        defer { plan.remove() }
        let slot = try CLI.run(["new", "moment", "--slot", "dawn", "--persona", "xiaozhao", "--today", "2026-12-01"], in: plan.root)
        #expect(slot.status == 1)
        #expect(slot.stderr.contains("dawn") && slot.stderr.contains("morning"), "\(slot.stderr)")
        let group = try CLI.run(["new", "topic", "--group", "hikers", "--persona", "xiaozhao", "--next-free", "--today", "2026-12-01"], in: plan.root)
        #expect(group.status == 1)
        #expect(group.stderr.contains("hikers") && group.stderr.split(separator: "\n").count == 1, "one line, not one per day: \(group.stderr)")
    }

    @Test func placeholdersAreUniquePerDaySlotAndTheme() {
        func body(_ day: Int, _ slot: String, _ theme: String) -> String {
            Placeholder.body(
                Placeholder.Context(
                    kind: .moment, date: LocalDate(year: 2026, month: 12, day: day)!, slot: slot, time: nil, personaName: "小招",
                    themeLabel: theme),
                zh: true)
        }
        let bodies = [body(14, "morning", "生活日常"), body(14, "noon", "生活日常"), body(15, "morning", "生活日常"), body(14, "morning", "专业干货")]
        #expect(Set(bodies.map { DuplicateCopyRule.key($0) }).count == 4)
    }
}
