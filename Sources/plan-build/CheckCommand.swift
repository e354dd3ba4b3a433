import ArgumentParser
import Foundation
import Planner

struct CheckCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "check",
            abstract: words("按规则检查计划并报告问题。", "Check the plan against its rules and report problems."),
            discussion: words(
                "退出码：0 没有达到失败级别的问题，1 有导致失败的诊断，2 用法错误。",
                "Exit codes: 0 nothing at or above the failing level, 1 failing diagnostics, 2 a usage error."))
    }

    @OptionGroup var plan: PlanOptions
    @OptionGroup var report: ReportOptions

    @Option(name: .long, help: help("只报告在 `git merge-base REF HEAD` 上还没有的问题。", "Report only problems not present at `git merge-base REF HEAD`."))
    var newSince: String?

    func run() throws {
        _ = try report.destinations()
        let texts = report.sourceTexts()
        let pipeline = try plan.pipeline(texts: texts)
        let content = pipeline.paths.content
        var result = pipeline.check().result
        if let reference = newSince {
            do {
                result = try NewSince(reference: reference, contentDirectory: content, today: pipeline.pinnedToday).filter(result)
            } catch {
                throw ValidationError("--new-since \(reference): \(error)")
            }
        }
        let language = pipeline.reportLanguage(result.plan)
        let root = ContentLoader(contentDirectory: content).repositoryRoot
        KeptUntilExit.keep((result, texts as Any))
        if try report.emit(result, language: language, repositoryRoot: root, sources: texts) { throw ExitCode(1) }
    }
}
