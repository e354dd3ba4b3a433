import Foundation

/// Decoded content files by path, valid while the file's size and
/// modification time stay the same, or its bytes when they do not (a save
/// that changed nothing); and each item as the resolver made it, valid while
/// the file and everything it is resolved against (plan.yml, the personas,
/// the assets: the context) are unchanged. Shared by the worker threads of a load.
public final class DocumentCache: @unchecked Sendable {
    struct Stamp: Equatable {
        let seconds: Int
        let nanoseconds: Int
        let size: Int
        let inode: UInt
    }

    /// A class: a lookup among 10,000 must not copy (and retain) every field. Guarded by `lock`.
    private final class Entry: @unchecked Sendable {
        let entry: SourceEntry
        var stamp: Stamp
        let bytes: [UInt8]
        let decoded: (DecodedDocument, [Diagnostic])
        /// The resolver's item and findings, made in context `generation`.
        var resolved: (item: Item?, diagnostics: [Diagnostic], generation: Int)?

        init(entry: SourceEntry, stamp: Stamp, bytes: [UInt8], decoded: (DecodedDocument, [Diagnostic])) {
            self.entry = entry
            self.stamp = stamp
            self.bytes = bytes
            self.decoded = decoded
        }
    }

    private var entries = TextKeyed<Entry>()
    /// Bumped whenever what items are resolved against may have changed.
    private(set) var generation = 0
    /// What the context was at the last load: plan.yml's bytes, the other files that are not items
    /// (personas, series, people…), the assets.
    private var context: (plan: Data, files: [String], assets: [String])?
    private var maximumFileSize: Int?
    private let lock = NSLockShim()

    /// The last full walk of the content folder and the files kept from it,
    /// reused while every change is an edit of a file that walk found.
    struct Listing {
        let listing: ContentListing
        let documents: [SourceEntry]
        let duplicates: [Diagnostic]
        let relativePaths: Set<String>
    }

    private var listing: Listing?
    /// Absolute paths changed since the last load; nil when unknown.
    private var changes: [String]?

    /// The last load, for a load after edits of item files only to patch (`PlanLoader.patchedLoad`).
    private var last: LastLoad?

    public init() {}

    var lastLoad: LastLoad? { lock.withLock { last } }

    func storeLastLoad(_ load: LastLoad) { lock.withLock { last = load } }

    func forgetLastLoad() { lock.withLock { last = nil } }

    /// What changed before the next load, as the watcher saw it (absolute
    /// paths of files); nil when unknown. Only used by that one load.
    public func noteChanges(_ paths: [String]?) {
        lock.withLock { changes = paths }
    }

    /// The last listing, when the only changes since are edits of files in it
    /// that still exist, with the changed files' relative paths. Nil means:
    /// walk the folder again.
    func reusableListing(contentDirectory: String) -> (listing: Listing, changed: Set<String>)? {
        lock.withLock {
            defer { changes = nil }
            guard let listing, let changes else { return nil }
            var changed: Set<String> = []
            for path in changes {
                var relative: Substring?
                for root in [listing.listing.contentRoot, contentDirectory] where path.hasPrefix(root + "/") {
                    relative = path.dropFirst(root.count + 1)
                }
                guard let relative, listing.relativePaths.contains(String(relative)), access(path, F_OK) == 0 else { return nil }
                changed.insert(String(relative))
            }
            return (listing, changed)
        }
    }

    func storeListing(_ listing: ContentListing, documents: [SourceEntry], duplicates: [Diagnostic]) {
        lock.withLock {
            self.listing = Listing(
                listing: listing, documents: documents, duplicates: duplicates,
                relativePaths: Set(listing.entries.map(\.relativePath)))
        }
    }

    /// The cached document of a file known to be unchanged, without a `stat`.
    func lookupUnchanged(_ entry: SourceEntry) -> (DecodedDocument, [Diagnostic])? {
        lock.withLock {
            guard let cached = entries[entry.absolutePath], cached.entry == entry else { return nil }
            return cached.decoded
        }
    }

    /// A change of the size limit in plan.yml invalidates everything.
    func prepare(maximumFileSize: Int) {
        lock.withLock {
            if self.maximumFileSize != maximumFileSize { entries = TextKeyed() }
            self.maximumFileSize = maximumFileSize
        }
    }

    func lookup(_ entry: SourceEntry, stamp: Stamp) -> (DecodedDocument, [Diagnostic])? {
        lock.withLock {
            guard let cached = entries[entry.absolutePath], cached.stamp == stamp, cached.entry == entry else { return nil }
            return cached.decoded
        }
    }

    /// The cached document of a file whose stamp changed but whose bytes did
    /// not (an editor's save of the same text, a `touch`); the new stamp is kept.
    func lookup(_ entry: SourceEntry, bytes: [UInt8], stamp: Stamp) -> (DecodedDocument, [Diagnostic])? {
        lock.withLock {
            guard let cached = entries[entry.absolutePath], cached.entry == entry, cached.bytes == bytes else { return nil }
            cached.stamp = stamp
            return cached.decoded
        }
    }

    func store(_ entry: SourceEntry, stamp: Stamp, bytes: [UInt8], _ decoded: (DecodedDocument, [Diagnostic])) {
        lock.withLock { entries[entry.absolutePath] = Entry(entry: entry, stamp: stamp, bytes: bytes, decoded: decoded) }
    }

    /// Notes this load's context; a different one makes every resolved item stale.
    /// - Parameter files: the files that are neither plan.yml nor items (personas, series, people…).
    /// - Parameter reused: every one of those files' documents came from the cache.
    func noteContext(plan: Data, files: [String], assets: [String], reused: Bool) {
        lock.withLock {
            if !reused || context.map({ $0.plan != plan || $0.files != files || $0.assets != assets }) ?? true {
                generation += 1
            }
            context = (plan, files, assets)
        }
    }

    /// The resolver's output for an item file whose document came from the cache, made in this context.
    func resolved(_ entry: SourceEntry) -> (Item?, [Diagnostic])? {
        lock.withLock {
            guard let resolved = entries[entry.absolutePath]?.resolved, resolved.generation == generation else { return nil }
            return (resolved.item, resolved.diagnostics)
        }
    }

    func storeResolved(_ entry: SourceEntry, _ item: Item?, _ diagnostics: [Diagnostic]) {
        lock.withLock {
            entries[entry.absolutePath]?.resolved = (item, diagnostics, generation)
        }
    }

    static func stamp(of path: String) -> Stamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Stamp(
            seconds: Int(info.st_mtim.tv_sec), nanoseconds: Int(info.st_mtim.tv_nsec), size: Int(info.st_size),
            inode: UInt(info.st_ino))
    }
}
