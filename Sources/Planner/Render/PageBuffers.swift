/// Output buffers kept from one page to the next, about one per thread at
/// work: a buffer grows to the size of the largest page once, rather than
/// every page growing (copying) its own from nothing and freeing it.
final class PageBuffers: @unchecked Sendable {  // guarded by `lock`
    private var spare: [ByteSink] = []
    private let lock = NSLockShim()

    /// Runs `body` with an empty buffer, then keeps the buffer for the next page.
    func with<Result>(_ body: (inout ByteSink) throws -> Result) rethrows -> Result {
        var buffer = lock.withLock { spare.popLast() } ?? ByteSink(capacity: 64 * 1024)
        defer {
            buffer.removeAll()
            lock.withLock { spare.append(buffer) }
        }
        return try body(&buffer)
    }

    deinit {
        for buffer in spare { buffer.release() }
    }
}
