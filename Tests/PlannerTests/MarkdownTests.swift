import Testing
@testable import Planner

@Suite struct MarkdownTests {
    let markdown = MarkdownRenderer()

    @Test func gfmExtensionsRender() {
        #expect(markdown.html("| a | b |\n|---|---|\n| 1 | 2 |\n").contains("<table>"))
        #expect(markdown.html("~~旧价~~").contains("<del>旧价</del>"))
        #expect(markdown.html("见 https://example.com 详情").contains("<a href=\"https://example.com\">"))
        let tasks = markdown.html("- [x] 已完成\n- [ ] 待办\n")
        #expect(tasks.contains("type=\"checkbox\""))
        #expect(tasks.contains("checked"))
    }

    @Test func rawHTMLAndScriptLinksAreNeutralised() {
        let html = markdown.html("<script>alert(1)</script>\n\n[点我](javascript:alert(1))\n\n<img src=x onerror=alert(1)>")
        #expect(!html.contains("<script"))
        #expect(!html.contains("javascript:"))
        #expect(!html.contains("onerror"))
        #expect(!markdown.html("[x](JaVaScRiPt:alert(1))").lowercased().contains("javascript:"))
        #expect(!markdown.html("[x](vbscript:msgbox)").contains("vbscript:"))
    }

    @Test func inlineHTMLIsDroppedToo() {
        #expect(!markdown.html("正文 <b onclick=\"x()\">粗</b>").contains("onclick"))
    }
}
