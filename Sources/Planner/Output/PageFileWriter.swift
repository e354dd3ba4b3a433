import Foundation

/// A file of the site that could not be written.
public struct PageWriteError: Error, CustomStringConvertible {
    public let path: String
    public let underlying: Error
    public var description: String { "cannot write \(path): \(underlying)" }
}

/// Writes the site's files under one root, refusing any path that would leave it.
struct PageFileWriter: Sendable {
    let root: URL
    private let rootPath: String
    private let log = WrittenPaths()
    private let readBuffers = ReadBuffers()
    private let folder: RootFolder

    /// With a ledger (a build over the spare), unchanged files are told by
    /// their recorded digest instead of being read back, and every file
    /// written or kept is recorded for the next build.
    private let ledger: SiteLedger.Session?

    init(root: URL, ledger: SiteLedger.Session? = nil) {
        self.root = root
        self.ledger = ledger
        rootPath = root.path
        folder = RootFolder(path: rootPath)
    }

    /// The root, held open: pages are opened relative to it, so the kernel
    /// does not walk the root's own path again for each of ten thousand files.
    private final class RootFolder: Sendable {
        let descriptor: Int32

        init(path: String) { descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }

        deinit { if descriptor >= 0 { close(descriptor) } }
    }

    /// Every path written so far, relative to the root, as `filePath(for:)` spells it.
    var written: [String] { log.paths }

    private final class WrittenPaths: @unchecked Sendable {  // guarded by `lock`
        private var list: [String] = []
        private let lock = NSLockShim()
        func add(_ path: String) { lock.withLock { list.append(path) } }
        var paths: [String] { lock.withLock { list } }
    }

    /// Creates the folders the paths need; returns them all. Folders in
    /// `existing` (made by the last render, in serve) are not made again.
    @discardableResult
    func makeDirectories(for paths: [String], existing: Set<String> = []) throws -> Set<String> {
        var parents: Set<String> = ["static"]
        for path in paths {
            guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { continue }
            parents.insert(String(path[..<slash]))
        }
        var folders = parents
        for parent in parents {
            var folder = Substring(parent)
            while let slash = folder.utf8.lastIndex(of: UInt8(ascii: "/")) {
                folder = folder[..<slash]
                folders.insert(String(folder))
            }
        }
        for folder in folders.subtracting(existing).sorted() {
            try FileManager.default.createDirectory(at: url(for: folder), withIntermediateDirectories: true)
        }
        return folders
    }

    /// Plain open/write/close: `Data.write(to:)` syncs every file to disk, which
    /// costs more than rendering the page. The site as a whole is swapped in
    /// atomically by `SiteWriter`, so no single page needs to be durable on its own.
    func write(_ data: Data, to path: String) throws {
        try data.withUnsafeBytes { try write(bytes: $0, to: path) }
    }

    func write(_ text: String, to path: String) throws {
        var text = text
        try text.withUTF8 { try write(bytes: UnsafeRawBufferPointer($0), to: path) }
    }

    /// Parts written one after the other into one file, a batch per system call.
    /// A file that already holds exactly these bytes is left alone.
    func write(parts: [[UInt8]], to path: String) throws {
        let digest = ledger == nil ? 0 : PageDigest.of(parts)
        if isVouchedFor(path, digest: digest) { return }
        var (descriptor, logged) = try create(path)
        defer { close(descriptor) }
        if keeps(descriptor, logged, digest: digest, readBack: { holds(descriptor, parts) }) { return }
        descriptor = try unshared(descriptor, path: path)
        var length = 0
        var batch: [UInt8] = []
        batch.reserveCapacity(1 << 20)
        for part in parts {
            batch.append(contentsOf: part)
            length += part.count
            if batch.count >= 1 << 20 {
                try batch.withUnsafeBytes { try write(bytes: $0, to: descriptor, path: path) }
                batch.removeAll(keepingCapacity: true)
            }
        }
        try batch.withUnsafeBytes { try write(bytes: $0, to: descriptor, path: path) }
        try finish(descriptor, length: length, path: path)
        recordWritten(descriptor, logged, digest: digest)
    }

    /// Whether the ledger vouches that the file at `path` holds the page whose
    /// digest is given, told by its metadata alone: an unchanged page is not
    /// even opened. The file is logged and recorded again as written.
    private func isVouchedFor(_ path: String, digest: UInt64) -> Bool {
        let key = TextKey(path)
        guard let ledger, folder.descriptor >= 0, let entry = ledger.previous[key], entry.digest == digest, Self.isClean(path) else {
            return false
        }
        var info = stat()
        if fstatat(folder.descriptor, path, &info, AT_SYMLINK_NOFOLLOW) != 0 {
            // Not linked in yet (the seeding runs beside the render): linked here instead of written.
            guard errno == ENOENT, linkFromSource(path, as: entry) else { return false }
        } else {
            guard info.st_mode & S_IFMT == S_IFREG, entry.describes(info) else { return false }
        }
        log.add(path)
        ledger.record(key, entry)
        return true
    }

    /// Links `path` from the session's link source when the file there is as
    /// the ledger recorded it (an `EEXIST`: the seeding linked it meanwhile).
    private func linkFromSource(_ path: String, as entry: SiteLedger.Entry) -> Bool {
        guard let source = ledger?.linkSource else { return false }
        var info = stat()
        let sourcePath = source + "/" + path
        guard lstat(sourcePath, &info) == 0, info.st_mode & S_IFMT == S_IFREG, entry.describes(info) else { return false }
        return linkat(AT_FDCWD, sourcePath, folder.descriptor, path, 0) == 0 || errno == EEXIST
    }

    /// Whether the open file already holds the page whose digest is given:
    /// by the ledger when the file is as it recorded, else by `readBack`.
    /// A file kept is recorded again for the next build.
    private func keeps(_ descriptor: Int32, _ logged: String, digest: UInt64, readBack: () -> Bool) -> Bool {
        guard let ledger else { return readBack() }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return false }
        let key = TextKey(logged)
        if let entry = ledger.previous[key], entry.describes(info) {
            guard entry.digest == digest else { return false }
        } else if !readBack() {
            return false
        }
        ledger.record(key, SiteLedger.Entry(info, digest: digest))
        return true
    }

    private func recordWritten(_ descriptor: Int32, _ logged: String, digest: UInt64) {
        guard let ledger else { return }
        var info = stat()
        // Unrecorded, the file is read back next time: slower, never wrong.
        guard fstat(descriptor, &info) == 0 else { return }
        ledger.record(TextKey(logged), SiteLedger.Entry(info, digest: digest))
    }

    /// Whether the open file already holds exactly `parts`, one after the
    /// other (a build over the last site, serve over its own): reading a page
    /// back costs less than writing it, and an unchanged file keeps its pages
    /// in the cache clean (nothing for the disk to write back). When the
    /// answer is no, the file offset is back at the start for the writes.
    func holds(_ descriptor: Int32, _ parts: [[UInt8]]) -> Bool {
        var length = 0
        for part in parts { length += part.count }
        guard Self.size(of: descriptor) == length else { return false }
        var reader = ChunkReader(descriptor: descriptor, buffers: readBuffers)
        defer { reader.release() }
        for part in parts where !part.withUnsafeBytes({ reader.matches($0) }) {
            lseek(descriptor, 0, SEEK_SET)
            return false
        }
        return true
    }

    func holds(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Bool {
        guard Self.size(of: descriptor) == bytes.count else { return false }
        var reader = ChunkReader(descriptor: descriptor, buffers: readBuffers)
        defer { reader.release() }
        if reader.matches(bytes) { return true }
        lseek(descriptor, 0, SEEK_SET)
        return false
    }

    private static func size(of descriptor: Int32) -> Int? {
        var info = stat()
        return fstat(descriptor, &info) == 0 ? Int(info.st_size) : nil
    }

    /// Cuts off what an older, longer file had past the new end. Files are
    /// overwritten rather than opened with O_TRUNC: ext4 flushes a file that
    /// was truncated to zero and rewritten when it is closed, which turns
    /// writing the site into waiting for the disk.
    private func finish(_ descriptor: Int32, length: Int, path: String) throws {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw PageWriteError(path: path, underlying: POSIXFailure(code: errno)) }
        if Int(info.st_size) != length, ftruncate(descriptor, off_t(length)) != 0 {
            throw PageWriteError(path: path, underlying: POSIXFailure(code: errno))
        }
    }

    /// The open file and its path relative to the root as the log (and the ledger) spell it.
    private func create(_ path: String) throws -> (Int32, String) {
        // Read-write: `holds` reads the file back before anything is written.
        let (descriptor, logged) = openFile(path, flags: O_RDWR | O_CREAT | O_CLOEXEC)
        log.add(logged)
        guard descriptor >= 0 else { throw PageWriteError(path: path, underlying: POSIXFailure(code: errno)) }
        return (descriptor, logged)
    }

    /// Opens `path` under the root; returns the descriptor (-1 on failure, with errno) and the path as logged.
    private func openFile(_ path: String, flags: Int32) -> (Int32, String) {
        if folder.descriptor >= 0, Self.isClean(path) {
            return (openat(folder.descriptor, path, flags, 0o666), path)
        }
        let full = filePath(for: path)
        return (open(full, flags, 0o666), String(Substring(full.utf8.dropFirst(rootPath.utf8.count + 1))))
    }

    /// The open file itself when it has one link; when it shares its inode
    /// with another name (a link to the live site, see `OutputSeed`), a new,
    /// empty file in its place, so that writing never changes the other name's bytes.
    private func unshared(_ descriptor: Int32, path: String) throws -> Int32 {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw PageWriteError(path: path, underlying: POSIXFailure(code: errno)) }
        guard info.st_nlink > 1 else { return descriptor }
        let full = filePath(for: path)
        if unlink(full) != 0, errno != ENOENT { throw PageWriteError(path: path, underlying: POSIXFailure(code: errno)) }
        let (fresh, _) = openFile(path, flags: O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC)
        // On failure the caller still holds (and closes) the old descriptor.
        guard fresh >= 0 else { throw PageWriteError(path: path, underlying: POSIXFailure(code: errno)) }
        close(descriptor)
        return fresh
    }

    /// A file that already holds exactly these bytes is left alone (see `holds`).
    func write(bytes: UnsafeRawBufferPointer, to path: String) throws {
        let digest = ledger == nil ? 0 : PageDigest.of(bytes)
        if isVouchedFor(path, digest: digest) { return }
        var (descriptor, logged) = try create(path)
        defer { close(descriptor) }
        if keeps(descriptor, logged, digest: digest, readBack: { holds(descriptor, bytes) }) { return }
        descriptor = try unshared(descriptor, path: path)
        try write(bytes: bytes, to: descriptor, path: path)
        try finish(descriptor, length: bytes.count, path: path)
        recordWritten(descriptor, logged, digest: digest)
    }

    private func write(bytes: UnsafeRawBufferPointer, to descriptor: Int32, path: String) throws {
        var offset = 0
        while offset < bytes.count {
            let written = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw PageWriteError(path: path, underlying: POSIXFailure(code: errno))
            }
            offset += written
        }
    }

    struct POSIXFailure: Error, CustomStringConvertible {
        let code: Int32
        var description: String { String(cString: strerror(code)) }
    }

    func copy(from source: URL, to path: String) throws {
        do {
            let target = url(for: path)
            log.add(String(target.path.dropFirst(rootPath.count + 1)))
            // serve renders in place: an asset may be there from the last build.
            if FileManager.default.fileExists(atPath: target.path) { try FileManager.default.removeItem(at: target) }
            try FileManager.default.copyItem(at: source, to: target)
        } catch {
            throw PageWriteError(path: path, underlying: error)
        }
    }

    /// Deletes a page the last render wrote (serve: an item gone from the plan); one already gone is fine.
    func remove(_ path: String) {
        try? FileManager.default.removeItem(atPath: filePath(for: path))
    }

    private func url(for path: String) -> URL {
        URL(fileURLWithPath: filePath(for: path))
    }

    /// Whether `path` has no empty, `.` or `..` segment (nor a leading or trailing slash).
    static func isClean(_ path: String) -> Bool {
        var length = 0
        var dots = 0
        for byte in path.utf8 {
            if byte == UInt8(ascii: "/") {
                if length == 0 || (dots == length && length <= 2) { return false }
                length = 0
                dots = 0
            } else {
                length += 1
                if byte == UInt8(ascii: ".") { dots += 1 }
            }
        }
        return length > 0 && !(dots == length && length <= 2)
    }

    /// `root/path` with `.` and `..` segments dropped, so no path leaves the root.
    private func filePath(for path: String) -> String {
        // What the renderer writes (`items/…/x.html`) is already clean: joined as it is.
        if Self.isClean(path) { return rootPath + "/" + path }
        var result = rootPath
        // By byte: splitting by Character walks every grapheme of a Chinese file name.
        for part in path.utf8.split(separator: UInt8(ascii: "/")) where !part.elementsEqual(".".utf8) && !part.elementsEqual("..".utf8) {
            result += "/"
            result += Substring(part)
        }
        return result
    }
}

extension PageFileWriter {
    /// serve: writes `parts` over a file that holds `previous` as the last
    /// render wrote them (serve's own folder), from the first part that
    /// changed on: an edit of one event of a 25 MB feed rewrites the rest of
    /// the file after it, or only the event where its length is the same,
    /// instead of reading the whole file back and writing it again. Without
    /// `previous`, or when the file is not as long as they were, it is `write(parts:to:)`.
    func write(parts: [[UInt8]], over previous: [[UInt8]]?, to path: String) throws {
        // The ledger is a build's (serve renders in place without one).
        guard let previous, ledger == nil else { return try write(parts: parts, to: path) }
        let common = min(parts.count, previous.count)
        var first = 0
        var offset = 0
        while first < common, Self.same(parts[first], previous[first]) {
            offset += parts[first].count
            first += 1
        }
        let (descriptor, _) = try create(path)
        defer { close(descriptor) }
        let previousLength = previous.reduce(0) { $0 + $1.count }
        let length = parts.reduce(0) { $0 + $1.count }
        guard Self.size(of: descriptor) == previousLength else {
            if holds(descriptor, parts) { return }
            return try writeAll(parts, to: descriptor, path: path, length: length)
        }
        if first == parts.count && parts.count == previous.count { return }
        // The same length throughout: the parts after the last changed one are where they were.
        var end = parts.count
        if length == previousLength && parts.count == previous.count {
            while end > first, Self.same(parts[end - 1], previous[end - 1]) { end -= 1 }
        }
        var position = offset
        var batch: [UInt8] = []
        batch.reserveCapacity(1 << 20)
        func flush() throws {
            try batch.withUnsafeBytes { bytes in
                var done = 0
                while done < bytes.count {
                    let written = pwrite(descriptor, bytes.baseAddress! + done, bytes.count - done, off_t(position + done))
                    if written < 0 {
                        if errno == EINTR { continue }
                        throw PageWriteError(path: path, underlying: POSIXFailure(code: errno))
                    }
                    done += written
                }
            }
            position += batch.count
            batch.removeAll(keepingCapacity: true)
        }
        for part in parts[first..<end] {
            batch.append(contentsOf: part)
            if batch.count >= 1 << 20 { try flush() }
        }
        try flush()
        try finish(descriptor, length: length, path: path)
    }

    private func writeAll(_ parts: [[UInt8]], to descriptor: Int32, path: String, length: Int) throws {
        var batch: [UInt8] = []
        batch.reserveCapacity(1 << 20)
        for part in parts {
            batch.append(contentsOf: part)
            if batch.count >= 1 << 20 {
                try batch.withUnsafeBytes { try write(bytes: $0, to: descriptor, path: path) }
                batch.removeAll(keepingCapacity: true)
            }
        }
        try batch.withUnsafeBytes { try write(bytes: $0, to: descriptor, path: path) }
        try finish(descriptor, length: length, path: path)
    }

    /// The same bytes; the same buffer (an event kept from the last render) is known to be without looking.
    private static func same(_ left: [UInt8], _ right: [UInt8]) -> Bool {
        guard left.count == right.count else { return false }
        return left.withUnsafeBytes { l in
            right.withUnsafeBytes { r in l.baseAddress == r.baseAddress || l.count == 0 || memcmp(l.baseAddress!, r.baseAddress!, l.count) == 0 }
        }
    }
}
