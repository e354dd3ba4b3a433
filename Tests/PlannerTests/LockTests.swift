import Dispatch
import Foundation
import Testing

@testable import Planner

/// The lock the concurrent stages share (CSupport/lock.c spins, then sleeps on a futex).
struct LockTests {
    /// Many threads adding under the lock lose no update.
    @Test func noUpdateIsLostUnderContention() {
        final class Counter: @unchecked Sendable {  // guarded by `lock`
            let lock = NSLockShim()
            var value = 0
        }
        let counter = Counter()
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            for _ in 0..<20_000 { counter.lock.withLock { counter.value += 1 } }
        }
        #expect(counter.value == 8 * 20_000)
    }

    /// A waiter that outlasts the spinning sleeps and is woken: the holder keeps
    /// the lock until the waiter has certainly started waiting (it says so from
    /// inside its own critical section only after the holder let go).
    @Test func aWaiterPastTheSpinningIsWokenWhenTheLockIsLetGo() {
        let lock = NSLockShim()
        let waiterStarted = DispatchSemaphore(value: 0)
        let waiterDone = DispatchSemaphore(value: 0)
        final class Order: @unchecked Sendable { var events: [String] = [] }  // guarded by `lock`
        let order = Order()
        lock.withLock {
            Thread {
                waiterStarted.signal()
                lock.withLock { order.events.append("waiter") }
                waiterDone.signal()
            }.start()
            waiterStarted.wait()
            // Well past the spin budget: the waiter is asleep on the futex by now.
            usleep(50_000)
            order.events.append("holder")
        }
        waiterDone.wait()
        #expect(lock.withLock { order.events } == ["holder", "waiter"])
    }
}
