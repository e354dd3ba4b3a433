import Foundation
import Hummingbird
import Logging
import Planner
import ServiceLifecycle

/// `plan-build serve`: builds, serves the site on 127.0.0.1, rebuilds when
/// `content/` or `themes/` change and tells open pages to reload through
/// server-sent events. A failed build shows an error page, never a stale site.
public struct PreviewServer: Sendable {
    public let contentDirectory: URL
    public let themesDirectory: URL
    public let port: Int
    public let today: LocalDate?
    public let language: Language?
    /// The language of the log (spec §11.1's interface language).
    public let interfaceLanguage: Language
    /// Called with each line worth telling the user (the address, rebuild times, errors).
    public let log: @Sendable (String) -> Void

    public init(
        contentDirectory: URL, themesDirectory: URL, port: Int, today: LocalDate?, language: Language?,
        interfaceLanguage: Language = .zhCN, log: @escaping @Sendable (String) -> Void
    ) {
        self.interfaceLanguage = interfaceLanguage
        self.contentDirectory = contentDirectory
        self.themesDirectory = themesDirectory
        self.port = port
        self.today = today
        self.language = language
        self.log = log
    }

    public func run() async throws {
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("plan-build-serve-\(getpid())")
        try? FileManager.default.removeItem(at: site)
        defer { try? FileManager.default.removeItem(at: site) }
        let state = PreviewState()
        let builder = PreviewBuilder(
            contentDirectory: contentDirectory, themesDirectory: themesDirectory, site: site, today: today, language: language)
        await rebuild(builder, state: state, reason: nil)

        let router = Router()
        router.get("/_plan-build/reload.js") { _, _ in
            Self.response(Data(Self.reloadScript.utf8), type: "text/javascript; charset=utf-8")
        }
        router.get(RouterPath(ErrorPage.stylePath)) { _, _ in
            Self.response(builder.stylesheet() ?? Data(), type: "text/css; charset=utf-8")
        }
        router.get("/_plan-build/events") { _, _ -> Response in
            let stream = await state.subscribe()
            var headers = HTTPFields()
            headers[.contentType] = "text/event-stream"
            headers[.cacheControl] = "no-cache"
            return Response(status: .ok, headers: headers, body: ResponseBody { writer in
                try await writer.write(ByteBuffer(string: "retry: 500\n\n"))
                // Ends on Ctrl-C too, so the server's graceful shutdown does not wait on open pages.
                try await withGracefulShutdownHandler {
                    for await event in stream {
                        switch event {
                        case .reload(let generation):
                            try await writer.write(ByteBuffer(string: "event: reload\ndata: \(generation)\n\n"))
                        case .ping:
                            try await writer.write(ByteBuffer(string: ": ping\n\n"))
                        }
                    }
                } onGracefulShutdown: {
                    Task { await state.finishAll() }
                }
                try await writer.finish(nil)
            })
        }
        router.get("**") { request, _ -> Response in
            await Self.serve(path: request.uri.path, site: site, state: state)
        }
        router.get("/") { request, _ -> Response in
            await Self.serve(path: request.uri.path, site: site, state: state)
        }
        let log = self.log
        let zh = interfaceLanguage == .zhCN
        var logger = Logger(label: "plan-build")
        logger.logLevel = .warning
        let app = Application(
            router: router,
            configuration: .init(address: .hostname("127.0.0.1", port: port), serverName: "plan-build"),
            onServerRunning: { channel in
                let chosen = channel.localAddress?.port ?? 0
                log(zh ? "预览地址 http://127.0.0.1:\(chosen)/（按 Ctrl-C 停止）" : "Serving at http://127.0.0.1:\(chosen)/ (Ctrl-C to stop)")
            },
            logger: logger)
        let roots = [contentDirectory, themesDirectory]
        let watcher = Task {
            #if canImport(Glibc)
            if let inotify = InotifyWatcher(roots: roots) {
                for await (batch, noticed) in Self.changes(from: inotify) {
                    switch batch {
                    case .changed(let changed):
                        await rebuild(builder, state: state, reason: changed, noticed: noticed)
                    case .unknown(let why):
                        log(zh ? "跟丢了改动（\(why.zh)）：全部重新读取。" : "Lost track of changes (\(why.en)): reloading everything.")
                        await rebuild(builder, state: state, reason: nil, noticed: noticed)
                    }
                }
                return
            }
            #endif
            let tree = TreeWatcher(roots: roots)
            var last = tree.snapshot()
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(150))
                let now = tree.snapshot()
                let changed = TreeWatcher.changes(from: last, to: now)
                guard !changed.isEmpty else { continue }
                last = now
                await rebuild(builder, state: state, reason: changed)
            }
        }
        // Keeps idle event streams open through proxies and browsers.
        let pinger = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(15))
                await state.ping()
            }
        }
        defer { pinger.cancel() }
        defer { watcher.cancel() }
        try await app.runService()
        watcher.cancel()
        await state.finishAll()
        log(zh ? "已停止。" : "Stopped.")
    }

    #if canImport(Glibc)
    /// Batches of changed paths with when their first event came, read on a thread of their own (inotify blocks).
    private static func changes(from inotify: InotifyWatcher) -> AsyncStream<(InotifyWatcher.Batch, ContinuousClock.Instant)> {
        let (stream, continuation) = AsyncStream<(InotifyWatcher.Batch, ContinuousClock.Instant)>.makeStream()
        let stop = StopFlag()
        continuation.onTermination = { _ in stop.set() }
        let thread = Thread {
            while !stop.isSet {
                if let next = inotify.next(timeout: 250) { continuation.yield((next.batch, next.noticed)) }
            }
        }
        thread.start()
        return stream
    }
    #endif

    /// - Parameter noticed: when the watcher saw the first change of the batch (nil: the first build).
    private func rebuild(
        _ builder: PreviewBuilder, state: PreviewState, reason: [String]?, noticed: ContinuousClock.Instant? = nil
    ) async {
        let started = ContinuousClock.now
        let outcome = builder.rebuild(changed: reason)
        let built = ContinuousClock.now
        let milliseconds = PhaseLog.milliseconds(built - started)
        let zh = interfaceLanguage == .zhCN
        switch outcome {
        case .success(let pages, let stages):
            await state.publish(errorPage: nil)
            // From the first event to the rebuild (gathering an editor's save), and the reload event's own time.
            let watch = noticed.map { PhaseLog.milliseconds(started - $0) }
            let event = PhaseLog.milliseconds(ContinuousClock.now - built)
            log(zh
                ? "已生成 \(pages) 条内容的站点，用时 \(milliseconds) ms" + (reason.map { "（\($0.count) 个文件有改动）" } ?? "") + "："
                    + (watch.map { "发现改动 \($0) ms，" } ?? "") + "\(stages.zh)，通知 \(event) ms"
                : "Built \(pages) pages in \(milliseconds) ms" + (reason.map { " (\($0.count) changed)" } ?? "") + ": "
                    + (watch.map { "watch \($0) ms, " } ?? "") + "\(stages.en), event \(event) ms")
        case .failure(let page, let summary):
            log(zh ? "生成失败，用时 \(milliseconds) ms：\(summary.zh)" : "Build failed in \(milliseconds) ms: \(summary.en)")
            await state.publish(errorPage: page)
        }
    }

    static func serve(path rawPath: String, site: URL, state: PreviewState) async -> Response {
        let path = (rawPath.removingPercentEncoding ?? rawPath).split(separator: "?").first.map(String.init) ?? "/"
        var parts = path.split(separator: "/").map(String.init)
        if parts.contains("..") || parts.contains(where: { $0.hasPrefix(".") }) {
            return response(Data("Not found\n".utf8), type: "text/plain; charset=utf-8", status: .notFound)
        }
        if path.hasSuffix("/") || parts.isEmpty { parts.append("index.html") }
        let relative = parts.joined(separator: "/")
        let isPage = relative.hasSuffix(".html")
        if isPage, let errorPage = await state.errorPage {
            return response(Data(errorPage.utf8), type: "text/html; charset=utf-8", status: .internalServerError)
        }
        let file = site.appendingPathComponent(relative)
        guard let data = try? Data(contentsOf: file) else {
            return response(Data("Not found\n".utf8), type: "text/plain; charset=utf-8", status: .notFound)
        }
        return response(data, type: contentType(of: relative))
    }

    static func response(_ data: Data, type: String, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func contentType(of path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "html": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js": return "text/javascript; charset=utf-8"
        case "json": return "application/json"
        case "ics": return "text/calendar; charset=utf-8"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        case "svg": return "image/svg+xml"
        default: return "application/octet-stream"
        }
    }

    static let reloadScript = """
        // plan-build serve: reload this page whenever the site is rebuilt.
        (function () {
          'use strict';
          var source = new EventSource('/_plan-build/events');
          source.addEventListener('reload', function () { window.location.reload(); });
        }());

        """
}

/// Tells the watcher thread to stop.
private final class StopFlag: @unchecked Sendable {  // guarded by `lock`
    private let lock = NSLock()
    private var stopped = false
    func set() { lock.withLock { stopped = true } }
    var isSet: Bool { lock.withLock { stopped } }
}
