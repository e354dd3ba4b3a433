import Foundation
import Testing
@testable import Planner

/// The plain text of every item comes from `PlainTextWalker`, a replay of
/// cmark's plain-text renderer; these tests hold it to cmark's own output
/// (`plainTextByCmark`) byte for byte on real copy, the seeds, and snippets
/// made to hit the corners (nesting, CJK, tables, breaks, emphasis).
@Suite struct MarkdownPlainTextTests {
    let markdown = MarkdownRenderer()
    static let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The inputs where the walker and cmark differ, with both outputs.
    func mismatches(_ inputs: [String]) -> [String] {
        var found: [String] = []
        for input in inputs {
            let walked = markdown.plainTextBytes(input)
            let oracle = markdown.plainTextByCmark(input)
            if walked != oracle {
                found.append(
                    "input \(input.debugDescription)\nwalker \(String(decoding: walked, as: UTF8.self).debugDescription)\n"
                        + "cmark  \(String(decoding: oracle, as: UTF8.self).debugDescription)")
            }
        }
        return found
    }

    /// Every text file under `folder`, whole and as the body after its front matter.
    static func texts(under folder: URL) -> [String] {
        guard let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return [] }
        var texts: [String] = []
        for case let file as URL in files where ["md", "markdown", "txt", "yml", "yaml"].contains(file.pathExtension) {
            guard let data = try? Data(contentsOf: file) else { continue }
            let text = String(decoding: data, as: UTF8.self)
            texts.append(text)
            if text.hasPrefix("---\n"), let end = text.range(of: "\n---\n", range: text.index(text.startIndex, offsetBy: 4)..<text.endIndex) {
                texts.append(String(text[end.upperBound...]))
            }
        }
        return texts.sorted()
    }

    @Test func walkerMatchesCmarkOnTheExamplePlanAndFixtures() {
        let texts = Self.texts(under: Self.package.appendingPathComponent("content"))
            + Self.texts(under: Self.package.appendingPathComponent("Tests/PlannerTests/Fixtures"))
        #expect(texts.count > 20)
        let found = mismatches(texts)
        #expect(found.isEmpty, "\(found.count) mismatches, first: \(found.first ?? "")")
    }

    /// The seed articles beside the repository, and any corpus folders named
    /// in PLAN_BUILD_MARKDOWN_CORPUS (colon-separated), when they are there.
    @Test func walkerMatchesCmarkOnSeedsAndOutsideCorpora() {
        var folders = [Self.package.deletingLastPathComponent().appendingPathComponent("shared/seeds")]
        if let extra = ProcessInfo.processInfo.environment["PLAN_BUILD_MARKDOWN_CORPUS"] {
            folders += extra.split(separator: ":").map { URL(fileURLWithPath: String($0)) }
        }
        let texts = folders.flatMap(Self.texts(under:))
        let found = mismatches(texts)
        #expect(found.isEmpty, "\(found.count) mismatches of \(texts.count), first: \(found.first ?? "")")
    }

    @Test func walkerMatchesCmarkOnCornerCases() {
        let found = mismatches(Self.snippets)
        #expect(found.isEmpty, "\(found.count) mismatches, first: \(found.first ?? "")")
    }

    /// Random documents stitched from Markdown's building blocks, the same
    /// every run (a fixed seed).
    @Test func walkerMatchesCmarkOnGeneratedDocuments() {
        let count = Int(ProcessInfo.processInfo.environment["PLAN_BUILD_MARKDOWN_CASES"] ?? "") ?? 4000
        var generator = IncrementalServeTests.SeededRandom(state: 18)
        var texts = FastPathTests.Texts(seed: 18)
        var inputs: [String] = []
        for _ in 0..<count {
            var text = ""
            for _ in 0..<(1 + Int(generator.next() % 40)) {
                text += Self.fragments[Int(generator.next() % UInt64(Self.fragments.count))]
            }
            inputs.append(text)
            inputs.append(texts.text())
        }
        let found = mismatches(inputs)
        #expect(found.isEmpty, "\(found.count) mismatches of \(inputs.count), first: \(found.first ?? "")")
    }

    /// cmark-gfm keeps the extensions' special characters (`~`, `:`, `w`…)
    /// in one process-wide table that every parse used to set and clear; pages
    /// render on all cores, so `~~struck~~` or a bare URL could come out plain
    /// on one run and marked up on the next.
    @Test func renderingIsTheSameOnEveryThread() {
        let inputs = (0..<64).map { "第\($0)条 ~~旧价~~ 见 https://example.com/\($0) 或 www.example.com，~~再~~删\n\n| a | ~~b~~ |\n|---|---|\n| x | y |\n" }
        let expected = inputs.map { markdown.htmlAndPlainText($0) }
        let results = ConcurrentResults<Bool>(count: 64 * 40)
        let renderer = markdown
        DispatchQueue.concurrentPerform(iterations: 64 * 40) { position in
            let rendered = renderer.htmlAndPlainText(inputs[position % 64])
            results.set(position, rendered == expected[position % 64])
        }
        #expect(results.values.allSatisfy { $0 })
        #expect(expected[0].html.count > 0 && String(decoding: expected[0].html, as: UTF8.self).contains("<del>旧价</del>"))
    }

    /// The trimming on bytes against the scalar-by-scalar one it replaced
    /// (kept here as the reference), on texts full of white space of every kind.
    @Test func trimmingOnBytesMatchesTrimmingScalars() {
        func reference(_ text: String) -> String {
            let scalars = text.unicodeScalars
            var start = scalars.startIndex
            var end = scalars.endIndex
            while start < end, scalars[start].properties.isWhitespace { start = scalars.index(after: start) }
            while end > start, scalars[scalars.index(before: end)].properties.isWhitespace { end = scalars.index(before: end) }
            return String(scalars[start..<end])
        }
        var texts = FastPathTests.Texts(seed: 7)
        let inputs = ["", " ", "\u{3000}", "\u{85}x\u{A0}", "\u{2028}\u{1680}a b\u{205F}\u{202F}", "\u{200B}x\u{FEFF}", "中\u{3000}"]
            + (0..<20000).map { _ in texts.text() }
        let wrong = inputs.filter { MarkdownRenderer.trimmingWhitespace(Array($0.utf8)) != Array(reference($0).utf8) }
        #expect(wrong.isEmpty, "\(wrong.count) wrong, first: \(wrong.first?.debugDescription ?? "")")
    }

    /// Container markers past the bound on one line get a backslash; other lines stay as they are.
    @Test func nestingPastTheBoundIsEscaped() {
        let deep = String(repeating: "> ", count: 40) + "x"
        #expect(MarkdownRenderer.boundingNesting("a\n" + deep + "\n- b") == "a\n" + String(repeating: "> ", count: 32) + "\\" + String(repeating: "> ", count: 8) + "x\n- b")
        #expect(MarkdownRenderer.boundingNesting(String(repeating: "1. ", count: 33)) == String(repeating: "1. ", count: 32) + "1\\. ")
        let shallow = String(repeating: "- ", count: 32) + "x\n" + String(repeating: ">", count: 32)
        #expect(MarkdownRenderer.boundingNesting(shallow) == shallow)
    }

    @Test func listMarkersAreTidiedAndEmphasisDropped() {
        #expect(markdown.plainText("先说**重点**：\n\n1. 第一\n2. 第二\n\n- 甲\n") == "先说重点：\n\n1. 第一\n2. 第二\n\n  - 甲")
        #expect(markdown.plainText("| 列 | 值 |\n|---|:-:|\n| a\\|b | ~~旧~~ |\n").contains("| a\\|b | ~旧~ |"))
        #expect(markdown.plainText("- [x] 完成\n- [ ] 待办\n") == "- [x] 完成\n- [ ] 待办")
    }

    static let snippets: [String] = [
        "", " ", "\n", "\n\n\n", "   \n\t\n", "\u{3000}", "\u{3000}正文\u{3000}", "\r\n", "a\r\nb\r\n\r\nc", "a  \nb", "a\\\nb", "a\nb\nc",
        "# 标题\n正文", "标题\n===\n\n副标题\n---\n", "# 标题 *强调* `代码`\n", "###### 六级\n####### 七级",
        "*强调* **加粗** ***两者*** _下划线_ __粗__ ~~删除~~ ~单~", "**未闭合", "*a **b* c**", "中文**加粗**中文", "「**引号**」，**全角：**后",
        "全角标点！？，。；：“引号”（括号）【方括号】", "`代码 | 竖线`", "`` 双`反引号 ``", "```\n代码块\n\n  缩进\n```", "~~~swift\nlet a = 1\n~~~\n后文",
        "    缩进代码\n    第二行\n\n正文", "```\n```", "```\n\n\n```",
        "- 一\n- 二\n- 三", "- 一\n\n- 二\n\n- 三", "* 星\n+ 加\n- 减", "1. 一\n2. 二\n3. 三", "3) 三\n4) 四", "0. 零", "9. 九\n10. 十\n11. 十一",
        "123456789. 大数", "1. 一\n   - 甲\n   - 乙\n2. 二\n   1. 子\n      > 引用\n", "- a\n  - b\n    - c\n      - d\n        - e",
        "- 段落一\n\n  段落二\n- 项目", "- ```\n  代码\n  ```\n- 项", "- \n  空首行", "-\n\n后", "1. 列表\n\n```\n代码\n```", "- a\n- b\n\n\n- c", "- a\n<!-- -->\n- b",
        "- [ ] 待办\n- [x] 完成\n- [X] 大写", "1. [ ] 有序待办\n2. [x] 完成", "- [ ] 待办\n  - [x] 子项\n    正文", "- [ ]\n- [x]", "* [ ] a\n\n* [x] b",
        "> 引用\n> 第二行\n\n> 另一段", "> - 列表\n>   - 嵌套\n> > 双层", "> ```\n> 代码\n> ```", "> # 标题\n> 正文", ">\n>\n> 空",
        "---", "***", "a\n\n---\n\nb", "- a\n---\n", "___\n正文",
        "[链接](https://example.com) ![图](a.png \"标题\") <https://auto.link> https://example.com www.example.com 邮件 a@b.co",
        "[引用][1]\n\n[1]: https://example.com", "[空]()", "![](x.png)", "[**粗**链接](u)",
        "<div>\n块 HTML\n</div>\n\n正文 <span>行内</span> 后", "<script>alert(1)</script>", "<!-- 注释 -->\n文字", "<b>粗</b>\n\n<br>",
        "&amp; &lt; &copy; &#65; &#x4E2D; &#0; &#10; &nbsp;末尾&#32;", "\\* 转义 \\# \\| \\\\",
        "| 列 | 值 |\n|---|---|\n| a | b |", "| 左 | 中 | 右 |\n|:--|:-:|--:|\n| 中文 | 全角，标点 | 😀 |\n",
        "| a |\n|---|\n| `x\\|y` |\n| **b\\|c** |\n| ~~d\\|e~~ |\n| [l\\|m](u) |", "a | b\n--|--\n1 | 2\n3",
        "| 只有表头 |\n|---|", "| a | b |\n|---|---|\n| 1 |\n| 1 | 2 | 3 |", "- | a | b |\n  |---|---|\n  | 1 | 2 |",
        "> | a |\n> |---|\n> | b |", "| a |\n|---|\n| [^1] |\n\n[^1]: 注", "表格前\n| a |\n|---|\n| b |\n表格后",
        "正文[^1]和[^注]。\n\n[^1]: 第一条\n[^注]: 第二条\n    续行\n\n- 列表", "[^未定义]", "[^a]: 未引用",
        "正文[^x]\n\n[^x]: > 引用\n    ```\n    代码\n    ```",
        "行尾两空格  \n下一行", "行尾反斜杠\\\n下一行", "标题  \n===", "# 软\n换行",
        "\u{0}空字符\u{0}", "制表\t符\t", "\t- tab 列表", " 1.  多空格", "1.\t制表",
        "\u{FEFF}BOM 开头", "é́ 组合字符", "😀👍🏽 表情",
        String(repeating: "> ", count: 40) + "深引用", String(repeating: "- ", count: 40) + "深列表",
        String(repeating: "*", count: 60) + "星" + String(repeating: "*", count: 60),
    ]

    static let fragments: [String] = [
        "- ", "* ", "+ ", "1. ", "2) ", "10. ", "> ", "    ", "\t", "  ", " ", "\n", "\n", "\n", "\n\n", "\r\n", "# ", "## ", "```\n", "~~~",
        "`", "``", "*", "**", "_", "__", "~~", "~", "[", "]", "(", ")", "![", "](https://e.com/x)", "[^1]", "[^1]: ", "[^b]: ",
        "<b>", "</b>", "<div>\n", "&amp;", "&#10;", "\\", "|", " | ", "|---|---|\n", "|:-:|--:|\n", "- [ ] ", "- [x] ",
        "https://example.com", "www.example.com", "a@b.com", "文字", "中文段落", "，", "。", "：", "（", "）", "「", "」", "\u{3000}",
        "！", "---\n", "***\n", "===\n", "word", "x", "9", "é", "😀", "  \n", "\\\n", "<!-- c -->", "[r]: /u\n", "[r]",
    ]
}
