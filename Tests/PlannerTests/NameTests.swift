import Foundation
import Testing
@testable import Planner

/// Names as people say them (spec 11.1): ids or display names, one
/// canonical id in the plan, ambiguity named, both status vocabularies.
@Suite struct NameTests {
    static let named = [
        "moments/a.md": TestPlan.moment(date: "2026-12-02", slot: "morning", persona: "小招", theme: "生活日常", extra: "segments: [代发客群, car]\naction: 保持形象良好"),
        "topics/runners/b.md": TestPlan.topic(date: "2026-12-02", persona: "小招", theme: "互动话题", group: "晨跑俱乐部"),
    ]

    @Test func referencesByNameResolveToCanonicalIDs() throws {
        let plan = try TestPlan(Self.named)
        defer { plan.remove() }
        let result = plan.check()
        #expect(result.diagnostics("unknown-ref").isEmpty, "\(result.diagnostics("unknown-ref").map(\.message.en))")
        #expect(result.diagnostics("persona-group").isEmpty, "the topic's persona is the group's owner")
        let resolved = try #require(result.plan)
        let moment = try #require(resolved.item("moments/a"))
        #expect(moment.persona == "xiaozhao")
        #expect(moment.theme == "life")
        #expect(moment.segments == ["payroll", "car"])
        #expect(moment.action == "good-image")
        let topic = try #require(resolved.item("topics/runners/b"))
        #expect(topic.group == "runners" && topic.theme == "interaction")
        #expect(topic.segments == ["payroll"], "the group's segments, by id")
    }

    @Test func personasAndGroupsInPlanYmlUseNamesToo() throws {
        let planYAML = TestPlan.planYAML.replacingOccurrences(
            of: "runners: {label: 晨跑俱乐部, owner: xiaozhao, segments: [payroll]}",
            with: "runners: {label: 晨跑俱乐部, owner: 小招, segments: [代发客群]}")
            + "\nrules:\n  theme-mix: {min: {生活日常: 2}}\n"
        let persona = TestPlan.persona(name: "小招", extra: "themes: [生活日常, professional]\nsegments: [代发客群]")
        let plan = try TestPlan(["topics/runners/b.md": TestPlan.topic(date: "2026-12-02", theme: "life")], plan: planYAML, persona: persona)
        defer { plan.remove() }
        let result = plan.check()
        #expect(result.diagnostics("unknown-ref").isEmpty, "\(result.diagnostics("unknown-ref").map(\.message.en))")
        let resolved = try #require(result.plan)
        #expect(resolved.config.group("runners")?.owner == "xiaozhao")
        #expect(resolved.config.group("runners")?.segments == ["payroll"])
        #expect(resolved.personas.first?.themes == ["life", "professional"])
        #expect(resolved.personas.first?.segments == ["payroll"])
        #expect(resolved.config.rules.value("min", of: ThemeMixRule()) == .counts(["life": 2]))
        #expect(result.diagnostics("persona-group").isEmpty)
    }

    @Test func aNameOfTwoPersonasIsAmbiguousAndListsBoth() throws {
        let plan = try TestPlan([
            "personas/zhao2.md": TestPlan.persona(name: "小招"),
            "moments/a.md": TestPlan.moment(date: "2026-12-02", slot: "morning", persona: "小招"),
            "moments/b.md": TestPlan.moment(date: "2026-12-03", slot: "morning", persona: "zhao2"),
        ])
        defer { plan.remove() }
        let result = plan.check()
        let refs = result.diagnostics("unknown-ref")
        #expect(refs.count == 1, "the id stays unambiguous: \(refs.map(\.message.en))")
        let diagnostic = try #require(refs.first)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.location.file.hasSuffix("moments/a.md") && diagnostic.location.line == 4)
        #expect(diagnostic.message.en.contains("xiaozhao") && diagnostic.message.en.contains("zhao2"))
        #expect(diagnostic.message.zh.contains("xiaozhao") && diagnostic.message.zh.contains("zhao2"))
    }

    @Test func anIDThatIsAnotherThemesLabelIsAmbiguous() throws {
        let planYAML = TestPlan.planYAML + "\nthemes:\n  life: {label: 生活}\n  daily: {label: life}\n"
        let plan = try TestPlan(["moments/a.md": TestPlan.moment(date: "2026-12-02", slot: "morning", theme: "life")], plan: planYAML)
        defer { plan.remove() }
        let refs = plan.check().diagnostics("unknown-ref")
        #expect(refs.count == 1)
        #expect(refs.first?.message.en.contains("daily") == true && refs.first?.message.en.contains("life") == true)
    }

    @Test func anUnknownNameSuggestsTheNearestIDOrName() throws {
        let plan = try TestPlan(["moments/a.md": TestPlan.moment(date: "2026-12-02", slot: "morning", persona: "小昭", theme: "生活日长")])
        defer { plan.remove() }
        let refs = plan.check().diagnostics("unknown-ref")
        #expect(refs.count == 2)
        #expect(refs.contains { $0.message.zh.contains("“小昭”") && $0.hint?.zh.contains("xiaozhao（小招）") == true })
    }

    @Test(arguments: ["zh-CN", "en"])
    func bothStatusVocabulariesWorkUnderEveryLocale(_ locale: String) throws {
        let words: [(String, ItemStatus)] = [
            ("idea", .idea), ("draft", .draft), ("ready", .ready), ("published", .published), ("构思", .idea), ("草稿", .draft),
            ("就绪", .ready), ("已发布", .published), ("Published", .published), ("Ready", .ready),
        ]
        var files: [String: String] = [:]
        for (index, (word, _)) in words.enumerated() {
            files["moments/\(index).md"] = TestPlan.moment(date: TestPlan.dec(index + 1), slot: "morning", extra: "status: \(word)")
        }
        let plan = try TestPlan(files, plan: TestPlan.planYAML.replacingOccurrences(of: "locale: en", with: "locale: \(locale)"))
        defer { plan.remove() }
        let result = plan.check(today: "2026-12-20")
        #expect(result.diagnostics("front-matter").isEmpty, "\(result.diagnostics("front-matter").map(\.message.en))")
        let resolved = try #require(result.plan)
        for (index, (word, status)) in words.enumerated() {
            #expect(resolved.item("moments/\(index)")?.status == status, "\(word)")
        }
        let stale = Set(result.diagnostics("stale-draft").compactMap(\.itemID))
        #expect(stale == ["moments/0", "moments/1", "moments/4", "moments/5"], "已发布 is published: no stale draft")
    }

    @Test func anUnknownStatusListsBothVocabularies() throws {
        let plan = try TestPlan(["moments/a.md": TestPlan.moment(date: "2026-12-02", slot: "morning", extra: "status: 完成")])
        defer { plan.remove() }
        let diagnostic = try #require(plan.check().diagnostics("front-matter").first)
        #expect(diagnostic.message.zh.contains("已发布") && diagnostic.message.zh.contains("published"))
        #expect(diagnostic.location.line == 6)
    }

    @Test func theSiteShowsCanonicalIDsAndDisplayNames() throws {
        let plan = try TestPlan(Self.named)
        defer { plan.remove() }
        let run = try CLI.run(["build", "--today", "2026-11-23"], in: plan.root)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        let output = plan.root.appendingPathComponent("output")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("plan.json"))) as? [String: Any]
        let items = try #require(json?["items"] as? [[String: Any]])
        let moment = try #require(items.first { $0["id"] as? String == "moments/a" })
        #expect(moment["persona"] as? String == "xiaozhao")
        #expect(moment["theme"] as? String == "life")
        #expect(moment["segments"] as? [String] == ["payroll", "car"])
        let page = try String(contentsOf: output.appendingPathComponent("items/moments/a.html"), encoding: .utf8)
        #expect(page.contains("小招") && page.contains("生活日常"))
        let files = try String(contentsOf: plan.content.appendingPathComponent("moments/a.md"), encoding: .utf8)
        #expect(files == Self.named["moments/a.md"], "files are never rewritten")
    }

    @Test func theIndexIsThePublicWayToReadNames() {
        let index = NameIndex(
            personas: [.init(id: "xiaozhao", display: "小招", names: ["小招"])],
            themes: [.init(id: "life", display: "生活日常", names: ["生活日常"]), .init(id: "promotion", display: "Product promotion", names: ["Product promotion"])],
            segments: [], groups: [], actions: [])
        #expect(index.resolve("小招", as: .persona) == .found("xiaozhao"))
        #expect(index.resolve(" xiaozhao ", as: .persona) == .found("xiaozhao"))
        #expect(index.resolve("product promotion", as: .theme) == .found("promotion"))
        #expect(index.resolve("小影", as: .persona) == .unknown)
        #expect(index.display(of: "life", as: .theme) == "生活日常")
        #expect(ItemStatus(name: "已发布") == .published && ItemStatus(name: "PUBLISHED") == .published && ItemStatus(name: "完成") == nil)
    }
}
