import ArgumentParser
import Foundation
import Planner

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the rules, or explain one: defaults, options and an example.")

    @Argument(help: "A rule id to explain.")
    var id: String?

    @Option(name: .long, help: "Language: zh-CN or en.")
    var lang: String = "zh-CN"

    func run() throws {
        guard let language = Language(tag: lang) else { throw ValidationError("--lang must be zh-CN or en.") }
        print(RuleCatalogueText(language: language).render(id: id), terminator: "")
        if let id, RuleCatalogue.rule(id) == nil { throw ExitCode(2) }
    }
}
