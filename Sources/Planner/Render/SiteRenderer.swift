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

    public init(
        plan: Plan, diagnostics: [Diagnostic], theme: Theme, language: Language, today: LocalDate, contentRoot: URL,
        serveMode: Bool = false, singleThreaded: Bool = false, memo: RenderMemo? = nil, copyCache: CopyCache? = nil
    ) {
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

    public struct RenderError: Error, CustomStringConvertible {
        public let path: String
        public let underlying: Error
        public var description: String { "cannot write \(path): \(underlying)" }
    }

    /// Writes the whole site under `directory` (which must exist; files there
    /// are overwritten); returns the paths written, relative to it.
    @discardableResult
    public func render(into directory: URL) throws -> [String] {
        let items = plan.items
        let grouped = SiteModel.Grouped(diagnostics)
        // With a memo (serve): what the last render made for items whose inputs are unchanged.
        let itemSignatures = memo.map { _ in RenderMemo.signatures(items, diagnosticsByItem: grouped.byItem) }
        let siteSignature = RenderMemo.siteSignature(diagnostics: diagnostics, today: today)
        let sameOrder = memo?.hasSameOrder(items) ?? false
        // By position in `items`.
        let reusedAt: [RenderMemo.ItemOutputs?] = itemSignatures.flatMap {
            memo?.reusable($0, items: items, site: siteSignature, sameOrder: sameOrder)
        } ?? Array(repeating: nil, count: items.count)
        let reusedAny = reusedAt.contains { $0 != nil }
        let model = SiteModel(
            plan: plan, diagnostics: diagnostics, grouped: grouped, language: language, today: today,
            reusingChips: reusedAny ? reusedAt.map { $0?.chip } : [], previousChips: reusedAny && sameOrder ? memo?.chips : nil)
        let index = PlanIndex(plan: plan)
        // Items are rendered week by week (their copy, page, event, plan.json
        // entry and the week's playbook page together); items outside the
        // range in chunks of their own.
        var weekItems: [ISOWeek: [Item]] = [:]
        var weekOffsets: [ISOWeek: [Int]] = [:]
        var outside: [Int] = []
        for (offset, item) in items.enumerated() {
            if plan.config.contains(item.date) {
                weekItems[item.date.isoWeek, default: []].append(item)
                weekOffsets[item.date.isoWeek, default: []].append(offset)
            } else {
                outside.append(offset)
            }
        }
        let itemsByWeek = weekItems
        var itemUnits: [(week: Int?, offsets: [Int])] = model.weeks.enumerated().map { ($0, weekOffsets[$1] ?? []) }
        for start in stride(from: 0, to: outside.count, by: 256) {
            itemUnits.append((nil, Array(outside[start..<min(outside.count, start + 256)])))
        }
        let units = itemUnits

        let calendar = CalendarPages(model: model, serveMode: serveMode)
        let entities = EntityPages(model: model, serveMode: serveMode)
        let playbook = PlaybookPages(model: model, serveMode: serveMode)
        let warnings = WarningsPage(model: model, serveMode: serveMode)
        let allJobs: [LazyPageJob] =
            [LazyPageJob(calendar.index(), path: "index.html")] + calendar.weeks(itemsByWeek: itemsByWeek)
            + entities.personas(index: index) + entities.groups(index: index) + entities.segments(index: index)
            + [LazyPageJob(playbook.index(itemsByWeek: itemsByWeek), path: "playbook/index.html")]
            + [LazyPageJob(warnings.page(), path: "warnings/index.html")]
            + [LazyPageJob(HelpPage(model: model, serveMode: serveMode).page(), path: HelpPage.path)]

        let writer = PageFileWriter(root: directory)
        let playbookPaths = model.weeks.map(SitePath.playbookWeek)
        // Pages of reused items are where the last render put them: their folders exist.
        let newPages = zip(items, reusedAt).compactMap { $1 == nil ? $0.pagePath : nil }
        let folders = try writer.makeDirectories(
            for: allJobs.map(\.path) + playbookPaths + newPages + plan.assets, existing: memo?.folders ?? []
        ).union(reusedAny ? memo?.folders ?? [] : [])

        var pageSignatures: [String: Int] = [:]
        var removedItems: [String] = []
        var pending = allJobs
        var chipSignatures: [Int] = []
        if let memo, let itemSignatures {
            chipSignatures = zip(items, reusedAt).map { item, known in known?.chipSignature ?? model.chips[item.id]?.signature ?? 0 }
            pageSignatures = PageSignatures(
                model: model, index: index, weekOffsets: weekOffsets, items: itemSignatures, chips: chipSignatures,
                unchanged: reusedAt.map { $0 != nil }
            ).all()
            pending = allJobs.filter { job in
                guard let signature = pageSignatures[job.path] else { return true }
                return !memo.isUnchanged(page: job.path, signature: signature)
            }
            removedItems = memo.removedItems(items, sameOrder: sameOrder)
            for id in removedItems {
                try? FileManager.default.removeItem(at: directory.appendingPathComponent(SitePath.item(id)))
            }
        }
        let jobs = pending
        let playbookUnchanged: Set<Int> = Set(model.weeks.indices.filter { position in
            let path = playbookPaths[position]
            guard let memo, let signature = pageSignatures[path] else { return false }
            return memo.isUnchanged(page: path, signature: signature)
        })
        let itemPages = ItemPages(model: model, serveMode: serveMode)
        let failures = ConcurrentResults<Error>(count: jobs.count + units.count)
        let total = jobs.count + units.count
        let converter = TemplateConverter(strings: model.strings, navigation: model.navigation)
        let theme = theme
        @Sendable func render(_ job: PageJob) throws {
            var output: [UInt8] = []
            output.reserveCapacity(16 * 1024)
            assert(converter.representationDifference(job.context) == nil,
                "\(type(of: job.context)) is written out unlike its fields at \(converter.representationDifference(job.context) ?? "")")
            theme.render(job.context.templateValue(converter), template: job.template, into: &output)
            try output.withUnsafeBytes { try writer.write(bytes: $0, to: job.path) }
        }
        // Each item's VEVENT is made once, beside its page, and shared by calendar.ics and its persona's feed.
        let feeds = ICalendar(plan: plan, language: language)
        let feedHeader = feeds.header()
        let events = ConcurrentResults<[UInt8]>(count: items.count)
        let planJSON = PlanJSON(model: model)
        let jsonItems = ConcurrentResults<[UInt8]>(count: items.count)
        let markdown = MarkdownRenderer()
        let copyCache = copyCache
        let renderedCopies = ConcurrentResults<(Int, RenderedCopy)>(count: copyCache == nil ? 0 : items.count)
        @Sendable func renderUnit(_ unit: (week: Int?, offsets: [Int])) throws {
            let playbookPage = unit.week.map { !playbookUnchanged.contains($0) } ?? false
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
                if let job = itemPages.page(item, copy: copy) { try render(job) }
            }
            for offset in unit.offsets {
                guard let known = reusedAt[offset] else { continue }
                events.set(offset, known.event)
                jsonItems.set(offset, known.json)
            }
            if let week = unit.week, playbookPage {
                try render(playbook.week(at: week, items: itemsByWeek[model.weeks[week]] ?? [], copies: copies))
            }
        }
        let work: @Sendable (Int) -> Void = { position in
            do {
                if position < jobs.count {
                    try render(jobs[position].make())
                } else {
                    try renderUnit(units[position - jobs.count])
                }
            } catch {
                failures.set(position, error)
            }
        }
        if singleThreaded {
            for position in 0..<total { work(position) }
        } else {
            DispatchQueue.concurrentPerform(iterations: total, execute: work)
        }
        if let failure = failures.values.first { throw failure }
        if let copyCache {
            var rendered: [Int: RenderedCopy] = [:]
            for (offset, copy) in renderedCopies.values { rendered[offset] = copy }
            copyCache.update(items: items, rendered: rendered)
        }

        let itemEvents = events.values
        let itemJSON = jsonItems.values
        try writer.write(parts: feeds.feedParts(name: plan.config.title, events: itemEvents), to: "calendar.ics")
        var eventsByPersona: [String: [[UInt8]]] = [:]
        for (item, event) in zip(items, itemEvents) { eventsByPersona[item.persona, default: []].append(event) }
        for persona in plan.personas {
            let path = SitePath.personaFeed(persona.id)
            if let memo, let signature = pageSignatures[path], memo.isUnchanged(page: path, signature: signature) { continue }
            let name = "\(plan.config.title) · \(persona.name)"
            try writer.write(parts: feeds.feedParts(name: name, events: eventsByPersona[persona.id] ?? []), to: path)
        }
        try writer.write(planJSON.render(items: itemJSON), to: "plan.json")
        try writer.write(ThemeStyles.css(for: plan.config.themes) + FilterStyles.css(for: plan), to: "static/themes.css")
        for file in theme.staticFiles { try writer.write(file.data, to: "static/" + file.path) }
        for asset in plan.assets {
            try writer.copy(from: contentRoot.appendingPathComponent(asset), to: asset)
        }
        if let memo, let itemSignatures {
            // Only what changed goes into the memo; reused items' outputs stay as they are.
            var outputs: [String: RenderMemo.ItemOutputs] = [:]
            for (offset, item) in items.enumerated() where reusedAt[offset] == nil {
                guard let chip = model.chips[item.id] else { continue }
                outputs[item.id] = RenderMemo.ItemOutputs(
                    signature: itemSignatures[offset], body: item.body, chip: chip, chipSignature: chipSignatures[offset],
                    event: itemEvents[offset], json: itemJSON[offset])
            }
            let positions = zip(items, reusedAt).map { item, known in known ?? outputs[item.id] }
            if !reusedAny {
                memo.store(
                    items: outputs, current: items, positions: positions, chips: model.chips, pages: pageSignatures, folders: folders,
                    site: siteSignature)
            } else {
                memo.update(
                    changed: outputs, removed: removedItems, current: items, positions: positions, sameOrder: sameOrder,
                    chips: model.chips, pages: pageSignatures, folders: folders)
            }
        }
        return writer.written
    }
}

/// What each overview page shows, as one signature per page path (serve).
/// Overviews show chips, not copy: an edit to an item's copy that leaves its
/// chip (title, time, status, badges…) as it was renders only the item's
/// page and its playbook week again. Every page's header shows the site-wide
/// counts, so they are part of every signature. Items are taken by their
/// position in the plan: a lookup by id hashes Chinese text, an array does not.
struct PageSignatures {
    let model: SiteModel
    let index: PlanIndex
    /// Positions of each week's items.
    let weekOffsets: [ISOWeek: [Int]]
    /// Full item signatures (`RenderMemo.signatures`), by position.
    let items: [Int]
    /// `ItemChip.signature`, by position.
    let chips: [Int]
    /// Whether an item's outputs were reused: the others changed (their body
    /// may have, which `items` does not cover), so pages showing them render again.
    let unchanged: [Bool]

    func all() -> [String: Int] {
        var base = Hasher()
        base.combine(model.severityCounts.error)
        base.combine(model.severityCounts.warning)
        base.combine(model.severityCounts.notice)
        base.combineText(model.today.description)
        let site = base.finalize()
        let changed = UInt64.random(in: 0...UInt64.max)
        func combineItem(_ offset: Int, into hasher: inout Hasher) {
            hasher.combine(items[offset])
            if !unchanged[offset] { hasher.combine(changed) }
        }

        func signature(_ kind: String, _ body: (inout Hasher) -> Void) -> Int {
            var hasher = Hasher()
            hasher.combine(site)
            hasher.combineText(kind)
            body(&hasher)
            return hasher.finalize()
        }
        /// A day's warning badge: how many, how bad, where it links.
        func badge(_ date: LocalDate, into hasher: inout Hasher) {
            let diagnostics = model.diagnosticsByDate[date] ?? []
            let worst = diagnostics.map(\.severity).max() ?? .notice
            hasher.combine(diagnostics.count)
            hasher.combine(worst.rawValue)
            hasher.combineText(diagnostics.first { $0.severity == worst }?.ruleID)
        }
        let planItems = model.plan.items
        var pages: [String: Int] = [:]
        pages["index.html"] = signature("index") { hasher in
            for chip in chips { hasher.combine(chip) }
            var date = model.plan.config.start
            while date <= model.plan.config.end {
                badge(date, into: &hasher)
                date = date.adding(days: 1)
            }
        }
        pages["playbook/index.html"] = signature("playbook-index") { hasher in
            for week in model.weeks { hasher.combine(weekOffsets[week]?.count ?? 0) }
        }
        // The rules' words depend on plan.yml only, which resets the memo; the chrome's counts are in `site`.
        pages[HelpPage.path] = signature("help") { _ in }
        pages["warnings/index.html"] = signature("warnings") { hasher in
            for diagnostic in model.diagnostics { RenderMemo.combine(diagnostic, into: &hasher) }
        }
        for week in model.weeks {
            let offsets = weekOffsets[week] ?? []
            pages[SitePath.week(week)] = signature("week") { hasher in
                for offset in offsets { hasher.combine(chips[offset]) }
                for day in 0..<7 { badge(week.monday.adding(days: day), into: &hasher) }
            }
            pages[SitePath.playbookWeek(week)] = signature("playbook") { hasher in
                for offset in offsets { combineItem(offset, into: &hasher) }
            }
        }
        for persona in model.plan.personas {
            pages[SitePath.persona(persona.id)] = signature("persona") { hasher in
                for offset in index.itemPositionsByPersona[persona.id] ?? [] { hasher.combine(chips[offset]) }
                for diagnostic in model.diagnosticsByPersona[persona.id] ?? [] { RenderMemo.combine(diagnostic, into: &hasher) }
            }
            // The persona's feed: the events of the persona's items.
            pages[SitePath.personaFeed(persona.id)] = signature("feed") { hasher in
                for offset in index.itemPositionsByPersona[persona.id] ?? [] { combineItem(offset, into: &hasher) }
            }
        }
        for group in model.plan.config.groups {
            pages[SitePath.group(group.id)] = signature("group") { hasher in
                for offset in index.topicPositionsByGroup[group.id] ?? [] {
                    hasher.combine(chips[offset])
                    hasher.combineText(planItems[offset].format?.rawValue)
                }
            }
        }
        for segment in model.plan.config.segments {
            pages[SitePath.segment(segment.id)] = signature("segment") { hasher in
                for offset in index.touchPositionsBySegment[segment.id] ?? [] {
                    hasher.combine(chips[offset])
                    hasher.combineText(planItems[offset].action)
                }
            }
        }
        return pages
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

/// Writes files under one root, refusing any path that would leave it.
struct PageFileWriter: Sendable {
    let root: URL
    private let rootPath: String
    private let log = WrittenPaths()

    init(root: URL) {
        self.root = root
        rootPath = root.path
    }

    /// Every path written so far, relative to the root, as `filePath(for:)` spells it.
    var written: [String] { log.paths }

    private final class WrittenPaths: @unchecked Sendable {  // guarded by `lock`
        private var list: [String] = []
        private let lock = NSLockShim()
        func add(_ path: String) { lock.withLock { list.append(path) } }
        var paths: [String] { lock.withLock { list } }
    }

    /// Creates the folders the paths need; returns them all. Folders in
    /// `existing` (made by the last render, in serve) are not made again.
    @discardableResult
    func makeDirectories(for paths: [String], existing: Set<String> = []) throws -> Set<String> {
        var parents: Set<String> = ["static"]
        for path in paths {
            guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { continue }
            parents.insert(String(path[..<slash]))
        }
        var folders = parents
        for parent in parents {
            var folder = Substring(parent)
            while let slash = folder.utf8.lastIndex(of: UInt8(ascii: "/")) {
                folder = folder[..<slash]
                folders.insert(String(folder))
            }
        }
        for folder in folders.subtracting(existing).sorted() {
            try FileManager.default.createDirectory(at: url(for: folder), withIntermediateDirectories: true)
        }
        return folders
    }

    /// Plain open/write/close: `Data.write(to:)` syncs every file to disk, which
    /// costs more than rendering the page. The site as a whole is swapped in
    /// atomically by `SiteWriter`, so no single page needs to be durable on its own.
    func write(_ data: Data, to path: String) throws {
        try data.withUnsafeBytes { try write(bytes: $0, to: path) }
    }

    func write(_ text: String, to path: String) throws {
        var text = text
        try text.withUTF8 { try write(bytes: UnsafeRawBufferPointer($0), to: path) }
    }

    /// Parts written one after the other into one file, a batch per system call.
    func write(parts: [[UInt8]], to path: String) throws {
        let descriptor = try create(path)
        defer { close(descriptor) }
        var length = 0
        var batch: [UInt8] = []
        batch.reserveCapacity(1 << 20)
        for part in parts {
            batch.append(contentsOf: part)
            length += part.count
            if batch.count >= 1 << 20 {
                try batch.withUnsafeBytes { try write(bytes: $0, to: descriptor, path: path) }
                batch.removeAll(keepingCapacity: true)
            }
        }
        try batch.withUnsafeBytes { try write(bytes: $0, to: descriptor, path: path) }
        try finish(descriptor, length: length, path: path)
    }

    /// Cuts off what an older, longer file had past the new end. Files are
    /// overwritten rather than opened with O_TRUNC: ext4 flushes a file that
    /// was truncated to zero and rewritten when it is closed, which turns
    /// writing the site into waiting for the disk.
    private func finish(_ descriptor: Int32, length: Int, path: String) throws {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw SiteRenderer.RenderError(path: path, underlying: POSIXFailure(code: errno)) }
        if Int(info.st_size) != length, ftruncate(descriptor, off_t(length)) != 0 {
            throw SiteRenderer.RenderError(path: path, underlying: POSIXFailure(code: errno))
        }
    }

    private func create(_ path: String) throws -> Int32 {
        let full = filePath(for: path)
        log.add(String(full.dropFirst(rootPath.count + 1)))
        let descriptor = open(full, O_WRONLY | O_CREAT | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw SiteRenderer.RenderError(path: path, underlying: POSIXFailure(code: errno)) }
        return descriptor
    }

    func write(bytes: UnsafeRawBufferPointer, to path: String) throws {
        let descriptor = try create(path)
        defer { close(descriptor) }
        try write(bytes: bytes, to: descriptor, path: path)
        try finish(descriptor, length: bytes.count, path: path)
    }

    private func write(bytes: UnsafeRawBufferPointer, to descriptor: Int32, path: String) throws {
        var offset = 0
        while offset < bytes.count {
            let written = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw SiteRenderer.RenderError(path: path, underlying: POSIXFailure(code: errno))
            }
            offset += written
        }
    }

    struct POSIXFailure: Error, CustomStringConvertible {
        let code: Int32
        var description: String { String(cString: strerror(code)) }
    }

    func copy(from source: URL, to path: String) throws {
        do {
            let target = url(for: path)
            log.add(String(target.path.dropFirst(rootPath.count + 1)))
            // serve renders in place: an asset may be there from the last build.
            if FileManager.default.fileExists(atPath: target.path) { try FileManager.default.removeItem(at: target) }
            try FileManager.default.copyItem(at: source, to: target)
        } catch {
            throw SiteRenderer.RenderError(path: path, underlying: error)
        }
    }

    private func url(for path: String) -> URL {
        URL(fileURLWithPath: filePath(for: path))
    }

    /// `root/path` with `.` and `..` segments dropped, so no path leaves the root.
    private func filePath(for path: String) -> String {
        var result = rootPath
        for part in path.split(separator: "/") where part != "." && part != ".." {
            result += "/"
            result += part
        }
        return result
    }
}
