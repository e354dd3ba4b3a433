import ArgumentParser
import Foundation
import Planner

/// `--format F[=PATH]` (repeatable), `--strict`, `--max-warnings N`.
struct ReportOptions: ParsableArguments {
    @Option(name: .long, help: help(
        "输出格式：text、json、github、gitlab、sarif、markdown；F=路径 写到文件。可重复。",
        "Output format: text, json, github, gitlab, sarif, markdown; F=PATH writes to a file. Repeatable.",
        valueName: "format[=path]"))
    var format: [String] = []

    @Flag(name: .long, help: help("有警告也算失败。", "Fail on warnings too."))
    var strict = false

    @Option(name: .long, help: help("警告超过 N 个时算失败。", "Fail when there are more than N warnings."))
    var maxWarnings: Int?

    struct Destination {
        let format: ReportFormat
        let path: String?
    }

    func destinations() throws -> [Destination] {
        let requested = format.isEmpty ? ["text"] : format
        return try requested.map { entry in
            let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
            guard let format = ReportFormat(rawValue: parts[0]) else {
                let known = ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")
                throw ValidationError(words(
                    "没有格式“\(parts[0])”；可用：\(known)。", "Unknown format “\(parts[0])”; use one of \(known)."))
            }
            return Destination(format: format, path: parts.count > 1 ? parts[1] : nil)
        }
    }

    /// Where an import lists the files it writes: standard error when a machine-readable report takes standard output.
    func fileListing(_ destinations: [Destination]) -> FileHandle {
        destinations.contains { $0.path == nil && $0.format != .text } ? FileHandle.standardError : FileHandle.standardOutput
    }

    /// Where the load should keep the files it reads: a text report quotes their lines.
    func sourceTexts() -> SourceTexts? {
        (try? destinations())?.contains { $0.format == .text } == true ? SourceTexts() : nil
    }

    /// Writes every requested report; returns whether the result fails.
    /// - Parameter sources: the files the load kept (`sourceTexts()`), so excerpts are not read again.
    func emit(_ result: CheckResult, language: Language, repositoryRoot: URL?, sources: SourceTexts? = nil) throws -> Bool {
        let colour = isatty(STDOUT_FILENO) == 1 && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
        for destination in try destinations() {
            let report = Report(
                diagnostics: result.diagnostics, language: language, repositoryRoot: repositoryRoot,
                colour: destination.path == nil && destination.format == .text && colour, sources: sources)
            let text = destination.format.render(report)
            if let path = destination.path {
                do {
                    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
                } catch {
                    throw ValidationError(words(
                        "无法把 \(destination.format.rawValue) 报告写到 \(path)：\(error.localizedDescription)",
                        "Cannot write the \(destination.format.rawValue) report to \(path): \(error.localizedDescription)"))
                }
            } else {
                FileHandle.standardOutput.write(Data(text.utf8))
            }
        }
        return fails(result)
    }

    func fails(_ result: CheckResult) -> Bool {
        if result.count(.error) > 0 { return true }
        if strict && result.count(.warning) > 0 { return true }
        if let maxWarnings, result.count(.warning) > maxWarnings { return true }
        return false
    }
}
