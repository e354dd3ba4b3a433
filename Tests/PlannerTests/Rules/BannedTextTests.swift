import Testing
@testable import Planner

/// `banned-word`'s byte search against the scalar-by-scalar search it
/// replaced (kept here as the reference): the same occurrences, counts,
/// lines, columns and wording, on hand-picked and random texts.
@Suite struct BannedTextTests {
    /// The former search: the whole text folded scalar by scalar, every start tried.
    struct Reference {
        let scalars: [Unicode.Scalar]
        let folded: [UInt32]

        init(_ text: String) {
            scalars = Array(text.unicodeScalars)
            folded = scalars.map(BannedText.fold)
        }

        func match(_ needle: [UInt32], at start: Int) -> Int? {
            guard let first = needle.first, start < folded.count, folded[start] == first else { return nil }
            var index = start + 1
            var matched = 1
            var newlines = 0
            while matched < needle.count && index < folded.count {
                let value = folded[index]
                if value == needle[matched] {
                    matched += 1
                    newlines = 0
                } else if BannedText.isSkippable(value) {
                    if value == 0x0A {
                        newlines += 1
                        if newlines > 1 { return nil }
                    }
                } else {
                    return nil
                }
                index += 1
            }
            return matched == needle.count ? index : nil
        }

        func matches(of needle: [UInt32]) -> [Range<Int>] {
            guard let first = needle.first else { return [] }
            return folded.indices.filter { folded[$0] == first }.compactMap { start in match(needle, at: start).map { start..<$0 } }
        }

        func occurrences(of word: [UInt32], allowing allowed: [[UInt32]]) -> [Range<Int>] {
            let candidates = matches(of: word)
            let exemptions = allowed.flatMap(matches(of:))
            var kept: [Range<Int>] = []
            for candidate in candidates {
                if let last = kept.last, candidate.lowerBound < last.upperBound { continue }
                if exemptions.contains(where: { $0.lowerBound <= candidate.lowerBound && candidate.upperBound <= $0.upperBound }) { continue }
                kept.append(candidate)
            }
            return kept
        }

        func hit(_ word: BannedWordRule.Word) -> BannedWordRule.Hit? {
            let found = occurrences(of: word.needle, allowing: word.allowed)
            guard let first = found.first else { return nil }
            var line = 0
            var column = 0
            for scalar in scalars[..<first.lowerBound] {
                if scalar == "\n" {
                    line += 1
                    column = 0
                } else {
                    column += 1
                }
            }
            return BannedWordRule.Hit(
                count: found.count, line: line, column: column, written: String(String.UnicodeScalarView(scalars[first])))
        }
    }

    static func word(_ text: String, allow: [String] = []) -> BannedWordRule.Word {
        BannedWordRule.Word(
            text: text, needle: BannedText.needle(text), allowed: allow.map(BannedText.needle), allowText: allow, persona: false)
    }

    static let words: [BannedWordRule.Word] = [
        word("保本", allow: ["非保本", "不保本", "保本金"]), word("稳赚"), word("stable", allow: ["unstable"]), word("ǆ"),
        word("ａｂｃ"), word("é"), word("e\u{301}"), word("。"), word("👍"), word("a", allow: ["ab", "Ba"]), word("ss"), word("ß"),
        word("险，投", allow: ["风险，投资"]), word("最低价"), word("1"), word("\u{3000}x"), word("本金", allow: ["保本金"]),
    ]

    static func agree(_ text: String, _ lexicon: BannedWordRule.Lexicon) -> Bool {
        let found = BannedWordRule.search(text, in: lexicon)
        let expected = lexicon.words.map { Reference(text).hit($0) }
        return zip(found, expected).allSatisfy { found, expected in
            found?.count == expected?.count && found?.line == expected?.line && found?.column == expected?.column
                && found?.written == expected?.written
        }
    }

    @Test func byteSearchFindsWhatTheScalarSearchFound() {
        let lexicon = BannedWordRule.Lexicon(Self.words)
        var texts = FastPathTests.Texts(seed: 18)
        let handPicked = FastPathTests.handPicked + [
            "保", "保本", "非保本", "非 保，本", "保\n本", "保\n\n本", "稳**赚**", "稳　赚", "ＡＢＣ abc ABC", "保本保本保本", "x保本金",
            "最低价\n最 低 价", "stable unstable STABLE", "aaa Ba ab", "1", "a",
        ]
        for text in handPicked + (0..<3000).map({ _ in texts.text(maximumPieces: 30) }) {
            #expect(Self.agree(text, lexicon), "\(text.debugDescription)")
        }
    }

    @Test func eachWordAloneAndWordsSharingAFirstCharacter() {
        var texts = FastPathTests.Texts(seed: 19)
        let samples = (0..<400).map { _ in texts.text(maximumPieces: 30) }
        for word in Self.words {
            let lexicon = BannedWordRule.Lexicon([word])
            for text in samples { #expect(Self.agree(text, lexicon), "\(word.text) in \(text.debugDescription)") }
        }
        let shared = BannedWordRule.Lexicon([Self.word("保本"), Self.word("保险", allow: ["保本"]), Self.word("本")])
        for text in samples + ["保险保本", "保 险 本"] { #expect(Self.agree(text, shared), "\(text.debugDescription)") }
    }
}
