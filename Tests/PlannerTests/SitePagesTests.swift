import Foundation
import Testing
@testable import Planner

/// The site's page models and theme, rendered for real into a folder.
@Suite struct SitePagesTests {
    private func render(_ plan: TestPlan, language: Language = .zhCN) throws -> URL {
        let result = plan.check()
        let resolved = try #require(result.plan)
        let output = plan.root.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        let theme = try Theme.load(name: "default", overrideDirectory: nil)
        try SiteRenderer(
            plan: resolved, diagnostics: result.diagnostics, theme: theme, language: language,
            today: LocalDate(parsing: "2026-12-05")!, contentRoot: plan.content
        ).render(into: output)
        return output
    }

    private func read(_ root: URL, _ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    @Test func initialsTellChineseNicknamesApart() {
        #expect(Initials.of("小招") == "招")
        #expect(Initials.of("小影") == "影")
        #expect(Initials.of("王经理") == "王")
        #expect(Initials.of("anna") == "A")
        #expect(Initials.of("") == "?")
    }

    @Test func plainTextDropsMarkdownMarks() {
        let text = MarkdownRenderer().plainText("先说**重点**：\n\n1. 第一\n2. 第二\n\n- 甲\n")
        #expect(!text.contains("**"))
        #expect(text.contains("重点"))
        #expect(text.contains("1. 第一"))
        #expect(text.contains("- 甲"))
    }

    @Test func filtersWorkWithoutJavaScriptAndNoIDReachesCSS() throws {
        let plan = try TestPlan([
            "moments/a.md": TestPlan.moment(date: "2026-12-05", slot: "morning", extra: "segments: [car]"),
            "moments/b.md": TestPlan.moment(date: "2026-12-06", slot: "morning"),
        ])
        defer { plan.remove() }
        let site = try render(plan)
        let index = try read(site, "index.html")
        #expect(index.contains("<form class=\"filters\""))
        #expect(!index.contains("<form class=\"filters\" aria-label=\"筛选\" hidden"), "the filters show without JavaScript")
        #expect(index.contains("class=\"chip t"), "chips carry their theme class")
        #expect(index.contains(" fp0 fk0 "), "chips carry index classes for the filters")
        #expect(index.contains("fg1"), "the car segment is the second one")
        #expect(!index.contains(" style="), "no inline style attribute (CSP)")
        #expect(!index.contains("<script>"), "no inline script (CSP)")
        let css = try read(site, "static/themes.css")
        #expect(css.contains("option:nth-child(2):checked) .month .chip:not(.fp0)"))
        #expect(!css.contains("xiaozhao") && !css.contains("car"), "user-written ids never reach CSS")
    }

    @Test func todayMarkerAndSlotNamesInBothLanguages() throws {
        let plan = try TestPlan(["moments/a.md": TestPlan.moment(date: "2026-12-05", slot: "morning")])
        defer { plan.remove() }
        let zh = try render(plan, language: .zhCN)
        #expect(try read(zh, "index.html").contains("<span class=\"today-mark\">今天</span>"))
        #expect(try read(zh, "weeks/2026-W49.html").contains("<span class=\"slot-name\">早上</span>"))
        try FileManager.default.removeItem(at: zh)
        let en = try render(plan, language: .en)
        #expect(try read(en, "index.html").contains("<span class=\"today-mark\">Today</span>"))
        #expect(try read(en, "weeks/2026-W49.html").contains("<span class=\"slot-name\">Morning</span>"))
    }

    @Test func segmentChartShowsCapAndFloor() throws {
        let plan = try TestPlan([
            "surprises/a.md": TestPlan.surprise(date: "2026-12-05", segments: ["payroll"]),
        ])
        defer { plan.remove() }
        let site = try render(plan, language: .en)
        let page = try read(site, "segments/payroll.html")
        #expect(page.contains("guide guide-cap"))
        #expect(page.contains("guide guide-floor"))
        #expect(page.contains("<svg"))
        #expect(page.contains("Fewest effective touches in 30 days"))
    }

    @Test func playbookCopyIsPlainText() throws {
        let plan = try TestPlan([
            "moments/a.md": TestPlan.moment(date: "2026-12-05", slot: "morning", body: "今天**很冷**，多穿点。"),
        ])
        defer { plan.remove() }
        let site = try render(plan)
        let week = try read(site, "playbook/2026-W49.html")
        #expect(week.contains("今天很冷，多穿点。</textarea>"))
        #expect(week.contains("class=\"copy-button\""))
        let feed = try read(site, "calendar.ics")
        #expect(feed.contains("今天很冷"))
        #expect(!feed.contains("**"))
    }
}

extension SitePagesTests {
    /// The week grid marks the cells of `slot-clash`'s findings and no others:
    /// two moments at one minute clash, a moment beside a topic does not.
    static let clashing: [String: String] = [
        "moments/a.md": TestPlan.moment(date: "2026-12-08", time: "12:10"),
        "moments/a2.md": TestPlan.moment(date: "2026-12-08", time: "12:10"),
        "moments/b.md": TestPlan.moment(date: "2026-12-09", time: "12:10"),
        "topics/b.md": TestPlan.topic(date: "2026-12-09", slot: nil, time: "12:10"),
        "moments/c.md": TestPlan.moment(date: "2027-01-03", slot: "morning"),
    ]

    @Test func clashesAndItemsOutsideTheRangeShow() throws {
        let plan = try TestPlan(Self.clashing)
        defer { plan.remove() }
        let site = try render(plan)
        let week = try read(site, "weeks/2026-W50.html")
        #expect(week.components(separatedBy: "<span class=\"clash-mark\">").count - 1 == 1)
        #expect(week.contains("<td class=\"clash\"><span class=\"clash-mark\">"))
        let index = try read(site, "index.html")
        #expect(index.contains("<section class=\"outside\">"))
        #expect(index.contains("<li class=\"outside-date\">2027-01-03</li>"))
    }

    @Test func noClashIsMarkedWhenSlotClashIsOff() throws {
        let plan = try TestPlan(Self.clashing, plan: TestPlan.planYAML + "\nrules:\n  slot-clash: off\n")
        defer { plan.remove() }
        let site = try render(plan)
        #expect(!(try read(site, "weeks/2026-W50.html")).contains("clash-mark"))
    }
}

extension SitePagesTests {
    @Test func rulesReadInPlainWordsWithThePlansValues() throws {
        let plan = try TestPlan(
            ["moments/a.md": TestPlan.moment(date: "2026-12-05", slot: "morning")],
            plan: TestPlan.planYAML + "\nrules:\n  min-gap: {minutes: 90}\n")
        defer { plan.remove() }
        let site = try render(plan, language: .en)
        let playbook = try read(site, "playbook/index.html")
        #expect(playbook.contains("90"))
        #expect(!playbook.contains("{minutes:"), "placeholders are filled in")
        #expect(!playbook.contains("{min: 1, max: 3}"))
    }
}
