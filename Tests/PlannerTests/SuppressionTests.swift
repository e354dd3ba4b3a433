import Foundation
import Testing
@testable import Planner

@Suite struct SuppressionTests {
    let outside = "moments/late.md"

    @Test func anIgnoreWithAReasonSuppressesItsRule() throws {
        let plan = try TestPlan([
            outside: TestPlan.moment(date: "2027-01-05", slot: "noon", extra: "ignore: {out-of-range: \"下月预热，特意提前放进来\"}")
        ])
        defer { plan.remove() }
        let result = plan.check()
        #expect(result.diagnostics("out-of-range").isEmpty)
        #expect(result.diagnostics("suppression").isEmpty)
    }

    @Test func anIgnoreWithoutAReasonIsReportedAtItsKey() throws {
        let plan = try TestPlan([outside: TestPlan.moment(date: "2027-01-05", slot: "noon", extra: "ignore: {out-of-range: \"\"}")])
        defer { plan.remove() }
        let diagnostic = try #require(plan.check().diagnostics("suppression").first)
        #expect(diagnostic.location.file == "content/moments/late.md")
        #expect(diagnostic.location.line == 6)
        #expect(diagnostic.message.en.contains("gives no reason"))
    }

    @Test func anIgnoreThatSuppressedNothingIsReported() throws {
        let plan = try TestPlan([
            "moments/fine.md": TestPlan.moment(date: "2026-12-05", slot: "noon", extra: "ignore: {out-of-range: \"以防万一\"}")
        ])
        defer { plan.remove() }
        let diagnostics = plan.check().diagnostics("suppression")
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.message.en.contains("suppressed nothing") == true)
    }

    @Test func anIgnoreOfAnUnknownRuleSuggestsTheRightOne() throws {
        let plan = try TestPlan([
            "moments/fine.md": TestPlan.moment(date: "2026-12-05", slot: "noon", extra: "ignore: {out-of-rnage: \"拼错了\"}")
        ])
        defer { plan.remove() }
        #expect(plan.check().diagnostics("suppression").first?.message.en.contains("Did you mean “out-of-range”?") == true)
    }
}

@Suite struct RulesCommandTests {
    @Test func listsEveryRuleOfTheSpec() throws {
        let listing = RuleCatalogueText(language: .en).render(id: nil)
        for id in [
            "front-matter", "unknown-key", "unknown-ref", "duplicate-id", "missing-file", "out-of-range", "posts-per-day",
            "slot-clash", "min-gap", "quiet-hours", "theme-streak", "promo-streak", "promo-share", "theme-mix",
            "group-per-day", "group-per-week", "format-streak", "touch-cap", "touch-floor", "surprise-spacing",
            "surprise-coverage", "persona-theme", "persona-channel", "persona-segment", "persona-group", "banned-word",
            "disclaimer", "duplicate-copy", "image-count", "stale-draft", "suppression",
        ] {
            #expect(listing.contains(id), "rules lists \(id)")
            #expect(RuleCatalogue.rule(id) != nil)
        }
    }

    @Test func explainsOneRuleWithOptionsAndExample() throws {
        let root = FileManager.default.temporaryDirectory
        let run = try CLI.run(["rules", "posts-per-day", "--lang", "en"], in: root)
        #expect(run.status == 0)
        #expect(run.stdout.contains("min: 1"))
        #expect(run.stdout.contains("max: 3"))
        #expect(run.stdout.contains("Example"))
        let zh = try CLI.run(["rules", "posts-per-day"], in: root, environment: InterfaceLanguageTests.locale("C.UTF-8"))
        #expect(zh.stdout.contains("示例"))
        #expect(try CLI.run(["rules", "posts-per-dya"], in: root).stdout.contains("posts-per-day"))
    }

    @Test func messagesFollowLangAndColourFollowsNoColor() throws {
        let plan = try TestPlan(["moments/late.md": TestPlan.moment(date: "2027-01-05", slot: "noon")])
        defer { plan.remove() }
        let english = try CLI.run(["check", "--today", "2026-11-23", "--lang", "en"], in: plan.root)
        #expect(english.stdout.contains("is outside the planned range"))
        let chinese = try CLI.run(["check", "--today", "2026-11-23", "--lang", "zh-CN"], in: plan.root)
        #expect(chinese.stdout.contains("不在计划范围"))
        #expect(!english.stdout.contains("\u{1B}["), "no colour when not a terminal")
    }
}
