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
        markdown.withCString { pointer in
            cmark_parser_feed(parser, pointer, strlen(pointer))
        }
        guard let document = cmark_parser_finish(parser) else { return "" }
        defer { cmark_node_free(document) }
        let extensions = cmark_parser_get_syntax_extensions(parser)
        guard let rendered = renderer(document, options, extensions) else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }
}
