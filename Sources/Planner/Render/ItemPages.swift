/// One page per item: metadata, rendered copy, images, diagnostics, edit link.
struct ItemPages {
    let model: SiteModel
    let serveMode: Bool

    struct Image: Sendable {
        let src: String
        let alt: String
    }

    struct ItemPage: Sendable {
        let site: Chrome
        let chip: ItemChip
        let fields: [EntityPages.Field]
        let html: [UInt8]
        let images: [Image]
        let hasImages: Bool
        let diagnostics: [DiagnosticView]
        let hasDiagnostics: Bool
        let editHref: String?
        let source: String
        let personaHref: String?
        let weekHref: String
        let weekName: String
    }

    func page(_ item: Item, copy: RenderedCopy) -> PageJob? {
        guard let chip = model.chips[item.id] else { return nil }
        let path = item.pagePath
        let strings = model.strings
        let config = model.plan.config
        var fields: [EntityPages.Field] = [
            .init(label: strings.date, value: model.dateLabel(item.date)),
            .init(label: strings.time, value: item.slot.map { "\(item.time) (\(strings.slotLabel($0)))" } ?? item.time.description),
            .init(label: strings.kind, value: model.text(item.kind.label)),
            .init(label: strings.persona, value: model.personaName(item.persona)),
        ]
        if let theme = item.theme { fields.append(.init(label: strings.theme, value: config.theme(theme)?.label ?? theme)) }
        if let group = item.group { fields.append(.init(label: strings.group, value: config.group(group)?.label ?? group)) }
        if let format = item.format { fields.append(.init(label: strings.format, value: model.text(format.label))) }
        if let trigger = item.trigger { fields.append(.init(label: strings.trigger, value: model.text(trigger.label))) }
        if let via = item.via { fields.append(.init(label: strings.via, value: model.text(via.label))) }
        if let gift = item.gift { fields.append(.init(label: strings.gift, value: gift)) }
        if !item.segments.isEmpty {
            fields.append(.init(label: strings.segments, value: item.segments.map { config.segment($0)?.label ?? $0 }.joined(separator: "、")))
        }
        if let action = item.action { fields.append(.init(label: strings.action, value: config.action(action).map { model.text($0.label) } ?? action)) }
        fields.append(.init(label: strings.status, value: model.text(item.status.label)))
        if let owner = item.owner { fields.append(.init(label: strings.owner, value: owner)) }
        if !item.tags.isEmpty { fields.append(.init(label: strings.tags, value: item.tags.joined(separator: "、"))) }
        let diagnostics = model.diagnosticsByItem[item.id] ?? []
        let page = ItemPage(
            site: Chrome(model: model, pagePath: path, pageTitle: item.title, section: "calendar", serveMode: serveMode),
            chip: chip, fields: fields, html: copy.html,
            images: item.images.enumerated().map { Image(src: SitePath.encode($1), alt: "\(item.title) \($0 + 1)") },
            hasImages: !item.images.isEmpty,
            diagnostics: model.diagnosticViews(diagnostics), hasDiagnostics: !diagnostics.isEmpty,
            editHref: config.repoURL.map { $0 + "/" + SitePath.encode(item.file) }, source: item.file,
            personaHref: model.plan.persona(item.persona).map { SitePath.encode(SitePath.persona($0.id)) },
            weekHref: SitePath.encode(SitePath.week(item.date.isoWeek)), weekName: item.date.isoWeek.description)
        return PageJob(path: path, template: "item", context: page)
    }
}

/// The playbook: an index with persona cards and the rules in plain words,
/// and one page per week with every item's full copy.
struct PlaybookPages {
    let model: SiteModel
    let serveMode: Bool

    struct RuleLine: Sendable {
        let id: String
        let summary: String
        let explanation: String
        let severity: String
        let severityLabel: String
        let options: String?
    }

    struct WeekLink: Sendable {
        let name: String
        let href: String
        let range: String
        let count: Int
    }

    struct IndexPage: Sendable {
        let site: Chrome
        let personas: [PersonaCard]
        let rules: [RuleLine]
        let weeks: [WeekLink]
    }

    struct Entry: Sendable {
        let chip: ItemChip
        /// The copy, rendered (UTF-8).
        let html: [UInt8]
        let plain: [UInt8]
        let personaName: String
        let extra: String?
    }

    struct Day: Sendable {
        let label: String
        let date: String
        let entries: [Entry]
    }

    struct WeekPage: Sendable {
        let site: Chrome
        let name: String
        let range: String
        let days: [Day]
        let hasDays: Bool
        let previous: String?
        let next: String?
    }

    func index(itemsByWeek: [ISOWeek: [Item]]) -> PageJob {
        let path = "playbook/index.html"
        let settings = model.plan.config.rules
        let rules = RuleCatalogue.all.filter { settings.isEnabled($0.id) }.map { rule in
            RuleLine(
                id: rule.id, summary: RuleWords.summary(rule, settings: settings, language: model.language), explanation: model.text(rule.explanation),
                severity: settings.severity(of: rule).rawValue, severityLabel: model.text(settings.severity(of: rule).label),
                options: Optional(rule.options.compactMap { option in settings.value(option.name, of: rule).map { "\(option.name): \($0)" } }
                    .joined(separator: ", ")).flatMap { $0.isEmpty ? nil : $0 })
        }
        let page = IndexPage(
            site: Chrome(model: model, pagePath: path, pageTitle: model.strings.playbook, section: "playbook", serveMode: serveMode),
            personas: model.plan.personas.map { PersonaCard($0, model: model) },
            rules: rules,
            weeks: model.weeks.map { week in
                WeekLink(
                    name: week.description, href: SitePath.encode(String(SitePath.playbookWeek(week).dropFirst("playbook/".count))),
                    range: "\(week.monday) – \(week.monday.adding(days: 6))", count: itemsByWeek[week]?.count ?? 0)
            })
        return PageJob(path: path, template: "playbook-index", context: page)
    }

    /// The page of the week at `position` in `model.weeks`.
    /// - Parameter copies: the rendered copy of each of the week's items, by item id.
    func week(at position: Int, items weekItems: [Item], copies: [String: RenderedCopy]) -> PageJob {
        let week = model.weeks[position]
        let path = SitePath.playbookWeek(week)
        var days: [Day] = []
        var entries: [Entry] = []
        var currentDate: LocalDate?
        for item in weekItems {
            if item.date != currentDate, let date = currentDate {
                days.append(Day(label: model.dateLabel(date), date: date.description, entries: entries))
                entries = []
            }
            currentDate = item.date
            guard let chip = model.chips[item.id] else { continue }
            var extra: [String] = []
            if let group = item.group { extra.append(model.plan.config.group(group)?.label ?? group) }
            if let via = item.via { extra.append(model.text(via.label)) }
            if let gift = item.gift { extra.append("\(model.strings.gift): \(gift)") }
            entries.append(Entry(
                chip: chip, html: copies[item.id]?.html ?? [], plain: copies[item.id]?.plain ?? [],
                personaName: model.personaName(item.persona), extra: extra.isEmpty ? nil : extra.joined(separator: " · ")))
        }
        if let date = currentDate { days.append(Day(label: model.dateLabel(date), date: date.description, entries: entries)) }
        let page = WeekPage(
            site: Chrome(model: model, pagePath: path, pageTitle: "\(model.strings.playbook) \(week)", section: "playbook", serveMode: serveMode),
            name: week.description, range: "\(week.monday) – \(week.monday.adding(days: 6))", days: days, hasDays: !days.isEmpty,
            previous: position > 0 ? SitePath.encode(String(SitePath.playbookWeek(model.weeks[position - 1]).dropFirst("playbook/".count))) : nil,
            next: position + 1 < model.weeks.count ? SitePath.encode(String(SitePath.playbookWeek(model.weeks[position + 1]).dropFirst("playbook/".count))) : nil)
        return PageJob(path: path, template: "playbook-week", context: page)
    }
}

/// Every diagnostic, grouped by rule and severity.
struct WarningsPage {
    let model: SiteModel
    let serveMode: Bool

    struct RuleGroup: Sendable {
        let rule: String
        let summary: String
        let severity: String
        let severityLabel: String
        let count: Int
        let diagnostics: [DiagnosticView]
    }

    struct Page: Sendable {
        let site: Chrome
        let groups: [RuleGroup]
        let hasGroups: Bool
        let total: Int
    }

    func page() -> PageJob {
        let path = "warnings/index.html"
        var byKey: [String: [Diagnostic]] = [:]
        for diagnostic in model.diagnostics { byKey["\(2 - diagnostic.severity.rank)\u{0}\(diagnostic.ruleID)", default: []].append(diagnostic) }
        let groups = byKey.keys.sorted().map { key -> RuleGroup in
            let diagnostics = byKey[key]!
            let first = diagnostics[0]
            return RuleGroup(
                rule: first.ruleID, summary: RuleCatalogue.rule(first.ruleID).map {
                    RuleWords.summary($0, settings: model.plan.config.rules, language: model.language)
                } ?? "",
                severity: first.severity.rawValue, severityLabel: model.text(first.severity.label), count: diagnostics.count,
                diagnostics: model.diagnosticViews(diagnostics))
        }
        let page = Page(
            site: Chrome(model: model, pagePath: path, pageTitle: model.strings.warnings, section: "warnings", serveMode: serveMode),
            groups: groups, hasGroups: !groups.isEmpty, total: model.diagnostics.count)
        return PageJob(path: path, template: "warnings", context: page)
    }
}
