import Foundation
import Testing
@testable import Planner

/// One folder per invalid case under Fixtures/invalid: `content/` and an
/// `expected` file listing every diagnostic the check must report, one per
/// line as `severity rule file:line:column` (file under the case's folder).
/// The comparison is of the whole list: a missing diagnostic and an extra
/// one both fail the case.
@Suite struct FixtureTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static var invalidCases: [String] {
        let folder = fixtures.appendingPathComponent("invalid")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    static func check(_ name: String) -> CheckResult {
        let folder = fixtures.appendingPathComponent("invalid").appendingPathComponent(name)
        return Checker(contentDirectory: folder.appendingPathComponent("content"), today: LocalDate(parsing: "2026-11-23")!).run()
    }

    static func expected(_ name: String) throws -> [String] {
        let file = fixtures.appendingPathComponent("invalid").appendingPathComponent(name).appendingPathComponent("expected")
        return try String(contentsOf: file, encoding: .utf8).split(separator: "\n").map(String.init).filter { !$0.isEmpty }
    }

    /// A diagnostic as an `expected` line: `severity rule file:line:column`,
    /// the file relative to the case's folder.
    static func line(_ diagnostic: Diagnostic, case name: String) -> String {
        let file = diagnostic.location.file
        let marker = "invalid/\(name)/"
        let relative = file.range(of: marker).map { String(file[$0.upperBound...]) } ?? file
        return "\(diagnostic.severity.rawValue) \(diagnostic.ruleID) \(relative):\(diagnostic.location.line):\(diagnostic.location.column)"
    }

    /// What differs between the expected lines and the reported diagnostics
    /// (as multisets): each missing line and each extra one. Empty: equal.
    static func mismatches(expected: [String], reported: [Diagnostic], case name: String) -> [String] {
        var unmatched = reported.map { line($0, case: name) }
        var problems: [String] = []
        for line in expected {
            if let index = unmatched.firstIndex(of: line) {
                unmatched.remove(at: index)
            } else {
                problems.append("missing: \(line)")
            }
        }
        return problems + unmatched.map { "unexpected: \($0)" }
    }

    @Test(arguments: invalidCases)
    func invalidPlanReportsExactlyItsProblemsAtTheRightPlaces(_ name: String) throws {
        let result = Self.check(name)
        #expect(result.hasErrors, "an invalid plan must fail")
        let expected = try Self.expected(name)
        #expect(!expected.isEmpty)
        for line in expected {
            #expect(line.wholeMatch(of: /(error|warning|notice) [a-z-]+ \S+:\d+:\d+/) != nil, "malformed expected line: \(line)")
        }
        let problems = Self.mismatches(expected: expected, reported: result.diagnostics, case: name)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    /// The comparison itself: one unexpected extra diagnostic beside the
    /// expected ones fails a case, and so does one missing.
    @Test func anExtraOrMissingDiagnosticFailsAFixture() throws {
        let name = "bad-date"
        let result = Self.check(name)
        let expected = try Self.expected(name)
        #expect(Self.mismatches(expected: expected, reported: result.diagnostics, case: name).isEmpty)
        let reported = try #require(result.diagnostics.first)
        let extra = Diagnostic(
            ruleID: "posts-per-day", severity: .warning, message: Localized("extra"), location: reported.location,
            fingerprint: "extra")
        #expect(
            Self.mismatches(expected: expected, reported: result.diagnostics + [extra], case: name)
                == ["unexpected: warning posts-per-day content/moments/a.md:2:7"])
        // The same rule at another column is not the expected diagnostic either.
        let moved = Diagnostic(
            ruleID: reported.ruleID, severity: reported.severity, message: reported.message,
            location: SourceLocation(file: reported.location.file, line: reported.location.line, column: reported.location.column + 1),
            fingerprint: reported.fingerprint)
        #expect(
            Self.mismatches(expected: expected, reported: [moved], case: name)
                == ["missing: error front-matter content/moments/a.md:2:7", "unexpected: error front-matter content/moments/a.md:2:8"])
        #expect(Self.mismatches(expected: expected, reported: [], case: name) == ["missing: error front-matter content/moments/a.md:2:7"])
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
