/// An item's copy rendered once, for every page and feed that shows it: its
/// own page and the playbook show the HTML, the playbook's copy box and the
/// calendar feeds the plain text. Rendered week by week, beside the pages
/// that use it, so a 50,000-item site never holds every copy at once.
struct RenderedCopy: Sendable {
    /// UTF-8, as written into pages and feeds.
    let html: [UInt8]
    let plain: [UInt8]

    /// With a cache (serve), an item whose body did not change keeps its rendered copy.
    static func make(_ item: Item, markdown: MarkdownRenderer, cache: CopyCache?) -> RenderedCopy {
        if let cached = cache?.copies[item.id], cached.body == item.body { return cached.copy }
        let (html, plain) = markdown.htmlAndPlainText(item.body)
        return RenderedCopy(html: html, plain: plain)
    }
}

/// Rendered copy by item id and the body it was rendered from, kept between
/// rebuilds in `serve`. Read during a render, replaced after it.
public final class CopyCache: @unchecked Sendable {  // used by one rebuild at a time
    var copies: [String: (body: String, copy: RenderedCopy)] = [:]

    public init() {}

    /// Keeps the entries of `items`, with the copies just rendered in place of older ones.
    func update(items: [Item], rendered: [Int: RenderedCopy]) {
        var next: [String: (body: String, copy: RenderedCopy)] = [:]
        next.reserveCapacity(items.count)
        for (offset, item) in items.enumerated() {
            if let copy = rendered[offset] {
                next[item.id] = (item.body, copy)
            } else if let old = copies[item.id], old.body == item.body {
                next[item.id] = old
            }
        }
        copies = next
    }
}
