import Foundation
import Testing
@testable import Planner

#if canImport(Glibc)
import Glibc
#endif

/// A minimal HTTP/1.1 client over a raw socket: enough to read pages and a
/// server-sent event stream without any networking library.
struct RawHTTP {
    let port: Int

    func connect() throws -> Int32 {
        let socketDescriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(socketDescriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            close(socketDescriptor)
            throw POSIXError(.ECONNREFUSED)
        }
        var timeout = timeval(tv_sec: 0, tv_usec: 200_000)
        setsockopt(socketDescriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        return socketDescriptor
    }

    func send(_ descriptor: Int32, path: String) {
        let request = "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
        _ = request.withCString { Glibc.send(descriptor, $0, strlen($0), 0) }
    }

    /// Reads until `marker` appears or `deadline` passes.
    func read(_ descriptor: Int32, until marker: String?, deadline: ContinuousClock.Instant) -> String {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while ContinuousClock.now < deadline {
            let count = recv(descriptor, &buffer, buffer.count, 0)
            if count > 0 {
                data.append(contentsOf: buffer[0..<count])
                if let marker, String(decoding: data, as: UTF8.self).contains(marker) { break }
            } else if count == 0 {
                break
            }
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// One whole response (the server closes the connection after it).
    func get(_ path: String) throws -> String {
        let descriptor = try connect()
        defer { close(descriptor) }
        send(descriptor, path: path)
        return read(descriptor, until: nil, deadline: .now + ServeTests.hangGuard)
    }
}

/// A running `plan-build serve`: its log lines as they come, and its address.
final class ServeProcess: @unchecked Sendable {  // `lines` guarded by `lock`
    let process = Process()
    private let lock = NSLock()
    private var lines: [String] = []
    private var ended = false

    init(in root: URL) throws {
        process.executableURL = CLI.binary
        process.arguments = ["serve", "--port", "0", "--today", "2026-11-23"]
        process.currentDirectoryURL = root
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let handle = output.fileHandleForReading
        let thread = Thread { [self] in
            var pending = ""
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                pending += String(decoding: chunk, as: UTF8.self)
                while let newline = pending.firstIndex(of: "\n") {
                    let line = String(pending[..<newline])
                    pending = String(pending[pending.index(after: newline)...])
                    lock.withLock { lines.append(line) }
                }
            }
            lock.withLock { ended = true }
        }
        thread.start()
    }

    var log: [String] { lock.withLock { lines } }

    /// Waits until a log line from `index` on matches; returns its index.
    /// The deadline only guards against a hang: it is no speed budget.
    func waitForLine(from index: Int = 0, _ matches: (String) -> Bool) throws -> Int {
        let deadline = ContinuousClock.now + ServeTests.hangGuard
        while ContinuousClock.now < deadline {
            let (current, over) = lock.withLock { (lines, ended) }
            if let found = current.indices.first(where: { $0 >= index && matches(current[$0]) }) { return found }
            if over { break }
            usleep(20_000)
        }
        throw ServeTests.Timeout(waitingFor: "a log line", log: log)
    }

    func http() throws -> RawHTTP {
        let line = try waitForLine { $0.contains("Serving at") }
        let port = try #require(log[line].firstMatch(of: /127\.0\.0\.1:(\d+)/).flatMap { Int($0.1) })
        return RawHTTP(port: port)
    }

    func stop() {
        if process.isRunning { process.terminate() }
    }
}

/// The reload events of one open page, read one at a time.
final class ReloadEvents {
    let http: RawHTTP
    let descriptor: Int32
    private var buffer = ""

    init(_ http: RawHTTP) throws {
        self.http = http
        descriptor = try http.connect()
        http.send(descriptor, path: "/_plan-build/events")
        _ = try next(marker: "retry:")
    }

    deinit { close(descriptor) }

    /// Waits for the next reload event; returns its generation.
    @discardableResult
    func nextReload() throws -> Int {
        let block = try next(marker: "event: reload\ndata: ")
        return Int(block.firstMatch(of: /data: (\d+)/)?.1 ?? "") ?? -1
    }

    /// Reads until `marker` and the end of its event block; consumes that much.
    private func next(marker: String) throws -> String {
        let deadline = ContinuousClock.now + ServeTests.hangGuard
        var chunk = [UInt8](repeating: 0, count: 65536)
        while ContinuousClock.now < deadline {
            if let start = buffer.range(of: marker), let end = buffer[start.upperBound...].range(of: "\n\n") {
                let block = String(buffer[start.lowerBound..<end.upperBound])
                buffer = String(buffer[end.upperBound...])
                return block
            }
            let count = recv(descriptor, &chunk, chunk.count, 0)
            if count > 0 { buffer += String(decoding: chunk[0..<count], as: UTF8.self) } else if count == 0 { break }
        }
        throw ServeTests.Timeout(waitingFor: marker, log: [buffer])
    }
}

@Suite(.serialized) struct ServeTests {
    /// How long a wait may last before the test calls it a hang. Not a speed
    /// budget: serve's latency is reported by scripts/timing_report.py.
    static let hangGuard: Duration = .seconds(120)

    struct Timeout: Error, CustomStringConvertible {
        let waitingFor: String
        let log: [String]
        var description: String { "no \(waitingFor) within \(ServeTests.hangGuard); so far: \(log.suffix(20))" }
    }

    /// Waits, reload event by reload event, until `path` shows `text`.
    static func waitForPage(_ path: String, toContain text: String, http: RawHTTP, events: ReloadEvents) throws -> String {
        while true {
            let page = try http.get(path)
            if page.contains(text) { return page }
            try events.nextReload()
        }
    }

    @Test func editingAnItemRebuildsAndReloads() throws {
        let plan = try TestPlan([
            "moments/a.md": TestPlan.moment(date: "2026-12-05", slot: "morning", body: "第一版文案。"),
            "moments/b.md": TestPlan.moment(date: "2026-12-05", slot: "evening", theme: "professional"),
        ])
        defer { plan.remove() }
        let serve = try ServeProcess(in: plan.root)
        defer { serve.stop() }
        let http = try serve.http()

        let page = try http.get("/items/moments/a.html")
        #expect(page.contains("第一版文案"))
        #expect(page.contains("/_plan-build/reload.js"), "serve mode adds the reload script")
        #expect(try http.get("/_plan-build/reload.js").contains("EventSource"))

        let events = try ReloadEvents(http)
        try Data(TestPlan.moment(date: "2026-12-05", slot: "morning", body: "第二版文案。").utf8)
            .write(to: plan.content.appendingPathComponent("moments/a.md"))
        // An open page is told to reload, and then shows the saved text.
        let generation = try events.nextReload()
        #expect(generation > 1)
        _ = try Self.waitForPage("/items/moments/a.html", toContain: "第二版文案", http: http, events: events)

        // A broken plan shows an error page, not the stale site.
        try Data("---\ndate: 2026-12-32\nslot: morning\npersona: xiaozhao\ntheme: life\n---\n坏\n".utf8)
            .write(to: plan.content.appendingPathComponent("moments/a.md"))
        let failed = try Self.waitForPage("/index.html", toContain: "2026-12-32", http: http, events: events)
        #expect(failed.contains("500"))

        serve.process.interrupt()
        let stopping = ContinuousClock.now
        while serve.process.isRunning, ContinuousClock.now - stopping < Self.hangGuard { usleep(50_000) }
        #expect(!serve.process.isRunning, "Ctrl-C stops the server")
        #expect(serve.process.terminationStatus == 0)
    }

    /// A burst of events larger than the kernel's inotify queue: the queue
    /// overflows and the saves made meanwhile are dropped by the kernel. The
    /// server is stopped (SIGSTOP) while it happens, so the overflow is
    /// certain; the rebuild that follows must see every save.
    @Test func aFloodedWatcherQueueMissesNoSave() throws {
        let limit = Int((try? String(contentsOfFile: "/proc/sys/fs/inotify/max_queued_events", encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? "") ?? 16384
        try #require(limit <= 1_000_000, "max_queued_events is \(limit): too many events to flood here")
        var files: [String: String] = [:]
        let days = ["a": 5, "b": 6, "c": 7, "d": 8, "e": 9]
        for name in ["a", "b", "c", "d"] {
            files["moments/\(name).md"] = TestPlan.moment(date: TestPlan.dec(days[name]!), slot: "morning", body: "旧文案 \(name)。")
        }
        let plan = try TestPlan(files)
        defer { plan.remove() }
        let themes = plan.root.appendingPathComponent("themes")
        try FileManager.default.createDirectory(at: themes, withIntermediateDirectories: true)
        let serve = try ServeProcess(in: plan.root)
        defer { serve.stop() }
        let http = try serve.http()

        // The watcher is live once a save has been rebuilt. The save is one
        // rename from an unwatched folder: one event, one rebuild, nothing
        // left pending to be rebuilt later.
        let serving = try serve.waitForLine { $0.contains("Serving at") }
        let prepared = plan.root.appendingPathComponent("a.md")
        try Data(TestPlan.moment(date: TestPlan.dec(5), slot: "morning", body: "热身 a。").utf8).write(to: prepared)
        #expect(rename(prepared.path, plan.content.appendingPathComponent("moments/a.md").path) == 0)
        _ = try serve.waitForLine(from: serving + 1) { $0.hasPrefix("Built") || $0.hasPrefix("Build failed") }

        kill(serve.process.processIdentifier, SIGSTOP)
        var resumed = false
        defer { if !resumed { kill(serve.process.processIdentifier, SIGCONT) } }
        // One event per open for writing and close (two files in turn, so
        // the kernel cannot merge them), twice the queue's length. Nothing is
        // written: no data reaches the disk, which a busy machine makes slow.
        let flood = [themes.appendingPathComponent("flood-0").path, themes.appendingPathComponent("flood-1").path]
        var failures = 0
        for round in 0..<(2 * limit) {
            let descriptor = open(flood[round % 2], O_WRONLY | O_CREAT, 0o644)
            if descriptor >= 0 { close(descriptor) } else { failures += 1 }
        }
        #expect(failures == 0, "\(failures) opens of the flood files failed")
        // The saves, made while the queue is full: their events are lost.
        for name in ["b", "c", "d"] {
            try Data(TestPlan.moment(date: TestPlan.dec(days[name]!), slot: "morning", body: "新文案 \(name)。").utf8)
                .write(to: plan.content.appendingPathComponent("moments/\(name).md"))
        }
        try FileManager.default.createDirectory(at: plan.content.appendingPathComponent("moments/new"), withIntermediateDirectories: true)
        try Data(TestPlan.moment(date: TestPlan.dec(days["e"]!), slot: "morning", body: "新文件 e。").utf8)
            .write(to: plan.content.appendingPathComponent("moments/new/e.md"))
        let mark = serve.log.count
        kill(serve.process.processIdentifier, SIGCONT)
        resumed = true

        // The next rebuild is a full reload, and it has every save.
        let built = try serve.waitForLine(from: mark) { $0.hasPrefix("Built") || $0.hasPrefix("Build failed") }
        let log = serve.log
        #expect(log[mark..<built].contains { $0.contains("Lost track of changes (the event queue overflowed)") }, "\(log[mark...])")
        #expect(log[built].hasPrefix("Built 5 pages"), "\(log[built])")
        for name in ["b", "c", "d"] {
            #expect(try http.get("/items/moments/\(name).html").contains("新文案 \(name)"), "the save of \(name).md was missed")
        }
        #expect(try http.get("/items/moments/new/e.html").contains("新文件 e"), "the new file was missed")
    }
}
