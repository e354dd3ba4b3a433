import Foundation
import Testing
@testable import Planner

/// The command line speaks the plan's language (spec §11.1): `--lang`, then
/// the plan's explicit `locale`, then LANG, then zh-CN.
@Suite(.serialized) struct InterfaceLanguageTests {
    /// LANG set, and the variables that would override it cleared.
    static func locale(_ lang: String) -> [String: String] { ["LANG": lang, "LC_ALL": "", "LC_MESSAGES": ""] }

    private func folder(planYAML: String?) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("plan-build-lang-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("content"), withIntermediateDirectories: true)
        if let planYAML { try Data(planYAML.utf8).write(to: root.appendingPathComponent("content/plan.yml")) }
        return root
    }

    @Test func helpFollowsLangThenPlanLocaleThenEnvironment() throws {
        let bare = try folder(planYAML: nil)
        defer { try? FileManager.default.removeItem(at: bare) }
        let chinese = try CLI.run(["new", "--help"], in: bare, environment: Self.locale("C.UTF-8"))
        #expect(chinese.status == 0)
        for text in ["用法：", "选项：", "人设的 id 或名字", "显示帮助。", "（默认：content）"] { #expect(chinese.stdout.contains(text), "\(text): \(chinese.stdout)") }
        #expect(!chinese.stdout.contains("OPTIONS:"))
        let english = try CLI.run(["new", "--help"], in: bare, environment: Self.locale("en_US.UTF-8"))
        for text in ["USAGE:", "OPTIONS:", "A persona's id or name."] { #expect(english.stdout.contains(text), "\(text): \(english.stdout)") }

        let planned = try folder(planYAML: "title: t\nlocale: en\nstart: 2026-12-01\nend: 2026-12-31\n")
        defer { try? FileManager.default.removeItem(at: planned) }
        let byPlan = try CLI.run(["--help"], in: planned, environment: Self.locale("zh_CN.UTF-8"))
        #expect(byPlan.stdout.contains("SUBCOMMANDS:"), "the plan's explicit locale beats LANG: \(byPlan.stdout)")
        let byFlag = try CLI.run(["build", "--help", "--lang", "zh-CN"], in: planned, environment: Self.locale("en_US.UTF-8"))
        #expect(byFlag.stdout.contains("先检查计划"), "--lang beats everything: \(byFlag.stdout)")
        let otherContent = try CLI.run(["check", "--help", "--content", "content"], in: planned, environment: Self.locale("zh_CN.UTF-8"))
        #expect(otherContent.stdout.contains("Check the plan"), "\(otherContent.stdout)")
    }

    @Test func usageErrorsSpeakTheChosenLanguage() throws {
        let bare = try folder(planYAML: nil)
        defer { try? FileManager.default.removeItem(at: bare) }
        let chinese = try CLI.run(["new"], in: bare, environment: Self.locale("zh_CN.UTF-8"))
        #expect(chinese.status == 2)
        #expect(chinese.stderr.contains("错误：缺少参数"), "\(chinese.stderr)")
        let unknownKind = try CLI.run(["new", "moments"], in: bare, environment: Self.locale("zh_CN.UTF-8"))
        #expect(unknownKind.stderr.contains("没有“moments”这种类型"), "\(unknownKind.stderr)")
        let english = try CLI.run(["new", "moments", "--lang", "en"], in: bare)
        #expect(english.stderr.contains("Unknown kind"), "\(english.stderr)")
    }

    @Test func explicitLocaleIsReadWithoutParsingThePlan() throws {
        let root = try folder(planYAML: nil)
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("content/plan.yml")
        for (text, expected) in [
            ("title: x\nlocale: en\n", Language.en), ("locale：en  # 全角冒号\n", .en), ("\u{FEFF}locale: \"zh-CN\"\n", .zhCN),
            ("# locale: en\ntitle: x\n", nil), ("rules:\n  locale: en\n", nil), ("title: [broken\nlocale: en\n", .en),
        ] as [(String, Language?)] {
            try Data(text.utf8).write(to: file)
            #expect(InterfaceLanguage.explicitLocale(of: file) == expected, "\(text)")
        }
        #expect(InterfaceLanguage.fromEnvironment(["LANG": "en_GB.UTF-8", "LC_ALL": "zh_CN.UTF-8"]) == .zhCN)
        #expect(InterfaceLanguage.fromEnvironment(["LANG": "C.UTF-8"]) == nil)
        #expect(InterfaceLanguage.choose(arguments: ["--lang=en"], environment: ["LANG": "zh_CN"], directory: root) == .en)
        #expect(InterfaceLanguage.choose(arguments: [], environment: [:], directory: root.appendingPathComponent("nowhere")) == .zhCN)
    }

    @Test func trustTiersAreNamedAsTheSeedNamesThem() {
        #expect(TrustStage.allCases.map(\.label.zh) == ["无关系", "微关系", "弱关系", "强关系", "超强关系"])
    }

    @Test func initsReadmeExampleRunsInsideThePlanAndLinksTheGuide() throws {
        let root = try folder(planYAML: nil)
        defer { try? FileManager.default.removeItem(at: root) }
        let repo = root.appendingPathComponent("repo")
        for (language, guide) in [("zh-CN", "docs/guide.zh-CN.md"), ("en", "docs/guide.en.md")] {
            let target = repo.appendingPathComponent(language)
            let made = try CLI.run(["init", target.path, "--today", "2027-02-10", "--lang", language], in: root)
            #expect(made.status == 0, "\(made.stderr)")
            #expect(made.stdout.contains(guide), "init points at the guide: \(made.stdout)")
            let readme = try String(contentsOf: target.appendingPathComponent("README.md"), encoding: .utf8)
            #expect(readme.contains("(\(guide))"), "the README links the guide")
            #expect(FileManager.default.fileExists(atPath: target.appendingPathComponent(guide).path))
            let command = try #require(readme.firstMatch(of: /`(plan-build new moment [^`]+)`/).map { String($0.1) })
            let date = try #require(command.firstMatch(of: /--date (\S+)/).flatMap { LocalDate(parsing: String($0.1)) })
            #expect(date >= LocalDate(parsing: "2027-03-01")! && date <= LocalDate(parsing: "2027-03-31")!, "\(command)")
            let before = Set(Checker(contentDirectory: target.appendingPathComponent("content"), today: LocalDate(parsing: "2027-02-10")!).run().diagnostics.map(\.fingerprint))
            let arguments = command.split(separator: " ").dropFirst().map(String.init) + ["--today", "2027-02-10"]
            let run = try CLI.run(arguments, in: target)
            #expect(run.status == 0, "\(command): \(run.stderr)")
            let after = Checker(contentDirectory: target.appendingPathComponent("content"), today: LocalDate(parsing: "2027-02-10")!).run().diagnostics
            #expect(after.filter { !before.contains($0.fingerprint) }.isEmpty, "\(after.filter { !before.contains($0.fingerprint) }.map(\.message.en))")
        }
    }

    @Test func serveSpeaksThePlansLanguageAndItsErrorPageShowsTheLine() throws {
        let plan = try TestPlan(
            ["moments/a.md": "---\ndate: 2026-12-32\nslot: morning\npersona: xiaozhao\ntheme: life\n---\n坏\n"],
            plan: TestPlan.planYAML.replacingOccurrences(of: "locale: en", with: "locale: zh-CN"))
        defer { plan.remove() }
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = ["serve", "--port", "0", "--today", "2026-11-23"]
        process.currentDirectoryURL = plan.root
        var environment = ProcessInfo.processInfo.environment
        for (key, value) in Self.locale("en_US.UTF-8") { environment[key] = value }
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        var log = ""
        let started = ContinuousClock.now
        while !log.contains("127.0.0.1:"), ContinuousClock.now - started < .seconds(30) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            log += String(decoding: chunk, as: UTF8.self)
        }
        #expect(log.contains("生成失败"), "the log is in the plan's language: \(log)")
        #expect(log.contains("预览地址"), "\(log)")
        let portText = try #require(log.firstMatch(of: /127\.0\.0\.1:(\d+)/)?.1)
        let http = RawHTTP(port: try #require(Int(portText)))
        let page = try http.get("/index.html")
        #expect(page.contains("href=\"/_plan-build/style.css\""), "the site's style")
        #expect(page.contains("class=\"diagnostic sev-error\""))
        #expect(page.contains("content/moments/a.md:2:"), "the right line")
        #expect(page.contains("<span class=\"excerpt-line marked\"><span class=\"excerpt-number\">2 |</span> date: "), "the excerpt: \(page)")
        #expect(page.contains("<mark>"))
        #expect(page.contains("建议："), "the hint")
        let style = try http.get("/_plan-build/style.css")
        #expect(style.contains(".diagnostic"), "the theme's stylesheet")
    }
}
