/// A Mustache template parsed once into a tree, rendered many times.
///
/// Supports the Mustache spec's core: variables (`{{name}}` escaped,
/// `{{{name}}}` and `{{&name}}` raw), dotted names, `.`, sections, inverted
/// sections, comments, partials (with standalone indentation) and set
/// delimiters. Pragmas (`{{%…}}`) are read and ignored. Standalone tags take
/// their whole line with them, as the spec says.
struct CompiledTemplate: Sendable {
    let nodes: [TemplateNode]
}

indirect enum TemplateNode: Sendable {
    case text([UInt8])
    case variable(TemplateName, escaped: Bool)
    case section(TemplateName, inverted: Bool, body: [TemplateNode])
    case partial(String, indentation: [UInt8])
}

/// A name split at its dots once, at parse time.
struct TemplateName: Sendable {
    /// Empty for `.` (the current value).
    let parts: [TemplateKey]
    /// `.name`: look only at the current value, never climb.
    let anchored: Bool

    init(_ text: String) {
        if text == "." {
            parts = []
            anchored = true
        } else {
            anchored = text.hasPrefix(".")
            parts = text.split(separator: ".").map { TemplateKey(String($0)) }
        }
    }
}

struct TemplateParseError: Error, CustomStringConvertible {
    let message: Localized
    /// 1-based, in the template file.
    let line: Int
    let column: Int
    var description: String { "\(line):\(column): \(message.en)" }
}

enum MustacheParser {
    private enum Token {
        case text([UInt8])
        case variable(String, escaped: Bool, line: Int, column: Int)
        case open(String, inverted: Bool, line: Int, column: Int)
        case close(String, line: Int, column: Int)
        case partial(String, indentation: [UInt8])
    }

    static func parse(_ source: String) throws(TemplateParseError) -> CompiledTemplate {
        let tokens = try tokenize(Array(source.utf8))
        var position = 0
        let nodes = try build(tokens, from: &position, closing: nil)
        return CompiledTemplate(nodes: nodes)
    }

    private static func build(_ tokens: [Token], from position: inout Int, closing: (name: String, line: Int, column: Int)?) throws(TemplateParseError) -> [TemplateNode] {
        var nodes: [TemplateNode] = []
        while position < tokens.count {
            let token = tokens[position]
            position += 1
            switch token {
            case .text(let bytes):
                if case .text(let previous)? = nodes.last {
                    nodes[nodes.count - 1] = .text(previous + bytes)
                } else if !bytes.isEmpty {
                    nodes.append(.text(bytes))
                }
            case .variable(let name, let escaped, _, _):
                nodes.append(.variable(TemplateName(name), escaped: escaped))
            case .open(let name, let inverted, let line, let column):
                let body = try build(tokens, from: &position, closing: (name, line, column))
                nodes.append(.section(TemplateName(name), inverted: inverted, body: body))
            case .close(let name, let line, let column):
                guard let closing else {
                    throw TemplateParseError(
                        message: Localized(zh: "“{{/\(name)}}” 没有对应的开始标签。", en: "“{{/\(name)}}” closes a section that was never opened."),
                        line: line, column: column)
                }
                guard closing.name == name else {
                    throw TemplateParseError(
                        message: Localized(
                            zh: "“{{/\(name)}}” 与第 \(closing.line) 行的 “{{#\(closing.name)}}” 不匹配。",
                            en: "“{{/\(name)}}” does not close “{{#\(closing.name)}}” opened on line \(closing.line)."),
                        line: line, column: column)
                }
                return nodes
            case .partial(let name, let indentation):
                nodes.append(.partial(name, indentation: indentation))
            }
        }
        if let closing {
            throw TemplateParseError(
                message: Localized(zh: "“{{#\(closing.name)}}” 没有结束标签。", en: "“{{#\(closing.name)}}” is never closed."),
                line: closing.line, column: closing.column)
        }
        return nodes
    }

    // MARK: - Tokens

    private static func tokenize(_ bytes: [UInt8]) throws(TemplateParseError) -> [Token] {
        var tokens: [Token] = []
        var open: [UInt8] = Array("{{".utf8)
        var close: [UInt8] = Array("}}".utf8)
        var index = 0
        var textStart = 0
        var line = 1

        func matches(_ pattern: [UInt8], at position: Int) -> Bool {
            guard position + pattern.count <= bytes.count else { return false }
            for offset in 0..<pattern.count where bytes[position + offset] != pattern[offset] { return false }
            return true
        }
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
        func column(_ position: Int) -> Int {
            String(decoding: bytes[lineStartOf(position, in: bytes)..<position], as: UTF8.self).count + 1
        }

        while index < bytes.count {
            if bytes[index] == 0x0A {
                index += 1
                line += 1
                continue
            }
            guard matches(open, at: index) else {
                index += 1
                continue
            }
            let tagStart = index
            let tagLine = line
            let tagColumn = column(tagStart)
            var cursor = tagStart + open.count
            let sigil: UInt8? = cursor < bytes.count ? bytes[cursor] : nil
            var tripleBrace = false
            switch sigil {
            case UInt8(ascii: "#"), UInt8(ascii: "^"), UInt8(ascii: "/"), UInt8(ascii: "!"), UInt8(ascii: ">"),
                UInt8(ascii: "&"), UInt8(ascii: "="), UInt8(ascii: "%"), UInt8(ascii: "<"), UInt8(ascii: "$"):
                cursor += 1
            case UInt8(ascii: "{"):
                cursor += 1
                tripleBrace = true
            default:
                break
            }
            // The tag's content runs to the closing delimiter (`}` + close for `{{{`).
            let closing = tripleBrace ? [UInt8(ascii: "}")] + close : (sigil == UInt8(ascii: "=") ? [UInt8(ascii: "=")] + close : close)
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
            var tagEnd = end + closing.count
            // Lines in a comment count for the positions after it.
            for byte in bytes[tagStart..<tagEnd] where byte == 0x0A { line += 1 }

            let standaloneKind: Bool
            switch sigil {
            case UInt8(ascii: "#"), UInt8(ascii: "^"), UInt8(ascii: "/"), UInt8(ascii: "!"), UInt8(ascii: ">"),
                UInt8(ascii: "="), UInt8(ascii: "%"):
                standaloneKind = true
            default:
                standaloneKind = false
            }
            // Standalone: only blanks before it on its line (so no other tag) and after it up to the newline.
            var indentation: [UInt8] = []
            var standalone = false
            if standaloneKind, bytes[lineStartOf(tagStart, in: bytes)..<tagStart].allSatisfy(isSpace) {
                var after = tagEnd
                while after < bytes.count, isSpace(bytes[after]) { after += 1 }
                if after == bytes.count || bytes[after] == 0x0A || (bytes[after] == 0x0D && after + 1 < bytes.count && bytes[after + 1] == 0x0A) {
                    standalone = true
                    let start = lineStartOf(tagStart, in: bytes)
                    indentation = Array(bytes[start..<tagStart])
                    tokens.append(.text(Array(bytes[textStart..<start])))
                    if after < bytes.count {
                        after += bytes[after] == 0x0D ? 2 : 1
                        line += 1
                    }
                    tagEnd = after
                }
            }
            if !standalone { tokens.append(.text(Array(bytes[textStart..<tagStart]))) }

            func invalid(_ zh: String, _ en: String) -> TemplateParseError {
                TemplateParseError(message: Localized(zh: zh, en: en), line: tagLine, column: tagColumn)
            }
            func requireName() throws(TemplateParseError) -> String {
                guard !content.isEmpty, !content.contains(where: { $0 == " " || $0 == "\t" }) else {
                    throw invalid("标签 “\(content)” 的名字无效。", "The tag “\(content)” does not name a value.")
                }
                return content
            }
            switch sigil {
            case UInt8(ascii: "#"): tokens.append(.open(try requireName(), inverted: false, line: tagLine, column: tagColumn))
            case UInt8(ascii: "^"): tokens.append(.open(try requireName(), inverted: true, line: tagLine, column: tagColumn))
            case UInt8(ascii: "/"): tokens.append(.close(try requireName(), line: tagLine, column: tagColumn))
            case UInt8(ascii: "!"), UInt8(ascii: "%"): break
            case UInt8(ascii: ">"): tokens.append(.partial(try requireName(), indentation: standalone ? indentation : []))
            case UInt8(ascii: "&"), UInt8(ascii: "{"):
                tokens.append(.variable(try requireName(), escaped: false, line: tagLine, column: tagColumn))
            case UInt8(ascii: "="):
                let parts = content.split(whereSeparator: { $0 == " " || $0 == "\t" })
                guard parts.count == 2, !parts[0].contains("="), !parts[1].contains("=") else {
                    throw invalid("设置分隔符的标签 “\(content)” 无效。", "The set-delimiter tag “\(content)” is not valid.")
                }
                open = Array(parts[0].utf8)
                close = Array(parts[1].utf8)
            case UInt8(ascii: "<"), UInt8(ascii: "$"):
                throw invalid("不支持模板继承（“{{<…}}”、“{{$…}}”）。", "Template inheritance (“{{<…}}”, “{{$…}}”) is not supported.")
            default:
                tokens.append(.variable(try requireName(), escaped: true, line: tagLine, column: tagColumn))
            }
            index = tagEnd
            textStart = tagEnd
        }
        tokens.append(.text(Array(bytes[textStart..<bytes.count])))
        return tokens
    }

    private static func lineStartOf(_ position: Int, in bytes: [UInt8]) -> Int {
        var start = position
        while start > 0, bytes[start - 1] != 0x0A { start -= 1 }
        return start
    }
}
