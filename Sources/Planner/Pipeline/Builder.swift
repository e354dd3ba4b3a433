import Foundation

/// `build`: the pipeline up to writing, into `output/` atomically. With errors nothing is written.
public struct Builder: Sendable {
    public let pipeline: Pipeline

    public init(
        contentDirectory: URL, outputDirectory: URL, themesDirectory: URL?, today: LocalDate?, language: Language? = nil,
        serveMode: Bool = false, observer: (@Sendable (BuildStage, Duration) -> Void)? = nil
    ) {
        pipeline = Pipeline(
            paths: Pipeline.Paths(content: contentDirectory, output: .replace(outputDirectory), themes: themesDirectory),
            today: today, language: language, serveMode: serveMode, observer: observer)
    }

    public typealias Outcome = Pipeline.Outcome

    public func build() throws -> Outcome { try pipeline.build() }
}

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
