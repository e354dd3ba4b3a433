/// What customers answered, on the site: `results/index.html` (interaction
/// rates per persona, theme, segment and ISO week, each a small bar chart
/// beside its table), the persona page's rate by week, the item page's counts.
struct ResultsPages {
    let model: SiteModel
    let serveMode: Bool
    let rates: ResultRates

    static let path = "results/index.html"

    init(model: SiteModel, serveMode: Bool) {
        self.model = model
        self.serveMode = serveMode
        rates = ResultRates(plan: model.plan, weeks: model.weeks)
    }

    /// One row of a rate table, with its bar precomputed.
    struct RateRow: Sendable, TemplateFields {
        let label: String
        let href: String?
        let items: Int
        let comments: Int
        let replies: Int
        let rate: String
        /// Chart geometry: the bar's row and length (0 without results).
        let y: Int
        let textY: Int
        let width: Int
        let valueX: Int
        let chartLabel: String

        func fields<Visitor: FieldVisitor>(_ visitor: inout Visitor) {
            visitor.field(FieldKey.label, label)
            visitor.field(FieldKey.href, href)
            visitor.field(FieldKey.items, items)
            visitor.field(FieldKey.comments, comments)
            visitor.field(FieldKey.replies, replies)
            visitor.field(FieldKey.rate, rate)
            visitor.field(FieldKey.y, y)
            visitor.field(FieldKey.textY, textY)
            visitor.field(FieldKey.width, width)
            visitor.field(FieldKey.valueX, valueX)
            visitor.field(FieldKey.chartLabel, chartLabel)
        }
    }

    /// A chart and its table: the same rows, the chart for the eye, the table for the numbers.
    struct RateTable: Sendable, TemplateFields {
        let id: String
        let title: String
        let heading: String
        let rows: [RateRow]
        let chartWidth: Int
        let chartHeight: Int
        /// What the chart says, for screen readers and under it.
        let summary: String

        func fields<Visitor: FieldVisitor>(_ visitor: inout Visitor) {
            visitor.field(FieldKey.id, id)
            visitor.field(FieldKey.title, title)
            visitor.field(FieldKey.heading, heading)
            visitor.field(FieldKey.rows, rows)
            visitor.field(FieldKey.chartWidth, chartWidth)
            visitor.field(FieldKey.chartHeight, chartHeight)
            visitor.field(FieldKey.summary, summary)
        }
    }

    struct Page: Sendable, TemplateFields {
        let site: Chrome
        let words: ResultWords
        let tables: [RateTable]
        let hasResults: Bool

        func fields<Visitor: FieldVisitor>(_ visitor: inout Visitor) {
            visitor.field(FieldKey.site, site)
            visitor.field(FieldKey.r, words)
            visitor.field(FieldKey.tables, tables)
            visitor.field(FieldKey.hasResults, hasResults)
        }
    }

    static let labelWidth = 104
    static let barSpace = 180
    static let rowHeight = 22

    /// Rows as a table and a horizontal bar chart scaled to the highest rate.
    func table(id: String, title: String, heading: String, rows: [ResultRates.Row]) -> RateTable {
        let words = ResultWords(language: model.language)
        let highest = rows.compactMap(\.rate.rate).max() ?? 0
        var views: [RateRow] = []
        for (position, row) in rows.enumerated() {
            let rate = row.rate.rate
            let width = rate.map { highest > 0 ? Int(($0 / highest * Double(Self.barSpace)).rounded()) : 0 } ?? 0
            let y = 4 + position * Self.rowHeight
            views.append(
                RateRow(
                    label: row.label, href: row.href.map(SitePath.encode), items: row.rate.items, comments: row.rate.comments,
                    replies: row.rate.replies, rate: rate.map(InteractionRate.format) ?? "—", y: y, textY: y + 12, width: width,
                    valueX: Self.labelWidth + width + 4,
                    chartLabel: row.label.count > 8 ? String(row.label.prefix(7)) + "…" : row.label))
        }
        let separator = model.language == .zhCN ? "；" : "; "
        let said = rows.map { row in "\(row.label) \(row.rate.rate.map(InteractionRate.format) ?? words.text("noData"))" }
        return RateTable(
            id: id, title: title, heading: heading, rows: views, chartWidth: Self.labelWidth + Self.barSpace + 40,
            chartHeight: max(1, rows.count) * Self.rowHeight + 6,
            summary: "\(title)\(model.language == .zhCN ? "：" : ": ")" + said.joined(separator: separator))
    }

    func page() -> PageJob {
        let words = ResultWords(language: model.language)
        let tables = [
            table(id: "personas", title: words.text("byPersona"), heading: model.strings.persona, rows: rates.personas),
            table(id: "themes", title: words.text("byTheme"), heading: model.strings.theme, rows: rates.themes),
            table(id: "segments", title: words.text("bySegment"), heading: model.strings.segment, rows: rates.segments),
            table(id: "weeks", title: words.text("byWeek"), heading: model.strings.week, rows: rates.weeks),
        ].filter { !$0.rows.isEmpty }
        let page = Page(
            site: Chrome(model: model, pagePath: Self.path, pageTitle: words.text("title"), section: "results", serveMode: serveMode),
            words: words, tables: tables, hasResults: rates.hasResults)
        return PageJob(path: Self.path, template: "results", page: page)
    }

    /// The segment page's rate by week (empty when nothing reaching the segment has results).
    func segmentWeeks(_ segment: String) -> [RateTable] {
        let rows = rates.segmentWeeks[segment] ?? []
        guard rows.contains(where: { $0.rate.items > 0 }) else { return [] }
        let words = ResultWords(language: model.language)
        return [table(id: "rate-weeks", title: words.text("personaRates"), heading: model.strings.week, rows: rows)]
    }

    /// The persona page's rate by week (empty when the persona has no results).
    func personaWeeks(_ persona: Persona) -> [RateTable] {
        let rows = rates.personaWeeks[persona.id] ?? []
        guard rows.contains(where: { $0.rate.items > 0 }) else { return [] }
        let words = ResultWords(language: model.language)
        var table = table(id: "rate-weeks", title: words.text("personaRates"), heading: model.strings.week, rows: rows)
        if let median = InteractionRate.median(rows.compactMap(\.rate.rate)) {
            table = RateTable(
                id: table.id, title: table.title, heading: table.heading, rows: table.rows, chartWidth: table.chartWidth,
                chartHeight: table.chartHeight, summary: table.summary + (model.language == .zhCN ? "。" : ". ")
                    + words.text("median").replacingOccurrences(of: "{median}", with: InteractionRate.format(median)))
        }
        return [table]
    }

    /// `互动率 5.7（13 条有数据的已发布内容）· 小招 4.9 · 小影 18` for a week page; nil without results.
    static func weekLine(_ items: [Item], model: SiteModel) -> String? {
        let all = InteractionRate(items)
        guard let rate = all.rate else { return nil }
        let zh = model.language == .zhCN
        let personas = model.plan.personas.compactMap { persona -> String? in
            InteractionRate(items.filter { $0.persona == persona.id }).rate.map { "\(persona.name) \(InteractionRate.format($0))" }
        }
        let head = zh
            ? "互动率 \(InteractionRate.format(rate))（\(all.items) 条有数据的已发布内容，评论 + 回复 ÷ 条数）"
            : "Interaction rate \(InteractionRate.format(rate)) (\(all.items) published item\(all.items == 1 ? "" : "s") with results, comments + replies ÷ items)"
        return ([head] + personas).joined(separator: " · ")
    }

    /// `点赞 12 · 评论 3 · 回复 1` for the item page, in metric order; nil without results.
    static func counts(_ item: Item, language: Language) -> String? {
        guard let results = item.results, !results.isEmpty else { return nil }
        return ItemResults.Metric.allCases.compactMap { metric in
            results[metric].map { "\(metric.label.text(language)) \($0)" }
        }.joined(separator: " · ")
    }
}

/// The words of the results pages and sections, in both languages; templates read `{{r.name}}`.
struct ResultWords: WordTable {
    let language: Language

    static let all: [(name: String, words: Localized)] = [
        ("title", Localized(zh: "效果与互动率", en: "Results and interaction rates")),
        ("nav", Localized(zh: "效果", en: "Results")),
        ("intro", Localized(
            zh: "互动率 = 评论 + 回复 ÷ 有效果数据的已发布内容条数。没有数据的内容不计入，没有数据的行显示 —。",
            en: "Interaction rate = comments + replies ÷ published items with results. Items without results are not counted; a row without any shows —.")),
        ("howTo", Localized(
            zh: "用 plan-build results import 数据.csv 把团队导出的点赞、评论、回复等写进各条内容。",
            en: "Write the team's exported likes, comments, replies and more into the items with plan-build results import numbers.csv.")),
        ("none", Localized(zh: "还没有任何已发布内容带效果数据。", en: "No published item has results yet.")),
        ("byPersona", Localized(zh: "按人设", en: "By persona")),
        ("byTheme", Localized(zh: "按主题", en: "By theme")),
        ("bySegment", Localized(zh: "按客群", en: "By segment")),
        ("byWeek", Localized(zh: "按 ISO 周", en: "By ISO week")),
        ("personaRates", Localized(zh: "互动率（按周）", en: "Interaction rate by week")),
        ("items", Localized(zh: "有数据的已发布内容", en: "Published items with results")),
        ("comments", Localized(zh: "评论", en: "Comments")),
        ("replies", Localized(zh: "回复", en: "Replies")),
        ("rate", Localized(zh: "互动率", en: "Interaction rate")),
        ("noData", Localized(zh: "无数据", en: "no results")),
        ("median", Localized(zh: "各周中位数 {median}（engagement-drop 的默认基准）", en: "Median of the weeks {median} (engagement-drop's default baseline)")),
        ("results", Localized(zh: "效果", en: "Results")),
    ]
}
