import Foundation

/// Named points of the writer where a test can make the process die as a
/// crash would (SIGKILL, no clean-up): `PLAN_BUILD_FAULT=<point>` in the
/// environment. The crash-safety test visits each point instead of timing
/// kills against a measured build. Unset, every point is a no-op.
public enum FaultPoint: String, Sendable, CaseIterable {
    /// The staging folder exists (new, or the spare renamed with the site
    /// before last in it), nothing rendered yet: what a crash while rendering leaves too.
    case stagingCreated = "staging-created"
    /// Every page is in the staging folder; the spare's stale files not yet pruned.
    case stagingWritten = "staging-written"
    /// The staging folder holds exactly the new site; not yet swapped.
    case pruned
    /// The new site is `output/`; the old one still sits at the staging path.
    case swapped
    /// The old site has become the spare; the build is complete.
    case spareKept = "spare-kept"

    static let armed: FaultPoint? = ProcessInfo.processInfo.environment["PLAN_BUILD_FAULT"].flatMap(FaultPoint.init(rawValue:))

    /// Dies here when this point is the armed one.
    func reach() {
        guard Self.armed == self else { return }
        kill(getpid(), SIGKILL)
        // SIGKILL is not delivered synchronously everywhere: never return from here.
        while true { pause() }
    }
}
