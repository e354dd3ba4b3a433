import Dispatch
import Foundation

/// Load → split and decode → resolve: from a content folder to one `Plan`
/// and the diagnostics met on the way.
public struct PlanLoader: Sendable {
    public let contentDirectory: URL
    /// Decoded files kept between loads (serve): a file whose size and
    /// modification time are unchanged is not read or parsed again.
    public let cache: DocumentCache?
    /// Where to leave the bytes of each file read (for a text report); nil: nowhere.
    public let texts: SourceTexts?
    /// serve's stage times: reading and decoding, then resolving.
    public let phases: PhaseLog?

    public struct Result: Sendable {
        /// Nil when plan.yml is missing or unusable.
        public var plan: Plan?
        public var diagnostics: [Diagnostic]
        public var contentRoot: String
        /// The cache's context generation after this load (serve): the same
        /// number means plan.yml, the personas and the assets are unchanged.
        public var contextGeneration: Int?
    }

    public init(contentDirectory: URL, cache: DocumentCache? = nil, texts: SourceTexts? = nil, phases: PhaseLog? = nil) {
        self.phases = phases
        self.contentDirectory = contentDirectory
        self.cache = cache
        self.texts = texts
    }

    public func load() -> Result {
        Heap.prepare()
        // In serve, after edits of files already known, the folder is not walked again.
        let reused = cache?.reusableListing(contentDirectory: contentDirectory.standardizedFileURL.path)
        // Only item files edited since the last load: that load, patched.
        if let reused, let cache, let patched = patchedLoad(changed: reused.changed, cache: cache) { return patched }
        cache?.forgetLastLoad()
        let listing = reused?.listing.listing ?? ContentLoader(contentDirectory: contentDirectory).list()
        var diagnostics = listing.diagnostics
        guard let planEntry = listing.entries.first(where: { $0.role == .plan }) else {
            let file = listing.contentPrefix == "." ? "plan.yml" : listing.contentPrefix + "/plan.yml"
            diagnostics.append(
                Diagnostic(
                    ruleID: "front-matter", severity: .error,
                    message: Localized(zh: "找不到 plan.yml。", en: "There is no plan.yml."),
                    location: SourceLocation(file: file),
                    hint: Localized(
                        zh: "在内容文件夹里建一个 plan.yml，至少写 title、start、end。",
                        en: "Create plan.yml in the content folder with at least title, start and end."),
                    fingerprint: Fingerprint.make(["front-matter", "plan", "missing"])))
            return Result(plan: nil, diagnostics: diagnostics, contentRoot: listing.contentRoot)
        }
        var planDecode = PlanConfigDecoder.Result(config: nil, maximumFileSize: FrontMatterSplitter.defaultMaximumSize, diagnostics: [])
        let planData = readFile(planEntry)
        switch planData.flatMap({ data in
            FrontMatterSplitter.decodeText(data).mapError { $0.diagnostic(file: planEntry.displayPath, id: "plan") }
        }) {
        case .failure(let diagnostic): diagnostics.append(diagnostic)
        case .success(let text): planDecode = PlanConfigDecoder(file: planEntry.displayPath).decode(text)
        }
        diagnostics += planDecode.diagnostics

        let (documents, duplicates) = reused.map { ($0.listing.documents, $0.listing.duplicates) }
            ?? uniqueDocuments(listing.entries.filter { $0.role != .plan })
        if reused == nil { cache?.storeListing(listing, documents: documents, duplicates: duplicates) }
        let changed = reused?.changed
        diagnostics += duplicates
        let decoder = DocumentDecoder(maximumFileSize: planDecode.maximumFileSize)
        // Each document, its findings, and whether it was decoded afresh (not taken from the cache).
        let results = ConcurrentResults<(DecodedDocument, [Diagnostic], Bool)>(count: documents.count)
        let cache = self.cache
        let texts = self.texts
        cache?.prepare(maximumFileSize: planDecode.maximumFileSize)
        // The calendar's astronomy needs plan.yml only: it is worked out first, beside the files, not after them.
        let planConfig = planDecode.config
        let grid = ConcurrentResults<[CalendarDay]>(count: 1)
        let first = planConfig == nil ? 0 : 1
        let folders = Self.openFolders(documents.map { $0.absolutePath })
        defer { Self.closeFolders(folders) }
        DispatchQueue.concurrentPerform(iterations: documents.count + first) { iteration in
            Heap.prepareThread()
            if iteration < first {
                if let planConfig { grid.set(0, Plan.calendarGrid(planConfig)) }
                return
            }
            let index = iteration - first
            let entry = documents[index]
            if let changed, !changed.contains(entry.relativePath), let cached = cache?.lookupUnchanged(entry) {
                results.set(index, (cached.0, cached.1, false))
                return
            }
            let stamp = cache.flatMap { _ in DocumentCache.stamp(of: entry.absolutePath) }
            if let stamp, let cached = cache?.lookup(entry, stamp: stamp) {
                results.set(index, (cached.0, cached.1, false))
                return
            }
            guard let bytes = Self.readBytes(entry.absolutePath, folder: folders[index]) else {
                results.set(index, (.none, [LoadProblem.unreadable(entry.displayPath, nil)], true))
                return
            }
            // Saved again with the same bytes: nothing to decode or resolve again.
            if let stamp, let cached = cache?.lookup(entry, bytes: bytes, stamp: stamp) {
                texts?.store(entry.displayPath, bytes)
                results.set(index, (cached.0, cached.1, false))
                return
            }
            let (decoded, text) = decoder.decodeKeepingText(entry: entry, bytes: bytes)
            if let texts {
                // The report quotes the text decoded here; bytes that are no text, it reads as they are.
                if let text { texts.store(entry.displayPath, text: text) } else { texts.store(entry.displayPath, bytes) }
            }
            if let stamp { cache?.store(entry, stamp: stamp, bytes: bytes, decoded) }
            results.set(index, (decoded.0, decoded.1, true))
        }
        var personas: [DecodedPersona] = []
        var contextPaths: [String] = []
        var contextReused = true
        var items: [DecodedItem] = []
        items.reserveCapacity(documents.count)
        var series: [DecodedSeries] = []
        var overrides: [DecodedOverride] = []
        var people: [DecodedPerson] = []
        // Per item: its file, and whether it was decoded afresh (its resolved item may be kept otherwise).
        var itemEntries: [SourceEntry] = []
        var itemFresh: [Bool] = []
        let head = diagnostics
        var documentProblems: [[Diagnostic]] = []
        documentProblems.reserveCapacity(documents.count)
        var decodedDocuments = results.take()
        for index in decodedDocuments.indices {
            // Moved out of its slot: a copy would retain every field of the decoded file.
            guard let (document, problems, fresh) = decodedDocuments[index].take() else { continue }
            diagnostics += problems
            // What serve keeps to patch the next load; a one-off load does without.
            if cache != nil { documentProblems.append(problems) }
            switch document {
            case .item(let item):
                items.append(item)
                if cache != nil {
                    itemEntries.append(documents[index])
                    itemFresh.append(fresh)
                }
                continue
            case .persona(let persona): personas.append(persona)
            case .series(let entry): series.append(entry)
            case .override(let override): overrides.append(override)
            case .person(let person): people.append(person)
            case .none: continue
            }
            // Everything but an item file is context: items are resolved against it.
            contextPaths.append(documents[index].relativePath)
            if fresh { contextReused = false }
        }
        guard let config = planDecode.config else {
            return Result(plan: nil, diagnostics: diagnostics, contentRoot: listing.contentRoot)
        }
        let expanded = SeriesExpander(config: config, isPublicHoliday: PublicHolidays.checker(for: config))
            .expand(series: series, overrides: overrides)
        diagnostics += expanded.diagnostics
        var known: [(Item?, [Diagnostic])?] = []
        if let cache, case .success(let data) = planData {
            cache.noteContext(plan: data, files: contextPaths, assets: listing.assets, reused: contextReused)
            known = zip(itemEntries, itemFresh).map { entry, fresh in fresh ? nil : cache.resolved(entry) }
        }
        phases?.finished(.load)
        let resolver = Resolver(config: config, assets: Set(listing.assets), contentPrefix: listing.contentPrefix)
        let entriesOfItems = itemEntries
        // Items of series come after the files' items and are always resolved afresh.
        // Appended in place: `items + …` would copy (and retain) every decoded item once more.
        items.append(contentsOf: expanded.items)
        let resolved = resolver.resolve(
            personas: personas, items: items, assetList: listing.assets, templates: expanded.templates, people: people,
            known: known, calendarGrid: grid.values.first
        ) { index, item, problems in
            if index < entriesOfItems.count { cache?.storeResolved(entriesOfItems[index], item, problems) }
        }
        diagnostics += resolved.diagnostics
        let result = Result(
            plan: resolved.plan, diagnostics: diagnostics, contentRoot: listing.contentRoot,
            contextGeneration: known.isEmpty ? nil : cache?.generation)
        if let cache, !known.isEmpty, texts == nil, let context = resolved.context {
            cache.storeLastLoad(
                LastLoad(
                    result: result, documents: documents, documentProblems: documentProblems, itemEntries: itemEntries,
                    itemResults: Array(resolved.resolvedItems.prefix(itemEntries.count)), itemProblems: resolved.itemProblems,
                    head: head, middle: expanded.diagnostics + resolved.beforeItems, tail: resolved.afterItems, context: context,
                    decoder: decoder))
        }
        phases?.finished(.resolve)
        return result
    }

    private func readFile(_ entry: SourceEntry) -> Swift.Result<Data, Diagnostic> {
        do {
            return .success(try Data(contentsOf: URL(fileURLWithPath: entry.absolutePath)))
        } catch {
            return .failure(LoadProblem.unreadable(entry.displayPath, error))
        }
    }

    /// The folder of each path opened once, for `readBytes(_:folder:)` (-1:
    /// not opened; at most 256 are). Paths in listing order share folders in runs.
    static func openFolders(_ paths: [String]) -> [Int32] {
        var folders: [Int32] = []
        folders.reserveCapacity(paths.count)
        var opened: [String: Int32] = [:]
        var last: (folder: [UInt8], descriptor: Int32) = ([], -1)
        for path in paths {
            var path = path
            // On the bytes: the String views cost more per path than the opening saves.
            let descriptor = path.withUTF8 { utf8 -> Int32 in
                var slash = utf8.count - 1
                while slash > 0 && utf8[slash] != 0x2F { slash -= 1 }
                guard slash > 0, let base = utf8.baseAddress else { return -1 }
                if slash == last.folder.count && memcmp(base, last.folder, slash) == 0 { return last.descriptor }
                let folder = String(decoding: UnsafeBufferPointer(rebasing: utf8[..<slash]), as: UTF8.self)
                let descriptor: Int32
                if let known = opened[folder] {
                    descriptor = known
                } else if opened.count < 256 {
                    descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
                    opened[folder] = descriptor
                } else {
                    descriptor = -1
                }
                last = (Array(UnsafeBufferPointer(rebasing: utf8[..<slash])), descriptor)
                return descriptor
            }
            folders.append(descriptor)
        }
        return folders
    }

    /// Closes what `openFolders` opened.
    static func closeFolders(_ folders: [Int32]) {
        for descriptor in Set(folders) where descriptor >= 0 { close(descriptor) }
    }

    /// A file's bytes, read straight into an array when `fstat` gives its
    /// size (as Data reads: up to that size): Data and URL cost more than
    /// parsing a small file. Nil when unreadable.
    /// - Parameter folder: the file's folder, opened (`openFolders`): the
    ///   file is then opened by its name there, where `open` would walk every
    ///   folder of its absolute path again, for each of thousands of files.
    static func readBytes(_ path: String, folder: Int32 = -1) -> [UInt8]? {
        let descriptor: Int32
        if folder >= 0 {
            descriptor = path.withCString { path in
                guard let slash = strrchr(path, 0x2F) else { return open(path, O_RDONLY | O_CLOEXEC) }
                return openat(folder, slash + 1, O_RDONLY | O_CLOEXEC)
            }
        } else {
            descriptor = open(path, O_RDONLY | O_CLOEXEC)
        }
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        let size = Int(info.st_size)
        // Files that do not know their size are read the general way.
        guard size > 0 else { return try? [UInt8](Data(contentsOf: URL(fileURLWithPath: path))) }
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            guard let base = buffer.baseAddress else {
                failed = true
                return
            }
            while initialized < size {
                let count = read(descriptor, base + initialized, size - initialized)
                if count > 0 {
                    initialized += count
                } else if count == 0 {
                    break
                } else if errno != EINTR {
                    failed = true
                    break
                }
            }
        }
        return failed ? nil : bytes
    }

    /// Whether no two entries share an id in their namespace (items share
    /// one, personas, series and people each have their own). Ids compared
    /// as bytes when all paths are plain NFC text (`==` compares canonically,
    /// which for such text is the same, and checks every scalar of Chinese ids).
    private static func allIDsDiffer(_ entries: [SourceEntry], plain: Bool) -> Bool {
        guard plain else {
            var seen = Set<String>(minimumCapacity: entries.count)
            return entries.allSatisfy { entry in
                let namespace = entry.role.namedByStem ? "\(entry.role)" : "item"
                return seen.insert(namespace + "\u{0}" + entry.id).inserted
            }
        }
        var items = Set<TextKey>(minimumCapacity: entries.count)
        var named: [SourceRole: Set<TextKey>] = [:]
        for entry in entries {
            let inserted = entry.role.namedByStem
                ? named[entry.role, default: []].insert(TextKey(entry.id)).inserted
                : items.insert(TextKey(entry.id)).inserted
            if !inserted { return false }
        }
        return true
    }

    /// Keeps the first file of each id (in path order) and reports the others.
    private func uniqueDocuments(_ entries: [SourceEntry]) -> ([SourceEntry], [Diagnostic]) {
        // Almost always every id is used once: then the entries stand as listed (sorted by path), unsorted twice more.
        // Plain NFC text compares as its bytes do, without `<`'s checks of every scalar.
        let plain = entries.indices.allSatisfy { entries[$0].relativePath.isPlainNFC }
        if Self.allIDsDiffer(entries, plain: plain)
            && entries.indices.dropFirst().allSatisfy({ index in
                let (before, path) = (entries[index - 1].relativePath, entries[index].relativePath)
                return plain ? before.precedesByBytes(path) : before < path
            })
        {
            return (entries, [])
        }
        var unique: [SourceEntry] = []
        var diagnostics: [Diagnostic] = []
        // `a.md` is the original and `a.markdown` the duplicate, whatever the sort order of names.
        // Ids are worked out once, not in every comparison.
        let ordered = entries.map { (entry: $0, id: $0.id) }.sorted { a, b in
            if a.id != b.id { return a.id < b.id }
            let aPlain = a.entry.relativePath.hasSuffix(".md")
            let bPlain = b.entry.relativePath.hasSuffix(".md")
            if aPlain != bPlain { return aPlain }
            return a.entry.relativePath < b.entry.relativePath
        }
        // Equal ids are neighbours once sorted: the first file of each role
        // (persona, series, person, item) in each run of them is kept.
        var runID: String?
        var firsts: [SourceRole: SourceEntry] = [:]
        for (entry, id) in ordered {
            if runID != id {
                runID = id
                firsts = [:]
            }
            // Items of every kind share one namespace (their ids carry the folder anyway).
            let namespace: SourceRole = entry.role.namedByStem ? entry.role : .item(.moment)
            if let first = firsts[namespace] {
                diagnostics.append(
                    Diagnostic(
                        ruleID: "duplicate-id", severity: .error,
                        message: Localized(
                            zh: "id “\(id)” 已被 \(first.displayPath) 占用。",
                            en: "The id “\(id)” is already used by \(first.displayPath)."),
                        location: SourceLocation(file: entry.displayPath),
                        related: [RelatedLocation(location: SourceLocation(file: first.displayPath), message: Localized(zh: "先出现的文件", en: "the first file with this id"))],
                        hint: Localized(zh: "重命名其中一个文件。", en: "Rename one of the files."),
                        fingerprint: Fingerprint.make(["duplicate-id", entry.relativePath])))
                continue
            }
            firsts[namespace] = entry
            unique.append(entry)
        }
        return (unique.sorted { $0.relativePath < $1.relativePath }, diagnostics)
    }
}

extension Diagnostic: Error {}
