import Foundation

/// The header of a results sheet (SPEC §11.5): `id`, or `date` + `persona` +
/// `title`, to find each item (Chinese or English, as `import` reads them),
/// and the counts by key (`comments`, `left_group`), English words
/// (`Left group`) or Chinese (评论, 退群). Other columns are ignored.
struct ResultsColumns: Sendable {
    /// Locator column → 0-based position.
    var locators: [SheetColumn: Int] = [:]
    /// Count → 0-based position, in metric order.
    var metrics: [(metric: ItemResults.Metric, position: Int)] = []
    /// Names of the columns ignored, with their positions.
    var ignored: [(name: String, position: Int)] = []
    /// Names given twice, with the second position.
    var repeated: [(name: String, position: Int)] = []

    static let locatorColumns: [SheetColumn] = [.id, .date, .persona, .title]

    init(header: [String]) {
        for (position, raw) in header.enumerated() {
            let name = raw.trimmingCharacters(in: SheetCells.blanks)
            guard !name.isEmpty else { continue }
            if let metric = Self.metric(named: name) {
                if metrics.contains(where: { $0.metric == metric }) {
                    repeated.append((name, position))
                } else {
                    metrics.append((metric, position))
                }
            } else if let column = SheetColumn.named(name), Self.locatorColumns.contains(column) {
                if locators[column] != nil { repeated.append((name, position)) } else { locators[column] = position }
            } else {
                ignored.append((name, position))
            }
        }
        metrics.sort { ItemResults.Metric.allCases.firstIndex(of: $0.metric)! < ItemResults.Metric.allCases.firstIndex(of: $1.metric)! }
    }

    /// Columns that find an item: `id`, or all of date, persona and title.
    var canLocate: Bool {
        locators[.id] != nil || (locators[.date] != nil && locators[.persona] != nil && locators[.title] != nil)
    }

    /// Whether a row counts as the header: it names a count and a way to find items.
    var looksLikeHeader: Bool { !metrics.isEmpty && !locators.isEmpty }

    /// A count a header names: `comments`, `Comments`, `left_group`, `left group`, `评论`, `评论数`,
    /// `评论（次）`, and the longer names tools export (`新增好友`, `退群人数`, `转发量`); a rate
    /// (`回复率`) is not a count.
    static func metric(named header: String) -> ItemResults.Metric? {
        var word = header.trimmingCharacters(in: SheetCells.blanks).lowercased()
        if let open = word.firstIndex(where: { $0 == "(" || $0 == "（" }), open != word.startIndex { word = String(word[..<open]) }
        word = word.trimmingCharacters(in: SheetCells.blanks)
        guard !word.contains("率"), !word.contains("rate"), !word.contains("%") else { return nil }
        let spaced = word.replacingOccurrences(of: "-", with: "_").replacingOccurrences(of: " ", with: "_")
        let english = spaced.hasSuffix("_count") ? String(spaced.dropLast("_count".count)) : spaced
        return ItemResults.Metric.allCases.first { metric in
            metric.key == english || metric.label.en.lowercased().replacingOccurrences(of: " ", with: "_") == english
                || word.hasPrefix(metric.chinese) || word == metric.label.zh
        }
    }

    /// A count cell: digits, optionally with thousands separators (`1,234`) or a spreadsheet's `.0`.
    static func count(_ cell: String) -> Int? {
        var text = cell.trimmingCharacters(in: SheetCells.blanks)
        if text.hasSuffix(".0") { text.removeLast(2) }
        let groups = text.split(separator: ",", omittingEmptySubsequences: false)
        if groups.count > 1 {
            guard (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
            text = groups.joined()
        }
        guard !text.isEmpty, text.utf8.count <= 15, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return Int(text)
    }

    static let hint = Localized(
        zh: "需要 id 一列（或 日期、人设、标题 三列）来找到内容，以及至少一列数据：" + ItemResults.Metric.allCases.map(\.chinese).joined(separator: "、")
            + "（或 " + ItemResults.Metric.allCases.map(\.key).joined(separator: ", ") + "）。",
        en: "Give an id column (or date, persona and title) to find each item, and at least one count: "
            + ItemResults.Metric.allCases.map(\.key).joined(separator: ", ") + " (or " + ItemResults.Metric.allCases.map(\.chinese).joined(separator: ", ") + ").")
}
