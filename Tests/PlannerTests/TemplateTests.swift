import Foundation
import Testing
@testable import Planner

/// The Mustache semantics theme authors rely on, including those the
/// built-in theme does not use (set delimiters, indented partials).
@Suite struct TemplateTests {
    private func render(_ templates: [String: String], _ value: TemplateValue, template: String = "main") throws -> String {
        var compiled: [String: CompiledTemplate] = [:]
        for (name, text) in templates { compiled[name] = try MustacheParser.parse(text) }
        var output: [UInt8] = []
        TemplateSet(compiled).render(value, template: template, into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    private let page = TemplateValue.record([
        "title": .string("<b>&\"'"), "empty": .string(""), "zero": .int(0), "no": .bool(false), "none": .list([]),
        "site": .record(["root": .string("../")]),
        "items": .list([.record(["name": .string("甲")]), .record(["name": .string("乙"), "root": .string("x/")])]),
        "words": .list([.string("a"), .string("b")]),
    ])

    @Test func variablesEscapeUnlessTripleOrAmpersand() throws {
        #expect(try render(["main": "{{title}}|{{{title}}}|{{& title }}|{{missing}}"], page)
            == "&lt;b&gt;&amp;&quot;&#39;|<b>&\"'|<b>&\"'|")
    }

    @Test func sectionsFollowTruthAndClimbTheStack() throws {
        let text = "{{#items}}{{name}}:{{site.root}}{{root}};{{/items}}{{#words}}{{.}}{{/words}}"
            + "{{#empty}}E{{/empty}}{{#zero}}Z{{/zero}}{{#no}}N{{/no}}{{^no}}!N{{/no}}{{^none}}!L{{/none}}{{^missing}}!M{{/missing}}"
        #expect(try render(["main": text], page) == "甲:../;乙:../x/;abEZ!N!L!M")
    }

    @Test func standaloneTagsTakeTheirLineInlineOnesDoNot() throws {
        let text = "a\n  {{#words}}\n[{{.}}]\n  {{/words}}\n{{! note }}\nb {{#no}}x{{/no}} c\n"
        #expect(try render(["main": text], page) == "a\n[a]\n[b]\nb  c\n")
    }

    @Test func aStandalonePartialIsIndentedLineByLine() throws {
        let templates = ["main": "<ul>\n  {{>row}}\n</ul>\n", "row": "<li>1</li>\n<li>2</li>\n"]
        #expect(try render(templates, page) == "<ul>\n  <li>1</li>\n  <li>2</li>\n</ul>\n")
    }

    @Test func aStandalonePartialDoesNotIndentTheLinesOfAValue() throws {
        let templates = ["main": "<pre>\n  {{>row}}\n</pre>\n", "row": "<code>{{{code}}}</code>\n"]
        #expect(try render(templates, .record(["code": .string("a\nb")])) == "<pre>\n  <code>a\nb</code>\n</pre>\n")
    }

    @Test func aChildFillsTheBlocksOfItsParentAndKeepsTheDefaultsOfTheOthers() throws {
        let templates = [
            "layout": "<title>{{$title}}{{site.root}}{{/title}}</title>\n<main>\n{{$main}}\n<p>default</p>\n{{/main}}\n</main>\n",
            "main": "{{<layout}}\n{{$main}}\n<h1>{{title}}</h1>\n{{/main}}\n{{/layout}}\n",
            "grandchild": "{{<main}}{{$title}}T{{/title}}{{/main}}",
        ]
        #expect(try render(templates, page) == "<title>../</title>\n<main>\n<h1>&lt;b&gt;&amp;&quot;&#39;</h1>\n</main>\n")
        #expect(try render(templates, page, template: "grandchild") == "<title>T</title>\n<main>\n<h1>&lt;b&gt;&amp;&quot;&#39;</h1>\n</main>\n")
        #expect(try render(templates, page, template: "layout") == "<title>../</title>\n<main>\n<p>default</p>\n</main>\n")
    }

    @Test func aBlockThatFillsItselfStops() throws {
        let output = try render(["main": "{{<p}}{{$a}}x{{$a}}{{/a}}{{/a}}{{/p}}", "p": "{{$a}}{{/a}}"], page)
        #expect(output.allSatisfy { $0 == "x" } && output.count <= TemplateSet.maximumDepth)
    }

    @Test func delimitersCanBeChanged() throws {
        #expect(try render(["main": "{{=<% %>=}}<% title %>{{title}}<%={{ }}=%>{{zero}}"], page) == "&lt;b&gt;&amp;&quot;&#39;{{title}}0")
    }

    @Test func aPartialThatIncludesItselfStops() throws {
        let output = try render(["main": "{{>loop}}", "loop": "x{{>loop}}"], page)
        #expect(output == String(repeating: "x", count: TemplateSet.maximumDepth))
    }

    @Test func brokenTemplatesNameLineAndColumn() {
        for (text, line, column) in [("ok\n  {{#a}}\n", 2, 3), ("{{#a}}{{/b}}", 1, 7), ("x\n{{title", 2, 1), ("x\n{{<parent}}", 2, 1), ("{{<p}}{{$a}}{{/p}}", 1, 13)] {
            do {
                _ = try MustacheParser.parse(text)
                Issue.record("\(text) parsed")
            } catch {
                #expect(error.line == line && error.column == column, "\(text): \(error)")
            }
        }
    }

    /// An override that does not parse stops the build, named by its own path.
    @Test func aBrokenOverrideIsReportedAtItsFile() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("plan-build-template-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("themes/default/templates"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: CommandTests.minimal, to: root.appendingPathComponent("content"))
        try Data("{{>head}}\n<p>{{#months}}</p>\n{{>foot}}\n".utf8)
            .write(to: root.appendingPathComponent("themes/default/templates/index.mustache"))
        let run = try CLI.run(["build", "--today", "2026-11-23"], in: root)
        #expect(run.status == 1)
        #expect(run.stdout.contains("themes/default/templates/index.mustache:2:4"), "\(run.stdout)\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("output").path))
    }
}
