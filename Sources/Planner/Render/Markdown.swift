internal import CCmark
import Foundation

/// GitHub-flavoured Markdown to HTML through libcmark-gfm, in safe mode: raw
/// HTML is dropped and `javascript:`/`vbscript:`/`file:`/`data:` links are
/// blanked by cmark itself. This is the only file that touches the C API.
public struct MarkdownRenderer: Sendable {
    private static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    /// Registration is not thread-safe, so it happens once, lazily, under Swift's
    /// thread-safe static initialisation. Kept as addresses: the plain-text
    /// walker tells the extensions' nodes apart by them.
    private static let registered: [UInt] = {
        cmark_gfm_core_extensions_ensure_registered()
        return extensionNames.map { UInt(bitPattern: cmark_find_syntax_extension($0)) }
    }()

    /// cmark-gfm marks the extensions' special characters (`~`, `:`, `w`…) in
    /// one process-wide table when it starts parsing inlines and clears them
    /// when it is done (cmark-gfm pull request 176), so two parses at once
    /// could render `~~struck~~` or a bare URL as plain text. Pages render on
    /// all cores: the inline phase (`cmark_parser_finish`, a tenth of the
    /// Markdown work) runs one at a time; block parsing and rendering do not.
    private static let inlinePhase = NSLockShim()

    private static let walkerExtensions = PlainTextWalker.Extensions(
        table: registered[0], strikethrough: registered[1], tasklist: registered[4])

    public init() {
        _ = Self.registered
    }

    public func html(_ markdown: String) -> String {
        withDocument(markdown) { document, options, extensions in
            Self.take(cmark_render_html(document, options, extensions))
        } ?? ""
    }

    /// The copy as HTML and as plain text (`plainText`) from one parse, as
    /// UTF-8: every item needs both, parsing is most of the cost, and the
    /// bytes go into pages and feeds as they are (cmark writes valid UTF-8
    /// from a Swift string, so they need no second validation).
    func htmlAndPlainText(_ markdown: String) -> (html: [UInt8], plain: [UInt8]) {
        withDocument(markdown) { document, options, extensions in
            (Self.takeBytes(cmark_render_html(document, options, extensions)) { Array($0) },
             Self.plainTextBytes(document, options: options, capacity: markdown.utf8.count))
        } ?? ([], [])
    }

    /// The copy as plain text, ready to paste where Markdown means nothing (a
    /// moments post, a group chat): emphasis marks dropped, lists kept as `1.`/`-`.
    public func plainText(_ markdown: String) -> String {
        String(decoding: plainTextBytes(markdown), as: UTF8.self)
    }

    /// `plainText` as UTF-8, for pages that show only the plain text.
    func plainTextBytes(_ markdown: String) -> [UInt8] {
        withDocument(markdown) { document, options, _ in
            Self.plainTextBytes(document, options: options, capacity: markdown.utf8.count)
        } ?? []
    }

    /// `plainTextBytes` through cmark's own plain-text renderer: the oracle
    /// the differential tests hold `PlainTextWalker` to. Used only by tests.
    func plainTextByCmark(_ markdown: String) -> [UInt8] {
        withDocument(markdown) { document, options, _ in
            Self.takeBytes(cmark_render_plaintext(document, options, 0)) { Self.tidyPlainText(bytes: $0) }
        } ?? []
    }

    private static func plainTextBytes(_ document: UnsafeMutablePointer<cmark_node>, options: Int32, capacity: Int) -> [UInt8] {
        if let raw = PlainTextWalker.render(document, extensions: walkerExtensions, capacity: capacity) {
            return raw.withUnsafeBufferPointer { tidyPlainText(bytes: $0) }
        }
        return takeBytes(cmark_render_plaintext(document, options, 0)) { tidyPlainText(bytes: $0) }
    }

    /// Parses `markdown` with the extensions attached and hands the document to `body`.
    private func withDocument<Result>(
        _ markdown: String,
        _ body: (UnsafeMutablePointer<cmark_node>, Int32, UnsafeMutablePointer<cmark_llist>?) -> Result
    ) -> Result? {
        // CMARK_OPT_SAFE is the default in this cmark-gfm; UNSAFE is never set.
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES
        guard let parser = cmark_parser_new(options) else { return nil }
        defer { cmark_parser_free(parser) }
        for address in Self.registered {
            if let syntaxExtension = OpaquePointer(bitPattern: address) {
                cmark_parser_attach_syntax_extension(parser, syntaxExtension)
            }
        }
        var bounded = Self.boundingNesting(markdown)
        bounded.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
        }
        guard let document = Self.inlinePhase.withLock({ cmark_parser_finish(parser) }) else { return nil }
        defer { cmark_node_free(document) }
        return body(document, options, cmark_parser_get_syntax_extensions(parser))
    }
}

/// cmark-gfm's plain-text renderer (`render.c` and `plaintext.c` of 0.29.0,
/// width 0, with the table, strikethrough and tasklist extensions) replayed
/// over the parsed tree: the same bytes, but each literal is copied whole
/// where cmark decodes and re-encodes it one character at a time (that was a
/// fifth of a build). `MarkdownRenderer.plainTextByCmark` is the oracle a
/// differential test holds this to.
struct PlainTextWalker {
    typealias Node = UnsafeMutablePointer<cmark_node>

    /// Extension identities (addresses of cmark's registered extensions).
    struct Extensions { let table, strikethrough, tasklist: UInt }

    private let extensions: Extensions
    private var output: [UInt8] = []
    /// Spaces under list markers and footnotes; only ASCII, as in cmark.
    private var prefix: [UInt8] = []
    private var needCR = 0
    private var beginLine = true
    private var noLinebreaks = false
    private var inTightListItem = false
    private var footnoteIndex = 0

    private init(extensions: Extensions, capacity: Int) {
        self.extensions = extensions
        output.reserveCapacity(capacity)
    }

    /// cmark's plain text of `document`, or nil where the tree holds a node
    /// this walker does not know (then cmark's own renderer is used).
    static func render(_ document: Node, extensions: Extensions, capacity: Int) -> [UInt8]? {
        var walker = PlainTextWalker(extensions: extensions, capacity: capacity)
        guard let iterator = cmark_iter_new(document) else { return nil }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator),
                walker.visit(node, entering: event == CMARK_EVENT_ENTER)
            else { return nil }
        }
        if walker.output.last != 0x0A { walker.output.append(0x0A) }
        return walker.output
    }

    private mutating func visit(_ node: Node, entering: Bool) -> Bool {
        let type = node.kind
        // cmark leaves the tight state alone on entering a list's first item,
        // so the blank line between a paragraph and a following list stays.
        if !(type == CMARK_NODE_ITEM && node.pointee.prev == nil && entering) {
            inTightListItem = Self.isInTightListItem(node)
        }
        if let syntaxExtension = node.pointee.extension {
            switch UInt(bitPattern: syntaxExtension) {
            case extensions.table: table(node, entering: entering)
            case extensions.strikethrough: out(node, "~")
            case extensions.tasklist: taskItem(node, entering: entering)
            default: return false
            }
            return true
        }
        switch type {
        case CMARK_NODE_DOCUMENT, CMARK_NODE_BLOCK_QUOTE, CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE,
            CMARK_NODE_STRONG, CMARK_NODE_EMPH, CMARK_NODE_LINK, CMARK_NODE_IMAGE:
            break
        case CMARK_NODE_LIST:
            if !entering, let next = node.pointee.next, next.kind == CMARK_NODE_CODE_BLOCK || next.kind == CMARK_NODE_LIST {
                cr()
            }
        case CMARK_NODE_ITEM:
            item(node, entering: entering)
        case CMARK_NODE_HEADING:
            noLinebreaks = entering
            if !entering { blankLine() }
        case CMARK_NODE_CODE_BLOCK:
            let firstInListItem = node.pointee.prev == nil && node.pointee.parent?.kind == CMARK_NODE_ITEM
            if !firstInListItem { blankLine() }
            out(node, Self.bytes(node.pointee.as.code.literal), literal: true)
            blankLine()
        case CMARK_NODE_THEMATIC_BREAK:
            blankLine()
        case CMARK_NODE_PARAGRAPH:
            if !entering { blankLine() }
        case CMARK_NODE_TEXT:
            out(node, Self.bytes(node.pointee.as.literal), literal: false)
        case CMARK_NODE_LINEBREAK:
            cr()
        case CMARK_NODE_SOFTBREAK:
            // Width 0 and neither HARDBREAKS nor NOBREAKS: a line break, except in headings.
            if noLinebreaks { out(node, " ") } else { cr() }
        case CMARK_NODE_CODE:
            out(node, Self.bytes(node.pointee.as.literal), literal: true)
        case CMARK_NODE_FOOTNOTE_REFERENCE:
            if entering {
                out(node, "[^")
                out(node, Self.bytes(node.pointee.as.literal), literal: true)
                out(node, "]")
            }
        case CMARK_NODE_FOOTNOTE_DEFINITION:
            if entering {
                footnoteIndex += 1
                out(node, "[^")
                Array(String(footnoteIndex).utf8).withUnsafeBufferPointer { out(node, $0, literal: true) }
                out(node, "]: ")
                prefix.append(contentsOf: repeatElement(0x20, count: 4))
            } else {
                prefix.removeLast(min(4, prefix.count))
            }
        default:
            // Custom blocks and inlines (never parsed from text) and kinds
            // this walker does not know: cmark's renderer decides.
            return false
        }
        return true
    }

    private mutating func item(_ node: Node, entering: Bool) {
        guard let list = node.pointee.parent else { return }
        var marker = Array("  - ".utf8)
        if cmark_node_get_list_type(list) != CMARK_BULLET_LIST {
            var number = Int(cmark_node_get_list_start(list))
            var sibling = node.pointee.prev
            while let previous = sibling {
                number += 1
                sibling = previous.pointee.prev
            }
            // At least four wide, as cmark pads it: `1.  `, `10. `.
            let delimiter = cmark_node_get_list_delim(list) == CMARK_PAREN_DELIM ? ")" : "."
            marker = Array("\(number)\(delimiter)\(number < 10 ? "  " : " ")".utf8)
        }
        if entering {
            marker.withUnsafeBufferPointer { out(node, $0, literal: true) }
            prefix.append(contentsOf: repeatElement(0x20, count: marker.count))
        } else {
            prefix.removeLast(min(marker.count, prefix.count))
            cr()
        }
    }

    /// tasklist.c's renderer, which takes the place of the item's own.
    private mutating func taskItem(_ node: Node, entering: Bool) {
        if entering {
            cr()
            out(node, node.pointee.as.list.checked ? "- [x] " : "- [ ] ")
            prefix.append(contentsOf: [0x20, 0x20])
        } else {
            prefix.removeLast(min(2, prefix.count))
            cr()
        }
    }

    /// table.c's renderer (the commonmark one, which cmark uses for plain text too).
    private mutating func table(_ node: Node, entering: Bool) {
        guard let parent = node.pointee.parent, isTable(parent) else {
            blankLine()  // the table itself
            return
        }
        guard let table = parent.pointee.parent, isTable(table) else {
            if entering {  // a row
                cr()
                out(node, "|")
            }
            return
        }
        // A cell; the header row is followed by the delimiter row.
        if entering {
            out(node, " ")
            return
        }
        out(node, " |")
        guard cmark_gfm_extensions_get_table_row_is_header(parent) != 0, node.pointee.next == nil else { return }
        cr()
        out(node, "|")
        let columns = Int(cmark_gfm_extensions_get_table_columns(table))
        if let alignments = cmark_gfm_extensions_get_table_alignments(table) {
            for column in 0..<columns {
                switch alignments[column] {
                case 0: out(node, " --- |")
                case UInt8(ascii: "l"): out(node, " :-- |")
                case UInt8(ascii: "c"): out(node, " :-: |")
                case UInt8(ascii: "r"): out(node, " --: |")
                default: break
                }
            }
        }
        cr()
    }

    private func isTable(_ node: Node) -> Bool {
        node.pointee.extension.map { UInt(bitPattern: $0) == extensions.table } ?? false
    }

    private mutating func cr() { needCR = max(needCR, 1) }

    private mutating func blankLine() { needCR = max(needCR, 2) }

    private mutating func out(_ node: Node, _ text: StaticString) {
        text.withUTF8Buffer { out(node, $0, literal: true) }
    }

    /// render.c's `S_out` without wrapping (width 0). In literal text a line
    /// break starts a new line under the prefix; in normal text it is copied.
    private mutating func out(_ node: Node, _ text: UnsafeBufferPointer<UInt8>, literal: Bool) {
        if inTightListItem && needCR > 1 { needCR = 1 }
        // Pending breaks: a line end is not repeated, and a blank line gets the prefix.
        var last = output.count - 1
        while needCR > 0 {
            if last < 0 || output[last] == 0x0A {
                last -= 1
            } else {
                output.append(0x0A)
                if needCR > 1 { output.append(contentsOf: prefix) }
            }
            beginLine = true
            needCR -= 1
        }
        guard !text.isEmpty else { return }
        let escapesPipes = memchr(text.baseAddress!, Int32(UInt8(ascii: "|")), text.count) != nil && escapesPipes(node)
        guard literal, memchr(text.baseAddress!, 0x0A, text.count) != nil else {
            if beginLine { output.append(contentsOf: prefix) }
            append(text, escapingPipes: escapesPipes)
            beginLine = false
            return
        }
        var start = 0
        while start < text.count {
            let end = MarkdownRenderer.lineEnd(text, from: start)
            if end > start {
                if beginLine { output.append(contentsOf: prefix) }
                append(UnsafeBufferPointer(rebasing: text[start..<end]), escapingPipes: escapesPipes)
                beginLine = false
            }
            if end < text.count {
                if beginLine { output.append(contentsOf: prefix) }
                output.append(0x0A)
                beginLine = true
            }
            start = end + 1
        }
    }

    private mutating func append(_ text: UnsafeBufferPointer<UInt8>, escapingPipes: Bool) {
        guard escapingPipes else {
            output.append(contentsOf: text)
            return
        }
        for byte in text {
            if byte == UInt8(ascii: "|") { output.append(UInt8(ascii: "\\")) }
            output.append(byte)
        }
    }

    /// The table extension's escape: cmark asks the nearest node (this one or
    /// an ancestor) that belongs to an extension, and only the table's
    /// escapes, and only `|` in what is not itself a table, row or cell.
    private func escapesPipes(_ node: Node) -> Bool {
        var current: Node? = node
        while let candidate = current {
            if let syntaxExtension = candidate.pointee.extension {
                return UInt(bitPattern: syntaxExtension) == extensions.table && candidate != node
            }
            current = candidate.pointee.parent
        }
        return false
    }

    /// Whether `node`'s block (itself, or the block that holds it) is a tight
    /// list's item or sits directly in one.
    private static func isInTightListItem(_ node: Node) -> Bool {
        var current: Node? = node
        // Block kinds are 0x8000 under the mask 0xC000 (cmark-gfm.h's CMARK_NODE_TYPE_BLOCK).
        while let candidate = current, candidate.pointee.type & 0xC000 != 0x8000 {
            current = candidate.pointee.parent
        }
        guard let block = current else { return false }
        if block.kind == CMARK_NODE_ITEM, isTightList(block.pointee.parent) { return true }
        if let parent = block.pointee.parent, parent.kind == CMARK_NODE_ITEM, isTightList(parent.pointee.parent) { return true }
        return false
    }

    private static func isTightList(_ node: Node?) -> Bool {
        guard let node, node.kind == CMARK_NODE_LIST else { return false }
        return node.pointee.as.list.tight
    }

    private static func bytes(_ chunk: cmark_chunk) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: chunk.data, count: chunk.data == nil ? 0 : Int(chunk.len))
    }
}

extension UnsafeMutablePointer<cmark_node> {
    fileprivate var kind: cmark_node_type { cmark_node_type(UInt32(pointee.type)) }
}
