import Testing
@testable import Planner

@Suite struct RuleCatalogueTests {
    @Test func everyRuleOfTheSpecInTableOrder() {
        #expect(RuleCatalogue.ids == [
            "front-matter", "merge-conflict", "unknown-key", "unknown-ref", "duplicate-id", "missing-file", "out-of-range",
            "posts-per-day", "slot-clash", "min-gap", "quiet-hours", "theme-streak", "promo-streak", "promo-share",
            "theme-mix", "group-per-day", "group-per-week", "format-streak", "touch-cap", "touch-floor",
            "stage-fit", "surprise-spacing", "surprise-coverage", "person-day", "persona-theme", "persona-channel", "persona-segment",
            "persona-group", "banned-word", "disclaimer", "duplicate-copy", "image-count", "stale-draft", "future-published",
            "review-required", "engagement-drop", "weekly-model", "quiet-day", "holiday-touch", "calendar-data", "suppression",
        ])
    }

    @Test func everyRuleDescribesItselfInBothLanguages() {
        for rule in RuleCatalogue.all {
            for text in [rule.summary, rule.explanation, rule.example] {
                #expect(!text.zh.isEmpty && !text.en.isEmpty, "\(rule.id)")
            }
            for option in rule.options {
                #expect(!option.summary.zh.isEmpty && !option.summary.en.isEmpty, "\(rule.id).\(option.name)")
            }
        }
    }

    @Test func optionDefaults() {
        func value(_ rule: String, _ option: String) -> OptionValue? {
            RuleCatalogue.rule(rule)?.options.first { $0.name == option }?.defaultValue
        }
        #expect(value("posts-per-day", "min") == .integer(1))
        #expect(value("posts-per-day", "max") == .integer(3))
        #expect(value("min-gap", "minutes") == .integer(120))
        #expect(value("quiet-hours", "from") == .time(LocalTime(hour: 22, minute: 30)!))
        #expect(value("quiet-hours", "to") == .time(LocalTime(hour: 7, minute: 0)!))
        #expect(value("promo-share", "max") == .number(0.2))
        #expect(value("theme-mix", "min") == nil)
        #expect(value("touch-cap", "kinds") == .kinds([.topic, .surprise, .chat]))
        #expect(value("touch-floor", "min") == .integer(7))
        #expect(value("image-count", "max") == .integer(9))
        #expect(value("quiet-day", "days") == .words(["清明"]))
        #expect(value("holiday-touch", "days") == .words(["春节", "中秋", "冬至"]))
    }

    @Test func findingsAreTheSameOnEveryRun() throws {
        var files: [String: String] = ["personas/xiaoying.md": TestPlan.persona(name: "小影")]
        for day in 1...20 where day % 3 != 0 {
            files["moments/\(day)-a.md"] = TestPlan.moment(date: TestPlan.dec(day), slot: "morning", theme: day % 4 == 0 ? "promotion" : "life")
            files["moments/\(day)-b.md"] = TestPlan.moment(date: TestPlan.dec(day), slot: "morning", persona: "xiaoying")
            files["topics/runners/\(day).md"] = TestPlan.topic(date: TestPlan.dec(day), persona: day % 2 == 0 ? "xiaozhao" : "xiaoying")
            files["surprises/\(day).md"] = TestPlan.surprise(date: TestPlan.dec(day), segments: ["payroll", "car"])
        }
        let plan = try TestPlan(files)
        defer { plan.remove() }
        let first = plan.check(today: "2026-12-10").diagnostics
        let second = plan.check(today: "2026-12-10").diagnostics
        #expect(first.count > 100)
        #expect(first == second)
        #expect(Set(first.map(\.fingerprint)).count == first.count)
    }
}
