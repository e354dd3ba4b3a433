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

    public func count(_ severity: Severity) -> Int { diagnostics.count(of: severity) }

    /// The lines of a file under the repository root (CRLF read as LF); nil when unreadable.
    public func lines(of file: String) -> SourceLines? {
        guard let root = repositoryRoot else { return nil }
        // The text the load decoded already, as the decoding here would give it.
        if let text = sources?.text(of: file) { return SourceLines(text) }
        guard let bytes = sources?.bytes(of: file) ?? (try? Data(contentsOf: root.appendingPathComponent(file))).map({ [UInt8]($0) }),
            case .success(let text) = FrontMatterSplitter.decodeText(bytes: bytes, maximumSize: Int.max)
        else { return nil }
        return SourceLines(text)
    }
}

/// A text's lines as `split(separator: "\n")` gives them, found by where
/// each starts rather than copied out: a report quotes one or two lines of
/// most files it names.
public struct SourceLines: RandomAccessCollection, Sendable {
    let text: String
    /// The UTF-8 offset of each line's start, then one past the text's end plus one.
    let starts: [Int]

    init(_ text: String) {
        var text = text
        self.text = text
        starts = text.withUTF8 { utf8 in
            var starts = [0]
            guard let base = utf8.baseAddress else { return starts + [1] }
            var from = 0
            while from < utf8.count, let hit = memchr(base + from, 10, utf8.count - from) {
                let offset = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
                // A CR LF is one Character, which a split on "\n" keeps whole.
                if offset == 0 || utf8[offset - 1] != 13 { starts.append(offset + 1) }
                from = offset + 1
            }
            starts.append(utf8.count + 1)
            return starts
        }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { starts.count - 1 }

    public subscript(position: Int) -> Substring {
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: starts[position])
        let end = utf8.index(utf8.startIndex, offsetBy: starts[position + 1] - 1)
        return text[start..<end]
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
