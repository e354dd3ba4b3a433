import Foundation
import Testing
@testable import Planner

/// docs/guide.*.md: every shell command in the guide runs as written, in
/// order, in a temporary folder with the built binary on PATH.
@Suite(.serialized) struct GuideTests {
    static let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The ```sh blocks of a Markdown file, in order.
    static func shellBlocks(_ markdown: String) -> [String] {
        var blocks: [String] = []
        var current: [Substring]?
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == nil, line == "```sh" {
                current = []
            } else if current != nil, line == "```" {
                blocks.append(current!.joined(separator: "\n"))
                current = nil
            } else if current != nil {
                current!.append(line)
            }
        }
        return blocks
    }

    @Test(arguments: ["guide.zh-CN.md", "guide.en.md"]) func everyCommandOfTheGuideRuns(file: String) throws {
        let guide = try String(contentsOf: Self.package.appendingPathComponent("docs/\(file)"), encoding: .utf8)
        let blocks = Self.shellBlocks(guide)
        #expect(blocks.count >= 8, "the guide shows its steps as commands")
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("plan-build-guide-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("work"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let serveLog = root.appendingPathComponent("serve.log").path
        var script = "set -euo pipefail\n"
        for block in blocks {
            for line in block.split(separator: "\n", omittingEmptySubsequences: false) {
                let command = line.split(separator: "#", maxSplits: 1).first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
                if command.hasPrefix("plan-build serve") {
                    // serve runs until Ctrl-C: start it on a free port (tests run side by side),
                    // wait until it serves, then press Ctrl-C.
                    script += """
                        \(command) --port 0 > '\(serveLog)' 2>&1 &
                        serve=$!
                        for _ in $(seq 1 600); do grep -q '127.0.0.1:' '\(serveLog)' && break; sleep 0.1; done
                        grep -q '127.0.0.1:' '\(serveLog)'
                        kill -INT $serve
                        wait $serve

                        """
                } else {
                    script += line + "\n"
                }
            }
        }
        let scriptFile = root.appendingPathComponent("guide.sh")
        try Data(script.utf8).write(to: scriptFile)
        let binaryFolder = CLI.binary.deletingLastPathComponent().path
        let environment = [
            "PATH": binaryFolder + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"),
            "HOME": root.path, "GIT_AUTHOR_NAME": "内容组", "GIT_AUTHOR_EMAIL": "team@example.com",
            "GIT_COMMITTER_NAME": "内容组", "GIT_COMMITTER_EMAIL": "team@example.com", "GIT_CONFIG_NOSYSTEM": "1",
            "LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": "",
        ]
        let run = try CLI.run([scriptFile.path], in: root.appendingPathComponent("work"), environment: environment, using: URL(fileURLWithPath: "/bin/bash"))
        #expect(run.status == 0, "the guide's commands fail:\n\(run.stdout.suffix(3_000))\n\(run.stderr.suffix(3_000))")
        let repository = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("work").path).first ?? ""
        let site = root.appendingPathComponent("work/\(repository)/output")
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("help/index.html").path), "the guide builds the site")
    }

    /// The wrong front-matter lines of the guide's table of slips, as written there.
    static func slipLines(_ guide: String) -> [String] {
        guard let start = guide.range(of: "\n## 6.") else { return [] }
        let section = guide[start.upperBound...].prefix { _ in true }
        var lines: [String] = []
        for row in section.split(separator: "\n") {
            guard row.hasPrefix("| "), let number = row.split(separator: "|").first?.trimmingCharacters(in: .whitespaces), Int(number) != nil
            else { if row.hasPrefix("## ") { break } else { continue } }
            let wrong = row.split(separator: "|")[1]
            guard let code = wrong.firstMatch(of: /`([^`]+)`/)?.1, code.contains(":") || code.contains("：") else { continue }
            lines.append(String(code))
        }
        return lines
    }

    @Test(arguments: ["guide.zh-CN.md", "guide.en.md"]) func eachSlipOfTheGuideIsReportedAtItsLine(file: String) throws {
        let guide = try String(contentsOf: Self.package.appendingPathComponent("docs/\(file)"), encoding: .utf8)
        let slips = Self.slipLines(guide)
        #expect(slips.count >= 6, "\(slips)")
        for slip in slips {
            let key = String(slip.prefix { $0 != ":" && $0 != "：" })
            // A moment with the slip on line 6, in place of its own key.
            var lines = ["---", "date: 2026-12-05", "slot: morning", "persona: xiaozhao", "theme: life", slip, "---", "今天的内容。"]
            if let own = lines[1...4].firstIndex(where: { $0.hasPrefix(key + ":") }) { lines.remove(at: own) ; lines.insert("owner: 内容组", at: own) }
            if key == "time" { lines[2] = "owner: 内容组" }
            let plan = try TestPlan(["moments/slip.md": lines.joined(separator: "\n") + "\n"])
            defer { plan.remove() }
            let found = plan.check().diagnostics.filter { $0.location.file.hasSuffix("moments/slip.md") && $0.severity != .notice }
            #expect(found.contains { $0.location.line == 6 }, "\(slip): \(found.map { "\($0.location) \($0.ruleID) \($0.message.en)" })")
        }
    }

    @Test func theGuidesExistInBothLanguagesAndCoverEachTopic() throws {
        for file in ["guide.zh-CN.md", "guide.en.md"] {
            let guide = try String(contentsOf: Self.package.appendingPathComponent("docs/\(file)"), encoding: .utf8)
            #expect(Scaffold.guide(file == "guide.en.md" ? .en : .zhCN) == guide, "init writes the guide as it is in docs/")
            for section in file == "guide.en.md"
                ? ["persona", "a week", "what each rule protects", "pull request", "slips", "serve"]
                : ["人设", "一周", "每条规则在保护什么", "合并请求", "笔误", "serve"]
            {
                #expect(guide.localizedCaseInsensitiveContains(section), "\(file) covers \(section)")
            }
        }
    }
}
