import Foundation
import Testing
@testable import Planner

/// The page structure of SPEC §11.8 as a user finds it: month pages, the
/// index on today's month, warnings by rule and paginated, week titles,
/// persona months, the groups and segments indexes, the combined feed.
@Suite struct NavigationPagesTests {
    static let twoMonths = TestPlan.planYAML.replacingOccurrences(of: "end: 2026-12-31", with: "end: 2027-01-31")

    private func render(
        _ plan: TestPlan, today: String, language: Language = .zhCN, extraDiagnostics: [Diagnostic] = []
    ) throws -> URL {
        let result = plan.check()
        let resolved = try #require(result.plan)
        let output = plan.root.appendingPathComponent("site-\(today)-\(language.rawValue)")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        let theme = try Theme.load(name: "default", overrideDirectory: nil)
        try SiteRenderer(
            plan: resolved, diagnostics: result.diagnostics + extraDiagnostics, theme: theme, language: language,
            today: LocalDate(parsing: today)!, contentRoot: plan.content
        ).render(into: output)
        return output
    }

    private func read(_ root: URL, _ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    private func exists(_ root: URL, _ path: String) -> Bool {
        FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path)
    }

    @Test func aPlanOfTwoMonthsOpensOnTodaysMonthAndLinksBoth() throws {
        let plan = try TestPlan(
            [
                "moments/a.md": TestPlan.moment(date: "2026-12-05", slot: "morning", body: "十二月的内容。"),
                "moments/b.md": TestPlan.moment(date: "2027-01-10", slot: "morning", body: "一月的内容。"),
            ], plan: Self.twoMonths)
        defer { plan.remove() }
        let site = try render(plan, today: "2027-01-10")
        #expect(exists(site, "months/2026-12.html") && exists(site, "months/2027-01.html"))
        let index = try read(site, "index.html")
        #expect(index.contains("<h2>2027年1月</h2>"), "index.html is the month holding today")
        #expect(!index.contains("<h2>2026年12月</h2>"), "one month per page")
        #expect(index.contains("href=\"months/2026-12.html\""))
        #expect(index.contains("href=\"months/2027-01.html\" aria-current=\"page\""))
        #expect(index.contains("class=\"today-link\" href=\"#d-2027-01-10\""), "the today link scrolls to today's cell")
        #expect(index.contains("id=\"d-2027-01-10\""))
        #expect(index.contains("<a href=\"weeks/2027-W01.html\">周视图</a>"), "the navigation's week is today's")
        let december = try read(site, "months/2026-12.html")
        #expect(december.contains("<h2>2026年12月</h2>"))
        #expect(december.contains("href=\"../months/2027-01.html\" rel=\"next\""), "next month link")
        #expect(december.contains("href=\"../index.html#d-2027-01-10\""), "another month's today link leads to today's page")
        // Today outside the range: the first month.
        let before = try render(plan, today: "2026-11-01", language: .en)
        let first = try read(before, "index.html")
        #expect(first.contains("<h2>December 2026</h2>"))
        #expect(!first.contains("today-link"), "no today link when today is outside the plan")
    }

    @Test func personaPagesShowTodaysMonthAndLinkTheOthers() throws {
        let plan = try TestPlan(
            [
                "moments/a.md": TestPlan.moment(date: "2026-12-05", slot: "morning", body: "十二月的内容。"),
                "moments/b.md": TestPlan.moment(date: "2027-01-10", slot: "morning", body: "一月的内容。"),
            ], plan: Self.twoMonths)
        defer { plan.remove() }
        let site = try render(plan, today: "2026-12-05")
        let persona = try read(site, "personas/xiaozhao.html")
        #expect(persona.contains("<h2>2026年12月</h2>"))
        #expect(persona.contains("href=\"../personas/xiaozhao/2027-01.html\""))
        let january = try read(site, "personas/xiaozhao/2027-01.html")
        #expect(january.contains("<h2>2027年1月</h2>"))
        #expect(january.contains("href=\"../../personas/xiaozhao.html\""), "back to the persona's page")
        #expect(january.contains("href=\"../../items/"), "the month's items are linked")
        #expect(january.contains("id=\"diagnostics\""))
    }

    @Test func warningsCountByRuleAndPagePast500Findings() throws {
        let plan = try TestPlan(["moments/a.md": TestPlan.moment(date: "2026-12-05", slot: "morning")])
        defer { plan.remove() }
        let findings = (1...501).map { number in
            Diagnostic(
                ruleID: "banned-word", severity: .warning, message: Localized(zh: "第 \(number) 条", en: "Finding \(number)"),
                location: SourceLocation(file: "content/moments/a.md", line: number), fingerprint: "f\(number)")
        }
        let site = try render(plan, today: "2026-12-05", language: .en, extraDiagnostics: findings)
        let index = try read(site, "warnings/index.html")
        #expect(index.contains("<a href=\"../warnings/banned-word.html\">Banned words</a> <code class=\"rule-id\">banned-word</code>"))
        #expect(index.contains("<td>501</td>"))
        let first = try read(site, "warnings/banned-word.html")
        let second = try read(site, "warnings/banned-word-2.html")
        #expect(first.components(separatedBy: "<li class=\"diagnostic").count - 1 == 500)
        #expect(second.components(separatedBy: "<li class=\"diagnostic").count - 1 == 1)
        #expect(second.contains("Finding 501"))
        #expect(first.contains("href=\"banned-word-2.html\""), "the first page links the second")
        #expect(second.contains("href=\"banned-word.html\""), "and back")
        #expect(!exists(site, "warnings/banned-word-3.html"))
        let zh = try render(plan, today: "2026-12-05", language: .zhCN, extraDiagnostics: findings)
        #expect(try read(zh, "warnings/index.html").contains(">出现禁用词</a>"))
    }

    @Test func everyRuleHasANameInBothLanguages() {
        for id in RuleCatalogue.ids {
            let zh = RuleNames.name(id, language: .zhCN), en = RuleNames.name(id, language: .en)
            #expect(zh != id && en != id && zh != en, "\(id) has no display name")
        }
    }

    @Test func weekTitlesReadAsPeopleSayThem() throws {
        let week51 = LocalDate(parsing: "2026-12-14")!.isoWeek
        #expect(WeekTitle.text(week51, language: .zhCN) == "第 51 周 · 12月14日–12月20日")
        #expect(WeekTitle.text(week51, language: .en) == "Week 51 · Dec 14–20")
        let week53 = LocalDate(parsing: "2026-12-28")!.isoWeek
        #expect(WeekTitle.text(week53, language: .zhCN) == "第 53 周 · 12月28日–1月3日")
        #expect(WeekTitle.text(week53, language: .en) == "Week 53 · Dec 28–Jan 3")
        let plan = try TestPlan(["moments/a.md": TestPlan.moment(date: "2026-12-29", slot: "morning")])
        defer { plan.remove() }
        let site = try render(plan, today: "2026-12-05")
        #expect(try read(site, "weeks/2026-W53.html").contains("<h1>第 53 周 · 12月28日–1月3日</h1>"))
        #expect(try read(site, "playbook/index.html").contains("第 53 周 · 12月28日–1月3日"))
        let week = try read(site, "weeks/2026-W51.html")
        #expect(week.contains("<form class=\"filters\""), "the week page has the month's filters")
        #expect(try read(site, "static/themes.css").contains(".week-grid .chip:not(.fp0)"), "and they work without JavaScript")
    }

    @Test func theCombinedFeedStartsThirtyDaysBeforeToday() throws {
        let plan = try TestPlan([
            "moments/old.md": TestPlan.moment(date: "2026-12-04", slot: "morning", body: "三十一天前。"),
            "moments/edge.md": TestPlan.moment(date: "2026-12-05", slot: "morning", body: "正好三十天前。"),
            "moments/new.md": TestPlan.moment(date: "2027-01-04", slot: "morning", body: "今天。"),
        ], plan: Self.twoMonths)
        defer { plan.remove() }
        let site = try render(plan, today: "2027-01-04")
        let combined = try read(site, "calendar.ics")
        #expect(!combined.contains("三十一天前"))
        #expect(combined.contains("正好三十天前") && combined.contains("今天"))
        let persona = try read(site, "personas/xiaozhao.ics")
        #expect(persona.contains("三十一天前") && persona.contains("今天"), "a persona's feed keeps everything")
    }

    @Test func theNavigationReachesGroupsAndSegmentsAndMarksTheSection() throws {
        let plan = try TestPlan([
            "topics/a.md": TestPlan.topic(date: "2026-12-05", slot: "morning"),
        ])
        defer { plan.remove() }
        let site = try render(plan, today: "2026-12-05", language: .en)
        let index = try read(site, "index.html")
        #expect(index.contains("<a href=\"groups/index.html\">Groups</a>"))
        #expect(index.contains("<a href=\"segments/index.html\">Segments</a>"))
        #expect(index.contains("<a href=\"index.html\" aria-current=\"page\">Calendar</a>"))
        let groups = try read(site, "groups/index.html")
        #expect(groups.contains("<a href=\"../groups/index.html\" aria-current=\"page\">Groups</a>"))
        #expect(groups.contains("href=\"../groups/runners.html\">晨跑俱乐部</a>"))
        #expect(groups.contains("1 topic"))
        let segments = try read(site, "segments/index.html")
        #expect(segments.contains("href=\"../segments/payroll.html\">代发客群</a>"))
        #expect(segments.contains("href=\"../segments/car.html\">车主客群</a>"))
        #expect(try read(site, "segments/payroll.html").contains("<a href=\"../segments/index.html\" aria-current=\"page\">Segments</a>"))
        #expect(try read(site, "static/style.css").contains(".nav a[aria-current=\"page\"] {"), "the current section is styled")
    }

    @Test func chartsSayWhatTheyCount() throws {
        let plan = try TestPlan([
            "moments/a.md": TestPlan.moment(date: "2026-12-05", slot: "morning"),
            "surprises/a.md": TestPlan.surprise(date: "2026-12-05", segments: ["payroll"]),
        ])
        defer { plan.remove() }
        let site = try render(plan, today: "2026-12-10")
        let persona = try read(site, "personas/xiaozhao.html")
        #expect(persona.contains("class=\"value value-total\""), "the numbers are on the chart")
        #expect(!persona.contains("status-legend"), "the chart's legend is of themes only")
        #expect(persona.contains("<table class=\"mix\">"), "a table beside the chart")
        let segment = try read(site, "segments/payroll.html")
        #expect(segment.contains("近 30 天有效触达（11月11日–12月10日）：1 次"))
        #expect(segment.contains("上限：每 7 天"))
        #expect(segment.contains("下限：每 30 天 7 次"))
        #expect(segment.contains("<table class=\"list-table\">"))
        let en = try render(plan, today: "2026-12-10", language: .en)
        #expect(try read(en, "segments/payroll.html").contains("Effective touches, last 30 days"))
    }

    /// serve renders into the same folder again: a warnings page that a fresh
    /// build would not write (the findings fell under 501) is gone, and the
    /// pages it keeps read as a fresh build's.
    @Test func aServeRenderDropsPagesAFreshBuildWouldNotWrite() throws {
        let plan = try TestPlan(["moments/a.md": TestPlan.moment(date: "2026-12-05", slot: "morning")])
        defer { plan.remove() }
        let result = plan.check()
        let resolved = try #require(result.plan)
        let theme = try Theme.load(name: "default", overrideDirectory: nil)
        func findings(_ count: Int) -> [Diagnostic] {
            (1...count).map {
                Diagnostic(
                    ruleID: "banned-word", severity: .warning, message: Localized(zh: "第 \($0) 条", en: "Finding \($0)"),
                    location: SourceLocation(file: "content/moments/a.md", line: $0), fingerprint: "f\($0)")
            }
        }
        let memo = RenderMemo()
        let served = plan.root.appendingPathComponent("served")
        let fresh = plan.root.appendingPathComponent("fresh")
        for folder in [served, fresh] { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        func render(_ diagnostics: [Diagnostic], into folder: URL, memo: RenderMemo?) throws {
            try SiteRenderer(
                plan: resolved, diagnostics: result.diagnostics + diagnostics, theme: theme, language: .en,
                today: LocalDate(parsing: "2026-12-05")!, contentRoot: plan.content, serveMode: true, memo: memo
            ).render(into: folder)
        }
        try render(findings(501), into: served, memo: memo)
        #expect(exists(served, "warnings/banned-word-2.html"))
        try render(findings(3), into: served, memo: memo)
        try render(findings(3), into: fresh, memo: nil)
        #expect(!exists(served, "warnings/banned-word-2.html"), "the second page is gone")
        for page in ["warnings/index.html", "warnings/banned-word.html", "index.html", "months/2026-12.html"] {
            #expect(try read(served, page) == read(fresh, page), "\(page) reads as a fresh build's")
        }
    }

    @Test func aPersonasFindingsAreOnTheirMonthsPage() throws {
        let plan = try TestPlan(
            [
                "moments/a.md": TestPlan.moment(date: "2026-12-05", slot: "morning", body: "十二月的内容。"),
                "moments/b.md": TestPlan.moment(date: "2027-01-10", slot: "morning", body: "一月的内容，保本。"),
            ], plan: Self.twoMonths)
        defer { plan.remove() }
        let site = try render(plan, today: "2026-12-05")
        #expect(!(try read(site, "personas/xiaozhao.html")).contains("<code>banned-word</code>"), "December's page has no January finding")
        #expect(try read(site, "personas/xiaozhao/2027-01.html").contains("<code>banned-word</code>"))
        // The day badges of a persona's month count that persona's findings, not another's.
        let other = try TestPlan(
            [
                "personas/xiaoying.md": "---\nname: 小影\n---\n故事。\n",
                "moments/a.md": TestPlan.moment(date: "2026-12-05", slot: "morning", persona: "xiaoying", body: "保本。"),
            ])
        defer { other.remove() }
        let both = try render(other, today: "2026-12-05")
        /// Dec 5's cell, up to the next day's.
        func december5(_ page: String) throws -> String {
            let html = try read(both, page)
            guard let start = html.range(of: "id=\"d-2026-12-05\""), let end = html.range(of: "id=\"d-2026-12-06\"") else { return "" }
            return String(html[start.lowerBound..<end.lowerBound])
        }
        #expect(try december5("index.html").contains("warnings/banned-word.html"), "the calendar badges the day")
        #expect(try december5("personas/xiaoying.html").contains("warnings/banned-word.html"))
        #expect(!(try december5("personas/xiaozhao.html")).contains("warnings/banned-word.html"), "小招's month does not")
    }

    /// Findings with ten related places each are long: their pages end before 500 so no page nears 1 MB.
    @Test func longFindingsTakeMorePagesThanShortOnes() throws {
        let plan = try TestPlan(["moments/a.md": TestPlan.moment(date: "2026-12-05", slot: "morning")])
        defer { plan.remove() }
        let related = (1...10).map {
            RelatedLocation(
                location: SourceLocation(file: "content/moments/2026-12/一条很长的文件名-\($0).md", line: 2),
                message: Localized(zh: "2026-12-05 07:30 · 一条内容的标题，写得比较长一些", en: "2026-12-05 07:30 · a title of some length"))
        }
        let findings = (1...500).map { number in
            Diagnostic(
                ruleID: "touch-cap", severity: .warning, message: Localized(zh: "客群“代发客群”7 天内有 12 次有效触达（第 \(number) 条）", en: "Finding \(number)"),
                location: SourceLocation(file: "content/moments/a.md", line: number), related: related, fingerprint: "f\(number)")
        }
        let site = try render(plan, today: "2026-12-05", language: .zhCN, extraDiagnostics: findings)
        #expect(exists(site, "warnings/touch-cap-2.html"), "500 long findings take two pages")
        for page in ["warnings/touch-cap.html", "warnings/touch-cap-2.html"] {
            let size = try FileManager.default.attributesOfItem(atPath: site.appendingPathComponent(page).path)[.size] as? Int ?? 0
            #expect(size < 1_000_000, "\(page) is \(size) bytes")
        }
    }

    /// An item outside the range whose week meets none of it links no week page (none is written).
    @Test func anItemFarOutsideTheRangeLinksNoMissingWeek() throws {
        let plan = try TestPlan([
            "moments/in.md": TestPlan.moment(date: "2027-01-02", slot: "morning"),
            "moments/far.md": TestPlan.moment(date: "2027-01-20", slot: "morning"),
        ])
        defer { plan.remove() }
        let site = try render(plan, today: "2026-12-05")
        let pages = try FileManager.default.contentsOfDirectory(atPath: site.appendingPathComponent("items/moments").path)
        let far = try read(site, "items/moments/" + (try #require(pages.first { $0.hasPrefix("far") })))
        #expect(!far.contains("weeks/2027-W03.html"))
        #expect(!exists(site, "weeks/2027-W03.html"))
        let near = try read(site, "items/moments/" + (try #require(pages.first { $0.hasPrefix("in") })))
        #expect(near.contains("weeks/2026-W53.html\">第 53 周 · 12月28日–1月3日</a>"), "a week that meets the range is linked")
        #expect(exists(site, "weeks/2026-W53.html"))
    }

    /// A segment or group whose id is `index` keeps a page of its own beside the index page.
    @Test func aSegmentCalledIndexDoesNotReplaceTheSegmentsIndex() throws {
        let yaml = TestPlan.planYAML
            .replacingOccurrences(of: "  car: {label: 车主客群}", with: "  car: {label: 车主客群}\n  index: {label: 索引客群}")
            .replacingOccurrences(of: "  runners: {label: 晨跑俱乐部, owner: xiaozhao, segments: [payroll]}", with: "  runners: {label: 晨跑俱乐部, owner: xiaozhao, segments: [payroll]}\n  index: {label: 索引群, owner: xiaozhao, segments: [index]}")
        let plan = try TestPlan(["moments/a.md": TestPlan.moment(date: "2026-12-05", slot: "morning")], plan: yaml)
        defer { plan.remove() }
        let site = try render(plan, today: "2026-12-05", language: .en)
        let segments = try read(site, "segments/index.html")
        #expect(segments.contains("<h1>Segments</h1>"))
        #expect(segments.contains("href=\"../segments/index-segment.html\">索引客群</a>"))
        #expect(try read(site, "segments/index-segment.html").contains("索引客群"))
        let groups = try read(site, "groups/index.html")
        #expect(groups.contains("<h1>Groups</h1>"))
        #expect(groups.contains("href=\"../groups/index-group.html\">索引群</a>"))
    }
}
