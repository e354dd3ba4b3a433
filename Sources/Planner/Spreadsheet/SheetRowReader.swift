import Foundation

/// One spreadsheet row, checked cell by cell and turned into canonical
/// front-matter values (ids, not names).
struct ItemDraft: Sendable {
    enum Value: Sendable, Equatable {
        case text(String)
        /// Written as is (a date, a quoted time).
        case raw(String)
        case list([String])
        /// `{key: value, …}`, in the given order.
        case mapping([(String, String)])

        static func == (lhs: Value, rhs: Value) -> Bool {
            switch (lhs, rhs) {
            case (.text(let a), .text(let b)), (.raw(let a), .raw(let b)): return a == b
            case (.list(let a), .list(let b)): return a == b
            case (.mapping(let a), .mapping(let b)): return a.map(\.0) == b.map(\.0) && a.map(\.1) == b.map(\.1)
            default: return false
            }
        }
    }

    let row: Int
    /// From the `id` column, without `.md`.
    var id: String?
    var kind: ItemKind
    var date: LocalDate
    /// Front-matter key → value; written in `ItemFileText.keyOrder`.
    var values: [String: Value]
    var body: String
}

/// Reads rows against one plan; every bad cell is one diagnostic at
/// `FILE:ROW:COL` (ROW counts the header as 1, COL the first column as 1).
struct SheetRowReader: Sendable {
    let file: String
    /// Column → its 0-based position in the row.
    let columns: [SheetColumn: Int]
    let names: SheetNames
    let plan: Plan
    /// The plan's asset paths, for the images column.
    let assets: Set<String>

    init(file: String, columns: [SheetColumn: Int], names: SheetNames, plan: Plan) {
        self.file = file
        self.columns = columns
        self.names = names
        self.plan = plan
        assets = Set(plan.assets)
    }

    /// Kinds' required columns beyond date, slot|time and persona, by folder
    /// (a kind added later without an entry is still checked by the decoder).
    static let required: [String: [SheetColumn]] = [
        "moments": [.theme], "topics": [.theme, .title, .group, .format], "surprises": [.title, .segments, .trigger],
    ]

    func read(row: Int, cells rawCells: [String]) -> (ItemDraft?, [Diagnostic]) {
        var problems: [Diagnostic] = []
        // Each cell read once: without its formula guard, with LF line ends, trimmed (the body keeps its blanks).
        var filled: [SheetColumn: String] = [:]
        for (column, index) in columns where index < rawCells.count {
            let value = SheetCells.unguarded(SheetCells.unixLines(rawCells[index]))
            let trimmed = value.trimmingCharacters(in: SheetCells.blanks)
            if !trimmed.isEmpty { filled[column] = column == .body ? value : trimmed }
        }
        func cell(_ column: SheetColumn) -> String? { filled[column] }
        func report(_ column: SheetColumn?, _ rule: String, _ message: Localized, hint: Localized? = nil, severity: Severity = .error) {
            problems.append(diagnostic(row: row, column: column, rule: rule, message: message, hint: hint, severity: severity))
        }
        func resolve(_ column: SheetColumn, _ value: String) -> String? {
            guard let table = names.table(for: column) else { return value }
            switch table.resolve(value) {
            case .found(let id): return id
            case .ambiguous(let ids):
                report(
                    column, "unknown-ref",
                    Localized(
                        zh: "\(table.what.zh) “\(value)” 同时指向 \(ids.joined(separator: "、"))。",
                        en: "The \(table.what.en) “\(value)” names more than one: \(ids.joined(separator: ", "))."),
                    hint: Localized(zh: "写 id 以区分。", en: "Write the id to tell them apart."))
            case .unknown(let guess):
                report(
                    column, "unknown-ref",
                    Localized(
                        zh: "\(table.what.zh) “\(value)” 没有声明。" + (guess.map { "是不是 “\($0)”？" } ?? ""),
                        en: "The \(table.what.en) “\(value)” is not declared." + (guess.map { " Did you mean “\($0)”?" } ?? "")),
                    hint: table.entries.isEmpty
                        ? Localized(zh: "先在 plan.yml 或 personas/ 里声明它。", en: "Declare it first in plan.yml or personas/.")
                        : Localized(zh: "可用的有：\(table.known.zh)。", en: "Known: \(table.known.en)."))
            }
            return nil
        }

        if filled.isEmpty { return (nil, []) }
        var values: [String: ItemDraft.Value] = [:]

        // Kind: from the id's folder, the kind column, or both when they agree.
        var id: String?
        var kind: ItemKind?
        if let given = cell(.id), !given.contains("/"), given.contains("@") {
            // `friday@2026-12-04`: an occurrence of a series, made by the series file.
            if let occurrence = plan.item(given), occurrence.series != nil {
                id = given
                kind = occurrence.kind
            } else {
                let series = String(given.prefix { $0 != "@" })
                report(
                    .id, "unknown-ref",
                    Localized(
                        zh: "“\(given)” 是系列 “\(series)” 的一期，但这个计划里没有这一期。",
                        en: "“\(given)” is an occurrence of the series “\(series)”, which this plan does not have."),
                    hint: Localized(
                        zh: "先把 content/series/\(series).md 放进来；或删掉这一行的 id，作为普通内容导入。",
                        en: "Add content/series/\(series).md first, or clear this row's id to import it as an ordinary item."))
            }
        } else if let given = cell(.id) {
            switch ItemPath.check(id: given) {
            case .valid(let checked, let folderKind):
                id = checked
                kind = folderKind
            case .invalid(let message):
                report(.id, "front-matter", message, hint: ItemPath.idHint)
            }
        }
        if let named = cell(.kind), let resolved = resolve(.kind, named).flatMap(ItemKind.init(rawValue:)) {
            if let kind, kind != resolved {
                report(
                    .kind, "front-matter",
                    Localized(
                        zh: "类型 “\(named)” 与 id 所在的文件夹 \(kind.rawValue)/ 不一致。",
                        en: "The kind “\(named)” does not match the id's folder \(kind.rawValue)/."))
            }
            kind = kind ?? resolved
        } else if kind == nil && cell(.kind) == nil && cell(.id) == nil {
            report(.kind, "front-matter", missing(.kind), hint: Localized(zh: "写 朋友圈、社群话题、惊喜 或 私聊。", en: "Write moments, topics, surprises or chats."))
        }

        let date = cell(.date).flatMap { text -> LocalDate? in
            if let date = SheetCells.date(text, range: plan.config.start...max(plan.config.start, plan.config.end)) { return date }
            report(
                .date, "front-matter", Localized(zh: "“\(text)” 不是日期。", en: "“\(text)” is not a date."),
                hint: Localized(zh: "写成 2026-12-01。", en: "Write it as 2026-12-01."))
            return nil
        }
        if cell(.date) == nil { report(.date, "front-matter", missing(.date)) }
        if let date { values["date"] = .raw(date.description) }

        switch (cell(.slot), cell(.time)) {
        case (nil, nil):
            report(
                columns[.slot] != nil ? .slot : .time, "front-matter",
                Localized(zh: "时段和时间都是空的：这条内容排在几点？", en: "Neither slot nor time is filled: when does this go out?"),
                hint: Localized(zh: "填时段（如 morning）或时间（如 07:45），二选一。", en: "Fill a slot (like morning) or a time (like 07:45), one of the two."))
        case (let slot?, nil):
            if let id = resolve(.slot, slot) { values["slot"] = .text(id) }
        case (nil, let time?):
            if let parsed = SheetCells.time(time) {
                values["time"] = .raw("\"\(parsed)\"")
            } else {
                report(.time, "front-matter", Localized(zh: "“\(time)” 不是时间。", en: "“\(time)” is not a time."), hint: Localized(zh: "写成 HH:MM，如 07:45。", en: "Write it as HH:MM, like 07:45."))
            }
        case (_?, _?):
            report(.time, "front-matter", Localized(zh: "时段和时间只能填一个。", en: "Fill the slot or the time, not both."))
        }

        for column in [SheetColumn.persona, .theme, .group, .format, .trigger, .via, .action, .status] {
            if let value = cell(column), let id = resolve(column, value) { values[column.rawValue] = .text(id) }
        }
        if cell(.persona) == nil { report(.persona, "front-matter", missing(.persona)) }
        for column in [SheetColumn.title, .gift, .owner, .purpose, .person] {
            if let value = cell(column) { values[column.rawValue] = .text(value) }
        }
        if let text = cell(.segments) {
            let entries = SheetColumn.entries(text)
            let before = problems.count
            let ids = entries.compactMap { resolve(.segments, $0) }
            // One diagnostic for the cell, however many of its entries are wrong.
            if problems.count > before + 1 { problems.removeSubrange((before + 1)...) }
            if ids.count == entries.count { values["segments"] = .list(ids) }
        }
        if let text = cell(.images) {
            let images = SheetColumn.entries(text)
            let absent = images.filter { !assets.contains(SheetCells.normalizedAsset($0)) || $0.contains("..") || $0.hasPrefix("/") }
            if absent.isEmpty {
                values["images"] = .list(images)
            } else {
                report(
                    .images, "missing-file",
                    Localized(zh: "文件 “\(absent.joined(separator: "”、“"))” 不存在。", en: "The file “\(absent.joined(separator: "”, “"))” does not exist."),
                    hint: Localized(zh: "把图片放进 content/assets/，路径相对于 content/。", en: "Put the images in content/assets/; paths are relative to content/."))
            }
        }
        if let text = cell(.tags) { values["tags"] = .list(SheetColumn.entries(text)) }
        if let text = cell(.ignore) {
            var entries: [(String, String)] = []
            var unknown: [String] = []
            for line in text.split(separator: "\n") where !line.trimmingCharacters(in: SheetCells.blanks).isEmpty {
                let parts = line.split(maxSplits: 1, whereSeparator: { $0 == ":" || $0 == "：" })
                let rule = parts[0].trimmingCharacters(in: SheetCells.blanks)
                let reason = parts.count > 1 ? parts[1].trimmingCharacters(in: SheetCells.blanks) : ""
                if RuleCatalogue.rule(rule) == nil { unknown.append(rule) } else { entries.append((rule, reason)) }
            }
            if let rule = unknown.first {
                let guess = DidYouMean.suggestion(for: rule, among: RuleCatalogue.ids)
                report(
                    .ignore, "unknown-ref",
                    Localized(
                        zh: "没有 “\(rule)” 这条规则。" + (guess.map { "是不是 “\($0)”？" } ?? ""),
                        en: "There is no rule “\(rule)”." + (guess.map { " Did you mean “\($0)”?" } ?? "")),
                    hint: Localized(zh: "每行写一条：规则 id: 理由。", en: "One per line: rule-id: reason."))
            } else {
                values["ignore"] = .mapping(entries)
            }
        }

        if let text = cell(.review) {
            if text.trimmingCharacters(in: SheetCells.blanks) == "pending" {
                values["review"] = .text("pending")
            } else {
                // `by: …`, `on: …`, `hash: …`, one per line, as export writes them.
                var parts: [String] = []
                for line in text.split(separator: "\n") {
                    let pair = line.split(maxSplits: 1, whereSeparator: { $0 == ":" || $0 == "：" })
                    guard pair.count == 2 else { continue }
                    let key = pair[0].trimmingCharacters(in: SheetCells.blanks)
                    let value = pair[1].trimmingCharacters(in: SheetCells.blanks)
                    guard ["by", "on", "hash"].contains(key), !value.isEmpty else { continue }
                    parts.append("\(key): \(key == "by" ? Scaffold.yamlScalar(value) : value)")
                }
                if parts.isEmpty {
                    report(
                        .review, "front-matter",
                        Localized(zh: "审核一栏应是 pending，或每行一项 by: / on: / hash:。", en: "The review cell should be pending, or by: / on: / hash: one per line."),
                        hint: Localized(zh: "留空也可以：导入后再用 plan-build review sign 签发。", en: "Or leave it empty and sign after import with plan-build review sign."))
                } else {
                    values["review"] = .raw("{" + parts.joined(separator: ", ") + "}")
                }
            }
        }

        if let text = cell(.results) {
            // `likes: 12`, one per line, as export writes them; Chinese names (点赞: 12) too.
            var counts: [ItemResults.Metric: Int] = [:]
            var bad = false
            for line in text.split(separator: "\n") where !line.trimmingCharacters(in: SheetCells.blanks).isEmpty {
                let pair = line.split(maxSplits: 1, whereSeparator: { $0 == ":" || $0 == "：" })
                guard pair.count == 2, let metric = ResultsColumns.metric(named: String(pair[0])),
                    let count = ResultsColumns.count(String(pair[1]))
                else {
                    bad = true
                    continue
                }
                counts[metric] = count
            }
            if bad {
                report(
                    .results, "front-matter",
                    Localized(zh: "效果一栏应是每行一项 点赞: 12（或 likes: 12）。", en: "The results cell should be one count per line, like likes: 12."),
                    hint: ResultsColumns.hint)
            } else if !counts.isEmpty {
                values["results"] = .raw(ItemResults(counts: counts).flowYAML)
            }
        }

        guard let kind else { return (nil, problems) }
        let keys = DocumentDecoder.itemKeys(kind)
        for column in SheetColumn.allCases where cell(column) != nil {
            guard let key = column.frontMatterKey, !keys.contains(key) else { continue }
            report(
                column, "unknown-key",
                Localized(
                    zh: "\(kind.label.zh)没有“\(column.chinese)”这一项，这一格会丢失。",
                    en: "A \(kind.label.en.lowercased()) has no \(column.rawValue); this cell would be lost."),
                hint: Localized(zh: "清空这一格，或改类型。", en: "Empty the cell or change the kind."))
        }
        for column in Self.required[kind.rawValue] ?? [] where cell(column) == nil {
            report(column, "front-matter", missing(column))
        }
        guard problems.isEmpty, let date else { return (nil, problems) }
        return (ItemDraft(row: row, id: id, kind: kind, date: date, values: values, body: cell(.body) ?? ""), [])
    }

    private func missing(_ column: SheetColumn) -> Localized {
        Localized(zh: "“\(column.chinese)”是空的，这一列必填。", en: "The \(column.rawValue) is empty; it is required.")
    }

    func diagnostic(
        row: Int, column: SheetColumn?, rule: String, message: Localized, hint: Localized? = nil, severity: Severity = .error
    ) -> Diagnostic {
        let position = column.flatMap { columns[$0] }.map { $0 + 1 } ?? 1
        return Diagnostic(
            ruleID: rule, severity: severity, message: message,
            location: SourceLocation(file: file, line: row, column: position), hint: hint,
            fingerprint: Fingerprint.make([rule, file, String(row), column?.rawValue ?? ""]))
    }
}
