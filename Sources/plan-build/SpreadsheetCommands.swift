import ArgumentParser
import Foundation
import Planner

struct ImportCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "import",
            abstract: words("把表格（CSV，一行一条内容）导入成内容文件。", "Turn a spreadsheet (CSV), one row per item, into item files."),
            discussion: words(
                """
                列名可以是中文或英文（日期/date、时段/slot、类型/kind、人设/persona……）；人设、主题、客群、社群等可写 id 或显示名。\
                有错的一行不写入，每个错的格子报在 文件:行:列（表头是第 1 行）。从不覆盖已有文件。编码：UTF-8（有无 BOM 都行）或 GBK。
                """,
                """
                Columns may have Chinese or English headers (日期/date, 时段/slot, 类型/kind, 人设/persona, …); names may be \
                ids or display names. A row with a bad cell is not written and each bad cell is reported at FILE:ROW:COL \
                (the header is row 1). Never overwrites a file. UTF-8 (with or without BOM) or GBK.
                """))
    }

    @Argument(help: help("另存为 CSV 的表格。", "The spreadsheet saved as CSV."))
    var file: String

    @Flag(name: .long, help: help("只列出将要写入的文件，什么都不写。", "List the files that would be written; write nothing."))
    var dryRun = false

    @OptionGroup var options: SpreadsheetOptions
    @OptionGroup var report: ReportOptions

    func run() throws {
        let destinations = try report.destinations()
        let contentURL = try options.contentURL()
        let outcome = SpreadsheetImport(sheet: try options.sheet(file), displayPath: file, contentDirectory: contentURL)
            .run(dryRun: dryRun)
        let language = try options.language() ?? outcome.plan?.config.locale ?? .zhCN
        let listing = report.fileListing(destinations)
        for path in outcome.files {
            listing.write(Data(((options.content as NSString).appendingPathComponent(path) + "\n").utf8))
        }
        let fails = try report.emit(
            CheckResult(plan: outcome.plan, diagnostics: outcome.diagnostics), language: language, repositoryRoot: nil)
        if outcome.plan != nil {
            let files = outcome.files.count
            let refused = outcome.refusedRows.count
            let same = outcome.unchanged.count
            let summary = dryRun
                ? words(
                    "试运行：将写入 \(files) 个文件，\(refused) 行有错不写，\(same) 行已导入过；什么都没写。",
                    "Dry run: \(count(files, "file")) would be written, \(count(refused, "row")) with errors, \(same) imported before; nothing was written.")
                : words(
                    "已写入 \(files) 个文件，\(refused) 行有错未写入，\(same) 行已导入过。",
                    "Wrote \(count(files, "file")); \(count(refused, "row")) with errors not written, \(same) imported before.")
            FileHandle.standardError.write(Data((summary + "\n").utf8))
        }
        if fails || outcome.plan == nil { throw ExitCode(1) }
    }

    private func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }
}

struct ExportCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "export",
            abstract: words("把解析后的计划导出成表格（CSV），一行一条内容。", "Write the resolved plan as a spreadsheet (CSV), one row per item."),
            discussion: words(
                """
                第一列是 id，其余写显示名；UTF-8 带 BOM；以 =、+、-、@ 开头的格子前面加一个 '，表格软件不会把它当公式执行。\
                plan-build import 能把它读回来。
                """,
                """
                id first, display names elsewhere, UTF-8 with a BOM; a cell starting with =, +, - or @ gets a leading ' \
                so a spreadsheet never runs it. plan-build import reads the file back.
                """))
    }

    @Option(name: .long, help: help("csv（唯一的格式）。", "csv (the only format)."))
    var format: String = "csv"

    @Option(name: .long, help: help("写入的文件；默认：标准输出。", "The file to write; default: standard output."))
    var output: String?

    @OptionGroup var options: SpreadsheetOptions

    func run() throws {
        guard format.lowercased() == "csv" else {
            throw ValidationError(words(
                "只支持 --format csv（Excel 和 WPS 都能打开）。", "Only --format csv is supported (Excel and WPS open it)."))
        }
        let loaded = SpreadsheetExport.load(contentDirectory: try options.contentURL())
        guard let plan = loaded.plan, !loaded.diagnostics.contains(where: { $0.severity == .error }) else {
            let language = try options.language() ?? loaded.plan?.config.locale ?? .zhCN
            let report = Report(diagnostics: loaded.diagnostics.filter { $0.severity == .error }, language: language, repositoryRoot: nil)
            FileHandle.standardError.write(Data(ReportFormat.text.render(report).utf8))
            complain(words(
                "计划里有读不懂的文件，导出会缺内容；先修好这些错误（plan-build check）。",
                "Some files cannot be read, so the export would miss items; fix these errors first (plan-build check)."))
            throw ExitCode(1)
        }
        let language = try options.language() ?? plan.config.locale
        let data: Data
        do {
            data = try SpreadsheetExport(plan: plan, language: language).csv()
        } catch {
            complain("\(error)")
            throw ExitCode(1)
        }
        guard let output else {
            FileHandle.standardOutput.write(data)
            return
        }
        do {
            try data.write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            throw ValidationError(words("无法写入 \(output)：\(error.localizedDescription)", "Cannot write \(output): \(error.localizedDescription)"))
        }
    }
}

/// The content folder and language flags of import and export (whose
/// `--output` is a file, not the site folder of PlanOptions).
struct SpreadsheetOptions: ParsableArguments {
    @Option(name: .long, help: help("内容文件夹。", "The content folder."))
    var content: String = "content"

    @Option(name: .long, help: help(
        "语言（提示、表头和显示名）：zh-CN 或 en（默认：plan.yml 的 locale）。",
        "Language of messages, headers and names: zh-CN or en (default: plan.yml's locale)."))
    var lang: String?

    func contentURL() throws -> URL { try contentFolder(content) }

    func language() throws -> Language? { try languageFlag(lang) }

    /// The sheet to import: an existing file, saved as CSV (a workbook gets the way to save one).
    func sheet(_ file: String) throws -> URL {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw ValidationError(words("找不到文件 \(file)。", "There is no file \(file)."))
        }
        if [".xlsx", ".xls", ".et", ".numbers", ".ods"].contains(where: { file.lowercased().hasSuffix($0) }) {
            throw ValidationError(words(
                "只能导入 CSV：请在 Excel/WPS 里“另存为” → “CSV UTF-8（逗号分隔）”。",
                "Only CSV can be imported: in Excel or WPS, “Save as” → “CSV UTF-8 (comma delimited)”."))
        }
        return URL(fileURLWithPath: file)
    }
}
