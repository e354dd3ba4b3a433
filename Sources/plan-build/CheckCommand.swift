import ArgumentParser
import Foundation
import Planner

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the plan against its rules and report problems.",
        discussion: "Exit codes: 0 nothing at or above the failing level, 1 failing diagnostics, 2 a usage error.")

    @OptionGroup var plan: PlanOptions
    @OptionGroup var report: ReportOptions

    @Option(name: .long, help: "Report only problems not present at `git merge-base REF HEAD`.")
    var newSince: String?

    func run() throws {
        _ = try report.destinations()
        let pipeline = try plan.pipeline()
        let content = pipeline.paths.content
        var result = pipeline.check().result
        if let reference = newSince {
            do {
                result = try NewSince(reference: reference, contentDirectory: content, today: pipeline.pinnedToday).filter(result)
            } catch {
                throw ValidationError("--new-since \(reference): \(error)")
            }
        }
        let language = pipeline.interfaceLanguage(result.plan)
        let root = ContentLoader(contentDirectory: content).repositoryRoot
        if try report.emit(result, language: language, repositoryRoot: root) { throw ExitCode(1) }
    }
}
