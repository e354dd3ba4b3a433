import Foundation
import Testing

@testable import Planner

@Suite struct JSONReportTests {
    @Test func hasVersionSummaryAndEveryField() throws {
        let text = ReportFormat.json.render(ReportSamples.report())
        #expect(text.hasSuffix("}\n"))
        let root = try #require(try ReportSamples.parse(text) as? [String: Any])
        #expect(root["version"] as? Int == JSONReport.formatVersion)
        let tool = try #require(root["tool"] as? [String: Any])
        #expect(tool["version"] as? String == "1.2.3")

        let summary = try #require(root["summary"] as? [String: Int])
        #expect(summary == ["errors": 1, "warnings": 1, "notices": 1, "total": 3])

        let diagnostics = try #require(root["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.map { $0["rule"] as? String } == ["unknown-key", "out-of-range", "posts-per-day"])
        let keys: Set<String> = [
            "rule", "severity", "message", "file", "line", "column", "item", "date", "persona", "related", "hint",
            "fingerprint",
        ]
        for diagnostic in diagnostics { #expect(Set(diagnostic.keys) == keys) }

        let error = diagnostics[2]
        #expect(error["severity"] as? String == "error")
        #expect(error["message"] as? String == ReportSamples.nastyMessage.en)
        #expect(error["file"] as? String == ReportSamples.nastyFile)
        #expect(error["line"] as? Int == 3)
        #expect(error["column"] as? Int == 7)
        #expect(error["item"] as? String == "moments/2026-12/01,晨跑")
        #expect(error["date"] as? String == "2026-12-01")
        #expect(error["persona"] as? String == "xiaozhao")
        #expect(error["hint"] as? String == "Move one to 2026-12-02, or drop it.")
        #expect(error["fingerprint"] as? String == "00112233445566778899aabbccddeeff")
        let related = try #require(error["related"] as? [[String: Any]])
        #expect(related.count == 2)
        #expect(related[0]["file"] as? String == "content/moments/2026-12/01-b.md")
        #expect(related[0]["line"] as? Int == 2)
        #expect(related[0]["column"] as? Int == 1)
        #expect(related[0]["message"] as? String == "the other one: \"quoted\" \\ backslash")
        #expect(related[0]["item"] as? String == "moments/2026-12/01-b")
        #expect(related[1]["item"] is NSNull)

        let notice = diagnostics[1]
        #expect(notice["item"] is NSNull)
        #expect(notice["date"] is NSNull)
        #expect(notice["hint"] is NSNull)
        #expect((notice["related"] as? [Any])?.isEmpty == true)
    }

    @Test func followsTheLanguage() throws {
        let text = ReportFormat.json.render(ReportSamples.report(language: .zhCN))
        let root = try #require(try ReportSamples.parse(text) as? [String: Any])
        #expect(root["language"] as? String == "zh-CN")
        let diagnostics = try #require(root["diagnostics"] as? [[String: Any]])
        #expect(diagnostics[2]["message"] as? String == ReportSamples.nastyMessage.zh)
        // Chinese stays readable UTF-8 rather than \u escapes.
        #expect(text.contains("同一天有两条推文"))
    }

    @Test func emptyAndDeterministic() throws {
        let empty = ReportFormat.json.render(ReportSamples.report([]))
        let root = try #require(try ReportSamples.parse(empty) as? [String: Any])
        #expect((root["diagnostics"] as? [Any])?.isEmpty == true)
        #expect((root["summary"] as? [String: Int])?["total"] == 0)
        let report = ReportSamples.report()
        #expect(ReportFormat.json.render(report) == ReportFormat.json.render(report))
    }
}
