import Foundation
import Testing

@testable import Planner

@Suite struct GitLabReportTests {
    @Test func everyEntryHasWhatGitLabNeeds() throws {
        let text = ReportFormat.gitlab.render(ReportSamples.report())
        #expect(text.hasSuffix("]\n"))
        let entries = try #require(try ReportSamples.parse(text) as? [[String: Any]])
        #expect(entries.count == 3)
        for entry in entries {
            #expect(!((entry["description"] as? String) ?? "").isEmpty)
            #expect(!((entry["check_name"] as? String) ?? "").isEmpty)
            #expect(!((entry["fingerprint"] as? String) ?? "").isEmpty)
            #expect(["info", "minor", "major", "critical", "blocker"].contains(entry["severity"] as? String ?? ""))
            let location = try #require(entry["location"] as? [String: Any])
            #expect(!((location["path"] as? String) ?? "").isEmpty)
            let lines = try #require(location["lines"] as? [String: Any])
            #expect((lines["begin"] as? Int ?? 0) >= 1)
        }
        let error = try #require(entries.first { $0["check_name"] as? String == "posts-per-day" })
        #expect(error["severity"] as? String == "critical")
        #expect(error["description"] as? String == ReportSamples.nastyMessage.en)
        #expect(error["fingerprint"] as? String == ReportSamples.error.fingerprint)
        let location = try #require(error["location"] as? [String: Any])
        #expect(location["path"] as? String == ReportSamples.nastyFile)
        #expect((location["lines"] as? [String: Any])?["begin"] as? Int == 3)
        #expect(entries.first { $0["check_name"] as? String == "unknown-key" }?["severity"] as? String == "major")
        #expect(entries.first { $0["check_name"] as? String == "out-of-range" }?["severity"] as? String == "info")
    }

    @Test func emptyIsAnEmptyArray() throws {
        let text = ReportFormat.gitlab.render(ReportSamples.report([]))
        #expect(text == "[]\n")
        #expect((try ReportSamples.parse(text) as? [Any])?.isEmpty == true)
    }

    @Test func fingerprintsStayUnique() throws {
        let twin = Diagnostic(
            ruleID: "posts-per-day", severity: .error, message: Localized("again"),
            location: SourceLocation(file: "content/z.md"), fingerprint: ReportSamples.error.fingerprint)
        let text = ReportFormat.gitlab.render(ReportSamples.report([ReportSamples.error, twin]))
        let entries = try #require(try ReportSamples.parse(text) as? [[String: Any]])
        let fingerprints = entries.compactMap { $0["fingerprint"] as? String }
        #expect(fingerprints == [ReportSamples.error.fingerprint, ReportSamples.error.fingerprint + "-2"])
    }
}
