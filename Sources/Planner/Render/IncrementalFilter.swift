import Foundation

/// serve: what the last render made that is still right, and which pages of
/// a `PagePlan` must be written again. Items whose inputs are unchanged keep
/// their chip, page, event and plan.json entry; a page whose signature is
/// unchanged (`PageSignatures`) is not rendered at all.
struct IncrementalFilter {
    let memo: RenderMemo
    /// `RenderMemo.signatures`, by position in `plan.items`.
    let itemSignatures: [Int]
    let siteSignature: Int
    /// Whether the plan lists the same item ids in the same order as last time.
    let sameOrder: Bool
    /// The last render's outputs of each unchanged item, by position in `plan.items`.
    private(set) var reusedAt: [RenderMemo.ItemOutputs?]
    private(set) var reusedAny: Bool
    /// The crowded weeks' parts (`SiteModel.weekPages`) and the weeks whose parts moved since the last render.
    private(set) var weekParts: [ISOWeek: [Range<Int>]] = [:]
    private(set) var movedWeeks: Set<ISOWeek> = []
    let diagnostics: [Diagnostic]
    /// The findings are the last render's (as the pages show them).
    let sameDiagnostics: Bool
    /// The last render's item outputs, by position.
    let previousOutputs: [RenderMemo.ItemOutputs?]

    /// The findings' groups, kept for the next render while the findings stay the same.
    let grouped: SiteModel.Grouped

    /// - Parameter sameDiagnostics: `memo.hasSameDiagnostics(diagnostics)`.
    init(memo: RenderMemo, plan: Plan, diagnostics: [Diagnostic], grouped: SiteModel.Grouped, sameDiagnostics: Bool, today: LocalDate) {
        self.memo = memo
        self.diagnostics = diagnostics
        self.grouped = grouped
        let items = plan.items
        self.sameDiagnostics = sameDiagnostics
        previousOutputs = memo.lastOutputs
        itemSignatures = memo.signatures(items, diagnosticsByItem: grouped.byItem, sameDiagnostics: sameDiagnostics)
        siteSignature = RenderMemo.siteSignature(diagnostics: diagnostics, today: today)
        sameOrder = memo.hasSameOrder(items)
        reusedAt = memo.reusable(itemSignatures, items: items, site: siteSignature, sameOrder: sameOrder)
        reusedAny = reusedAt.contains { $0 != nil }
    }

    /// Where a crowded week splits depends on every chip of it, and an item
    /// page links the part that holds its day: an unchanged item of a week
    /// whose parts moved is made again (its chip stays; the model is made).
    mutating func noteWeekParts(model: SiteModel) {
        var parts: [ISOWeek: [Range<Int>]] = [:]
        for week in model.crowdedWeeks { parts[week] = model.weekPages(week) }
        weekParts = parts
        let last = memo.lastWeekParts ?? [:]
        movedWeeks = Set(parts.keys).union(last.keys).filter { parts[$0] != last[$0] }
        guard !movedWeeks.isEmpty, reusedAny else { return }
        let items = model.plan.items
        for offset in reusedAt.indices where reusedAt[offset] != nil && movedWeeks.contains(items[offset].date.isoWeek) {
            reusedAt[offset] = nil
        }
        reusedAny = reusedAt.contains { $0 != nil }
    }

    /// Whether plan.json would come out as the last render wrote it: the
    /// same findings, counts and item order, and each changed item's entry
    /// the same bytes as before (an edit of copy: plan.json holds no copy).
    func planJSONUnchanged(json: [[UInt8]]) -> Bool {
        guard sameDiagnostics, sameOrder, reusedAny, memo.hasSameSite(siteSignature), previousOutputs.count == json.count else {
            return false
        }
        for (offset, known) in reusedAt.enumerated() where known == nil {
            guard let old = previousOutputs[offset], old.json == json[offset] else { return false }
        }
        return true
    }

    /// The pages an edit may have changed, when it changed no finding, no
    /// count, not today and not the order of items; nil: look at every page.
    private func pageFilter(model: SiteModel) -> PageSignatures.PageFilter? {
        let items = model.plan.items
        guard sameDiagnostics, sameOrder, reusedAny, memo.hasSameSite(siteSignature), memo.lastItemCount == items.count,
            !memo.pageSignatures.isEmpty
        else { return nil }
        // Which months and weeks are split depends on every chip in them: a change there may move any of their links.
        guard let crowded = memo.lastCrowded, crowded.months == model.crowdedMonths, crowded.weeks == model.crowdedWeeks,
            movedWeeks.isEmpty
        else {
            return nil
        }
        var filter = PageSignatures.PageFilter()
        for (offset, known) in reusedAt.enumerated() where known == nil {
            filter.add(memo.lastItem(at: offset), model: model)
            filter.add(items[offset], model: model)
        }
        guard filter.weeks.isDisjoint(with: model.crowdedWeeks), filter.months.isDisjoint(with: model.crowdedMonths) else { return nil }
        return filter
    }

    /// The chips of the last render to keep, by position (empty when none is kept).
    var reusedChips: [ItemChip?] { reusedAny ? reusedAt.map { $0?.chip } : [] }
    /// The last render's chip table, when only some of its chips are to be replaced.
    var previousChips: TextKeyed<ItemChip>? { reusedAny && sameOrder ? memo.chips : nil }
    /// The last render's weighing of the chips, to patch with `previousChips`.
    var previousWeighing: CrowdedDays.Weighing? { reusedAny && sameOrder ? memo.lastWeighing : nil }
    /// Folders the last render made and that still exist.
    var folders: Set<String> { memo.folders }

    /// What this render must write of `plan`.
    struct Changes {
        /// The overview jobs whose page changed.
        let jobs: [LazyPageJob]
        /// Positions in `SiteModel.weeks` of the playbook weeks that did not change.
        let unchangedPlaybookWeeks: Set<Int>
        /// Ids of the items gone from the plan since the last render.
        let removedItems: [String]
        let pageSignatures: [String: Int]
        /// `ItemChip.signature`, by position in `plan.items`.
        let chipSignatures: [Int]
    }

    func changes(of pages: PagePlan, model: SiteModel, index: PlanIndex) -> Changes {
        let items = model.plan.items
        let chipSignatures = zip(items, reusedAt).map { item, known in known?.chipSignature ?? model.chips[item.id]?.signature ?? 0 }
        let filter = pageFilter(model: model)
        let signatures = PageSignatures(
            model: model, index: index, weekOffsets: pages.weekOffsets, items: itemSignatures, chips: chipSignatures,
            unchanged: reusedAt.map { $0 != nil }, only: filter, previous: filter == nil ? [:] : memo.pageSignatures,
            outside: pages.outsideOffsets, outsidePaths: pages.jobs.lazy.map(\.path).filter { $0.hasPrefix(Self.outsidePrefix) }
        ).all()
        func unchanged(_ path: String) -> Bool {
            guard let signature = signatures[path] else { return false }
            return memo.isUnchanged(page: path, signature: signature)
        }
        return Changes(
            jobs: pages.jobs.filter { !unchanged($0.path) },
            unchangedPlaybookWeeks: Set(model.weeks.indices.filter { unchanged(pages.playbookPaths[$0]) }),
            removedItems: memo.removedItems(items, sameOrder: sameOrder),
            pageSignatures: signatures, chipSignatures: chipSignatures)
    }

    /// `SitePath.outside(page:)`'s folder and name.
    static let outsidePrefix = "months/outside"

    func isUnchanged(_ path: String, in changes: Changes) -> Bool {
        guard let signature = changes.pageSignatures[path] else { return false }
        return memo.isUnchanged(page: path, signature: signature)
    }

    /// Keeps what this render made for the next one; reused items' outputs stay as they are.
    /// - Parameter events: every item's VEVENT, by position; `json` its plan.json entry.
    func remember(
        _ changes: Changes, model: SiteModel, events: [[UInt8]], json: [[UInt8]], folders: Set<String>
    ) {
        let items = model.plan.items
        var outputs: [String: RenderMemo.ItemOutputs] = [:]
        for (offset, item) in items.enumerated() where reusedAt[offset] == nil {
            guard let chip = model.chips[item.id] else { continue }
            outputs[item.id] = RenderMemo.ItemOutputs(
                signature: itemSignatures[offset], body: item.body, chip: chip, chipSignature: changes.chipSignatures[offset],
                event: events[offset], json: json[offset])
        }
        let positions = zip(items, reusedAt).map { item, known in known ?? outputs[item.id] }
        memo.remember(diagnostics: diagnostics, grouped: grouped)
        memo.lastWeighing = model.weighing
        memo.lastCrowded = (model.crowdedMonths, model.crowdedWeeks)
        memo.lastWeekParts = weekParts
        if !reusedAny {
            memo.store(
                items: outputs, current: items, positions: positions, chips: model.chips, pages: changes.pageSignatures,
                folders: folders, site: siteSignature)
        } else {
            memo.update(
                changed: outputs, removed: changes.removedItems, current: items, positions: positions, sameOrder: sameOrder,
                chips: model.chips, pages: changes.pageSignatures, folders: folders)
        }
    }
}
