import ArgumentParser
import Foundation
import Planner

struct BuildCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "build",
            abstract: words("先检查计划，再生成站点到输出文件夹。", "Check the plan, then render it into the output folder."),
            discussion: words(
                "有错误时什么都不写，原来的输出文件夹保持原样（退出码 1）；否则整个输出文件夹一次性原子替换。",
                "With errors nothing is written and the previous output folder stays as it was (exit 1). Otherwise the output folder is replaced whole and atomically."))
    }

    @OptionGroup var plan: PlanOptions
    @OptionGroup var report: ReportOptions

    @Flag(name: .long, help: help("只打印诊断，不打印别的。", "Print nothing but the diagnostics."))
    var quiet = false

    @Flag(name: .long, help: help("打印每个阶段的用时。", "Print the time of each stage."))
    var verbose = false

    func run() throws {
        _ = try report.destinations()
        let started = Date()
        let texts = report.sourceTexts()
        let pipeline = try plan.pipeline(writing: true, texts: texts, observer: StageReporter(verbose: verbose, quiet: quiet).callback)
        let content = pipeline.paths.content
        let outcome: Pipeline.Outcome
        do {
            outcome = try pipeline.build()
        } catch let refusal as SiteWriter.Refusal {
            throw ValidationError(words("不能生成到 \(plan.output)：\(refusal.description)。", "Cannot build into \(plan.output): \(refusal.description)."))
        } catch {
            FileHandle.standardError.write(Data("plan-build: \(error)\n".utf8))
            throw ExitCode(1)
        }
        let root = ContentLoader(contentDirectory: content).repositoryRoot
        KeptUntilExit.keep((outcome, texts as Any))
        switch outcome {
        case .failed(let result):
            let language = pipeline.reportLanguage(result.plan)
            _ = try report.emit(result, language: language, repositoryRoot: root, sources: texts)
            if !quiet {
                FileHandle.standardError.write(Data(
                    (language == .zhCN ? "有错误，未写入任何文件；\(plan.output)/ 保持原样。\n"
                        : "Errors found: nothing was written; \(plan.output)/ is as it was.\n").utf8))
            }
            throw ExitCode(1)
        case .built(let result, let items):
            let language = pipeline.reportLanguage(result.plan)
            let fails = try report.emit(result, language: language, repositoryRoot: root, sources: texts)
            if !quiet {
                let seconds = String(format: "%.2f", Date().timeIntervalSince(started))
                FileHandle.standardError.write(Data(
                    (language == .zhCN ? "已生成 \(items) 条内容的站点到 \(plan.output)/，用时 \(seconds) 秒。\n"
                        : "Built the site of \(items) items into \(plan.output)/ in \(seconds) s.\n").utf8))
            }
            if fails { throw ExitCode(1) }
        }
    }
}
