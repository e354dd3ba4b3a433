import Foundation
import Testing
@testable import Planner

/// One folder per invalid case under Fixtures/invalid: `content/` and an
/// `expected` file of lines `severity rule file[:line[:column]]`.
@Suite struct FixtureTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static var invalidCases: [String] {
        let folder = fixtures.appendingPathComponent("invalid")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    @Test(arguments: invalidCases)
    func invalidPlanReportsItsProblemAtTheRightPlace(_ name: String) throws {
        let folder = Self.fixtures.appendingPathComponent("invalid").appendingPathComponent(name)
        let expected = try String(contentsOf: folder.appendingPathComponent("expected"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        let result = Checker(contentDirectory: folder.appendingPathComponent("content"), today: LocalDate(parsing: "2026-11-23")!).run()
        #expect(result.hasErrors, "an invalid plan must fail")
        for line in expected {
            let fields = line.split(separator: " ").map(String.init)
            let (severity, rule, place) = (fields[0], fields[1], fields[2])
            let parts = place.split(separator: ":").map(String.init)
            let match = result.diagnostics.first { diagnostic in
                diagnostic.severity.rawValue == severity && diagnostic.ruleID == rule
                    && diagnostic.location.file.hasSuffix("invalid/\(name)/" + parts[0])
                    && (parts.count < 2 || diagnostic.location.line == Int(parts[1]))
                    && (parts.count < 3 || diagnostic.location.column == Int(parts[2]))
            }
            #expect(match != nil, "expected \(line); got \(result.diagnostics.map { "\($0.severity) \($0.ruleID) \($0.location)" })")
        }
    }

    @Test func validFixtureHasNoErrorsAndResolvesEveryItem() throws {
        let result = Checker(
            contentDirectory: Self.fixtures.appendingPathComponent("valid/minimal/content"),
            today: LocalDate(parsing: "2026-11-23")!
        ).run()
        #expect(!result.hasErrors, "\(result.diagnostics.map { "\($0.ruleID) \($0.location) \($0.message.en)" })")
        let plan = try #require(result.plan)
        #expect(plan.items.count == 5)
        #expect(plan.personas.map(\.id) == ["xiaozhao"])
        let topic = try #require(plan.item("topics/runners/02-话题"))
        #expect(topic.segments == ["payroll"], "a topic reaches its group's segments")
        let moment = try #require(plan.item("moments/2026-12/01-晨跑"))
        #expect(moment.time.description == "07:30", "slot morning resolves to the default 07:30")
        #expect(moment.title == "滨江 8 公里，打卡完成。", "a moment's title is its body's first line")
        #expect(moment.segments == ["payroll"], "a moment reaches all its persona serves")
    }
}
