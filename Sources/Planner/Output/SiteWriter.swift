internal import CSupport
import Foundation

/// Renders into a temporary sibling of the output folder and swaps it in
/// whole, so `output/` is always either the complete old site or the
/// complete new one — even if the process is killed midway.
public struct SiteWriter: Sendable {
    public let output: URL
    public let content: URL

    public enum Refusal: Error, CustomStringConvertible, Equatable {
        case isContent
        case containsContent
        case insideContent
        case rootOrHome(String)
        case notAFolder(String)

        public var description: String {
            switch self {
            case .isContent: return "the output folder is the content folder"
            case .containsContent: return "the output folder contains the content folder"
            case .insideContent: return "the output folder is inside the content folder"
            case .rootOrHome(let path): return "refusing to replace \(path)"
            case .notAFolder(let path): return "\(path) exists and is not a folder"
            }
        }
    }

    public init(output: URL, content: URL) {
        self.output = output.standardizedFileURL
        self.content = content.standardizedFileURL
    }

    private var stagingPrefix: String { "." + output.lastPathComponent + ".plan-build-" }

    /// Checks that the output folder is safe to replace.
    public func validate() throws {
        let out = Self.canonical(output)
        let src = Self.canonical(content)
        if out == src { throw Refusal.isContent }
        if src.hasPrefix(out == "/" ? "/" : out + "/") { throw Refusal.containsContent }
        if out.hasPrefix(src + "/") { throw Refusal.insideContent }
        let home = Self.canonical(FileManager.default.homeDirectoryForCurrentUser)
        if out == "/" || out == home { throw Refusal.rootOrHome(out) }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: output.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw Refusal.notAFolder(output.path)
        }
    }

    /// Renders through `body` into a fresh staging folder, then swaps it in.
    /// On any error the staging folder is removed and `output/` is untouched.
    public func replace(with body: (URL) throws -> Void) throws {
        try validate()
        let parent = output.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        removeStaleStaging(in: parent)
        let staging = parent.appendingPathComponent(stagingPrefix + "new-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: false)
        do {
            try body(staging)
            try swap(staging, into: output)
        } catch {
            try? FileManager.default.removeItem(at: staging)
            throw error
        }
    }

    private func swap(_ staging: URL, into output: URL) throws {
        if FileManager.default.fileExists(atPath: output.path) {
            if planbuild_exchange_paths(staging.path, output.path) == 0 {
                // `staging` now holds the old site.
                TreeRemover.remove(staging)
                return
            }
            // No atomic exchange here: move the old site aside, then the new one in.
            let old = output.deletingLastPathComponent().appendingPathComponent(stagingPrefix + "old-\(getpid())")
            try? FileManager.default.removeItem(at: old)
            try FileManager.default.moveItem(at: output, to: old)
            do {
                try FileManager.default.moveItem(at: staging, to: output)
            } catch {
                try? FileManager.default.moveItem(at: old, to: output)
                throw error
            }
            try? FileManager.default.removeItem(at: old)
        } else {
            try FileManager.default.moveItem(at: staging, to: output)
        }
    }

    /// Leftovers of builds that were killed: staging folders whose process is gone.
    private func removeStaleStaging(in parent: URL) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return }
        for name in names.sorted() where name.hasPrefix(stagingPrefix) {
            let fields = name.dropFirst(stagingPrefix.count).split(separator: "-")
            if fields.count >= 2, let pid = Int32(fields[1]), pid != getpid(), kill(pid, 0) == 0 { continue }
            try? FileManager.default.removeItem(at: parent.appendingPathComponent(name))
        }
    }

    static func canonical(_ url: URL) -> String {
        let path = url.standardizedFileURL.path
        if let resolved = realpath(path, nil) {
            defer { free(resolved) }
            return String(cString: resolved)
        }
        // Not there yet: resolve the parent and append the name.
        let parent = url.deletingLastPathComponent()
        if parent.path != path, let resolved = realpath(parent.path, nil) {
            defer { free(resolved) }
            let base = String(cString: resolved)
            return (base == "/" ? "" : base) + "/" + url.lastPathComponent
        }
        return path
    }
}
