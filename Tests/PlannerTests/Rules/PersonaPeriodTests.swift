import Foundation
import Testing
@testable import Planner

/// Persona keys `start`, `end` and `pauses` (spec 11.2): the cadence rules
/// look only at the days the persona works, and an item on another day is
/// out-of-range.
@Suite struct PersonaPeriodTests {
    /// A moment every day of `days` for 小招, alternating life / professional / interaction.
    private func daily(_ days: ClosedRange<Int>, persona: String = "xiaozhao") -> [String: String] {
        var files: [String: String] = [:]
        let themes = ["life", "professional", "interaction"]
        for day in days {
            files["moments/\(persona)-\(day).md"] = TestPlan.moment(
                date: TestPlan.dec(day), slot: "morning", persona: persona, theme: themes[day % 3], body: "\(persona) 第 \(day) 天。")
        }
        return files
    }

    @Test func consecutiveGapDaysAreOneFindingForTheRange() throws {
        var files = daily(1...13)
        files.merge(daily(21...31)) { $1 }
        let plan = try TestPlan(files)
        defer { plan.remove() }
        let found = plan.check().diagnostics("posts-per-day")
        #expect(found.count == 1)
        let diagnostic = try #require(found.first)
        #expect(diagnostic.message.zh.contains("12-14 至 12-20 共 7 天没有朋友圈"))
        #expect(diagnostic.message.en.contains("no moments for 7 days, 2026-12-14 to 12-20"))
        #expect(diagnostic.date?.description == "2026-12-14")
        #expect(diagnostic.persona == "xiaozhao")
        // No item lies in a gap: the persona's declaration, with the moments around it related.
        #expect(diagnostic.location.description == "content/personas/xiaozhao.md:2:1")
        #expect(diagnostic.related.map(\.itemID) == ["moments/xiaozhao-13", "moments/xiaozhao-21"])
        #expect(diagnostic.fingerprint == Fingerprint.make(["posts-per-day", "xiaozhao", "2026-12-14", "2026-12-20"]))
    }

    @Test func aGapRangeKeepsItsFingerprintWhenOtherDaysChange() throws {
        var files = daily(1...13)
        files.merge(daily(21...31)) { $1 }
        let before = try TestPlan(files)
        defer { before.remove() }
        files["moments/extra.md"] = TestPlan.moment(date: "2026-12-03", slot: "evening", theme: "life", body: "另一条。")
        let after = try TestPlan(files)
        defer { after.remove() }
        #expect(before.check().diagnostics("posts-per-day").map(\.fingerprint) == after.check().diagnostics("posts-per-day").map(\.fingerprint))
    }

    @Test func aPersonaStartingMidMonthIsNotBlamedBeforeItsStart() throws {
        let plan = try TestPlan(
            daily(15...31, persona: "xiaoying").merging(daily(1...31)) { $1 }.merging([
                "personas/xiaoying.md": TestPlan.persona(name: "小影", extra: "start: 2026-12-15")
            ]) { $1 })
        defer { plan.remove() }
        let result = plan.check()
        #expect(result.diagnostics("posts-per-day").isEmpty)
        // W51 (12-14…12-20) holds a day before the start: only W52 is a whole week of 小影's.
        #expect(result.diagnostics("theme-mix").isEmpty)
        #expect(result.diagnostics("out-of-range").isEmpty)
    }

    @Test func aPauseSplitsGapsAndItsDaysAreNoGap() throws {
        var files = daily(1...31)
        for day in 10...20 { files["moments/xiaozhao-\(day).md"] = nil }
        files["personas/xiaozhao.md"] = TestPlan.persona(
            name: "小招", extra: "pauses:\n  - {from: 2026-12-12, to: 2026-12-18, reason: 年假}")
        let plan = try TestPlan(files)
        defer { plan.remove() }
        let found = plan.check().diagnostics("posts-per-day")
        // 12-10…12-11 and 12-19…12-20: two ranges, the pause between them is no gap.
        #expect(found.map(\.date?.description) == ["2026-12-10", "2026-12-19"])
        #expect(found.allSatisfy { $0.message.en.contains("for 2 days") })
    }

    @Test func anItemOnAnInactiveDayIsOutOfRange() throws {
        var files = daily(1...31)
        files["personas/xiaozhao.md"] = TestPlan.persona(
            name: "小招", extra: "start: 2026-12-03\nend: 2026-12-29\npauses: [{from: 2026-12-24, to: 2026-12-26, reason: 年假}]")
        let plan = try TestPlan(files)
        defer { plan.remove() }
        let result = plan.check()
        let found = result.diagnostics("out-of-range")
        #expect(found.map(\.itemID) == [
            "moments/xiaozhao-1", "moments/xiaozhao-2", "moments/xiaozhao-24", "moments/xiaozhao-25",
            "moments/xiaozhao-26", "moments/xiaozhao-30", "moments/xiaozhao-31",
        ].sorted())
        let pause = try #require(found.first { $0.itemID == "moments/xiaozhao-25" })
        #expect(pause.message.zh == "2026-12-25 在小招的暂停期 2026-12-24 至 2026-12-26（年假）之内。")
        #expect(pause.message.en == "2026-12-25 falls in 小招's pause from 2026-12-24 to 2026-12-26 (年假).")
        #expect(pause.location.line == 2)
        #expect(pause.related.first?.location.file == "content/personas/xiaozhao.md")
        let early = try #require(found.first { $0.itemID == "moments/xiaozhao-1" })
        #expect(early.message.en == "2026-12-01 is before 小招's start, 2026-12-03: the persona is not working yet.")
        #expect(early.related.first?.location.description == "content/personas/xiaozhao.md:3:1")
        // The inactive days' moments count for nothing else.
        #expect(result.diagnostics("posts-per-day").isEmpty)
    }

    @Test func cadenceRulesLookOnlyAtActiveDaysAndWholeActiveWindows() throws {
        // Promotion every day of a pause and on the days around it: only the active days count.
        var files = daily(1...31)
        for day in 14...20 {
            files["moments/xiaozhao-\(day).md"] = TestPlan.moment(
                date: TestPlan.dec(day), slot: "morning", theme: "promotion", body: "推广 \(day)。理财有风险，投资需谨慎")
        }
        files["moments/p13.md"] = TestPlan.moment(date: TestPlan.dec(13), slot: "evening", theme: "promotion", body: "推广 13。理财有风险，投资需谨慎")
        files["personas/xiaozhao.md"] = TestPlan.persona(
            name: "小招", extra: "disclaimer: 理财有风险，投资需谨慎\npauses: [{from: 2026-12-14, to: 2026-12-20}]")
        let plan = try TestPlan(files)
        defer { plan.remove() }
        let result = plan.check()
        for rule in ["promo-streak", "promo-share", "theme-streak", "theme-mix", "posts-per-day", "min-gap"] {
            #expect(result.diagnostics(rule).isEmpty, "\(rule)")
        }
        #expect(result.diagnostics("out-of-range").count == 7)
    }

    @Test func nearMissTheSameWeekWithoutAPauseIsReported() throws {
        var files = daily(1...31)
        for day in 14...20 {
            files["moments/xiaozhao-\(day).md"] = TestPlan.moment(
                date: TestPlan.dec(day), slot: "morning", theme: "promotion", body: "推广 \(day)。理财有风险，投资需谨慎")
        }
        files["personas/xiaozhao.md"] = TestPlan.persona(name: "小招", extra: "disclaimer: 理财有风险，投资需谨慎")
        let plan = try TestPlan(files)
        defer { plan.remove() }
        let result = plan.check()
        for rule in ["promo-streak", "promo-share", "theme-streak", "theme-mix"] {
            #expect(!result.diagnostics(rule).isEmpty, "\(rule)")
        }
    }

    @Test func badPeriodsAreFrontMatterErrorsAtTheirLine() throws {
        let plan = try TestPlan([
            "personas/xiaozhao.md": TestPlan.persona(
                name: "小招", extra: "start: 2026-12-20\nend: 2026-12-10\npauses:\n  - {from: 2026-12-05, to: 2026-12-01}\n  - {from: 12月5日}"),
        ])
        defer { plan.remove() }
        let found = plan.check().diagnostics("front-matter")
        #expect(found.map(\.location.line) == [4, 6, 7])
        #expect(found.allSatisfy { $0.location.file == "content/personas/xiaozhao.md" })
    }
}

@Suite struct PersonaPeriodSiteTests {
    @Test func thePersonaPageAndPlanJSONShowTheWorkingPeriod() throws {
        let plan = try TestPlan([
            "personas/xiaozhao.md": TestPlan.persona(
                name: "小招", extra: "start: 2026-12-03\npauses: [{from: 2026-12-24, to: 2026-12-26, reason: 年假}]"),
            "moments/a.md": TestPlan.moment(date: "2026-12-05", slot: "morning"),
        ])
        defer { plan.remove() }
        let result = plan.check()
        let resolved = try #require(result.plan)
        let output = plan.root.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try SiteRenderer(
            plan: resolved, diagnostics: result.diagnostics, theme: try Theme.load(name: "default", overrideDirectory: nil),
            language: .zhCN, today: LocalDate(parsing: "2026-12-05")!, contentRoot: plan.content
        ).render(into: output)
        let page = try String(contentsOf: output.appendingPathComponent("personas/xiaozhao.html"), encoding: .utf8)
        #expect(page.contains("<dt>工作期</dt><dd>2026-12-03 起；暂停 2026-12-24 至 2026-12-26（年假）</dd>"))
        let json = try String(contentsOf: output.appendingPathComponent("plan.json"), encoding: .utf8)
        #expect(json.contains("\"start\": \"2026-12-03\""))
        #expect(json.contains("\"reason\": \"年假\""))
    }
}
