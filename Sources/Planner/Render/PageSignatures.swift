/// What each overview page shows, as one signature per page path (serve).
/// Overviews show chips, not copy: an edit to an item's copy that leaves its
/// chip (title, time, status, badges…) as it was renders only the item's
/// page and its playbook week again. Every page's header shows the site-wide
/// counts, so they are part of every signature. Items are taken by their
/// position in the plan: a lookup by id hashes Chinese text, an array does not.
struct PageSignatures {
    let model: SiteModel
    let index: PlanIndex
    /// Positions of each week's items.
    let weekOffsets: [ISOWeek: [Int]]
    /// Full item signatures (`RenderMemo.signatures`), by position.
    let items: [Int]
    /// `ItemChip.signature` (made from the chip's fields), by position.
    let chips: [Int]
    /// Whether an item's outputs were reused: the others changed (their body
    /// may have, which `items` does not cover), so pages showing them render again.
    let unchanged: [Bool]
    /// The pages whose signature may have changed (serve, after an edit that
    /// changed no finding): the others keep theirs from `previous`. Nil: all.
    var only: PageFilter? = nil
    var previous: [String: Int] = [:]
    /// Positions of the items outside the range, and the pages listing them all (`months/outside.html`, …).
    var outside: [Int] = []
    var outsidePaths: [String] = []

    /// What may have changed after an edit that left every finding, the
    /// header's counts, today and the order of items as they were: the
    /// pages of the changed items' weeks, months, personas, groups and
    /// segments (each item as it was and as it is), and the warnings pages
    /// when a changed item has findings (they show its title). The pages
    /// that sum up the whole plan are always worked out again; they are cheap.
    struct PageFilter {
        var weeks: Set<ISOWeek> = []
        var months: Set<YearMonth> = []
        var personas: Set<String> = []
        var groups: Set<String> = []
        var segments: Set<String> = []
        var warnings = false

        mutating func add(_ item: Item, model: SiteModel) {
            if model.plan.config.contains(item.date) {
                weeks.insert(item.date.isoWeek)
                months.insert(YearMonth(item.date))
            }
            personas.insert(item.persona)
            if let group = item.group { groups.insert(group) }
            segments.formUnion(item.segments)
            if !(model.diagnosticsByItem[item.id] ?? []).isEmpty { warnings = true }
        }
    }

    func all() -> [String: Int] {
        var pages = compute()
        guard only != nil else { return pages }
        for (path, signature) in previous where pages[path] == nil { pages[path] = signature }
        return pages
    }

    private func compute() -> [String: Int] {
        let only = self.only
        var base = Hasher()
        base.combine(model.severityCounts.error)
        base.combine(model.severityCounts.warning)
        base.combine(model.severityCounts.notice)
        base.combineText(model.today.description)
        let site = base.finalize()
        let changed = UInt64.random(in: 0...UInt64.max)
        func combineItem(_ offset: Int, into hasher: inout Hasher) {
            hasher.combine(items[offset])
            if !unchanged[offset] { hasher.combine(changed) }
        }

        func signature(_ kind: String, _ body: (inout Hasher) -> Void) -> Int {
            var hasher = Hasher()
            hasher.combine(site)
            hasher.combineText(kind)
            body(&hasher)
            return hasher.finalize()
        }
        func badge(_ date: LocalDate, into hasher: inout Hasher) { combineBadge(date, into: &hasher) }
        let planItems = model.plan.items
        /// What an item adds to the interaction rates a week, persona or segment page shows.
        func combineResults(_ offset: Int, into hasher: inout Hasher) {
            hasher.combineText(planItems[offset].status.rawValue)
            hasher.combineText(planItems[offset].results?.flowYAML)
        }
        var pages: [String: Int] = [:]
        pages["index.html"] = signature("index") { hasher in
            for chip in chips { hasher.combine(chip) }
            var date = model.plan.config.start
            while date <= model.plan.config.end {
                badge(date, into: &hasher)
                date = date.adding(days: 1)
            }
            combineWeekParts(from: model.plan.config.start, to: model.plan.config.end, into: &hasher)
        }
        pages["playbook/index.html"] = signature("playbook-index") { hasher in
            for week in model.weeks { hasher.combine(weekOffsets[week]?.count ?? 0) }
        }
        // months/outside.html and its continuations: the chips of the items outside the range, in order.
        if !outsidePaths.isEmpty {
            let listed = signature("outside") { hasher in
                for offset in outside { hasher.combine(chips[offset]) }
            }
            for path in outsidePaths { pages[path] = listed }
        }
        // The rules' words depend on plan.yml only, which resets the memo; the chrome's counts are in `site`.
        pages[HelpPage.path] = signature("help") { _ in }
        // Warnings pages link each finding's item by its title: its chip is part of what they show.
        func combineFinding(_ diagnostic: Diagnostic, into hasher: inout Hasher) {
            RenderMemo.combine(diagnostic, into: &hasher)
            if let id = diagnostic.itemID, let offset = model.plan.position(of: id) { hasher.combine(chips[offset]) }
        }
        if only?.warnings ?? true {
            pages["warnings/index.html"] = signature("warnings") { hasher in
                for diagnostic in model.diagnostics { combineFinding(diagnostic, into: &hasher) }
            }
        }
        monthSignatures(into: &pages, signature: signature)
        pages[SitePath.groups] = signature("groups-index") { hasher in
            for group in model.plan.config.groups {
                for offset in index.topicPositionsByGroup[group.id] ?? [] { hasher.combine(items[offset]) }
            }
        }
        pages[SitePath.segments] = signature("segments-index") { hasher in
            for segment in model.plan.config.segments {
                for offset in index.touchPositionsBySegment[segment.id] ?? [] { hasher.combine(items[offset]) }
            }
        }
        let warnings = WarningsPage(model: model, serveMode: false)
        for group in only?.warnings ?? true ? warnings.byRule() : [] {
            let rule = signature("warnings-rule") { hasher in
                for diagnostic in group.diagnostics { combineFinding(diagnostic, into: &hasher) }
            }
            for page in WarningsPage.pageRanges(group.diagnostics).indices { pages[SitePath.warnings(rule: group.rule, page: page + 1)] = rule }
        }
        for week in model.weeks where only?.weeks.contains(week) ?? true {
            let offsets = weekOffsets[week] ?? []
            pages[SitePath.week(week)] = signature("week") { hasher in
                for offset in offsets {
                    hasher.combine(chips[offset])
                    // The grid marks the cells of slot-clash's findings.
                    hasher.combine(model.hasSlotClash(planItems[offset]))
                    // The week's interaction rate.
                    combineResults(offset, into: &hasher)
                }
                for day in 0..<7 {
                    badge(week.monday.adding(days: day), into: &hasher)
                    hasher.combine(model.crowdedMonths.contains(YearMonth(week.monday.adding(days: day))))
                }
            }
            pages[SitePath.playbookWeek(week)] = signature("playbook") { hasher in
                for offset in offsets { combineItem(offset, into: &hasher) }
            }
        }
        // today/: the items of the eight days from today, copy and images included.
        let windowEnd = model.today.adding(days: TodayPages.days - 1)
        var todayOffsets: [String: [Int]] = [:]
        // A today page past the page budget links the persona's playbook week
        // pages, which its whole weeks' items cut: the signature covers those weeks.
        let weeksStart = model.today.weekStart
        let weeksEnd = windowEnd.weekStart.adding(days: 6)
        var todayWeekOffsets: [String: [Int]] = [:]
        for (offset, item) in planItems.enumerated() where item.date >= weeksStart && item.date <= weeksEnd {
            todayWeekOffsets[item.persona, default: []].append(offset)
            if item.date >= model.today && item.date <= windowEnd { todayOffsets[item.persona, default: []].append(offset) }
        }
        pages[SitePath.todayIndex] = signature("today-index") { hasher in
            for persona in model.plan.personas {
                hasher.combineText(persona.id)
                let offsets = todayOffsets[persona.id] ?? []
                hasher.combine(offsets.count)
                hasher.combine(offsets.filter { planItems[$0].date == model.today }.count)
            }
        }
        for persona in model.plan.personas where only?.personas.contains(persona.id) ?? true {
            pages[SitePath.today(persona.id)] = signature("today") { hasher in
                for offset in todayWeekOffsets[persona.id] ?? [] { combineItem(offset, into: &hasher) }
            }
            pages[SitePath.persona(persona.id)] = signature("persona") { hasher in
                for offset in index.itemPositionsByPersona[persona.id] ?? [] {
                    hasher.combine(chips[offset])
                    // Its rates by week: what the items' results and statuses make.
                    combineResults(offset, into: &hasher)
                }
                // Its month grid carries the days' warning badges.
                var date = model.homeMonth.first
                while date <= model.homeMonth.last {
                    badge(date, into: &hasher)
                    date = date.adding(days: 1)
                }
                combineWeekParts(from: model.homeMonth.first, to: model.homeMonth.last, into: &hasher)
                for diagnostic in model.diagnosticsByPersona[persona.id] ?? [] { RenderMemo.combine(diagnostic, into: &hasher) }
            }
            // The persona's feed: the events of the persona's items.
            pages[SitePath.personaFeed(persona.id)] = signature("feed") { hasher in
                for offset in index.itemPositionsByPersona[persona.id] ?? [] { combineItem(offset, into: &hasher) }
            }
        }
        for group in model.plan.config.groups where only?.groups.contains(group.id) ?? true {
            pages[SitePath.group(group.id)] = signature("group") { hasher in
                for offset in index.topicPositionsByGroup[group.id] ?? [] {
                    hasher.combine(chips[offset])
                    hasher.combineText(planItems[offset].format?.rawValue)
                }
            }
        }
        for segment in model.plan.config.segments where only?.segments.contains(segment.id) ?? true {
            pages[SitePath.segment(segment.id)] = signature("segment") { hasher in
                for offset in index.touchPositionsBySegment[segment.id] ?? [] {
                    hasher.combine(chips[offset])
                    hasher.combineText(planItems[offset].action)
                    combineResults(offset, into: &hasher)
                }
            }
        }
        return pages
    }
}

extension PageSignatures {
    /// The month pages and each persona's other months: the chips of the
    /// month's items and the month's warning badges.
    /// A day's warning badge: how many, how bad, where it links.
    func combineBadge(_ date: LocalDate, into hasher: inout Hasher) {
        let diagnostics = model.diagnosticsByDate[date] ?? []
        let worst = diagnostics.map(\.severity).max() ?? .notice
        hasher.combine(diagnostics.count)
        hasher.combine(worst.rawValue)
        hasher.combineText(diagnostics.first { $0.severity == worst }?.ruleID)
    }

    /// Which part of each crowded week a day is on: a month grid's day links it.
    func combineWeekParts(from first: LocalDate, to last: LocalDate, into hasher: inout Hasher) {
        guard !model.crowdedWeeks.isEmpty else { return }
        var monday = first.weekStart
        while monday <= last {
            let week = monday.isoWeek
            if model.crowdedWeeks.contains(week) {
                for part in model.weekPages(week) {
                    hasher.combine(part.lowerBound)
                    hasher.combine(part.upperBound)
                }
            }
            monday = monday.adding(days: 7)
        }
    }

    fileprivate func monthSignatures(into pages: inout [String: Int], signature: (String, (inout Hasher) -> Void) -> Int) {
        // Each item's day from the chips' weighing (`CrowdedDays.Weighing`): no item is read.
        var offsetsByMonth: [YearMonth: [Int]] = [:]
        let days = model.weighing.days
        if let only {
            let ranges = model.months.filter { only.months.contains($0) }.map { ($0, $0.first.dayNumber...$0.last.dayNumber) }
            for (offset, day) in days.enumerated() where day != Int.min {
                for (month, range) in ranges where range.contains(day) { offsetsByMonth[month, default: []].append(offset) }
            }
        } else {
            for (offset, day) in days.enumerated() where day != Int.min {
                offsetsByMonth[YearMonth(LocalDate(dayNumber: day)), default: []].append(offset)
            }
        }
        let home = model.homeMonth
        for month in model.months where only?.months.contains(month) ?? true {
            let offsets = offsetsByMonth[month] ?? []
            var badgeHasher = Hasher()
            var date = month.first
            while date <= month.last {
                combineBadge(date, into: &badgeHasher)
                date = date.adding(days: 1)
            }
            combineWeekParts(from: month.first, to: month.last, into: &badgeHasher)
            let badges = badgeHasher.finalize()
            pages[SitePath.month(month)] = signature("month") { hasher in
                for offset in offsets { hasher.combine(chips[offset]) }
                hasher.combine(badges)
            }
            guard month != home else { continue }
            let inMonth = Set(offsets)
            for persona in model.plan.personas where only?.personas.contains(persona.id) ?? true {
                pages[SitePath.personaMonth(persona.id, month)] = signature("persona-month") { hasher in
                    for offset in index.itemPositionsByPersona[persona.id] ?? [] where inMonth.contains(offset) {
                        hasher.combine(chips[offset])
                    }
                    for diagnostic in model.diagnosticsByPersona[persona.id] ?? [] where diagnostic.date.map(YearMonth.init) == month {
                        RenderMemo.combine(diagnostic, into: &hasher)
                    }
                    hasher.combine(badges)
                }
            }
        }
    }
}
