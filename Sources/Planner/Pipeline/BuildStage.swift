import Foundation

/// The stages of a build, reported with their durations.
public enum BuildStage: Sendable {
    case load(items: Int)
    case rules(diagnostics: Int)
    case render
    case write

    public var name: String {
        switch self {
        case .load(let items): return "load and resolve (\(items) items)"
        case .rules(let diagnostics): return "rules (\(diagnostics) diagnostics)"
        case .render: return "render pages"
        case .write: return "swap output folder"
        }
    }
}
