import Foundation
import Testing
@testable import Planner

@Suite struct ChatTests {
    @Test func aChatIsAnItemOfItsOwnKind() throws {
        let plan = try TestPlan([
            "chats/12-03-回访.md": TestPlan.chat(date: "2026-12-03", extra: "purpose: follow-up\ntitle: 回访王姐\naction: keep-promise"),
        ])
        defer { plan.remove() }
        let result = plan.check()
        #expect(result.diagnostics.filter { $0.severity == .error }.isEmpty)
        let chat = try #require(result.plan?.items.first { $0.id == "chats/12-03-回访" })
        #expect(chat.kind == .chat)
        #expect(chat.purpose == .followUp)
        #expect(chat.title == "回访王姐")
        #expect(chat.segments == ["payroll"])
        #expect(chat.theme == nil)
        #expect(result.plan.map { !$0.config.isPromotional(chat) } == true)
    }

    @Test func aChatNeedsSegmentsOrAPersonAndHasNoTheme() throws {
        let plan = try TestPlan([
            "chats/a.md": "---\ndate: 2026-12-03\nslot: noon\npersona: xiaozhao\ntheme: life\n---\n你好。\n",
            "chats/b.md": "---\ndate: 2026-12-04\nslot: noon\npersona: xiaozhao\nperson: 王阿姨\npurpose: sales\n---\n你好。\n",
            "chats/c.md": "---\ndate: 2026-12-05\nslot: noon\npersona: xiaozhao\nsegments: [payroll]\npurpose: chitchat\n---\n你好。\n",
        ])
        defer { plan.remove() }
        let result = plan.check()
        // Neither segments nor person: the missing key is named.
        #expect(result.diagnostics("front-matter").contains { $0.location.file == "content/chats/a.md" && $0.message.en.contains("segments") })
        #expect(result.diagnostics("unknown-key").map(\.location.description) == ["content/chats/a.md:5:1"])
        #expect(result.diagnostics("front-matter").map(\.location.description).contains("content/chats/c.md:6:10"))
        let sales = try #require(result.plan?.items.first { $0.id == "chats/b" })
        #expect(sales.person == "王阿姨")
        #expect(sales.segments.isEmpty)
        #expect(result.plan?.config.isPromotional(sales) == true)
    }

    @Test func newChatWritesAFileThatChecksClean() throws {
        let plan = try TestPlan([:])
        defer { plan.remove() }
        var fields = NewFile.Fields()
        fields.date = LocalDate(parsing: "2026-12-09")
        fields.persona = "xiaozhao"
        fields.slot = "noon"
        let path = try NewFile(contentDirectory: plan.content, kind: .chat, fields: fields, nextFree: false, today: nil).write()
        #expect(path.hasPrefix("chats/"))
        let text = try String(contentsOf: plan.content.appendingPathComponent(path), encoding: .utf8)
        #expect(text.contains("purpose: service"))
        let result = plan.check()
        #expect(result.diagnostics.filter { $0.severity == .error || $0.ruleID == "unknown-key" }.isEmpty)
        #expect(result.plan?.items.contains { $0.kind == .chat } == true)
    }
}
