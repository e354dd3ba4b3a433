import Foundation
import Testing

@testable import Planner

@Suite struct GitHubReportTests {
    @Test func escapesDataAndProperties() {
        #expect(GitHubReport.escapeData("50% a,b:c\r\nd") == "50%25 a,b:c%0D%0Ad")
        #expect(GitHubReport.escapeProperty("50% a,b:c\r\nd") == "50%25 a%2Cb%3Ac%0D%0Ad")
        // `%` first, so an escape is never escaped twice.
        #expect(GitHubReport.escapeData("%0A") == "%250A")
        #expect(GitHubReport.escapeProperty("晨跑") == "晨跑")
    }

    @Test func writesOneAnnotation() {
        let line = GitHubReport().annotation(ReportSamples.error, .en)
        #expect(
            line
                == "::error file=content/moments/2026-12/01%2C晨跑%3A100%25.md,line=3,col=7,title=plan-build%3A posts-per-day::"
                + "Two posts on 2026-12-01: 50%25 of people | see <script>alert(1)</script>%0D%0Asecond line"
                + "%0AHint: Move one to 2026-12-02, or drop it.")
        #expect(GitHubReport().annotation(ReportSamples.warning, .en).hasPrefix("::warning file=content/a.md,line=4,col=1,"))
        #expect(GitHubReport().annotation(ReportSamples.notice, .en).hasPrefix("::notice file=content/b.md,line=1,col=1,"))
        #expect(GitHubReport().annotation(ReportSamples.warning, .zhCN).hasSuffix("::没有人读取键 tittle。%0A建议：是不是 title？"))
    }

    @Test func everyAnnotationIsOneLine() {
        let output = ReportFormat.github.render(ReportSamples.report())
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 4)  // three annotations and the final newline
        #expect(lines.last == "")
        #expect(!output.contains("\r"))
        for line in lines.dropLast() { #expect(line.hasPrefix("::")) }
    }

    @Test func putsErrorsFirst() {
        let output = ReportFormat.github.render(ReportSamples.report())
        let commands = output.split(separator: "\n").map { $0.prefix { $0 != " " } }
        #expect(commands == ["::error", "::warning", "::notice"])
    }

    @Test func capsAtFiftyThenNotices() {
        let diagnostics = (ReportSamples.many(30, .notice) + ReportSamples.many(30, .warning) + ReportSamples.many(10, .error))
            .sorted(by: Diagnostic.reportOrder)
        let output = ReportFormat.github.render(ReportSamples.report(diagnostics))
        let lines = output.split(separator: "\n")
        #expect(lines.count == 51)
        #expect(lines.prefix(10).allSatisfy { $0.hasPrefix("::error ") })
        #expect(lines.dropFirst(10).prefix(30).allSatisfy { $0.hasPrefix("::warning ") })
        #expect(lines.dropFirst(40).prefix(10).allSatisfy { $0.hasPrefix("::notice file=") })
        // Within a severity the report order stays.
        #expect(lines[0].contains("file=content/error-0.md,"))
        #expect(lines[1].contains("file=content/error-1.md,"))
        let last = String(lines[50])
        #expect(last.hasPrefix("::notice title=plan-build::20 more diagnostics were left out"))
        #expect(!last.contains("file="))
    }

    @Test func noNoticeAtTheLimit() {
        let output = ReportFormat.github.render(ReportSamples.report(ReportSamples.many(50, .warning)))
        #expect(output.split(separator: "\n").count == 50)
        #expect(!output.contains("left out"))
        let one = ReportFormat.github.render(ReportSamples.report(ReportSamples.many(51, .warning)))
        #expect(one.hasSuffix("::1 more diagnostic was left out (at most 50 annotations). Run plan-build check locally to see them all.\n"))
        let zh = ReportFormat.github.render(ReportSamples.report(ReportSamples.many(52, .warning), language: .zhCN))
        #expect(zh.contains("::还有 2 条诊断未作为注释显示"))
    }

    @Test func emptyIsEmpty() {
        #expect(ReportFormat.github.render(ReportSamples.report([])) == "")
    }
}
