import Foundation
import Testing
@testable import Planner

/// SPEC §11.8, no HTML page over 1 MB: a playbook week whose copy passes the
/// page budget continues on `<week>-2.html`, …, every page reachable from the
/// first, every item on exactly one of them.
@Suite struct PageBudgetTests {
    @Test func aWeekOfLongCopyIsSplitIntoPagesUnder1MBWithNoEntryLost() throws {
        // 300 items of 4 kB each in the week of Monday 2026-12-07: about 2.6 MB on one page before.
        let filler = String(repeating: "春节前的理财提醒", count: 170)
        var files: [String: String] = [:]
        for number in 1...300 {
            let day = 7 + number % 7
            let time = String(format: "%02d:%02d", 8 + number % 12, number % 60)
            files["moments/m\(number).md"] = TestPlan.moment(
                date: "2026-12-\(String(format: "%02d", day))", time: time, body: "编号-\(number)-。\(filler)")
        }
        let plan = try TestPlan(files)
        defer { plan.remove() }
        let output = try plan.renderSite(today: "2026-12-07").output

        for folder in ["playbook", "playbook/xiaozhao"] {
            // Follow the page links from the week's first page, as a reader would.
            var seen: [String] = []
            var queue = ["2026-W50.html"]
            var pages: [String: String] = [:]
            while let name = queue.first {
                queue.removeFirst()
                guard !seen.contains(name) else { continue }
                seen.append(name)
                let data = try Data(contentsOf: output.appendingPathComponent("\(folder)/\(name)"))
                #expect(data.count <= 1_000_000, "\(folder)/\(name) is \(data.count) bytes")
                let html = try #require(String(data: data, encoding: .utf8))
                pages[name] = html
                for part in html.components(separatedBy: "href=\"2026-W50-").dropFirst() {
                    queue.append("2026-W50-" + part.prefix { $0 != "\"" })
                }
            }
            #expect(pages.count > 2, "the week is split into several pages")
            let files = try FileManager.default.contentsOfDirectory(atPath: output.appendingPathComponent(folder).path)
            #expect(Set(files.filter { $0.hasPrefix("2026-W50") }) == Set(seen), "every page of the week is reachable from its first")
            #expect(try #require(pages["2026-W50-2.html"]).contains("page 2 of \(pages.count)"))
            let all = pages.values.joined()
            #expect(all.components(separatedBy: "<article class=\"pb-entry\">").count - 1 == 300, "every entry is on a page")
            // Each item's number, by the pages it is on: one page each.
            var onPages: [Int: Int] = [:]
            for html in pages.values {
                let numbers = Set(html.components(separatedBy: "编号-").dropFirst().compactMap { Int($0.prefix { $0 != "-" }) })
                for number in numbers { onPages[number, default: 0] += 1 }
            }
            #expect(onPages.keys.sorted() == Array(1...300), "no item is lost")
            #expect(onPages.values.allSatisfy { $0 == 1 }, "no item is on two pages")
        }
    }
}
