import Dispatch

/// An item's copy rendered once, for every page and feed that shows it: its
/// own page and the playbook show the HTML, the playbook's copy box and the
/// calendar feeds the plain text.
struct RenderedCopy: Sendable {
    let html: String
    let plain: String

    /// Every item's copy by item id, rendered on all cores. With a cache
    /// (serve), an item whose body did not change keeps its rendered copy.
    static func render(_ items: [Item], cache: CopyCache?, singleThreaded: Bool) -> [String: RenderedCopy] {
        let markdown = MarkdownRenderer()
        let known = cache?.copies ?? [:]
        let results = ConcurrentResults<RenderedCopy>(count: items.count)
        let work: @Sendable (Int) -> Void = { index in
            let body = items[index].body
            if let cached = known[items[index].id], cached.body == body {
                results.set(index, cached.copy)
            } else {
                results.set(index, RenderedCopy(html: markdown.html(body), plain: markdown.plainText(body)))
            }
        }
        if singleThreaded {
            for index in items.indices { work(index) }
        } else {
            DispatchQueue.concurrentPerform(iterations: items.count, execute: work)
        }
        var byID: [String: RenderedCopy] = [:]
        byID.reserveCapacity(items.count)
        for (item, copy) in zip(items, results.values) { byID[item.id] = copy }
        if let cache {
            var next: [String: (body: String, copy: RenderedCopy)] = [:]
            next.reserveCapacity(items.count)
            for item in items { next[item.id] = (item.body, byID[item.id]!) }
            cache.copies = next
        }
        return byID
    }
}

/// Rendered copy by item id and the body it was rendered from, kept between
/// rebuilds in `serve`.
public final class CopyCache: @unchecked Sendable {  // used by one rebuild at a time
    var copies: [String: (body: String, copy: RenderedCopy)] = [:]

    public init() {}
}
