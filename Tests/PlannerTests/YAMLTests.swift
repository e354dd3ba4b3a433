import Foundation
import Testing
import Yams
@testable import Planner

/// The one general YAML path (`YAMLComposer`) against Yams as a reference,
/// its guards and refusals, and the SimpleYAML shortcut against it.
@Suite struct YAMLComposerTests {
    static func describe(_ node: YAMLNode?) -> String {
        guard let node else { return "nil" }
        let mark = "@\(node.mark.line):\(node.mark.column)"
        switch node {
        case .scalar(let scalar): return "s(\(scalar.string.debugDescription),\(scalar.isPlain))\(mark)"
        case .sequence(let sequence): return "[" + sequence.nodes.map { describe($0) }.joined(separator: ",") + "]\(mark)"
        case .mapping(let mapping):
            let pairs = mapping.pairs.map { "\($0.name.debugDescription)=\(describe($0.key)):\(describe($0.value))" }
            return "{" + pairs.joined(separator: ",") + "}\(mark)"
        }
    }

    /// Yams' tree in the same words (the reference the composer replaced).
    static func describe(_ node: Yams.Node?) -> String {
        guard let node else { return "nil" }
        let mark = node.mark.map { "@\($0.line):\($0.column)" } ?? "@?"
        switch node {
        case .scalar(let scalar): return "s(\(scalar.string.debugDescription),\(scalar.style == .plain))\(mark)"
        case .sequence(let sequence): return "[" + sequence.map { describe($0) }.joined(separator: ",") + "]\(mark)"
        case .mapping(let mapping):
            let pairs = mapping.map { key, value in "\(flow(key).debugDescription)=\(describe(key)):\(describe(value))" }
            return "{" + pairs.joined(separator: ",") + "}\(mark)"
        case .alias: return "alias"
        }
    }

    static func flow(_ node: Yams.Node) -> String {
        switch node {
        case .scalar(let scalar): return scalar.string
        case .sequence(let sequence): return "[" + sequence.map(flow).joined(separator: ", ") + "]"
        case .mapping(let mapping): return "{" + mapping.map { flow($0.key) + ": " + flow($0.value) }.joined(separator: ", ") + "}"
        case .alias: return "*"
        }
    }

    static func general(_ yaml: String) -> Result<YAMLNode?, YAMLProblem> { YAMLDocument.composeInGeneral(yaml) }

    @Test func composerBuildsTheTreeYamsBuilds() throws {
        let documents = [
            "date: 2026-12-01\nslot: morning\ntags: [a, \"b\", 'c', ~]\n", "a: &x [1, 2]\nb: *x\nc: {d: e, f: [g]}\n",
            "title: |\n  multi\n  line\nowner: >-\n  folded\n", "- a\n- b: c\n", "just a scalar\n", "# comment only\n",
            "k: ''\nj: null\ni: ~\nh:\n", "ignore: {min-gap: reason, slot-clash: }\n", "y: !custom z\n",
            "a: [\n  1,\n  {b: 2}\n]\n", "\"quoted key\": 1\n'single': 2\n", "? complex\n: value\n", "雨: 晴\n晨跑: [五公里, 十公里]\n",
            "a: 1 # comment\nb: 'it''s'\nc: \"\\u00e9\\t\"\n", "--- x\n", "k: &a v\nl: *a\n", "? [a, b]\n: 1\n",
            "pauses:\n  - {from: 2026-12-24, to: 2026-12-26, reason: 假期}\n", "title: 他说“加油”就跑了\n",
        ]
        for yaml in documents {
            guard case .success(let node) = Self.general(yaml) else {
                Issue.record("not composed: \(yaml.debugDescription)")
                continue
            }
            let yams = try Yams.compose(yaml: yaml)
            #expect(Self.describe(node) == Self.describe(yams), "\(yaml.debugDescription)")
        }
    }

    @Test func emptyTextIsAnEmptyDocument() {
        guard case .success(let node) = Self.general("") else {
            Issue.record("the empty text failed")
            return
        }
        #expect(node == nil)
    }

    @Test func refusalsNameTheirProblemAtTheLineToFix() {
        let cases: [(String, YAMLProblem.Kind, Int, Int)] = [
            ("a: 1\nb: 2\na: 3\n", .duplicateKey("a"), 3, 1),
            ("x: *nope\n", .undefinedAlias("nope"), 1, 4),
            ("a: 1\n--- b\n", .multipleDocuments, 2, 1),
            ("a: [1\n", .syntax(problem: "did not find expected ',' or ']'", context: "while parsing a flow sequence"), 1, 4),
            ("a: 1\ntheme:life\nslot: noon\n", .syntax(problem: "could not find expected ':'", context: "while scanning a simple key"), 2, 1),
            ("a: \"b\n", .syntax(problem: "found unexpected end of stream", context: "while scanning a quoted scalar"), 1, 4),
        ]
        for (yaml, kind, line, column) in cases {
            guard case .failure(let problem) = Self.general(yaml) else {
                Issue.record("composed: \(yaml.debugDescription)")
                continue
            }
            #expect(problem.kind == kind, "\(yaml.debugDescription): \(problem.kind)")
            #expect(problem.line == line && problem.column == column, "\(yaml.debugDescription): \(problem.line):\(problem.column)")
        }
    }

    @Test func stillRefusesBombsAndDeepNesting() {
        let deep = "x: " + String(repeating: "[", count: 70) + String(repeating: "]", count: 70) + "\n"
        guard case .failure(let problem) = Self.general(deep), problem.kind == .tooDeep else {
            Issue.record("deep nesting composed")
            return
        }
        #expect(problem.line == 1)
        var bomb = "a: &a [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\n"
        for (name, previous) in [("b", "a"), ("c", "b"), ("d", "c")] {
            bomb += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
        }
        guard case .failure(let refused) = Self.general(bomb), refused.kind == .aliasBomb else {
            Issue.record("alias bomb composed")
            return
        }
    }

    @Test func everySyntaxMessageIsInBothLanguages() {
        let broken = [
            "a: [1\n", "a: 1\ntheme:life\nb: 2\n", "a: b: c\n", "a: @x\n", "a:\n  b: 1\n c: 2\n", "a: {b\n", "a: \"x\n",
            "\ta: 1\n", "a: - b\n", "- a\nb: 1\n", "a: \"\\q\"\n", "a: 'x' y\n", "a: *\n", "a: !<x\n", "a: 1\na: 2\n",
        ]
        for yaml in broken {
            let result = YAMLDocument.parse(yaml, file: "f.md", id: "f", firstLine: 2)
            guard case .failure(let failure) = result, let diagnostic = failure.diagnostics.first else {
                Issue.record("parsed: \(yaml.debugDescription)")
                continue
            }
            let zh = diagnostic.message.zh
            let words = zh.replacingOccurrences(of: "YAML", with: "").replacingOccurrences(of: "Tab", with: "")
            #expect(words.range(of: "[A-Za-z]{4,}", options: .regularExpression) == nil, "\(yaml.debugDescription): \(zh)")
            #expect(!diagnostic.message.en.isEmpty && diagnostic.hint != nil)
            #expect(diagnostic.location.line >= 2)
        }
    }

    @Test func aLineWithoutColonIsReportedOnThatLine() throws {
        let result = YAMLDocument.parse("date: 2026-12-01\ntheme:life\nslot: noon\n", file: "f.md", id: "f", firstLine: 2)
        guard case .failure(let failure) = result else {
            Issue.record("parsed")
            return
        }
        let diagnostic = try #require(failure.diagnostics.first)
        #expect(diagnostic.location.line == 3 && diagnostic.location.column == 1)
        #expect(diagnostic.hint?.zh.contains("冒号后面要有一个空格") == true)
    }
}

/// The plainest front matter, read without libyaml, against the general way.
@Suite struct SimpleYAMLTests {
    static let documents = [
        "date: 2027-10-28\nslot: morning\npersona: p00\ntheme: interaction\nowner: 小招\ntags: [提醒, 分享]\n",
        "time: \"07:30\"\ntitle: '早安：跑步'\nempty: \"\"\nlist: []\nspaced:   [ a,b,  c]\n", "\n\nkey: value\n\nnext: 第二 行\n",
        "a: x y  z\nb: ~\nc: null\nd: yes\ne: 1.5\nf: -1\n", "title: 第8220篇：慢慢来\n", "k: a#b\n", "k: a #b\n", "k: a: b\n",
        "k: [a , b]\n", "k: [a,]\n", "k: 'it''s'\n", "k: \"a\\tb\"\n", "k: v \n", "k:\n", "k:v\n", " k: v\n", "k: v\nk: w\n",
        "k: &a v\n", "k: *a\n", "k: !x v\n", "k: |\n  a\n", "k: >\n", "k: {a: b}\n", "k: [a, [b]]\n", "é: v\n", "k: é\n",
        "k: 👍\n", "k: v\r\n", "k: \u{3000}v\n", "---\n", "# c\nk: v\n", "k: v # c\n", "k: - a\n", "k: ? a\n", "k: .5\n",
        "k: @x\n", "k: `x\n", "k: %x\n", "key-with_dash9: v\n", "_k: v\n", "9k: v\n", "k : v\n", "k:\tv\n",
        "k: [提醒，分享]\n", "k: a,b\n", "k: a]b\n", "k: \"x\" y\n", "k: [a] b\n", "k: ''\n",
        "review: {by: \"合规部 李敏\", on: 2026-11-28, hash: dcdc22}\nresults: {replies: 5}\n", "k: {}\n", "k: { }\n",
        "k: { a: b}\n", "k: {a: b }\n", "k: {a: b , c: d}\n", "k: {a: 'x' , b: \"y\"  }\n", "k: {a:b}\n", "k: {a: b,}\n",
        "k: {a: b, a: c}\n", "k: {a: [b]}\n", "k: {a: {b: c}}\n", "k: {a: b} x\n", "k: {a: b}x\n", "k: {a b: c}\n",
        "k: {a: b c}\n", "k: {\"a\": b}\n", "k: {a: b]\n", "k: {a: 'it''s'}\n", "k: {a: \"\"}\n", "k: {a: 跑步, b: 07:30}\n",
        "k: {a: ~, b-c: 1.5, _d: yes}\n", "k: {a: b\n", "k: {a: \"b\n", "k: {a: 'b', }\n", "k: {,a: b}\n", "k: {a: #b}\n",
        "time: 08:30\n", "k: https://example.com/a?b=c\n", "k: a:\n", "k: a:b:c\n", "k: a::b\n", "k: 一：二:三\n", "k: a:b c\n",
        "k: [08:30]\n", "k: {t: 08:30}\n", "k: a: b:c\n", "k: :a\n", "k: a:#\n", "k: a:[b]\n", "k: a:'b'\n",
    ]

    /// The flow mappings every published or reviewed item has (`results:`,
    /// `review:`) take the shortcut: libyaml costs many times more.
    @Test func flowMappingsOfResultsAndReviewsTakeTheShortcut() {
        let yaml = "date: 2026-12-01\nreview: {by: \"合规部 李敏\", on: 2026-11-28}\nresults: {comments: 17, replies: 25, new_contacts: 2}\n"
        guard let node = SimpleYAML.compose(yaml), case .success(let expected) = YAMLDocument.composeInGeneral(yaml) else {
            Issue.record("not composed the short way")
            return
        }
        #expect(YAMLComposerTests.describe(node) == YAMLComposerTests.describe(expected))
    }

    @Test func buildsWhatTheGeneralWayBuildsOrNothing() {
        var simple = 0
        for yaml in Self.documents {
            guard let node = SimpleYAML.compose(yaml) else { continue }
            simple += 1
            guard case .success(let expected) = YAMLDocument.composeInGeneral(yaml) else {
                Issue.record("the general way does not compose \(yaml.debugDescription)")
                continue
            }
            #expect(YAMLComposerTests.describe(node) == YAMLComposerTests.describe(expected), "\(yaml.debugDescription)")
        }
        #expect(simple >= 10)
    }

    @Test func randomLinesAgreeWithTheGeneralWay() {
        var texts = FastPathTests.Texts(seed: 10)
        let values = [
            "v", "跑步", "\"07:30\"", "'a b'", "[a, b]", "[]", "a b", "~", "2026-12-01", "x:y", "#", "[a", "'", "\"\\n\"",
            "{a: b}", "{by: \"合 规\", on: 2026-12-01}", "{}", "{ a: 'x' }", "{a: b, a: c}", "{a:b}", "{a: [b]}", "{a: b,}",
            "{replies: 5, new_contacts: 2}", "{a: b", "{a: 'x'y}", "08:30", "a:b c", "a:", "http://x.y/z", "[a:b]",
        ]
        for _ in 0..<3000 {
            var yaml = ""
            for number in 0..<Int(texts.next() % 6) {
                let value = texts.next() % 3 == 0 ? texts.text(maximumPieces: 3) : values[Int(texts.next() % UInt64(values.count))]
                yaml += (texts.next() % 9 == 0 ? "" : "k\(number): ") + value + "\n"
            }
            guard let node = SimpleYAML.compose(yaml) else { continue }
            guard case .success(let expected) = YAMLDocument.composeInGeneral(yaml) else {
                Issue.record("the general way does not compose \(yaml.debugDescription)")
                continue
            }
            #expect(YAMLComposerTests.describe(node) == YAMLComposerTests.describe(expected), "\(yaml.debugDescription)")
        }
    }
}
