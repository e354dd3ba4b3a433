import Foundation
import Testing
@testable import Planner

/// A throwaway content folder written from path → text pairs, for tests.
struct TestPlan {
    let root: URL
    var content: URL { root.appendingPathComponent("content") }

    static let planYAML = """
        title: 测试计划
        locale: en
        timezone: Asia/Shanghai
        start: 2026-12-01
        end: 2026-12-31
        segments:
          payroll: {label: 代发客群, stage: weak}
          car: {label: 车主客群}
        groups:
          runners: {label: 晨跑俱乐部, owner: xiaozhao, segments: [payroll]}
        banned: [保本]
        """

    static let persona = """
        ---
        name: 小招
        identity: 马拉松跑者
        disclaimer: 理财有风险，投资需谨慎
        ---
        故事。
        """

    /// Writes `files` (paths under content/) plus, unless given, a plan.yml and
    /// personas/xiaozhao.md.
    init(_ files: [String: String], plan: String? = planYAML, persona: String? = TestPlan.persona) throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("plan-build-tests-\(UUID().uuidString)")
        var all = files
        if let plan, all["plan.yml"] == nil { all["plan.yml"] = plan }
        if let persona, all["personas/xiaozhao.md"] == nil { all["personas/xiaozhao.md"] = persona }
        for (path, text) in all {
            let url = content.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    /// A moment file's text.
    static func moment(
        date: String, slot: String? = nil, time: String? = nil, persona: String = "xiaozhao", theme: String = "life",
        extra: String = "", body: String = "今天的内容。"
    ) -> String {
        var lines = ["---", "date: \(date)"]
        if let slot { lines.append("slot: \(slot)") }
        if let time { lines.append("time: \"\(time)\"") }
        lines.append("persona: \(persona)")
        lines.append("theme: \(theme)")
        if !extra.isEmpty { lines.append(extra) }
        lines.append("---")
        lines.append(body)
        return lines.joined(separator: "\n") + "\n"
    }

    /// The default plan.yml with another range and extra top-level YAML
    /// (e.g. a `rules:` block); line numbers of the default keys are unchanged.
    static func plan(start: String = "2026-12-01", end: String = "2026-12-31", extra: String = "") -> String {
        planYAML.replacingOccurrences(of: "start: 2026-12-01", with: "start: \(start)")
            .replacingOccurrences(of: "end: 2026-12-31", with: "end: \(end)") + (extra.isEmpty ? "" : "\n" + extra)
    }

    /// A persona file: `name` on line 2, then `extra` lines.
    static func persona(name: String, extra: String = "") -> String {
        (["---", "name: \(name)"] + (extra.isEmpty ? [] : [extra]) + ["---", "故事。"]).joined(separator: "\n") + "\n"
    }

    /// `2026-12-05` for `dec(5)`.
    static func dec(_ day: Int) -> String { day < 10 ? "2026-12-0\(day)" : "2026-12-\(day)" }

    /// A topic file: date (2), time or else slot (3), persona (4), theme (5), group (6), format (7), title (8), extra.
    static func topic(
        date: String, slot: String? = "evening", time: String? = nil, persona: String = "xiaozhao",
        theme: String = "interaction", group: String = "runners", format: String = "discussion", title: String = "话题",
        extra: String = "", body: String = "大家来聊聊。"
    ) -> String {
        item(
            date: date, slot: slot, time: time,
            keys: ["persona: \(persona)", "theme: \(theme)", "group: \(group)", "format: \(format)", "title: \(title)"],
            extra: extra, body: body)
    }

    /// A surprise file: date (2), time or else slot (3), persona (4), title (5), segments (6), trigger (7), extra.
    static func surprise(
        date: String, slot: String? = "noon", time: String? = nil, persona: String = "xiaozhao", title: String = "小惊喜",
        segments: [String] = ["payroll"], trigger: String = "weather", extra: String = "", body: String = "天冷了，记得加衣。"
    ) -> String {
        item(
            date: date, slot: slot, time: time,
            keys: [
                "persona: \(persona)", "title: \(title)", "segments: [\(segments.joined(separator: ", "))]",
                "trigger: \(trigger)",
            ],
            extra: extra, body: body)
    }

    /// A chat file: date (2), slot (3), persona (4), segments (5), extra.
    static func chat(
        date: String, slot: String? = "noon", persona: String = "xiaozhao", segments: [String] = ["payroll"],
        extra: String = "", body: String = "王姐，上次说的定投，我整理了一份对比表。"
    ) -> String {
        item(
            date: date, slot: slot, time: nil,
            keys: ["persona: \(persona)", "segments: [\(segments.joined(separator: ", "))]"], extra: extra, body: body)
    }

    private static func item(date: String, slot: String?, time: String?, keys: [String], extra: String, body: String) -> String {
        var lines = ["---", "date: \(date)"]
        // A time replaces the default slot.
        if let time { lines.append("time: \"\(time)\"") } else if let slot { lines.append("slot: \(slot)") }
        lines += keys
        if !extra.isEmpty { lines.append(extra) }
        lines += ["---", body]
        return lines.joined(separator: "\n") + "\n"
    }

    func check(today: String = "2026-11-23") -> CheckResult {
        Checker(contentDirectory: content, today: LocalDate(parsing: today)!).run()
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    /// Checks the plan as of `today` and renders its site with the built-in
    /// theme into `site-<language>/` beside the content; returns that folder
    /// and the check's findings.
    func renderSite(today: String, language: Language = .en) throws -> (output: URL, result: CheckResult) {
        let result = check(today: today)
        let resolved = try #require(result.plan)
        let output = root.appendingPathComponent("site-\(language)")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try SiteRenderer(
            plan: resolved, diagnostics: result.diagnostics, theme: try Theme.load(name: "default", overrideDirectory: nil),
            language: language, today: LocalDate(parsing: today)!, contentRoot: content
        ).render(into: output)
        return (output, result)
    }
}

extension CheckResult {
    func diagnostics(_ rule: String) -> [Diagnostic] { diagnostics.filter { $0.ruleID == rule } }
}

/// What a build keeps beside `output/` on purpose: the site before last (the
/// spare, rendered over by the next build) and the ledger of both sites' files.
enum BesideOutput {
    static let kept: Set<String> = [".output.plan-build-spare", ".output.plan-build-ledger"]
}
