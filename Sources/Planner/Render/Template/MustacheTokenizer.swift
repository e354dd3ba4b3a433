/// The first pass over a template: text runs and tags with their positions,
/// set delimiters applied. Which lines are standalone is decided afterwards
/// (`MustacheLines`), when every tag of a line is known.
struct RawTag {
    /// The byte after the opening delimiter when it is one of `#^/!>&=%<${`, else 0.
    let sigil: UInt8
    /// What is between the sigil and the closing delimiter, trimmed.
    let content: String
    /// Byte range in the source, delimiters included.
    let start: Int
    let end: Int
    let line: Int
    let column: Int
}

enum RawPiece {
    case text(start: Int, end: Int)
    case tag(RawTag)
}

enum MustacheTokenizer {
    static func pieces(_ bytes: [UInt8]) throws(TemplateParseError) -> [RawPiece] {
        var pieces: [RawPiece] = []
        var open: [UInt8] = Array("{{".utf8)
        var close: [UInt8] = Array("}}".utf8)
        var index = 0
        var textStart = 0
        var line = 1
        var lineStart = 0

        func matches(_ pattern: [UInt8], at position: Int) -> Bool {
            guard position + pattern.count <= bytes.count else { return false }
            for offset in 0..<pattern.count where bytes[position + offset] != pattern[offset] { return false }
            return true
        }

        while index < bytes.count {
            if bytes[index] == 0x0A {
                index += 1
                line += 1
                lineStart = index
                continue
            }
            guard matches(open, at: index) else {
                index += 1
                continue
            }
            let tagStart = index
            let tagLine = line
            let tagColumn = String(decoding: bytes[lineStart..<tagStart], as: UTF8.self).count + 1
            var cursor = tagStart + open.count
            var sigil: UInt8 = cursor < bytes.count ? bytes[cursor] : 0
            switch sigil {
            case UInt8(ascii: "#"), UInt8(ascii: "^"), UInt8(ascii: "/"), UInt8(ascii: "!"), UInt8(ascii: ">"),
                UInt8(ascii: "&"), UInt8(ascii: "="), UInt8(ascii: "%"), UInt8(ascii: "<"), UInt8(ascii: "$"), UInt8(ascii: "{"):
                cursor += 1
            default:
                sigil = 0
            }
            // The tag's content runs to the closing delimiter (`}` + close for `{{{`, `=` + close for `{{=`).
            let closing =
                sigil == UInt8(ascii: "{") ? [UInt8(ascii: "}")] + close : (sigil == UInt8(ascii: "=") ? [UInt8(ascii: "=")] + close : close)
            var end = cursor
            while end < bytes.count, !matches(closing, at: end) {
                if bytes[end] == 0x0A, sigil != UInt8(ascii: "!") { break }
                end += 1
            }
            guard end < bytes.count, matches(closing, at: end) else {
                throw TemplateParseError(
                    message: Localized(
                        zh: "标签没有闭合（缺少 “\(String(decoding: closing, as: UTF8.self))”）。",
                        en: "The tag is not closed (“\(String(decoding: closing, as: UTF8.self))” is missing)."),
                    line: tagLine, column: tagColumn)
            }
            let content = String(decoding: bytes[cursor..<end], as: UTF8.self).trimmingCharacters(in: .whitespaces)
            let tagEnd = end + closing.count
            // Lines in a comment count for the positions after it.
            for position in tagStart..<tagEnd where bytes[position] == 0x0A {
                line += 1
                lineStart = position + 1
            }
            if sigil == UInt8(ascii: "=") {
                let parts = content.split(whereSeparator: { $0 == " " || $0 == "\t" })
                guard parts.count == 2, !parts[0].contains("="), !parts[1].contains("=") else {
                    throw TemplateParseError(
                        message: Localized(zh: "设置分隔符的标签 “\(content)” 无效。", en: "The set-delimiter tag “\(content)” is not valid."),
                        line: tagLine, column: tagColumn)
                }
                open = Array(parts[0].utf8)
                close = Array(parts[1].utf8)
            }
            pieces.append(.text(start: textStart, end: tagStart))
            pieces.append(.tag(RawTag(sigil: sigil, content: content, start: tagStart, end: tagEnd, line: tagLine, column: tagColumn)))
            index = tagEnd
            textStart = tagEnd
        }
        pieces.append(.text(start: textStart, end: bytes.count))
        return pieces
    }
}
