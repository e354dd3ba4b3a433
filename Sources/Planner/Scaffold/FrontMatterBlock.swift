/// Replaces or inserts one top-level key of an item file's front matter —
/// `review:` for `review sign`, `results:` for `results import` — and changes
/// no other byte: the key's line and the indented lines that continue it are
/// replaced by one `key: value` line; without the key, that line goes just
/// before the closing `---`. Line endings follow the file's first line.
public enum FrontMatterBlock {
    public enum Failure: Error, Equatable, Sendable {
        /// The file has no front matter block (or it is not closed).
        case noFrontMatter
        /// Not UTF-8, or otherwise unreadable as a content file.
        case unreadable
    }

    /// The file with `key: value` in place of the key's block, or added.
    public static func write(_ bytes: [UInt8], key: String, value: String) -> Result<[UInt8], Failure> {
        switch FrontMatterSplitter.decodeText(bytes: bytes) {
        case .failure: return .failure(.unreadable)
        case .success(let text):
            if case .failure = FrontMatterSplitter.split(text) { return .failure(.noFrontMatter) }
        }
        let lines = splitLines(bytes)
        guard let first = lines.first, isMarker(first.content(bytes, dropBOM: true)) else { return .failure(.noFrontMatter) }
        guard let closing = lines.indices.dropFirst().first(where: { isMarker(lines[$0].content(bytes)) || isDots(lines[$0].content(bytes)) })
        else { return .failure(.noFrontMatter) }
        let newline: [UInt8] = first.terminator(bytes)
        let block = Array("\(key): \(value)".utf8) + (newline.isEmpty ? [0x0A] : newline)
        let prefix = Array("\(key):".utf8)
        // The existing top-level key and the indented lines that continue it; blank
        // and comment lines belong to it only when an indented line follows them.
        var replaceStart: Int?
        var replaceEnd = closing
        for index in 1..<closing {
            let content = lines[index].content(bytes)
            if replaceStart == nil {
                if content.starts(with: prefix) {
                    replaceStart = index
                    replaceEnd = index + 1
                }
                continue
            }
            let text = trimmed(content.drop(while: { $0 == 0x20 || $0 == 0x09 }))
            if text.isEmpty || text.first == UInt8(ascii: "#") { continue }
            guard let lead = content.first, lead == 0x20 || lead == 0x09 else { break }
            replaceEnd = index + 1
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + block.count)
        if let start = replaceStart {
            out += bytes[0..<lines[start].start]
            out += block
            out += bytes[lines[replaceEnd].start...]
        } else {
            out += bytes[0..<lines[closing].start]
            out += block
            out += bytes[lines[closing].start...]
        }
        return .success(out)
    }

    private struct Line {
        let start: Int
        /// Past the line feed (or the end of the file).
        let end: Int

        func content(_ bytes: [UInt8], dropBOM: Bool = false) -> ArraySlice<UInt8> {
            var from = start
            if dropBOM, bytes.count >= from + 3, bytes[from] == 0xEF, bytes[from + 1] == 0xBB, bytes[from + 2] == 0xBF { from += 3 }
            var to = end
            if to > from, bytes[to - 1] == 0x0A { to -= 1 }
            if to > from, bytes[to - 1] == 0x0D { to -= 1 }
            return bytes[from..<to]
        }

        func terminator(_ bytes: [UInt8]) -> [UInt8] {
            guard end > start, bytes[end - 1] == 0x0A else { return [] }
            return end - 2 >= start && bytes[end - 2] == 0x0D ? [0x0D, 0x0A] : [0x0A]
        }
    }

    private static func splitLines(_ bytes: [UInt8]) -> [Line] {
        var lines: [Line] = []
        var start = 0
        for (offset, byte) in bytes.enumerated() where byte == 0x0A {
            lines.append(Line(start: start, end: offset + 1))
            start = offset + 1
        }
        if start < bytes.count { lines.append(Line(start: start, end: bytes.count)) }
        // A file ending in a newline still has a (empty) place after its last line.
        lines.append(Line(start: bytes.count, end: bytes.count))
        return lines
    }

    private static func isMarker(_ content: ArraySlice<UInt8>) -> Bool { trimmed(content).elementsEqual(Array("---".utf8)) }
    private static func isDots(_ content: ArraySlice<UInt8>) -> Bool { trimmed(content).elementsEqual(Array("...".utf8)) }

    private static func trimmed(_ content: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var slice = content
        while let last = slice.last, last == 0x20 || last == 0x09 { slice = slice.dropLast() }
        return slice
    }
}
