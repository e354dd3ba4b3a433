import ArgumentParser
import Foundation
import Planner

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Start a planning repository: plan.yml, a persona, a few items, README, CI files for GitHub and GitLab.")

    @Argument(help: "The folder to create (default: the current one).")
    var directory: String = "."

    @Option(name: .long, help: "zh-CN or en.")
    var lang: String = "zh-CN"

    @Option(name: .long, help: "Today's date (YYYY-MM-DD); the plan covers the next month.")
    var today: String?

    func run() throws {
        guard let language = Language(tag: lang) else { throw ValidationError("--lang must be zh-CN or en.") }
        var day = Pipeline.today()
        if let today {
            guard let parsed = LocalDate(parsing: today) else { throw ValidationError("--today must be YYYY-MM-DD.") }
            day = parsed
        }
        let root = URL(fileURLWithPath: directory).standardizedFileURL
        do {
            let written = try Scaffold.write(Scaffold.repository(today: day, language: language), under: root)
            print(language == .zhCN ? "已创建 \(written.count) 个文件于 \(directory)；接着运行 plan-build build。" : "Created \(written.count) files in \(directory); next: plan-build build.")
        } catch let refusal as Scaffold.Refusal {
            FileHandle.standardError.write(Data("plan-build: \(refusal.description)\n".utf8))
            throw ExitCode(1)
        }
    }
}
