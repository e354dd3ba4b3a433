import Foundation
import Testing
@testable import Planner

/// A theme that extends the built-in one: a page override fills one block
/// and keeps the rest of the built-in page, later fixes included.
@Suite struct ThemeInheritanceTests {
    private static let item = "output/items/moments/2026-12/01-晨跑.html"
    private static let week = "output/weeks/2026-W49.html"

    private func build(overrides: [String: String]) throws -> (status: Int32, output: String, root: URL) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("plan-build-theme-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("themes/default/templates"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: CommandTests.minimal, to: root.appendingPathComponent("content"))
        for (name, text) in overrides {
            try Data(text.utf8).write(to: root.appendingPathComponent("themes/default/templates/\(name).mustache"))
        }
        let run = try CLI.run(["build", "--today", "2026-11-23"], in: root)
        return (run.status, run.stdout + run.stderr, root)
    }

    private func read(_ path: String, in root: URL) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    /// The README's example: five lines replace one block of one page.
    @Test func aPageOverrideReplacesOneBlockAndKeepsTheBuiltInPage() throws {
        let plain = try build(overrides: [:])
        defer { try? FileManager.default.removeItem(at: plain.root) }
        let extended = try build(overrides: [
            "item": """
            {{<builtin/item}}
            {{$footer}}
            <footer class="site-footer"><div class="wrap">内容组 · {{site.t.generatedBy}}</div></footer>
            {{/footer}}
            {{/builtin/item}}

            """
        ])
        defer { try? FileManager.default.removeItem(at: extended.root) }
        #expect(plain.status == 0 && extended.status == 0, "\(extended.output)")

        let before = try read(Self.item, in: plain.root)
        let after = try read(Self.item, in: extended.root)
        #expect(after.contains("<div class=\"wrap\">内容组 · "))
        // Everything but the footer's text is the built-in page, byte for byte.
        #expect(after.replacingOccurrences(of: "内容组 · ", with: "") == before)
        #expect(try read(Self.week, in: extended.root) == read(Self.week, in: plain.root), "other pages keep the built-in footer")
    }

    @Test func anOverriddenLayoutFramesEveryBuiltInPage() throws {
        let layout = try String(contentsOf: ExamplePlanTests.package.appendingPathComponent("themes/default/templates/layout.mustache"), encoding: .utf8)
        let site = try build(overrides: ["layout": layout.replacingOccurrences(of: "<main id=\"main\" class=\"wrap\">", with: "<main id=\"main\" class=\"wrap wide\">")])
        defer { try? FileManager.default.removeItem(at: site.root) }
        #expect(site.status == 0, "\(site.output)")
        for page in [Self.item, Self.week, "output/index.html"] {
            #expect(try read(page, in: site.root).contains("<main id=\"main\" class=\"wrap wide\">"), "\(page)")
        }
    }

    /// A page written for the earlier theme, which had `head` and `foot` partials,
    /// would lose its frame without a word: the build stops at the tag instead.
    @Test func aTemplateNamingAMissingPartialStopsTheBuildAtTheTag() throws {
        let site = try build(overrides: ["index": "<p>x</p>\n{{>head}}\n"])
        defer { try? FileManager.default.removeItem(at: site.root) }
        #expect(site.status == 1)
        #expect(site.output.contains("themes/default/templates/index.mustache:2:1"), "\(site.output)")
        #expect(site.output.contains("“head”"), "\(site.output)")
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("output").path))
    }
}
