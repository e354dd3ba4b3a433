internal import CSupport
import Foundation

/// What each build wrote into its site folder, file by file: size, inode,
/// modification time and a digest of the bytes. The next build but one
/// renders into that folder again (the spare) and, for a file whose size,
/// inode and time are still as recorded, compares digests instead of
/// reading the file back — a spare the page cache has dropped costs a disk
/// read per page otherwise (hundreds of MB at 10,000 items).
///
/// It is kept beside the output folder (`.<output>.plan-build-ledger`), not in
/// it, so it is never published; it holds a section for the output and one for
/// the spare, each tagged with the folder's device and inode. Anything odd about
/// it (missing, damaged, another folder's) means "no ledger": files are then
/// read back as before, so a stale ledger costs time, never a wrong page.
struct SiteLedger: Equatable {
    struct Identity: Equatable, Sendable {
        let device: UInt64
        let inode: UInt64

        init(device: UInt64, inode: UInt64) {
            self.device = device
            self.inode = inode
        }

        init?(folder: String) {
            var info = stat()
            guard stat(folder, &info) == 0 else { return nil }
            self.init(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
        }
    }

    /// A file as the build left it.
    struct Entry: Equatable, Sendable {
        let size: UInt64
        let inode: UInt64
        let seconds: Int64
        let nanoseconds: Int64
        let digest: UInt64

        init(size: UInt64, inode: UInt64, seconds: Int64, nanoseconds: Int64, digest: UInt64) {
            self.size = size
            self.inode = inode
            self.seconds = seconds
            self.nanoseconds = nanoseconds
            self.digest = digest
        }

        init(_ info: stat, digest: UInt64) {
            self.init(
                size: UInt64(info.st_size), inode: UInt64(info.st_ino), seconds: Int64(info.st_mtim.tv_sec),
                nanoseconds: Int64(info.st_mtim.tv_nsec), digest: digest)
        }

        /// Whether `info` is the file as recorded: nothing has written to it since.
        func describes(_ info: stat) -> Bool {
            size == UInt64(info.st_size) && inode == UInt64(info.st_ino) && seconds == Int64(info.st_mtim.tv_sec)
                && nanoseconds == Int64(info.st_mtim.tv_nsec)
        }
    }

    struct Section: Equatable {
        let identity: Identity
        /// By path relative to the folder, compared by bytes (`TextKey`): paths are Chinese.
        let entries: [TextKey: Entry]
        /// The paths in the order the build wrote them (so the next one's `OutputSeed`
        /// links them about as fast as the render reaches them), each once.
        let order: [TextKey]

        init(identity: Identity, entries: [TextKey: Entry], order: [TextKey]? = nil) {
            self.identity = identity
            self.entries = entries
            self.order = order ?? Array(entries.keys)
        }
    }

    var sections: [Section] = []

    func section(of identity: Identity?) -> Section? {
        sections.first { $0.identity == identity }
    }

    func entries(of identity: Identity?) -> [TextKey: Entry] {
        section(of: identity)?.entries ?? [:]
    }

    // MARK: - The file

    private static let magic = Array("plan-build ledger 1\n".utf8)

    /// The ledger at `path`; empty when there is none or it cannot be read as one.
    static func read(_ path: String) -> SiteLedger {
        guard let data = FileManager.default.contents(atPath: path) else { return SiteLedger() }
        return data.withUnsafeBytes { parse($0) } ?? SiteLedger()
    }

    static func parse(_ bytes: UnsafeRawBufferPointer) -> SiteLedger? {
        var reader = Reader(bytes: bytes)
        guard reader.take(magic.count).map({ $0.elementsEqual(magic) }) == true, let count = reader.number(), count <= 2 else { return nil }
        var ledger = SiteLedger()
        for _ in 0..<count {
            guard let device = reader.number(), let inode = reader.number(), let files = reader.number() else { return nil }
            var entries: [TextKey: Entry] = [:]
            var order: [TextKey] = []
            entries.reserveCapacity(Int(min(files, 1 << 20)))
            order.reserveCapacity(Int(min(files, 1 << 20)))
            for _ in 0..<files {
                guard let size = reader.number(), let fileInode = reader.number(), let seconds = reader.number(),
                    let nanoseconds = reader.number(), let digest = reader.number(), let length = reader.number(),
                    let name = reader.take(Int(min(length, UInt64(bytes.count))))
                else { return nil }
                let key = TextKey(String(decoding: name, as: UTF8.self))
                guard entries.updateValue(
                    Entry(size: size, inode: fileInode, seconds: Int64(bitPattern: seconds), nanoseconds: Int64(bitPattern: nanoseconds), digest: digest),
                    forKey: key) == nil
                else { return nil }
                order.append(key)
            }
            ledger.sections.append(Section(identity: Identity(device: device, inode: inode), entries: entries, order: order))
        }
        return reader.atEnd ? ledger : nil
    }

    /// The file's bytes: sections in order, numbers little-endian.
    func encoded() -> [UInt8] {
        var bytes = Self.magic
        func append(_ number: UInt64) { withUnsafeBytes(of: number.littleEndian) { bytes.append(contentsOf: $0) } }
        append(UInt64(sections.count))
        for section in sections {
            append(section.identity.device)
            append(section.identity.inode)
            let listed = section.order.compactMap { key in section.entries[key].map { (key, $0) } }
            append(UInt64(listed.count))
            // In the order written (see `Section.order`), not sorted: the ledger is a private
            // cache, and sorting 50,000 Chinese paths cost more than the rest of writing it.
            for (key, entry) in listed {
                let path = key.text
                append(entry.size)
                append(entry.inode)
                append(UInt64(bitPattern: entry.seconds))
                append(UInt64(bitPattern: entry.nanoseconds))
                append(entry.digest)
                append(UInt64(path.utf8.count))
                bytes.append(contentsOf: path.utf8)
            }
        }
        return bytes
    }

    /// Writes the ledger through a temporary file and a rename, so a reader
    /// sees the old ledger or the new one. A ledger that cannot be written is
    /// left out: the next build reads pages back instead.
    func write(to path: String) {
        let temporary = path + ".tmp-\(getpid())"
        let bytes = encoded()
        let written = bytes.withUnsafeBytes { raw -> Bool in
            let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { return false }
            defer { close(descriptor) }
            var offset = 0
            while offset < raw.count {
                let count = Foundation.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { return false }
                offset += count
            }
            return true
        }
        if !written || rename(temporary, path) != 0 {
            unlink(temporary)
            unlink(path)
        }
    }

    private struct Reader {
        let bytes: UnsafeRawBufferPointer
        var offset = 0

        var atEnd: Bool { offset == bytes.count }

        mutating func take(_ count: Int) -> UnsafeRawBufferPointer? {
            guard count >= 0, bytes.count - offset >= count else { return nil }
            defer { offset += count }
            return UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + count])
        }

        mutating func number() -> UInt64? {
            guard let raw = take(8) else { return nil }
            return UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self))
        }
    }
}

extension SiteLedger {
    /// One build's use of the ledger: what the folder held (by path) and
    /// what this build leaves there, recorded from all render threads.
    final class Session: @unchecked Sendable {  // `recorded` and `loaded` guarded by `lock`
        // A list while the render threads add to it: hashing happens once, at the end.
        private var recorded: [(TextKey, Entry)] = []
        private let lock = NSLockShim()
        private let load: () -> [TextKey: Entry]
        private var loaded: [TextKey: Entry]?

        /// The folder `previous` describes when it is not the one written (a
        /// build seeded from the output, `OutputSeed`): an unchanged page the
        /// render reaches before the seeding does is linked from there too.
        let linkSource: String?

        /// `previous` is worked out when the first page is written (see `Reading`).
        init(previous: @escaping () -> [TextKey: Entry], linkSource: String? = nil) {
            load = previous
            self.linkSource = linkSource
        }

        /// What the folder held, by path, as the ledger recorded it.
        var previous: [TextKey: Entry] {
            lock.withLock {
                if let loaded { return loaded }
                let made = load()
                loaded = made
                return made
            }
        }

        func record(_ path: TextKey, _ entry: Entry) { lock.withLock { recorded.append((path, entry)) } }

        /// What this build leaves in the folder, in the order it was recorded
        /// (a path recorded twice: its last entry, in its first place).
        func section(_ identity: Identity) -> Section {
            lock.withLock {
                var entries = [TextKey: Entry](minimumCapacity: recorded.count)
                var order: [TextKey] = []
                order.reserveCapacity(recorded.count)
                for (key, entry) in recorded where entries.updateValue(entry, forKey: key) == nil { order.append(key) }
                return Section(identity: identity, entries: entries, order: order)
            }
        }
    }
}

extension SiteLedger {
    /// The ledger file read and parsed on another thread while the build
    /// prepares its pages (50,000 entries at 50,000 items); `ledger` waits for it.
    final class Reading: @unchecked Sendable {  // `result` written once before `done` is left
        private var result = SiteLedger()
        private let done = DispatchGroup()

        init(_ path: String) {
            done.enter()
            DispatchQueue.global(qos: .userInitiated).async {
                self.result = SiteLedger.read(path)
                self.done.leave()
            }
        }

        var ledger: SiteLedger {
            done.wait()
            return result
        }
    }
}

/// A streaming XXH64 digest of a page's bytes (CSupport/digest.c).
struct PageDigest {
    private var state = planbuild_digest()

    init() { planbuild_digest_start(&state) }

    mutating func add(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        planbuild_digest_add(&state, base, bytes.count)
    }

    var value: UInt64 { withUnsafePointer(to: state) { planbuild_digest_finish($0) } }

    static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var digest = PageDigest()
        digest.add(bytes)
        return digest.value
    }

    static func of(_ parts: [[UInt8]]) -> UInt64 {
        var digest = PageDigest()
        for part in parts { part.withUnsafeBytes { digest.add($0) } }
        return digest.value
    }
}
