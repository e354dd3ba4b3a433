/// One page per segment: touches per week against its cap and floor, surprises, trust actions.
extension EntityPages {
    struct SegmentPage: Sendable, TemplateFields {
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
        /// The tier's goal: the trust actions that move it up, each marked used or not.
        let needs: [ActionUse]
        let hasNeeds: Bool
        let promoShareLimit: String?
        /// The kinds that count as touches here, in words.
        let countedKinds: String
        /// The effective touches of the 30 days up to today, against the floor, in words.
        let last30Days: String
        /// The interaction rate by week, when items reaching the segment have results (a list of none or one).
        let rates: [ResultsPages.RateTable]
        let resultWords: ResultWords

        func fields<Visitor: FieldVisitor>(_ visitor: inout Visitor) {
            visitor.field(FieldKey.site, site)
            visitor.field(FieldKey.label, label)
            visitor.field(FieldKey.id, id)
            visitor.field(FieldKey.stage, stage)
            visitor.field(FieldKey.weeks, weeks)
            visitor.field(FieldKey.chart, chart)
            visitor.field(FieldKey.cap, cap)
            visitor.field(FieldKey.floor, floor)
            visitor.field(FieldKey.fewestIn30Days, fewestIn30Days)
            visitor.field(FieldKey.surprises, surprises)
            visitor.field(FieldKey.hasSurprises, hasSurprises)
            visitor.field(FieldKey.actions, actions)
            visitor.field(FieldKey.groups, groups)
            visitor.field(FieldKey.needs, needs)
            visitor.field(FieldKey.hasNeeds, hasNeeds)
            visitor.field(FieldKey.promoShareLimit, promoShareLimit)
            visitor.field(FieldKey.countedKinds, countedKinds)
            visitor.field(FieldKey.last30Days, last30Days)
            visitor.field(FieldKey.rates, rates)
            visitor.field(FieldKey.r, resultWords)
        }
    }

    struct TouchWeek: Sendable, TemplateFields {
        let week: String
        let active: Int
        let total: Int
        /// Items reaching the segment that its tier does not count as touches (moments, by default).
        let broadcasts: Int
        let overCap: Bool

        func fields<Visitor: FieldVisitor>(_ visitor: inout Visitor) {
            visitor.field(FieldKey.week, week)
            visitor.field(FieldKey.active, active)
            visitor.field(FieldKey.total, total)
            visitor.field(FieldKey.broadcasts, broadcasts)
            visitor.field(FieldKey.overCap, overCap)
        }
    }

    struct ActionUse: Sendable, TemplateFields {
        let id: String
        let label: String
        let count: Int
        let used: Bool

        func fields<Visitor: FieldVisitor>(_ visitor: inout Visitor) {
            visitor.field(FieldKey.id, id)
            visitor.field(FieldKey.label, label)
            visitor.field(FieldKey.count, count)
            visitor.field(FieldKey.used, used)
        }
    }

    func segments(index: PlanIndex, results: ResultsPages? = nil) -> [LazyPageJob] {
        let results = results ?? ResultsPages(model: model, serveMode: serveMode)
        let settings = model.plan.config.rules
        let capRule = RuleCatalogue.rule("touch-cap")
        let floorRule = RuleCatalogue.rule("touch-floor")
        let planCap = capRule.flatMap { rule -> Int? in if case .integer(let v)? = settings.value("max", of: rule) { return v } else { return nil } } ?? 10
        let floor = floorRule.flatMap { rule -> Int? in if case .integer(let v)? = settings.value("min", of: rule) { return v } else { return nil } } ?? 7
        return model.plan.config.segments.filter { SitePath.isSafeSegment($0.id) }.map { segment in
            let path = SitePath.segment(segment.id)
            let config = model.plan.config
            // What touch-cap and touch-floor count for this segment: its tier's kinds and cap.
            let activeKinds = Set(config.touchKinds(ofSegment: segment.id))
            let tier = config.stageSettings(ofSegment: segment.id)
            let cap = tier?.touchCap ?? planCap
            return LazyPageJob(path: path) {
                let touches = index.touchesBySegment[segment.id] ?? []
                var active: [ISOWeek: Int] = [:]
                var total: [ISOWeek: Int] = [:]
                var actionCounts: [String: Int] = [:]
                for touch in touches where config.contains(touch.date) {
                    total[touch.date.isoWeek, default: 0] += 1
                    if activeKinds.contains(touch.kind) {
                        active[touch.date.isoWeek, default: 0] += 1
                        // The actions a tier is served by are those of touches it counts, not of broadcasts.
                        if let action = touch.action { actionCounts[action, default: 0] += 1 }
                    }
                }
                let weeks = model.weeks.map { week in
                    TouchWeek(
                        week: WeekTitle.text(week, language: model.language), active: active[week] ?? 0, total: total[week] ?? 0,
                        broadcasts: (total[week] ?? 0) - (active[week] ?? 0), overCap: (active[week] ?? 0) > cap)
                }
                let surprises = (index.surprisesBySegment[segment.id] ?? []).compactMap { model.chips[$0.id] }
                let effective = touches.filter { activeKinds.contains($0.kind) }
                var fewest: (count: Int, start: LocalDate)?
                var windowStart = config.start
                // Touches are in date order: the window's bounds only move forward.
                var first = 0
                var pastEnd = 0
                while windowStart.adding(days: 29) <= config.end {
                    let windowEnd = windowStart.adding(days: 29)
                    while first < effective.count && effective[first].date < windowStart { first += 1 }
                    pastEnd = max(pastEnd, first)
                    while pastEnd < effective.count && effective[pastEnd].date <= windowEnd { pastEnd += 1 }
                    let count = pastEnd - first
                    if fewest == nil || count < fewest!.count { fewest = (count, windowStart) }
                    windowStart = windowStart.adding(days: 1)
                }
                let recentStart = model.today.adding(days: -29)
                let recent = effective.filter { $0.date >= recentStart && $0.date <= model.today }.count
                let last30Days = model.language == .zhCN
                    ? "近 30 天有效触达（\(recentStart.month)月\(recentStart.day)日–\(model.today.month)月\(model.today.day)日）：\(recent) 次；下限每 30 天 \(floor) 次，上限每 7 天 \(cap) 次"
                    : "Effective touches, last 30 days (\(recentStart)–\(model.today)): \(recent); floor \(floor) per 30 days, cap \(cap) per 7 days"
                let page = SegmentPage(
                    site: Chrome(model: model, pagePath: path, pageTitle: segment.label, section: "segments", serveMode: serveMode),
                    label: segment.label, id: segment.id, stage: tier.map { model.text($0.label) },
                    weeks: weeks, chart: touchChart(weeks, isoWeeks: model.weeks, cap: cap, floor: floor), cap: cap, floor: floor,
                    fewestIn30Days: fewest.map { "\($0.count) (\($0.start) – \($0.start.adding(days: 29)))" },
                    surprises: surprises, hasSurprises: !surprises.isEmpty,
                    actions: model.plan.config.actions.map {
                        ActionUse(id: $0.id, label: model.text($0.label), count: actionCounts[$0.id] ?? 0, used: (actionCounts[$0.id] ?? 0) > 0)
                    },
                    groups: model.plan.config.groups.filter { $0.segments.contains(segment.id) }.map {
                        Chrome.NavLink(href: SitePath.encode(SitePath.group($0.id)), label: $0.label, current: false)
                    },
                    needs: (tier?.needs ?? []).map { id in
                        let count = actionCounts[id] ?? 0
                        return ActionUse(
                            id: id, label: config.action(id).map { model.text($0.label) } ?? id, count: count, used: count > 0)
                    },
                    hasNeeds: !(tier?.needs ?? []).isEmpty,
                    promoShareLimit: tier?.promoShare.map { "\(Int(($0 * 100).rounded()))%" },
                    countedKinds: ItemKind.allCases.filter(activeKinds.contains).map { model.text($0.label) }
                        .joined(separator: model.language == .zhCN ? "、" : ", "),
                    last30Days: last30Days,
                    rates: results.segmentWeeks(segment.id), resultWords: ResultWords(language: model.language))
                return PageJob(path: path, template: "segment", page: page)
            }
        }
    }
}
