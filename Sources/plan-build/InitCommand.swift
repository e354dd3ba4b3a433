import ArgumentParser
import Foundation
import Planner

struct InitCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "init",
            abstract: words(
                "新建一个内容计划仓库：plan.yml、一个人设、一个月的朋友圈、README，以及 GitHub 和 GitLab 的 CI 文件。",
                "Start a planning repository: plan.yml, a persona, a month of moments, README, CI files for GitHub and GitLab."))
    }

    @Argument(help: help("要创建的文件夹（默认：当前文件夹）。", "The folder to create (default: the current one)."))
    var directory: String = "."

    @Option(name: .long, help: help(
        "计划和提示的语言：zh-CN 或 en（默认看 LANG，再默认 zh-CN）。", "Language of the plan and messages: zh-CN or en (default: LANG, then zh-CN)."))
    var lang: String?

    @Option(name: .long, help: help("今天的日期（YYYY-MM-DD）；计划覆盖下一个月。", "Today's date (YYYY-MM-DD); the plan covers the next month."))
    var today: String?

    func run() throws {
        var language = interfaceLanguage
        if let lang {
            guard let chosen = Language(tag: lang) else { throw ValidationError(words("--lang 只能是 zh-CN 或 en。", "--lang must be zh-CN or en.")) }
            language = chosen
        }
        var day = Pipeline.today()
        if let today {
            guard let parsed = LocalDate(parsing: today) else { throw ValidationError(words("--today 要写成 YYYY-MM-DD。", "--today must be YYYY-MM-DD.")) }
            day = parsed
        }
        let root = URL(fileURLWithPath: directory).standardizedFileURL
        do {
            let written = try Scaffold.write(Scaffold.repository(today: day, language: language), under: root)
            print(language == .zhCN
                ? "已创建 \(written.count) 个文件于 \(directory)。接着：cd \(directory) && plan-build serve；使用指南：\(Scaffold.guidePath(language))"
                : "Created \(written.count) files in \(directory). Next: cd \(directory) && plan-build serve; the guide: \(Scaffold.guidePath(language))")
        } catch let refusal as Scaffold.Refusal {
            complain(refusal.message.text(language))
            throw ExitCode(1)
        }
    }
}
