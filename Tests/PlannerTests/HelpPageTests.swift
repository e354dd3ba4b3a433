import Foundation
import Testing
@testable import Planner

/// `help/index.html` explains every rule `plan-build rules` lists, in the plan's language.
@Suite(.serialized) struct HelpPageTests {
    @Test(arguments: [Language.zhCN, .en]) func helpPageExplainsEveryRuleTheRulesCommandLists(language: Language) throws {
        let plan = try TestPlan(
            ["moments/a.md": TestPlan.moment(date: "2026-12-05", slot: "morning")],
            plan: TestPlan.plan(extra: "rules:\n  quiet-hours: off\n").replacingOccurrences(of: "locale: en", with: "locale: \(language.rawValue)"))
        defer { plan.remove() }
        let build = try CLI.run(["build", "--today", "2026-11-23"], in: plan.root)
        #expect(build.status == 0, "\(build.stderr)")
        let html = try String(contentsOf: plan.root.appendingPathComponent("output/help/index.html"), encoding: .utf8)
        let page = Self.unescaped(html)
        #expect(page.contains("<html lang=\"\(language.rawValue)\""))
        let listing = try CLI.run(["rules", "--lang", language.rawValue], in: plan.root)
        let listed = listing.stdout.split(separator: "\n").compactMap { $0.split(separator: " ").first.map(String.init) }
        #expect(listed.count == RuleCatalogue.all.count && !listed.isEmpty)
        for id in listed {
            let rule = try #require(RuleCatalogue.rule(id))
            #expect(page.contains("<section id=\"\(id)\""), "help explains \(id)")
            #expect(page.contains(rule.explanation.text(language)), "\(id)'s why, in \(language.rawValue)")
            #expect(page.contains(rule.example.text(language)), "\(id)'s example")
        }
        #expect(page.contains(language == .zhCN ? "本计划已关闭" : "off in this plan"), "a rule the plan turned off says so")
        let index = try String(contentsOf: plan.root.appendingPathComponent("output/index.html"), encoding: .utf8)
        #expect(index.contains("href=\"help/index.html\""), "the navigation links the help page")
    }

    /// The page's text with the escapes of the HTML escaper undone.
    private static func unescaped(_ html: String) -> String {
        html.replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&#x27;", with: "'")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
    }
}
