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
        guard let rendered = cmark_render_html(document, options, extensions) else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }
}
