import Foundation

/// Fills a new staging folder with hard links to the files of the current
/// output that the ledger vouches for, on a thread of its own while the build
/// renders into it: the build that finds an output but no spare (the second
/// build ever, or after the spare was deleted) then writes only the pages that
/// changed, as a build over the spare does, instead of every page of the site
/// (1.3 GB of fresh page cache at 50,000 items: seconds of kernel time).
///
/// A link shares its file with the live site, so the writer never writes into
/// a file with more than one link (`PageFileWriter` replaces it with a new
/// file first); pruning a link, or removing the staging folder after a failed
/// build, only drops the staging's name for it. Linking races with the render
/// safely: a path the writer created first is not linked (`EEXIST`); a path
/// linked first is either vouched for by the ledger or replaced.
enum OutputSeed {
    /// Starts linking at once, on a thread of its own; `paths` (relative to both
    /// folders) is asked for on that thread. The census's listing is what was
    /// linked and the folders made for it, in `SiteWriter.prune`'s terms.
    static func start(from output: String, into staging: String, paths: @escaping @Sendable () -> [String]) -> SpareCensus {
        SpareCensus { link(paths(), from: output, into: staging) }
    }

    /// Links each of `paths` from `output` into `staging`, making the folders they need.
    static func link(_ paths: [String], from output: String, into staging: String) -> SpareCensus.Listing {
        var listing = SpareCensus.Listing()
        listing.folders.append(staging)
        listing.parentOfFolder.append(-1)
        let source = open(output, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        let target = open(staging, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        defer {
            if source >= 0 { close(source) }
            if target >= 0 { close(target) }
        }
        guard source >= 0, target >= 0 else { return listing }
        // Folder (relative) → its index in the listing; nil: it could not be made.
        var folders: [TextKey: Int?] = [:]

        /// The listing index of the folder holding `path`, made (with its parents) if need be.
        func parent(of path: Substring) -> Int? {
            guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return 0 }
            let relative = path[..<slash]
            let key = TextKey(String(relative))
            if let known = folders[key] { return known }
            var made: Int? = nil
            if let above = parent(of: relative), mkdirat(target, String(relative), 0o777) == 0 || errno == EEXIST {
                made = listing.folders.count
                listing.folders.append(staging + "/" + relative)
                listing.parentOfFolder.append(above)
            }
            folders[key] = made
            return made
        }

        for path in paths where PageFileWriter.isClean(path) {
            guard let folder = parent(of: path[...]) else { continue }
            if linkat(source, path, target, path, 0) == 0 {
                listing.files.append(staging + "/" + path)
                listing.folderOfFile.append(folder)
            } else if errno == EXDEV || errno == EPERM || errno == EMLINK || errno == ENOSPC || errno == EDQUOT {
                // This file system will not link (or is full): the writer writes every page instead.
                break
            }
        }
        return listing
    }
}
