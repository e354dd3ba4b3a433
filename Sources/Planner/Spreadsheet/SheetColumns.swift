import Foundation

/// The columns of SPEC §11.7, in export order, plus `ignore` (an item's
/// `ignore: {rule: reason}`, one `rule: reason` per line, so that export and
/// import keep suppressions) and `review` (the sign-off, `by`, `on` and
/// `hash` one per line, so a signed item stays signed) and `results` (the
/// counts, `likes: 12` one per line). Every one but `id`, `kind` and `body` is the
/// front-matter key of the same name.
enum SheetColumn: String, CaseIterable, Sendable {
    case id, date, time, slot, kind, persona, theme, title, body, segments, group, format, trigger, via, gift, images
    case purpose, person, action, status, owner, tags, ignore, review, results

    /// The Chinese header.
    var chinese: String {
        switch self {
        case .id: return "id"
        case .date: return "日期"
        case .time: return "时间"
        case .slot: return "时段"
        case .kind: return "类型"
        case .persona: return "人设"
        case .theme: return "主题"
        case .title: return "标题"
        case .body: return "文案"
        case .segments: return "客群"
        case .group: return "社群"
        case .format: return "形式"
        case .trigger: return "触发"
        case .via: return "方式"
        case .gift: return "礼物"
        case .images: return "图片"
        case .purpose: return "目的"
        case .person: return "人物"
        case .action: return "信任动作"
        case .status: return "状态"
        case .owner: return "负责人"
        case .tags: return "标签"
        case .ignore: return "忽略"
        case .review: return "审核"
        case .results: return "效果"
        }
    }

    /// Other headers people use for the same column.
    var aliases: [String] {
        switch self {
        case .kind: return ["渠道"]
        case .body: return ["正文"]
        default: return []
        }
    }

    func header(_ language: Language) -> String { language == .zhCN ? chinese : rawValue }

    /// Both names, as a message shows them: `日期/date`.
    var bothNames: String { self == .id ? "id" : "\(chinese)/\(rawValue)" }

    /// The front-matter key this column fills, if any.
    var frontMatterKey: String? {
        switch self {
        case .id, .kind, .body: return nil
        default: return rawValue
        }
    }

    /// Columns whose cell is a list (`、`, `,` or `，` between entries).
    var isList: Bool { self == .segments || self == .images || self == .tags }

    /// Whether some item kind reads this column: purpose and person only once a
    /// kind (chats) reads those keys.
    var isInUse: Bool {
        guard let key = frontMatterKey else { return true }
        return ItemKind.allCases.contains { DocumentDecoder.itemKeys($0).contains(key) }
    }

    /// The column a header names: Chinese or English, any case, an alias, or
    /// both names as `日期/date`; a note in brackets or a `*` that templates
    /// put on required columns (`日期（必填）`, `date*`) is ignored.
    static func named(_ header: String) -> SheetColumn? {
        var cleaned = header.trimmingCharacters(in: SheetCells.blanks)
        if let open = cleaned.firstIndex(where: { $0 == "(" || $0 == "（" }), open != cleaned.startIndex,
            cleaned.last == ")" || cleaned.last == "）"
        {
            cleaned = String(cleaned[..<open])
        }
        cleaned = String(cleaned.reversed().drop(while: { $0 == "*" || $0 == "＊" || $0.isWhitespace }).reversed())
        for part in [cleaned] + cleaned.split(whereSeparator: { $0 == "/" || $0 == "／" }).map(String.init) {
            let word = part.trimmingCharacters(in: .whitespaces).lowercased()
            if let column = allCases.first(where: { $0.rawValue == word || $0.chinese == word || $0.aliases.contains(word) }) {
                return column
            }
        }
        return nil
    }

    /// Splits a list cell; entries are trimmed and empty ones dropped.
    static func entries(_ cell: String) -> [String] {
        cell.split(whereSeparator: { $0 == "、" || $0 == "," || $0 == "，" || $0 == "\n" })
            .map { $0.trimmingCharacters(in: SheetCells.blanks) }
            .filter { !$0.isEmpty }
    }
}
