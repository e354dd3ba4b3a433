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

    private struct Entry {
        let entry: SourceEntry
        let stamp: Stamp
        let decoded: (DecodedDocument, [Diagnostic])
    }

    private var entries: [String: Entry] = [:]
    private var maximumFileSize: Int?
    private let lock = NSLockShim()

    public init() {}

    /// A change of the size limit in plan.yml invalidates everything.
    func prepare(maximumFileSize: Int) {
        lock.withLock {
            if self.maximumFileSize != maximumFileSize { entries = [:] }
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
