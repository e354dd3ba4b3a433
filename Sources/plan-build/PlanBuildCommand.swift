import ArgumentParser
import Foundation
import Planner

@main
struct PlanBuildCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
        commandName: "plan-build",
        abstract: words("按节奏规则检查内容计划，并生成日历站点。", "Check a content plan against its cadence rules and render it as a calendar site."),
        version: PlanBuild.versionLine,
        subcommands: [
            BuildCommand.self, CheckCommand.self, ServeCommand.self, NewCommand.self, InitCommand.self, RulesCommand.self,
            ImportCommand.self, ExportCommand.self, ReviewCommand.self, ResultsCommand.self,
        ]
    )
    }

    /// ArgumentParser exits 64 on usage errors; the spec says 2.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asynchronous = command as? any AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                // Help and version; a completion script or dumped help stays as ArgumentParser wrote it.
                let raw = CommandLine.arguments.contains { $0.hasPrefix("--generate-completion-script") || $0 == "--experimental-dump-help" }
                if raw { exit(withError: error) }
                let message = ParserWords.localize(fullMessage(for: error))
                if !message.isEmpty { FileHandle.standardOutput.write(Data((message + "\n").utf8)) }
                Foundation.exit(0)
            }
            if let exit = error as? ExitCode {
                Foundation.exit(exit.rawValue)
            }
            let message = ParserWords.localize(fullMessage(for: error))
            if !message.isEmpty { FileHandle.standardError.write(Data((message + "\n").utf8)) }
            Foundation.exit(code == .failure ? 1 : 2)
        }
    }
}

/// Flags shared by every command that reads a plan.
struct PlanOptions: ParsableArguments {
    @Option(name: .long, help: help("内容文件夹。", "The content folder."))
    var content: String = "content"

    @Option(name: .long, help: help("输出文件夹（build 写入）。", "The output folder (written by build)."))
    var output: String = "output"

    @Option(name: .long, help: help("主题覆盖文件夹（themes/<名字>/…）。", "Folder of theme overrides (themes/<name>/…)."))
    var themes: String = "themes"

    @Option(name: .long, help: help("今天的日期（YYYY-MM-DD），用于和日期有关的规则；默认是真实日期。", "Today's date (YYYY-MM-DD) for date-dependent rules; default: the real date."))
    var today: String?

    @Option(name: .long, help: help("提示语言：zh-CN 或 en（默认：plan.yml 的 locale，再看 LANG）。", "Language of messages: zh-CN or en (default: plan.yml's locale, then LANG)."))
    var lang: String?

    /// The pipeline these flags describe; `build` passes `writing: true` to render into `--output`.
    /// `texts`: where the load leaves the files it read, for a text report's excerpts.
    func pipeline(
        writing: Bool = false, texts: SourceTexts? = nil, observer: (@Sendable (BuildStage, Duration) -> Void)? = nil
    ) throws -> Pipeline {
        Pipeline(
            paths: Pipeline.Paths(
                content: try contentURL(), output: writing ? .replace(URL(fileURLWithPath: output)) : nil,
                themes: URL(fileURLWithPath: themes)),
            today: try todayDate(), language: try language(), caches: Pipeline.Caches(texts: texts), observer: observer)
    }

    func contentURL() throws -> URL { try contentFolder(content) }

    func todayDate() throws -> LocalDate? {
        guard let today else { return nil }
        guard let date = LocalDate(parsing: today) else {
            throw ValidationError(words("--today 要写成 YYYY-MM-DD 的日期，而不是“\(today)”。", "--today must be a date YYYY-MM-DD, not “\(today)”."))
        }
        return date
    }

    func language() throws -> Language? { try languageFlag(lang) }
}

/// `--content DIR`, checked to be a folder (every command that reads a plan).
func contentFolder(_ path: String) throws -> URL {
    let url = URL(fileURLWithPath: path).standardizedFileURL
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else {
        throw ValidationError(words("\(path) 不是内容文件夹（找不到这个文件夹）。", "There is no content folder at \(path)."))
    }
    return url
}

/// `--lang`, when given: zh-CN or en.
func languageFlag(_ lang: String?) throws -> Language? {
    guard let lang else { return nil }
    guard let language = Language(tag: lang) else {
        throw ValidationError(words("--lang 只能是 zh-CN 或 en，而不是“\(lang)”。", "--lang must be zh-CN or en, not “\(lang)”."))
    }
    return language
}
