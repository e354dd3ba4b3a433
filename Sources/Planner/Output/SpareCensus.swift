import Dispatch
import Foundation

/// The files and folders the spare site held, listed on a thread of its own
/// while the build renders into it, so that removing what the build did not
/// write (`SiteWriter.prune`) need not walk ten thousand folders after the
/// last page, on one core, before the swap.
///
/// Listing while pages are written is safe for what it is used for: a file
/// that was in the spare before the build started and is not rewritten is
/// listed (readdir returns every entry that is not added or removed while it
/// runs); anything the walk misses is new, hence written and kept. A build
/// with no spare lists what `OutputSeed` linked in instead, the same way.
final class SpareCensus: @unchecked Sendable {  // `listing` written once before `done` is signalled
    /// Folders in walk order (a folder before what it holds), files with the folder that holds them.
    struct Listing {
        var folders: [String] = []
        var parentOfFolder: [Int] = []
        var files: [String] = []
        var folderOfFile: [Int] = []
    }

    private var listing = Listing()
    private let done = DispatchSemaphore(value: 0)

    /// Starts listing `root` at once.
    convenience init(root: String) {
        self.init { Self.listing(of: root) }
    }

    /// Starts `make` at once; its listing is what `wait` returns (`OutputSeed` links and lists this way).
    init(_ make: @escaping @Sendable () -> Listing) {
        // A thread of its own, not a pool's: the render's workers take the pool's threads.
        let thread = Thread { [self] in
            self.listing = make()
            done.signal()
        }
        thread.start()
    }

    /// The listing, once the walk is done.
    func wait() -> Listing {
        done.wait()
        done.signal()
        return listing
    }

    /// The files and folders under `root` (itself the first folder), on this thread; links are not followed.
    static func listing(of root: String) -> Listing {
        var listing = Listing()
        walk(root, parent: -1, depth: 0, into: &listing)
        return listing
    }

    private static func walk(_ path: String, parent: Int, depth: Int, into listing: inout Listing) {
        let index = listing.folders.count
        listing.folders.append(path)
        listing.parentOfFolder.append(parent)
        guard depth < 64, let directory = opendir(path) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name == "." || name == ".." { continue }
            let child = path + "/" + name
            var isFolder = entry.pointee.d_type == UInt8(DT_DIR)
            if entry.pointee.d_type == UInt8(DT_UNKNOWN) {
                var info = stat()
                isFolder = lstat(child, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
            }
            if isFolder {
                walk(child, parent: index, depth: depth + 1, into: &listing)
            } else {
                listing.files.append(child)
                listing.folderOfFile.append(index)
            }
        }
    }
}
