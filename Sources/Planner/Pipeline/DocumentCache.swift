import Foundation

/// Decoded content files by path, valid while the file's size and
/// modification time stay the same. Shared by the worker threads of a load.
public final class DocumentCache: @unchecked Sendable {
    struct Stamp: Equatable {
        let seconds: Int
        let nanoseconds: Int
        let size: Int
        let inode: UInt
    }

    private struct Entry: Sendable {
        let entry: SourceEntry
        let stamp: Stamp
        let decoded: (DecodedDocument, [Diagnostic])
    }

    private var entries = TextKeyed<Entry>()
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

    public init() {}

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

    func store(_ entry: SourceEntry, stamp: Stamp, _ decoded: (DecodedDocument, [Diagnostic])) {
        lock.withLock { entries[entry.absolutePath] = Entry(entry: entry, stamp: stamp, decoded: decoded) }
    }

    static func stamp(of path: String) -> Stamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Stamp(
            seconds: Int(info.st_mtim.tv_sec), nanoseconds: Int(info.st_mtim.tv_nsec), size: Int(info.st_size),
            inode: UInt(info.st_ino))
    }
}
