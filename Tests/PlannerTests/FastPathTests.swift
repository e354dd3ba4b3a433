import Foundation
import Testing
@testable import Planner

/// The byte-level fast paths against the String and Foundation code they
/// replaced (kept here as references), on hand-picked and random texts:
/// the answers must be the same, character rules and all.
@Suite struct FastPathTests {
    /// Deterministic random texts (SplitMix64), mixing what the fast paths
    /// treat specially: line breaks, CR, marks, spaces of every kind,
    /// combining marks, emoji, Latin letters that fold, CJK.
    struct Texts {
        private var state: UInt64

        init(seed: UInt64) { state = seed }

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }

        static let pieces: [String] = [
            "\n", "\n", "\n", "\r", "\r\n", " ", " ", "\t", "\u{3000}", "\u{A0}", "\u{2003}", "\u{85}", "#", "##", ">", "-",
            "*", "**", "+", "_", "__", "~~", "`", "---", "...", "。", "，", "！", "“", "”", "…", "——", "（", "）", "、",
            "跑", "步", "保本", "稳赚", "理财有风险", "投资需谨慎", "a", "B", "Keep", "STABLE", "zero", "x1", "42", "É", "é",
            "e\u{301}", "\u{301}", "ǅ", "Ǆ", "ẞ", "Ａ", "ａ", "Ｚ", "👍", "👍🏽", "1️⃣", "\u{200D}", "\u{FE0F}", "🇨🇳", "\u{600}",
            "ﬁ", "\u{2028}", "\u{7F}", "\u{1}", "가", "\u{1100}\u{1161}", "か\u{3099}", "\u{302A}", "/", ".", "md",
        ]

        mutating func text(maximumPieces: Int = 24) -> String {
            let count = Int(next() % UInt64(maximumPieces + 1))
            var text = ""
            for _ in 0..<count { text += Self.pieces[Int(next() % UInt64(Self.pieces.count))] }
            return text
        }
    }

    static let handPicked = [
        "", "\n", "\n\n  \n", "# 标题 **粗体** `代码`", "\r\n# a", "a\r\r\nb", "   \u{3000}正文", "> - * + 列表",
        "***x***", "_~~_", String(repeating: "很长的标题", count: 30), String(repeating: "é", count: 70),
        "\u{301}开头是组合符", "-- *  Hello __wor`ld__ ~~x~~ **y** ", "#\u{20E3} keycap", "   \n\t\n第三行",
        "理财非存款，\n产品有风险，投资  须谨慎 👍🏽 ＡＢＣ", "RISK\nAHEAD:\n投资须谨慎", "İstanbul ǅǆǄ ẞ",
    ]

    func samples(_ seed: UInt64, count: Int = 3000) -> [String] {
        var texts = Texts(seed: seed)
        return Self.handPicked + (0..<count).map { _ in texts.text() }
    }

    // MARK: - Title from body

    static func referenceTitle(fromBody body: String, fallback: String) -> String {
        var rest = body[...]
        while !rest.isEmpty {
            let end = rest.firstIndex(of: "\n") ?? rest.endIndex
            let line = rest[..<end]
            rest = end < rest.endIndex ? rest[rest.index(after: end)...] : rest[rest.endIndex...]
            if line.isEmpty { continue }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            var text = String(trimmed.drop { "#>-*+ ".contains($0) }.prefix(400))
            text = text.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "__", with: "")
                .replacingOccurrences(of: "~~", with: "").replacingOccurrences(of: "`", with: "")
            text = text.trimmingCharacters(in: .whitespaces)
            if !text.isEmpty { return text.count > 60 ? String(text.prefix(59)) + "…" : text }
        }
        return String(fallback.split(separator: "/").last ?? Substring(fallback))
    }

    @Test func titleFromBodyMatchesTheCharacterWay() {
        for body in samples(1) {
            #expect(Resolver.title(fromBody: body, fallback: "moments/a/b") == Self.referenceTitle(fromBody: body, fallback: "moments/a/b"), "\(body.debugDescription)")
        }
    }

    // MARK: - duplicate-copy keys

    static func referenceKey(_ text: String) -> String {
        DuplicateCopyRule.normalized(text).precomposedStringWithCanonicalMapping
    }

    @Test func duplicateCopyKeysMatchTheNormalizedText() {
        for text in samples(2) {
            #expect(DuplicateCopyRule.key(text) == Array(Self.referenceKey(text).utf8), "\(text.debugDescription)")
        }
    }

    // MARK: - banned-word and disclaimer

    static func referenceOccurrences(of needle: [Unicode.Scalar], in haystack: [Unicode.Scalar]) -> [Int] {
        guard !needle.isEmpty, needle.count <= haystack.count else { return [] }
        var found: [Int] = []
        var offset = 0
        while offset + needle.count <= haystack.count {
            if haystack[offset..<offset + needle.count].elementsEqual(needle) {
                found.append(offset)
                offset += needle.count
            } else {
                offset += 1
            }
        }
        return found
    }

    /// Count and (line, column) of the first match over folded scalars, as the rule counted them.
    static func referenceFind(_ word: String, in text: String) -> (Int, Int, Int)? {
        let haystack = text.unicodeScalars.map(foldLatin)
        let hits = referenceOccurrences(of: word.unicodeScalars.map(foldLatin), in: haystack)
        guard let hit = hits.first else { return nil }
        var line = 0
        var lineStart = 0
        for offset in 0..<hit where haystack[offset] == "\n" {
            line += 1
            lineStart = offset + 1
        }
        return (hits.count, line, hit - lineStart)
    }

    static func find(_ word: String, in text: String, raw: Bool) -> (Int, Int, Int)? {
        let needle = FoldedText(word).bytes
        var text = text
        let search = { (haystack: UnsafeBufferPointer<UInt8>) -> (Int, Int, Int)? in
            let hits = FoldedText.occurrences(of: [needle], in: haystack)[0]
            guard let hit = hits.first else { return nil }
            let place = FoldedText.position(of: hit, in: haystack)
            return (hits.count, place.line, place.column)
        }
        return raw ? text.withUTF8(search) : FoldedText(text).bytes.withUnsafeBufferPointer(search)
    }

    @Test func bannedWordSearchMatchesTheScalarWay() {
        var texts = Texts(seed: 3)
        let words = ["保本", "稳赚", "stable", "STABLE", "ǆ", "ａｂｃ", "é", "e\u{301}", "。", "👍", "a", "ss", "ß", "险，投"]
        for text in samples(4, count: 1500) {
            let extra = texts.text(maximumPieces: 3)
            for word in words + [extra] {
                let folded = FoldedText(word).bytes
                let expected = Self.referenceFind(word, in: text)
                let found = Self.find(word, in: text, raw: false)
                #expect(found?.0 == expected?.0 && found?.1 == expected?.1 && found?.2 == expected?.2, "\(word) in \(text.debugDescription)")
                if FoldedText.isFoldStable(folded) {
                    let raw = Self.find(word, in: text, raw: true)
                    #expect(raw?.0 == expected?.0 && raw?.1 == expected?.1 && raw?.2 == expected?.2, "raw \(word) in \(text.debugDescription)")
                }
            }
        }
    }

    @Test func foldStabilityIsExact() {
        #expect(FoldedText.isFoldStable(FoldedText("保本").bytes))
        #expect(!FoldedText.isFoldStable(FoldedText("a").bytes))
        #expect(!FoldedText.isFoldStable(FoldedText("ǆ").bytes))
        #expect(!FoldedText.isFoldStable(FoldedText("ß").bytes))
        #expect(FoldedText.isFoldStable(FoldedText("42，。").bytes))
    }

    @Test func disclaimerNormalizationMatchesTheScalarWay() {
        let disclaimers = ["理财有风险，投资需谨慎", "Risk Ahead: 投资须谨慎", "  a b ", "ＡＢＣ", "\u{A0}x\u{85}"]
        for text in samples(5, count: 1500) {
            for disclaimer in disclaimers {
                let normalize = { (text: String) in text.unicodeScalars.filter { !$0.properties.isWhitespace }.map(foldLatin) }
                let expected = !Self.referenceOccurrences(of: normalize(disclaimer), in: normalize(text)).isEmpty
                let found = FoldedText(text, droppingWhitespace: true).contains(FoldedText(disclaimer, droppingWhitespace: true).bytes)
                #expect(found == expected, "\(disclaimer) in \(text.debugDescription)")
                #expect(DisclaimerRule.contains(text, disclaimer) == expected, "rule: \(disclaimer) in \(text.debugDescription)")
            }
        }
    }

    // MARK: - Front matter

    static func referenceSplit(_ text: String) -> Result<SplitDocument, FrontMatterSplitter.Failure> {
        func isMarker(_ line: Substring, _ mark: String) -> Bool {
            line.hasPrefix(mark) && line.dropFirst(3).allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" }
        }
        if text.allSatisfy({ $0.isWhitespace }) { return .failure(.empty) }
        var lineStart = text.startIndex
        var lineNumber = 0
        var yamlStart: String.Index?
        while lineStart < text.endIndex {
            let lineEnd = text[lineStart...].firstIndex(of: "\n") ?? text.endIndex
            lineNumber += 1
            let line = text[lineStart..<lineEnd]
            let next = lineEnd < text.endIndex ? text.index(after: lineEnd) : text.endIndex
            if lineNumber == 1 {
                guard isMarker(line, "---") else { return .failure(.missingOpening) }
                yamlStart = next
            } else if isMarker(line, "---") || isMarker(line, "..."), let start = yamlStart {
                return .success(
                    SplitDocument(yaml: String(text[start..<lineStart]), yamlFirstLine: 2, body: String(text[next...]), bodyLine: lineNumber + 1))
            }
            lineStart = next
        }
        return .failure(.unterminated)
    }

    @Test func frontMatterSplitMatchesTheCharacterWay() {
        var texts = Texts(seed: 6)
        let documents = samples(7) + (0..<3000).map { _ in
            let parts = ["---", "--- ", "---\r", "---\u{301}", "...", " ---", "a: 1", "", "\r"]
            var text = parts[Int(texts.next() % 4)] + "\n"
            for _ in 0..<Int(texts.next() % 6) {
                text += (texts.next() % 2 == 0 ? parts[Int(texts.next() % UInt64(parts.count))] : texts.text(maximumPieces: 4)) + "\n"
            }
            return text + texts.text()
        }
        for text in documents {
            switch (FrontMatterSplitter.split(text), Self.referenceSplit(text)) {
            case (.success(let found), .success(let expected)):
                #expect(found.yaml == expected.yaml && found.body == expected.body && found.bodyLine == expected.bodyLine, "\(text.debugDescription)")
                #expect(found.yaml.utf8.elementsEqual(expected.yaml.utf8) && found.body.utf8.elementsEqual(expected.body.utf8))
            case (.failure(let found), .failure(let expected)):
                #expect(found == expected, "\(text.debugDescription)")
            default:
                Issue.record("split differs for \(text.debugDescription)")
            }
        }
    }

    @Test func trimmingSpacesMatchesFoundation() {
        for text in samples(8, count: 1000) + ["2026-12-01", " 2026-12-01", "07:30\t", "\u{3000}7:30"] {
            #expect(MappingReader.trimmingSpaces(text) == text.trimmingCharacters(in: .whitespaces), "\(text.debugDescription)")
        }
    }

    // MARK: - Paths

    @Test func simplePathPartsMatchSplitAndNSString() {
        var texts = Texts(seed: 9)
        let paths = ["moments/2026-12/01-晨跑.md", "plan.yml", "topics/a.b/c", "personas/x.MD", "a/b.Markdown", "a/.md", "a/b.", "x"]
            + (0..<3000).map { _ in
                var path = "moments"
                for _ in 0...Int(texts.next() % 3) { path += "/" + texts.text(maximumPieces: 3).replacingOccurrences(of: "/", with: "") + "x" }
                return path + [".md", ".markdown", ".MD", ".txt", "", ".m\u{301}d"][Int(texts.next() % 6)]
            }
        // The id rule spelled out on scalars: `/` and `.` split names wherever they are,
        // a combining mark after them included.
        func referenceID(_ path: String, persona: Bool) -> String {
            var scalars = Array(path.unicodeScalars)
            let nameStart = (scalars.lastIndex(of: "/") ?? -1) + 1
            if let dot = scalars[nameStart...].lastIndex(of: ".") { scalars.removeSubrange(dot...) }
            if persona { scalars.removeSubrange(..<nameStart) }
            var id = ""
            id.unicodeScalars.append(contentsOf: scalars)
            return id
        }
        for path in paths {
            for role in [SourceRole.persona, .item(.moment)] {
                let entry = SourceEntry(role: role, relativePath: path, displayPath: path, absolutePath: path)
                #expect(entry.id == referenceID(path, persona: role == .persona), "\(path.debugDescription)")
            }
            guard let parts = ContentLoader.simplePathParts(path) else { continue }
            let split = path.split(separator: "/")
            #expect(parts.components == split.count, "\(path.debugDescription)")
            #expect(parts.top == (split.count > 1 ? String(split[0]) : ""), "\(path.debugDescription)")
            #expect(parts.ext == (path as NSString).pathExtension.lowercased(), "\(path.debugDescription)")
        }
    }

    // MARK: - YAML

    static func describe(_ node: YAMLNode?) -> String {
        guard let node else { return "nil" }
        let mark = "@\(node.mark.line):\(node.mark.column)"
        switch node {
        case .scalar(let scalar): return "s(\(scalar.string.debugDescription),\(scalar.isPlain))\(mark)"
        case .sequence(let sequence): return "[" + sequence.nodes.map { describe($0) }.joined(separator: ",") + "]\(mark)"
        case .mapping(let mapping):
            let pairs = mapping.pairs.map { "\($0.name.debugDescription)=\(describe($0.key)):\(describe($0.value))" }
            return "{" + pairs.joined(separator: ",") + "}\(mark)/\(String(describing: mapping.valueString))"
        }
    }

    @Test func composerBuildsTheTreeYamsBuilds() throws {
        let documents = [
            "date: 2026-12-01\nslot: morning\ntags: [a, \"b\", 'c', ~]\n", "a: &x [1, 2]\nb: *x\nc: {d: e, f: [g]}\n",
            "title: |\n  multi\n  line\nowner: >-\n  folded\n", "- a\n- b: c\n", "just a scalar\n", "# comment only\n",
            "k: ''\nj: null\ni: ~\nh:\n", "ignore: {min-gap: reason, slot-clash: }\n", "x: !!str 1\ny: !custom z\n",
            "a: [\n  1,\n  {b: 2}\n]\n", "\"quoted key\": 1\n'single': 2\n", "? complex\n: value\n", "雨: 晴\n晨跑: [五公里, 十公里]\n",
            "a: 1 # comment\nb: 'it''s'\nc: \"\\u00e9\\t\"\n", "--- x\n", "k: &a v\nl: *a\n",
        ]
        for yaml in documents {
            let composer = YAMLComposer(maximumAliases: 64, maximumDepth: 64, maximumExpandedNodes: 10_000)
            guard case .composed(let node) = composer.compose(yaml) else {
                Issue.record("not composed: \(yaml.debugDescription)")
                continue
            }
            let yams = try YAMLDocument.composeWithYams(yaml)
            #expect(Self.describe(node) == Self.describe(yams), "\(yaml.debugDescription)")
        }
    }

    @Test func composerLeavesDoubtfulDocumentsToYams() {
        let doubtful = [
            "a: 1\na: 2\n", "1: a\n\"1\": b\n", "? [a]\n: b\n", "? {a: b}\n: c\n", "x: *nope\n", "=: v\n", "!!str a: 1\n",
            "k: &k v\n? *k\n: w\n", "a: 1\n--- b\n", "a: [1\n", "a: \"b\n", "\ta: 1\n", "",
        ]
        for yaml in doubtful {
            let composer = YAMLComposer(maximumAliases: 64, maximumDepth: 64, maximumExpandedNodes: 10_000)
            guard case .deferred = composer.compose(yaml) else {
                Issue.record("composed: \(yaml.debugDescription)")
                continue
            }
        }
    }

    @Test func composerStillRefusesBombsAndDeepNesting() {
        let composer = YAMLComposer(maximumAliases: 64, maximumDepth: 64, maximumExpandedNodes: 10_000)
        let deep = "x: " + String(repeating: "[", count: 70) + String(repeating: "]", count: 70) + "\n"
        guard case .tooDeep(let line) = composer.compose(deep) else {
            Issue.record("deep nesting composed")
            return
        }
        #expect(line == 1)
        var bomb = "a: &a [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\n"
        for (name, previous) in [("b", "a"), ("c", "b"), ("d", "c")] {
            bomb += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
        }
        guard case .aliasBomb = composer.compose(bomb) else {
            Issue.record("alias bomb composed")
            return
        }
    }
}

/// The plainest front matter, read without libyaml, against the composer.
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
    ]

    @Test func buildsWhatTheComposerBuildsOrNothing() {
        let composer = YAMLComposer(maximumAliases: 64, maximumDepth: 64, maximumExpandedNodes: 10_000)
        var simple = 0
        for yaml in Self.documents {
            guard let node = SimpleYAML.compose(yaml) else { continue }
            simple += 1
            guard case .composed(let expected) = composer.compose(yaml) else {
                Issue.record("the composer does not compose \(yaml.debugDescription)")
                continue
            }
            #expect(FastPathTests.describe(node) == FastPathTests.describe(expected), "\(yaml.debugDescription)")
        }
        #expect(simple >= 10)
    }

    @Test func randomLinesAgreeWithTheComposer() {
        var texts = FastPathTests.Texts(seed: 10)
        let values = ["v", "跑步", "\"07:30\"", "'a b'", "[a, b]", "[]", "a b", "~", "2026-12-01", "x:y", "#", "[a", "'", "\"\\n\""]
        let composer = YAMLComposer(maximumAliases: 64, maximumDepth: 64, maximumExpandedNodes: 10_000)
        for _ in 0..<3000 {
            var yaml = ""
            for number in 0..<Int(texts.next() % 6) {
                let value = texts.next() % 3 == 0 ? texts.text(maximumPieces: 3) : values[Int(texts.next() % UInt64(values.count))]
                yaml += (texts.next() % 9 == 0 ? "" : "k\(number): ") + value + "\n"
            }
            guard let node = SimpleYAML.compose(yaml) else { continue }
            guard case .composed(let expected) = composer.compose(yaml) else {
                Issue.record("the composer does not compose \(yaml.debugDescription)")
                continue
            }
            #expect(FastPathTests.describe(node) == FastPathTests.describe(expected), "\(yaml.debugDescription)")
        }
    }
}
