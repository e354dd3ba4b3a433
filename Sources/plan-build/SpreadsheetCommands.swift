import ArgumentParser
import Foundation
import Planner

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Turn a spreadsheet (CSV), one row per item, into item files.",
        discussion: """
            Columns may have Chinese or English headers (日期/date, 时段/slot, 类型/kind, 人设/persona, …); names may be \
            ids or display names. A row with a bad cell is not written and each bad cell is reported at FILE:ROW:COL \
            (the header is row 1). Never overwrites a file. UTF-8 (with or without BOM) or GBK.
            """)

    @Argument(help: "The spreadsheet saved as CSV.")
    var file: String

    @Flag(name: .long, help: "List the files that would be written; write nothing.")
    var dryRun = false

    @Option(name: .long, help: "The content folder.")
    var content: String = "content"

    @Option(name: .long, help: "Language of messages: zh-CN or en (default: plan.yml locale).")
    var lang: String?

    @OptionGroup var report: ReportOptions

    func run() throws {
        let destinations = try report.destinations()
        let options = SpreadsheetOptions(content: content, lang: lang)
        let contentURL = try options.contentURL()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw ValidationError(options.text(zh: "找不到文件 \(file)。", en: "There is no file \(file)."))
        }
        if [".xlsx", ".xls", ".et", ".numbers", ".ods"].contains(where: { file.lowercased().hasSuffix($0) }) {
            throw ValidationError(options.text(
                zh: "只能导入 CSV：请在 Excel/WPS 里“另存为” → “CSV UTF-8（逗号分隔）”。",
                en: "Only CSV can be imported: in Excel or WPS, “Save as” → “CSV UTF-8 (comma delimited)”."))
        }
        let outcome = SpreadsheetImport(sheet: URL(fileURLWithPath: file), displayPath: file, contentDirectory: contentURL)
            .run(dryRun: dryRun)
        let language = try options.language() ?? outcome.plan?.config.locale ?? .zhCN
        let zh = language == .zhCN
        // Paths stay off standard output when a machine-readable report goes there.
        let listing = destinations.contains { $0.path == nil && $0.format != .text } ? FileHandle.standardError : FileHandle.standardOutput
        for path in outcome.files {
            listing.write(Data(((content as NSString).appendingPathComponent(path) + "\n").utf8))
        }
        let fails = try report.emit(
            CheckResult(plan: outcome.plan, diagnostics: outcome.diagnostics), language: language, repositoryRoot: nil)
        if outcome.plan != nil {
            let files = outcome.files.count
            let refused = outcome.refusedRows.count
            let same = outcome.unchanged.count
            let summary = dryRun
                ? (zh ? "试运行：将写入 \(files) 个文件，\(refused) 行有错不写，\(same) 行已导入过；什么都没写。"
                    : "Dry run: \(files) files would be written, \(refused) rows have errors, \(same) were imported before; nothing was written.")
                : (zh ? "已写入 \(files) 个文件，\(refused) 行有错未写入，\(same) 行已导入过。"
                    : "Wrote \(files) files; \(refused) rows with errors were not written, \(same) were imported before.")
            FileHandle.standardError.write(Data((summary + "\n").utf8))
        }
        if fails || outcome.plan == nil { throw ExitCode(1) }
    }
}

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the resolved plan as a spreadsheet (CSV), one row per item.",
        discussion: """
            id first, display names elsewhere, UTF-8 with a BOM; a cell starting with =, +, - or @ gets a leading ' \
            so a spreadsheet never runs it. plan-build import reads the file back.
            """)

    @Option(name: .long, help: "csv (the only format).")
    var format: String = "csv"

    @Option(name: .long, help: "The file to write; default: standard output.")
    var output: String?

    @Option(name: .long, help: "The content folder.")
    var content: String = "content"

    @Option(name: .long, help: "Language of headers and names: zh-CN or en (default: plan.yml locale).")
    var lang: String?

    func run() throws {
        let options = SpreadsheetOptions(content: content, lang: lang)
        guard format.lowercased() == "csv" else {
            throw ValidationError(options.text(
                zh: "只支持 --format csv（Excel 和 WPS 都能打开）。", en: "Only --format csv is supported (Excel and WPS open it)."))
        }
        let loaded = SpreadsheetExport.load(contentDirectory: try options.contentURL())
        guard let plan = loaded.plan, !loaded.diagnostics.contains(where: { $0.severity == .error }) else {
            let language = try options.language() ?? loaded.plan?.config.locale ?? .zhCN
            let report = Report(diagnostics: loaded.diagnostics.filter { $0.severity == .error }, language: language, repositoryRoot: nil)
            FileHandle.standardError.write(Data(ReportFormat.text.render(report).utf8))
            FileHandle.standardError.write(Data((language == .zhCN
                ? "计划里有读不懂的文件，导出会缺内容；先修好这些错误（plan-build check）。\n"
                : "Some files cannot be read, so the export would miss items; fix these errors first (plan-build check).\n").utf8))
            throw ExitCode(1)
        }
        let language = try options.language() ?? plan.config.locale
        let data: Data
        do {
            data = try SpreadsheetExport(plan: plan, language: language).csv()
        } catch {
            FileHandle.standardError.write(Data("plan-build: \(error)\n".utf8))
            throw ExitCode(1)
        }
        guard let output else {
            FileHandle.standardOutput.write(data)
            return
        }
        do {
            try data.write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            throw ValidationError(options.text(
                zh: "无法写入 \(output)：\(error.localizedDescription)", en: "Cannot write \(output): \(error.localizedDescription)"))
        }
    }
}

/// The content folder and language flags of import and export (whose
/// `--output` is a file, not the site folder of PlanOptions).
struct SpreadsheetOptions {
    let content: String
    let lang: String?

    func contentURL() throws -> URL {
        let url = URL(fileURLWithPath: content).standardizedFileURL
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError(text(zh: "\(content) 不是内容文件夹。", en: "There is no content folder at \(content)."))
        }
        return url
    }

    func language() throws -> Language? {
        guard let lang else { return nil }
        guard let language = Language(tag: lang) else { throw ValidationError("--lang must be zh-CN or en, not “\(lang)”.") }
        return language
    }

    /// Before the plan is read: --lang, then LANG, then Chinese.
    func text(zh: String, en: String) -> String {
        let tag = lang ?? ProcessInfo.processInfo.environment["LANG"] ?? ""
        return tag.lowercased().hasPrefix("en") ? en : zh
    }
}
