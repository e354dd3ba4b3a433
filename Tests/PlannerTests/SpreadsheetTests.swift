import Foundation
import Testing
@testable import Planner

/// `plan-build import` and `export` (SPEC §11.7), as a team moving its
/// spreadsheet calendar in and out would use them.
@Suite(.serialized) struct SpreadsheetTests {
    static let header = "日期,时段,时间,类型,人设,主题,标题,文案,客群,社群,形式,触发,标签"

    /// 200 rows with Chinese headers and display names; five of them have one broken cell each.
    static func calendar() -> (csv: String, broken: [(row: Int, column: Int, rule: String)]) {
        var lines = [header]
        var broken: [(Int, Int, String)] = []
        for index in 0..<200 {
            let row = index + 2
            let day = TestPlan.dec(index % 31 + 1)
            var cells: [String]
            switch index % 4 {
            case 0, 1:
                cells = [day, "morning", "", "朋友圈", "小招", "生活日常", "", "第 \(index) 条朋友圈，晨跑打卡。", "", "", "", "", "晨跑、打卡"]
            case 2:
                cells = [day, "", "20:30", "社群话题", "xiaozhao", "interaction", "话题 \(index)", "今晚聊聊跑鞋。", "", "晨跑俱乐部", "话题讨论", "", ""]
            default:
                cells = [day, "", "10:00", "惊喜", "小招", "", "惊喜 \(index)", "送一张手写卡。", "代发客群", "", "", "生日", "生日"]
            }
            switch row {
            case 20: cells[0] = "2026-12-32"; broken.append((row, 1, "front-matter"))
            case 50: cells[4] = "小明"; broken.append((row, 5, "unknown-ref"))
            case 91: cells[5] = "美食"; broken.append((row, 6, "unknown-ref"))
            case 133: cells[8] = "代发客群、火星客群"; broken.append((row, 9, "unknown-ref"))
            case 170: cells[1] = "midnight"; broken.append((row, 2, "unknown-ref"))
            default: break
            }
            lines.append(cells.map(csvCell).joined(separator: ","))
        }
        return (lines.joined(separator: "\r\n") + "\r\n", broken)
    }

    static func csvCell(_ text: String) -> String {
        text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }

    func sheet(_ text: String, in plan: TestPlan, bytes: Data? = nil) throws -> URL {
        let url = plan.root.appendingPathComponent("calendar.csv")
        try (bytes ?? Data(text.utf8)).write(to: url)
        return url
    }

    func itemFiles(_ plan: TestPlan) -> [String] {
        snapshot(plan.content).keys.filter { !$0.hasPrefix("personas/") && $0 != "plan.yml" }.sorted()
    }

    @Test func importWritesTheGoodRowsAndReportsEachBrokenCellAtItsRowAndColumn() throws {
        let plan = try TestPlan([:])
        defer { try? FileManager.default.removeItem(at: plan.root) }
        let (csv, broken) = Self.calendar()
        let url = try sheet(csv, in: plan)
        let outcome = SpreadsheetImport(sheet: url, displayPath: "calendar.csv", contentDirectory: plan.content).run(dryRun: false)
        #expect(outcome.files.count == 195)
        #expect(outcome.refusedRows == broken.map(\.row))
        let errors = outcome.diagnostics.filter { $0.severity == .error }
        #expect(errors.map { "\($0.location)" } == broken.map { "calendar.csv:\($0.row):\($0.column)" })
        #expect(errors.map(\.ruleID) == broken.map(\.rule))
        #expect(itemFiles(plan).count == 195)
        // What was written is a plan `check` reads without a reference or front-matter error.
        let check = Checker(contentDirectory: plan.content, today: LocalDate(parsing: "2026-11-23")!).run()
        let readErrors = check.diagnostics.filter { ["front-matter", "unknown-ref", "unknown-key", "duplicate-id", "missing-file"].contains($0.ruleID) }
        #expect(readErrors.isEmpty, "\(readErrors.map { "\($0.location) \($0.message.en)" })")
        #expect(check.plan?.items.count == 195)
        let topic = try #require(check.plan?.items.first { $0.kind == .topic })
        #expect(topic.group == "runners" && topic.format == .discussion && topic.time.description == "20:30")
        let text = try String(contentsOf: plan.content.appendingPathComponent("moments/2026-12/01-第-0-条朋友圈-晨跑打卡.md"), encoding: .utf8)
        #expect(text == "---\ndate: 2026-12-01\nslot: morning\npersona: xiaozhao\ntheme: life\ntags: [晨跑, 打卡]\n---\n第 0 条朋友圈，晨跑打卡。\n")
    }

    @Test func theCommandPrintsEachBrokenCellAsFileRowColumnAndExitsOne() throws {
        let plan = try TestPlan([:])
        defer { try? FileManager.default.removeItem(at: plan.root) }
        let (csv, broken) = Self.calendar()
        _ = try sheet(csv, in: plan)
        let run = try CLI.run(["import", "calendar.csv"], in: plan.root)
        #expect(run.status == 1)
        for cell in broken {
            #expect(run.stdout.contains("calendar.csv:\(cell.row):\(cell.column): error:"), "\(cell) in \(run.stdout)")
        }
        #expect(run.stdout.split(separator: "\n").filter { $0.hasPrefix("content/") }.count == 195)
        let json = try CLI.run(["import", "calendar.csv", "--format", "json"], in: plan.root)
        #expect(json.status == 1)
        // Paths go to standard error when the report is JSON on standard output; rows written before are unchanged.
        let report = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect((report?["diagnostics"] as? [Any])?.count == 5)
        #expect(json.stderr.contains("195"))
    }

    @Test func dryRunWritesNothing() throws {
        let plan = try TestPlan([:])
        defer { try? FileManager.default.removeItem(at: plan.root) }
        let url = try sheet(Self.calendar().csv, in: plan)
        let before = snapshot(plan.content)
        let outcome = SpreadsheetImport(sheet: url, displayPath: "calendar.csv", contentDirectory: plan.content).run(dryRun: true)
        #expect(outcome.files.count == 195)
        #expect(snapshot(plan.content) == before)
        let run = try CLI.run(["import", "calendar.csv", "--dry-run", "--lang", "en"], in: plan.root)
        #expect(run.stdout.contains("content/moments/2026-12/01-第-0-条朋友圈-晨跑打卡.md"))
        #expect(run.stderr.contains("nothing was written"))
        #expect(snapshot(plan.content) == before)
    }

    @Test func neverOverwritesAFile() throws {
        let mine = TestPlan.moment(date: TestPlan.dec(3), slot: "noon", body: "我自己写的。")
        let plan = try TestPlan(["moments/2026-12/03-mine.md": mine])
        defer { try? FileManager.default.removeItem(at: plan.root) }
        let csv = """
            id,日期,时段,人设,主题,文案
            moments/2026-12/03-mine,2026-12-03,morning,小招,生活日常,表格里的文案。
            moments/2026-12/04-new,2026-12-04,morning,小招,生活日常,新的一条。

            """
        let url = try sheet(csv, in: plan)
        let first = SpreadsheetImport(sheet: url, displayPath: "calendar.csv", contentDirectory: plan.content).run(dryRun: false)
        #expect(first.files == ["moments/2026-12/04-new.md"])
        #expect(first.diagnostics.filter { $0.severity == .error }.map { "\($0.location) [\($0.ruleID)]" } == ["calendar.csv:2:1 [duplicate-id]"])
        #expect(try String(contentsOf: plan.content.appendingPathComponent("moments/2026-12/03-mine.md"), encoding: .utf8) == mine)
        // Importing again after fixing the sheet: rows already imported are left alone, not reported.
        let again = SpreadsheetImport(sheet: url, displayPath: "calendar.csv", contentDirectory: plan.content).run(dryRun: false)
        #expect(again.unchanged == ["moments/2026-12/04-new.md"])
        #expect(again.files.isEmpty)
    }

    @Test func rowsWithoutIdGetTheirKindsFolderAndDistinctNames() throws {
        let plan = try TestPlan([:])
        defer { try? FileManager.default.removeItem(at: plan.root) }
        let csv = """
            date,slot,kind,persona,theme,title,body,group,format
            2026-12-05,evening,topics,xiaozhao,life,Shoes / socks?,a,runners,qa
            2026/12/5,evening,Group topic,小招,life,Shoes / socks?,b,晨跑俱乐部,Q&A

            """
        let url = try sheet(csv, in: plan)
        let outcome = SpreadsheetImport(sheet: url, displayPath: "s.csv", contentDirectory: plan.content).run(dryRun: false)
        #expect(outcome.diagnostics.isEmpty, "\(outcome.diagnostics.map { "\($0.location) \($0.message.en)" })")
        #expect(outcome.files == ["topics/2026-12/05-Shoes-socks.md", "topics/2026-12/05-Shoes-socks-2.md"])
    }

    @Test func aTitleRowAboveTheHeaderIsSkippedAndRowsKeepTheirSpreadsheetNumbers() throws {
        let plan = try TestPlan([:])
        defer { try? FileManager.default.removeItem(at: plan.root) }
        let csv = """
            招财银行 12 月内容日历,,,,,
            日期（必填）,时段*,类型,人设,主题,文案
            2026-12-05,morning,朋友圈,小招,生活日常,早安。
            2026-12-06,morning,朋友圈,小王,生活日常,早安。
            ,,,,,

            """
        let url = try sheet(csv, in: plan)
        let outcome = SpreadsheetImport(sheet: url, displayPath: "s.csv", contentDirectory: plan.content).run(dryRun: false)
        #expect(outcome.files == ["moments/2026-12/05-早安.md"])
        #expect(outcome.diagnostics.map { "\($0.location) [\($0.ruleID)]" } == ["s.csv:4:4 [unknown-ref]"])
    }

    @Test func aCellForAnotherKindOrAMissingRequiredCellRefusesTheRow() throws {
        let plan = try TestPlan([:])
        defer { try? FileManager.default.removeItem(at: plan.root) }
        let csv = """
            日期,时段,类型,人设,主题,社群,标题
            2026-12-05,morning,朋友圈,小招,生活日常,晨跑俱乐部,
            2026-12-06,morning,社群话题,小招,生活日常,晨跑俱乐部,

            """
        let url = try sheet(csv, in: plan)
        let outcome = SpreadsheetImport(sheet: url, displayPath: "s.csv", contentDirectory: plan.content).run(dryRun: false)
        #expect(outcome.files.isEmpty)
        let places = outcome.diagnostics.map { "\($0.location) [\($0.ruleID)]" }
        // Row 2: a moment has no group. Row 3: a topic needs a title (column 7) and a format (no column: column 1).
        #expect(places == ["s.csv:2:6 [unknown-key]", "s.csv:3:1 [front-matter]", "s.csv:3:7 [front-matter]"])
    }

    @Test func aNameThatTwoThingsAnswerToIsRefusedListingBoth() throws {
        let plan = try TestPlan([:], plan: TestPlan.planYAML.replacingOccurrences(of: "car: {label: 车主客群}", with: "car: {label: payroll}"))
        defer { try? FileManager.default.removeItem(at: plan.root) }
        let csv = "日期,时段,类型,人设,主题,标题,文案,客群,触发\n2026-12-05,morning,惊喜,小招,,卡片,送卡,payroll,生日\n2026-12-06,morning,惊喜,小招,,卡片二,送卡,代发客群,生日\n"
        let url = try sheet(csv, in: plan)
        let outcome = SpreadsheetImport(sheet: url, displayPath: "s.csv", contentDirectory: plan.content).run(dryRun: false)
        // The id is ambiguous as well (car's label), as check would say of a file naming it: neither row is written.
        #expect(outcome.files.isEmpty)
        #expect(outcome.diagnostics.map { "\($0.location) [\($0.ruleID)]" } == ["s.csv:2:8 [unknown-ref]", "s.csv:3:8 [unknown-ref]"])
        #expect(outcome.diagnostics.allSatisfy { $0.message.en.contains("car") && $0.message.en.contains("payroll") })
    }

    @Test func gbkIsDetectedAndRead() throws {
        let plan = try TestPlan([:])
        defer { try? FileManager.default.removeItem(at: plan.root) }
        let csv = "日期,时段,类型,人设,主题,文案\r\n2026-12-05,morning,朋友圈,小招,生活日常,冬至吃饺子。\r\n"
        let bytes = try #require(csv.data(using: SheetText.gb18030))
        #expect(String(data: bytes, encoding: .utf8) == nil)
        let url = try sheet("", in: plan, bytes: bytes)
        let outcome = SpreadsheetImport(sheet: url, displayPath: "s.csv", contentDirectory: plan.content).run(dryRun: false)
        #expect(outcome.files.count == 1)
        #expect(outcome.diagnostics.map(\.severity) == [.notice])
        let text = try String(contentsOf: plan.content.appendingPathComponent(try #require(outcome.files.first)), encoding: .utf8)
        #expect(text.hasSuffix("---\n冬至吃饺子。\n"))
    }

    @Test func anUnreadableEncodingIsRefusedWithAHint() throws {
        let plan = try TestPlan([:])
        defer { try? FileManager.default.removeItem(at: plan.root) }
        let url = try sheet("", in: plan, bytes: Data([0x64, 0x61, 0x74, 0x65, 0x0A, 0xFF, 0xFF, 0x80, 0x0A]))
        let outcome = SpreadsheetImport(sheet: url, displayPath: "s.csv", contentDirectory: plan.content).run(dryRun: false)
        #expect(outcome.hasErrors)
        #expect(outcome.diagnostics.first?.hint?.en.contains("CSV UTF-8") == true)
        #expect(outcome.diagnostics.first?.hint?.zh.contains("CSV UTF-8") == true)
    }

    @Test func formulaLookingCellsAreGuardedOnExportAndRestoredOnImport() throws {
        let item = TestPlan.moment(
            date: TestPlan.dec(2), slot: "morning", extra: "title: \"=HYPERLINK(\\\"x\\\")\"\nowner: \"@小王\"\ntags: [\"+1\", \"'-x\"]\nignore: {posts-per-day: \"比赛当天，特例\", min-gap: \"\"}",
            body: "- 第一点\n- 第二点")
        let plan = try TestPlan(["moments/2026-12/02-f.md": item])
        defer { try? FileManager.default.removeItem(at: plan.root) }
        let loaded = try #require(PlanLoader(contentDirectory: plan.content).load().plan)
        let data = try SpreadsheetExport(plan: loaded, language: .zhCN).csv()
        #expect(data.starts(with: [0xEF, 0xBB, 0xBF]))
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        #expect(text.hasPrefix("id,日期,时间,时段,类型,人设,主题,标题,文案,"))
        #expect(text.contains("\"'=HYPERLINK(\"\"x\"\")\""))
        #expect(text.contains("\"'- 第一点\n- 第二点\""))
        // The guard is per cell: import strips it before splitting the list.
        #expect(text.contains(",'@小王,'+1、'-x,\"posts-per-day: 比赛当天，特例\nmin-gap\",,\r\n"))
        #expect(text.contains(",小招,生活日常,"))
        #expect(text.hasSuffix("\r\n"))

        let english = String(decoding: try SpreadsheetExport(plan: loaded, language: .en).csv().dropFirst(3), as: UTF8.self)
        #expect(english.hasPrefix("id,date,time,slot,kind,persona,theme,title,body,segments,group,format,trigger,via,gift,images,purpose,person,action,status,owner,tags,ignore,review,results\r\n"))
        #expect(english.contains(",morning,Moment,小招,生活日常,"))

        let fresh = try TestPlan([:])
        defer { try? FileManager.default.removeItem(at: fresh.root) }
        let url = try sheet("", in: fresh, bytes: data)
        let outcome = SpreadsheetImport(sheet: url, displayPath: "s.csv", contentDirectory: fresh.content).run(dryRun: false)
        #expect(outcome.diagnostics.isEmpty, "\(outcome.diagnostics.map { "\($0.location) \($0.message.en)" })")
        let back = try #require(PlanLoader(contentDirectory: fresh.content).load().plan?.items.first)
        #expect(back.title == "=HYPERLINK(\"x\")")
        #expect(back.owner == "@小王")
        #expect(back.tags == ["+1", "'-x"])
        #expect(back.body == "- 第一点\n- 第二点\n")
        #expect(back.ignores.map { "\($0.ruleID)=\($0.reason)" } == ["posts-per-day=比赛当天，特例", "min-gap="])
    }

    @Test func cellHelpers() {
        #expect(SheetCells.guarded("=1+1") == "'=1+1")
        #expect(SheetCells.guarded("'=1") == "''=1")
        #expect(SheetCells.guarded("'plain") == "'plain")
        #expect(SheetCells.unguarded("''=1") == "'=1")
        #expect(SheetCells.unguarded("'plain") == "'plain")
        for text in ["2026-12-05", "2026/12/5", "2026.12.05", "2026年12月5日", "2026/12/5 0:00"] {
            #expect(SheetCells.date(text)?.description == "2026-12-05", "\(text)")
        }
        for text in ["2026-12-32", "12/05/2026", "2026-12", "2026-12-05x", "12月5日", "1234"] { #expect(SheetCells.date(text) == nil, "\(text)") }
        // Without a year (the plan's range gives it), with a weekday, or as the spreadsheet's day number.
        let range = LocalDate(parsing: "2026-12-01")!...LocalDate(parsing: "2027-01-31")!
        for (text, date) in [
            ("12月5日", "2026-12-05"), ("1/5", "2027-01-05"), ("12月5日（周六）", "2026-12-05"), ("2026-12-05 星期六", "2026-12-05"),
            ("46361", "2026-12-05"),
        ] {
            #expect(SheetCells.date(text, range: range)?.description == date, "\(text)")
        }
        #expect(SheetCells.time("7:30")?.description == "07:30")
        #expect(SheetCells.time("07:30:00")?.description == "07:30")
        #expect(SheetCells.time("25:00") == nil)
        #expect(SheetColumn.named("渠道") == .kind)
        #expect(SheetColumn.named(" 正文 ") == .body)
        #expect(SheetColumn.named("日期/date") == .date)
        #expect(SheetColumn.named("Persona") == .persona)
        #expect(SheetText.guessDelimiter("a\tb\n1,2") == "\t")
    }

    @Test func writtenValuesReadBackAsTheSameText() throws {
        let titles = [
            "a: b", "x #y", "“引号”", "true", "2026 年", "冬季用车：胎压、电瓶", "周六 + 豆浆会", "C'est", "tab\there", "[x]", "a, b",
            "- 列表", "十二月", "@人", "back\\slash", "末尾空格 ", "双  空格",
        ]
        for title in titles {
            let draft = ItemDraft(
                row: 2, id: nil, kind: .topic, date: LocalDate(parsing: "2026-12-05")!,
                values: [
                    "date": .raw("2026-12-05"), "slot": .text("noon"), "persona": .text("xiaozhao"), "theme": .text("life"),
                    "title": .text(title), "group": .text("runners"), "format": .text("qa"), "tags": .list([title, "、", "，"]),
                ], body: "")
            let entry = SourceEntry(role: .item(.topic), relativePath: "topics/a.md", displayPath: "topics/a.md", absolutePath: "/nowhere")
            let (document, problems) = DocumentDecoder(maximumFileSize: 1 << 20).decode(entry: entry, data: Data(ItemFileText.render(draft).utf8))
            #expect(problems.isEmpty, "\(title): \(problems.map(\.message.en))")
            guard case .item(let item) = document else { Issue.record("\(title) did not decode"); continue }
            #expect(item.title == title)
            #expect(item.tags == [title, "、", "，"])
        }
    }

    /// SPEC §11.7: export, then import into a plan without items, gives the same plan.json.
    @Test func exportThenImportRoundTripsTheExamplePlan() throws {
        let package = ExamplePlanTests.package
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("plan-build-roundtrip-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let fresh = root.appendingPathComponent("fresh")
        try FileManager.default.createDirectory(at: fresh.appendingPathComponent("content"), withIntermediateDirectories: true)
        // Series and people are declarations, like personas: a series' occurrences come from its file.
        for part in ["plan.yml", "personas", "assets", "series", "people"] {
            try FileManager.default.copyItem(
                at: package.appendingPathComponent("content/\(part)"), to: fresh.appendingPathComponent("content/\(part)"))
        }
        let export = try CLI.run(["export", "--format", "csv", "--output", root.appendingPathComponent("plan.csv").path], in: package)
        #expect(export.status == 0, "\(export.stderr)")
        let imported = try CLI.run(["import", root.appendingPathComponent("plan.csv").path], in: fresh)
        #expect(imported.status == 0, "\(imported.stdout)\(imported.stderr)")
        let original = root.appendingPathComponent("original")
        let copy = root.appendingPathComponent("copy")
        let builtOriginal = try CLI.run(["build", "--today", "2026-11-23", "--output", original.path, "--quiet"], in: package)
        let builtCopy = try CLI.run(["build", "--today", "2026-11-23", "--output", copy.path, "--quiet"], in: fresh)
        #expect(builtOriginal.status == 0 && builtCopy.status == 0)
        let before = try String(contentsOf: original.appendingPathComponent("plan.json"), encoding: .utf8)
        let after = try String(contentsOf: copy.appendingPathComponent("plan.json"), encoding: .utf8)
        if before != after {
            let a = before.split(separator: "\n", omittingEmptySubsequences: false)
            let b = after.split(separator: "\n", omittingEmptySubsequences: false)
            let first = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }
            Issue.record("plan.json differs at line \(first.map { $0.offset + 1 } ?? min(a.count, b.count)): \(first.map { "\($0.element.0) ≠ \($0.element.1)" } ?? "length")")
        }
        // Every item file is the same Markdown body (the front matter may differ only in what plan.json does not show).
        for file in snapshot(package.appendingPathComponent("content")).keys where file.hasSuffix(".md") && !file.hasPrefix("personas/") {
            #expect(FileManager.default.fileExists(atPath: fresh.appendingPathComponent("content/\(file)").path), "\(file)")
        }
    }
}

extension SpreadsheetTests {
    @Test func resultsTravelThroughExportAndImport() throws {
        let plan = try TestPlan([
            "moments/a.md": TestPlan.moment(date: "2026-12-02", slot: "morning", extra: "status: published\nresults: {likes: 7, replies: 2, new_contacts: 1}"),
        ])
        defer { plan.remove() }
        let loaded = try #require(plan.check().plan)
        let data = try SpreadsheetExport(plan: loaded, language: .en).csv()
        #expect(String(decoding: data, as: UTF8.self).contains("\"likes: 7\nreplies: 2\nnew_contacts: 1\""))
        let fresh = try TestPlan([:])
        defer { fresh.remove() }
        let url = try sheet("", in: fresh, bytes: data)
        let outcome = SpreadsheetImport(sheet: url, displayPath: "s.csv", contentDirectory: fresh.content).run(dryRun: false)
        #expect(!outcome.hasErrors)
        #expect(fresh.check().plan?.item("moments/a")?.results?.counts == [.likes: 7, .replies: 2, .newContacts: 1])
    }
}
