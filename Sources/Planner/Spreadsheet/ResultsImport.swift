import Foundation

/// `plan-build results import FILE.csv`: writes the counts of a team's export
/// into the items' `results:` (SPEC §11.5). Each row finds one item by `id`,
/// or by `date` + `persona` + `title`; its counts are merged over the ones the
/// file already has, and only the `results:` line of the file changes. A row
/// that cannot be placed, or has a bad count, is not written and is reported
/// at `FILE:ROW:COL` (the header is row 1).
public struct ResultsImport: Sendable {
    public let sheet: URL
    /// How diagnostics name the sheet (the path as the user typed it).
    public let displayPath: String
    public let contentDirectory: URL

    public init(sheet: URL, displayPath: String, contentDirectory: URL) {
        self.sheet = sheet
        self.displayPath = displayPath
        self.contentDirectory = contentDirectory
    }

    public struct Change: Sendable {
        /// Path under content/.
        public let path: String
        public let id: String
        public let results: ItemResults
    }

    public struct Outcome: Sendable {
        /// Nil when plan.yml could not be read.
        public let plan: Plan?
        /// Files written (or, on a dry run, to be written), in row order.
        public let changes: [Change]
        /// Paths under content/ whose results already were the row's.
        public let unchanged: [String]
        /// Rows not written: not placed, or with a bad count.
        public let refusedRows: [Int]
        public let diagnostics: [Diagnostic]

        public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    }

    public func run(dryRun: Bool) -> Outcome {
        let loaded = Pipeline(content: contentDirectory).load()
        guard let plan = loaded.plan else {
            return Outcome(plan: nil, changes: [], unchanged: [], refusedRows: [], diagnostics: loaded.diagnostics.sorted(by: Diagnostic.reportOrder))
        }
        var diagnostics: [Diagnostic] = []
        func problem(_ message: Localized, hint: Localized? = nil, rule: String = "front-matter", severity: Severity = .error, row: Int, column: Int) {
            diagnostics.append(
                Diagnostic(
                    ruleID: rule, severity: severity, message: message,
                    location: SourceLocation(file: displayPath, line: row, column: column), hint: hint,
                    fingerprint: Fingerprint.make([rule, displayPath, String(row), String(column), message.en])))
        }
        func finish(changes: [Change] = [], unchanged: [String] = [], refused: [Int] = []) -> Outcome {
            Outcome(
                plan: plan, changes: changes, unchanged: unchanged, refusedRows: refused.sorted(),
                diagnostics: diagnostics.sorted(by: Diagnostic.reportOrder))
        }
        guard let records = SheetText.load(sheet, report: { problem($0, hint: $1, severity: $2, row: 1, column: 1) })?.records else {
            return finish()
        }
        // The header is the first row naming a count and a locator among the first ten (exports often start with a title row).
        let headerIndex = records.prefix(10).firstIndex { ResultsColumns(header: $0).looksLikeHeader } ?? 0
        let columns = ResultsColumns(header: headerIndex < records.count ? records[headerIndex] : [])
        let headerRow = headerIndex + 1
        for (name, position) in columns.repeated {
            problem(
                Localized(zh: "“\(name)” 这一列出现了两次。", en: "The column “\(name)” appears twice."),
                hint: Localized(zh: "删掉或改名其中一列。", en: "Remove or rename one of them."), row: headerRow, column: position + 1)
        }
        for (name, position) in columns.ignored {
            problem(
                Localized(zh: "不认识的列 “\(name)”，已忽略。", en: "Unknown column “\(name)”, ignored."),
                hint: ResultsColumns.hint, severity: .notice, row: headerRow, column: position + 1)
        }
        if !columns.canLocate {
            problem(
                Localized(
                    zh: "表头没有 id 列，也没有齐全的 日期、人设、标题 三列：无法找到内容。",
                    en: "The header has no id column, nor all of date, persona and title: no item can be found."),
                hint: ResultsColumns.hint, row: headerRow, column: 1)
        }
        if columns.metrics.isEmpty {
            problem(
                Localized(zh: "表头没有任何数据列（点赞、评论、回复……）。", en: "The header names no count (likes, comments, replies, …)."),
                hint: ResultsColumns.hint, row: headerRow, column: 1)
        }
        guard columns.canLocate, !columns.metrics.isEmpty, columns.repeated.isEmpty else { return finish() }

        let locator = ResultsLocator(plan: plan, file: displayPath, columns: columns)
        var pending: [(row: Int, item: Item, counts: [ItemResults.Metric: Int])] = []
        var placedBy: [String: Int] = [:]
        var refused: [Int] = []
        for (offset, cells) in records.enumerated().dropFirst(headerIndex + 1) {
            let row = offset + 1
            func cell(_ position: Int) -> String {
                position < cells.count ? SheetCells.unguarded(cells[position]).trimmingCharacters(in: SheetCells.blanks) : ""
            }
            if cells.allSatisfy({ $0.trimmingCharacters(in: SheetCells.blanks).isEmpty }) { continue }
            let before = diagnostics.count
            var counts: [ItemResults.Metric: Int] = [:]
            for (metric, position) in columns.metrics {
                let text = cell(position)
                guard !text.isEmpty else { continue }
                if let count = ResultsColumns.count(text) {
                    counts[metric] = count
                } else {
                    problem(
                        Localized(
                            zh: "\(metric.chinese)（\(metric.key)）“\(text)” 不是非负整数。",
                            en: "The \(metric.key) “\(text)” is not a whole number, 0 or more."),
                        hint: Localized(zh: "只写次数，例如 12。", en: "Write the count only, like 12."), row: row, column: position + 1)
                }
            }
            let placed = locator.locate(row: row, cell: cell)
            diagnostics += placed.problems
            if let item = placed.item, let earlier = placedBy[item.id] {
                problem(
                    Localized(
                        zh: "第 \(earlier) 行已经给了 \(item.id) 的数据；同一条内容只能有一行。",
                        en: "Row \(earlier) already gives the results of \(item.id); one row per item."),
                    hint: Localized(zh: "合并这两行，或删掉其中一行。", en: "Merge the two rows, or remove one."),
                    rule: "duplicate-id", row: row, column: placed.column)
            }
            // An occurrence of a series lives in the series' file: its numbers need a file of its own.
            if let item = placed.item, let series = item.series, item.file == series.seriesFile {
                problem(
                    Localized(
                        zh: "\(item.id) 是系列 \(series.series) 的一次，没有自己的文件；效果数据写进系列文件会算到每一次上。",
                        en: "\(item.id) is an occurrence of the series \(series.series) without a file of its own; results in the series' file would count for every occurrence."),
                    hint: Localized(
                        zh: "为这一天写一个覆盖文件（series: \(series.series)、date: \(item.date)），再导入。",
                        en: "Write an override file for that day (series: \(series.series), date: \(item.date)), then import again."),
                    rule: "unknown-ref", row: row, column: placed.column)
            }
            guard diagnostics.count == before, let item = placed.item else {
                refused.append(row)
                continue
            }
            if counts.isEmpty { continue }
            placedBy[item.id] = row
            pending.append((row, item, counts))
        }

        var changes: [Change] = []
        var unchanged: [String] = []
        for entry in pending {
            var merged = entry.item.results?.counts ?? [:]
            for (metric, count) in entry.counts { merged[metric] = count }
            let results = ItemResults(counts: merged)
            let path = locator.contentPath(of: entry.item)
            if entry.item.results?.counts == merged {
                unchanged.append(path)
                continue
            }
            let url = contentDirectory.appendingPathComponent(path)
            let written: [UInt8]?
            if let data = FileManager.default.contents(atPath: url.path),
                case .success(let bytes) = FrontMatterBlock.write([UInt8](data), key: "results", value: results.flowYAML)
            {
                written = bytes
            } else {
                written = nil
            }
            guard let written else {
                refused.append(entry.row)
                problem(
                    Localized(zh: "无法改写 \(plan.contentPrefix)/\(path)。", en: "Cannot rewrite \(plan.contentPrefix)/\(path)."),
                    row: entry.row, column: 1)
                continue
            }
            if !dryRun {
                do {
                    try Data(written).write(to: url, options: .atomic)
                } catch {
                    refused.append(entry.row)
                    problem(
                        Localized(zh: "无法写入 \(plan.contentPrefix)/\(path)。", en: "Cannot write \(plan.contentPrefix)/\(path)."),
                        row: entry.row, column: 1)
                    continue
                }
            }
            changes.append(Change(path: path, id: entry.item.id, results: results))
        }
        return finish(changes: changes, unchanged: unchanged, refused: refused)
    }
}
