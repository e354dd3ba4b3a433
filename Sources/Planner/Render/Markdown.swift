internal import CCmark
import Foundation

/// GitHub-flavoured Markdown to HTML through libcmark-gfm, in safe mode: raw
/// HTML is dropped and `javascript:`/`vbscript:`/`file:`/`data:` links are
/// blanked by cmark itself. This is the only file that touches the C API.
public struct MarkdownRenderer: Sendable {
    private static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    /// Registration is not thread-safe, so it happens once, lazily, under Swift's
    /// thread-safe static initialisation.
    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    public init() {
        _ = Self.registered
    }

    public func html(_ markdown: String) -> String {
        render(markdown) { document, options, extensions in cmark_render_html(document, options, extensions) }
    }

    /// The copy as plain text, ready to paste where Markdown means nothing (a
    /// moments post, a group chat): emphasis marks dropped, lists kept as `1.`/`-`.
    public func plainText(_ markdown: String) -> String {
        let text = render(markdown) { document, options, _ in cmark_render_plaintext(document, options, 0) }
        // cmark pads list markers (`1.  item`); one space reads better in a chat.
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let string = String(line)
            guard let range = string.range(of: #"^\s*(\d+[.)]|[-*+])\s{2,}"#, options: .regularExpression) else { return string }
            let marker = string[range].trimmingCharacters(in: .whitespaces)
            let indent = string[range].prefix { $0 == " " }
            return indent + marker + " " + string[range.upperBound...]
        }
        return lines.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private func render(
        _ markdown: String,
        _ renderer: (OpaquePointer?, Int32, UnsafeMutablePointer<cmark_llist>?) -> UnsafeMutablePointer<CChar>?
    ) -> String {
        _ = Self.registered
        // CMARK_OPT_SAFE is the default in this cmark-gfm; UNSAFE is never set.
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES
        guard let parser = cmark_parser_new(options) else { return "" }
        defer { cmark_parser_free(parser) }
        for name in Self.extensionNames {
            if let syntaxExtension = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntaxExtension)
            }
        }
        Self.boundingNesting(markdown).withCString { pointer in
            cmark_parser_feed(parser, pointer, strlen(pointer))
        }
        guard let document = cmark_parser_finish(parser) else { return "" }
        defer { cmark_node_free(document) }
        let extensions = cmark_parser_get_syntax_extensions(parser)
        guard let rendered = renderer(document, options, extensions) else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }

    /// Block quotes and lists opened on one line, at most; deeper markers are
    /// escaped and read as text.
    static let maximumNesting = 32

    /// cmark-gfm does not recurse on nesting, but a line of a million `>` or
    /// `- ` costs it time far beyond its length. Container markers past
    /// `maximumNesting` on one line get a backslash, so they stay literal
    /// text; ordinary copy never comes near the bound and is left as it is.
    static func boundingNesting(_ markdown: String) -> String {
        let bytes = Array(markdown.utf8)
        var escapes: [Int] = []
        var index = 0
        let count = bytes.count
        func isBlank(_ at: Int) -> Bool { at >= count || bytes[at] == 32 || bytes[at] == 9 || bytes[at] == 10 }
        while index < count {
            // At a line start: count the container markers that open the line.
            var markers = 0
            var position = index
            scan: while position < count {
                switch bytes[position] {
                case 32, 9:
                    position += 1
                    continue scan
                case UInt8(ascii: ">"):
                    markers += 1
                    if markers > maximumNesting {
                        escapes.append(position)
                        break scan
                    }
                    position += 1
                case UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "+"):
                    guard isBlank(position + 1) else { break scan }
                    markers += 1
                    if markers > maximumNesting {
                        escapes.append(position)
                        break scan
                    }
                    position += 1
                case UInt8(ascii: "0")...UInt8(ascii: "9"):
                    var end = position
                    while end < count, end - position < 10, bytes[end] >= 48, bytes[end] <= 57 { end += 1 }
                    guard end < count, bytes[end] == UInt8(ascii: ".") || bytes[end] == UInt8(ascii: ")"), isBlank(end + 1)
                    else { break scan }
                    markers += 1
                    if markers > maximumNesting {
                        escapes.append(end)
                        break scan
                    }
                    position = end + 1
                default:
                    break scan
                }
            }
            while position < count, bytes[position] != 10 { position += 1 }
            index = position + 1
        }
        if escapes.isEmpty { return markdown }
        var output: [UInt8] = []
        output.reserveCapacity(count + escapes.count)
        var start = 0
        for escape in escapes {
            output += bytes[start..<escape]
            output.append(UInt8(ascii: "\\"))
            start = escape
        }
        output += bytes[start...]
        return String(decoding: output, as: UTF8.self)
    }
}
