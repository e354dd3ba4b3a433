import Foundation

/// Blocks of git conflict markers (`<<<<<<<` … `=======` … `>>>>>>>`) left
/// in a file after a merge.
enum ConflictMarkers {
    /// A block, by the 1-based line of its `<<<<<<<`.
    struct Block: Equatable, Sendable {
        let line: Int
    }

    private enum Marker {
        case start, base, separator, end
    }

    /// Every block: a `<<<<<<<` line followed by a `=======` or `>>>>>>>`
    /// line (a lone `=======` underlines a heading in Markdown; a lone
    /// `>>>>>>>` nests quotes).
    static func find(_ text: String) -> [Block] {
        guard mayHoldMarkers(text) else { return [] }
        var blocks: [Block] = []
        var open: Int?
        var confirmed = false
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            switch marker(line) {
            case .start?:
                if let start = open, confirmed { blocks.append(Block(line: start)) }
                open = index + 1
                confirmed = false
            case .separator?, .base?:
                if open != nil { confirmed = true }
            case .end?:
                if let start = open { blocks.append(Block(line: start)) }
                open = nil
            case nil:
                break
            }
        }
        if let start = open, confirmed { blocks.append(Block(line: start)) }
        return blocks
    }

    /// The text as the side checked out before the merge ("ours", between
    /// `<<<<<<<` and `=======`), with marker lines and the other side blank,
    /// so that every kept line keeps its number.
    static func oursSide(_ text: String) -> String {
        var lines: [Substring] = []
        var inOurs = false
        var inTheirs = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            switch marker(line) {
            case .start?:
                inOurs = true
                inTheirs = false
                lines.append("")
            case .base?, .separator?:
                if inOurs || inTheirs {
                    inOurs = false
                    inTheirs = true
                    lines.append("")
                } else {
                    lines.append(line)
                }
            case .end?:
                inOurs = false
                inTheirs = false
                lines.append("")
            case nil:
                lines.append(inTheirs ? "" : line)
            }
        }
        return lines.joined(separator: "\n")
    }

    /// Whether any line starts with `<<<<<<<`, on the bytes (most files have none).
    static func mayHoldMarkers(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return false }
            // memchr to each `<`: rare in copy, so most texts are passed over at memory speed.
            var index = 0
            while index + 7 <= bytes.count, let hit = memchr(base + index, 0x3C, bytes.count - 6 - index) {
                index = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
                if index == 0 || bytes[index - 1] == 0x0A, (1..<7).allSatisfy({ bytes[index + $0] == 0x3C }) {
                    return true
                }
                index += 1
            }
            return false
        }
    }

    /// Seven marks, then the end of the line or a space and a label (git
    /// writes `<<<<<<< HEAD`, `>>>>>>> branch`); `=======` stands alone.
    private static func marker(_ line: Substring) -> Marker? {
        let utf8 = line.utf8
        guard utf8.count >= 7, let first = utf8.first else { return nil }
        let kind: Marker
        switch first {
        case 0x3C: kind = .start
        case 0x7C: kind = .base
        case 0x3D: kind = .separator
        case 0x3E: kind = .end
        default: return nil
        }
        var index = utf8.startIndex
        for _ in 0..<7 {
            guard utf8[index] == first else { return nil }
            index = utf8.index(after: index)
        }
        let rest = utf8[index...]
        if kind == .separator { return rest.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D } ? kind : nil }
        guard let next = rest.first else { return kind }
        return next == 0x20 || next == 0x09 || next == 0x0D ? kind : nil
    }

    static func diagnostics(_ blocks: [Block], file: String, id: String) -> [Diagnostic] {
        blocks.enumerated().map { position, block in
            Diagnostic(
                ruleID: MergeConflictRule.ruleID, severity: .error,
                message: Localized(
                    zh: "这里留着 git 合并冲突的标记（<<<<<<< … ======= … >>>>>>>）：两个版本还没有合并。",
                    en: "Git conflict markers are left here (<<<<<<< … ======= … >>>>>>>): the two versions were never merged."),
                location: SourceLocation(file: file, line: block.line),
                hint: Localized(
                    zh: "决定保留哪一边（或把两边合在一起），再删掉 <<<<<<<、=======、>>>>>>> 这几行标记。",
                    en: "Decide which side to keep (or combine them), then delete the <<<<<<<, ======= and >>>>>>> lines."),
                fingerprint: Fingerprint.make([MergeConflictRule.ruleID, id, String(position)]))
        }
    }
}
