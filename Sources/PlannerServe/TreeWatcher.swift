import Foundation

/// Notices changes under some folders by comparing modification times and
/// sizes; polling keeps it portable and needs no per-file descriptors.
struct TreeWatcher: Sendable {
    let roots: [URL]

    struct Stamp: Equatable, Sendable {
        let seconds: Int
        let nanoseconds: Int
        let size: Int
    }

    func snapshot() -> [String: Stamp] {
        var stamps: [String: Stamp] = [:]
        for root in roots { walk(root.path, into: &stamps, depth: 0) }
        return stamps
    }

    private func walk(_ path: String, into stamps: inout [String: Stamp], depth: Int) {
        guard depth < 64, let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return }
        for name in names where !name.hasPrefix(".") {
            let child = path + "/" + name
            var info = stat()
            guard lstat(child, &info) == 0 else { continue }
            if info.st_mode & S_IFMT == S_IFDIR {
                walk(child, into: &stamps, depth: depth + 1)
            } else {
                stamps[child] = Stamp(seconds: Int(info.st_mtim.tv_sec), nanoseconds: Int(info.st_mtim.tv_nsec), size: Int(info.st_size))
            }
        }
    }

    /// Paths added, removed or changed between two snapshots, sorted.
    static func changes(from old: [String: Stamp], to new: [String: Stamp]) -> [String] {
        var changed: [String] = []
        for (path, stamp) in new where old[path] != stamp { changed.append(path) }
        for path in old.keys where new[path] == nil { changed.append(path) }
        return changed.sorted()
    }
}
