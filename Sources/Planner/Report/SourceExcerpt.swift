import Foundation

/// A few lines of a file around a diagnostic's position, for pages that show
/// where a problem is (serve's error page): the marked line is split at the
/// column so the page can highlight the very character.
public struct SourceExcerpt: Sendable {
    public struct Line: Sendable {
        public let number: Int
        public let text: String
        public let marked: Bool
    }

    public let lines: [Line]
    /// The marked line cut at the column: before it, the character there, after it.
    public let before: String
    public let at: String
    public let after: String

    /// Nil when the file cannot be read or the line is not in it.
    public static func around(_ location: SourceLocation, repositoryRoot: URL, context: Int = 2) -> SourceExcerpt? {
        let report = Report(diagnostics: [], language: .en, repositoryRoot: repositoryRoot, colour: false)
        guard let all = report.lines(of: location.file), location.line >= 1, location.line <= all.count else { return nil }
        let first = max(1, location.line - context)
        let last = min(all.count, location.line + context)
        let lines = (first...last).map { number in
            Line(number: number, text: TextReport.printable(String(all[number - 1]).replacingOccurrences(of: "\r", with: "")), marked: number == location.line)
        }
        // Columns count Unicode scalars, as every diagnostic's do.
        let text = Array(lines.first { $0.marked }!.text.unicodeScalars)
        let column = min(max(location.column, 1) - 1, text.count)
        func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String { String(String.UnicodeScalarView(scalars)) }
        return SourceExcerpt(
            lines: lines, before: string(text[..<column]), at: column < text.count ? string(text[column...column]) : " ",
            after: column < text.count ? string(text[(column + 1)...]) : "")
    }
}
