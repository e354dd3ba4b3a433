import Foundation
import Testing
@testable import Planner

@Suite(.serialized) struct NewSinceTests {
    func git(_ arguments: [String], in directory: URL) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false"] + arguments
        process.currentDirectoryURL = directory
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "git \(arguments.joined(separator: " "))")
    }

    @Test func reportsOnlyWhatTheChangeIntroduced() throws {
        let plan = try TestPlan([
            "moments/05-a.md": TestPlan.moment(date: "2026-12-05", time: "07:30"),
            "moments/05-b.md": TestPlan.moment(date: "2026-12-05", time: "10:00", theme: "professional"),
            "moments/05-c.md": TestPlan.moment(date: "2026-12-05", time: "13:00", theme: "interaction"),
            // An old problem that must not be reported again.
            "moments/old.md": TestPlan.moment(date: "2027-02-01", slot: "noon"),
        ])
        defer { plan.remove() }
        try git(["init", "-q", "-b", "main"], in: plan.root)
        try git(["add", "-A"], in: plan.root)
        try git(["commit", "-q", "-m", "base"], in: plan.root)
        try git(["checkout", "-q", "-b", "change"], in: plan.root)
        try Data(TestPlan.moment(date: "2026-12-05", time: "20:30", body: "第四条。").utf8)
            .write(to: plan.content.appendingPathComponent("moments/05-d.md"))
        try git(["add", "-A"], in: plan.root)
        try git(["commit", "-q", "-m", "a fourth moment"], in: plan.root)

        let all = try CLI.run(["check", "--today", "2026-11-23", "--format", "json"], in: plan.root)
        #expect(all.stdout.contains("out-of-range"), "the old problem is there without --new-since")

        let run = try CLI.run(["check", "--today", "2026-11-23", "--format", "json", "--new-since", "main"], in: plan.root)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let diagnostics = try #require(json["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.map { $0["rule"] as? String } == ["posts-per-day"], "\(diagnostics)")
        #expect(diagnostics.first?["file"] as? String == "content/moments/05-d.md")
    }

    @Test func fingerprintsSurviveMovedLinesAndFolders() throws {
        let files = [
            "moments/05-a.md": TestPlan.moment(date: "2026-12-05", time: "07:30"),
            "moments/05-b.md": TestPlan.moment(date: "2026-12-05", time: "08:00", theme: "professional"),
        ]
        let first = try TestPlan(files)
        defer { first.remove() }
        let fingerprints = { (plan: TestPlan) in Set(plan.check().diagnostics.map { "\($0.ruleID) \($0.fingerprint)" }) }
        let original = fingerprints(first)
        #expect(original.contains { $0.hasPrefix("min-gap ") })
        #expect(fingerprints(first) == original, "identical from run to run")

        var shifted = files
        shifted["moments/05-b.md"] = TestPlan.moment(date: "2026-12-05", time: "08:00", theme: "professional")
            .replacingOccurrences(of: "---\ndate:", with: "---\n\n\n\ndate:")
        let moved = try TestPlan(shifted)
        defer { moved.remove() }
        let before = try #require(first.check().diagnostics("min-gap").first)
        let after = try #require(moved.check().diagnostics("min-gap").first)
        #expect(after.location.line == before.location.line + 3, "the diagnostic moved with its key")
        #expect(fingerprints(moved) == original, "blank lines above the keys do not change fingerprints; another folder neither")
    }
}
