import Testing
@testable import Planner

@Suite struct BannedWordTests {
    @Test func reportsTheWordAtItsLineAndColumn() throws {
        let plan = try TestPlan([
            // Body starts on line 7; the word is on its second line after four characters.
            "moments/a.md": TestPlan.moment(date: "2026-12-05", slot: "morning", body: "第一行\n这款产品保本，保本！"),
        ])
        defer { plan.remove() }
        let found = plan.check().diagnostics("banned-word")
        #expect(found.count == 1)
        let diagnostic = try #require(found.first)
        #expect(diagnostic.ruleID == "banned-word")
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.location.file == "content/moments/a.md")
        #expect(diagnostic.location.line == 8)
        #expect(diagnostic.location.column == 5)
        #expect(diagnostic.message.en == "The body contains the banned word “保本” (banned in plan.yml, 2 times).")
    }

    @Test func personaWordsLatinCaseAndExplicitTitles() throws {
        let plan = try TestPlan([
            "personas/xiaozhao.md": TestPlan.persona(name: "小招", extra: "banned: [Guaranteed]"),
            "moments/a.md": TestPlan.moment(date: "2026-12-05", slot: "morning", body: "100% GUARANTEED"),
            "topics/runners/a.md": TestPlan.topic(date: "2026-12-05", title: "保本的秘密"),
        ])
        defer { plan.remove() }
        let found = plan.check().diagnostics("banned-word")
        #expect(found.map(\.location.description) == ["content/moments/a.md:7:6", "content/topics/runners/a.md:8:1"])
        #expect(found.first?.message.en == "The body contains the banned word “Guaranteed” (banned for 小招).")
        #expect(found.last?.message.en == "The title contains the banned word “保本” (banned in plan.yml).")
    }

    @Test func nearMissOtherPersonasWordsAndWordsSplitByAParagraph() throws {
        let plan = try TestPlan([
            "personas/xiaoying.md": TestPlan.persona(name: "小影", extra: "banned: [必涨]"),
            "moments/a.md": TestPlan.moment(date: "2026-12-05", slot: "morning", body: "不保\n\n本金。这只基金必涨？"),
        ])
        defer { plan.remove() }
        #expect(plan.check().diagnostics("banned-word").isEmpty)
    }

    @Test func spacesWidthsAndPunctuationBetweenTheCharactersStillMatch() throws {
        let plan = try TestPlan([
            "moments/a.md": TestPlan.moment(date: "2026-12-05", slot: "morning", body: "第一行\n这款产品稳 赚。"),
            "moments/b.md": TestPlan.moment(date: "2026-12-06", slot: "morning", body: "绝对稳，赚"),
            "moments/c.md": TestPlan.moment(date: "2026-12-07", slot: "morning", body: "**稳**　*赚*，还有 ＲＩＳＫ－ＦＲＥＥ"),
        ], plan: TestPlan.plan(extra: "banned: [稳赚, risk-free]").replacingOccurrences(of: "banned: [保本]\n", with: ""))
        defer { plan.remove() }
        let found = plan.check().diagnostics("banned-word")
        #expect(found.map(\.location.description) == [
            "content/moments/a.md:8:5", "content/moments/b.md:7:3", "content/moments/c.md:7:3", "content/moments/c.md:7:14",
        ])
        #expect(found[0].message.zh == "正文里出现了禁用词“稳赚”（plan.yml 的禁用词，写作“稳 赚”）。")
        #expect(found[1].message.en == "The body contains the banned word “稳赚” (banned in plan.yml, written “稳，赚”).")
    }

    @Test func anOccurrenceInsideAnAllowedPhraseIsExempt() throws {
        let plan = try TestPlan([
            // Every 保本 here lies inside 非保本 or 不保本 (spaces too): nothing to report.
            "moments/a.md": TestPlan.moment(date: "2026-12-05", slot: "morning", body: "本产品为非保本浮动收益型，不 保本。"),
            // The second 保本 lies outside: reported there, once.
            "moments/b.md": TestPlan.moment(date: "2026-12-06", slot: "morning", body: "非保本产品，\n但我们承诺保本。"),
        ], plan: TestPlan.plan(extra: "banned: [稳赚, {word: 保本, allow: [非保本, 不保本]}]").replacingOccurrences(of: "banned: [保本]\n", with: ""))
        defer { plan.remove() }
        let found = plan.check().diagnostics("banned-word")
        #expect(found.map(\.location.description) == ["content/moments/b.md:8:6"])
        #expect(found.first?.message.en == "The body contains the banned word “保本” (banned in plan.yml).")
        #expect(found.first?.hint?.zh.contains("“非保本”、“不保本”") == true)
    }

    @Test func personaWordsMayCarryAllowedPhrases() throws {
        let plan = try TestPlan([
            "personas/xiaozhao.md": TestPlan.persona(name: "小招", extra: "banned:\n  - {word: 翻倍, allow: [不会翻倍]}"),
            "moments/a.md": TestPlan.moment(date: "2026-12-05", slot: "morning", body: "收益不会翻倍。"),
            "moments/b.md": TestPlan.moment(date: "2026-12-06", slot: "morning", body: "收益翻倍！"),
        ])
        defer { plan.remove() }
        #expect(plan.check().diagnostics("banned-word").map(\.location.description) == ["content/moments/b.md:7:3"])
    }

    @Test func ignoreOfOneWordSuppressesThatWordOnly() throws {
        let plan = try TestPlan([
            "moments/a.md": TestPlan.moment(
                date: "2026-12-05", slot: "morning", extra: "ignore: {banned-word: {稳赚: \"引用监管原文\"}}", body: "“稳赚不赔”是违规说法；保本也是。"),
            "moments/b.md": TestPlan.moment(
                date: "2026-12-06", slot: "morning", extra: "ignore: {banned-word: \"整段引用\"}", body: "稳赚，保本。"),
            "moments/c.md": TestPlan.moment(
                date: "2026-12-07", slot: "morning", extra: "ignore: {banned-word: {最低价: \"不需要\"}}", body: "今天天气好。"),
        ], plan: TestPlan.plan(extra: "banned: [稳赚, 保本, 最低价]").replacingOccurrences(of: "banned: [保本]\n", with: ""))
        defer { plan.remove() }
        let result = plan.check()
        #expect(result.diagnostics("banned-word").map(\.message.en) == ["The body contains the banned word “保本” (banned in plan.yml)."])
        #expect(result.diagnostics("banned-word").map(\.location.file) == ["content/moments/a.md"])
        let unused = result.diagnostics("suppression")
        #expect(unused.map(\.location.description) == ["content/moments/c.md:6:24"])
        #expect(unused.first?.message.en == "The ignore of “banned-word” for “最低价” suppressed nothing.")
    }
}
