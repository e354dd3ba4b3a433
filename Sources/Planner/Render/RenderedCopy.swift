/// An item's copy rendered once, for every page and feed that shows it: its
/// own page and the playbook show the HTML, the playbook's copy box and the
/// calendar feeds the plain text. Rendered week by week, beside the pages
/// that use it, so a 50,000-item site never holds every copy at once.
struct RenderedCopy: Sendable {
    /// UTF-8, as written into pages and feeds.
    let html: [UInt8]
    let plain: [UInt8]
    /// Whether the plain text holds none of the characters HTML escaping
    /// replaces (most copy): then the three pages that show it copy it as it
    /// is, where each would otherwise scan it again.
    let plainIsEscapeFree: Bool

    /// The plain text as pages show it.
    var plainCopy: PlainCopy { PlainCopy(bytes: plain, escapeFree: plainIsEscapeFree) }

    init(html: [UInt8], plain: [UInt8]) {
        self.html = html
        self.plain = plain
        plainIsEscapeFree = plain.withUnsafeBufferPointer { !HTMLEscaping.changes(bytes: $0) }
    }

    /// With a cache (serve), an item whose body did not change keeps its rendered copy.
    static func make(_ item: Item, markdown: MarkdownRenderer, cache: CopyCache?) -> RenderedCopy {
        if let cached = cache?.copies[item.id], cached.body == item.body { return cached.copy }
        let (html, plain) = markdown.htmlAndPlainText(item.body)
        return RenderedCopy(html: html, plain: plain)
    }
}

/// An item's plain copy for a page (`RenderedCopy.plainCopy`).
struct PlainCopy: Sendable {
    let bytes: [UInt8]
    /// HTML escaping would leave it as it is.
    let escapeFree: Bool

    static let empty = PlainCopy(bytes: [], escapeFree: true)
}

/// Rendered copy by item id and the body it was rendered from, kept between
/// rebuilds in `serve`. Read during a render, replaced after it.
public final class CopyCache: @unchecked Sendable {  // used by one rebuild at a time
    var copies: [String: (body: String, copy: RenderedCopy)] = [:]

    public init() {}

    /// Puts the copies just rendered in place of older ones. Entries of items
    /// that left the plan are dropped once they could make up half the cache
    /// (an entry is only used while its body is the same, so a stale one is
    /// never wrong, only memory).
    func update(items: [Item], rendered: [Int: RenderedCopy]) {
        for (offset, copy) in rendered { copies[items[offset].id] = (items[offset].body, copy) }
        guard copies.count > 2 * items.count else { return }
        var next: [String: (body: String, copy: RenderedCopy)] = [:]
        next.reserveCapacity(items.count)
        for item in items {
            if let old = copies[item.id], old.body == item.body { next[item.id] = old }
        }
        copies = next
    }
}
