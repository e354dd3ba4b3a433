import Foundation
import Testing
@testable import Planner

/// Recurring series (SPEC 11.6): occurrences, overrides, cancellations and
/// their errors, checked as a user sees them in the plan, pages and feeds.
@Suite struct SeriesTests {
    static let quarter = TestPlan.plan(start: "2026-12-01", end: "2027-02-28")

    /// A weekly Friday column over a quarter; 2027-01-01 is left out.
    static let friday = """
        ---
        kind: moments
        persona: xiaozhao
        theme: professional
        slot: evening
        title: 周五理财小课堂 · 第 {{n}} 期
        repeat:
          every: week
          on: [fri]
          except: [2027-01-01]
        ---
        第 {{n}} 期（{{date}}）：今天聊聊定投。

        """

    static let override = "---\nseries: friday\ndate: 2026-12-11\ntitle: 特别版 · 第 {{n}} 期\nslot: noon\n---\n"
    static let cancel = "---\nseries: friday\ndate: 2026-12-25\ncancel: true\n---\n"

    private func quarterPlan(seriesPath: String = "series/friday.md", extra: [String: String] = [:]) throws -> TestPlan {
        var files = [
            seriesPath: Self.friday, "moments/2026-12/11-特别版.md": Self.override, "moments/2026-12/25-停更.md": Self.cancel,
        ]
        files.merge(extra) { _, new in new }
        return try TestPlan(files, plan: Self.quarter)
    }

    @Test func aWeeklySeriesWithAnOverrideACancellationAndAnExcept() throws {
        let plan = try quarterPlan()
        defer { plan.remove() }
        let result = plan.check()
        #expect(result.diagnostics.filter { $0.severity == .error }.isEmpty)
        let occurrences = try #require(result.plan).items.filter { $0.series?.series == "friday" }
        // 13 Fridays from 12-04 to 02-26; 12-25 cancelled, 01-01 excepted.
        #expect(occurrences.map(\.id) == [
            "friday@2026-12-04", "friday@2026-12-11", "friday@2026-12-18", "friday@2027-01-08", "friday@2027-01-15",
            "friday@2027-01-22", "friday@2027-01-29", "friday@2027-02-05", "friday@2027-02-12", "friday@2027-02-19",
            "friday@2027-02-26",
        ])
        // {{n}} counts the series' occurrences; a cancelled one keeps its number, an excepted one has none.
        #expect(occurrences.map { $0.series?.number ?? 0 } == [1, 2, 3, 5, 6, 7, 8, 9, 10, 11, 12])
        #expect(occurrences[0].title == "周五理财小课堂 · 第 1 期")
        #expect(occurrences[0].body.contains("第 1 期（2026-12-04）"))
        #expect(occurrences[3].title == "周五理财小课堂 · 第 5 期")
        #expect(occurrences.allSatisfy { $0.kind == .moment && $0.persona == "xiaozhao" && $0.theme == "professional" })
        // The override's own keys win; the series fills the rest (copy included).
        let special = occurrences[1]
        #expect(special.title == "特别版 · 第 2 期")
        #expect(special.time.description == "12:10")
        #expect(special.file == "content/moments/2026-12/11-特别版.md")
        #expect(special.body.contains("第 2 期（2026-12-11）"))
        #expect(occurrences[0].file == "content/series/friday.md")
    }

    @Test func occurrencesAreOnEveryPageInPlanJSONAndInTheFeeds() throws {
        let plan = try quarterPlan()
        defer { plan.remove() }
        let output = plan.root.appendingPathComponent("site")
        let pipeline = Pipeline(
            paths: .init(content: plan.content, output: .replace(output)), today: LocalDate(parsing: "2026-11-20"))
        guard case .built = try pipeline.build() else {
            Issue.record("the build failed")
            return
        }
        func read(_ path: String) throws -> String { try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8) }
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("plan.json"))) as? [String: Any]
        let items = try #require(json?["items"] as? [[String: Any]]).filter { $0["series"] as? String == "friday" }
        #expect(items.count == 11)
        #expect(items.map { $0["occurrence"] as? Int ?? 0 } == [1, 2, 3, 5, 6, 7, 8, 9, 10, 11, 12])
        #expect(items[1]["title"] as? String == "特别版 · 第 2 期")
        #expect(items[1]["page"] as? String == "items/friday@2026-12-11.html")
        #expect(!items.contains { ($0["date"] as? String) == "2026-12-25" || ($0["date"] as? String) == "2027-01-01" })
        // Item pages, the week grid, the persona's schedule and the feeds.
        #expect(try read("items/friday@2027-01-08.html").contains("周五理财小课堂 · 第 5 期"))
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("items/friday@2026-12-25.html").path))
        #expect(try read("weeks/2026-W50.html").contains("特别版 · 第 2 期"))
        #expect(try read("personas/xiaozhao.html").contains("周五理财小课堂 · 第 1 期"))
        let feed = try read("personas/xiaozhao.ics")
        #expect(feed.contains("SUMMARY:周五理财小课堂 · 第 12 期") || feed.contains("周五理财小课堂 · 第 12 期"))
        #expect(!feed.contains("20261225T"))
        #expect(try read("calendar.ics").contains("特别版 · 第 2 期"))
    }

    @Test func rulesSeeOccurrences() throws {
        // A moment at the same time as an occurrence clashes with it; the finding names the occurrence.
        let plan = try quarterPlan(extra: [
            "moments/2026-12/18-晚间.md": TestPlan.moment(date: "2026-12-18", slot: "evening", theme: "life"),
        ])
        defer { plan.remove() }
        let clashes = plan.check().diagnostics("slot-clash")
        #expect(clashes.contains { $0.itemID == "friday@2026-12-18" || $0.related.contains { $0.itemID == "friday@2026-12-18" } })
    }

    @Test func idsStayTheSameWhenTheSeriesFileMoves() throws {
        let first = try quarterPlan(seriesPath: "series/friday.md")
        defer { first.remove() }
        let moved = try quarterPlan(seriesPath: "series/columns/xiaozhao/friday.md")
        defer { moved.remove() }
        let before = first.check()
        let after = moved.check()
        let ids = { (result: CheckResult) in result.plan?.items.filter { $0.series != nil }.map(\.id) ?? [] }
        #expect(ids(before) == ids(after))
        #expect(ids(after).count == 11)
        // Fingerprints of findings on occurrences do not depend on the folder either.
        let prints = { (result: CheckResult) in Set(result.diagnostics.filter { $0.itemID?.contains("@") == true }.map(\.fingerprint)) }
        #expect(prints(before) == prints(after))
    }

    @Test func twoSeriesWithOneStemAreADuplicateID() throws {
        let plan = try quarterPlan(extra: ["series/other/friday.md": Self.friday])
        defer { plan.remove() }
        let duplicates = plan.check().diagnostics("duplicate-id")
        #expect(duplicates.map(\.location.file) == ["content/series/other/friday.md"])
        #expect(duplicates.first?.severity == .error)
    }

    @Test func recurrenceErrorsArePositioned() throws {
        let bad = """
            ---
            kind: moment
            persona: xiaozhao
            theme: life
            slot: morning
            repeat:
              every: week
              on: [fri, funday]
              interval: 0
              except: [2026-12-32]
              until: 2026-11-01
              from: 2026-12-01
            ---
            早。
            """
        let plan = try TestPlan([
            "series/bad.md": bad, "series/worse.md": "---\nkind: posts\npersona: xiaozhao\nslot: noon\nrepeat: {every: fortnight}\n---\n",
        ])
        defer { plan.remove() }
        let errors = plan.check().diagnostics("front-matter").map(\.location.description)
        #expect(errors.contains("content/series/bad.md:8:13"))  // funday
        #expect(errors.contains("content/series/bad.md:9:13"))  // interval: 0
        #expect(errors.contains("content/series/bad.md:10:12"))  // 2026-12-32
        #expect(errors.contains("content/series/bad.md:11:10"))  // until before from
        #expect(errors.contains("content/series/worse.md:2:7"))  // kind: posts
        #expect(errors.contains("content/series/worse.md:5:17"))  // every: fortnight
        #expect(plan.check().plan?.items.contains { $0.series != nil } == false)
    }

    @Test func anOverrideOnNoOccurrenceOrOfNoSeriesIsAnUnknownRef() throws {
        let plan = try quarterPlan(extra: [
            "moments/a.md": "---\nseries: friday\ndate: 2027-01-01\ntitle: 元旦特辑\n---\n",
            "moments/b.md": "---\nseries: friday\ndate: 2026-12-15\ncancel: true\n---\n",
            "moments/c.md": "---\nseries: fridya\ndate: 2026-12-18\n---\n",
        ])
        defer { plan.remove() }
        let refs = plan.check().diagnostics("unknown-ref")
        #expect(refs.map(\.location.description).sorted() == ["content/moments/a.md:3:7", "content/moments/b.md:3:7", "content/moments/c.md:2:9"])
        #expect(refs.first { $0.location.file == "content/moments/a.md" }?.message.en.contains("repeat.except") == true)
        #expect(refs.first { $0.location.file == "content/moments/c.md" }?.message.en.contains("friday") == true)
    }

    @Test func aSeriesProblemIsReportedOnceNotPerOccurrence() throws {
        let plan = try quarterPlan(extra: [
            "series/friday.md": Self.friday.replacingOccurrences(of: "theme: professional", with: "theme: finance")
                .replacingOccurrences(of: "slot: evening", with: "slot: evening\nignore: {min-gap: \"columns are fine\"}"),
        ])
        defer { plan.remove() }
        let result = plan.check()
        #expect(result.diagnostics("unknown-ref").filter { $0.location.file == "content/series/friday.md" }.count == 1)
        #expect(result.diagnostics("suppression").filter { $0.location.file == "content/series/friday.md" }.count == 1)
    }

    @Test func monthlyDailyAndHolidayRules() {
        let start = LocalDate(parsing: "2027-01-01")!
        let end = LocalDate(parsing: "2027-04-30")!
        let monthly = Recurrence(every: .month, monthDays: [31])
        // February and April have no 31st: skipped, never moved.
        #expect(monthly.dates(start: start, end: end, isPublicHoliday: { _ in false }).map(\.description) == ["2027-01-31", "2027-03-31"])
        let everyOtherDay = Recurrence(every: .day, interval: 2, from: LocalDate(parsing: "2027-01-02")!, until: LocalDate(parsing: "2027-01-08")!)
        #expect(everyOtherDay.dates(start: start, end: end, isPublicHoliday: { _ in false }).map(\.description) == [
            "2027-01-02", "2027-01-04", "2027-01-06", "2027-01-08",
        ])
        let fortnightly = Recurrence(every: .week, interval: 2, weekdays: [1], from: LocalDate(parsing: "2027-01-04")!, until: LocalDate(parsing: "2027-02-01")!)
        #expect(fortnightly.dates(start: start, end: end, isPublicHoliday: { _ in false }).map(\.description) == [
            "2027-01-04", "2027-01-18", "2027-02-01",
        ])
        let newYear = LocalDate(parsing: "2027-01-01")!
        let daily = Recurrence(every: .day, until: LocalDate(parsing: "2027-01-03")!, holidays: .skip)
        #expect(daily.dates(start: start, end: end, isPublicHoliday: { $0 == newYear }).map(\.description) == ["2027-01-02", "2027-01-03"])
        let kept = Recurrence(every: .day, until: LocalDate(parsing: "2027-01-03")!, holidays: .keep)
        #expect(kept.dates(start: start, end: end, isPublicHoliday: { $0 == newYear }).count == 3)
        // from before the plan's start: the interval still counts from it, so the plan's range never shifts ids.
        let anchored = Recurrence(every: .week, interval: 2, weekdays: [5], from: LocalDate(parsing: "2026-12-25")!)
        #expect(anchored.dates(start: start, end: LocalDate(parsing: "2027-01-31")!, isPublicHoliday: { _ in false }).map(\.description) == [
            "2027-01-08", "2027-01-22",
        ])
    }

    @Test func holidaysSkipLeavesOutTheNationalDayHolidays() throws {
        let series = { (holidays: String) in
            "---\nkind: moments\npersona: xiaozhao\ntheme: life\nslot: morning\nrepeat: {every: day, holidays: \(holidays)}\n---\n早安。\n"
        }
        let range = TestPlan.plan(start: "2026-09-28", end: "2026-10-10")
        let skip = try TestPlan(["series/morning.md": series("skip")], plan: range)
        defer { skip.remove() }
        let keep = try TestPlan(["series/morning.md": series("keep")], plan: range)
        defer { keep.remove() }
        let skipped = Set(skip.check().plan?.items.map(\.date.description) ?? [])
        let kept = Set(keep.check().plan?.items.map(\.date.description) ?? [])
        #expect(kept.count == 13)
        #expect(skipped.contains("2026-09-30"))
        #expect(!skipped.contains("2026-10-01") && !skipped.contains("2026-10-05"))
        #expect(skipped.contains("2026-10-10"))
        // The numbers count what is left: the first day after the holiday follows 09-30's number.
        let afterHoliday = skip.check().plan?.items.first { $0.date.description == "2026-10-10" }
        #expect(afterHoliday?.series?.number == skipped.count)
    }

    @Test func anOverrideTakesTheSeriesKindWhereverItSits() throws {
        let topics = """
            ---
            kind: topics
            persona: xiaozhao
            theme: interaction
            slot: evening
            group: runners
            format: discussion
            title: 周三夜跑话题 {{n}}
            repeat: {every: week, on: [wed], until: 2026-12-31}
            ---
            今晚聊什么？
            """
        let plan = try TestPlan([
            "series/wednesday.md": topics,
            "topics/runners/override.md": "---\nseries: wednesday\ndate: 2026-12-09\nformat: qa\n---\n",
            "moments/wrong-folder.md": "---\nseries: wednesday\ndate: 2026-12-16\nformat: vote\nimages: [a.png]\n---\n",
            "series/wednesday/2026-12-23.md": "---\nseries: wednesday\ndate: 2026-12-23\ncancel: true\n---\n",
        ])
        defer { plan.remove() }
        let result = plan.check()
        let items = result.plan?.items.filter { $0.series?.series == "wednesday" } ?? []
        #expect(items.map(\.date.description) == ["2026-12-02", "2026-12-09", "2026-12-16", "2026-12-30"])
        #expect(items.allSatisfy { $0.kind == .topic && $0.group == "runners" })
        #expect(items.map { $0.format?.rawValue ?? "" } == ["discussion", "qa", "vote", "discussion"])
        #expect(result.diagnostics("unknown-key").map(\.location.description) == ["content/moments/wrong-folder.md:5:1"])
        #expect(result.diagnostics.filter { $0.severity == .error }.isEmpty)
    }
}
