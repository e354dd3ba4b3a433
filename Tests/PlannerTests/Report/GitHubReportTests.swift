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

    @Test func annotatesTenErrorsAndTenWarningsThenOneNotice() {
        let diagnostics = (ReportSamples.many(30, .notice) + ReportSamples.many(30, .warning) + ReportSamples.many(15, .error))
            .sorted(by: Diagnostic.reportOrder)
        let output = ReportFormat.github.render(ReportSamples.report(diagnostics))
        let lines = output.split(separator: "\n")
        #expect(lines.count == 21)
        #expect(lines.prefix(10).allSatisfy { $0.hasPrefix("::error ") })
        #expect(lines.dropFirst(10).prefix(10).allSatisfy { $0.hasPrefix("::warning ") })
        // Within a severity and a date the report order stays.
        #expect(lines[0].contains("file=content/error-0.md,"))
        #expect(lines[1].contains("file=content/error-1.md,"))
        let last = String(lines[20])
        #expect(last == "::notice title=plan-build::5 errors, 20 warnings and 30 notices more are not annotated (GitHub shows at most 10 error and 10 warning annotations per step). Read them all in this run's summary or the pull request comment, or run plan-build check locally.")
        #expect(!output.contains("::notice file="))
    }

    @Test func warningsByDateEarliestFirstUndatedLast() {
        func warning(_ index: Int, _ day: Int?) -> Diagnostic {
            Diagnostic(
                ruleID: "min-gap", severity: .warning, message: Localized("w\(index)"),
                location: SourceLocation(file: "content/w-\(index).md"), date: day.map { LocalDate(year: 2026, month: 12, day: $0)! },
                fingerprint: "w\(index)")
        }
        let diagnostics = [warning(0, nil), warning(1, 20), warning(2, 3)] + (3..<14).map { warning($0, 10) }
        let lines = ReportFormat.github.render(ReportSamples.report(diagnostics)).split(separator: "\n")
        #expect(lines.count == 11)
        #expect(lines[0].contains("file=content/w-2.md,"))
        #expect(lines[1].contains("file=content/w-3.md,"))
        #expect(lines[9].contains("file=content/w-11.md,"))
        #expect(lines[10].hasPrefix("::notice title=plan-build::4 warnings more are not annotated"))
    }

    @Test func noNoticeAtTheLimit() {
        let full = ReportFormat.github.render(ReportSamples.report(ReportSamples.many(10, .warning) + ReportSamples.many(10, .error)))
        #expect(full.split(separator: "\n").count == 20)
        #expect(!full.contains("not annotated"))
        let one = ReportFormat.github.render(ReportSamples.report(ReportSamples.many(11, .warning)))
        #expect(one.hasSuffix("::1 warning more is not annotated (GitHub shows at most 10 error and 10 warning annotations per step). Read them all in this run's summary or the pull request comment, or run plan-build check locally.\n"))
        let zh = ReportFormat.github.render(ReportSamples.report(ReportSamples.many(12, .warning) + ReportSamples.many(1, .notice), language: .zhCN))
        #expect(zh.contains("::另有 2 个警告、1 个提示未作为注释显示"))
    }

    @Test func noticesAloneAreOnlyCounted() {
        let output = ReportFormat.github.render(ReportSamples.report(ReportSamples.many(3, .notice)))
        #expect(output.split(separator: "\n").count == 1)
        #expect(output.hasPrefix("::notice title=plan-build::3 notices more are not annotated"))
    }

    /// The acceptance case: a plan with 300 warnings (long Chinese messages with hints).
    @Test func threeHundredWarningsFitTheStepAndTheComment() {
        let message = Localized(
            zh: String(repeating: "同一天里两条朋友圈相隔太近，读者会觉得刷屏。", count: 12),
            en: String(repeating: "Two moments on one day are too close together; readers feel spammed. ", count: 6))
        let warnings = (0..<300).map { index in
            Diagnostic(
                ruleID: "min-gap", severity: .warning, message: message,
                location: SourceLocation(file: "content/moments/2026-12/\(index)-长标题的一条朋友圈.md", line: 2),
                date: LocalDate(year: 2026, month: 12, day: 1 + index % 31)!,
                hint: Localized(zh: "把其中一条挪到下午或者第二天。", en: "Move one of them to the afternoon or the next day."),
                fingerprint: "m\(index)")
        }
        for language in [Language.zhCN, .en] {
            let report = ReportSamples.report(warnings, language: language)
            let lines = ReportFormat.github.render(report).split(separator: "\n")
            #expect(lines.filter { $0.hasPrefix("::warning ") }.count == 10)
            #expect(lines.filter { $0.hasPrefix("::error ") }.count == 0)
            #expect(lines.filter { $0.hasPrefix("::notice ") }.count == 1)
            #expect(lines.count == 11)
            let summary = ReportFormat.markdown.render(report)
            #expect(summary.unicodeScalars.count < 65_536)
            #expect(summary.utf16.count < 65_536 - 100)  // room for the sticky comment's marker
            #expect(summary.utf8.count < 1_048_576)
            #expect(summary.contains(language == .en ? "cut here to stay under GitHub's 65,536-character comment limit" : "以符合 GitHub 评论 65,536 个字符的上限"))
            // The table still counts all 300.
            #expect(summary.contains(language == .en ? "| `min-gap` | ⚠️ warning | 300 |" : "| `min-gap` | ⚠️ 警告 | 300 |"))
        }
    }

    @Test func emptyIsEmpty() {
        #expect(ReportFormat.github.render(ReportSamples.report([])) == "")
    }
}
