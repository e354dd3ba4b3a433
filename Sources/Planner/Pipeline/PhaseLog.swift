import Foundation

/// serve's finer stage times of one rebuild (load, resolve, rules, render,
/// write), so that its log says where a rebuild's time went. `build` and
/// `check` report their stages through `Pipeline.observer` instead.
public final class PhaseLog: @unchecked Sendable {  // guarded by `lock`
    public enum Phase: String, Sendable, CaseIterable {
        /// Reading and decoding the changed files (the listing, the cache lookups).
        case load
        /// Resolving items against plan.yml into the plan.
        case resolve
        case rules
        /// The site model and which pages changed.
        case prepare
        /// The pages that changed, rendered and written.
        case render
        /// The feeds, plan.json and the static files.
        case write

        public var label: Localized {
            switch self {
            case .load: return Localized(zh: "读取", en: "load")
            case .resolve: return Localized(zh: "解析", en: "resolve")
            case .rules: return Localized(zh: "规则", en: "rules")
            case .prepare: return Localized(zh: "比对", en: "prepare")
            case .render: return Localized(zh: "渲染", en: "render")
            case .write: return Localized(zh: "写出", en: "write")
            }
        }
    }

    private let lock = NSLockShim()
    private let clock = ContinuousClock()
    private var mark: ContinuousClock.Instant
    private var times: [(Phase, Duration)] = []

    public init() { mark = ContinuousClock.now }

    /// Starts a rebuild's timing afresh.
    public func start() {
        lock.withLock {
            times = []
            mark = clock.now
        }
    }

    /// `phase` ended now: it took the time since the last mark.
    public func finished(_ phase: Phase) {
        lock.withLock {
            let now = clock.now
            times.append((phase, now - mark))
            mark = now
        }
    }

    /// Each phase's milliseconds, in the order they ended (a phase met twice is added up).
    public var milliseconds: [(Phase, Int)] {
        lock.withLock {
            var order: [Phase] = []
            var totals: [Phase: Duration] = [:]
            for (phase, duration) in times {
                if totals[phase] == nil { order.append(phase) }
                totals[phase, default: .zero] += duration
            }
            return order.map { ($0, Self.milliseconds(totals[$0]!)) }
        }
    }

    public static func milliseconds(_ duration: Duration) -> Int {
        Int(duration.components.seconds * 1000) + Int(duration.components.attoseconds / 1_000_000_000_000_000)
    }
}
