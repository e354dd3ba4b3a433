import Testing
@testable import Planner

@Suite struct TouchCapTests {
    /// `count` topics in the runners group (segment payroll), spread over 12-01 … 12-07.
    private func topics(_ count: Int) -> [String: String] {
        var files: [String: String] = [:]
        for number in 1...count {
            let day = (number - 1) % 7 + 1
            files["topics/runners/\(number < 10 ? "0" : "")\(number).md"] = TestPlan.topic(
                date: TestPlan.dec(day), slot: number > 7 ? "morning" : "evening")
        }
        return files
    }

    @Test func reportsTheFirstTouchBeyondTheCap() throws {
        let plan = try TestPlan(topics(11), plan: TestPlan.plan(end: "2026-12-07"))
        defer { plan.remove() }
        let found = plan.check().diagnostics("touch-cap")
        #expect(found.count == 1)
        let diagnostic = try #require(found.first)
        #expect(diagnostic.ruleID == "touch-cap")
        // Chronologically the eleventh touch is 12-07 evening (topic 07).
        #expect(diagnostic.location.file == "content/topics/runners/07.md")
        #expect(diagnostic.location.line == 2)
        #expect(diagnostic.message.en == "The segment “代发客群” (payroll) gets 11 touches (topics, surprises, chats) from 2026-12-01 to 2026-12-07; at most 10 in any 7 days — over-operation.")
        #expect(diagnostic.related.count == 10)
    }

    @Test func countsConfiguredKinds() throws {
        var files = topics(3)
        for day in 1...3 { files["moments/\(day).md"] = TestPlan.moment(date: TestPlan.dec(day), slot: "noon") }
        let plan = try TestPlan(
            files, plan: TestPlan.plan(end: "2026-12-07", extra: "rules:\n  touch-cap: {max: 2, kinds: [moments]}"))
        defer { plan.remove() }
        // Moments reach payroll and car (the persona serves every segment).
        let all = plan.check().diagnostics("touch-cap")
        // The old `kinds` option is read as the plan-wide default, with a notice at it.
        #expect(all.filter { $0.severity == .notice }.map(\.location.description) == ["content/plan.yml:13:3"])
        let found = all.filter { $0.severity == .warning }
        #expect(found.map(\.location.file) == ["content/moments/3.md", "content/moments/3.md"])
        #expect(found.allSatisfy { $0.message.en.contains("3 touches (moments)") })
    }

    @Test func aTierCapAndTouchKindsReplaceThePlanWideOnes() throws {
        var files = topics(3)
        for day in 1...3 { files["chats/\(day).md"] = TestPlan.chat(date: TestPlan.dec(day)) }
        // payroll is at the weak tier: cap 5 there, and only chats count.
        let plan = try TestPlan(
            files, plan: TestPlan.plan(end: "2026-12-07", extra: "stages:\n  weak: {touch-cap: 2, touch-kinds: [chats]}"))
        defer { plan.remove() }
        let found = plan.check().diagnostics("touch-cap")
        #expect(found.map(\.location.file) == ["content/chats/3.md"])
        #expect(found.first?.message.en.contains("3 touches (chats)") == true)
        #expect(found.first?.message.en.contains("at most 2 in any 7 days") == true)
    }

    @Test func nearMissTenTopicsAndMomentsUncounted() throws {
        var files = topics(10)
        for day in 1...7 { files["moments/\(day).md"] = TestPlan.moment(date: TestPlan.dec(day), slot: "noon") }
        let plan = try TestPlan(files, plan: TestPlan.plan(end: "2026-12-07"))
        defer { plan.remove() }
        #expect(plan.check().diagnostics("touch-cap").isEmpty)
    }
}
