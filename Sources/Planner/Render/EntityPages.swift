import Foundation

/// Persona, group and segment pages.
struct EntityPages {
    let model: SiteModel
    let serveMode: Bool

    struct Field: Sendable {
        let label: String
        let value: String
    }

    struct ScheduleDay: Sendable {
        let label: String
        let date: String
        let items: [ItemChip]
    }

    /// A bar in an inline SVG chart; geometry precomputed so templates stay logic-free.
    struct Bar: Sendable {
        let x: Int
        let y: Int
        let width: Int
        let height: Int
        let themeClass: String
        let title: String
    }

    struct Chart: Sendable {
        let width: Int
        let height: Int
        let bars: [Bar]
        let labels: [AxisLabel]
        let lines: [GuideLine]
        let summary: String
    }

    struct AxisLabel: Sendable {
        let x: Int
        let y: Int
        let text: String
    }

    struct GuideLine: Sendable {
        let y: Int
        let x2: Int
        let label: String
        let kind: String
        let labelX: Int
        let labelY: Int

        init(y: Int, x2: Int, label: String, kind: String) {
            self.y = y
            self.x2 = x2
            self.label = label
            self.kind = kind
            labelX = x2 + 4
            labelY = y + 4
        }
    }

    struct MixRow: Sendable {
        let week: String
        let cells: [MixCell]
        let total: Int
    }

    struct MixCell: Sendable {
        let count: Int
    }

    struct PersonaPage: Sendable {
        let site: Chrome
        let persona: PersonaCard
        let schedule: [ScheduleDay]
        let themeHeaders: [String]
        let mix: [MixRow]
        let chart: Chart
        let diagnostics: [DiagnosticView]
        let hasDiagnostics: Bool
        let feedHref: String
        let otherPersonas: [Chrome.NavLink]
        let legend: [CalendarPages.LegendEntry]
    }

    func schedule(_ items: [Item]) -> [ScheduleDay] {
        var days: [ScheduleDay] = []
        var current: [ItemChip] = []
        var currentDate: LocalDate?
        for item in items {
            if item.date != currentDate, let date = currentDate {
                days.append(ScheduleDay(label: model.dateLabel(date), date: date.description, items: current))
                current = []
            }
            currentDate = item.date
            if let chip = model.chips[item.id] { current.append(chip) }
        }
        if let date = currentDate { days.append(ScheduleDay(label: model.dateLabel(date), date: date.description, items: current)) }
        return days
    }

    func personas(index: PlanIndex) -> [LazyPageJob] {
        let themes = model.plan.config.themes
        return model.plan.personas.map { persona in
            let path = SitePath.persona(persona.id)
            return LazyPageJob(path: path) {
                let items = index.itemsByPersona[persona.id] ?? []
                let moments = index.momentsByPersona[persona.id] ?? []
                var counts: [ISOWeek: [Int]] = [:]
                for moment in moments where model.plan.config.contains(moment.date) {
                    guard let theme = moment.theme, let position = themes.firstIndex(where: { $0.id == theme }) else { continue }
                    counts[moment.date.isoWeek, default: Array(repeating: 0, count: themes.count)][position] += 1
                }
                let mix = model.weeks.map { week -> MixRow in
                    let row = counts[week] ?? Array(repeating: 0, count: themes.count)
                    return MixRow(week: week.description, cells: row.map(MixCell.init), total: row.reduce(0, +))
                }
                let page = PersonaPage(
                    site: Chrome(model: model, pagePath: path, pageTitle: persona.name, section: "personas", serveMode: serveMode),
                    persona: PersonaCard(persona, model: model),
                    schedule: schedule(items),
                    themeHeaders: themes.map(\.label),
                    mix: mix,
                    chart: mixChart(mix),
                    diagnostics: model.diagnosticViews(model.diagnosticsByPersona[persona.id] ?? []),
                    hasDiagnostics: !(model.diagnosticsByPersona[persona.id] ?? []).isEmpty,
                    feedHref: SitePath.encode(String(SitePath.personaFeed(persona.id).dropFirst("personas/".count))),
                    otherPersonas: model.plan.personas.map {
                        Chrome.NavLink(href: SitePath.encode(String(SitePath.persona($0.id).dropFirst("personas/".count))), label: $0.name, current: $0.id == persona.id)
                    },
                    legend: CalendarPages(model: model, serveMode: serveMode).legend())
                return PageJob(path: path, template: "persona", context: page)
            }
        }
    }

    /// Stacked bars: one per week, one colour per theme.
    private func mixChart(_ rows: [MixRow]) -> Chart {
        let barWidth = 36
        let gap = 14
        let height = 160
        let maximum = max(1, rows.map(\.total).max() ?? 1)
        var bars: [Bar] = []
        var labels: [AxisLabel] = []
        for (position, row) in rows.enumerated() {
            let x = 30 + position * (barWidth + gap)
            var top = height - 20
            for (themeIndex, cell) in row.cells.enumerated() where cell.count > 0 {
                let barHeight = cell.count * (height - 40) / maximum
                top -= barHeight
                bars.append(Bar(
                    x: x, y: top, width: barWidth, height: barHeight, themeClass: "t\(themeIndex)",
                    title: "\(row.week) · \(model.plan.config.themes[themeIndex].label): \(cell.count)"))
            }
            labels.append(AxisLabel(x: x + barWidth / 2, y: height - 4, text: String(row.week.suffix(3))))
        }
        let summary = rows.map { "\($0.week): \($0.total)" }.joined(separator: ", ")
        return Chart(width: 30 + rows.count * (barWidth + gap), height: height, bars: bars, labels: labels, lines: [], summary: summary)
    }

    // MARK: - Groups

    struct GroupPage: Sendable {
        let site: Chrome
        let label: String
        let id: String
        let owner: String
        let ownerHref: String?
        let segments: [Chrome.NavLink]
        let topics: [TopicRow]
        let formats: [Field]
        let hasTopics: Bool
    }

    struct TopicRow: Sendable {
        let chip: ItemChip
        let format: String
        let date: String
    }

    func groups(index: PlanIndex) -> [LazyPageJob] {
        model.plan.config.groups.filter { SitePath.isSafeSegment($0.id) }.map { group in
            let path = SitePath.group(group.id)
            return LazyPageJob(path: path) {
                let topics = index.topicsByGroup[group.id] ?? []
                var formatCounts: [TopicFormat: Int] = [:]
                for topic in topics { if let format = topic.format { formatCounts[format, default: 0] += 1 } }
                let page = GroupPage(
                    site: Chrome(model: model, pagePath: path, pageTitle: group.label, section: "personas", serveMode: serveMode),
                    label: group.label, id: group.id,
                    owner: group.owner.map(model.personaName) ?? model.strings.none,
                    ownerHref: group.owner.flatMap { model.plan.persona($0) }.map { SitePath.encode(SitePath.persona($0.id)) },
                    segments: group.segments.map { id in
                        Chrome.NavLink(href: SitePath.encode(SitePath.segment(id)), label: model.plan.config.segment(id)?.label ?? id, current: false)
                    },
                    topics: topics.compactMap { topic in
                        model.chips[topic.id].map { TopicRow(chip: $0, format: topic.format.map { model.text($0.label) } ?? "", date: model.dateLabel(topic.date)) }
                    },
                    formats: TopicFormat.allCases.compactMap { format in
                        formatCounts[format].map { Field(label: model.text(format.label), value: String($0)) }
                    },
                    hasTopics: !topics.isEmpty)
                return PageJob(path: path, template: "group", context: page)
            }
        }
    }

    // MARK: - Segments

    struct SegmentPage: Sendable {
        let site: Chrome
        let label: String
        let id: String
        let stage: String?
        let weeks: [TouchWeek]
        let chart: Chart
        let cap: Int
        let floor: Int
        /// Fewest touches of any kind in a 30-day window inside the range (what touch-floor counts).
        let fewestIn30Days: String?
        let surprises: [ItemChip]
        let hasSurprises: Bool
        let actions: [ActionUse]
        let groups: [Chrome.NavLink]
    }

    struct TouchWeek: Sendable {
        let week: String
        let active: Int
        let total: Int
        let overCap: Bool
    }

    struct ActionUse: Sendable {
        let id: String
        let label: String
        let count: Int
        let used: Bool
    }

    func segments(index: PlanIndex) -> [LazyPageJob] {
        let settings = model.plan.config.rules
        let capRule = RuleCatalogue.rule("touch-cap")
        let floorRule = RuleCatalogue.rule("touch-floor")
        let cap = capRule.flatMap { rule -> Int? in if case .integer(let v)? = settings.value("max", of: rule) { return v } else { return nil } } ?? 10
        let floor = floorRule.flatMap { rule -> Int? in if case .integer(let v)? = settings.value("min", of: rule) { return v } else { return nil } } ?? 7
        var kindsCounted: Set<ItemKind> = [.topic, .surprise]
        if let capRule, case .kinds(let kinds)? = settings.value("kinds", of: capRule) { kindsCounted = Set(kinds) }
        let activeKinds = kindsCounted
        return model.plan.config.segments.filter { SitePath.isSafeSegment($0.id) }.map { segment in
            let path = SitePath.segment(segment.id)
            return LazyPageJob(path: path) {
                let touches = index.touchesBySegment[segment.id] ?? []
                var active: [ISOWeek: Int] = [:]
                var total: [ISOWeek: Int] = [:]
                var actionCounts: [String: Int] = [:]
                for touch in touches where model.plan.config.contains(touch.date) {
                    total[touch.date.isoWeek, default: 0] += 1
                    if activeKinds.contains(touch.kind) { active[touch.date.isoWeek, default: 0] += 1 }
                    if let action = touch.action { actionCounts[action, default: 0] += 1 }
                }
                let weeks = model.weeks.map { week in
                    TouchWeek(week: week.description, active: active[week] ?? 0, total: total[week] ?? 0, overCap: (active[week] ?? 0) > cap)
                }
                let surprises = (index.surprisesBySegment[segment.id] ?? []).compactMap { model.chips[$0.id] }
                let config = model.plan.config
                var fewest: (count: Int, start: LocalDate)?
                var windowStart = config.start
                while windowStart.adding(days: 29) <= config.end {
                    let windowEnd = windowStart.adding(days: 29)
                    let count = touches.filter { $0.date >= windowStart && $0.date <= windowEnd }.count
                    if fewest == nil || count < fewest!.count { fewest = (count, windowStart) }
                    windowStart = windowStart.adding(days: 1)
                }
                let page = SegmentPage(
                    site: Chrome(model: model, pagePath: path, pageTitle: segment.label, section: "personas", serveMode: serveMode),
                    label: segment.label, id: segment.id, stage: segment.stage.map { model.text($0.label) },
                    weeks: weeks, chart: touchChart(weeks, cap: cap, floor: floor), cap: cap, floor: floor,
                    fewestIn30Days: fewest.map { "\($0.count) (\($0.start) – \($0.start.adding(days: 29)))" },
                    surprises: surprises, hasSurprises: !surprises.isEmpty,
                    actions: model.plan.config.actions.map {
                        ActionUse(id: $0.id, label: model.text($0.label), count: actionCounts[$0.id] ?? 0, used: (actionCounts[$0.id] ?? 0) > 0)
                    },
                    groups: model.plan.config.groups.filter { $0.segments.contains(segment.id) }.map {
                        Chrome.NavLink(href: SitePath.encode(SitePath.group($0.id)), label: $0.label, current: false)
                    })
                return PageJob(path: path, template: "segment", context: page)
            }
        }
    }

    /// Bars of active touches per week, with the cap as a guide line.
    private func touchChart(_ weeks: [TouchWeek], cap: Int, floor: Int) -> Chart {
        let barWidth = 36
        let gap = 14
        let height = 160
        let maximum = max(cap + 2, weeks.map(\.total).max() ?? 1)
        let plotHeight = height - 40
        var bars: [Bar] = []
        var labels: [AxisLabel] = []
        for (position, week) in weeks.enumerated() {
            let x = 30 + position * (barWidth + gap)
            let totalHeight = week.total * plotHeight / maximum
            let activeHeight = week.active * plotHeight / maximum
            bars.append(Bar(x: x, y: height - 20 - totalHeight, width: barWidth, height: totalHeight, themeClass: "bar-total", title: "\(week.week): \(week.total)"))
            bars.append(Bar(
                x: x + 6, y: height - 20 - activeHeight, width: barWidth - 12, height: activeHeight,
                themeClass: week.overCap ? "bar-over" : "bar-active", title: "\(week.week): \(week.active)"))
            labels.append(AxisLabel(x: x + barWidth / 2, y: height - 4, text: String(week.week.suffix(3))))
        }
        let barsEnd = 30 + weeks.count * (barWidth + gap)
        // Room on the right for the guide lines' labels, clear of the bars.
        let width = barsEnd + 96
        let capY = height - 20 - cap * plotHeight / maximum
        // The floor counts touches of any kind in 30 days: shown as its weekly share, against the grey bars.
        let weeklyFloor = Double(floor) * 7 / 30
        let floorY = height - 20 - Int((weeklyFloor * Double(plotHeight) / Double(maximum)).rounded())
        let summary = weeks.map { "\($0.week): \($0.active)/\($0.total)" }.joined(separator: ", ")
            + " · \(model.strings.touchCap) \(cap) \(model.strings.perWeek), \(model.strings.touchFloor) \(floor) / 30 \(model.strings.days)"
        return Chart(
            width: width, height: height, bars: bars, labels: labels,
            lines: [
                GuideLine(y: capY, x2: barsEnd, label: "\(model.strings.touchCap) \(cap)", kind: "cap"),
                GuideLine(
                    y: floorY, x2: barsEnd,
                    label: "\(model.strings.touchFloor) ≈ \(String(format: "%.1f", weeklyFloor))", kind: "floor"),
            ], summary: summary)
    }
}

/// The six-dimension persona card, shared by persona pages and the playbook.
struct PersonaCard: Sendable {
    let id: String
    let href: String
    let name: String
    let initial: String
    let personaClass: String
    let avatar: String?
    let identity: String?
    let signature: String?
    let personality: String?
    let story: String
    let catchphrases: [String]
    let banned: [String]
    let hasCatchphrases: Bool
    let hasBanned: Bool
    let disclaimer: String?
    let themes: String
    let channels: String
    let segments: String
    /// The working period in words (`2026-12-15 起；暂停 …`), nil when the persona always works.
    let period: String?
    let periodLabel: String

    init(_ persona: Persona, model: SiteModel) {
        id = persona.id
        href = SitePath.encode(SitePath.persona(persona.id))
        name = persona.name
        initial = Initials.of(persona.name)
        personaClass = model.plan.personas.firstIndex { $0.id == persona.id }.map { "pa\($0 % Initials.colours)" } ?? "pa-none"
        avatar = persona.avatar.map(SitePath.encode)
        identity = persona.identity
        signature = persona.signature
        personality = persona.personality
        story = MarkdownRenderer().html(persona.story)
        catchphrases = persona.catchphrases
        banned = persona.banned
        hasCatchphrases = !persona.catchphrases.isEmpty
        hasBanned = !persona.banned.isEmpty
        disclaimer = persona.disclaimer
        let config = model.plan.config
        themes = (persona.themes ?? config.themes.map(\.id)).map { config.theme($0)?.label ?? $0 }.joined(separator: "、")
        channels = (persona.channels ?? ItemKind.allCases).map { model.text($0.label) }.joined(separator: "、")
        segments = (persona.segments ?? config.segments.map(\.id)).map { config.segment($0)?.label ?? $0 }.joined(separator: "、")
        period = Self.describe(persona.period).map(model.text)
        periodLabel = model.text(Localized(zh: "工作期", en: "Working period"))
    }

    static func describe(_ period: PersonaPeriod) -> Localized? {
        guard !period.isAlways else { return nil }
        var zh: [String] = []
        var en: [String] = []
        switch (period.start, period.end) {
        case let (start?, end?):
            zh.append("\(start) 至 \(end)")
            en.append("\(start) to \(end)")
        case let (start?, nil):
            zh.append("\(start) 起")
            en.append("from \(start)")
        case let (nil, end?):
            zh.append("到 \(end) 为止")
            en.append("until \(end)")
        case (nil, nil):
            break
        }
        for pause in period.pauses {
            let reason = pause.reason.map { (zh: "（\($0)）", en: " (\($0))") } ?? (zh: "", en: "")
            zh.append("暂停 \(pause.from) 至 \(pause.to)\(reason.zh)")
            en.append("pause \(pause.from) to \(pause.to)\(reason.en)")
        }
        return Localized(zh: zh.joined(separator: "；"), en: en.joined(separator: "; "))
    }
}
