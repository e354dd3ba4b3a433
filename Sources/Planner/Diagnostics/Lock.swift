internal import CSupport

/// The lock the concurrent stages share result slots, buffers and caches
/// under: it spins a while before it sleeps (CSupport/lock.c), since every
/// critical section here is short and a futex wake-up on a virtual machine's
/// idle core costs more than the wait.
final class NSLockShim: @unchecked Sendable {
    /// The lock's one word, at a fixed address for its whole life (C atomics and the futex use it).
    private let state = UnsafeMutablePointer<Int32>.allocate(capacity: 1)

    init() { state.initialize(to: 0) }

    deinit { state.deallocate() }

    func withLock<T>(_ body: () throws -> T) rethrows -> T {
        planbuild_lock_acquire(state)
        defer { planbuild_lock_release(state) }
        return try body()
    }
}
