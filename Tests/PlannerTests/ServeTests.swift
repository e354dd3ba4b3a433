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

    func get(_ path: String) throws -> String {
        let descriptor = try connect()
        defer { close(descriptor) }
        send(descriptor, path: path)
        return read(descriptor, until: nil, deadline: .now + .seconds(3))
    }
}

@Suite(.serialized) struct ServeTests {
    @Test func editingAnItemRebuildsAndReloadsWithinASecond() throws {
        let plan = try TestPlan([
            "moments/a.md": TestPlan.moment(date: "2026-12-05", slot: "morning", body: "第一版文案。"),
            "moments/b.md": TestPlan.moment(date: "2026-12-05", slot: "evening", theme: "professional"),
        ])
        defer { plan.remove() }
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = ["serve", "--port", "0", "--today", "2026-11-23"]
        process.currentDirectoryURL = plan.root
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }

        // The server prints its address once it listens.
        var log = ""
        let started = ContinuousClock.now
        while !log.contains("Serving at"), ContinuousClock.now - started < .seconds(20) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            log += String(decoding: chunk, as: UTF8.self)
        }
        let portText = try #require(log.firstMatch(of: /127\.0\.0\.1:(\d+)/)?.1)
        let http = RawHTTP(port: try #require(Int(portText)))

        let page = try http.get("/items/moments/a.html")
        #expect(page.contains("第一版文案"))
        #expect(page.contains("/_plan-build/reload.js"), "serve mode adds the reload script")
        #expect(try http.get("/_plan-build/reload.js").contains("EventSource"))

        let events = try http.connect()
        defer { close(events) }
        http.send(events, path: "/_plan-build/events")
        _ = http.read(events, until: "retry:", deadline: .now + .seconds(2))

        let edited = ContinuousClock.now
        try Data(TestPlan.moment(date: "2026-12-05", slot: "morning", body: "第二版文案。").utf8)
            .write(to: plan.content.appendingPathComponent("moments/a.md"))
        let stream = http.read(events, until: "event: reload", deadline: edited + .seconds(1))
        #expect(stream.contains("event: reload"), "a reload event within 1 s")
        let rebuilt = try http.get("/items/moments/a.html")
        #expect(rebuilt.contains("第二版文案"))
        // The event deadline above is the 1 s budget; the page fetch after it only
        // gets slack for a machine busy with the other tests running in parallel.
        #expect(ContinuousClock.now - edited < .seconds(3))

        // A broken plan shows an error page, not the stale site.
        try Data("---\ndate: 2026-12-32\nslot: morning\npersona: xiaozhao\ntheme: life\n---\n坏\n".utf8)
            .write(to: plan.content.appendingPathComponent("moments/a.md"))
        _ = http.read(events, until: "data: 3", deadline: .now + .seconds(2))
        let failed = try http.get("/index.html")
        #expect(failed.contains("500"))
        #expect(failed.contains("2026-12-32"))

        process.interrupt()
        let stopping = ContinuousClock.now
        while process.isRunning, ContinuousClock.now - stopping < .seconds(5) { usleep(50_000) }
        #expect(!process.isRunning, "Ctrl-C stops the server")
        #expect(process.terminationStatus == 0)
    }
}
