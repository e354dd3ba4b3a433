import Foundation
import Testing
@testable import Planner

/// The byte-order fast paths of sorting (findings, paths) against `<` and
/// `==` of String, on texts that mix plain Chinese paths with composed and
/// decomposed accents, Hangul and kana marks.
@Suite struct TextOrderTests {
    static let names = [
        "content/moments/2026-12/01-晨跑.md", "content/moments/2026-12/01-晨跑.md", "content/moments/2026-12/02-晨跑.md",
        "content/moments/2026-12/01.md", "content/topics/2026-12/a.md", "content/plan.yml", "content/personas/小招.md",
        "content/moments/é.md", "content/moments/e\u{301}.md", "content/moments/f.md", "content/moments/か\u{3099}.md",
        "content/moments/が.md", "content/moments/가.md", "content/moments/\u{1100}\u{1161}.md", "content/moments/Ａ.md",
        "content/moments/ﬁ.md", "content/moments/z.md", "content/moments/〇.md", "content/moments/\u{302A}.md",
    ]

    @Test func plainTextComparesAsItsBytes() {
        for a in Self.names {
            if a.isPlainNFC { #expect(Array(a.utf8) == Array(a.precomposedStringWithCanonicalMapping.utf8), "\(a.debugDescription)") }
            for b in Self.names where a.isPlainNFC && b.isPlainNFC {
                #expect(a.precedesByBytes(b) == (a < b), "\(a.debugDescription) \(b.debugDescription)")
                #expect(a.hasSameBytes(as: b) == (a == b), "\(a.debugDescription) \(b.debugDescription)")
            }
        }
        #expect(!"content/moments/e\u{301}.md".isPlainNFC)
        #expect(!"content/moments/か\u{3099}.md".isPlainNFC)
        #expect("content/moments/2026-12/01-晨跑.md".isPlainNFC)
    }

    @Test func sortedForReportMatchesReportOrder() {
        var state: UInt64 = 7
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        for plainOnly in [true, false] {
            let files = plainOnly ? Self.names.filter(\.isPlainNFC) : Self.names
            let diagnostics = (0..<600).map { _ in
                Diagnostic(
                    ruleID: ["min-gap", "banned-word", "front-matter"][next(3)], severity: .warning,
                    message: Localized(zh: "消息\(next(3))", en: "message \(next(3))"),
                    location: SourceLocation(file: files[next(files.count)], line: 1 + next(4), column: 1 + next(3)),
                    fingerprint: "f\(next(5))")
            }
            let expected = diagnostics.indices.sorted { Diagnostic.reportOrder(diagnostics[$0], diagnostics[$1]) }.map { diagnostics[$0] }
            let sorted = RuleEngine.sortedForReport(diagnostics)
            #expect(sorted.map(\.location) == expected.map(\.location))
            #expect(sorted.map(\.fingerprint) == expected.map(\.fingerprint))
            #expect(sorted.map(\.message.en) == expected.map(\.message.en))
        }
    }

    @Test func pathSortMatchesStringSort() {
        for names in [Self.names.filter(\.isPlainNFC), Self.names] {
            let shuffled = names.reversed() + names
            #expect(shuffled.sortedByText { $0 } == shuffled.sorted())
        }
    }
}
