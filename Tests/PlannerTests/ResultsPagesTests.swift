import Foundation
import Testing
@testable import Planner

/// The results on the site (SPEC §11.5): rates per persona, theme, segment and
/// ISO week equal a count by hand; the persona page charts its weeks; plan.json carries both.
@Suite struct ResultsPagesTests {
    /// By hand (comments + replies per published item with results):
    /// 小招: 12-02 life 3+1, 12-03 interaction 5+2, 12-04 chat 0+6, 12-08 professional 1+0 → 18 / 4 = 4.5;
    /// 12-09 is ready (not published) and 12-10 has no results: neither counts.
    /// 小影: 12-09 life 2+2 → 4 / 1 = 4.
    private func plan() throws -> TestPlan {
        try TestPlan([
            "personas/xiaoying.md": TestPlan.persona(name: "小影"),
            "moments/02.md": TestPlan.moment(date: "2026-12-02", slot: "morning", theme: "life", extra: "status: published\nresults: {comments: 3, replies: 1}"),
            "moments/03.md": TestPlan.moment(date: "2026-12-03", slot: "morning", theme: "interaction", extra: "status: published\nresults: {likes: 10, comments: 5, replies: 2}"),
            "chats/04.md": TestPlan.chat(date: "2026-12-04", extra: "status: published\nresults: {replies: 6}"),
            "moments/08.md": TestPlan.moment(date: "2026-12-08", slot: "morning", theme: "professional", extra: "status: published\nresults: {comments: 1}"),
            "moments/09.md": TestPlan.moment(date: "2026-12-09", slot: "morning", theme: "life", extra: "status: ready\nresults: {comments: 50}"),
            "moments/10.md": TestPlan.moment(date: "2026-12-10", slot: "morning", theme: "life", extra: "status: published"),
            "moments/y09.md": TestPlan.moment(date: "2026-12-09", slot: "morning", persona: "xiaoying", theme: "life", extra: "status: published\nresults: {comments: 2, replies: 2}"),
        ])
    }

    private func render(_ plan: TestPlan, language: Language) throws -> URL {
        let result = plan.check(today: "2026-12-20")
        let resolved = try #require(result.plan)
        let output = plan.root.appendingPathComponent("site-\(language.rawValue)")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try SiteRenderer(
            plan: resolved, diagnostics: result.diagnostics, theme: try Theme.load(name: "default", overrideDirectory: nil),
            language: language, today: LocalDate(parsing: "2026-12-20")!, contentRoot: plan.content
        ).render(into: output)
        return output
    }

    private func read(_ root: URL, _ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    /// `<th …>label…</th><td>items</td><td>comments</td><td>replies</td><td class="rate">rate</td>`
    private func row(_ label: String, _ items: Int, _ comments: Int, _ replies: Int, _ rate: String) -> String {
        "\(label)</th><td>\(items)</td><td>\(comments)</td><td>\(replies)</td><td class=\"rate\">\(rate)</td>"
    }

    @Test func ratesOnTheResultsPageEqualACountByHand() throws {
        let plan = try plan()
        defer { plan.remove() }
        let site = try render(plan, language: .en)
        let page = try read(site, "results/index.html")
        // Personas.
        #expect(page.contains(row(">小招</a>", 4, 9, 9, "4.5")))
        #expect(page.contains(row(">小影</a>", 1, 2, 2, "4")))
        // Themes: life 12-02 (4) and 小影's 12-09 (4); the chat has no theme.
        #expect(page.contains(row("<th scope=\"row\">生活日常", 2, 5, 3, "4")))
        #expect(page.contains(row("<th scope=\"row\">互动话题", 1, 5, 2, "7")))
        #expect(page.contains(row("<th scope=\"row\">专业干货", 1, 1, 0, "1")))
        #expect(page.contains(row("<th scope=\"row\">产品推广", 0, 0, 0, "—")))
        // Segments: the moments reach both (personas without segments serve all), the chat only payroll.
        #expect(page.contains(row(">代发客群</a>", 5, 11, 11, "4.4")))
        #expect(page.contains(row(">车主客群</a>", 4, 11, 5, "4")))
        // Weeks: W49 17 / 3, W50 5 / 2.
        #expect(page.contains(row(">2026-W49</a>", 3, 8, 9, "5.7")))
        #expect(page.contains(row(">2026-W50</a>", 2, 3, 2, "2.5")))
        #expect(page.contains(row(">2026-W51</a>", 0, 0, 0, "—")))
        // Each table has its chart, which says the same in words.
        #expect(page.components(separatedBy: "<svg").count - 1 == 4)
        #expect(page.contains("aria-label=\"By persona: 小影 4; 小招 4.5\""))
        // Each week's page says its rate, by persona too, and links here.
        #expect(try read(site, "weeks/2026-W49.html").contains("Interaction rate 5.7 (3 published items with results, comments + replies ÷ items) · 小招 5.7</a>"))
        #expect(try read(site, "weeks/2026-W50.html").contains("Interaction rate 2.5 (2 published items with results, comments + replies ÷ items) · 小影 4 · 小招 1</a>"))
        #expect(!(try read(site, "weeks/2026-W51.html")).contains("week-rate"))
        // The navigation leads here.
        #expect(try read(site, "index.html").contains("href=\"results/index.html\""))
    }

    @Test func thePersonaPageChartsItsWeeksAndTheItemPageShowsItsCounts() throws {
        let plan = try plan()
        defer { plan.remove() }
        let site = try render(plan, language: .zhCN)
        let persona = try read(site, "personas/xiaozhao.html")
        #expect(persona.contains("<h2>互动率（按周）</h2>"))
        #expect(persona.contains(row(">2026-W49</a>", 3, 8, 9, "5.7")))
        #expect(persona.contains(row(">2026-W50</a>", 1, 1, 0, "1")))
        // Median of 5.7 and 1: what engagement-drop compares with by default.
        #expect(persona.contains("各周中位数 3.3"))
        #expect(persona.contains("role=\"img\" aria-label=\"互动率（按周）：2026-W49 5.7；2026-W50 1；2026-W51 无数据"))
        // The segment page: the chat reaches payroll only, so payroll's W49 has it and car's has not.
        #expect(try read(site, "segments/payroll.html").contains(row(">2026-W49</a>", 3, 8, 9, "5.7")))
        #expect(try read(site, "segments/car.html").contains(row(">2026-W49</a>", 2, 8, 3, "5.5")))
        let item = try read(site, "items/moments/03.html")
        #expect(item.contains("<dt>效果</dt><dd>点赞 10 · 评论 5 · 回复 2</dd>"))
        // A persona without results has no such section.
        let other = try TestPlan(["moments/a.md": TestPlan.moment(date: "2026-12-02", slot: "morning")])
        defer { other.remove() }
        #expect(!(try read(try render(other, language: .zhCN), "personas/xiaozhao.html")).contains("互动率（按周）"))
    }

    @Test func planJSONCarriesTheResultsAndTheRates() throws {
        let plan = try plan()
        defer { plan.remove() }
        let site = try render(plan, language: .en)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: site.appendingPathComponent("plan.json"))) as? [String: Any])
        let items = try #require(json["items"] as? [[String: Any]])
        let three = try #require(items.first { $0["id"] as? String == "moments/03" })
        #expect(three["results"] as? [String: Int] == ["likes": 10, "comments": 5, "replies": 2])
        #expect(items.first { $0["id"] as? String == "moments/10" }?["results"] is NSNull)
        let rates = try #require(json["rates"] as? [String: Any])
        let personas = try #require(rates["personas"] as? [[String: Any]])
        let xiaozhao = try #require(personas.first { $0["id"] as? String == "xiaozhao" })
        #expect(xiaozhao["items"] as? Int == 4)
        #expect(xiaozhao["rate"] as? Double == 4.5)
        let weeks = try #require(xiaozhao["weeks"] as? [[String: Any]])
        #expect(weeks.first { $0["week"] as? String == "2026-W50" }?["rate"] as? Double == 1)
        let themes = try #require(rates["themes"] as? [[String: Any]])
        #expect(themes.first { $0["id"] as? String == "promotion" }?["rate"] is NSNull)
        let all = try #require(rates["weeks"] as? [[String: Any]])
        #expect(all.first { $0["week"] as? String == "2026-W50" }?["rate"] as? Double == 2.5)
    }
}
