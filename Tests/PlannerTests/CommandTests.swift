import Foundation
import Testing
@testable import Planner

/// Runs the built `plan-build` binary as a user would.
enum CLI {
    static var binary: URL {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for folder in [beside, beside.deletingLastPathComponent(), beside.deletingLastPathComponent().deletingLastPathComponent()] {
            let candidate = folder.appendingPathComponent("plan-build")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return package.appendingPathComponent(".build/debug/plan-build")
    }

    struct Run {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static func run(_ arguments: [String], in directory: URL, environment: [String: String] = [:], using executable: URL? = nil) throws -> Run {
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        let out = Pipe()
        let err = Pipe()
        let process = try startRetryingBusyText {
            let process = Process()
            process.executableURL = executable ?? binary
            process.arguments = arguments
            process.currentDirectoryURL = directory
            process.environment = env
            process.standardOutput = out
            process.standardError = err
            return process
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    }
}

/// Starts a process, retrying while its executable is "text file busy": a binary copied a moment ago can still be
/// open for writing in a child that another test forked in between (the descriptor lives until that child's exec).
func startRetryingBusyText(_ makeProcess: () -> Process) throws -> Process {
    var attempt = 0
    while true {
        let process = makeProcess()
        do {
            try process.run()
            return process
        } catch let error as NSError {
            let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError
            let busy = error.code == Int(ETXTBSY) || (underlying?.domain == NSPOSIXErrorDomain && underlying?.code == Int(ETXTBSY))
            guard busy, attempt < 100 else { throw error }
            attempt += 1
            Thread.sleep(forTimeInterval: 0.05)
        }
    }
}

/// Every file under a folder with its bytes, for byte-for-byte comparisons.
func snapshot(_ folder: URL) -> [String: Data] {
    var files: [String: Data] = [:]
    let root = folder.standardizedFileURL.path
    guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return files }
    for case let url as URL in enumerator {
        var isDirectory: ObjCBool = false
        _ = FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
        if !isDirectory.boolValue {
            files[String(url.standardizedFileURL.path.dropFirst(root.count + 1))] = try? Data(contentsOf: url)
        }
    }
    return files
}

@Suite(.serialized) struct CommandTests {
    static let minimal = FixtureTests.fixtures.appendingPathComponent("valid/minimal/content")

    func workspace() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("plan-build-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.minimal, to: root.appendingPathComponent("content"))
        return root
    }

    @Test func buildWritesEveryPageOfTheSite() throws {
        let root = try workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        let run = try CLI.run(["build", "--today", "2026-11-23"], in: root)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        let output = root.appendingPathComponent("output")
        for page in [
            "index.html", "playbook/index.html", "plan.json", "calendar.ics", "warnings/index.html",
            "weeks/2026-W49.html", "playbook/2026-W49.html", "personas/xiaozhao.html", "personas/xiaozhao.ics",
            "groups/runners.html", "segments/payroll.html", "items/moments/2026-12/01-晨跑.html",
            "items/topics/runners/02-话题.html", "items/surprises/03-生日.html", "assets/avatar.png", "static/style.css",
        ] {
            #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(page).path), "missing \(page)")
        }
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("plan.json"))) as? [String: Any]
        let items = try #require(json?["items"] as? [[String: Any]])
        #expect(items.count == 5)
        for item in items {
            for key in ["id", "kind", "date", "time", "persona", "segments", "file", "page", "diagnostics"] {
                #expect(item[key] != nil, "plan.json item lacks \(key)")
            }
        }
        let moment = try #require(items.first { $0["id"] as? String == "moments/2026-12/01-晨跑" })
        #expect(moment["file"] as? String == "content/moments/2026-12/01-晨跑.md")
        #expect(moment["page"] as? String == "items/moments/2026-12/01-晨跑.html")
        #expect(moment["theme"] as? String == "life")
    }

    /// The third build renders into the site the second one swapped out: pages
    /// of items deleted since must go, and the result must equal a fresh build.
    @Test func rebuildingOverThePreviousSiteLeavesNoStalePages() throws {
        let root = try workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        let args = ["build", "--today", "2026-11-23"]
        #expect(try CLI.run(args, in: root).status == 0)
        #expect(try CLI.run(args, in: root).status == 0)
        let spare = root.appendingPathComponent(".output.plan-build-spare")
        #expect(FileManager.default.fileExists(atPath: spare.appendingPathComponent("index.html").path), "the previous site is kept")
        // A stray file in the spare, and an item removed from the plan.
        try Data("stale".utf8).write(to: spare.appendingPathComponent("items/stray.html"))
        // A stray tree beside kept pages, and a folder with nothing in it: listed while the pages are written.
        try FileManager.default.createDirectory(at: spare.appendingPathComponent("items/stray/deep"), withIntermediateDirectories: true)
        try Data("stale".utf8).write(to: spare.appendingPathComponent("items/stray/deep/page.html"))
        try FileManager.default.createDirectory(at: spare.appendingPathComponent("empty/er"), withIntermediateDirectories: true)
        try FileManager.default.removeItem(at: root.appendingPathComponent("content/surprises/03-生日.md"))
        #expect(try CLI.run(args, in: root).status == 0)
        let output = root.appendingPathComponent("output")
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("items/stray.html").path))
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("items/surprises/03-生日.html").path))
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("items/surprises").path), "empty folders go too")
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("items/stray").path))
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("empty").path))
        #expect(try CLI.run(args + ["--output", "fresh"], in: root).status == 0)
        #expect(snapshot(output) == snapshot(root.appendingPathComponent("fresh")))
    }

    @Test func twoBuildsAreByteIdentical() throws {
        let root = try workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try CLI.run(["build", "--today", "2026-11-23", "--output", "one"], in: root).status == 0)
        #expect(try CLI.run(["build", "--today", "2026-11-23", "--output", "two"], in: root).status == 0)
        let one = snapshot(root.appendingPathComponent("one"))
        let two = snapshot(root.appendingPathComponent("two"))
        #expect(!one.isEmpty)
        #expect(one == two)
    }

    @Test(arguments: ["yaml-syntax", "bad-date", "unknown-persona", "misspelt-key", "missing-image"])
    func aFailedBuildLeavesTheOutputUntouched(_ invalidCase: String) throws {
        let root = try workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try CLI.run(["build", "--today", "2026-11-23"], in: root).status == 0)
        let before = snapshot(root.appendingPathComponent("output"))
        let broken = FixtureTests.fixtures.appendingPathComponent("invalid/\(invalidCase)/content")
        let run = try CLI.run(["build", "--today", "2026-11-23", "--content", broken.path], in: root)
        #expect(run.status == 1)
        let expected = try String(contentsOf: broken.deletingLastPathComponent().appendingPathComponent("expected"), encoding: .utf8)
        let first = try #require(expected.split(separator: "\n").first?.split(separator: " ").map(String.init))
        // file:line:col: severity: message [rule]
        let place = "/\(invalidCase)/" + first[2] + ":"
        let line = run.stdout.split(separator: "\n").first {
            $0.contains(place) && $0.contains(": \(first[0]): ") && $0.hasSuffix("[\(first[1])]")
        }
        #expect(line != nil, "expected \(place) \(first[0]) [\(first[1])] in \(run.stdout)")
        #expect(snapshot(root.appendingPathComponent("output")) == before, "output/ must stay byte-identical")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasPrefix(".output") && !BesideOutput.kept.contains($0) }
        #expect(leftovers.isEmpty)
    }

    @Test func checkExitCodes() throws {
        let root = try workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try CLI.run(["check", "--today", "2026-11-23"], in: root).status == 0)
        #expect(try CLI.run(["check", "--no-such-flag"], in: root).status == 2)
        #expect(try CLI.run(["check", "--content", "nowhere"], in: root).status == 2)
        #expect(try CLI.run(["check", "--format", "yaml"], in: root).status == 2)
        #expect(try CLI.run(["check", "--help"], in: root).status == 0)
        // Dated before today and still a draft: a stale-draft warning fails only with --strict or past --max-warnings.
        let lenient = try CLI.run(["check", "--today", "2027-01-01"], in: root)
        #expect(lenient.status == 0)
        #expect(lenient.stdout.contains("[stale-draft]"))
        #expect(try CLI.run(["check", "--today", "2027-01-01", "--strict"], in: root).status == 1)
        #expect(try CLI.run(["check", "--today", "2027-01-01", "--max-warnings", "0"], in: root).status == 1)
        #expect(try CLI.run(["check", "--today", "2027-01-01", "--max-warnings", "99"], in: root).status == 0)
    }

    @Test func refusesDangerousOutputFolders() throws {
        let root = try workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        for output in ["content", ".", "/", "content/assets"] {
            let run = try CLI.run(["build", "--today", "2026-11-23", "--output", output], in: root)
            #expect(run.status == 2, "--output \(output) must be refused: \(run.stderr)")
        }
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("content/plan.yml").path))
    }

    @Test func parallelAndSingleThreadedRendersAreIdentical() throws {
        let result = Checker(contentDirectory: Self.minimal, today: LocalDate(parsing: "2026-11-23")!).run()
        let plan = try #require(result.plan)
        let theme = try Theme.load(name: "default", overrideDirectory: nil)
        var trees: [[String: Data]] = []
        for single in [false, true] {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plan-build-render-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            try SiteRenderer(
                plan: plan, diagnostics: result.diagnostics, theme: theme, language: .zhCN,
                today: LocalDate(parsing: "2026-11-23")!, contentRoot: Self.minimal, singleThreaded: single
            ).render(into: folder)
            trees.append(snapshot(folder))
        }
        #expect(trees[0].count > 10)
        #expect(trees[0] == trees[1])
    }

    /// serve renders only what an edit touched: after edits to copy, a title,
    /// a date and a deletion, its site must equal a fresh render of the same plan.
    @Test func incrementalRendersEqualFreshRenders() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("plan-build-memo-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let content = root.appendingPathComponent("content")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: ExamplePlanTests.package.appendingPathComponent("content"), to: content)
        let theme = try Theme.load(name: "default", overrideDirectory: nil)
        let today = LocalDate(parsing: "2026-12-10")!
        let memo = RenderMemo()
        let copies = CopyCache()
        let served = root.appendingPathComponent("served")
        try FileManager.default.createDirectory(at: served, withIntermediateDirectories: true)
        func render(into folder: URL, incremental: Bool) throws {
            let result = Checker(contentDirectory: content, today: today).run()
            let plan = try #require(result.plan)
            try SiteRenderer(
                plan: plan, diagnostics: result.diagnostics, theme: theme, language: .zhCN, today: today, contentRoot: content,
                serveMode: true, memo: incremental ? memo : nil, copyCache: incremental ? copies : nil
            ).render(into: folder)
        }
        func edit(_ path: String, _ change: (String) -> String) throws {
            let file = content.appendingPathComponent(path)
            try change(String(contentsOf: file, encoding: .utf8)).write(to: file, atomically: true, encoding: .utf8)
        }
        let moments = content.appendingPathComponent("moments/2026-12")
        let files = try FileManager.default.contentsOfDirectory(atPath: moments.path).sorted().filter { $0.hasSuffix(".md") }
        let edits: [() throws -> Void] = [
            { try edit("moments/2026-12/" + files[0]) { $0 + "\n追加的一句话。\n" } },
            {
                try edit("moments/2026-12/" + files[1]) { text in
                    text.split(separator: "\n", omittingEmptySubsequences: false)
                        .map { $0.hasPrefix("date:") ? "date: 2026-12-28" : String($0) }.joined(separator: "\n")
                }
            },
            { try FileManager.default.removeItem(at: moments.appendingPathComponent(files[2])) },
            { try edit("moments/2026-12/" + files[3]) { $0.replacingOccurrences(of: "status: draft", with: "status: ready") + "\n保本\n" } },
            // New numbers: the persona's and the segments' rates change, not any chip.
            { try edit("moments/2026-12/" + files[0]) { $0.replacingOccurrences(of: "comments: 18", with: "comments: 80") } },
        ]
        try render(into: served, incremental: true)
        for (step, change) in edits.enumerated() {
            try change()
            try render(into: served, incremental: true)
            let fresh = root.appendingPathComponent("fresh-\(step)")
            try FileManager.default.createDirectory(at: fresh, withIntermediateDirectories: true)
            try render(into: fresh, incremental: false)
            let incremental = snapshot(served)
            let expected = snapshot(fresh)
            #expect(incremental.count == expected.count, "step \(step): \(Set(incremental.keys).symmetricDifference(expected.keys).sorted())")
            let differing = expected.keys.filter { incremental[$0] != expected[$0] }.sorted()
            #expect(differing.isEmpty, "step \(step): pages differ from a fresh render: \(differing.prefix(10))")
        }
    }

    @Test func themeOverridesReplaceFilesOneByOne() throws {
        let root = try workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        let templates = root.appendingPathComponent("themes/default/templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try Data("{{<layout}}{{$main}}<p id=\"custom\">自定义首页</p>{{/main}}{{/layout}}".utf8).write(to: templates.appendingPathComponent("index.mustache"))
        #expect(try CLI.run(["build", "--today", "2026-11-23"], in: root).status == 0)
        let index = try String(contentsOf: root.appendingPathComponent("output/index.html"), encoding: .utf8)
        #expect(index.contains("自定义首页"))
        let week = try String(contentsOf: root.appendingPathComponent("output/weeks/2026-W49.html"), encoding: .utf8)
        #expect(week.contains("week-grid"), "templates not overridden come from the built-in theme")
    }
}

@Suite struct ExamplePlanTests {
    static let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The example plan is seen as of 2026-12-10 (as site-check builds it): December 1–9 are published, with results.
    static let today = "2026-12-10"

    @Test func theExamplePlanHasItsDeliberateWarningsAndNoErrors() throws {
        let result = Checker(contentDirectory: Self.package.appendingPathComponent("content"), today: LocalDate(parsing: Self.today)!).run()
        #expect(result.count(.error) == 0, "\(result.diagnostics.filter { $0.severity == .error }.map { "\($0.location) \($0.message.en)" })")
        // The two deliberate slips, and the private-banking segment the plan serves too thinly
        // (three chats and one surprise: below the rule of seven, none of its tier's needs).
        #expect(Set(result.diagnostics.map(\.ruleID)) == ["posts-per-day", "min-gap", "touch-floor", "stage-fit"])
        #expect(result.diagnostics.filter { ["touch-floor", "stage-fit"].contains($0.ruleID) }.allSatisfy { $0.message.en.contains("私行客户") })
        let plan = try #require(result.plan)
        #expect(plan.items.filter { $0.kind == .moment }.count >= 60)
        #expect(plan.items.filter { $0.kind == .topic }.count >= 12)
        #expect(plan.items.filter { $0.kind == .surprise }.count >= 6)
        #expect(Set(plan.items.compactMap(\.theme)).isSuperset(of: ["professional", "life", "interaction", "promotion"]))
    }

    @Test(.enabled(if: SARIFReportTests.python, "python3 with jsonschema is not installed"))
    func checkFormatsOfTheExamplePlanAreValid() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plan-build-formats-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let sarif = folder.appendingPathComponent("plan.sarif")
        let gitlab = folder.appendingPathComponent("gl.json")
        let run = try CLI.run(
            ["check", "--today", Self.today, "--format", "sarif=\(sarif.path)", "--format", "gitlab=\(gitlab.path)", "--format", "github"],
            in: Self.package)
        #expect(run.status == 0)
        #expect(run.stdout.contains("::warning file=content/moments/2026-12/13-"))
        let validator = Process()
        validator.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        validator.arguments = ["python3", SARIFReportTests.validator.path, sarif.path]
        try validator.run()
        validator.waitUntilExit()
        #expect(validator.terminationStatus == 0, "the SARIF of the example plan validates against the 2.1.0 schema")
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: gitlab)) as? [[String: Any]])
        #expect(entries.count == 4)
        for entry in entries {
            #expect(entry["description"] is String)
            #expect(entry["check_name"] is String)
            #expect(entry["fingerprint"] is String)
            #expect(entry["severity"] is String)
            let location = try #require(entry["location"] as? [String: Any])
            #expect(location["path"] is String)
            #expect((location["lines"] as? [String: Any])?["begin"] is Int)
        }
    }

    @Test func theExamplePlansPublishedItemsCarryResultsAndItsRatesSaySomethingTrue() throws {
        let result = Checker(contentDirectory: Self.package.appendingPathComponent("content"), today: LocalDate(parsing: Self.today)!).run()
        let plan = try #require(result.plan)
        let published = plan.items.filter { $0.status == .published }
        #expect(published.count >= 30)
        #expect(published.allSatisfy { $0.date < LocalDate(parsing: Self.today)! && !($0.results?.isEmpty ?? true) })
        // What the README says the persona pages show: 小招's rate falls from week 49 to week 50, 小影's holds.
        func weeks(_ persona: String) -> [Double] {
            InteractionRate.byWeek(plan.items.filter { $0.persona == persona }).compactMap(\.rate.rate)
        }
        let xiaozhao = weeks("xiaozhao"), xiaoying = weeks("xiaoying")
        #expect(xiaozhao.count == 2 && xiaozhao[1] < xiaozhao[0] * 0.7)
        #expect(xiaoying.count == 2 && abs(xiaoying[1] - xiaoying[0]) < xiaoying[0] * 0.3)
    }
}
