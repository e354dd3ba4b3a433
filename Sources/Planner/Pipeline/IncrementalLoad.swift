import Foundation

/// What the last full load of a serve session made, kept so that a load after
/// edits of item files only patches it: the edited files are decoded and
/// resolved again, their items put in place in the plan, and their findings
/// in place among the others, instead of going over 10,000 documents again.
/// The diagnostics are kept in the order a full load makes them.
final class LastLoad: @unchecked Sendable {  // used by one load at a time
    let result: PlanLoader.Result
    let documents: [SourceEntry]
    /// What decoding each document found, by position in `documents`.
    let documentProblems: [[Diagnostic]]
    /// Position in `documents` by relative path.
    let documentIndex: [String: Int]
    /// For each document that is an item file: its position among the items resolved.
    let itemSlot: [Int: Int]
    /// The item files' items as resolved (nil: not placed in time), by slot.
    let itemResults: [Item?]
    /// Every item's resolver findings, the items of files first (by slot), then the series'.
    let itemProblems: [[Diagnostic]]
    /// The findings before the documents' (the listing's, plan.yml's, duplicate ids), between
    /// the documents' and the items' (series, plan.yml's references, people, personas), and after.
    let head: [Diagnostic]
    let middle: [Diagnostic]
    let tail: [Diagnostic]
    let context: Resolver.ItemContext
    let decoder: DocumentDecoder

    convenience init(
        result: PlanLoader.Result, documents: [SourceEntry], documentProblems: [[Diagnostic]], itemEntries: [SourceEntry],
        itemResults: [Item?], itemProblems: [[Diagnostic]], head: [Diagnostic], middle: [Diagnostic], tail: [Diagnostic],
        context: Resolver.ItemContext, decoder: DocumentDecoder
    ) {
        var documentIndex: [String: Int] = [:]
        documentIndex.reserveCapacity(documents.count)
        for (index, entry) in documents.enumerated() { documentIndex[entry.relativePath] = index }
        var itemSlot: [Int: Int] = [:]
        itemSlot.reserveCapacity(itemEntries.count)
        for (slot, entry) in itemEntries.enumerated() {
            if let index = documentIndex[entry.relativePath] { itemSlot[index] = slot }
        }
        self.init(
            result: result, documents: documents, documentProblems: documentProblems, documentIndex: documentIndex,
            itemSlot: itemSlot, itemResults: itemResults, itemProblems: itemProblems, head: head, middle: middle, tail: tail,
            context: context, decoder: decoder)
    }

    private init(
        result: PlanLoader.Result, documents: [SourceEntry], documentProblems: [[Diagnostic]], documentIndex: [String: Int],
        itemSlot: [Int: Int], itemResults: [Item?], itemProblems: [[Diagnostic]], head: [Diagnostic], middle: [Diagnostic],
        tail: [Diagnostic], context: Resolver.ItemContext, decoder: DocumentDecoder
    ) {
        self.result = result
        self.documents = documents
        self.documentProblems = documentProblems
        self.documentIndex = documentIndex
        self.itemSlot = itemSlot
        self.itemResults = itemResults
        self.itemProblems = itemProblems
        self.head = head
        self.middle = middle
        self.tail = tail
        self.context = context
        self.decoder = decoder
    }

    /// The same load with some documents' findings and items replaced.
    func patched(
        result: PlanLoader.Result, documentProblems: [[Diagnostic]], itemResults: [Item?], itemProblems: [[Diagnostic]]
    ) -> LastLoad {
        LastLoad(
            result: result, documents: documents, documentProblems: documentProblems, documentIndex: documentIndex,
            itemSlot: itemSlot, itemResults: itemResults, itemProblems: itemProblems, head: head, middle: middle, tail: tail,
            context: context, decoder: decoder)
    }

    /// Every finding, in the order a full load gives them.
    func diagnostics(documentProblems: [[Diagnostic]], itemProblems: [[Diagnostic]]) -> [Diagnostic] {
        var diagnostics = head
        for problems in documentProblems where !problems.isEmpty { diagnostics += problems }
        diagnostics += middle
        for problems in itemProblems where !problems.isEmpty { diagnostics += problems }
        diagnostics += tail
        return diagnostics
    }
}

extension PlanLoader {
    /// The last load patched with the edited files, when every changed file
    /// is an item file of the last listing and still is one (nil otherwise:
    /// load in full). plan.yml, personas, series, people and assets are not
    /// item files, so the context items are resolved against is the same.
    func patchedLoad(changed: Set<String>, cache: DocumentCache) -> Result? {
        guard texts == nil, let last = cache.lastLoad, let plan = last.result.plan else { return nil }
        var documentProblems = last.documentProblems
        var itemResults = last.itemResults
        var itemProblems = last.itemProblems
        var replaced: [(old: Item?, new: Item?)] = []
        for path in changed.sorted() {
            guard let index = last.documentIndex[path], let slot = last.itemSlot[index] else { return nil }
            let entry = last.documents[index]
            guard let (document, problems, fresh) = decode(entry, decoder: last.decoder, cache: cache),
                case .item(let decoded) = document
            else { return nil }
            let resolved: (Item?, [Diagnostic])
            if !fresh, let known = cache.resolved(entry) {
                resolved = known
            } else {
                resolved = last.context.resolve(decoded)
                cache.storeResolved(entry, resolved.0, resolved.1)
            }
            documentProblems[index] = problems
            replaced.append((itemResults[slot], resolved.0))
            itemResults[slot] = resolved.0
            itemProblems[slot] = resolved.1
        }
        phases?.finished(.load)
        var items = plan.items
        var sameIDs = true
        for (old, new) in replaced {
            if let old, let new, old.id == new.id, sameIDs, let position = plan.position(of: old.id),
                !Plan.chronological(old, new), !Plan.chronological(new, old)
            {
                // Same place in time: the same position.
                items[position] = new
                continue
            }
            sameIDs = false
            if let old, let position = items.firstIndex(where: { $0.id == old.id }) { items.remove(at: position) }
            if let new {
                // The first item that comes after the new one.
                var low = 0
                var high = items.count
                while low < high {
                    let middle = (low + high) / 2
                    if Plan.chronological(items[middle], new) { low = middle + 1 } else { high = middle }
                }
                items.insert(new, at: low)
            }
        }
        var result = last.result
        result.plan = plan.replacingItems(items, sameIDs: sameIDs)
        result.diagnostics = last.diagnostics(documentProblems: documentProblems, itemProblems: itemProblems)
        cache.storeLastLoad(
            last.patched(result: result, documentProblems: documentProblems, itemResults: itemResults, itemProblems: itemProblems))
        phases?.finished(.resolve)
        return result
    }

    /// One document read and decoded as the full load does (the cache first);
    /// whether it was decoded afresh. Nil when unreadable.
    private func decode(_ entry: SourceEntry, decoder: DocumentDecoder, cache: DocumentCache) -> (DecodedDocument, [Diagnostic], Bool)? {
        let stamp = DocumentCache.stamp(of: entry.absolutePath)
        if let stamp, let cached = cache.lookup(entry, stamp: stamp) { return (cached.0, cached.1, false) }
        guard let bytes = Self.readBytes(entry.absolutePath) else { return nil }
        if let stamp, let cached = cache.lookup(entry, bytes: bytes, stamp: stamp) { return (cached.0, cached.1, false) }
        let decoded = decoder.decode(entry: entry, bytes: bytes)
        if let stamp { cache.store(entry, stamp: stamp, bytes: bytes, decoded) }
        return (decoded.0, decoded.1, true)
    }
}
