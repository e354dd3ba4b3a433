import Foundation
import Testing
@testable import Planner

/// People and their days (SPEC 11.6) and the rule person-day.
@Suite struct PeopleTests {
    static let wang = "---\nalias: 王阿姨\nsegment: payroll\ndates:\n  birthday: 12-20\n  joined: 2025-06-01\n---\n"

    @Test func personDayTriggersWhenNothingIsPlanned() throws {
        let plan = try TestPlan(["people/wang-ayi.md": Self.wang])
        defer { plan.remove() }
        let found = plan.check().diagnostics("person-day")
        #expect(found.map(\.location.description) == ["content/people/wang-ayi.md:5:3"])
        #expect(found.first?.severity == .notice)
        #expect(found.first?.date?.description == "2026-12-20")
        #expect(found.first?.message.zh.contains("王阿姨") == true)
        #expect(found.first?.message.en.contains("birthday") == true)
    }

    @Test func aSurpriseOrChatInTheWeekBeforeAnswersIt() throws {
        let surprise = try TestPlan([
            "people/wang-ayi.md": Self.wang,
            "surprises/寿宴.md": TestPlan.surprise(date: "2026-12-14", trigger: "birthday", extra: "person: wang-ayi"),
        ])
        defer { surprise.remove() }
        let result = surprise.check()
        #expect(result.diagnostics("person-day").isEmpty)
        #expect(result.diagnostics("unknown-ref").isEmpty)
        // A chat naming the person by alias counts too; the plan keeps the id.
        let chat = try TestPlan([
            "people/wang-ayi.md": Self.wang, "chats/祝寿.md": TestPlan.chat(date: "2026-12-20", extra: "person: 王阿姨"),
        ])
        defer { chat.remove() }
        let chatResult = chat.check()
        #expect(chatResult.diagnostics("person-day").isEmpty)
        #expect(chatResult.plan?.items.first?.person == "wang-ayi")
        // Eight days before is too early.
        let early = try TestPlan([
            "people/wang-ayi.md": Self.wang,
            "surprises/寿宴.md": TestPlan.surprise(date: "2026-12-12", trigger: "birthday", extra: "person: wang-ayi"),
        ])
        defer { early.remove() }
        #expect(early.check().diagnostics("person-day").count == 1)
    }

    @Test func anIgnoreInThePersonsFileAnswersIt() throws {
        let plan = try TestPlan([
            "people/wang-ayi.md": Self.wang.replacingOccurrences(of: "---\n", with: "ignore: {person-day: \"家里人不过生日\"}\n---\n", options: [], range: Self.wang.range(of: "---\n", options: .backwards)),
        ])
        defer { plan.remove() }
        let result = plan.check()
        #expect(result.diagnostics("person-day").isEmpty)
        #expect(result.diagnostics("suppression").isEmpty)
    }

    @Test func datesRecurOrHappenOnce() throws {
        let plan = try TestPlan(
            [
                "people/a.md": "---\nalias: 张先生\ndates: {anniversary: 02-29, joined: 2027-02-10, first-loan: 2026-02-10}\n---\n"
            ],
            plan: TestPlan.plan(start: "2027-02-01", end: "2027-02-28"))
        defer { plan.remove() }
        let found = plan.check().diagnostics("person-day")
        // 02-29 falls on 02-28 in 2027; the full date inside the range once; the one outside never.
        #expect(found.compactMap { $0.date?.description }.sorted() == ["2027-02-10", "2027-02-28"])
        let leap = PersonDate(name: "birthday", when: .yearly(month: 2, day: 29), location: SourceLocation(file: "x"))
        #expect(leap.occurrences(from: LocalDate(parsing: "2028-01-01")!, to: LocalDate(parsing: "2028-12-31")!).map(\.description) == ["2028-02-29"])
    }

    @Test func anUnknownPersonIsAnUnknownRefAndBadDatesArePositioned() throws {
        let plan = try TestPlan([
            "people/a.md": "---\nalias: 张先生\ndates:\n  birthday: 13-01\n---\n",
            "people/b.md": "---\nsegment: payroll\n---\n",
            "surprises/x.md": TestPlan.surprise(date: "2026-12-03", extra: "person: 李阿姨"),
        ])
        defer { plan.remove() }
        let result = plan.check()
        #expect(result.diagnostics("unknown-ref").map(\.location.description) == ["content/surprises/x.md:8:1"])
        let frontMatter = result.diagnostics("front-matter")
        #expect(frontMatter.contains { $0.location.description == "content/people/a.md:4:13" })
        #expect(frontMatter.contains { $0.location.file == "content/people/b.md" && $0.message.en.contains("alias") })
    }

    @Test func thePersonPageListsDaysAndTouchesInBothLanguages() throws {
        let plan = try TestPlan([
            "people/wang-ayi.md": Self.wang,
            "surprises/寿宴.md": TestPlan.surprise(date: "2026-12-19", title: "七十大寿寿桃", trigger: "birthday", extra: "person: wang-ayi"),
        ])
        defer { plan.remove() }
        for (language, heading) in [(Language.zhCN, "计划内的日子"), (.en, "Days in the plan")] {
            let result = plan.check()
            let output = plan.root.appendingPathComponent("site-\(language.rawValue)")
            try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
            try SiteRenderer(
                plan: try #require(result.plan), diagnostics: result.diagnostics, theme: try Theme.load(name: "default", overrideDirectory: nil),
                language: language, today: LocalDate(parsing: "2026-12-05")!, contentRoot: plan.content
            ).render(into: output)
            let page = try String(contentsOf: output.appendingPathComponent("people/wang-ayi.html"), encoding: .utf8)
            #expect(page.contains(heading))
            #expect(page.contains("王阿姨"))
            #expect(page.contains("七十大寿寿桃"))
            #expect(page.contains("2026-12-20") || page.contains("12月20日"))
            #expect(page.contains("../items/"))
            // Reachable: the navigation lists people/index.html, which lists the person; the surprise links them.
            #expect(try String(contentsOf: output.appendingPathComponent("people/index.html"), encoding: .utf8).contains("wang-ayi.html"))
            #expect(try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8).contains("people/index.html"))
            let item = try String(contentsOf: output.appendingPathComponent("items/surprises/寿宴.html"), encoding: .utf8)
            #expect(item.contains("people/wang-ayi.html"))
        }
    }

    @Test func newSeriesAndNewPersonWriteFilesThatCheckClean() throws {
        let plan = try TestPlan([:])
        defer { plan.remove() }
        var fields = NewFile.Fields()
        fields.stem = "friday"
        fields.date = LocalDate(parsing: "2026-12-04")
        fields.persona = "xiaozhao"
        let series = try NewFile(contentDirectory: plan.content, kind: .series, fields: fields, nextFree: false, today: nil).write()
        #expect(series == "series/friday.md")
        var person = NewFile.Fields()
        person.stem = "wang-ayi"
        person.name = "王阿姨"
        person.date = LocalDate(parsing: "2026-12-20")
        #expect(try NewFile(contentDirectory: plan.content, kind: .person, fields: person, nextFree: false, today: nil).write() == "people/wang-ayi.md")
        let result = plan.check()
        #expect(result.diagnostics.filter { $0.severity == .error || $0.ruleID == "unknown-key" }.isEmpty)
        #expect(result.plan?.items.filter { $0.series?.series == "friday" }.map(\.date.description) == ["2026-12-04", "2026-12-11", "2026-12-18", "2026-12-25"])
        #expect(result.plan?.people.first?.alias == "王阿姨")
        #expect(result.diagnostics("person-day").first?.date?.description == "2026-12-20")
    }

    @Test func aChatWithAPersonReachesTheirSegment() throws {
        let plan = try TestPlan([
            "people/wang-ayi.md": Self.wang,
            "chats/a.md": "---\ndate: 2026-12-03\nslot: noon\npersona: xiaozhao\nperson: wang-ayi\n---\n王阿姨好。\n",
        ])
        defer { plan.remove() }
        let chat = try #require(plan.check().plan?.items.first { $0.kind == .chat })
        #expect(chat.segments == ["payroll"])
    }

    @Test func anAliasWithAPhoneNumberGetsANotice() throws {
        let plan = try TestPlan(["people/a.md": "---\nalias: 王阿姨 13812345678\n---\n", "people/b.md": "---\nalias: 车主李哥\n---\n"])
        defer { plan.remove() }
        let found = plan.check().diagnostics("front-matter")
        #expect(found.map(\.location.description) == ["content/people/a.md:2:8"])
        #expect(found.first?.severity == .notice)
    }
}
