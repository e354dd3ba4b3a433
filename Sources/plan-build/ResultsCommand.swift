import ArgumentParser
import Foundation
import Planner

struct ResultsCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "results",
            abstract: words("效果数据：把点赞、评论、回复等写回内容文件。", "Results: write likes, comments, replies and more back into the item files."),
            subcommands: [ResultsImportCommand.self])
    }
}

struct ResultsImportCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "import",
            abstract: words(
                "把团队导出的效果数据（CSV）写进各条内容的 results，文件其余部分一字不改。",
                "Write a team's exported numbers (CSV) into each item's results, changing nothing else in the files."),
            discussion: words(
                """
                用 id 一列（或 日期、人设、标题 三列）找到内容；数据列：点赞、评论、回复、转发、退群、新增 \
                （或 likes, comments, replies, shares, left_group, new_contacts），空格子保留文件里原有的数。\
                找不到内容或数字有错的一行不写入，报在 文件:行:列（表头是第 1 行）。
                """,
                """
                An id column (or date, persona and title) finds each item; the counts are likes, comments, replies, \
                shares, left_group, new_contacts (or 点赞, 评论, 回复, 转发, 退群, 新增); an empty cell keeps the file's \
                count. A row that finds no item or has a bad count is not written and is reported at FILE:ROW:COL \
                (the header is row 1).
                """))
    }

    @Argument(help: help("另存为 CSV 的效果数据。", "The numbers, saved as CSV."))
    var file: String

    @Flag(name: .long, help: help("只列出将要改的文件和写入的数据，什么都不写。", "List the files and the results that would be written; write nothing."))
    var dryRun = false

    @OptionGroup var options: SpreadsheetOptions
    @OptionGroup var report: ReportOptions

    func run() throws {
        let destinations = try report.destinations()
        let contentURL = try options.contentURL()
        let outcome = ResultsImport(sheet: try options.sheet(file), displayPath: file, contentDirectory: contentURL)
            .run(dryRun: dryRun)
        let language = try options.language() ?? outcome.plan?.config.locale ?? .zhCN
        let listing = report.fileListing(destinations)
        for change in outcome.changes {
            let path = (options.content as NSString).appendingPathComponent(change.path)
            listing.write(Data((dryRun ? "\(path): results: \(change.results.flowYAML)\n" : path + "\n").utf8))
        }
        let fails = try report.emit(
            CheckResult(plan: outcome.plan, diagnostics: outcome.diagnostics), language: language, repositoryRoot: nil)
        if outcome.plan != nil {
            let files = outcome.changes.count
            let refused = outcome.refusedRows.count
            let same = outcome.unchanged.count
            let summary = dryRun
                ? words(
                    "试运行：将改写 \(files) 个文件，\(refused) 行无法写入，\(same) 行与文件里的数据相同；什么都没写。",
                    "Dry run: \(count(files, "file")) would change, \(count(refused, "row")) cannot be written, \(same) already as in the files; nothing was written.")
                : words(
                    "已改写 \(files) 个文件，\(refused) 行无法写入，\(same) 行与文件里的数据相同。",
                    "Changed \(count(files, "file")); \(count(refused, "row")) not written, \(same) already as in the files.")
            FileHandle.standardError.write(Data((summary + "\n").utf8))
        }
        if fails || outcome.plan == nil { throw ExitCode(1) }
    }

    private func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }
}
