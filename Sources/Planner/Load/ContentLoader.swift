import Dispatch
import Foundation

/// What a file under `content/` is, from its place.
public enum SourceRole: Hashable, Sendable {
    case plan
    case persona
    case item(ItemKind)
    /// `series/…`: a recurring column (SPEC 11.6).
    case series
    /// `people/…`: a customer a surprise or chat is planned around.
    case person

    /// Files named by their stem (a persona, a series, a person), whatever folder they sit in.
    var namedByStem: Bool { self == .persona || self == .series || self == .person }
}

/// A content file found on disk, not yet read.
public struct SourceEntry: Hashable, Sendable {
    public let role: SourceRole
    /// Path under `content/`, `/` separators.
    public let relativePath: String
    /// Path relative to the repository root, for diagnostics.
    public let displayPath: String
    public let absolutePath: String
    /// `moments/2026-12/01-晨跑` for an item, the file stem for a persona, series or person.
    /// Stored: every stage asks for it, and working it out splits the path.
    public let id: String

    public init(role: SourceRole, relativePath: String, displayPath: String, absolutePath: String) {
        self.role = role
        self.relativePath = relativePath
        self.displayPath = displayPath
        self.absolutePath = absolutePath
        id = Self.id(role: role, relativePath: relativePath)
    }

    /// The one id rule: an item's id is its path without the extension, a
    /// persona's the file name without it. Worked out on the bytes: `/` and
    /// `.` are ASCII, and an ASCII byte is never part of a longer sequence,
    /// so any name splits where the file system splits it.
    static func id(role: SourceRole, relativePath: String) -> String {
        if role == .plan { return "plan" }
        let utf8 = relativePath.utf8
        let nameStart = utf8.lastIndex(of: UInt8(ascii: "/")).map { utf8.index(after: $0) } ?? utf8.startIndex
        let start = role.namedByStem ? nameStart : utf8.startIndex
        let end = utf8[nameStart...].lastIndex(of: UInt8(ascii: ".")) ?? utf8.endIndex
        return String(decoding: utf8[start..<end], as: UTF8.self)
    }
}

/// Everything the loader found: the files to parse, the assets, and the
/// problems met while walking (links out of the folder, unreadable files…).
public struct ContentListing: Sendable {
    public var entries: [SourceEntry] = []
    /// Asset paths under `content/`, sorted.
    public var assets: [String] = []
    public var diagnostics: [Diagnostic] = []
    public var contentPrefix: String = "content"
    public var contentRoot: String = ""
    /// Whether the walk met a symbolic link (a walk side by side is then redone as one).
    var metLink = false
}

/// Walks `content/` without following links out of it or round in loops.
public struct ContentLoader: Sendable {
    public static let markdownExtensions: Set<String> = ["md", "markdown"]

    public let contentDirectory: URL
    public let repositoryRoot: URL

    public init(contentDirectory: URL) {
        self.contentDirectory = contentDirectory.standardizedFileURL
        self.repositoryRoot = RepositoryRoot.find(for: contentDirectory.standardizedFileURL)
    }

    public func list() -> ContentListing {
        var listing = ContentListing()
        let rootPath = Self.realPath(contentDirectory.path) ?? contentDirectory.path
        listing.contentRoot = rootPath
        listing.contentPrefix = RepositoryRoot.relative(contentDirectory.path, to: repositoryRoot.path)
        if !walkSideBySide(root: rootPath, into: &listing) {
            var visited: Set<String> = [rootPath]
            walk(directory: rootPath, relative: "", root: rootPath, visited: &visited, into: &listing)
        }
        listing.entries = listing.entries.sortedByText { $0.relativePath }
        listing.assets = listing.assets.sortedByText { $0 }
        return listing
    }

    /// The walk of `walk`, with the folders two levels down walked on all
    /// cores: ten thousand files are ten thousand paths to build and
    /// classify, and the decoding waits for the whole list. Their findings
    /// join in the order a single walk meets them. False (and `listing`
    /// untouched) when a symbolic link or an unreadable folder is met: which
    /// of two links to one folder is the loop depends on the order of a
    /// single walk, so that one is taken instead.
    private func walkSideBySide(root: String, into listing: inout ContentListing) -> Bool {
        // The folders to walk apart (relative paths), and in walking order what
        // the way down to them met: files, and the places of those folders.
        var folders: [String] = []
        var pieces: [(files: ContentListing, folder: Int?)] = []
        var files = ContentListing()
        files.contentPrefix = listing.contentPrefix
        func visit(_ relative: String, depth: Int) -> Bool {
            let directory = relative.isEmpty ? root : root + "/" + relative
            guard let entries = try? Self.entries(of: directory) else { return false }
            for (name, type) in Self.sortedByName(entries) {
                if name.hasPrefix(".") || name.hasPrefix("_") { continue }
                let relativePath = relative.isEmpty ? name : relative + "/" + name
                switch Int32(type) {
                case Int32(DT_REG):
                    classify(
                        relativePath: relativePath, displayPath: display(relativePath, prefix: listing.contentPrefix),
                        absolutePath: directory + "/" + name, into: &files)
                case Int32(DT_DIR):
                    if depth < 2 {
                        guard visit(relativePath, depth: depth + 1) else { return false }
                    } else {
                        pieces.append((files, folders.count))
                        files.entries = []
                        files.assets = []
                        folders.append(relativePath)
                    }
                default: return false  // a link, or a type the entry does not tell
                }
            }
            return true
        }
        guard visit("", depth: 1) else { return false }
        pieces.append((files, nil))
        let jobs = folders
        let parts = ConcurrentResults<ContentListing>(count: jobs.count)
        let prefix = listing.contentPrefix
        DispatchQueue.concurrentPerform(iterations: jobs.count) { index in
            Heap.prepareThread()
            var part = ContentListing()
            part.contentPrefix = prefix
            var visited: Set<String> = [root]
            walk(directory: root + "/" + jobs[index], relative: jobs[index], root: root, visited: &visited, into: &part)
            parts.set(index, part)
        }
        let walked = parts.values
        if walked.contains(where: { $0.metLink }) { return false }
        // In the order a single walk lists them (then mostly sorted already).
        for piece in pieces {
            listing.entries += piece.files.entries
            listing.assets += piece.files.assets
            guard let folder = piece.folder else { continue }
            listing.entries += walked[folder].entries
            listing.assets += walked[folder].assets
            listing.diagnostics += walked[folder].diagnostics
        }
        return true
    }

    /// A folder's entries in name order (by bytes when every name is plain NFC text: the same order).
    private static func sortedByName(_ entries: [(name: String, type: UInt8)]) -> [(name: String, type: UInt8)] {
        entries.sortedByText { $0.name }
    }

    private func display(_ relative: String, prefix: String) -> String {
        prefix.isEmpty || prefix == "." ? relative : prefix + "/" + relative
    }

    private func walk(
        directory: String, relative: String, root: String, visited: inout Set<String>, into listing: inout ContentListing
    ) {
        let entries: [(name: String, type: UInt8)]
        do {
            entries = Self.sortedByName(try Self.entries(of: directory))
        } catch {
            listing.diagnostics.append(
                LoadProblem.unreadable(display(relative.isEmpty ? "." : relative, prefix: listing.contentPrefix), error))
            return
        }
        for (name, type) in entries {
            if name.hasPrefix(".") || name.hasPrefix("_") { continue }
            let path = directory + "/" + name
            let relativePath = relative.isEmpty ? name : relative + "/" + name
            let displayPath = display(relativePath, prefix: listing.contentPrefix)
            var info = stat()
            // The folder entry's type spares a stat of every file; links and unknown types are looked at.
            var fileType: mode_t
            switch Int32(type) {
            case Int32(DT_REG): fileType = S_IFREG
            case Int32(DT_DIR): fileType = S_IFDIR
            default:
                guard lstat(path, &info) == 0 else {
                    listing.diagnostics.append(LoadProblem.unreadable(displayPath, nil))
                    continue
                }
                fileType = info.st_mode & S_IFMT
            }
            var target = path
            if fileType == S_IFLNK {
                listing.metLink = true
                // Follow a link only when it stays inside content/; never loop.
                guard let resolved = Self.realPath(path) else {
                    listing.diagnostics.append(LoadProblem.brokenLink(displayPath))
                    continue
                }
                guard resolved == root || resolved.hasPrefix(root + "/") else {
                    listing.diagnostics.append(LoadProblem.linkOutside(displayPath))
                    continue
                }
                guard stat(resolved, &info) == 0 else { continue }
                target = resolved
                fileType = info.st_mode & S_IFMT
            }
            if fileType == S_IFDIR {
                let real = Self.realPath(target) ?? target
                guard visited.insert(real).inserted else {
                    listing.diagnostics.append(LoadProblem.linkLoop(displayPath))
                    continue
                }
                walk(directory: target, relative: relativePath, root: root, visited: &visited, into: &listing)
                continue
            }
            guard fileType == S_IFREG else { continue }
            classify(relativePath: relativePath, displayPath: displayPath, absolutePath: target, into: &listing)
        }
    }

    struct UnreadableFolder: Error, CustomStringConvertible {
        let code: Int32
        var description: String { String(cString: strerror(code)) }
    }

    /// A folder's entries with their types from readdir(3), unsorted.
    static func entries(of directory: String) throws -> [(name: String, type: UInt8)] {
        guard let handle = opendir(directory) else { throw UnreadableFolder(code: errno) }
        defer { closedir(handle) }
        var entries: [(name: String, type: UInt8)] = []
        while let entry = readdir(handle) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name == "." || name == ".." { continue }
            entries.append((name, entry.pointee.d_type))
        }
        return entries
    }

    private func classify(relativePath: String, displayPath: String, absolutePath: String, into listing: inout ContentListing) {
        let (components, top, ext) = Self.simplePathParts(relativePath) ?? {
            let parts = relativePath.split(separator: "/")
            return (parts.count, parts.count > 1 ? String(parts[0]) : "", (relativePath as NSString).pathExtension.lowercased())
        }()
        let isMarkdown = Self.markdownExtensions.contains(ext)
        if components == 1 {
            if relativePath == "plan.yml" || relativePath == "plan.yaml" {
                listing.entries.append(SourceEntry(role: .plan, relativePath: relativePath, displayPath: displayPath, absolutePath: absolutePath))
            }
            return
        }
        if top == "assets" {
            listing.assets.append(relativePath)
            return
        }
        guard isMarkdown else {
            // Pictures kept beside the copy are assets too, so `images:` may point at them.
            listing.assets.append(relativePath)
            return
        }
        let role: SourceRole
        switch top {
        case "personas": role = .persona
        case "series": role = .series
        case "people": role = .person
        case ItemKind.moment.rawValue: role = .item(.moment)
        case ItemKind.topic.rawValue: role = .item(.topic)
        case ItemKind.surprise.rawValue: role = .item(.surprise)
        case ItemKind.chat.rawValue: role = .item(.chat)
        default: return
        }
        listing.entries.append(SourceEntry(role: role, relativePath: relativePath, displayPath: displayPath, absolutePath: absolutePath))
    }

    /// The component count, top folder and lower-cased extension of a path
    /// made only of scalars that are each a character of their own (ASCII,
    /// CJK ideographs and punctuation, full-width forms), worked out on its
    /// bytes; nil for any other path, which the String and NSString calls
    /// handle (character by character). Components are never empty here.
    static func simplePathParts(_ path: String) -> (components: Int, top: String, ext: String)? {
        var slashes: [Int] = []
        var lastDot: Int?
        var index = 0
        let utf8 = Array(path.utf8)
        while index < utf8.count {
            let lead = utf8[index]
            if lead < 0x80 {
                guard lead >= 0x20 && lead != 0x7F else { return nil }
                if lead == 0x2F { slashes.append(index) }
                if lead == 0x2E { lastDot = index }
                index += 1
                continue
            }
            guard lead & 0xF0 == 0xE0, index + 2 < utf8.count else { return nil }
            let value = (UInt32(lead) & 0x0F) << 12 | (UInt32(utf8[index + 1]) & 0x3F) << 6 | (UInt32(utf8[index + 2]) & 0x3F)
            switch value {
            case 0x3000...0x3029, 0x3030...0x303F, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xFF01...0xFF5E: index += 3
            default: return nil
            }
        }
        let lastStart = (slashes.last ?? -1) + 1
        // Empty components (which `split` would leave out) take the general way.
        guard lastStart < utf8.count, slashes.first != 0, !zip(slashes, slashes.dropFirst()).contains(where: { $1 == $0 + 1 })
        else { return nil }
        // A dot that starts the name is no extension; only ASCII extensions are read here.
        var ext = ""
        if let dot = lastDot, dot > lastStart {
            let tail = utf8[(dot + 1)...]
            guard tail.allSatisfy({ $0 < 0x80 && $0 != 0x2E }) else { return nil }
            ext = String(decoding: tail, as: UTF8.self).lowercased()
        }
        let top = slashes.first.map { String(decoding: utf8[..<$0], as: UTF8.self) } ?? ""
        return (slashes.count + 1, top, ext)
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

/// Diagnostics met while walking the folder; all are `front-matter` errors
/// on the file concerned, since the file cannot be read as planned.
enum LoadProblem {
    static func unreadable(_ file: String, _ error: Error?) -> Diagnostic {
        Diagnostic(
            ruleID: "front-matter", severity: .error,
            message: Localized(zh: "无法读取这个文件或文件夹。", en: "This file or folder cannot be read."),
            location: SourceLocation(file: file),
            hint: Localized(zh: "检查文件权限。", en: "Check the file's permissions."),
            fingerprint: Fingerprint.make(["front-matter", "unreadable", file]))
    }

    static func linkOutside(_ file: String) -> Diagnostic {
        Diagnostic(
            ruleID: "front-matter", severity: .error,
            message: Localized(
                zh: "符号链接指向 content 文件夹之外，已跳过。",
                en: "This symbolic link points outside the content folder and was skipped."),
            location: SourceLocation(file: file),
            hint: Localized(zh: "把文件复制进 content/，不要链接到外面。", en: "Copy the file into content/ instead of linking out."),
            fingerprint: Fingerprint.make(["front-matter", "link-outside", file]))
    }

    static func linkLoop(_ file: String) -> Diagnostic {
        Diagnostic(
            ruleID: "front-matter", severity: .error,
            message: Localized(zh: "符号链接形成了循环，已跳过。", en: "This symbolic link forms a loop and was skipped."),
            location: SourceLocation(file: file),
            fingerprint: Fingerprint.make(["front-matter", "link-loop", file]))
    }

    static func brokenLink(_ file: String) -> Diagnostic {
        Diagnostic(
            ruleID: "front-matter", severity: .error,
            message: Localized(zh: "符号链接指向不存在的文件（或形成循环）。", en: "This symbolic link points nowhere (or loops)."),
            location: SourceLocation(file: file),
            fingerprint: Fingerprint.make(["front-matter", "broken-link", file]))
    }
}

/// Finds the repository root (the nearest folder with `.git`) so diagnostics
/// name files as a pull request shows them; falls back to the content folder's parent.
enum RepositoryRoot {
    static func find(for contentDirectory: URL) -> URL {
        var candidate = contentDirectory
        while true {
            let marker = candidate.appendingPathComponent(".git").path
            if FileManager.default.fileExists(atPath: marker) { return candidate }
            let parent = candidate.deletingLastPathComponent()
            if parent.path == candidate.path { break }
            candidate = parent
        }
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL
        if contentDirectory.path.hasPrefix(cwd.path + "/") { return cwd }
        return contentDirectory.deletingLastPathComponent()
    }

    static func relative(_ path: String, to root: String) -> String {
        if path == root { return "." }
        let prefix = root.hasSuffix("/") ? root : root + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}
