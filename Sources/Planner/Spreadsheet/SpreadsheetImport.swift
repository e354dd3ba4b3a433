import Foundation

/// `plan-build import FILE.csv`: one item file per spreadsheet row (SPEC
/// §11.7). A row with any bad cell is not written; every bad cell is a
/// diagnostic at `FILE:ROW:COL`. Nothing is ever overwritten: a row whose
/// file exists with the same text counts as imported already, one whose
/// file differs is an error.
public struct SpreadsheetImport: Sendable {
    public let sheet: URL
    /// How diagnostics name the sheet (the path as the user typed it).
    public let displayPath: String
    public let contentDirectory: URL

    public init(sheet: URL, displayPath: String, contentDirectory: URL) {
        self.sheet = sheet
        self.displayPath = displayPath
        self.contentDirectory = contentDirectory
    }

    public struct Outcome: Sendable {
        /// Nil when plan.yml could not be read.
        public let plan: Plan?
        /// Paths under content/ in row order: written, or to be written on a dry run.
        public let files: [String]
        /// Paths under content/ that already hold exactly the row's text.
        public let unchanged: [String]
        /// Rows not written because of a bad cell.
        public let refusedRows: [Int]
        public let diagnostics: [Diagnostic]

        public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    }

    public func run(dryRun: Bool) -> Outcome {
        let loaded = Pipeline(content: contentDirectory).load()
        guard let plan = loaded.plan else {
            return Outcome(plan: nil, files: [], unchanged: [], refusedRows: [], diagnostics: loaded.diagnostics.sorted(by: Diagnostic.reportOrder))
        }
        var diagnostics: [Diagnostic] = []
        func sheetProblem(_ message: Localized, hint: Localized?, severity: Severity = .error, row: Int = 1, column: Int = 1) {
            diagnostics.append(
                Diagnostic(
                    ruleID: "front-matter", severity: severity, message: message,
                    location: SourceLocation(file: displayPath, line: row, column: column), hint: hint,
                    fingerprint: Fingerprint.make(["front-matter", displayPath, "sheet", message.en])))
        }
        guard let sheetText = SheetText.load(sheet, report: { sheetProblem($0, hint: $1, severity: $2) }) else {
            return Outcome(plan: plan, files: [], unchanged: [], refusedRows: [], diagnostics: diagnostics)
        }
        // The header is the first row naming two known columns among the first ten: sheets often start with a title row.
        let headerIndex = sheetText.records.prefix(10).firstIndex { $0.filter { SheetColumn.named($0) != nil }.count >= 2 } ?? 0
        guard headerIndex < sheetText.records.count,
            sheetText.records[headerIndex].contains(where: { !$0.trimmingCharacters(in: SheetCells.blanks).isEmpty })
        else {
            sheetProblem(Localized(zh: "表格是空的：第一行应是列名。", en: "The sheet is empty: its first row should name the columns."), hint: Self.columnsHint)
            return Outcome(plan: plan, files: [], unchanged: [], refusedRows: [], diagnostics: diagnostics)
        }

        // The header row: known columns by position, unknown ones warned about, a repeated one refused.
        let header = sheetText.records[headerIndex]
        var columns: [SheetColumn: Int] = [:]
        var headerBroken = false
        for (index, name) in header.enumerated() where !name.trimmingCharacters(in: SheetCells.blanks).isEmpty {
            if let column = SheetColumn.named(name) {
                if columns[column] != nil {
                    headerBroken = true
                    sheetProblem(
                        Localized(zh: "“\(name)” 这一列出现了两次。", en: "The column “\(name)” appears twice."),
                        hint: Localized(zh: "删掉或改名其中一列。", en: "Remove or rename one of them."), row: headerIndex + 1, column: index + 1)
                } else {
                    columns[column] = index
                }
            } else {
                let names = SheetColumn.allCases.flatMap { [$0.chinese, $0.rawValue] + $0.aliases }
                let guess = DidYouMean.suggestion(for: name, among: names)
                sheetProblem(
                    Localized(
                        zh: "不认识的列 “\(name)”，已忽略。" + (guess.map { "是不是 “\($0)”？" } ?? ""),
                        en: "Unknown column “\(name)”, ignored." + (guess.map { " Did you mean “\($0)”?" } ?? "")),
                    hint: Self.columnsHint, severity: .warning, row: headerIndex + 1, column: index + 1)
            }
        }
        if columns.isEmpty {
            headerBroken = true
            sheetProblem(Localized(zh: "第一行没有认得的列名。", en: "The first row names no known column."), hint: Self.columnsHint)
        }
        if headerBroken {
            return Outcome(plan: plan, files: [], unchanged: [], refusedRows: [], diagnostics: diagnostics.sorted(by: Diagnostic.reportOrder))
        }

        let reader = SheetRowReader(file: displayPath, columns: columns, names: SheetNames(plan: plan), plan: plan)
        var drafts: [ItemDraft] = []
        var refused: [Int] = []
        for (offset, cells) in sheetText.records.enumerated().dropFirst(headerIndex + 1) {
            let (draft, problems) = reader.read(row: offset + 1, cells: cells)
            diagnostics += problems
            if let draft { drafts.append(draft) } else if !problems.isEmpty { refused.append(offset + 1) }
        }

        let placed = place(drafts, reader: reader, plan: plan)
        diagnostics += placed.diagnostics
        refused += placed.refused
        var files: [String] = []
        var unchanged: [String] = []
        for file in placed.files {
            let url = contentDirectory.appendingPathComponent(file.path)
            if let existing = try? Data(contentsOf: url) {
                if existing == Data(file.text.utf8) {
                    unchanged.append(file.path)
                } else {
                    refused.append(file.row)
                    diagnostics.append(
                        reader.diagnostic(
                            row: file.row, column: columns[.id] != nil ? .id : nil, rule: "duplicate-id",
                            message: Localized(
                                zh: "\(plan.contentPrefix)/\(file.path) 已经存在且内容不同，不会覆盖。",
                                en: "\(plan.contentPrefix)/\(file.path) exists with other text; it is not overwritten."),
                            hint: Localized(zh: "改这一行的 id，或先移走那个文件。", en: "Change this row's id, or move that file away first.")))
                }
                continue
            }
            if !dryRun {
                do {
                    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                    try Data(file.text.utf8).write(to: url, options: .withoutOverwriting)
                } catch {
                    refused.append(file.row)
                    diagnostics.append(
                        reader.diagnostic(
                            row: file.row, column: nil, rule: "front-matter",
                            message: Localized(
                                zh: "无法写入 \(plan.contentPrefix)/\(file.path)。", en: "Cannot write \(plan.contentPrefix)/\(file.path).")))
                    continue
                }
            }
            files.append(file.path)
        }
        return Outcome(
            plan: plan, files: files, unchanged: unchanged, refusedRows: refused.sorted(),
            diagnostics: diagnostics.sorted(by: Diagnostic.reportOrder))
    }

    static let columnsHint = Localized(
        zh: "可用的列：" + SheetColumn.allCases.filter(\.isInUse).map(\.chinese).joined(separator: "、") + "（也可写英文列名）。",
        en: "Known columns: " + SheetColumn.allCases.filter(\.isInUse).map(\.rawValue).joined(separator: ", ") + " (or their Chinese names).")
}
