import Dispatch
import Foundation

/// Renders every page of spec section 9 into a folder, in parallel; each page
/// is written as soon as it is rendered so the site is never held in memory.
public struct SiteRenderer: Sendable {
    public let plan: Plan
    public let diagnostics: [Diagnostic]
    public let theme: Theme
    public let language: Language
    public let today: LocalDate
    /// The content folder, to copy assets from.
    public let contentRoot: URL
    /// Adds the live-reload script (serve mode only).
    public let serveMode: Bool
    /// Render on one thread (tests compare it with the parallel output).
    public let singleThreaded: Bool
    /// With a memo (serve), only item pages whose inputs changed are rendered.
    public let memo: RenderMemo?
    /// With a cache (serve), only changed bodies are rendered from Markdown again.
    public let copyCache: CopyCache?
    /// serve's stage times: preparing, rendering the pages, writing the rest.
    public let phases: PhaseLog?
    /// The plan's index when the rules made it already.
    let index: PlanIndex?

    public init(
        plan: Plan, diagnostics: [Diagnostic], theme: Theme, language: Language, today: LocalDate, contentRoot: URL,
        serveMode: Bool = false, singleThreaded: Bool = false, memo: RenderMemo? = nil, copyCache: CopyCache? = nil,
        phases: PhaseLog? = nil, index: PlanIndex? = nil
    ) {
        self.index = index
        self.phases = phases
        self.copyCache = copyCache
        self.memo = memo
        self.plan = plan
        self.diagnostics = diagnostics
        self.theme = theme
        self.language = language
        self.today = today
        self.contentRoot = contentRoot
        self.serveMode = serveMode
        self.singleThreaded = singleThreaded
    }

    public typealias RenderError = PageWriteError

    /// Writes the whole site under `directory` (which must exist; files there
    /// are overwritten); returns the paths written, relative to it.
    @discardableResult
    public func render(into directory: URL) throws -> [String] {
        try render(into: directory, ledger: nil)
    }

    /// `ledger`: a build over the spare, telling unchanged files by digest (see `SiteLedger`).
    func render(into directory: URL, ledger: SiteLedger.Session?) throws -> [String] {
        let items = plan.items
        // With a memo (serve): what the last render made for items whose inputs are unchanged.
        let sameDiagnostics = memo?.hasSameDiagnostics(diagnostics) ?? false
        let grouped = (sameDiagnostics ? memo?.lastGrouped : nil) ?? SiteModel.Grouped(diagnostics)
        var incremental = memo.map {
            IncrementalFilter(memo: $0, plan: plan, diagnostics: diagnostics, grouped: grouped, sameDiagnostics: sameDiagnostics, today: today)
        }
        let model = SiteModel(
            plan: plan, diagnostics: diagnostics, grouped: grouped, language: language, today: today,
            reusingChips: incremental?.reusedChips ?? [], previousChips: incremental?.previousChips,
            previousWeighing: incremental?.previousWeighing)
        incremental?.noteWeekParts(model: model)
        let reusedAt = incremental?.reusedAt ?? Array(repeating: nil, count: items.count)
        let index = self.index ?? PlanIndex(plan: plan)
        let pages = PagePlan(model: model, index: index, serveMode: serveMode)

        let writer = PageFileWriter(root: directory, ledger: ledger)
        // Pages of reused items are where the last render put them: their folders exist.
        let newPages = zip(items, reusedAt).compactMap { $1 == nil ? SitePath.item($0.id) : nil }
        let lastFolders = incremental?.folders ?? []
        let folders = try writer.makeDirectories(for: pages.pagePaths + newPages + plan.assets, existing: lastFolders)
            .union(incremental?.reusedAny == true ? lastFolders : [])
        let changes = incremental?.changes(of: pages, model: model, index: index)
        for id in changes?.removedItems ?? [] { writer.remove(SitePath.item(id)) }
        if let memo {
            let current = Set(pages.pagePaths)
            for path in memo.overviewPages.subtracting(current).sorted() { writer.remove(path) }
            memo.overviewPages = current
        }
        phases?.finished(.prepare)

        var unchangedFeeds: Set<String> = []
        if let incremental, let changes {
            unchangedFeeds = Set(plan.personas.map { SitePath.personaFeed($0.id) }.filter { incremental.isUnchanged($0, in: changes) })
        }
        // serve writes a feed from its first changed event on (`write(parts:over:to:)`); the
        // feeds are written on all cores, so what they were and are is kept here, not in the memo.
        let previousFeeds = memo?.feeds ?? [:]
        let filter = incremental
        let madeFeeds = ConcurrentResults<(String, [[UInt8]])>(count: memo == nil ? 0 : plan.personas.count + 1)
        let outputs = try renderPages(
            changes?.jobs ?? pages.jobs, of: pages, model: model, reusedAt: reusedAt,
            unchangedPlaybookWeeks: changes?.unchangedPlaybookWeeks ?? [], writer: writer,
            afterUnits: { outputs in
                let planJSON: RenderQueue.Task = {
                    // serve: an edit of copy leaves plan.json as it was (it holds no copy); it is not made again.
                    if filter?.planJSONUnchanged(json: outputs.json) != true {
                        try PlanJSON(model: model).render(items: outputs.json).withUnsafeBytes { try writer.write(bytes: $0, to: "plan.json") }
                    }
                }
                // The long ones first: calendar.ics (every event), then plan.json, then the personas' feeds.
                let feeds = feedTasks(outputs, writer: writer, index: index, unchanged: unchangedFeeds, previous: previousFeeds, made: madeFeeds)
                return [feeds[0], planJSON] + feeds.dropFirst()
            },
            files: fileTasks(writer: writer))
        phases?.finished(.render)
        if let memo {
            for (path, parts) in madeFeeds.values { memo.feeds[path] = parts }
        }
        if let incremental, let changes {
            incremental.remember(changes, model: model, events: outputs.events, json: outputs.json, folders: folders)
        }
        phases?.finished(.write)
        // This render's plan of pages, model and lists hold every item a few times over.
        Self.releaseLater((pages, model, incremental, changes, outputs))
        return writer.written
    }

    /// Lets go of what a render made on another thread a moment later — after
    /// serve's reload event, or (build) after the process has exited, which
    /// takes the memory back at once — rather than freeing it value by value
    /// on the way out: ~40 ms of serial frees at the end of a 10,000-item build.
    static func releaseLater(_ spent: Any) {
        let box = Spent(spent)
        DispatchQueue.global(qos: .utility).asyncAfter(deadline: .now() + .milliseconds(200)) { withExtendedLifetime(box) {} }
    }

    /// Never read again, only released: no thread touches it meanwhile.
    private final class Spent: @unchecked Sendable {
        let value: Any
        init(_ value: Any) { self.value = value }
    }

    /// The combined feed and each persona's, from the items' events. With a
    /// memo (serve, `made` has room), each feed is written over what it was
    /// (`previous`) and what it is now goes into `made`.
    private func feedTasks(
        _ outputs: ItemOutputs, writer: PageFileWriter, index: PlanIndex, unchanged: Set<String>,
        previous: [String: [[UInt8]]], made: ConcurrentResults<(String, [[UInt8]])>
    ) -> [RenderQueue.Task] {
        let plan = plan
        let feeds = ICalendar(plan: plan, language: language)
        let keep = memo != nil
        @Sendable func writeFeed(_ parts: [[UInt8]], to path: String, slot: Int) throws {
            try writer.write(parts: parts, over: previous[path], to: path)
            if keep { made.set(slot, (path, parts)) }
        }
        // The combined feed looks back 30 days (SPEC §11.8): a phone subscribed to it need not hold the whole year.
        let feedStart = today.adding(days: -ICalendar.combinedLookBack)
        var tasks: [RenderQueue.Task] = [{
            let recent = zip(plan.items, outputs.events).compactMap { $0.date >= feedStart ? $1 : nil }
            try writeFeed(feeds.feedParts(name: plan.config.title, events: recent), to: "calendar.ics", slot: 0)
        }]
        for (slot, persona) in plan.personas.enumerated() {
            let path = SitePath.personaFeed(persona.id)
            if unchanged.contains(path) { continue }
            // The index lists each persona's items by position, in plan order.
            let positions = index.itemPositionsByPersona[persona.id] ?? []
            tasks.append {
                let name = "\(plan.config.title) · \(persona.name)"
                try writeFeed(feeds.feedParts(name: name, events: positions.map { outputs.events[$0] }), to: path, slot: slot + 1)
            }
        }
        return tasks
    }

    /// The files that depend on no page: holidays, styles, the theme's static files, the plan's assets.
    private func fileTasks(writer: PageFileWriter) -> [RenderQueue.Task] {
        let plan = plan
        let feeds = ICalendar(plan: plan, language: language)
        let contentRoot = contentRoot
        var tasks: [RenderQueue.Task] = [
            { try writer.write(parts: feeds.holidayFeedParts(), to: "holidays.ics") },
            { try writer.write(ThemeStyles.css(for: plan.config.themes) + FilterStyles.css(for: plan), to: "static/themes.css") },
        ]
        for file in theme.staticFiles { tasks.append { try writer.write(file.data, to: "static/" + file.path) } }
        for asset in plan.assets {
            tasks.append { try writer.copy(from: contentRoot.appendingPathComponent(asset), to: asset) }
        }
        return tasks
    }

    /// Every item's VEVENT and plan.json entry, by position: made once beside
    /// its page, they are shared by the feeds and plan.json.
    final class ItemOutputs: @unchecked Sendable {  // written once, before any reader starts (`RenderQueue`)
        var events: [[UInt8]] = []
        var json: [[UInt8]] = []
    }

    /// Renders `jobs`, the item units of `pages` and `files` on all cores (one
    /// thread with `singleThreaded`), writing each page as soon as it is made;
    /// what `afterUnits` makes from the items' outputs runs as soon as the last
    /// unit is done, beside the pages still rendering.
    private func renderPages(
        _ jobs: [LazyPageJob], of pages: PagePlan, model: SiteModel, reusedAt: [RenderMemo.ItemOutputs?],
        unchangedPlaybookWeeks: Set<Int>, writer: PageFileWriter,
        afterUnits: (ItemOutputs) -> [RenderQueue.Task], files: [RenderQueue.Task]
    ) throws -> ItemOutputs {
        let items = plan.items
        let theme = theme
        let buffers = PageBuffers()
        let fragments = FragmentMemo()
        @Sendable func render(_ job: PageJob) throws {
            try buffers.with { output in
                theme.render(job.value(), template: job.template, into: &output, memo: fragments)
                try writer.write(bytes: UnsafeRawBufferPointer(output.bytes), to: job.path)
            }
        }
        let feeds = ICalendar(plan: plan, language: language)
        let feedHeader = feeds.header()
        let events = ConcurrentResults<[UInt8]>(count: items.count)
        let planJSON = PlanJSON(model: model)
        let jsonItems = ConcurrentResults<[UInt8]>(count: items.count)
        let markdown = MarkdownRenderer()
        let copyCache = copyCache
        let renderedCopies = ConcurrentResults<(Int, RenderedCopy)>(count: copyCache == nil ? 0 : items.count)
        @Sendable func renderUnit(_ unit: PagePlan.Unit) throws {
            let playbookPage = unit.week.map { !unchangedPlaybookWeeks.contains($0) } ?? false
            var copies: [String: RenderedCopy] = [:]
            for offset in unit.offsets {
                let item = items[offset]
                let known = reusedAt[offset]
                guard known == nil || playbookPage else { continue }
                let copy = RenderedCopy.make(item, markdown: markdown, cache: copyCache)
                if copyCache != nil { renderedCopies.set(offset, (offset, copy)) }
                if playbookPage { copies[item.id] = copy }
                if known != nil { continue }
                events.set(offset, feeds.event(item, plain: copy.plain, header: feedHeader))
                jsonItems.set(offset, planJSON.itemFragment(item))
                if let job = pages.itemPages.page(item, copy: copy) { try render(job) }
            }
            for offset in unit.offsets {
                guard let known = reusedAt[offset] else { continue }
                events.set(offset, known.event)
                jsonItems.set(offset, known.json)
            }
            if let week = unit.week, playbookPage {
                let weekItems = pages.itemsByWeek[model.weeks[week]] ?? []
                let links = pages.playbook.personaLinks(at: week)
                let entries = PlaybookPages.EntryCache()
                for job in pages.playbook.week(at: week, items: weekItems, copies: copies, links: links, entries: entries) { try render(job) }
                for persona in plan.personas {
                    for job in pages.playbook.week(at: week, items: weekItems, copies: copies, persona: persona.id, links: links, entries: entries) {
                        try render(job)
                    }
                }
            }
        }
        let outputs = ItemOutputs()
        // The largest units first, so that no long one is left for the end.
        let units = pages.units.enumerated().sorted { ($0.element.offsets.count, $1.offset) > ($1.element.offsets.count, $0.offset) }
        let queue = RenderQueue(
            units: units.map { unit -> RenderQueue.Task in { try renderUnit(unit.element) } },
            jobs: jobs.map { job -> RenderQueue.Task in { try render(job.make()) } } + files,
            afterUnits: afterUnits(outputs),
            unitsDone: {
                outputs.events = events.values
                outputs.json = jsonItems.values
            })
        try queue.run(workers: singleThreaded ? 1 : ProcessInfo.processInfo.activeProcessorCount)
        if let copyCache {
            var rendered: [Int: RenderedCopy] = [:]
            for (offset, copy) in renderedCopies.values { rendered[offset] = copy }
            copyCache.update(items: items, rendered: rendered)
        }
        // The fragment memo (up to 64 MiB of small buffers) and the queue's tasks, which hold everything above.
        Self.releaseLater((fragments, buffers, queue))
        return outputs
    }
}

/// The theme colours as CSS classes (`.t0`, `.t1`…): colours are validated
/// hex values and class names are indexes, so nothing user-written reaches CSS.
enum ThemeStyles {
    static func css(for themes: [ContentTheme]) -> String {
        var css = "/* Generated from plan.yml themes. */\n"
        for (index, theme) in themes.enumerated() {
            css += ".t\(index) { --theme: \(theme.color); }\n"
        }
        return css
    }
}
