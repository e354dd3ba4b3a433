import Foundation
import Testing
@testable import Planner

/// The ledger beside `output/` (`SiteLedger`): a build over the spare tells
/// unchanged pages by the digest it recorded instead of reading them back,
/// and whatever happened to the spare or the ledger since, the site it
/// swaps in equals a fresh build.
@Suite(.serialized) struct OutputLedgerTests {
    let root: URL
    let arguments = ["build", "--today", "2026-11-23"]

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("plan-build-ledger-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: CommandTests.minimal, to: root.appendingPathComponent("content"))
    }

    var output: URL { root.appendingPathComponent("output") }
    var spare: URL { root.appendingPathComponent(".output.plan-build-spare") }
    var ledgerFile: URL { root.appendingPathComponent(".output.plan-build-ledger") }

    func build(_ extra: [String] = []) throws {
        let run = try CLI.run(arguments + extra, in: root)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
    }

    /// The output of a fresh build of the same content, for comparison.
    func fresh() throws -> [String: Data] {
        try build(["--output", "fresh"])
        return snapshot(root.appendingPathComponent("fresh"))
    }

    /// Two builds: the output and the spare each have a section in the ledger.
    func twoBuilds() throws {
        try build()
        try build()
        #expect(FileManager.default.fileExists(atPath: spare.appendingPathComponent("index.html").path))
    }

    func ledger() -> SiteLedger { SiteLedger.read(ledgerFile.path) }

    func identity(_ folder: URL) -> SiteLedger.Identity? { SiteLedger.Identity(folder: folder.path) }

    /// The spare's `index.html` overwritten in place with other bytes of the
    /// same length, its modification time put back: as the ledger recorded it
    /// but for the bytes. Returns what it now holds.
    func forgeSpareIndex() throws -> Data {
        let page = spare.appendingPathComponent("index.html")
        var before = stat()
        #expect(stat(page.path, &before) == 0)
        let forged = Data(repeating: UInt8(ascii: "#"), count: try Data(contentsOf: page).count)
        let handle = try FileHandle(forWritingTo: page)
        try handle.write(contentsOf: forged)
        try handle.close()
        var times = [before.st_atim, before.st_mtim]
        #expect(utimensat(AT_FDCWD, page.path, &times, 0) == 0)
        return forged
    }

    @Test func theLedgerDescribesTheOutputAndTheSpareAndIsNotPublished() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        try twoBuilds()
        let ledger = ledger()
        let output = ledger.entries(of: identity(self.output))
        let spare = ledger.entries(of: identity(self.spare))
        let files = snapshot(self.output)
        let pages = files.keys.filter { $0.hasSuffix(".html") || $0.hasSuffix(".ics") || $0.hasSuffix(".json") }
        #expect(!pages.isEmpty)
        for page in pages {
            let entry = try #require(output[TextKey(page)], "the ledger lacks \(page)")
            #expect(entry.size == UInt64(files[page]!.count))
            #expect(entry.digest == files[page]!.withUnsafeBytes { PageDigest.of($0) })
            #expect(spare[TextKey(page)] != nil, "the spare's section lacks \(page)")
        }
        #expect(!FileManager.default.fileExists(atPath: self.output.appendingPathComponent(".output.plan-build-ledger").path))
        #expect(!files.keys.contains { $0.contains("ledger") }, "the ledger must never be published with the site")
    }

    /// rsync's quick check: a file whose size, inode and modification time are
    /// as recorded is taken to hold what was recorded, without reading it.
    @Test func aFileAsRecordedIsNotReadBack() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        try twoBuilds()
        let forged = try forgeSpareIndex()
        try build()
        let kept = try Data(contentsOf: output.appendingPathComponent("index.html"))
        #expect(kept == forged, "a file the ledger vouches for is not read back")
    }

    @Test func aPageChangedInTheSpareSinceIsWrittenAgain() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        try twoBuilds()
        // Same length, other bytes: the time (and so the ledger's entry) no longer matches.
        let page = spare.appendingPathComponent("index.html")
        let original = try Data(contentsOf: page)
        try Data(repeating: UInt8(ascii: "#"), count: original.count).write(to: page)
        // And a page of the spare replaced by another file (another inode).
        let feed = spare.appendingPathComponent("calendar.ics")
        let calendar = try Data(contentsOf: feed)
        try FileManager.default.removeItem(at: feed)
        try Data(repeating: UInt8(ascii: "!"), count: calendar.count).write(to: feed)
        try build()
        #expect(snapshot(output) == (try fresh()))
    }

    @Test(arguments: ["damaged", "missing", "another folder's"])
    func aLedgerThatCannotBeTrustedOnlyCostsTime(_ damage: String) throws {
        defer { try? FileManager.default.removeItem(at: root) }
        try twoBuilds()
        switch damage {
        case "damaged":
            let bytes = try Data(contentsOf: ledgerFile)
            try bytes.prefix(bytes.count / 2).write(to: ledgerFile)
            #expect(ledger().sections.isEmpty)
        case "missing":
            try FileManager.default.removeItem(at: ledgerFile)
        default:
            // The sections say other folders: the spare is taken for a stranger's.
            var ledger = ledger()
            ledger.sections = ledger.sections.map {
                SiteLedger.Section(identity: SiteLedger.Identity(device: $0.identity.device, inode: $0.identity.inode &+ 7), entries: $0.entries)
            }
            ledger.write(to: ledgerFile.path)
        }
        // The spare's page changed behind it, with its time put back: only a read-back notices.
        _ = try forgeSpareIndex()
        try build()
        #expect(snapshot(output) == (try fresh()))
        // And the next build has a ledger again.
        #expect(!ledger().entries(of: identity(output)).isEmpty)
    }

    @Test func aBuildAfterAnEditEqualsAFreshBuild() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        try twoBuilds()
        let persona = root.appendingPathComponent("content/personas")
        let file = try #require(try FileManager.default.contentsOfDirectory(atPath: persona.path).sorted().first)
        let text = try String(contentsOf: persona.appendingPathComponent(file), encoding: .utf8)
        try (text + "\n多一句话。\n").write(to: persona.appendingPathComponent(file), atomically: true, encoding: .utf8)
        try build()
        try build()
        #expect(snapshot(output) == (try fresh()))
    }

    /// The build that finds an output but no spare links the output's files
    /// into its staging folder (`OutputSeed`) and writes only what changed —
    /// never through a link: the old site, now the spare, is byte for byte as
    /// it was, and the builds after it (over a spare that shares files with
    /// the output) still equal a fresh build.
    @Test func aBuildWithoutASpareLinksTheOldSiteAndNeverWritesThroughIt() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        try build()
        #expect(!FileManager.default.fileExists(atPath: spare.path))
        let before = snapshot(output)
        let persona = root.appendingPathComponent("content/personas")
        let file = try #require(try FileManager.default.contentsOfDirectory(atPath: persona.path).sorted().first)
        let text = try String(contentsOf: persona.appendingPathComponent(file), encoding: .utf8)
        try (text + "\n多一句话。\n").write(to: persona.appendingPathComponent(file), atomically: true, encoding: .utf8)
        try build()
        let after = snapshot(output)
        #expect(snapshot(spare) == before, "a write went through a link into the old site")
        #expect(after == (try fresh()))
        func inode(_ folder: URL, _ path: String) -> UInt64 {
            var info = stat()
            return stat(folder.appendingPathComponent(path).path, &info) == 0 ? UInt64(info.st_ino) : 0
        }
        // The pages and feeds the ledger records (the plan's assets are copied afresh each build).
        let recorded = ledger().entries(of: identity(output))
        let changed = after.keys.filter { before[$0] != after[$0] }.sorted()
        let same = after.keys.filter { before[$0] == after[$0] && recorded[TextKey($0)] != nil }.sorted()
        #expect(!changed.isEmpty && !same.isEmpty)
        for path in changed { #expect(inode(output, path) != inode(spare, path), "\(path) changed, yet shares its file with the old site") }
        for path in same { #expect(inode(output, path) == inode(spare, path), "\(path) is unchanged, yet was written again") }
        try build()
        #expect(snapshot(output) == after)
        #expect(snapshot(spare) == after)
    }

    /// The digest is XXH64 (seed 0): the reference values, and the same value
    /// whichever way the bytes are cut into parts.
    @Test func theDigestIsXXH64HoweverThePartsAreCut() {
        #expect(Array("".utf8).withUnsafeBytes { PageDigest.of($0) } == 0xEF46_DB37_51D8_E999)
        #expect(Array("a".utf8).withUnsafeBytes { PageDigest.of($0) } == 0xD24E_C4F1_A98C_6E5B)
        let text = Array(String(repeating: "小招的朋友圈 plan-build ", count: 40).utf8)
        let whole = text.withUnsafeBytes { PageDigest.of($0) }
        for size in [1, 7, 31, 32, 33, 100] {
            let parts = stride(from: 0, to: text.count, by: size).map { Array(text[$0..<min($0 + size, text.count)]) }
            #expect(PageDigest.of(parts) == whole, "cut every \(size) bytes")
        }
        #expect(PageDigest.of([Array(text.dropLast()) + [text.last! ^ 1]]) != whole)
    }

    @Test func theLedgerFileRoundTrips() {
        let entry = SiteLedger.Entry(size: 12, inode: 34, seconds: -1, nanoseconds: 999_999_999, digest: .max)
        let ledger = SiteLedger(sections: [
            SiteLedger.Section(identity: SiteLedger.Identity(device: 1, inode: 2), entries: [TextKey("items/小招.html"): entry, TextKey("index.html"): entry]),
            SiteLedger.Section(identity: SiteLedger.Identity(device: 3, inode: 4), entries: [:]),
        ])
        let bytes = ledger.encoded()
        #expect(bytes.withUnsafeBytes { SiteLedger.parse($0) } == ledger)
        // The order the build wrote its files in is kept (the next build links them in that order).
        let order = ["b.html", "a.html", "items/小招.html", "c.ics"].map(TextKey.init)
        let written = SiteLedger(sections: [
            SiteLedger.Section(identity: SiteLedger.Identity(device: 1, inode: 2), entries: Dictionary(uniqueKeysWithValues: order.map { ($0, entry) }), order: order)
        ])
        #expect(written.encoded().withUnsafeBytes { SiteLedger.parse($0) }?.sections.first?.order == order)
        #expect(Array(bytes.dropLast()).withUnsafeBytes { SiteLedger.parse($0) } == nil)
        #expect((bytes + [0]).withUnsafeBytes { SiteLedger.parse($0) } == nil)
    }
}
