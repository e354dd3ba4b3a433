import Foundation

/// Writes `review: {by, on, hash}` into an item file's front matter for
/// `plan-build review sign`, replacing an earlier `review:` block or adding
/// one before the closing `---`, and changes no other byte of the file.
public enum ReviewSigner {
    public enum Failure: Error, Equatable, Sendable {
        /// The file has no front matter block (or it is not closed).
        case noFrontMatter
        /// Not UTF-8, or otherwise unreadable as a content file.
        case unreadable
    }

    /// The body's SHA-256 as the `review-required` rule computes it: the text
    /// after the closing `---` line, BOM dropped and CRLF read as LF.
    public static func bodyHash(of bytes: [UInt8]) -> String? {
        guard case .success(let text) = FrontMatterSplitter.decodeText(bytes: bytes),
            case .success(let document) = FrontMatterSplitter.split(text)
        else { return nil }
        return SHA256.hex(document.body)
    }

    public static func sign(_ bytes: [UInt8], by name: String, on date: LocalDate) -> Result<[UInt8], Failure> {
        guard let hash = bodyHash(of: bytes) else {
            if case .success(let text) = FrontMatterSplitter.decodeText(bytes: bytes),
                case .failure = FrontMatterSplitter.split(text)
            {
                return .failure(.noFrontMatter)
            }
            return .failure(.unreadable)
        }
        let lines = splitLines(bytes)
        guard let first = lines.first, isMarker(first.content(bytes, dropBOM: true)) else { return .failure(.noFrontMatter) }
        guard let closing = lines.indices.dropFirst().first(where: { isMarker(lines[$0].content(bytes)) || isDots(lines[$0].content(bytes)) })
        else { return .failure(.noFrontMatter) }
        let newline: [UInt8] = first.terminator(bytes)
        let block = Array("review: {by: \(quoted(name)), on: \(date), hash: \(hash)}".utf8) + (newline.isEmpty ? [0x0A] : newline)
        // The existing top-level `review:` and the indented lines that continue it.
        var replaceStart: Int?
        var replaceEnd = closing
        for index in 1..<closing {
            let content = lines[index].content(bytes)
            if replaceStart == nil {
                if content.starts(with: Array("review:".utf8)) { replaceStart = index }
                continue
            }
            if let lead = content.first, lead == 0x20 || lead == 0x09 {
                continue
            }
            replaceEnd = index
            break
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

    /// A YAML double-quoted scalar.
    private static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 { out += String(format: "\\x%02X", scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }
}
