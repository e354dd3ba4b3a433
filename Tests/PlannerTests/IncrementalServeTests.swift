import Foundation
import Testing
@testable import Planner

/// serve keeps what it worked out between rebuilds (decoded and resolved
/// files, each scoped rule's findings by persona, group, segment or item,
/// rendered pages) and redoes only what an edit touches. Whatever the edits,
/// its site and findings must be the ones a fresh build makes.
@Suite struct IncrementalServeTests {
    /// SplitMix64: the same edits on every machine and every run.
    struct SeededRandom: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let plan = """
        title: 增量测试
        locale: en
        timezone: Asia/Shanghai
        start: 2026-12-01
        end: 2026-12-31
        segments:
          payroll: {label: 代发客群, stage: weak}
          car: {label: 车主客群}
        groups:
          runners: {label: 晨跑俱乐部, owner: xiaozhao, segments: [payroll]}
          drivers: {label: 车友会, owner: xiaoying, segments: [car]}
        banned: [保本]
        rules:
          posts-per-day: {min: 1, max: 1}
          min-gap: {minutes: 240}
          touch-cap: {max: 2}
          surprise-spacing: {days: 5}
          group-per-day: {max: 1}
          theme-streak: {max: 1}
          banned-word: warning
          disclaimer: warning
          review-required: warning
        """

    /// A random item file: a moment, topic or surprise of either persona, somewhere in December.
    static func randomItem(_ random: inout SeededRandom, serial: Int) -> (folder: String, text: String) {
        let persona = ["xiaozhao", "xiaoying"].randomElement(using: &random)!
        let date = TestPlan.dec(Int.random(in: 1...31, using: &random))
        let time = ["07:30", "12:10", "20:30", "23:10", "08:00"].randomElement(using: &random)!
        let theme = ["life", "professional", "interaction", "promotion"].randomElement(using: &random)!
        let banned = Int.random(in: 0..<6, using: &random) == 0 ? "保本收益，" : ""
        let body = "\(banned)第 \(serial) 条：\(["晨跑打卡。", "理财小知识。", "周末愉快。"].randomElement(using: &random)!)"
        switch Int.random(in: 0..<6, using: &random) {
        case 0, 1:
            let group = ["runners", "drivers"].randomElement(using: &random)!
            return (
                "topics/\(group)",
                TestPlan.topic(date: date, time: time, persona: persona, theme: theme, group: group, title: "话题 \(serial)", body: body)
            )
        case 2:
            let segments = [["payroll"], ["car"], ["payroll", "car"]].randomElement(using: &random)!
            return ("surprises", TestPlan.surprise(date: date, time: time, persona: persona, title: "惊喜 \(serial)", segments: segments, body: body))
        default:
            return ("moments/2026-12", TestPlan.moment(date: date, time: time, persona: persona, theme: theme, body: body))
        }
    }

    @Test func serveAfterFiftyRandomEditsEqualsAFreshBuild() throws {
        var random = SeededRandom(state: 18)
        var files: [String: String] = [
            "plan.yml": Self.plan,
            "personas/xiaoying.md": TestPlan.persona(name: "小影", extra: "segments: [car]"),
        ]
        var serial = 0
        for _ in 0..<40 {
            serial += 1
            let (folder, text) = Self.randomItem(&random, serial: serial)
            files["\(folder)/item-\(serial).md"] = text
        }
        let plan = try TestPlan(files)
        defer { plan.remove() }
        let today = LocalDate(year: 2026, month: 12, day: 10)!
        let caches = Pipeline.Caches.all()
        let served = plan.root.appendingPathComponent("served")
        var itemPaths = files.keys.filter { $0.hasSuffix(".md") && !$0.hasPrefix("personas/") }.sorted()

        func serveBuild(changed: [String]?) throws -> [String] {
            caches.documents?.noteChanges(changed)
            let pipeline = Pipeline(
                paths: Pipeline.Paths(content: plan.content, output: .inPlace(served)), today: today, caches: caches, serveMode: true)
            return Self.summary(try pipeline.build())
        }
        func freshBuild(into folder: URL) throws -> [String] {
            let pipeline = Pipeline(paths: Pipeline.Paths(content: plan.content, output: .inPlace(folder)), today: today, serveMode: true)
            return Self.summary(try pipeline.build())
        }

        let first = try serveBuild(changed: nil)
        #expect(!first.contains { $0.contains(" error [") }, "the random plan has errors: \(first.filter { $0.contains(" error [") })")
        var edits = (0, 0, 0)
        for step in 1...50 {
            let operation = Int.random(in: 0..<4, using: &random)
            let changed: String
            if operation == 0 || itemPaths.count < 10 {
                serial += 1
                let (folder, text) = Self.randomItem(&random, serial: serial)
                changed = "\(folder)/item-\(serial).md"
                try Self.write(text, to: plan.content.appendingPathComponent(changed))
                itemPaths.append(changed)
                edits.0 += 1
            } else if operation == 1 {
                changed = itemPaths.remove(at: Int.random(in: 0..<itemPaths.count, using: &random))
                try FileManager.default.removeItem(at: plan.content.appendingPathComponent(changed))
                edits.1 += 1
            } else {
                // An edit keeps the file's kind (its folder) and may change anything else.
                changed = itemPaths[Int.random(in: 0..<itemPaths.count, using: &random)]
                var text: String
                repeat {
                    serial += 1
                    text = Self.randomItem(&random, serial: serial).text
                } while !Self.sameKind(text, changed)
                try Self.write(text, to: plan.content.appendingPathComponent(changed))
                edits.2 += 1
            }
            let incremental = try serveBuild(changed: [plan.content.appendingPathComponent(changed).path])
            let freshFolder = plan.root.appendingPathComponent("fresh-\(step)")
            let fresh = try freshBuild(into: freshFolder)
            #expect(incremental == fresh, "findings differ after step \(step) (\(changed))")
            let servedFiles = try Self.files(under: served)
            let freshFiles = try Self.files(under: freshFolder)
            #expect(servedFiles.keys.sorted() == freshFiles.keys.sorted(), "pages differ after step \(step) (\(changed))")
            for (path, bytes) in freshFiles where servedFiles[path] != bytes {
                Issue.record("\(path) differs after step \(step) (\(changed))")
            }
            try FileManager.default.removeItem(at: freshFolder)
        }
        // The seed gives every kind of change.
        #expect(edits.0 > 5 && edits.1 > 5 && edits.2 > 5)
    }

    /// Edits that keep every item in its place (copy, a title, a status; a
    /// word that is banned, copy that repeats another's) take serve's
    /// shortest ways: the last load patched, the plan's index patched, only
    /// the changed items' pages looked at. They too must give a fresh build's site.
    @Test func editsThatKeepItemsInPlaceEqualAFreshBuild() throws {
        var random = SeededRandom(state: 1_812)
        struct Planned {
            let folder: String
            let date: String
            let time: String
            let persona: String
            let theme: String
            let group: String
            let segments: [String]
        }
        func text(_ planned: Planned, body: String, title: String, status: String) -> String {
            let extra = "status: \(status)"
            switch planned.folder {
            case "topics":
                return TestPlan.topic(
                    date: planned.date, time: planned.time, persona: planned.persona, theme: planned.theme, group: planned.group,
                    title: title, extra: extra, body: body)
            case "surprises":
                return TestPlan.surprise(
                    date: planned.date, time: planned.time, persona: planned.persona, title: title, segments: planned.segments,
                    extra: extra, body: body)
            default:
                return TestPlan.moment(
                    date: planned.date, time: planned.time, persona: planned.persona, theme: planned.theme,
                    extra: extra + "\ntitle: \(title)", body: body)
            }
        }
        // A few bodies only, so that copy repeats within the rule's 30 days.
        let bodies = ["晨跑打卡，滨江八公里。", "理财小知识：先存后花。", "周末愉快！", "保本收益，稳稳的。", "今天的天气真好。"]
        var unique = 0
        func randomBody(_ random: inout SeededRandom) -> String {
            // Half the time copy used nowhere else (duplicate-copy keeps its last findings then).
            guard Bool.random(using: &random) else { return bodies.randomElement(using: &random)! }
            unique += 1
            return "只此一条的文案，第 \(unique) 版。"
        }
        var planned: [String: Planned] = [:]
        var files: [String: String] = [
            "plan.yml": Self.plan,
            "personas/xiaoying.md": TestPlan.persona(name: "小影", extra: "segments: [car]"),
        ]
        for serial in 1...40 {
            let folder = ["moments", "moments", "topics", "surprises"].randomElement(using: &random)!
            let item = Planned(
                folder: folder, date: TestPlan.dec(Int.random(in: 1...31, using: &random)),
                time: ["07:30", "12:10", "20:30", "08:00"].randomElement(using: &random)!,
                persona: ["xiaozhao", "xiaoying"].randomElement(using: &random)!,
                theme: ["life", "professional", "interaction", "promotion"].randomElement(using: &random)!,
                group: ["runners", "drivers"].randomElement(using: &random)!,
                segments: [["payroll"], ["car"], ["payroll", "car"]].randomElement(using: &random)!)
            let path = "\(folder)/item-\(serial).md"
            planned[path] = item
            files[path] = text(item, body: randomBody(&random), title: "第 \(serial) 条", status: "draft")
        }
        let plan = try TestPlan(files)
        defer { plan.remove() }
        let today = LocalDate(year: 2026, month: 12, day: 10)!
        let caches = Pipeline.Caches.all()
        let served = plan.root.appendingPathComponent("served")
        func build(into folder: URL, caches: Pipeline.Caches, changed: [String]?) throws -> [String] {
            try Self.serveBuild(plan, into: folder, today: today, caches: caches, changed: changed)
        }
        _ = try build(into: served, caches: caches, changed: nil)
        let paths = planned.keys.sorted()
        for step in 1...30 {
            let path = paths.randomElement(using: &random)!
            let status = ["idea", "draft", "ready"].randomElement(using: &random)!
            let title = Int.random(in: 0..<3, using: &random) == 0 ? "改过的标题 \(step)" : "第 \(step) 条"
            try Self.write(
                text(planned[path]!, body: randomBody(&random), title: title, status: status), to: plan.content.appendingPathComponent(path))
            let incremental = try build(into: served, caches: caches, changed: [plan.content.appendingPathComponent(path).path])
            let freshFolder = plan.root.appendingPathComponent("fresh-\(step)")
            let fresh = try build(into: freshFolder, caches: .none, changed: nil)
            #expect(incremental == fresh, "findings differ after step \(step) (\(path))")
            let servedFiles = try Self.files(under: served)
            let freshFiles = try Self.files(under: freshFolder)
            #expect(servedFiles.keys.sorted() == freshFiles.keys.sorted(), "pages differ after step \(step) (\(path))")
            for (page, bytes) in freshFiles where servedFiles[page] != bytes {
                Issue.record("\(page) differs after step \(step) (\(path))")
            }
            try FileManager.default.removeItem(at: freshFolder)
        }
    }

    /// A crowded week is continued on `<week>-2.html`; where it splits
    /// depends on every chip of the week, and each item page and month grid
    /// links the part that holds its day. An edit that moves the split (here
    /// one item, from Sunday to a Friday that just fits on the first part)
    /// or an item outside the range (listed on months/outside.html) must
    /// leave serve's site as a fresh build makes it.
    @Test func editsThatMoveACrowdedWeeksSplitEqualAFreshBuild() throws {
        let filler = CrowdedMonthTests.filler
        var files: [String: String] = [:]
        // 150 items a day from Monday 12-07 to Sunday 12-13; Friday holds as many as fit beside Monday to Thursday.
        for day in 7...13 {
            for number in 0..<(day == 11 ? 198 : 150) {
                let time = day == 11
                    ? String(format: "%02d:%02d", 6 + number / 60, number % 60) : String(format: "%02d:%02d", 7 + number / 12, number % 12 * 5)
                files["moments/\(day)/\(number).md"] = TestPlan.moment(
                    date: TestPlan.dec(day), time: time, body: "D\(String(format: "%02d", day))-编号-\(number)-\(filler)")
            }
        }
        for number in 0..<200 {
            files["moments/out/\(number).md"] = TestPlan.moment(
                date: "2027-01-\(String(format: "%02d", 1 + number % 28))", time: "09:00", body: "OUT-编号-\(number)-\(filler)")
        }
        let plan = try TestPlan(files, plan: TestPlan.plan(extra: "rules:\n  posts-per-day: off\n  min-gap: off\n  out-of-range: off"))
        defer { plan.remove() }
        let today = LocalDate(year: 2026, month: 12, day: 10)!
        let caches = Pipeline.Caches.all()
        let served = plan.root.appendingPathComponent("served")
        func build(into folder: URL, caches: Pipeline.Caches, changed: [String]?) throws -> [String] {
            try Self.serveBuild(plan, into: folder, today: today, caches: caches, changed: changed)
        }
        func fridayLinksSecondPart() throws -> Bool {
            try String(decoding: Data(contentsOf: served.appendingPathComponent("items/moments/11/0.html")), as: UTF8.self)
                .contains("weeks/2026-W50-2.html")
        }
        _ = try build(into: served, caches: caches, changed: nil)
        #expect(FileManager.default.fileExists(atPath: served.appendingPathComponent("months/outside.html").path))
        #expect(try !fridayLinksSecondPart())
        let edits: [(path: String, text: String, friday: Bool)] = [
            ("moments/13/0.md", TestPlan.moment(date: TestPlan.dec(11), time: "21:00", body: "D13-编号-0-\(filler)"), true),
            ("moments/13/0.md", TestPlan.moment(date: TestPlan.dec(13), time: "07:00", body: "D13-编号-0-\(filler)"), false),
            ("moments/out/7.md", TestPlan.moment(date: "2027-01-08", time: "09:00", body: "OUT-编号-7-改过的标题"), false),
        ]
        for (step, edit) in edits.enumerated() {
            try Self.write(edit.text, to: plan.content.appendingPathComponent(edit.path))
            let incremental = try build(into: served, caches: caches, changed: [plan.content.appendingPathComponent(edit.path).path])
            let freshFolder = plan.root.appendingPathComponent("fresh-\(step)")
            let fresh = try build(into: freshFolder, caches: .none, changed: nil)
            #expect(incremental == fresh, "findings differ after step \(step) (\(edit.path))")
            #expect(try fridayLinksSecondPart() == edit.friday, "the split moved as planned after step \(step)")
            let servedFiles = try Self.files(under: served)
            let freshFiles = try Self.files(under: freshFolder)
            #expect(servedFiles.keys.sorted() == freshFiles.keys.sorted(), "pages differ after step \(step) (\(edit.path))")
            let differing = freshFiles.keys.filter { servedFiles[$0] != freshFiles[$0] }.sorted()
            #expect(differing.isEmpty, "after step \(step) (\(edit.path)) these differ: \(differing.prefix(8))")
            try FileManager.default.removeItem(at: freshFolder)
        }
    }

    /// The rules' findings are merged, suppressed and sorted once more only
    /// when they or an `ignore:` changed: edits that add, change and remove
    /// an item's ignores, with and without the rule finding anything, must give a fresh build's findings and site.
    @Test func editsOfIgnoresEqualAFreshBuild() throws {
        var files: [String: String] = [
            "plan.yml": Self.plan,
            "personas/xiaoying.md": TestPlan.persona(name: "小影", extra: "segments: [car]"),
        ]
        for day in 1...12 {
            files["moments/2026-12/item-\(day).md"] = TestPlan.moment(
                date: TestPlan.dec(day), time: "08:00", persona: day % 2 == 0 ? "xiaoying" : "xiaozhao", body: "保本收益，第 \(day) 天。")
        }
        let plan = try TestPlan(files)
        defer { plan.remove() }
        let today = LocalDate(year: 2026, month: 12, day: 10)!
        let caches = Pipeline.Caches.all()
        let served = plan.root.appendingPathComponent("served")
        func build(into folder: URL, caches: Pipeline.Caches, changed: [String]?) throws -> [String] {
            try Self.serveBuild(plan, into: folder, today: today, caches: caches, changed: changed)
        }
        _ = try build(into: served, caches: caches, changed: nil)
        let edits: [(day: Int, extra: String, body: String)] = [
            (3, "ignore: {banned-word: \"客户原话\"}", "保本收益，第 3 天。"),
            (3, "ignore: {banned-word: \"客户原话\"}", "保本收益，改过的第 3 天。"),
            (5, "", "第 5 天，没有禁用词。"),
            (3, "ignore: {banned-word: \"\"}", "保本收益，改过的第 3 天。"),
            (4, "ignore: {min-gap: \"特意安排\"}", "保本收益，第 4 天。"),
            (3, "", "保本收益，改过的第 3 天。"),
            (4, "", "保本收益，第 4 天。"),
        ]
        for (step, edit) in edits.enumerated() {
            let path = "moments/2026-12/item-\(edit.day).md"
            try Self.write(
                TestPlan.moment(
                    date: TestPlan.dec(edit.day), time: "08:00", persona: edit.day % 2 == 0 ? "xiaoying" : "xiaozhao", extra: edit.extra,
                    body: edit.body),
                to: plan.content.appendingPathComponent(path))
            let incremental = try build(into: served, caches: caches, changed: [plan.content.appendingPathComponent(path).path])
            let freshFolder = plan.root.appendingPathComponent("fresh-\(step)")
            let fresh = try build(into: freshFolder, caches: .none, changed: nil)
            #expect(incremental == fresh, "findings differ after step \(step) (\(path))")
            let servedFiles = try Self.files(under: served)
            let freshFiles = try Self.files(under: freshFolder)
            let differing = Set(freshFiles.keys).union(servedFiles.keys).filter { servedFiles[$0] != freshFiles[$0] }.sorted()
            #expect(differing.isEmpty, "after step \(step) (\(path)) these differ: \(differing.prefix(8))")
            try FileManager.default.removeItem(at: freshFolder)
        }
    }

    static func sameKind(_ text: String, _ path: String) -> Bool {
        if path.hasPrefix("topics/") { return text.contains("group: \(path.split(separator: "/")[1])") }
        if path.hasPrefix("surprises/") { return text.contains("trigger:") }
        return !text.contains("group:") && !text.contains("trigger:")
    }

    static func write(_ text: String, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// The findings of a build, each as every report shows it.
    /// One build as serve runs it: in place, with the caches told which files changed (`nil`: all).
    static func serveBuild(
        _ plan: TestPlan, into folder: URL, today: LocalDate, caches: Pipeline.Caches, changed: [String]?
    ) throws -> [String] {
        caches.documents?.noteChanges(changed)
        let pipeline = Pipeline(
            paths: Pipeline.Paths(content: plan.content, output: .inPlace(folder)), today: today, caches: caches, serveMode: true)
        return summary(try pipeline.build())
    }

    static func summary(_ outcome: Pipeline.Outcome) -> [String] {
        let result: CheckResult
        switch outcome {
        case .built(let built, _): result = built
        case .failed(let failed): result = failed
        }
        return result.diagnostics.map {
            "\($0.location) \($0.severity) [\($0.ruleID)] \($0.message.en) \($0.fingerprint) \($0.related.map(\.location.description))"
        }
    }

    /// Every file under a folder by relative path.
    static func files(under root: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let prefix = root.standardizedFileURL.path + "/"
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else { return [:] }
        for case let url as URL in walker where (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
            files[String(url.standardizedFileURL.path.dropFirst(prefix.count))] = try Data(contentsOf: url)
        }
        return files
    }
}
