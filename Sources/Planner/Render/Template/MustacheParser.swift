/// A Mustache template parsed once into a tree, rendered many times.
///
/// Supports the whole core of the Mustache spec — variables (`{{name}}`
/// escaped, `{{{name}}}` and `{{&name}}` raw), dotted names, `.`, sections,
/// inverted sections, comments, partials (with standalone indentation) and set
/// delimiters — and its inheritance module: `{{<parent}}…{{/parent}}` renders
/// another template with the blocks it names (`{{$block}}…{{/block}}`)
/// filled in, and a block outside a parent marks what a child may replace,
/// its content being the default. Pragmas (`{{%…}}`) are read and ignored;
/// lambdas are not supported (template data is plain values).
struct CompiledTemplate: Sendable {
    let nodes: [TemplateNode]
    /// The partials and parents it names, where: a theme checks that it has them.
    let references: [TemplateReference]
}

struct TemplateReference: Sendable {
    let name: String
    let line: Int
    let column: Int
}

/// Text with the offsets where source lines start: an indented partial or a
/// moved block puts its indentation there and nowhere else.
struct TextRun: Sendable {
    let bytes: [UInt8]
    let lineStarts: [Int]
}

indirect enum TemplateNode: Sendable {
    case text(TextRun)
    case variable(TemplateName, escaped: Bool)
    case section(TemplateName, inverted: Bool, body: [TemplateNode])
    /// `{{>name}}`, or `{{<name}}…{{/name}}` with the blocks it fills.
    /// `indentation` is nil unless the tag is standalone.
    case partial(String, indentation: [UInt8]?, blocks: [TemplateBlock])
    /// `{{$name}}default{{/name}}` where a parent may fill it.
    case block(TemplateBlock)
}

/// A block: where it is filled in (`inline` when its line stays; then
/// `indentation` indents its further lines) or, inside a parent tag, what it
/// is filled with (`indentation`: the blanks its lines lose when moved).
struct TemplateBlock: Sendable {
    let name: String
    let body: [TemplateNode]
    let indentation: [UInt8]
    let inline: Bool
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
    static func parse(_ source: String) throws(TemplateParseError) -> CompiledTemplate {
        let bytes = Array(source.utf8)
        let tokens = MustacheLines.tokens(try MustacheTokenizer.pieces(bytes), in: bytes)
        var position = 0
        var references: [TemplateReference] = []
        let nodes = try build(tokens, bytes: bytes, from: &position, closing: nil, references: &references)
        return CompiledTemplate(nodes: nodes, references: references)
    }

    private static func build(_ tokens: [LineToken], bytes: [UInt8], from position: inout Int, closing: RawTag?,
        references: inout [TemplateReference]) throws(TemplateParseError)
        -> [TemplateNode]
    {
        var nodes: [TemplateNode] = []
        var text: [UInt8] = []
        var lineStarts: [Int] = []
        var hasText = false
        func flush() {
            if hasText { nodes.append(.text(TextRun(bytes: text, lineStarts: lineStarts))) }
            text = []
            lineStarts = []
            hasText = false
        }
        while position < tokens.count {
            let token = tokens[position]
            position += 1
            guard case .tag(let tag) = token.kind else {
                if case .text(let start, let end, let lineStart) = token.kind {
                    if lineStart { lineStarts.append(text.count) }
                    if lineStart || start < end { hasText = true }
                    text.append(contentsOf: bytes[start..<end])
                }
                continue
            }
            func invalid(_ zh: String, _ en: String) -> TemplateParseError {
                TemplateParseError(message: Localized(zh: zh, en: en), line: tag.line, column: tag.column)
            }
            func name() throws(TemplateParseError) -> String {
                guard !tag.content.isEmpty, !tag.content.contains(where: { $0 == " " || $0 == "\t" }) else {
                    throw invalid("标签 “\(tag.content)” 的名字无效。", "The tag “\(tag.content)” does not name a value.")
                }
                return tag.content
            }
            switch tag.sigil {
            case UInt8(ascii: "!"), UInt8(ascii: "%"), UInt8(ascii: "="):
                continue
            case UInt8(ascii: "/"):
                let closed = try name()
                guard let closing else {
                    throw invalid("“{{/\(closed)}}” 没有对应的开始标签。", "“{{/\(closed)}}” closes a section that was never opened.")
                }
                guard closing.content == closed else {
                    let opened = "{{\(Character(Unicode.Scalar(closing.sigil)))\(closing.content)}}"
                    throw invalid(
                        "“{{/\(closed)}}” 与第 \(closing.line) 行的 “\(opened)” 不匹配。",
                        "“{{/\(closed)}}” does not close “\(opened)” opened on line \(closing.line).")
                }
                flush()
                return nodes
            default:
                break
            }
            let tagName = try name()
            flush()
            if tag.sigil == UInt8(ascii: ">") || tag.sigil == UInt8(ascii: "<") {
                references.append(TemplateReference(name: tagName, line: tag.line, column: tag.column))
            }
            switch tag.sigil {
            case UInt8(ascii: "#"), UInt8(ascii: "^"):
                let body = try build(tokens, bytes: bytes, from: &position, closing: tag, references: &references)
                nodes.append(.section(TemplateName(tagName), inverted: tag.sigil == UInt8(ascii: "^"), body: body))
            case UInt8(ascii: ">"):
                nodes.append(.partial(tagName, indentation: token.standalone ? token.lineIndent ?? [] : nil, blocks: []))
            case UInt8(ascii: "<"):
                // Inside a parent only the blocks count; other text is ignored, as the spec says.
                let body = try build(tokens, bytes: bytes, from: &position, closing: tag, references: &references)
                let blocks = body.compactMap { node -> TemplateBlock? in if case .block(let block) = node { return block } else { return nil } }
                nodes.append(.partial(tagName, indentation: token.standalone ? token.lineIndent ?? [] : nil, blocks: blocks))
            case UInt8(ascii: "$"):
                let body = try build(tokens, bytes: bytes, from: &position, closing: tag, references: &references)
                if closing?.sigil == UInt8(ascii: "<") {
                    // Filling a parent's block: a standalone opening tag's content starts on the next line, whose blanks it loses.
                    nodes.append(.block(TemplateBlock(name: tagName, body: body, indentation: token.standalone ? token.nextLineIndent : [], inline: false)))
                } else if token.standalone {
                    nodes.append(.block(TemplateBlock(name: tagName, body: body, indentation: token.nextLineIndent, inline: false)))
                } else {
                    nodes.append(.block(TemplateBlock(name: tagName, body: body, indentation: token.lineIndent ?? [], inline: true)))
                }
            default:
                nodes.append(.variable(TemplateName(tagName), escaped: tag.sigil == 0))
            }
        }
        flush()
        if let closing {
            let opened = "{{\(Character(Unicode.Scalar(closing.sigil)))\(closing.content)}}"
            throw TemplateParseError(
                message: Localized(zh: "“\(opened)” 没有结束标签。", en: "“\(opened)” is never closed."),
                line: closing.line, column: closing.column)
        }
        return nodes
    }
}
