import Foundation
import Testing

@testable import Planner

@Suite struct SARIFReportTests {
    func run(_ report: Report) throws -> (root: [String: Any], run: [String: Any]) {
        let text = ReportFormat.sarif.render(report)
        let root = try #require(try ReportSamples.parse(text) as? [String: Any])
        let runs = try #require(root["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        return (root, runs[0])
    }

    @Test func hasVersionRulesAndFingerprints() throws {
        let (root, run) = try run(ReportSamples.report())
        #expect(root["version"] as? String == "2.1.0")
        #expect(root["$schema"] as? String == "https://json.schemastore.org/sarif-2.1.0.json")
        #expect(run["columnKind"] as? String == "unicodeCodePoints")

        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "plan-build")
        #expect(driver["version"] as? String == "1.2.3")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        // Every rule of the catalogue, in its order, then any rule a diagnostic
        // names that the catalogue lacks (posts-per-day, until the cadence rules land).
        let missing = Set(ReportSamples.all.map(\.ruleID)).subtracting(RuleCatalogue.ids).sorted()
        #expect(rules.compactMap { $0["id"] as? String } == RuleCatalogue.ids + missing)
        for (rule, descriptor) in zip(RuleCatalogue.all, rules) {
            #expect((descriptor["shortDescription"] as? [String: Any])?["text"] as? String == rule.summary.en)
            #expect((descriptor["fullDescription"] as? [String: Any])?["text"] as? String == rule.explanation.en)
            #expect(((descriptor["help"] as? [String: Any])?["text"] as? String)?.hasPrefix(rule.explanation.en) == true)
            let level = (descriptor["defaultConfiguration"] as? [String: Any])?["level"] as? String
            #expect(level == SARIFReport.level(rule.defaultSeverity))
            #expect(descriptor["name"] as? String == SARIFReport.pascalCase(rule.id))
        }

        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == 3)
        for result in results {
            let ruleID = try #require(result["ruleId"] as? String)
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(rules[index]["id"] as? String == ruleID)
            let fingerprints = try #require(result["partialFingerprints"] as? [String: String])
            #expect(fingerprints.keys.sorted() == ["planBuild/v1"])
        }
        #expect(results.map { $0["level"] as? String } == ["warning", "note", "error"])

        let error = results[2]
        #expect((error["partialFingerprints"] as? [String: String])?["planBuild/v1"] == ReportSamples.error.fingerprint)
        let message = try #require((error["message"] as? [String: Any])?["text"] as? String)
        #expect(message == ReportSamples.nastyMessage.en + "\nHint: Move one to 2026-12-02, or drop it.")
        let location = try #require((error["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        let artifact = try #require(location["artifactLocation"] as? [String: Any])
        #expect(artifact["uri"] as? String == "content/moments/2026-12/01%2C%E6%99%A8%E8%B7%91%3A100%25.md")
        #expect(artifact["uriBaseId"] as? String == "%SRCROOT%")
        #expect(location["region"] as? [String: Int] == ["startLine": 3, "startColumn": 7])
        let related = try #require(error["relatedLocations"] as? [[String: Any]])
        #expect(related.map { $0["id"] as? Int } == [0, 1])
        #expect((related[0]["message"] as? [String: Any])?["text"] as? String == "the other one: \"quoted\" \\ backslash")
        let properties = try #require(error["properties"] as? [String: Any])
        #expect(properties["date"] as? String == "2026-12-01")
        #expect(properties["persona"] as? String == "xiaozhao")
    }

    @Test func describesRulesTheCatalogueLacks() throws {
        let (_, run) = try run(ReportSamples.report([ReportSamples.stray]))
        let rules = try #require(((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        #expect(rules.count == RuleCatalogue.all.count + 1)
        #expect(rules.last?.keys.sorted() == ["id", "name"])
        let result = try #require((run["results"] as? [[String: Any]])?.first)
        #expect(result["ruleIndex"] as? Int == RuleCatalogue.all.count)
        #expect(rules.last?["id"] as? String == "not-in-catalogue")
    }

    struct OptionRule: Rule {
        let id = "posts-per-day"
        let defaultSeverity = Severity.notice
        let summary = Localized(zh: "每天的条数", en: "Posts per day")
        let explanation = Localized(zh: "太多会打扰客户。", en: "Too many tire the customer.")
        let example = Localized("```\nmax: 9")
        let options = [RuleOption("max", .integer, default: .integer(2), Localized(zh: "上限", en: "The most"))]
    }

    @Test func describesOptionsAndExamples() throws {
        let descriptor = SARIFReport.descriptor(OptionRule(), .en)
        let parsed = try #require(try ReportSamples.parse(descriptor.encoded()) as? [String: Any])
        #expect((parsed["defaultConfiguration"] as? [String: Any])?["level"] as? String == "note")
        let help = try #require(parsed["help"] as? [String: String])
        #expect(help["text"] == "Too many tire the customer.\n\nExample:\n```\nmax: 9")
        #expect(help["markdown"] == "Too many tire the customer.\n\n**Example**\n\n````yaml\n```\nmax: 9\n````")
        let options = try #require((parsed["properties"] as? [String: Any])?["options"] as? [[String: String]])
        #expect(options == [["name": "max", "kind": "integer", "default": "2", "summary": "The most"]])
        let zh = try #require(try ReportSamples.parse(SARIFReport.descriptor(OptionRule(), .zhCN).encoded()) as? [String: Any])
        #expect((zh["help"] as? [String: String])?["text"] == "太多会打扰客户。\n\n示例：\n```\nmax: 9")
    }

    @Test func encodesURIs() {
        #expect(SARIFReport.uri("content/a b/晨跑.md") == "content/a%20b/%E6%99%A8%E8%B7%91.md")
        #expect(SARIFReport.uri("c:d#e?f%g") == "c%3Ad%23e%3Ff%25g")
        #expect(SARIFReport.uri("a-b_c.d~e/F9") == "a-b_c.d~e/F9")
        #expect(SARIFReport.pascalCase("posts-per-day") == "PostsPerDay")
        #expect(SARIFReport.isSemanticVersion("0.1.0"))
        #expect(!SARIFReport.isSemanticVersion("dev"))
    }

    @Test func emptyRunIsStillALog() throws {
        let (_, run) = try run(ReportSamples.report([], language: .zhCN))
        #expect((run["results"] as? [Any])?.isEmpty == true)
        #expect(run["language"] as? String == "zh-CN")
    }

    // MARK: Schema

    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let validator = testsFolder.appendingPathComponent("scripts/validate_sarif.py")

    /// python3 with jsonschema, or nil (the test is then skipped, saying why).
    static let python: Bool = {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import jsonschema"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
            process.waitUntilExit()
            return process.terminationStatus == 0
        } catch {
            return false
        }
    }()

    @Test(
        .enabled(if: SARIFReportTests.python, "python3 with the jsonschema package is not installed (pip install jsonschema)"),
        arguments: [Language.en, .zhCN], [false, true])
    func validatesAgainstTheSchema(language: Language, empty: Bool) throws {
        let diagnostics = empty ? [] : ReportSamples.all + [ReportSamples.stray] + ReportSamples.many(3, .notice)
        let text = ReportFormat.sarif.render(ReportSamples.report(diagnostics, language: language))
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("plan-build-\(UUID().uuidString).sarif")
        try Data(text.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", SARIFReportTests.validator.path, file.path]
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        let messages = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(messages)")
    }

    @Test(.enabled(if: SARIFReportTests.python, "python3 with the jsonschema package is not installed (pip install jsonschema)"))
    func validatorRejectsABadLog() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("plan-build-\(UUID().uuidString).sarif")
        try Data(#"{"version": "2.1.0", "runs": [{"tool": {"driver": {}}, "results": [{"level": "fatal"}]}]}"#.utf8)
            .write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", SARIFReportTests.validator.path, file.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
    }
}
