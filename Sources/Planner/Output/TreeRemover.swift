import Dispatch
import Foundation

/// Deletes a folder tree with its files unlinked on all cores: the old site
/// after a swap holds one file per item, and removing them one by one on one
/// thread took longer than writing the new site's item pages.
enum TreeRemover {
    static func remove(_ url: URL) {
        let listing = SpareCensus.listing(of: url.path)
        let fileList = listing.files
        let folders = listing.folders
        let chunk = 256
        DispatchQueue.concurrentPerform(iterations: (fileList.count + chunk - 1) / chunk) { part in
            for index in (part * chunk)..<min(fileList.count, (part + 1) * chunk) { unlink(fileList[index]) }
        }
        // Deepest first: a folder is empty once its files and subfolders are gone.
        for folder in folders.reversed() { rmdir(folder) }
        // Anything left (a file that appeared meanwhile, a too-deep tree): the careful way.
        if FileManager.default.fileExists(atPath: url.path) { try? FileManager.default.removeItem(at: url) }
    }
}
