import Foundation
import Testing

@testable import Planner

@Suite struct MarkdownReportTests {
    @Test func escapesTablesAndHTML() {
        let output = ReportFormat.markdown.render(ReportSamples.report())
        #expect(!output.contains("<script>"))
        #expect(output.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(output.contains("50% of people \\| see"))
        // CR LF inside a message does not break its list item.
        #expect(output.contains("&lt;/script&gt;  second line"))
        #expect(output.contains("`content/moments/2026-12/01,晨跑:100%.md:3`"))
    }

    @Test func hasTotalsTableAndDetails() {
        let diagnostics = ReportSamples.all + ReportSamples.many(2, .warning, rule: "unknown-key")
        let output = ReportFormat.markdown.render(ReportSamples.report(diagnostics))
        #expect(output.hasPrefix("## plan-build check\n\n**1** error, **3** warnings, **1** notice\n\n"))
        #expect(output.contains("| Rule | Severity | Count |\n| --- | --- | ---: |\n"))
        #expect(output.contains("| `posts-per-day` | ❌ error | 1 |\n| `unknown-key` | ⚠️ warning | 3 |\n| `out-of-range` | ℹ️ notice | 1 |\n"))
        #expect(output.contains("### Details"))
        #expect(output.contains("  - Hint: Move one to 2026-12-02, or drop it.\n"))
        // Errors first in the details too.
        let error = output.range(of: "❌ `content/moments")!
        let warning = output.range(of: "⚠️ `content/a.md:4`")!
        #expect(error.lowerBound < warning.lowerBound)
    }

    @Test func headingsFollowTheLanguage() {
        let output = ReportFormat.markdown.render(ReportSamples.report(language: .zhCN))
        #expect(output.hasPrefix("## plan-build 检查结果\n"))
        #expect(output.contains("**1** 个错误，**1** 个警告，**1** 个提示"))
        #expect(output.contains("| 规则 | 级别 | 数量 |"))
        #expect(output.contains("### 详情"))
        #expect(output.contains("| `posts-per-day` | ❌ 错误 | 1 |"))
        #expect(output.contains("  - 建议：把一条移到 12 月 2 日，或者删掉。\n"))
    }

    @Test func emptyReport() {
        #expect(ReportFormat.markdown.render(ReportSamples.report([])) == "## plan-build check\n\n✅ No problems found.\n")
    }

    @Test func escapingHelpers() {
        #expect(MarkdownReport.escape("a|b <i>x</i> & *y* _z_ [l](u) `c` \\ $m$ @team #1 :x:") ==
            "a\\|b &lt;i&gt;x&lt;/i&gt; &amp; \\*y\\* \\_z\\_ \\[l\\](u) \\`c\\` \\\\ \\$m\\$ \\@team \\#1 \\:x\\:")
        #expect(MarkdownReport.escape("- item") == "\\- item")
        #expect(MarkdownReport.escape("a\r\nb") == "a  b")
        #expect(MarkdownReport.codeSpan("a`b") == "``a`b``")
        #expect(MarkdownReport.codeSpan("`x") == "`` `x ``")
        #expect(MarkdownReport.tableCell("`a|b`") == "`a\\|b`")
        #expect(MarkdownReport.fencedBlock("```\nx", info: "yaml") == "````yaml\n```\nx\n````")
    }

    @Test func capsTheDetails() {
        let output = ReportFormat.markdown.render(ReportSamples.report(ReportSamples.many(205, .notice)))
        #expect(output.contains("| `posts-per-day` | ℹ️ notice | 205 |"))
        #expect(output.hasSuffix("\n…and 5 more; run `plan-build check` locally to see them all.\n"))
    }
}
