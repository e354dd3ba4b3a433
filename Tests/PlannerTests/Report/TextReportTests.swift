import Foundation
import Testing

@testable import Planner

@Suite struct TextReportTests {
    /// A repository root holding `files`.
    func root(_ files: [String: String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("plan-build-text-\(UUID().uuidString)")
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return root
    }

    @Test func showsLocationExcerptCaretHintAndSummary() throws {
        let root = try root(["content/a.md": "---\ntitle: x\r\ndate: 2026-12-01\ntittle: 晨跑\n---\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        let output = ReportFormat.text.render(ReportSamples.report([ReportSamples.warning], root: root))
        #expect(
            output == """
                content/a.md:4:1: warning: Nobody reads the key tittle. [unknown-key]
                   4 | tittle: 晨跑
                     | ^
                     = hint: Did you mean title?
                0 errors, 1 warning, 0 notices

                """)
    }

    @Test func caretCountsWideCharacters() throws {
        let diagnostic = Diagnostic(
            ruleID: "unknown-ref", severity: .error, message: Localized(zh: "没有这个人设。", en: "No such persona."),
            location: SourceLocation(file: "content/b.md", line: 2, column: 7), fingerprint: "f")
        let root = try root(["content/b.md": "---\n标题：晨跑x\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        let output = ReportFormat.text.render(ReportSamples.report([diagnostic], language: .zhCN, root: root))
        #expect(output.contains("   2 | 标题：晨跑x\n     |            ^\n"))
        #expect(output.hasSuffix("1 个错误，0 个警告，0 个提示\n"))
    }

    @Test func listsRelatedLocations() {
        let output = ReportFormat.text.render(ReportSamples.report([ReportSamples.error]))
        // The CR LF inside the message does not split the record.
        #expect(
            output.hasPrefix(
                "content/moments/2026-12/01,晨跑:100%.md:3:7: error: Two posts on 2026-12-01: 50% of people | see <script>alert(1)</script> second line [posts-per-day]\n"))
        #expect(output.contains("     = note: content/moments/2026-12/01-b.md:2:1: the other one: \"quoted\" \\ backslash\n"))
        #expect(output.contains("     = note: content/moments/2026-12/01-c.md:2:1: third\n"))
    }

    @Test func colourOnlyWhenAsked() throws {
        let plain = ReportFormat.text.render(ReportSamples.report())
        #expect(!plain.contains("\u{1B}"))
        let coloured = ReportFormat.text.render(ReportSamples.report(colour: true))
        #expect(coloured.contains("\u{1B}[1;31merror\u{1B}[0m"))
        #expect(coloured.contains("\u{1B}[1;33mwarning\u{1B}[0m"))
    }

    @Test func controlCharactersInTheExcerptAreNeutralised() throws {
        let root = try root(["content/a.md": "a\nb\nc\ntittle: \u{1B}[31mred\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        let output = ReportFormat.text.render(ReportSamples.report([ReportSamples.warning], root: root))
        #expect(!output.contains("\u{1B}"))
        #expect(output.contains("tittle: \u{FFFD}[31mred"))
    }

    @Test func oneLine() {
        #expect(TextReport.oneLine("a\r\nb\nc\rd\te\u{1B}[0m") == "a b c d e\u{FFFD}[0m")
    }

    @Test func emptySummary() {
        #expect(ReportFormat.text.render(ReportSamples.report([])) == "0 errors, 0 warnings, 0 notices\n")
    }
}
