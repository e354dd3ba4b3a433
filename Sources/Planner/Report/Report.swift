import Foundation
internal import CSupport

/// Everything a report format needs: the sorted diagnostics, the language,
/// and a way to read source lines for excerpts.
public struct Report: Sendable {
    public let diagnostics: [Diagnostic]
    public let language: Language
    /// The repository root, to read files named by `location.file` for excerpts.
    public let repositoryRoot: URL?
    /// Colour escapes (only for `text` on a terminal without NO_COLOR).
    public let colour: Bool
    public let toolVersion: String
    /// The files the load read, so excerpts need not read them again; nil: read from disk.
    public let sources: SourceTexts?

    public init(
        diagnostics: [Diagnostic], language: Language, repositoryRoot: URL?, colour: Bool = false,
        toolVersion: String = PlanBuild.version, sources: SourceTexts? = nil
    ) {
        self.sources = sources
        self.diagnostics = diagnostics
        self.language = language
        self.repositoryRoot = repositoryRoot
        self.colour = colour
        self.toolVersion = toolVersion
    }

    public func count(_ severity: Severity) -> Int { diagnostics.filter { $0.severity == severity }.count }

    /// The lines of a file under the repository root (CRLF read as LF); nil when unreadable.
    public func lines(of file: String) -> [Substring]? {
        guard let root = repositoryRoot,
            let bytes = sources?.bytes(of: file) ?? (try? Data(contentsOf: root.appendingPathComponent(file))).map({ [UInt8]($0) }),
            case .success(let text) = FrontMatterSplitter.decodeText(bytes: bytes, maximumSize: Int.max)
        else { return nil }
        // By bytes when there is no CR (a CR LF is one Character, which a split on "\n" keeps whole).
        guard !text.utf8.contains(13) else { return text.split(separator: "\n", omittingEmptySubsequences: false) }
        return text.utf8.split(separator: 10, omittingEmptySubsequences: false).map { Substring($0) }
    }
}

/// One output format of `check --format`.
public enum ReportFormat: String, Sendable, CaseIterable {
    case text, json, github, gitlab, sarif, markdown

    public func render(_ report: Report) -> String {
        switch self {
        case .text: return TextReport().render(report)
        case .json: return JSONReport().render(report)
        case .github: return GitHubReport().render(report)
        case .gitlab: return GitLabReport().render(report)
        case .sarif: return SARIFReport().render(report)
        case .markdown: return MarkdownReport().render(report)
        }
    }
}

public enum PlanBuild {
    public static let version = "0.1.0"
    /// The git commit the binary was built from: embedded by `make dist`, empty in a plain `swift build`.
    public static let commit = String(cString: planbuild_commit())
    /// What `--version` prints: the version and the commit it was built from.
    public static var versionLine: String {
        "\(version) (\(commit.isEmpty ? "commit unknown: not built by make dist" : "commit \(commit)"))"
    }
    /// The tool's public home, for SARIF's `tool.driver.informationUri`; none yet.
    public static let informationURI: String? = nil
}
