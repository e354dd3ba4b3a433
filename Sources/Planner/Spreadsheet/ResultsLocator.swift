import Foundation

/// Finds the item a results row is about: by `id` (with or without `.md` or
/// `content/`), else by `date` + `persona` (id or name) + `title`. Each
/// failure is one diagnostic at the cell to fix.
struct ResultsLocator: Sendable {
    let plan: Plan
    let file: String
    let columns: ResultsColumns
    let personas: NameTable
    /// Items by date, for the date + persona + title lookup.
    let itemsByDate: [LocalDate: [Item]]

    init(plan: Plan, file: String, columns: ResultsColumns) {
        self.plan = plan
        self.file = file
        self.columns = columns
        personas = SheetNames(plan: plan).personas
        var byDate: [LocalDate: [Item]] = [:]
        for item in plan.items { byDate[item.date, default: []].append(item) }
        itemsByDate = byDate
    }

    struct Placement {
        var item: Item?
        var problems: [Diagnostic] = []
        /// The column that found (or failed to find) the item, 1-based.
        var column: Int = 1
    }

    func locate(row: Int, cell: (Int) -> String) -> Placement {
        var placement = Placement()
        func report(_ column: SheetColumn, _ rule: String, _ message: Localized, hint: Localized? = nil) {
            let position = (columns.locators[column] ?? 0) + 1
            placement.problems.append(
                Diagnostic(
                    ruleID: rule, severity: .error, message: message,
                    location: SourceLocation(file: file, line: row, column: position), hint: hint,
                    fingerprint: Fingerprint.make([rule, file, String(row), column.rawValue])))
        }
        if let position = columns.locators[.id], !cell(position).isEmpty {
            placement.column = position + 1
            let given = cell(position)
            let id = Self.normalizedID(given, contentPrefix: plan.contentPrefix)
            if let item = plan.item(id) {
                placement.item = item
            } else {
                let guess = DidYouMean.suggestion(for: id, among: plan.items.map(\.id))
                report(
                    .id, "unknown-ref",
                    Localized(
                        zh: "没有 id 为 “\(given)” 的内容。" + (guess.map { "是不是 “\($0)”？" } ?? ""),
                        en: "There is no item “\(given)”." + (guess.map { " Did you mean “\($0)”?" } ?? "")),
                    hint: ItemPath.idHint)
            }
            return placement
        }
        guard let datePosition = columns.locators[.date], let personaPosition = columns.locators[.persona],
            let titlePosition = columns.locators[.title]
        else {
            report(.id, "front-matter", Localized(zh: "id 是空的：找不到这一行说的是哪条内容。", en: "The id is empty: this row names no item."))
            return placement
        }
        placement.column = titlePosition + 1
        let dateText = cell(datePosition)
        let personaText = cell(personaPosition)
        let title = cell(titlePosition)
        var date: LocalDate?
        var persona: String?
        if dateText.isEmpty {
            report(.date, "front-matter", Localized(zh: "日期是空的。", en: "The date is empty."))
        } else if let parsed = SheetCells.date(dateText, range: plan.config.start...max(plan.config.start, plan.config.end)) {
            date = parsed
        } else {
            report(.date, "front-matter", Localized(zh: "“\(dateText)” 不是日期。", en: "“\(dateText)” is not a date."),
                   hint: Localized(zh: "写成 2026-12-01。", en: "Write it as 2026-12-01."))
        }
        if personaText.isEmpty {
            report(.persona, "front-matter", Localized(zh: "人设是空的。", en: "The persona is empty."))
        } else {
            switch personas.resolve(personaText) {
            case .found(let id): persona = id
            case .ambiguous(let ids):
                report(
                    .persona, "unknown-ref",
                    Localized(zh: "人设 “\(personaText)” 同时指向 \(ids.joined(separator: "、"))。", en: "The persona “\(personaText)” names more than one: \(ids.joined(separator: ", "))."),
                    hint: Localized(zh: "写 id 以区分。", en: "Write the id to tell them apart."))
            case .unknown(let guess):
                report(
                    .persona, "unknown-ref",
                    Localized(
                        zh: "人设 “\(personaText)” 没有声明。" + (guess.map { "是不是 “\($0)”？" } ?? ""),
                        en: "The persona “\(personaText)” is not declared." + (guess.map { " Did you mean “\($0)”?" } ?? "")),
                    hint: Localized(zh: "可用的有：\(personas.known.zh)。", en: "Known: \(personas.known.en)."))
            }
        }
        if title.isEmpty { report(.title, "front-matter", Localized(zh: "标题是空的。", en: "The title is empty.")) }
        guard let date, let persona, !title.isEmpty else { return placement }
        let ofDay = (itemsByDate[date] ?? []).filter { $0.persona == persona }
        let matches = ofDay.filter { Self.folded($0.title) == Self.folded(title) }
        if matches.count == 1 {
            placement.item = matches[0]
        } else if matches.isEmpty {
            let guess = DidYouMean.suggestion(for: title, among: ofDay.map(\.title))
            report(
                .title, "unknown-ref",
                Localized(
                    zh: "\(date) \(personaText) 没有标题为 “\(title)” 的内容。" + (guess.map { "是不是 “\($0)”？" } ?? ""),
                    en: "\(personaText) has no item titled “\(title)” on \(date)." + (guess.map { " Did you mean “\($0)”?" } ?? "")),
                hint: ofDay.isEmpty
                    ? Localized(zh: "这一天这个人设没有排内容；检查日期和人设。", en: "The persona has nothing planned that day; check the date and persona.")
                    : Localized(zh: "标题要与文件里的一致；也可以加一列 id。", en: "The title must match the file's; or add an id column."))
        } else {
            report(
                .title, "unknown-ref",
                Localized(
                    zh: "\(date) \(personaText) 有 \(matches.count) 条标题为 “\(title)” 的内容：\(matches.map(\.id).joined(separator: "、"))。",
                    en: "\(personaText) has \(matches.count) items titled “\(title)” on \(date): \(matches.map(\.id).joined(separator: ", "))."),
                hint: Localized(zh: "加一列 id 来区分。", en: "Add an id column to tell them apart."))
        }
        return placement
    }

    /// The item's file, as a path under content/.
    func contentPath(of item: Item) -> String {
        let prefix = plan.contentPrefix
        if prefix == "." { return item.file }
        if item.file.hasPrefix(prefix + "/") { return String(item.file.dropFirst(prefix.count + 1)) }
        return item.id + ".md"
    }

    /// `content/moments/a.md` → `moments/a`.
    static func normalizedID(_ given: String, contentPrefix: String) -> String {
        var id = given.replacingOccurrences(of: "\\", with: "/")
        if id.hasPrefix("./") { id.removeFirst(2) }
        for prefix in [contentPrefix + "/", "content/"] where id.hasPrefix(prefix) && prefix != "./" {
            id.removeFirst(prefix.count)
            break
        }
        for suffix in [".md", ".markdown"] where id.hasSuffix(suffix) {
            id.removeLast(suffix.count)
            break
        }
        return id
    }

    private static func folded(_ text: String) -> String {
        text.trimmingCharacters(in: SheetCells.blanks).lowercased()
    }
}
