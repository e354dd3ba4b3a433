import Foundation
import Testing
@testable import Planner

/// `plan-build results import` (SPEC §11.5): a team's export of its numbers
/// written into the items' `results:`, nothing else in any file changed.
@Suite struct ResultsImportTests {
    static let times = ["07:30", "12:10", "17:00", "20:30"]

    /// One moment file split around the place its `results:` line goes:
    /// `head + results + tail` is the file; import must give `head + new line + tail`.
    struct Fixture {
        let id: String
        let title: String
        let date: String
        let head: String
        let oldResults: String
        let tail: String
        let newline: String
        var text: String { head + oldResults + tail }
    }

    /// 124 moments (31 days × 4 times) in several shapes: LF or CRLF, a BOM,
    /// earlier results in flow or block style, in the middle of the keys or last.
    static func fixtures() -> [Fixture] {
        var fixtures: [Fixture] = []
        for day in 1...31 {
            for (slot, time) in times.enumerated() {
                let n = (day - 1) * 4 + slot
                let date = TestPlan.dec(day)
                let title = "第\(n)条 · 晨跑"
                let nl = n % 7 == 3 ? "\r\n" : "\n"
                let bom = n % 11 == 5 ? "\u{FEFF}" : ""
                let keys = ["date: \(date)", "time: \"\(time)\"", "persona: xiaozhao", "theme: life", "title: \"\(title)\"", "status: published"]
                let old: String
                switch n % 5 {
                case 1: old = "results: {likes: 1, shares: 2}" + nl
                case 2: old = "results:" + nl + "  likes: 4   # from the app" + nl + "  left_group: 1" + nl
                default: old = ""
                }
                // Earlier results sit between keys half the time, so the lines after them must survive too.
                let middle = n % 2 == 0 && !old.isEmpty
                let before = middle ? Array(keys.prefix(3)) : keys
                let after = middle ? Array(keys.dropFirst(3)) : []
                let head = bom + "---" + nl + before.map { $0 + nl }.joined()
                let tail = after.map { $0 + nl }.joined() + "---" + nl + "今天 \(n) 公里，  尾随空格  " + nl + nl + "第二段。" + (n % 3 == 0 ? "" : nl)
                fixtures.append(Fixture(id: "moments/2026-12/\(n)-run", title: title, date: date, head: head, oldResults: old, tail: tail, newline: nl))
            }
        }
        return fixtures
    }

    @Test func importsOneHundredRowsLeavingEveryOtherByteAndReportingTheThreeThatCannotBePlaced() throws {
        let fixtures = Self.fixtures()
        var files: [String: String] = [:]
        for fixture in fixtures { files[fixture.id + ".md"] = fixture.text }
        let plan = try TestPlan(files)
        defer { plan.remove() }
        let before = plan.check()
        #expect(before.diagnostics("front-matter").isEmpty)
        #expect(before.plan?.items.count == 124)

        // 97 rows that can be placed: 60 by id (in three spellings), 37 by date + persona + title;
        // 3 that cannot (rows 12, 50 and 77 of the sheet).
        var lines = ["id,日期,人设,标题,点赞,评论,回复,转发,退群,新增,阅读"]
        var expected: [String: [ItemResults.Metric: Int]] = [:]
        var used = 0
        for row in 2...101 {
            switch row {
            case 12:
                lines.append("moments/2026-12/999-run,,,,3,1,0,,,,10")
                continue
            case 50:
                lines.append(",2026-12-05,小招,没有这条,3,1,0,,,,10")
                continue
            case 77:
                lines.append("\(fixtures[used].id),,,,3,很多,0,,,,10")
                used += 1
                continue
            default: break
            }
            let fixture = fixtures[used]
            used += 1
            let likes = row * 3
            let comments = row % 9
            let replies = row % 4
            var counts: [ItemResults.Metric: Int] = [.likes: likes, .comments: comments, .replies: replies]
            // An empty cell keeps what the file had: an earlier shares or left_group stays.
            if used % 5 == 1 { counts[.shares] = 2 }
            if used % 5 == 3 { counts[.leftGroup] = 1 }
            if row % 10 == 0 { counts[.newContacts] = 1 }
            let newContacts = row % 10 == 0 ? "1" : ""
            let locator: String
            if row <= 61 {
                let spelled = row % 3 == 0 ? "content/" + fixture.id + ".md" : (row % 3 == 1 ? fixture.id + ".md" : fixture.id)
                locator = "\(spelled),,,"
            } else {
                // The persona by id or by name; a date as spreadsheets write it.
                let persona = row % 2 == 0 ? "小招" : "xiaozhao"
                let date = row % 4 == 1 ? fixture.date.replacingOccurrences(of: "-", with: "/") : fixture.date
                locator = ",\(date),\(persona),\"\(fixture.title)\""
            }
            lines.append("\(locator),\(likes),\(comments),\(replies),,,\(newContacts),999")
            expected[fixture.id] = counts
        }
        #expect(lines.count == 101)
        let sheet = plan.root.appendingPathComponent("numbers.csv")
        try Data((lines.joined(separator: "\r\n") + "\r\n").utf8).write(to: sheet)

        let outcome = ResultsImport(sheet: sheet, displayPath: "numbers.csv", contentDirectory: plan.content).run(dryRun: false)
        let errors = outcome.diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.location.description) == ["numbers.csv:12:1", "numbers.csv:50:4", "numbers.csv:77:6"])
        #expect(errors.map(\.ruleID) == ["unknown-ref", "unknown-ref", "front-matter"])
        #expect(outcome.refusedRows == [12, 50, 77])
        #expect(outcome.changes.count == 97)
        // The column nobody reads is named, not fatal.
        #expect(outcome.diagnostics.contains { $0.severity == .notice && $0.location.description == "numbers.csv:1:11" })

        for fixture in fixtures {
            // Bytes, not String(contentsOf:), which would drop a BOM.
            let now = String(decoding: try Data(contentsOf: plan.content.appendingPathComponent(fixture.id + ".md")), as: UTF8.self)
            guard let counts = expected[fixture.id] else {
                #expect(now == fixture.text, "\(fixture.id) was not in the sheet and must not change")
                continue
            }
            // What the file had, with the row's counts over it.
            var merged: [ItemResults.Metric: Int] = [:]
            switch fixture.oldResults.isEmpty ? 0 : (fixture.oldResults.contains("{") ? 1 : 2) {
            case 1: merged = [.likes: 1, .shares: 2]
            case 2: merged = [.likes: 4, .leftGroup: 1]
            default: break
            }
            for (metric, count) in counts where !(metric == .shares || metric == .leftGroup) { merged[metric] = count }
            let line = "results: " + ItemResults(counts: merged).flowYAML + fixture.newline
            #expect(now == fixture.head + line + fixture.tail, "\(fixture.id)")
        }

        let after = plan.check()
        #expect(after.diagnostics.filter { $0.severity == .error }.isEmpty)
        let item = try #require(after.plan?.item(fixtures[0].id))
        #expect(item.results?[.likes] == 6)
        #expect(item.results?[.comments] == 2)

        // Importing the same sheet again changes nothing and says so.
        let again = ResultsImport(sheet: sheet, displayPath: "numbers.csv", contentDirectory: plan.content).run(dryRun: false)
        #expect(again.changes.isEmpty)
        #expect(again.unchanged.count == 97)
    }

    @Test func aDryRunPreviewsAndWritesNothing() throws {
        let text = TestPlan.moment(date: "2026-12-02", slot: "morning", extra: "status: published")
        let plan = try TestPlan(["moments/a.md": text])
        defer { plan.remove() }
        try Data("id,likes,comments\nmoments/a,5,2\n".utf8).write(to: plan.root.appendingPathComponent("n.csv"))
        let run = try CLI.run(["results", "import", "n.csv", "--dry-run", "--lang", "en"], in: plan.root)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("content/moments/a.md: results: {likes: 5, comments: 2}"))
        #expect(run.stderr.contains("Dry run"))
        #expect(try String(contentsOf: plan.content.appendingPathComponent("moments/a.md"), encoding: .utf8) == text)

        let real = try CLI.run(["results", "import", "n.csv"], in: plan.root)
        #expect(real.status == 0, "\(real.stdout)\(real.stderr)")
        #expect(try String(contentsOf: plan.content.appendingPathComponent("moments/a.md"), encoding: .utf8)
            == text.replacingOccurrences(of: "status: published\n", with: "status: published\nresults: {likes: 5, comments: 2}\n"))
    }

    @Test func theCommandReportsEachRowItCannotPlaceAtFileRowColumnAndExitsOne() throws {
        let plan = try TestPlan([
            "moments/a.md": TestPlan.moment(date: "2026-12-02", slot: "morning", extra: "title: 晨跑"),
            "moments/b.md": TestPlan.moment(date: "2026-12-02", slot: "evening", extra: "title: 晨跑"),
        ])
        defer { plan.remove() }
        let csv = """
            date,persona,title,comments,replies
            2026-12-02,小招,晨跑,3,1
            2026-12-03,小芳,晨跑,3,1
            12月2日,xiaozhao,夜跑,-2,1

            """
        try Data(csv.utf8).write(to: plan.root.appendingPathComponent("n.csv"))
        let run = try CLI.run(["results", "import", "n.csv", "--lang", "en"], in: plan.root)
        #expect(run.status == 1)
        // Two items share that title: the row names neither.
        #expect(run.stdout.contains("n.csv:2:3: error:"))
        #expect(run.stdout.contains("n.csv:3:2: error:"))
        #expect(run.stdout.contains("n.csv:4:3: error:"))
        #expect(run.stdout.contains("n.csv:4:4: error:"))
        let json = try CLI.run(["results", "import", "n.csv", "--format", "json"], in: plan.root)
        #expect(json.status == 1)
        #expect(json.stdout.contains("\"line\" : 3") || json.stdout.contains("\"line\": 3"))
    }

    @Test func aGBKExportIsReadWithTheSameNoticeAsASpreadsheetImport() throws {
        // Chinese Excel and WPS save CSV as GBK: the counts still land, and the team is told how to avoid the guess.
        let text = TestPlan.moment(date: "2026-12-02", slot: "morning", extra: "status: published")
        let plan = try TestPlan(["moments/a.md": text])
        defer { plan.remove() }
        let sheet = plan.root.appendingPathComponent("n.csv")
        let bytes = try #require("id,点赞,评论\r\nmoments/a,7,3\r\n".data(using: SheetText.gb18030))
        #expect(String(data: bytes, encoding: .utf8) == nil)
        try bytes.write(to: sheet)
        let outcome = ResultsImport(sheet: sheet, displayPath: "n.csv", contentDirectory: plan.content).run(dryRun: false)
        #expect(outcome.changes.map(\.path) == ["moments/a.md"])
        #expect(outcome.diagnostics.map { "\($0.severity) \($0.location)" } == ["notice n.csv:1:1"])
        #expect(outcome.diagnostics.first?.hint?.zh.contains("CSV UTF-8") == true)
        #expect(try String(contentsOf: plan.content.appendingPathComponent("moments/a.md"), encoding: .utf8)
            == text.replacingOccurrences(of: "status: published\n", with: "status: published\nresults: {likes: 7, comments: 3}\n"))
    }

    @Test func aHeaderThatCannotFindItemsOrNamesNoCountIsRefused() throws {
        let plan = try TestPlan(["moments/a.md": TestPlan.moment(date: "2026-12-02", slot: "morning")])
        defer { plan.remove() }
        let sheet = plan.root.appendingPathComponent("n.csv")
        try Data("标题,评论\n晨跑,3\n".utf8).write(to: sheet)
        let outcome = ResultsImport(sheet: sheet, displayPath: "n.csv", contentDirectory: plan.content).run(dryRun: false)
        #expect(outcome.hasErrors)
        #expect(outcome.changes.isEmpty)
        try Data("id,阅读\nmoments/a,3\n".utf8).write(to: sheet)
        #expect(ResultsImport(sheet: sheet, displayPath: "n.csv", contentDirectory: plan.content).run(dryRun: false).hasErrors)
    }

    @Test func headersAndCountsAsExportsWriteThem() {
        #expect(ResultsColumns.metric(named: "评论数") == .comments)
        #expect(ResultsColumns.metric(named: "Left group") == .leftGroup)
        #expect(ResultsColumns.metric(named: "new_contacts") == .newContacts)
        #expect(ResultsColumns.metric(named: "新增（人）") == .newContacts)
        #expect(ResultsColumns.metric(named: "阅读") == nil)
        #expect(ResultsColumns.metric(named: "新增好友") == .newContacts)
        #expect(ResultsColumns.metric(named: "退群人数") == .leftGroup)
        #expect(ResultsColumns.metric(named: "转发量") == .shares)
        #expect(ResultsColumns.metric(named: "likes count") == .likes)
        #expect(ResultsColumns.metric(named: "回复率") == nil)
        #expect(ResultsColumns.metric(named: "Reply rate") == nil)
        #expect(ResultsColumns.count("1,234") == 1234)
        #expect(ResultsColumns.count("12.0") == 12)
        #expect(ResultsColumns.count("-1") == nil)
        #expect(ResultsColumns.count("1.5") == nil)
        #expect(ResultsColumns.count("12,34") == nil)
    }

    @Test func resultsAreDecodedWithTheirPositionsAndWrongTypesAreFrontMatterErrors() throws {
        let plan = try TestPlan([
            "moments/ok.md": TestPlan.moment(date: "2026-12-02", slot: "morning", extra: "results: {likes: 3, comments: \"2\", left_group: 0}"),
            "moments/bad.md": TestPlan.moment(date: "2026-12-03", slot: "morning", extra: "results: {likes: -1, comments: 2.5, views: 3}"),
            "moments/scalar.md": TestPlan.moment(date: "2026-12-04", slot: "morning", extra: "results: 12"),
            "chats/c.md": TestPlan.chat(date: "2026-12-04", extra: "results:\n  replies: 4\n  new_contacts: 1"),
        ])
        defer { plan.remove() }
        let result = plan.check()
        let ok = try #require(result.plan?.item("moments/ok"))
        #expect(ok.results?.counts == [.likes: 3, .comments: 2, .leftGroup: 0])
        #expect(result.plan?.item("chats/c")?.results?.counts == [.replies: 4, .newContacts: 1])
        let errors = result.diagnostics("front-matter").map(\.location.description)
        #expect(errors.contains("content/moments/bad.md:6:18"))
        #expect(errors.contains("content/moments/bad.md:6:32"))
        #expect(errors.contains("content/moments/scalar.md:6:10"))
        #expect(result.diagnostics("unknown-key").map(\.location.description) == ["content/moments/bad.md:6:37"])
    }

    @Test func frontMatterBlockReplacesOnlyItsKey() {
        let text = "---\ndate: 2026-12-01\nresults:\n  likes: 1\n\n  comments: 3\n\n# who counted\nreview: pending\n---\nresults: body\n"
        guard case .success(let bytes) = FrontMatterBlock.write(Array(text.utf8), key: "results", value: "{likes: 2}") else {
            Issue.record("not written")
            return
        }
        // The block runs over a blank line to its last indented line; what follows stays,
        // and the body's own `results:` is not front matter.
        #expect(String(decoding: bytes, as: UTF8.self) == "---\ndate: 2026-12-01\nresults: {likes: 2}\n\n# who counted\nreview: pending\n---\nresults: body\n")
        #expect(FrontMatterBlock.write(Array("no front matter\n".utf8), key: "results", value: "{}") == .failure(.noFrontMatter))
    }
}
