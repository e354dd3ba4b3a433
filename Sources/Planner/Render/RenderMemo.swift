import Foundation

/// What the previous render wrote, so that a rebuild in `serve` renders again
/// only the item pages whose inputs changed. Pages other than items are
/// always rendered; a change to plan.yml, a persona or the theme calls `reset`.
public final class RenderMemo: @unchecked Sendable {
    private var signatures: [String: String] = [:]
    private let lock = NSLockShim()

    public init() {}

    public func reset() {
        lock.withLock { signatures = [:] }
    }

    /// Item pages of `items` that must be rendered, and the pages of items
    /// that are gone (to delete). Updates the memo to the new state.
    func plan(items: [Item], diagnosticsByItem: [String: [Diagnostic]]) -> (render: Set<String>, removed: [String]) {
        var next: [String: String] = [:]
        var render: Set<String> = []
        let previous = lock.withLock { signatures }
        for item in items {
            let signature = Self.signature(item, diagnostics: diagnosticsByItem[item.id] ?? [])
            next[item.id] = signature
            if previous[item.id] != signature { render.insert(item.id) }
        }
        let removed = previous.keys.filter { next[$0] == nil }.sorted().map(SitePath.item)
        lock.withLock { signatures = next }
        return (render, removed)
    }

    static func signature(_ item: Item, diagnostics: [Diagnostic]) -> String {
        var parts = [
            item.id, item.file, item.body, item.title, item.date.description, item.time.description, item.slot ?? "",
            item.persona, item.theme ?? "", item.segments.joined(separator: ","), item.action ?? "", item.status.rawValue,
            item.owner ?? "", item.tags.joined(separator: ","), item.images.joined(separator: ","), item.group ?? "",
            item.format?.rawValue ?? "", item.trigger?.rawValue ?? "", item.via?.rawValue ?? "", item.gift ?? "",
        ]
        for diagnostic in diagnostics {
            parts += [diagnostic.fingerprint, diagnostic.severity.rawValue, diagnostic.message.en, diagnostic.message.zh, diagnostic.location.description]
            parts += diagnostic.related.map { $0.message.en + $0.location.description }
        }
        return Fingerprint.make(parts)
    }
}
