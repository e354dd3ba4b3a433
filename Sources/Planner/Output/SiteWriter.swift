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

    /// Renders through `body` into a staging folder, then swaps it in. On any
    /// error the staging folder is removed and `output/` is untouched.
    ///
    /// The site swapped out is kept as a spare (`.<output>.plan-build-spare`)
    /// and the next build renders into it, overwriting its files: creating
    /// ten thousand new files right after deleting ten thousand costs more
    /// than rendering them on file systems that skip recently freed inodes.
    /// With no spare but an output (the second build, or the spare deleted),
    /// the output's files are hard-linked into the new staging folder instead
    /// (`OutputSeed`), so this build too writes only what changed.
    /// `body` returns the paths it wrote; whatever else the spare (or the
    /// linked site) held is deleted before the swap. It writes through the ledger session it is
    /// given, and the ledger beside the output is updated after the swap.
    func replace(with body: (URL, SiteLedger.Session) throws -> [String]) throws {
        try validate()
        let parent = output.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        removeStaleStaging(in: parent)
        let reading = SiteLedger.Reading(ledgerPath)
        let staging = parent.appendingPathComponent(stagingPrefix + "new-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        // rename(2) is atomic: of two builds at once, one claims the spare.
        let reused = rename(spare.path, staging.path) == 0
        if !reused { try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: false) }
        FaultPoint.stagingCreated.reach()
        let stagingIdentity = SiteLedger.Identity(folder: staging.path)
        let outputIdentity = SiteLedger.Identity(folder: output.path)
        // No spare but an output the ledger knows: its files are linked in (see `OutputSeed`).
        let seeded = !reused && outputIdentity != nil
        // What the staging folder holds besides what this build writes: the spare's files, or the links.
        let census: SpareCensus?
        if reused {
            census = SpareCensus(root: staging.path)
        } else if seeded {
            census = OutputSeed.start(from: output.path, into: staging.path) { reading.ledger.section(of: outputIdentity)?.order.map(\.text) ?? [] }
        } else {
            census = nil
        }
        let previousIdentity = reused ? stagingIdentity : outputIdentity
        var session = SiteLedger.Session(
            previous: { reused || seeded ? reading.ledger.entries(of: previousIdentity) : [:] }, linkSource: seeded ? output.path : nil)
        let spareKept: Bool
        do {
            do {
                let written = try body(staging, session)
                FaultPoint.stagingWritten.reach()
                if let census { Self.prune(census.wait(), root: staging.path, keeping: written) }
            } catch where reused || seeded {
                // The old site's shape got in the way (a folder where a page goes): start clean.
                _ = census?.wait()
                TreeRemover.remove(staging)
                try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: false)
                session = SiteLedger.Session(previous: { [:] })
                _ = try body(staging, session)
            }
            FaultPoint.pruned.reach()
            spareKept = try swap(staging, into: output)
            FaultPoint.spareKept.reach()
        } catch {
            _ = census?.wait()
            TreeRemover.remove(staging)
            throw error
        }
        // The new site's files, and the old output's as the spare it now is.
        var next = SiteLedger()
        if let identity = SiteLedger.Identity(folder: output.path) {
            next.sections.append(session.section(identity))
        }
        if spareKept, let outputIdentity, outputIdentity != stagingIdentity, SiteLedger.Identity(folder: spare.path) == outputIdentity,
            let old = reading.ledger.section(of: outputIdentity)
        {
            next.sections.append(old)
        }
        next.write(to: ledgerPath)
    }

    /// The ledger of the output's and the spare's files (see `SiteLedger`).
    var ledgerPath: String { output.deletingLastPathComponent().appendingPathComponent(stagingPrefix + "ledger").path }

    /// Where the previous site waits to be overwritten by the next build.
    var spare: URL { output.deletingLastPathComponent().appendingPathComponent(stagingPrefix + "spare") }

    /// Deletes the files of `listing` (the spare as it was, under `root`) that are not in `written`
    /// (paths relative to `root`), then the folders left with nothing kept in them.
    static func prune(_ listing: SpareCensus.Listing, root: String, keeping written: [String]) {
        // By bytes: hashing a String checks Chinese paths for canonical form.
        let keep = Set(written.map { TextKey(root + "/" + $0) })
        // A folder holding a kept file (or a folder that does) stays: no rmdir that must fail.
        var holdsKept = [Bool](repeating: false, count: listing.folders.count)
        for (offset, file) in listing.files.enumerated() {
            if keep.contains(TextKey(file)) {
                holdsKept[listing.folderOfFile[offset]] = true
            } else {
                unlink(file)
            }
        }
        // Deepest first: a folder comes after its parent in the walk.
        for index in listing.folders.indices.reversed() {
            let parent = listing.parentOfFolder[index]
            guard parent >= 0 else { continue }
            // Not empty after all (something the walk did not see): its parent stays too.
            if holdsKept[index] || rmdir(listing.folders[index]) != 0 { holdsKept[parent] = true }
        }
    }

    /// Returns whether the old site was kept as the spare.
    private func swap(_ staging: URL, into output: URL) throws -> Bool {
        if FileManager.default.fileExists(atPath: output.path) {
            if planbuild_exchange_paths(staging.path, output.path) == 0 {
                // `staging` now holds the old site: keep it for the next build.
                FaultPoint.swapped.reach()
                if rename(staging.path, spare.path) == 0 { return true }
                TreeRemover.remove(staging)
                return false
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
        return false
    }

    /// Leftovers of builds that were killed: staging folders whose process is gone.
    private func removeStaleStaging(in parent: URL) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return }
        // Only ours, before sorting: the parent may be a crowded folder such as /tmp.
        let kept: Set<String> = [stagingPrefix + "spare", stagingPrefix + "ledger"]
        for name in names.filter({ $0.hasPrefix(stagingPrefix) }).sorted() where !kept.contains(name) {
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
