import Foundation
import Testing
@testable import Planner

/// Crash safety (issue #6): a build killed with SIGKILL at any moment leaves
/// `output/` as the complete old site or the complete new one, never a mix,
/// and the next build succeeds and cleans up the killed builds' staging folders.
@Suite(.serialized) struct CrashSafetyTests {
    static let kills = 50

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

    static func build(_ content: String, in root: URL) throws -> (CLI.Run, TimeInterval) {
        let started = Date()
        let run = try CLI.run(["build", "--today", "2026-11-23", "--content", content, "--output", "output"], in: root)
        return (run, Date().timeIntervalSince(started))
    }

    static func staging(in root: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasPrefix(".output.plan-build-") && !$0.hasSuffix("-spare") }
    }

    @Test func aKilledBuildLeavesTheOldSiteOrTheNewOneWhole() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("plan-build-crash-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let started = Date()
        // Sized so that a debug build takes a fraction of a second; the kill
        // moments below are spread over the measured build time, whatever it is.
        let count = 20
        try Self.writePlan(at: root.appendingPathComponent("A"), count: count, version: "A")
        try Self.writePlan(at: root.appendingPathComponent("B"), count: count, version: "B")

        let (runB, timeB) = try Self.build("B", in: root)
        #expect(runB.status == 0, "\(runB.stderr)")
        let siteB = snapshot(root.appendingPathComponent("output"))
        let (runA, timeA) = try Self.build("A", in: root)
        #expect(runA.status == 0, "\(runA.stderr)")
        let siteA = snapshot(root.appendingPathComponent("output"))
        #expect(siteA.count > count && siteA != siteB)
        // Updated by every complete build below: on a loaded machine (CI runs
        // other suites beside this one) a build can take several times longer
        // than the two measured here.
        var buildTime = max(timeA, timeB)

        var current = "A"
        var outcomes = ["old": 0, "new": 0]
        var generator = SystemRandomNumberGenerator()
        var kills = 0
        /// Starts a build of the other plan, kills it after `delay` and checks that output/ is one site or the other.
        func killBuild(after delay: TimeInterval, label kill: Int) throws {
            kills += 1
            let target = current == "A" ? "B" : "A"
            let process = Process()
            process.executableURL = CLI.binary
            process.arguments = ["build", "--today", "2026-11-23", "--content", target, "--output", "output"]
            process.currentDirectoryURL = root
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            Foundation.kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()

            let site = snapshot(root.appendingPathComponent("output"))
            let old = current == "A" ? siteA : siteB
            let new = target == "A" ? siteA : siteB
            #expect(site == old || site == new, "kill \(kill) after \(delay) s left a mixed output/ (\(site.count) files)")
            if site == old { outcomes["old", default: 0] += 1 } else if site == new { outcomes["new", default: 0] += 1 }
            current = site == siteA ? "A" : "B"
        }
        for kill in 0..<Self.kills {
            // A sweep over 0…1.3 × the build time, jittered: loading, rendering,
            // the swap and the clean-up each get their share of kills.
            let sweep = Double(kill) / Double(Self.kills - 1)
            try killBuild(after: buildTime * 1.3 * min(1, max(0, sweep + Double.random(in: -0.05...0.05, using: &generator))), label: kill)

            // The next build succeeds and removes the killed builds' leftovers.
            // (To keep the test near a minute on a busy machine, a complete
            // build runs after every fifth kill and after the last; the kills
            // in between start right after a killed build, leftovers and all.)
            if kill % 5 == 4 || kill == Self.kills - 1 {
                let next = current == "A" ? "B" : "A"
                let (run, time) = try Self.build(next, in: root)
                buildTime = max(buildTime, time)
                #expect(run.status == 0, "the build after kill \(kill) failed: \(run.stderr)")
                #expect(snapshot(root.appendingPathComponent("output")) == (next == "A" ? siteA : siteB))
                let leftovers = try Self.staging(in: root)
                #expect(leftovers.isEmpty, "left after kill \(kill): \(leftovers)")
                current = next
            }
        }
        // When the machine slowed down so much that no kill came after a swap,
        // a few more kills well past the latest build time cover that side.
        var extra = 0
        while outcomes["new", default: 0] == 0 && extra < 5 {
            extra += 1
            try killBuild(after: buildTime * 3, label: Self.kills + extra)
        }
        #expect(outcomes["old", default: 0] + outcomes["new", default: 0] == kills)
        // Both sides of the swap were hit (the sweep runs past the build time).
        #expect(outcomes["old", default: 0] > 0 && outcomes["new", default: 0] > 0, "\(outcomes)")
        let elapsed = Date().timeIntervalSince(started)
        print("crash safety: \(kills) kills, build \(String(format: "%.2f", buildTime)) s, outcomes \(outcomes), \(String(format: "%.1f", elapsed)) s")
    }
}
