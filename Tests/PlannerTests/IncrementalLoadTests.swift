import Foundation
import Testing
@testable import Planner

/// `serve` tells the loader which files changed; after an edit of a known
/// file it skips walking the folder. Every load must still equal a fresh one.
@Suite struct IncrementalLoadTests {
    @Test func loadsAfterNotedChangesEqualFreshLoads() throws {
        let plan = try TestPlan([
            "moments/a.md": TestPlan.moment(date: "2026-12-05", slot: "morning", body: "第一条。"),
            "moments/b.md": TestPlan.moment(date: "2026-12-06", slot: "morning", body: "第二条。"),
        ])
        defer { plan.remove() }
        let cache = DocumentCache()
        func path(_ relative: String) -> String { plan.content.appendingPathComponent(relative).path }
        func write(_ relative: String, _ text: String) throws {
            try FileManager.default.createDirectory(
                at: URL(fileURLWithPath: path(relative)).deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: path(relative)))
        }
        /// The items (id, title, body) and diagnostics of a load after `changes`, checked against a load without a cache.
        func load(after changes: [String]?) -> [String] {
            cache.noteChanges(changes)
            let incremental = PlanLoader(contentDirectory: plan.content, cache: cache).load()
            let fresh = PlanLoader(contentDirectory: plan.content).load()
            func summary(_ result: PlanLoader.Result) -> [String] {
                (result.plan?.items ?? []).map { "\($0.id)|\($0.title)|\($0.body)" } + result.diagnostics.map(\.fingerprint).sorted()
            }
            #expect(summary(incremental) == summary(fresh))
            return summary(incremental)
        }

        #expect(load(after: nil).count == 2)
        // An edit of a known file: the folder is not walked, the file is read again.
        try write("moments/a.md", TestPlan.moment(date: "2026-12-05", slot: "morning", body: "改过的第一条。"))
        #expect(load(after: [path("moments/a.md")]).contains { $0.contains("改过的第一条") })
        // A new file, then a deleted one: the folder is walked again.
        try write("moments/2026-12/c.md", TestPlan.moment(date: "2026-12-07", slot: "morning", body: "新的一条。"))
        #expect(load(after: [path("moments/2026-12/c.md")]).contains { $0.hasPrefix("moments/2026-12/c|") })
        try FileManager.default.removeItem(atPath: path("moments/b.md"))
        #expect(!load(after: [path("moments/b.md")]).contains { $0.hasPrefix("moments/b|") })
        // A change nobody reported is still seen when the changes are unknown.
        try write("moments/a.md", TestPlan.moment(date: "2026-12-05", slot: "morning", body: "又改了一次。"))
        #expect(load(after: nil).contains { $0.contains("又改了一次") })
        // Nothing changed: everything from the cache.
        #expect(load(after: []).contains { $0.contains("又改了一次") })
    }
}
