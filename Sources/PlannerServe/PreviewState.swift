import Foundation

/// What the preview server shows: the site folder, or an error page when the
/// last build failed; and the open pages waiting for a reload event.
actor PreviewState {
    private(set) var generation = 0
    private(set) var errorPage: String?
    private var listeners: [Int: AsyncStream<PreviewEvent>.Continuation] = [:]
    private var nextListener = 0

    func subscribe() -> AsyncStream<PreviewEvent> {
        let (stream, continuation) = AsyncStream<PreviewEvent>.makeStream(bufferingPolicy: .bufferingNewest(4))
        let id = nextListener
        nextListener += 1
        listeners[id] = continuation
        continuation.onTermination = { _ in Task { await self.unsubscribe(id) } }
        return stream
    }

    private func unsubscribe(_ id: Int) { listeners[id] = nil }

    /// A rebuild finished: remember its outcome and tell every open page.
    func publish(errorPage: String?) {
        self.errorPage = errorPage
        generation += 1
        for listener in listeners.values { listener.yield(.reload(generation)) }
    }

    /// A comment line now and then lets the server notice pages that went away.
    func ping() {
        for listener in listeners.values { listener.yield(.ping) }
    }

    func finishAll() {
        for listener in listeners.values { listener.finish() }
        listeners = [:]
    }
}

enum PreviewEvent: Sendable {
    case reload(Int)
    case ping
}
