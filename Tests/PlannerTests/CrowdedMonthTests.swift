import Foundation
import Testing
@testable import Planner

/// SPEC §11.8, no HTML page over 1 MB, for the month views: a month too full
/// for one page shows each day's first chips and "+n more" to the day on its
/// week page, which holds every item; the items outside the range on
/// index.html continue on months/outside.html. A month that fits is whole.
@Suite struct CrowdedMonthTests {
    /// Items on December `day`: 5 to 64, so that some days are cut short and some are not.
    static func count(_ day: Int) -> Int { 5 + (day * 13) % 60 }
    static let outsideCount = 200
    static let filler = String(repeating: "年终理财规划提醒", count: 6)

    /// About 1,000 items in December 2026 and 200 in January 2027, outside the range.
    static func densePlan(days: ClosedRange<Int> = 1...30, count: (Int) -> Int = count, outside: Int = outsideCount) throws -> TestPlan {
        var files: [String: String] = [:]
        for day in days {
            for number in 0..<count(day) {
                let time = String(format: "%02d:%02d", 7 + number / 12, number % 12 * 5)
                files["moments/\(day)/\(number).md"] = TestPlan.moment(
                    date: TestPlan.dec(day), time: time, body: "D\(String(format: "%02d", day))-编号-\(number)-\(filler)")
            }
        }
        for number in 0..<outside {
            files["moments/out/\(number).md"] = TestPlan.moment(
                date: "2027-01-\(String(format: "%02d", 1 + number % 28))", time: "09:00", body: "OUT-编号-\(number)-\(filler)")
        }
        // Quiet rules: the test reads titles, which findings would repeat.
        return try TestPlan(files, plan: TestPlan.plan(extra: "rules:\n  posts-per-day: off\n  min-gap: off\n  out-of-range: off"))
    }

    static func render(_ plan: TestPlan, language: Language) throws -> URL {
        try plan.renderSite(today: "2026-12-10", language: language).output
    }

    static func page(_ output: URL, _ path: String) throws -> String {
        let data = try Data(contentsOf: output.appendingPathComponent(path))
        #expect(data.count <= 1_000_000, "\(path) is \(data.count) bytes")
        return try #require(String(data: data, encoding: .utf8))
    }

    static func occurrences(_ text: String, in html: String) -> Int { html.components(separatedBy: text).count - 1 }

    /// Checks each day of a month view at `path`: it shows all its items, or
    /// some and "+n more" to the day on its week page, which holds every one.
    /// - Returns: how many days are cut short.
    static func checkDays(_ html: String, path: String, output: URL, days: ClosedRange<Int>, count: (Int) -> Int) throws -> Int {
        var cut = 0
        for day in days {
            let dd = String(format: "%02d", day)
            let shown = occurrences("D\(dd)-编号-", in: html)
            let link = "#d-2026-12-\(dd)\">+"
            guard let range = html.range(of: link) else {
                #expect(shown == count(day), "\(path): day \(dd) shows all its items when it has no link")
                continue
            }
            cut += 1
            let more = try #require(Int(html[range.upperBound...].prefix { $0.isNumber }))
            #expect(shown + more == count(day), "\(path): day \(dd) shows \(shown) and links \(more) more")
            let words = html[range.upperBound...].hasPrefix("\(more) more<span class=\"visually-hidden\">")
            #expect(words, "the link reads +n more")
            // The link leads to the day on its week page, which lists every item of the day.
            let href = String(html[..<range.lowerBound].reversed().prefix { $0 != "\"" }.reversed())
            #expect(href.hasPrefix("../weeks/") || href.hasPrefix("weeks/"))
            let week = try page(output, String(href.drop { $0 == "." || $0 == "/" }))
            let anchored = week.contains("id=\"d-2026-12-\(dd)\"")
            #expect(anchored, "the week page has the day's anchor")
            #expect(occurrences("D\(dd)-编号-", in: week) == count(day), "the week page holds every item of \(dd)")
        }
        return cut
    }

    @Test func aDenseMonthStaysUnder1MBAndItsMoreLinksLeadToEveryItem() throws {
        let plan = try Self.densePlan()
        defer { plan.remove() }
        let output = try Self.render(plan, language: .en)

        for path in ["months/2026-12.html", "index.html", "personas/xiaozhao.html"] {
            // The persona page's findings come after its month.
            let html = try Self.page(output, path).components(separatedBy: "<section id=\"diagnostics\">")[0]
            let saysSo = html.contains("each day shows its first") && html.contains("Filters apply to the items shown.")
            #expect(saysSo, "\(path) says that crowded days are shortened and what filters do")
            let cut = try Self.checkDays(html, path: path, output: output, days: 1...30, count: Self.count)
            #expect(cut > 0 && cut < 30, "\(path): crowded days are cut, the others shown whole (\(cut) cut)")
        }

        // The persona's many findings (stale drafts) are listed as far as they fit; the rest are on the warnings pages.
        let findings = try Self.page(output, "personas/xiaozhao.html")
        let pointed = findings.contains("<a href=\"../warnings/index.html\">") && findings.contains(" more findings are not listed here")
        #expect(pointed, "the persona page links the warnings pages for the findings it leaves out")

        // index.html lists the first items outside the range and links the page that lists them all.
        let index = try Self.page(output, "index.html")
        let listed = Self.occurrences("OUT-编号-", in: index)
        #expect(listed > 0 && listed < Self.outsideCount)
        let linked = index.contains("<a href=\"months/outside.html\">\(Self.outsideCount - listed) more outside the range")
        #expect(linked, "index.html links the full list")
        let outside = try Self.page(output, "months/outside.html")
        let numbers = Set(outside.components(separatedBy: "OUT-编号-").dropFirst().compactMap { Int($0.prefix { $0.isNumber }) })
        #expect(numbers == Set(0..<Self.outsideCount), "months/outside.html lists every item outside the range")
    }

    @Test func aDenseMonthSaysSoInChinese() throws {
        let plan = try Self.densePlan()
        defer { plan.remove() }
        let output = try Self.render(plan, language: .zhCN)
        let html = try Self.page(output, "months/2026-12.html")
        let note = html.contains("本月内容较多，放不进一页：每天只显示前 ") && html.contains("筛选只作用于这里显示的条目。")
        #expect(note, "the page says that crowded days are shortened and what filters do")
        let link = html.contains("\">另有 ") && html.contains("全部内容在周视图）</span>")
        #expect(link, "the link reads 另有 n 条")
        let outside = try Self.page(output, "index.html").contains("条在计划范围之外，见完整列表</a>")
        #expect(outside)
    }

    @Test func aDenseWeekContinuesOnPagesThatHoldEveryItemOfItsDays() throws {
        // 150 items a day from Monday 12-07 to Sunday 12-13, over the week's share of a page.
        let plan = try Self.densePlan(days: 7...13, count: { _ in 150 }, outside: 0)
        defer { plan.remove() }
        let output = try Self.render(plan, language: .en)
        let first = try Self.page(output, "weeks/2026-W50.html")
        let second = try Self.page(output, "weeks/2026-W50-2.html")
        let linked = first.contains("<a href=\"2026-W50-2.html\">2</a>") && second.contains("<a href=\"2026-W50.html\">1</a>")
        #expect(linked, "each page of the week links the others")
        #expect(second.contains("page 2 of"))
        for day in 7...13 {
            let dd = String(format: "%02d", day)
            let counts = [first, second].map { Self.occurrences("D\(dd)-编号-", in: $0) }
            #expect(counts.contains(150) && counts.contains(0), "day \(dd) is whole on one page of its week: \(counts)")
        }
        let month = try Self.page(output, "months/2026-12.html")
        #expect(try Self.checkDays(month, path: "months/2026-12.html", output: output, days: 7...13, count: { _ in 150 }) == 7)
        #expect(month.contains("href=\"../weeks/2026-W50-2.html\""), "a day on the second page links it")
    }

    @Test func aMonthThatFitsIsShownWhole() throws {
        var files: [String: String] = [:]
        for day in 1...30 {
            files["moments/\(day).md"] = TestPlan.moment(date: TestPlan.dec(day), slot: "morning", body: "D\(String(format: "%02d", day))-编号")
        }
        files["moments/out.md"] = TestPlan.moment(date: "2027-01-05", slot: "morning", body: "OUT-编号")
        let plan = try TestPlan(files)
        defer { plan.remove() }
        let output = try Self.render(plan, language: .en)
        for path in ["months/2026-12.html", "index.html"] {
            let html = try Self.page(output, path)
            let whole = !html.contains("day-more") && !html.contains("each day shows its first")
            #expect(whole, "\(path) is not shortened")
            #expect(Self.occurrences("-编号", in: html) == (path == "index.html" ? 31 : 30), "every item is on \(path)")
        }
        #expect(try !Self.page(output, "weeks/2026-W50.html").contains("id=\"d-"), "no anchors on a week of a month that fits")
        #expect(try !Self.page(output, "index.html").contains("outside.html"))
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("months/outside.html").path))
    }
}
