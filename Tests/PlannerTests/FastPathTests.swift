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
                    SplitDocument(
                        yaml: String(text[start..<lineStart]), yamlFirstLine: 2, body: String(text[next...]), bodyLine: lineNumber + 1,
                        opening: String(text[..<start]), closing: String(text[lineStart..<next])))
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
                #expect(found.parts.map { Array($0.utf8) } == expected.parts.map { Array($0.utf8) }, "\(text.debugDescription)")
                #expect(found.parts.joined().utf8.elementsEqual(text.utf8), "the pieces do not join to \(text.debugDescription)")
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
}
