import Foundation
import Planner

/// Progress on a terminal (overwritten in place), stage timings with --verbose,
/// nothing otherwise; always on standard error so reports stay clean.
struct StageReporter {
    let verbose: Bool
    let quiet: Bool

    var callback: (@Sendable (BuildStage, Duration) -> Void)? {
        if quiet { return nil }
        let terminal = isatty(STDERR_FILENO) == 1
        guard verbose || terminal else { return nil }
        let verbose = self.verbose
        let started = ContinuousClock.now
        return { stage, duration in
            let line: String
            if verbose {
                line = "\(stage.name): \(Self.milliseconds(duration)) ms\n"
            } else {
                let elapsed = Self.milliseconds(ContinuousClock.now - started)
                line = "\r\u{1B}[2K\(stage.name) … \(elapsed) ms" + (stageIsLast(stage) ? "\r\u{1B}[2K" : "")
            }
            FileHandle.standardError.write(Data(line.utf8))
        }
    }

    private static func milliseconds(_ duration: Duration) -> Int {
        Int(duration.components.seconds * 1000) + Int(duration.components.attoseconds / 1_000_000_000_000_000)
    }
}

private func stageIsLast(_ stage: BuildStage) -> Bool {
    if case .write = stage { return true }
    return false
}
