import ArgumentParser
import Foundation
import Planner

struct RulesCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "rules",
            abstract: words("列出全部规则，或解释一条：默认级别、选项和示例。", "List the rules, or explain one: defaults, options and an example."))
    }

    @Argument(help: help("要解释的规则 id。", "A rule id to explain."))
    var id: String?

    @Option(name: .long, help: help("语言：zh-CN 或 en（默认：plan.yml 的 locale，再看 LANG）。", "Language: zh-CN or en (default: plan.yml's locale, then LANG)."))
    var lang: String?

    @Option(name: .long, help: help("内容文件夹（读它的 plan.yml 的 locale）。", "The content folder (its plan.yml's locale picks the language)."))
    var content: String = "content"

    func run() throws {
        var language = interfaceLanguage
        if let lang {
            guard let chosen = Language(tag: lang) else { throw ValidationError(words("--lang 只能是 zh-CN 或 en。", "--lang must be zh-CN or en.")) }
            language = chosen
        }
        print(RuleCatalogueText(language: language).render(id: id), terminator: "")
        if let id, RuleCatalogue.rule(id) == nil { throw ExitCode(2) }
    }
}
