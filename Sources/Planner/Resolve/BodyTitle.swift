import Foundation

extension Resolver {
    /// A moment's title: its body's first non-empty line, without Markdown marks.
    ///
    /// Lines made only of scalars that are each a character of their own and
    /// have no canonical equivalents (ASCII, CJK ideographs and punctuation,
    /// full-width forms: nearly all copy) are handled as UTF-8 bytes; from
    /// the first other line on, the String and Foundation calls decide,
    /// whose grapheme and equivalence rules the byte path reproduces only
    /// for those scalars.
    static func title(fromBody body: String, fallback: String) -> String {
        var text = body
        let fast: (title: String?, rest: Int) = text.withUTF8 { utf8 in
            var lineStart = 0
            while lineStart < utf8.count {
                var end = lineStart
                while end < utf8.count && utf8[end] != 0x0A {
                    guard let length = simpleScalarLength(utf8, at: end) else { return (nil, lineStart) }
                    end += length
                }
                if let title = titleOfSimpleLine(UnsafeBufferPointer(rebasing: utf8[lineStart..<end])) {
                    return (title, utf8.count)
                }
                lineStart = end + 1
            }
            return (nil, utf8.count)
        }
        if let title = fast.title { return title }
        if fast.rest < body.utf8.count {
            let start = body.utf8.index(body.utf8.startIndex, offsetBy: fast.rest)
            if let title = titleOfLines(body[start...]) { return title }
        }
        return String(fallback.split(separator: "/").last ?? Substring(fallback))
    }

    /// The byte length of the scalar at `index` when it is simple (see
    /// `title(fromBody:)`), or nil. A carriage return is not: before a line
    /// feed it makes one character with it.
    private static func simpleScalarLength(_ utf8: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        let lead = utf8[index]
        if lead < 0x80 { return lead == 0x09 || (0x20...0x7E).contains(lead) ? 1 : nil }
        guard lead & 0xF0 == 0xE0, index + 2 < utf8.count else { return nil }
        let value = (UInt32(lead) & 0x0F) << 12 | (UInt32(utf8[index + 1]) & 0x3F) << 6 | (UInt32(utf8[index + 2]) & 0x3F)
        switch value {
        // CJK punctuation (without the combining tone marks U+302A–U+302F),
        // ideographs, full-width forms and general punctuation (without
        // spaces, joiners, marks and separators).
        case 0x3000...0x3029, 0x3030...0x303F, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xFF01...0xFF5E, 0x2010...0x2027,
            0x2030...0x205E:
            return 3
        default:
            return nil
        }
    }

    /// The title from one line of simple scalars, or nil when it has no text.
    /// Worked on the line's bytes in place, with one copy of at most 400
    /// scalars: a body's first line may be a whole paragraph.
    private static func titleOfSimpleLine(_ line: UnsafeBufferPointer<UInt8>) -> String? {
        // Leading spaces, then leading Markdown marks: headings, quotes, list bullets, emphasis.
        // Trailing spaces are trimmed last (no mark is a space, so the order does not matter).
        var start = skipSpaces(line, from: 0)
        while start < line.count, [0x23, 0x3E, 0x2D, 0x2A, 0x2B, 0x20].contains(line[start]) { start += 1 }
        // Only the start of a long line matters.
        var cut = start
        var scalars = 0
        while cut < line.count {
            if line[cut] & 0xC0 != 0x80 {
                if scalars == 400 { break }
                scalars += 1
            }
            cut += 1
        }
        var bytes = Array(line[start..<cut])
        for mark in [[0x2A, 0x2A], [0x5F, 0x5F], [0x7E, 0x7E], [0x60]] as [[UInt8]] { removeAll(mark, from: &bytes) }
        let title = bytes.withUnsafeBufferPointer { trimmedSpaces($0) }
        if title.isEmpty { return nil }
        guard scalarCount(title) > 60 else { return String(decoding: title, as: UTF8.self) }
        return String(decoding: title.prefix(byteCount(ofScalars: 59, in: title)), as: UTF8.self) + "…"
    }

    /// The first position from `index` on that is not a space, tab or ideographic space.
    private static func skipSpaces(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int) -> Int {
        var index = index
        while index < bytes.count {
            if bytes[index] == 0x20 || bytes[index] == 0x09 {
                index += 1
            } else if bytes.count - index >= 3 && bytes[index] == 0xE3 && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x80 {
                index += 3
            } else {
                break
            }
        }
        return index
    }

    /// Without leading and trailing spaces, tabs and ideographic spaces: the
    /// only scalars of `.whitespaces` (Zs and tab) that are simple.
    private static func trimmedSpaces(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        let start = skipSpaces(bytes, from: 0)
        var end = bytes.count
        while end > start {
            if bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 {
                end -= 1
            } else if end - start >= 3 && bytes[end - 3] == 0xE3 && bytes[end - 2] == 0x80 && bytes[end - 1] == 0x80 {
                end -= 3
            } else {
                break
            }
        }
        return Array(bytes[start..<end])
    }

    /// `replacingOccurrences(of: mark, with: "")`, in place: left to right, not overlapping.
    private static func removeAll(_ mark: [UInt8], from bytes: inout [UInt8]) {
        guard bytes.contains(mark[0]) else { return }
        var write = 0
        var read = 0
        while read < bytes.count {
            if bytes[read] == mark[0] && read + mark.count <= bytes.count && (mark.count == 1 || bytes[read + 1] == mark[1]) {
                read += mark.count
            } else {
                bytes[write] = bytes[read]
                write += 1
                read += 1
            }
        }
        bytes.removeLast(bytes.count - write)
    }

    private static func scalarCount(_ bytes: [UInt8]) -> Int {
        bytes.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    }

    /// The bytes that the first `scalars` scalars take (all, if fewer).
    private static func byteCount(ofScalars scalars: Int, in bytes: [UInt8]) -> Int {
        var seen = 0
        for (index, byte) in bytes.enumerated() where byte & 0xC0 != 0x80 {
            if seen == scalars { return index }
            seen += 1
        }
        return bytes.count
    }

    /// The general way, on whole characters: lines from `rest` on.
    private static func titleOfLines(_ body: Substring) -> String? {
        // Line by line, stopping at the first that has text (not the whole body split up front).
        var rest = body
        while !rest.isEmpty {
            let end = rest.firstIndex(of: "\n") ?? rest.endIndex
            let line = rest[..<end]
            rest = end < rest.endIndex ? rest[rest.index(after: end)...] : rest[rest.endIndex...]
            if line.isEmpty { continue }
            // Only the start of a long line matters; and dropping marks one by
            // one from the front of a String would be quadratic.
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            var text = String(trimmed.drop { "#>-*+ ".contains($0) }.prefix(400))
            text = text.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "__", with: "")
                .replacingOccurrences(of: "~~", with: "").replacingOccurrences(of: "`", with: "")
            text = text.trimmingCharacters(in: .whitespaces)
            if !text.isEmpty { return text.count > 60 ? String(text.prefix(59)) + "…" : text }
        }
        return nil
    }
}
