import Foundation
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

    func check(today: String = "2026-11-23") -> CheckResult {
        Checker(contentDirectory: content, today: LocalDate(parsing: today)!).run()
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}

extension CheckResult {
    func diagnostics(_ rule: String) -> [Diagnostic] { diagnostics.filter { $0.ruleID == rule } }
}
