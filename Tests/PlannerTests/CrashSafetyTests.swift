import Foundation
import Testing
@testable import Planner

/// Crash safety (issue #6): a build killed with SIGKILL at any moment leaves
/// `output/` as the complete old site or the complete new one, never a mix,
/// and the next build succeeds and cleans up the killed builds' staging folders.
///
/// The kills are deterministic: `PLAN_BUILD_FAULT=<point>` makes the build
/// kill itself at that named point of the writer (`FaultPoint`), so every
/// moment that matters is hit on every run, however busy the machine.
@Suite(.serialized) struct CrashSafetyTests {
    /// A plan of `count` moments; `version` changes every body, so the two
    /// versions' sites differ in every item page.
    static func writePlan(at content: URL, count: Int, version: String) throws {
        func write(_ path: String, _ text: String) throws {
            let url = content.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        try write(
            "plan.yml",
            """
            title: 崩溃测试 \(version)
            locale: en
            timezone: Asia/Shanghai
            start: 2026-12-01
            end: 2026-12-31
            rules:
              posts-per-day: off
              min-gap: off
              slot-clash: off
              theme-streak: off
              quiet-hours: off
              duplicate-copy: off
              theme-mix: off
            """)
        try write("personas/xiaozhao.md", "---\nname: 小招\n---\n故事 \(version)。\n")
        for index in 0..<count {
            let day = index % 31 + 1
            let minute = index / 31
            let date = String(format: "2026-12-%02d", day)
            let time = String(format: "%02d:%02d", 6 + minute / 60, minute % 60)
            try write(
                String(format: "moments/%02d/%04d.md", day, index),
                "---\ndate: \(date)\ntime: \"\(time)\"\npersona: xiaozhao\ntheme: life\n---\n第 \(index) 条内容，版本 \(version)。\n")
        }
    }

    static func build(_ content: String, in root: URL, fault: FaultPoint? = nil) throws -> CLI.Run {
        try CLI.run(
            ["build", "--today", "2026-11-23", "--content", content, "--output", "output"], in: root,
            environment: fault.map { ["PLAN_BUILD_FAULT": $0.rawValue] } ?? [:])
    }

    static func staging(in root: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasPrefix(".output.plan-build-") && !BesideOutput.kept.contains($0) }
    }

    /// Whether the new site is in place once the build has passed `point`.
    static func swappedBy(_ point: FaultPoint) -> Bool {
        switch point {
        case .stagingCreated, .stagingWritten, .pruned: return false
        case .swapped, .spareKept: return true
        }
    }

    @Test(arguments: FaultPoint.allCases)
    func aBuildKilledAtAnyPointLeavesTheOldSiteOrTheNewOneWhole(_ point: FaultPoint) throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("plan-build-crash-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let count = 20
        try Self.writePlan(at: root.appendingPathComponent("A"), count: count, version: "A")
        try Self.writePlan(at: root.appendingPathComponent("B"), count: count, version: "B")
        let output = root.appendingPathComponent("output")

        // Two complete builds: output/ holds A's site and the spare B's.
        let runB = try Self.build("B", in: root)
        #expect(runB.status == 0, "\(runB.stderr)")
        let siteB = snapshot(output)
        let runA = try Self.build("A", in: root)
        #expect(runA.status == 0, "\(runA.stderr)")
        let siteA = snapshot(output)
        #expect(siteA.count > count && siteA != siteB)
        let sites = ["A": siteA, "B": siteB]

        var current = "A"
        // Killed twice in a row (the second build starts among the first one's
        // leftovers), then once more after a clean build.
        for round in 0..<3 {
            let target = current == "A" ? "B" : "A"
            let killed = try Self.build(target, in: root, fault: point)
            #expect(killed.status == SIGKILL, "round \(round): the build was to die at \(point.rawValue); exit \(killed.status) \(killed.stderr)")
            let site = snapshot(output)
            let expected = Self.swappedBy(point) ? target : current
            #expect(site == sites[expected], "round \(round): killed at \(point.rawValue), output/ is not \(expected)'s site whole (\(site.count) files)")
            current = site == siteA ? "A" : "B"
            if round == 1 {
                // The next build succeeds and removes the killed builds' leftovers.
                let next = current == "A" ? "B" : "A"
                let run = try Self.build(next, in: root)
                #expect(run.status == 0, "the build after the kills failed: \(run.stderr)")
                #expect(snapshot(output) == sites[next])
                let leftovers = try Self.staging(in: root)
                #expect(leftovers.isEmpty, "left after the kills at \(point.rawValue): \(leftovers)")
                current = next
            }
        }
        let final = try Self.build(current == "A" ? "B" : "A", in: root)
        #expect(final.status == 0, "\(final.stderr)")
        #expect(try Self.staging(in: root).isEmpty)
    }

    /// The second build ever finds the first's site but no spare and links
    /// that site's files into its staging folder: killed before the swap, it
    /// leaves the first site whole, every page of which it had changed.
    @Test(arguments: [FaultPoint.stagingCreated, .stagingWritten, .pruned])
    func aBuildKilledWhileItsStagingSharesTheOldSitesFilesLeavesThatSiteWhole(_ point: FaultPoint) throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("plan-build-crash-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.writePlan(at: root.appendingPathComponent("A"), count: 20, version: "A")
        try Self.writePlan(at: root.appendingPathComponent("B"), count: 20, version: "B")
        let output = root.appendingPathComponent("output")
        let runA = try Self.build("A", in: root)
        #expect(runA.status == 0, "\(runA.stderr)")
        let siteA = snapshot(output)
        let killed = try Self.build("B", in: root, fault: point)
        #expect(killed.status == SIGKILL, "the build was to die at \(point.rawValue); exit \(killed.status) \(killed.stderr)")
        #expect(snapshot(output) == siteA, "killed at \(point.rawValue), output/ is not the first site whole")
        let runB = try Self.build("B", in: root)
        #expect(runB.status == 0, "\(runB.stderr)")
        #expect(snapshot(output) != siteA)
        #expect(try Self.staging(in: root).isEmpty)
    }
}
