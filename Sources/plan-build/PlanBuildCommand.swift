import ArgumentParser
import Foundation
import Planner

@main
struct PlanBuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan-build",
        abstract: "Check a content plan against its cadence rules and render it as a calendar site.",
        version: PlanBuild.version,
        subcommands: [
            BuildCommand.self, CheckCommand.self, ServeCommand.self, NewCommand.self, InitCommand.self, RulesCommand.self,
        ]
    )

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
                exit(withError: error)
            }
            if let exit = error as? ExitCode {
                Foundation.exit(exit.rawValue)
            }
            let message = fullMessage(for: error)
            if !message.isEmpty { FileHandle.standardError.write(Data((message + "\n").utf8)) }
            Foundation.exit(code == .failure ? 1 : 2)
        }
    }
}

/// Flags shared by every command that reads a plan.
struct PlanOptions: ParsableArguments {
    @Option(name: .long, help: "The content folder.")
    var content: String = "content"

    @Option(name: .long, help: "The output folder (written by build).")
    var output: String = "output"

    @Option(name: .long, help: "Folder of theme overrides (themes/<name>/…).")
    var themes: String = "themes"

    @Option(name: .long, help: "Today's date (YYYY-MM-DD) for date-dependent rules; default: the real date.")
    var today: String?

    @Option(name: .long, help: "Language of messages: zh-CN or en (default: plan.yml locale).")
    var lang: String?

    /// The pipeline these flags describe; `build` passes `writing: true` to render into `--output`.
    func pipeline(writing: Bool = false, observer: (@Sendable (BuildStage, Duration) -> Void)? = nil) throws -> Pipeline {
        Pipeline(
            paths: Pipeline.Paths(
                content: try contentURL(), output: writing ? .replace(URL(fileURLWithPath: output)) : nil,
                themes: URL(fileURLWithPath: themes)),
            today: try todayDate(), language: try language(), observer: observer)
    }

    func contentURL() throws -> URL {
        let url = URL(fileURLWithPath: content).standardizedFileURL
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError("There is no content folder at \(content).")
        }
        return url
    }

    func todayDate() throws -> LocalDate? {
        guard let today else { return nil }
        guard let date = LocalDate(parsing: today) else {
            throw ValidationError("--today must be a date YYYY-MM-DD, not “\(today)”.")
        }
        return date
    }

    func language() throws -> Language? {
        guard let lang else { return nil }
        guard let language = Language(tag: lang) else { throw ValidationError("--lang must be zh-CN or en, not “\(lang)”.") }
        return language
    }
}
