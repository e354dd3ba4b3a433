import Dispatch
import Foundation

/// Hands a render's tasks to every core. The item units come first: they
/// make the events and plan.json entries the feeds are written from. Once the
/// last unit is done, the feeds and plan.json (`afterUnits`) go before the
/// overview pages still waiting, so the largest files of the site are written
/// while the other core renders pages, not on one core after all of them.
final class RenderQueue: @unchecked Sendable {  // guarded by `condition`
    typealias Task = @Sendable () throws -> Void

    private let condition = NSCondition()
    private let units: [Task]
    private let jobs: [Task]
    private let afterUnits: [Task]
    /// Run once by the thread that finishes the last unit, before `afterUnits` start.
    private let unitsDone: @Sendable () -> Void
    private var nextUnit = 0
    private var nextJob = 0
    private var nextAfter = 0
    private var unitsLeft: Int
    /// The failed task that comes first in the order `init` lists them, so that
    /// the error a failed render reports does not depend on timing.
    private var failure: (position: Int, error: Error)?

    init(units: [Task], jobs: [Task], afterUnits: [Task], unitsDone: @escaping @Sendable () -> Void) {
        self.unitsDone = unitsDone
        self.units = units
        self.jobs = jobs
        self.afterUnits = afterUnits
        unitsLeft = units.count
    }

    /// Runs every task on `workers` threads (the calling one among them);
    /// throws the error of the first failed task, in the order `init` lists
    /// them: units, jobs, then what waits for the units.
    func run(workers: Int) throws {
        if units.isEmpty { unitsDone() }
        if workers <= 1 {
            work()
        } else {
            DispatchQueue.concurrentPerform(iterations: workers) { _ in work() }
        }
        if let failure { throw failure.error }
    }

    private func work() {
        while let claimed = next() {
            do {
                try claimed.task()
            } catch {
                condition.lock()
                if failure.map({ claimed.position < $0.position }) ?? true { failure = (claimed.position, error) }
                condition.unlock()
            }
            if claimed.position < units.count { finishedUnit() }
        }
    }

    /// The next task and its position in units + jobs + afterUnits; nil when none is left.
    private func next() -> (task: Task, position: Int)? {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if unitsLeft == 0, nextAfter < afterUnits.count {
                nextAfter += 1
                return (afterUnits[nextAfter - 1], units.count + jobs.count + nextAfter - 1)
            }
            if nextUnit < units.count {
                nextUnit += 1
                return (units[nextUnit - 1], nextUnit - 1)
            }
            if nextJob < jobs.count {
                nextJob += 1
                return (jobs[nextJob - 1], units.count + nextJob - 1)
            }
            // Only what waits for the units is left, and another thread is finishing one.
            if unitsLeft == 0 { return nil }
            condition.wait()
        }
    }

    private func finishedUnit() {
        condition.lock()
        let last = unitsLeft == 1
        if !last { unitsLeft -= 1 }
        condition.unlock()
        guard last else { return }
        unitsDone()
        condition.lock()
        unitsLeft = 0
        condition.broadcast()
        condition.unlock()
    }
}
