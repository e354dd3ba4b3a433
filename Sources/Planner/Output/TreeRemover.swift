import Dispatch
import Foundation

/// Deletes a folder tree with its files unlinked on all cores: the old site
/// after a swap holds one file per item, and removing them one by one on one
/// thread took longer than writing the new site's item pages.
enum TreeRemover {
    static func remove(_ url: URL) {
        var files: [String] = []
        var folders: [String] = []
        collect(url.path, files: &files, folders: &folders, depth: 0)
        let fileList = files
        let chunk = 256
        DispatchQueue.concurrentPerform(iterations: (fileList.count + chunk - 1) / chunk) { part in
            for index in (part * chunk)..<min(fileList.count, (part + 1) * chunk) { unlink(fileList[index]) }
        }
        // Deepest first: a folder is empty once its files and subfolders are gone.
        for folder in folders.reversed() { rmdir(folder) }
        // Anything left (a file that appeared meanwhile, a too-deep tree): the careful way.
        if FileManager.default.fileExists(atPath: url.path) { try? FileManager.default.removeItem(at: url) }
    }

    static func collect(_ path: String, files: inout [String], folders: inout [String], depth: Int) {
        folders.append(path)
        guard depth < 64, let directory = opendir(path) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name == "." || name == ".." { continue }
            let child = path + "/" + name
            if entry.pointee.d_type == UInt8(DT_DIR) {
                collect(child, files: &files, folders: &folders, depth: depth + 1)
            } else if entry.pointee.d_type == UInt8(DT_UNKNOWN) {
                var info = stat()
                if lstat(child, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
                    collect(child, files: &files, folders: &folders, depth: depth + 1)
                } else {
                    files.append(child)
                }
            } else {
                files.append(child)
            }
        }
    }
}
