import Dispatch
import Foundation

/// What the previous render made, so that a rebuild in `serve` renders again
/// only what an edit touched: item pages, chips, feed events and plan.json
/// entries of items whose inputs are unchanged are reused, and a page whose
/// inputs (the items and diagnostics on it) are unchanged is not rendered at
/// all. A change to plan.yml, a persona or the theme calls `reset`.
///
/// Signatures are in-process cache keys (Swift's seeded `Hasher`), never
/// written anywhere: they only need to differ when the inputs differ within
/// one `serve` session.
public final class RenderMemo: @unchecked Sendable {  // used by one rebuild at a time
    /// A class: looking one up in a dictionary of 10,000 must not copy its
    /// thirty-odd strings (a struct this size cost 100 ms per rebuild in retains).
    final class ItemOutputs: Sendable {
        /// Of everything but the body, which is compared as it is (`==` on an
        /// unchanged file's text is a pointer check, hashing it is not).
        let signature: Int
        let body: String
        let chip: ItemChip
        let chipSignature: Int
        let event: [UInt8]
        let json: [UInt8]

        init(signature: Int, body: String, chip: ItemChip, chipSignature: Int, event: [UInt8], json: [UInt8]) {
            self.signature = signature
            self.body = body
            self.chip = chip
            self.chipSignature = chipSignature
            self.event = event
            self.json = json
        }
    }

    private var items: [String: ItemOutputs] = [:]
    /// The plan's item ids in order at the last render, and the outputs of
    /// each position: after an edit that moves no item, outputs are found by
    /// position instead of by hashing 10,000 ids.
    private var order: [String] = []
    private var byPosition: [ItemOutputs?] = []
    private var pages: [String: Int] = [:]
    /// The last render's chips by item id (`SiteModel.chips`).
    private(set) var chips: TextKeyed<ItemChip>?
    /// What every page shows: the header's counts and the day that is today.
    private var site: Int?
    /// Folders the last render made.
    private(set) var folders: Set<String> = []
    /// Each item of the last render with `fieldHash` of it, by position.
    private var fieldHashes: [(item: Item, hash: Int)] = []
    /// The last render's item signatures, by position, and its findings:
    /// while the findings are the same, an unchanged item's signature is too.
    private var lastSignatures: [Int] = []
    private(set) var lastDiagnostics: [Diagnostic]?
    /// Their groups (`SiteModel.Grouped`), made again only when the findings change.
    private(set) var lastGrouped: SiteModel.Grouped?
    /// The last render's weighing of its chips (`SiteModel.weighing`), by position.
    var lastWeighing: CrowdedDays.Weighing?
    /// The months and weeks too full for one page at the last render (`CrowdedDays`).
    var lastCrowded: (months: Set<YearMonth>, weeks: Set<ISOWeek>)?
    /// The days of each page of the crowded weeks at the last render (`SiteModel.weekPages`):
    /// item pages and month grids link the part that holds their day.
    var lastWeekParts: [ISOWeek: [Range<Int>]]?
    /// The overview pages the last render wrote: one gone from this render
    /// (a rule's second warnings page, a month) is deleted, as a fresh build would not have it.
    var overviewPages: Set<String> = []
    /// The parts of each feed as the last render wrote them (`PageFileWriter.write(parts:over:to:)`).
    var feeds: [String: [[UInt8]]] = [:]

    public init() {}

    public func reset() {
        items = [:]
        order = []
        byPosition = []
        chips = nil
        pages = [:]
        folders = []
        site = nil
        lastDiagnostics = nil
        lastGrouped = nil
        lastWeighing = nil
        feeds = [:]
        lastCrowded = nil
        lastWeekParts = nil
        // overviewPages stays: the pages of the render before the reset are still on disk.
    }

    /// Reused outputs of the items whose signature is unchanged, by item id.
    /// - Parameter site: `siteSignature` of this render; when it changed, every page shows something new.
    /// Whether `current` lists the same item ids in the same order as the last render.
    func hasSameOrder(_ current: [Item]) -> Bool {
        current.count == order.count && zip(current, order).allSatisfy { $0.id == $1 }
    }

    /// Reused outputs of the items whose signature is unchanged, by position in `current`.
    /// - Parameter signatures: by position in `current`.
    /// - Parameter site: `siteSignature` of this render; when it changed, every page shows something new.
    func reusable(_ signatures: [Int], items current: [Item], site: Int, sameOrder: Bool) -> [ItemOutputs?] {
        guard site == self.site else { return Array(repeating: nil, count: current.count) }
        let known = sameOrder ? byPosition : current.map { items[$0.id] }
        return zip(zip(current, signatures), known).map { pair, outputs in
            guard let outputs, pair.1 == outputs.signature, outputs.body == pair.0.body else { return nil }
            return outputs
        }
    }

    /// Item ids whose last outputs are gone from the plan (their pages are deleted).
    func removedItems(_ current: [Item], sameOrder: Bool) -> [String] {
        if sameOrder { return [] }
        let ids = Set(current.map(\.id))
        return items.keys.filter { !ids.contains($0) }.sorted()
    }

    func isUnchanged(page path: String, signature: Int) -> Bool { pages[path] == signature }

    /// The last render's page signatures.
    var pageSignatures: [String: Int] { pages }

    /// The last render's item outputs, by position.
    var lastOutputs: [ItemOutputs?] { byPosition }

    /// The items of the last render, by position.
    func lastItem(at position: Int) -> Item { fieldHashes[position].item }
    var lastItemCount: Int { fieldHashes.count }

    /// Whether the last render's site signature was `site`.
    func hasSameSite(_ site: Int) -> Bool { self.site == site }

    /// Whether these are the last render's findings, as the pages show them.
    func hasSameDiagnostics(_ diagnostics: [Diagnostic]) -> Bool { lastDiagnostics.map { $0 == diagnostics } ?? false }

    func remember(diagnostics: [Diagnostic], grouped: SiteModel.Grouped) {
        lastDiagnostics = diagnostics
        lastGrouped = grouped
    }

    /// After a render that reused the outputs of unchanged items (same site signature).
    /// - Parameter positions: every item's outputs, by position in `current`.
    func update(
        changed: [String: ItemOutputs], removed: [String], current: [Item], positions: [ItemOutputs?], sameOrder: Bool,
        chips: TextKeyed<ItemChip>, pages signatures: [String: Int], folders made: Set<String>
    ) {
        for id in removed { items[id] = nil }
        for (id, outputs) in changed { items[id] = outputs }
        if !sameOrder { order = current.map(\.id) }
        byPosition = positions
        self.chips = chips
        pages = signatures
        folders = made
    }

    func store(
        items outputs: [String: ItemOutputs], current: [Item], positions: [ItemOutputs?], chips: TextKeyed<ItemChip>,
        pages signatures: [String: Int], folders made: Set<String>, site: Int
    ) {
        self.site = site
        self.chips = chips
        items = outputs
        order = current.map(\.id)
        byPosition = positions
        pages = signatures
        folders = made
    }

    /// Each item's signature: everything its page, chip, event and plan.json
    /// entry read, its diagnostics included. Computed on all cores.
    static func siteSignature(diagnostics: [Diagnostic], today: LocalDate) -> Int {
        var hasher = Hasher()
        var counts = [0, 0, 0]
        for diagnostic in diagnostics { counts[diagnostic.severity.rank] += 1 }
        for rank in [2, 1, 0] { hasher.combine(counts[rank]) }
        hasher.combine(today.description)
        return hasher.finalize()
    }

    /// By position in `items`. The part made of the item's own fields is
    /// kept from the last render for the very same item value (the loader
    /// hands back unchanged items as they were), so only changed items and
    /// their diagnostics are hashed in full.
    /// - Parameter sameDiagnostics: the findings are the last render's: an unchanged item keeps its signature.
    func signatures(_ items: [Item], diagnosticsByItem: TextKeyed<[Diagnostic]>, sameDiagnostics: Bool = false) -> [Int] {
        let last = fieldHashes
        if sameDiagnostics, last.count == items.count, lastSignatures.count == items.count {
            // Only the changed items are hashed: the others are the very same values as last time.
            var signatures = lastSignatures
            var hashes = last
            for (index, item) in items.enumerated() where !last[index].item.isSame(as: item) {
                let own = Self.fieldHash(item)
                hashes[index] = (item, own)
                var hasher = Hasher()
                hasher.combine(own)
                for diagnostic in diagnosticsByItem[item.id] ?? [] { Self.combine(diagnostic, into: &hasher) }
                signatures[index] = hasher.finalize()
            }
            fieldHashes = hashes
            self.lastSignatures = signatures
            return signatures
        }
        let fields = ConcurrentResults<Int>(count: items.count)
        let results = ConcurrentResults<Int>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            let item = items[index]
            let own: Int
            if index < last.count, last[index].item.isSame(as: item) { own = last[index].hash } else { own = Self.fieldHash(item) }
            fields.set(index, own)
            var hasher = Hasher()
            hasher.combine(own)
            for diagnostic in diagnosticsByItem[item.id] ?? [] { Self.combine(diagnostic, into: &hasher) }
            results.set(index, hasher.finalize())
        }
        fieldHashes = zip(items, fields.values).map { ($0, $1) }
        self.lastSignatures = results.values
        return self.lastSignatures
    }

    static func signature(_ item: Item, diagnostics: [Diagnostic]) -> Int {
        var hasher = Hasher()
        hasher.combine(fieldHash(item))
        for diagnostic in diagnostics { combine(diagnostic, into: &hasher) }
        return hasher.finalize()
    }

    /// Everything of the item's own that its page, chip, event and plan.json entry read, but the body.
    static func fieldHash(_ item: Item) -> Int {
        var hasher = Hasher()
        for part in [
            item.id, item.file, item.title, item.date.description, item.time.description, item.slot ?? "",
            item.persona, item.theme ?? "", item.segments.joined(separator: ","), item.action ?? "", item.status.rawValue,
            item.owner ?? "", item.tags.joined(separator: ","), item.images.joined(separator: ","), item.group ?? "",
            item.format?.rawValue ?? "", item.trigger?.rawValue ?? "", item.via?.rawValue ?? "", item.gift ?? "",
            item.purpose?.rawValue ?? "", item.person ?? "", item.review?.hash ?? "", item.review?.by ?? "",
            item.review?.on?.description ?? "", item.results?.flowYAML ?? "",
        ] {
            hasher.combineText(part)
        }
        hasher.combineText(item.series?.series)
        hasher.combine(item.series?.number)
        return hasher.finalize()
    }

    static func combine(_ diagnostic: Diagnostic, into hasher: inout Hasher) {
        hasher.combineText(diagnostic.fingerprint)
        hasher.combineText(diagnostic.severity.rawValue)
        hasher.combineText(diagnostic.ruleID)
        hasher.combineText(diagnostic.message.en)
        hasher.combineText(diagnostic.message.zh)
        hasher.combineText(diagnostic.location.description)
        hasher.combineText(diagnostic.hint?.en)
        hasher.combineText(diagnostic.hint?.zh)
        hasher.combineText(diagnostic.itemID)
        for related in diagnostic.related {
            hasher.combineText(related.itemID)
            hasher.combineText(related.message.en)
            hasher.combineText(related.message.zh)
            hasher.combineText(related.location.description)
        }
    }
}
