import Foundation
import Testing
@testable import Planner

/// SPEC §11.8, no HTML page over 1 MB, for today pages: a persona with dozens
/// of items a day gets a page that holds fewer days (or the built day's first
/// items), and links to where the rest is, so that every item of the eight
/// days is on the page or one link (and its week's page links) away.
@Suite struct TodayBudgetTests {
    /// One persona, `perDay` items a day from 2026-12-10 through 2026-12-17 (the window of --today 2026-12-10).
    private func densePlan(perDay: Int, copyRepeats: Int) throws -> (TestPlan, [String: String]) {
        let filler = String(repeating: "年终理财<提醒>&存款利率对比，", count: copyRepeats)
        var files: [String: String] = [:]
        var dates: [String: String] = [:]
        for day in 10...17 {
            for number in 0..<perDay {
                let name = "d\(day)-n\(number)"
                let time = String(format: "%02d:%02d", 7 + number / 6, (number % 6) * 10)
                files["moments/\(name).md"] = TestPlan.moment(date: "2026-12-\(day)", time: time, body: "编号-\(name)-。\(filler)")
                dates["items/moments/\(name).html"] = "2026-12-\(day)"
            }
        }
        return (try TestPlan(files), dates)
    }

    private func render(_ plan: TestPlan, language: Language) throws -> URL {
        let (output, result) = try plan.renderSite(today: "2026-12-10", language: language)
        #expect(!result.diagnostics.contains { $0.severity == .error }, "\(result.diagnostics.map(\.message).prefix(3))")
        return output
    }

    /// The item pages a page links (`items/….html`), each once.
    private func itemLinks(_ html: String) -> Set<String> {
        Set(html.components(separatedBy: "items/moments/").dropFirst().map { "items/moments/" + $0.prefix { $0 != "\"" } })
    }

    /// The hrefs of `<a>` elements inside the first `<section class="…">` of `html` with that class, or after `marker`.
    private func hrefs(after marker: String, until end: String, in html: String) -> [String] {
        html.components(separatedBy: marker).dropFirst().flatMap { part in
            part.components(separatedBy: end)[0].components(separatedBy: "href=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        }
    }

    /// Reads a page linked from `today/`, then every page of its week (its page links), as a reader would.
    private func followed(_ site: URL, from links: [String]) throws -> [String: String] {
        var pages: [String: String] = [:]
        var queue = links.map { URL(fileURLWithPath: site.appendingPathComponent("today").path + "/" + $0.removingPercentEncoding!).standardized.path }
        while let path = queue.first {
            queue.removeFirst()
            guard pages[path] == nil else { continue }
            let html = try String(contentsOfFile: path, encoding: .utf8)
            pages[path] = html
            let folder = (path as NSString).deletingLastPathComponent
            for link in hrefs(after: "<nav class=\"page-links", until: "</nav>", in: html) {
                queue.append(folder + "/" + link.removingPercentEncoding!)
            }
        }
        return pages
    }

    private func checkEveryItemAccountedFor(perDay: Int, copyRepeats: Int, language: Language, expectCut: Bool) throws {
        let (plan, dates) = try densePlan(perDay: perDay, copyRepeats: copyRepeats)
        defer { plan.remove() }
        let site = try render(plan, language: language)
        let data = try Data(contentsOf: site.appendingPathComponent("today/xiaozhao.html"))
        #expect(data.count <= 1_000_000, "today/xiaozhao.html is \(data.count) bytes")
        let page = try #require(String(data: data, encoding: .utf8))
        let embedded = itemLinks(page)
        let days = page.components(separatedBy: "<section class=\"today-day\"").count - 1
        #expect(days >= 1 && days < 8, "fewer days embedded: \(days)")
        let more = hrefs(after: "<p class=\"today-more\">", until: "</p>", in: page)
        #expect(more.count == (expectCut ? 1 : 0), "the built day cut short has one “+n more”: \(more)")
        let leftOut = hrefs(after: "<section class=\"today-left-out\"", until: "</section>", in: page)
        #expect(leftOut.count == 8 - days, "each day left out is linked: \(leftOut)")
        let linked = try followed(site, from: more + leftOut)
        let reached = linked.values.reduce(into: Set<String>()) { $0.formUnion(itemLinks($1)) }
        let missing = dates.keys.filter { !embedded.contains($0) && !reached.contains($0) }.sorted()
        #expect(missing.isEmpty, "\(missing.count) items neither on the page nor behind its links, e.g. \(missing.prefix(3))")
        #expect(embedded.allSatisfy { dates[$0] != nil }, "only the window's items")
        // Every embedded entry is whole: its copy and its link.
        #expect(page.components(separatedBy: "<article class=\"today-item").count - 1 == embedded.count)
        let words = language == .zhCN ? ["不在本页的内容", "之后几天的内容在下面"] : ["Not on this page", "the later days are linked below"]
        for word in words {
            let said = page.contains(word)
            #expect(said, "says what is left out: \(word)")
        }
        if expectCut {
            let more = page.contains(language == .zhCN ? ">另有 " : ">+")
            let note = page.contains(language == .zhCN ? "这里只显示前 " : "the first ")
            #expect(more && note, "the “+n more” link and what it means, in the page's language")
        }
        let shortNote = page.contains(language == .zhCN ? "不在本页包含的日子里" : "not among the days this page holds")
        let eightDays = page.contains("is outside the eight days") || page.contains("不在本页包含的 8 天之内")
        #expect(shortNote && !eightDays, "the script's note fits a shorter page")
        let index = try String(contentsOf: site.appendingPathComponent("today/index.html"), encoding: .utf8)
        #expect(index.utf8.count < 100_000, "today/index.html lists personas with counts, not items")
    }

    @Test(arguments: [Language.zhCN, .en])
    func aDensePersonaGetsFewerDaysAndLinksToTheRest(language: Language) throws {
        // 60 items a day of about 2.5 kB on the page: about 1.2 MB for the eight days before.
        try checkEveryItemAccountedFor(perDay: 60, copyRepeats: 30, language: language, expectCut: false)
    }

    @Test(arguments: [Language.zhCN, .en])
    func aBuiltDayTooFullForOnePageShowsItsFirstItemsAndMore(language: Language) throws {
        // 60 items a day of about 14 kB on the page: the built day alone is about 840 kB.
        try checkEveryItemAccountedFor(perDay: 60, copyRepeats: 260, language: language, expectCut: true)
    }

    @Test func aTodayPageThatFitsHasNothingLeftOut() throws {
        let (plan, _) = try densePlan(perDay: 3, copyRepeats: 5)
        defer { plan.remove() }
        let page = try String(contentsOf: render(plan, language: .zhCN).appendingPathComponent("today/xiaozhao.html"), encoding: .utf8)
        #expect(page.components(separatedBy: "<section class=\"today-day\"").count - 1 == 8)
        let leftOut = page.contains("today-left-out") || page.contains("today-more")
        let eightDays = page.contains("不在本页包含的 8 天之内")
        #expect(!leftOut && eightDays, "nothing left out, the eight days' note")
    }
}
