import Foundation
import Testing
@testable import Planner

/// The client manager's working pages: today/, copy-first item pages, the
/// playbook by persona and its rules, rendered for real into a folder.
@Suite struct TodayPagesTests {
    private func render(_ plan: TestPlan, today: String = "2026-12-10", language: Language = .zhCN) throws -> URL {
        let result = plan.check(today: today)
        let resolved = try #require(result.plan)
        #expect(!result.diagnostics.contains { $0.severity == .error }, "\(result.diagnostics.map(\.message))")
        let output = plan.root.appendingPathComponent("site-\(language)")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        let theme = try Theme.load(name: "default", overrideDirectory: nil)
        try SiteRenderer(
            plan: resolved, diagnostics: result.diagnostics, theme: theme, language: language,
            today: LocalDate(parsing: today)!, contentRoot: plan.content
        ).render(into: output)
        return output
    }

    private func read(_ root: URL, _ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    /// Where `needle` starts in `text` (as a character offset), or nil.
    private func position(_ needle: String, in text: String) -> Int? {
        text.range(of: needle).map { text.distance(from: text.startIndex, to: $0.lowerBound) }
    }

    private func plan() throws -> TestPlan {
        try TestPlan([
            "moments/before.md": TestPlan.moment(date: "2026-12-09", slot: "morning", body: "昨天的内容。"),
            "moments/evening.md": TestPlan.moment(date: "2026-12-10", time: "20:30", body: "晚上第一行\n\n晚上第二行"),
            "moments/morning.md": TestPlan.moment(date: "2026-12-10", time: "07:30", extra: "images: [assets/run.png]", body: "早上**跑步**。"),
            "moments/later.md": TestPlan.moment(date: "2026-12-12", time: "09:00", extra: "status: draft", body: "后天的内容。"),
            "moments/last.md": TestPlan.moment(date: "2026-12-17", time: "09:00", body: "第八天的内容。"),
            "moments/outside.md": TestPlan.moment(date: "2026-12-18", time: "09:00", body: "第九天的内容。"),
            "topics/a.md": TestPlan.topic(date: "2026-12-11", time: "12:00", body: "明天的话题。"),
            "surprises/a.md": TestPlan.surprise(date: "2026-12-11", time: "15:00", extra: "person: 王阿姨", body: "明天的惊喜。"),
            "assets/run.png": "not really a png",
            "people/wang-ayi.md": "---\nalias: 王阿姨\n---\n",
        ])
    }

    @Test func todayPageHoldsEightDaysInTimeOrderShowingTodayAndTomorrow() throws {
        let plan = try plan()
        defer { plan.remove() }
        let site = try render(plan)
        let page = try read(site, "today/xiaozhao.html")
        #expect(!page.contains("昨天的内容"), "days before today are left out")
        #expect(!page.contains("第九天的内容"), "today + 8 is left out")
        #expect(page.contains("第八天的内容"), "today + 7 is in")
        let morning = try #require(position("早上跑步。", in: page), "the copy as posted: plain text")
        let evening = try #require(position("晚上第一行\n\n晚上第二行", in: page), "line breaks kept")
        #expect(morning < evening, "a day's items in time order, not file order")
        #expect(page.contains("data-date=\"2026-12-10\" aria-labelledby=\"day-2026-12-10\">"), "today shown")
        #expect(page.contains("data-date=\"2026-12-11\" aria-labelledby=\"day-2026-12-11\">"), "tomorrow shown")
        #expect(page.contains("data-date=\"2026-12-12\" aria-labelledby=\"day-2026-12-12\" hidden>"), "later days embedded, hidden")
        #expect(page.contains("data-timezone=\"Asia/Shanghai\""))
        #expect(page.contains("晨跑俱乐部"), "a topic names its group")
        #expect(page.contains("王阿姨"), "a surprise names its person")
        #expect(page.contains("09:00 · 朋友圈 · ⚠ 草稿"), "a draft is marked where it would be copied")
        #expect(page.contains("download=\"run.png\""), "each image has a save link")
        #expect(page.contains("<img src=\"../assets/run.png\""))
        #expect(page.contains("href=\"../items/moments/morning.html\""), "each item links its page")
        #expect(!page.contains("<script>"), "no inline script (CSP)")
        let index = try read(site, "today/index.html")
        #expect(index.contains("href=\"xiaozhao.html\""), "the today index links each persona")
        #expect(try read(site, "index.html").contains("href=\"today/index.html\""), "the navigation reaches today/")
    }

    @Test func withoutJavaScriptTodayPageSaysWhichDayItShows() throws {
        let plan = try plan()
        defer { plan.remove() }
        let zh = try render(plan)
        let page = try read(zh, "today/xiaozhao.html")
        #expect(page.contains("<p class=\"today-note\">本页生成于 12月10日 周四"))
        let en = try render(plan, language: .en)
        let english = try read(en, "today/xiaozhao.html")
        #expect(english.contains("<p class=\"today-note\">This page was made on Thu 2026-12-10"))
        #expect(english.contains("Today ({today}) is outside the eight days"), "the script's words come in the page's language")
    }

    @Test func itemPageShowsCopyAndImagesBeforeMetadata() throws {
        let plan = try plan()
        defer { plan.remove() }
        let site = try render(plan)
        let page = try read(site, "items/moments/morning.html")
        let title = try #require(position("<h1", in: page))
        let copy = try #require(position("<div class=\"body\">", in: page))
        let button = try #require(position("class=\"copy-button\"", in: page))
        let image = try #require(position("<img src=", in: page))
        let metadata = try #require(position("<dl class=\"fields", in: page))
        #expect(title < copy && copy < button && button < image && image < metadata)
        #expect(try read(site, "items/moments/morning.html").contains("<dt>时间</dt>"), "metadata kept, below")
    }

    @Test func personaPlaybookWeekCarriesImagesAndTheIndexLinksIt() throws {
        let plan = try TestPlan([
            "personas/xiaoying.md": TestPlan.persona(name: "小影"),
            "moments/a.md": TestPlan.moment(date: "2026-12-10", time: "07:30", extra: "images: [assets/run.png]", body: "小招的跑步。"),
            "moments/b.md": TestPlan.moment(date: "2026-12-10", time: "12:30", persona: "xiaoying", body: "小影的照片。"),
            "assets/run.png": "not really a png",
        ])
        defer { plan.remove() }
        let site = try render(plan)
        let week = try read(site, "playbook/xiaozhao/2026-W50.html")
        #expect(week.contains("小招的跑步"))
        #expect(!week.contains("小影的照片"), "only the persona's items")
        #expect(week.contains("<img src=\"../../assets/run.png\" alt=\""), "the items' images, with alt text")
        #expect(try read(site, "playbook/2026-W50.html").contains("<img src=\"../assets/run.png\""))
        #expect(try read(site, "playbook/index.html").contains("href=\"xiaoying/2026-W50.html\""))
    }

    @Test func playbookRulesAreTheOnesClientManagersActOn() throws {
        #expect(RuleCatalogue.rule("front-matter")?.concern == .files)
        #expect(RuleCatalogue.rule("unknown-ref")?.concern == .files)
        #expect(RuleCatalogue.rule("posts-per-day")?.concern == .practice)
        #expect(RuleCatalogue.rule("banned-word")?.concern == .practice)
        #expect(RuleCatalogue.rule("calendar-data")?.concern == .files)
        #expect(RuleCatalogue.rule("quiet-day")?.concern == .practice)
        let plan = try plan()
        defer { plan.remove() }
        let site = try render(plan)
        let index = try read(site, "playbook/index.html")
        #expect(index.contains("<code>posts-per-day</code>"))
        #expect(index.contains("<code>min-gap</code>"))
        #expect(!index.contains("<code>front-matter</code>"), "file plumbing stays out of the playbook")
        #expect(!index.contains("<code>unknown-key</code>"))
        #expect(try read(site, "help/index.html").contains("front-matter"), "help still lists every rule")
    }

    @Test func buildTodayFlagPicksTheDayOfTheExamplePlan() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("plan-build-today-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let content = ExamplePlanTests.package.appendingPathComponent("content").path
        let run = try CLI.run(["build", "--content", content, "--output", "site", "--today", "2026-12-12", "--quiet"], in: root)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        let page = try read(root.appendingPathComponent("site"), "today/xiaozhao.html")
        #expect(page.contains("data-built=\"2026-12-12\""))
        let race = try #require(position("race-bib.png", in: page), "12-12's item with its image")
        let first = try #require(position("class=\"today-day\"", in: page))
        #expect(first < race)
        #expect(!page.contains("data-date=\"2026-12-11\""), "the day before --today is not in the page")
        #expect(page.contains("data-date=\"2026-12-19\""), "--today + 7 is")
    }
}
