import Foundation
import Testing
@testable import Planner

@Suite struct FrontMatterTests {
    func split(_ text: String) throws -> SplitDocument {
        try FrontMatterSplitter.split(text).get()
    }

    @Test func splitsAtTheFirstClosingFenceOnly() throws {
        let document = try split("---\ntitle: a\n---\nbody\n---\nmore\n")
        #expect(document.yaml == "title: a\n")
        #expect(document.body == "body\n---\nmore\n")
        #expect(document.bodyLine == 4)
    }

    @Test func aFenceInsideABlockScalarDoesNotCloseTheFrontMatter() throws {
        let document = try split("---\nnote: |\n  ---\n  still yaml\ntitle: x\n---\nbody\n")
        #expect(document.yaml.contains("title: x"))
        #expect(document.body == "body\n")
    }

    @Test func fencesWithTrailingSpacesCount() throws {
        let document = try split("---  \ntitle: a\n--- \nbody")
        #expect(document.body == "body")
    }

    @Test func bomAndCRLFAreAccepted() throws {
        let data = Data([0xEF, 0xBB, 0xBF]) + Data("---\r\ntitle: a\r\n---\r\n正文\r\n".utf8)
        let text = try FrontMatterSplitter.decodeText(data).get()
        let document = try split(text)
        #expect(document.yaml == "title: a\n")
        #expect(document.body == "正文\n")
    }

    @Test func missingOrUnterminatedFrontMatterFails() {
        #expect(throws: FrontMatterSplitter.Failure.missingOpening) { try split("title: a\n") }
        #expect(throws: FrontMatterSplitter.Failure.unterminated) { try split("---\ntitle: a\n") }
        #expect(throws: FrontMatterSplitter.Failure.empty) { try split("") }
        #expect(throws: FrontMatterSplitter.Failure.empty) { try split("  \n") }
    }

    @Test func badEncodingsAreNamedWithTheirLine() {
        #expect(throws: FrontMatterSplitter.Failure.utf16) {
            try FrontMatterSplitter.decodeText(Data([0xFF, 0xFE, 0x2D, 0x00])).get()
        }
        #expect(throws: FrontMatterSplitter.Failure.invalidUTF8(line: 2, column: 3)) {
            try FrontMatterSplitter.decodeText(Data("---\nab".utf8) + Data([0xC3, 0x28])).get()
        }
        #expect(throws: FrontMatterSplitter.Failure.nulByte(line: 1, column: 2)) {
            try FrontMatterSplitter.decodeText(Data([0x2D, 0x00])).get()
        }
        #expect(throws: FrontMatterSplitter.Failure.tooLarge(size: 11, limit: 10)) {
            try FrontMatterSplitter.decodeText(Data(repeating: 0x41, count: 11), maximumSize: 10).get()
        }
    }
}

@Suite struct DecodingTests {
    @Test func everyItemKeyIsDecoded() throws {
        let plan = try TestPlan([
            "assets/a.png": "x",
            "moments/a.md": """
                ---
                date: 2026-12-05
                time: "12:40"
                persona: xiaozhao
                theme: professional
                segments: [car]
                action: show-expertise
                status: ready
                owner: 王经理
                tags: [年终, 理财]
                images: [assets/a.png]
                ignore: {posts-per-day: 演示}
                ---
                正文
                """,
            "surprises/b.md": """
                ---
                date: 2026-12-06
                slot: noon
                persona: xiaozhao
                title: 暴雨提醒
                segments: [payroll]
                trigger: weather
                via: group
                gift: 雨伞
                ---
                记得带伞。
                """,
        ])
        defer { plan.remove() }
        let result = plan.check()
        #expect(result.diagnostics.filter { $0.ruleID == "unknown-key" || $0.ruleID == "front-matter" }.isEmpty)
        let moment = try #require(result.plan?.item("moments/a"))
        #expect(moment.time.description == "12:40")
        #expect(moment.segments == ["car"])
        #expect(moment.action == "show-expertise")
        #expect(moment.status == .ready)
        #expect(moment.owner == "王经理")
        #expect(moment.tags == ["年终", "理财"])
        #expect(moment.images == ["assets/a.png"])
        #expect(moment.ignores.map(\.ruleID) == ["posts-per-day"])
        // Every key is found at its own line (the opening `---` is line 1); a key not written, at the file.
        for (line, key) in ["date", "time", "persona", "theme", "segments", "action", "status", "owner", "tags", "images", "ignore"].enumerated() {
            #expect(moment.location(of: key) == SourceLocation(file: "content/moments/a.md", line: line + 2, column: 1), "\(key)")
        }
        #expect(moment.location(of: "title") == SourceLocation(file: "content/moments/a.md"))
        let surprise = try #require(result.plan?.item("surprises/b"))
        #expect(surprise.trigger == .weather)
        #expect(surprise.via == .group)
        #expect(surprise.gift == "雨伞")
        #expect(surprise.time.description == "12:10")
    }

    @Test func misspeltKeyGetsADidYouMeanAtItsLine() throws {
        let plan = try TestPlan([
            "moments/a.md": "---\ndate: 2026-12-05\nslot: noon\npersona: xiaozhao\ntheme: life\ntittle: 标题\n---\n正文\n"
        ])
        defer { plan.remove() }
        let diagnostic = try #require(plan.check().diagnostics("unknown-key").first)
        #expect(diagnostic.location.line == 6)
        #expect(diagnostic.location.file == "content/moments/a.md")
        #expect(diagnostic.message.en.contains("Did you mean “title”?"))
        #expect(diagnostic.severity == .warning)
    }

    @Test func aListUsedAsAKeyIsNamedTheSameOnEveryRun() throws {
        let plan = try TestPlan([
            "moments/a.md": "---\ndate: 2026-12-05\nslot: noon\npersona: xiaozhao\ntheme: life\n? [a, b]\n: 1\n---\n正文\n"
        ])
        defer { plan.remove() }
        let first = try #require(plan.check().diagnostics("unknown-key").first)
        let second = try #require(plan.check().diagnostics("unknown-key").first)
        #expect(first.message.en.contains("“[a, b]”"), "\(first.message.en)")
        #expect(first.fingerprint == second.fingerprint)
        #expect(first.message == second.message)
    }

    @Test func unknownPlanKeysAndRuleOptionsAreWarnedWithSuggestions() throws {
        let plan = try TestPlan([:], plan: TestPlan.planYAML + "\ntimezon: UTC\nrules:\n  posts-per-dya: off\n")
        defer { plan.remove() }
        let messages = plan.check().diagnostics("unknown-key").map(\.message.en)
        #expect(messages.contains { $0.contains("“timezon”") && $0.contains("“timezone”") })
        #expect(messages.contains { $0.contains("posts-per-dya") && $0.contains("posts-per-day") })
    }

    @Test func aWrongOptionTypeIsAnErrorAtItsLine() throws {
        let plan = try TestPlan([:], plan: TestPlan.planYAML + "\nrules:\n  out-of-range: {severity: loud}\n")
        defer { plan.remove() }
        let errors = plan.check().diagnostics.filter { $0.severity == .error }
        #expect(errors.contains { $0.location.file == "content/plan.yml" && $0.location.line == 13 })
    }

    @Test func ruleSeverityAndOffAreApplied() throws {
        let files = ["moments/a.md": TestPlan.moment(date: "2027-01-05", slot: "noon")]
        let raised = try TestPlan(files, plan: TestPlan.planYAML + "\nrules:\n  out-of-range: {severity: error}\n")
        defer { raised.remove() }
        #expect(raised.check().diagnostics("out-of-range").first?.severity == .error)
        let disabled = try TestPlan(files, plan: TestPlan.planYAML + "\nrules:\n  out-of-range: off\n")
        defer { disabled.remove() }
        #expect(disabled.check().diagnostics("out-of-range").isEmpty)
    }
}

@Suite struct ListTolerance {
    @Test func aSingleSegmentWithoutBracketsIsAListOfOne() throws {
        let plan = try TestPlan(["moments/a.md": TestPlan.moment(date: "2026-12-05", slot: "noon", extra: "segments: car\ntags: 年终")])
        defer { plan.remove() }
        let result = plan.check()
        #expect(result.diagnostics("front-matter").isEmpty)
        #expect(result.plan?.item("moments/a")?.segments == ["car"])
        #expect(result.plan?.item("moments/a")?.tags == ["年终"])
    }

    @Test func aMappingWhereAListBelongsIsAnError() throws {
        let plan = try TestPlan(["moments/a.md": TestPlan.moment(date: "2026-12-05", slot: "noon", extra: "tags: {a: b}")])
        defer { plan.remove() }
        let error = try #require(plan.check().diagnostics("front-matter").first)
        #expect(error.location.line == 6)
    }
}
