import Foundation

/// A content file's text split into its YAML front matter and Markdown body.
public struct SplitDocument: Sendable {
    public let yaml: String
    /// The file line on which the YAML starts (2: after the opening `---`).
    public let yamlFirstLine: Int
    public let body: String
    /// The file line on which the body starts.
    public let bodyLine: Int
    /// The opening and closing marker lines, each with its line feed.
    public let opening: String
    public let closing: String

    public init(yaml: String, yamlFirstLine: Int, body: String, bodyLine: Int, opening: String, closing: String) {
        self.yaml = yaml
        self.yamlFirstLine = yamlFirstLine
        self.body = body
        self.bodyLine = bodyLine
        self.opening = opening
        self.closing = closing
    }

    /// The text that was split, in pieces that join to it byte for byte and
    /// share their storage with `yaml` and `body`: what a report quotes is
    /// kept without a second copy of every file.
    public var parts: [String] { [opening, yaml, closing, body] }
}

/// Decodes bytes as UTF-8 text (BOM and CRLF accepted) and splits the front
/// matter off. Only a line that is exactly `---` closes it: YAML forbids a
/// document marker at column 0 inside a scalar, so no string can fake one,
/// and every later `---` belongs to the body.
public enum FrontMatterSplitter {
    public static let defaultMaximumSize = 1 << 20

    public enum Failure: Error, Equatable, Sendable {
        case tooLarge(size: Int, limit: Int)
        case utf16
        case nulByte(line: Int, column: Int)
        case invalidUTF8(line: Int, column: Int)
        case empty
        case missingOpening
        case unterminated
    }

    /// UTF-8 text with the BOM dropped and CRLF turned into LF; line numbers are unchanged.
    public static func decodeText(_ data: Data, maximumSize: Int = defaultMaximumSize) -> Result<String, Failure> {
        if data.count > maximumSize { return .failure(.tooLarge(size: data.count, limit: maximumSize)) }
        return decodeText(bytes: [UInt8](data), maximumSize: maximumSize)
    }

    /// `decodeText` of bytes already read.
    static func decodeText(bytes: [UInt8], maximumSize: Int = defaultMaximumSize) -> Result<String, Failure> {
        if bytes.count > maximumSize { return .failure(.tooLarge(size: bytes.count, limit: maximumSize)) }
        var bytes = bytes
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            return .failure(.utf16)
        }
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { bytes.removeFirst(3) }
        // memchr: a byte-at-a-time search costs as much as the rest of decoding.
        let (nul, carriageReturn) = bytes.withUnsafeBytes { raw -> (Int?, Bool) in
            guard let base = raw.baseAddress else { return (nil, false) }
            let nul = memchr(base, 0, raw.count).map { base.distance(to: UnsafeRawPointer($0)) }
            return (nul, memchr(base, 13, raw.count) != nil)
        }
        if let nul {
            let (line, column) = position(of: nul, in: bytes)
            return .failure(.nulByte(line: line, column: column))
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let bad = firstInvalidUTF8Offset(bytes)
            let (line, column) = position(of: bad, in: bytes)
            return .failure(.invalidUTF8(line: line, column: column))
        }
        if !carriageReturn { return .success(text) }
        return .success(text.replacingOccurrences(of: "\r\n", with: "\n"))
    }

    public static func split(_ text: String) -> Result<SplitDocument, Failure> {
        // Only the first character matters when it is plain ASCII; otherwise
        // ask about whole characters, as whitespace is a property of those.
        let plainStart = text.utf8.first.map { $0 < 0x80 && $0 != 0x20 && !(0x09...0x0D).contains($0) } ?? false
        if !plainStart && text.allSatisfy({ $0.isWhitespace }) { return .failure(.empty) }
        var copy = text
        return copy.withUTF8 { utf8 in
            // Lines end at a line feed, except one after a carriage return:
            // the two make one character, which is not "\n" (CRLF is gone
            // by now, but "\r\r\n" leaves one).
            var lineStart = 0
            var lineNumber = 0
            var yamlStart: Int?
            while lineStart < utf8.count {
                var lineEnd = lineStart
                while lineEnd < utf8.count && !(utf8[lineEnd] == 0x0A && (lineEnd == 0 || utf8[lineEnd - 1] != 0x0D)) {
                    lineEnd += 1
                }
                lineNumber += 1
                let line = UnsafeBufferPointer(rebasing: utf8[lineStart..<lineEnd])
                let next = lineEnd < utf8.count ? lineEnd + 1 : utf8.count
                if lineNumber == 1 {
                    guard isMarker(line, of: 0x2D) else { return .failure(.missingOpening) }
                    yamlStart = next
                } else if isMarker(line, of: 0x2D) || isMarker(line, of: 0x2E), let start = yamlStart {
                    return .success(
                        SplitDocument(
                            yaml: slice(of: text, start..<lineStart), yamlFirstLine: 2,
                            body: slice(of: text, next..<utf8.count), bodyLine: lineNumber + 1,
                            opening: slice(of: text, 0..<start), closing: slice(of: text, lineStart..<next)))
                }
                lineStart = next
            }
            return .failure(.unterminated)
        }
    }

    /// The text between two UTF-8 offsets on scalar boundaries, copied
    /// from the String (decoding the bytes again would validate them again).
    private static func slice(of text: String, _ range: Range<Int>) -> String {
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
        let end = utf8.index(start, offsetBy: range.count)
        return String(text[start..<end])
    }

    /// `---` (a fence) or `...` (an end marker), then only spaces, tabs and
    /// carriage returns. Bytes give the same answer as characters: a mark
    /// that would join the third dash into another character is not one of
    /// the bytes allowed after it.
    private static func isMarker(_ line: UnsafeBufferPointer<UInt8>, of byte: UInt8) -> Bool {
        guard line.count >= 3, line[0] == byte, line[1] == byte, line[2] == byte else { return false }
        return line.dropFirst(3).allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }

    static func position(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        var index = 0
        while index < offset && index < bytes.count {
            if bytes[index] == 10 {
                line += 1
                column = 1
            } else if bytes[index] & 0xC0 != 0x80 {
                column += 1
            }
            index += 1
        }
        return (line, column)
    }

    private static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return index
            }
            guard index + length <= bytes.count else { return index }
            for next in 1..<max(1, length) where bytes[index + next] & 0xC0 != 0x80 { return index }
            if length > 1, String(validating: bytes[index..<index + length], as: UTF8.self) == nil { return index }
            index += length
        }
        return index
    }
}

extension FrontMatterSplitter.Failure {
    var message: Localized {
        switch self {
        case .tooLarge(let size, let limit):
            return Localized(
                zh: "文件有 \(size) 字节，超过了 \(limit) 字节的上限。",
                en: "The file is \(size) bytes, over the limit of \(limit) bytes.")
        case .utf16:
            return Localized(zh: "文件是 UTF-16 编码；请存为 UTF-8。", en: "The file is UTF-16; save it as UTF-8.")
        case .nulByte:
            return Localized(zh: "文件里有 NUL 字节（可能是二进制文件或保存到一半）。", en: "The file contains a NUL byte (binary, or half-saved).")
        case .invalidUTF8:
            return Localized(zh: "文件不是有效的 UTF-8 文本。", en: "The file is not valid UTF-8 text.")
        case .empty:
            return Localized(zh: "文件是空的，缺少文件头（front matter）。", en: "The file is empty: it has no front matter.")
        case .missingOpening:
            return Localized(
                zh: "文件第一行必须是 ---，开始文件头（front matter）。",
                en: "The first line must be --- to open the front matter.")
        case .unterminated:
            return Localized(
                zh: "文件头（front matter）没有用一行 --- 结束。",
                en: "The front matter is not closed by a line ---.")
        }
    }

    var hint: Localized {
        switch self {
        case .tooLarge: return Localized(zh: "把正文拆成几条内容，或把大文件放进 assets/。", en: "Split the copy, or move large files to assets/.")
        case .utf16, .invalidUTF8, .nulByte:
            return Localized(zh: "用编辑器把文件另存为 UTF-8。", en: "Save the file again as UTF-8 in your editor.")
        case .empty, .missingOpening, .unterminated:
            return Localized(zh: "文件应以 --- 开头，写完键值后再用一行 --- 结束。", en: "Start the file with ---, write the keys, and close them with a line ---.")
        }
    }

    var position: (line: Int, column: Int) {
        switch self {
        case .nulByte(let line, let column), .invalidUTF8(let line, let column): return (line, column)
        default: return (1, 1)
        }
    }

    var code: String {
        switch self {
        case .tooLarge: return "too-large"
        case .utf16: return "utf16"
        case .nulByte: return "nul"
        case .invalidUTF8: return "utf8"
        case .empty: return "empty"
        case .missingOpening: return "no-opening"
        case .unterminated: return "unterminated"
        }
    }

    func diagnostic(file: String, id: String) -> Diagnostic {
        let (line, column) = position
        return Diagnostic(
            ruleID: "front-matter", severity: .error, message: message,
            location: SourceLocation(file: file, line: line, column: column), hint: hint,
            fingerprint: Fingerprint.make(["front-matter", id, code]))
    }
}
