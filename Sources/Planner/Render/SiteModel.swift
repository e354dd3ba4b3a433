import Foundation

/// Data every page shares, computed once per build: item chips, diagnostics
/// by item, day and persona, theme classes. Pages only pick from it.
struct SiteModel: Sendable {
    let plan: Plan
    let diagnostics: [Diagnostic]
    let language: Language
    let strings: UIStrings
    let today: LocalDate
    let chips: TextKeyed<ItemChip>
    let diagnosticsByItem: TextKeyed<[Diagnostic]>
    let diagnosticsByDate: [LocalDate: [Diagnostic]]
    let diagnosticsByPersona: [String: [Diagnostic]]
    /// Whole or partial ISO weeks that meet the range, in order.
    let weeks: [ISOWeek]
    let severityCounts: (error: Int, warning: Int, notice: Int)
    /// The navigation of each section's pages (`Chrome.sections`).
    let navigation: [String: [Chrome.NavLink]]

    /// Diagnostics by item, date and persona, in report order within each.
    struct Grouped: Sendable {
        let byItem: TextKeyed<[Diagnostic]>
        let byDate: [LocalDate: [Diagnostic]]
        let byPersona: [String: [Diagnostic]]

        init(_ diagnostics: [Diagnostic]) {
            var byItem = TextKeyed<[Diagnostic]>()
            var byDate: [LocalDate: [Diagnostic]] = [:]
            var byPersona: [String: [Diagnostic]] = [:]
            for diagnostic in diagnostics {
                if let item = diagnostic.itemID { byItem[item, default: []].append(diagnostic) }
                if let date = diagnostic.date { byDate[date, default: []].append(diagnostic) }
                if let persona = diagnostic.persona { byPersona[persona, default: []].append(diagnostic) }
            }
            self.byItem = byItem
            self.byDate = byDate
            self.byPersona = byPersona
        }
    }

    /// - Parameter reusingChips: chips of a previous render (serve) for items whose inputs are unchanged,
    ///   by position in `plan.items` (or empty).
    /// - Parameter previousChips: the previous render's table, when the plan lists the same item ids in the
    ///   same order: only the chips not reused are put into a copy of it.
    init(
        plan: Plan, diagnostics: [Diagnostic], grouped: Grouped? = nil, language: Language, today: LocalDate,
        reusingChips: [ItemChip?] = [], previousChips: TextKeyed<ItemChip>? = nil
    ) {
        self.plan = plan
        self.diagnostics = diagnostics
        self.language = language
        self.strings = UIStrings.strings(for: language)
        self.today = today
        let grouped = grouped ?? Grouped(diagnostics)
        diagnosticsByItem = grouped.byItem
        diagnosticsByDate = grouped.byDate
        diagnosticsByPersona = grouped.byPersona
        let context = ItemChip.Context(plan: plan, language: language)
        if var chips = previousChips, reusingChips.count == plan.items.count {
            for (offset, item) in plan.items.enumerated() where reusingChips[offset] == nil {
                chips[item.id] = ItemChip(item: item, context: context, diagnostics: grouped.byItem[item.id] ?? [])
            }
            self.chips = chips
        } else {
            var chips = TextKeyed<ItemChip>(minimumCapacity: plan.items.count)
            for (offset, item) in plan.items.enumerated() {
                chips[item.id] = (offset < reusingChips.count ? reusingChips[offset] : nil)
                    ?? ItemChip(item: item, context: context, diagnostics: grouped.byItem[item.id] ?? [])
            }
            self.chips = chips
        }
        var weeks: [ISOWeek] = []
        var monday = plan.config.start.weekStart
        while monday <= plan.config.end {
            weeks.append(monday.isoWeek)
            monday = monday.adding(days: 7)
        }
        self.weeks = weeks
        severityCounts = (
            diagnostics.filter { $0.severity == .error }.count, diagnostics.filter { $0.severity == .warning }.count,
            diagnostics.filter { $0.severity == .notice }.count
        )
        var navigation: [String: [Chrome.NavLink]] = [:]
        for section in Chrome.sections {
            navigation[section] = Chrome.navigation(strings: strings, weeks: weeks, plan: plan, current: section)
        }
        self.navigation = navigation
    }

    func text(_ localized: Localized) -> String { localized.text(language) }

    func themeClass(_ themeID: String?) -> String {
        guard let themeID, let index = plan.config.themes.firstIndex(where: { $0.id == themeID }) else { return "t-none" }
        return "t\(index)"
    }

    func personaName(_ id: String) -> String { plan.persona(id)?.name ?? id }

    func dateLabel(_ date: LocalDate) -> String {
        let weekday = strings.weekdays[date.isoWeekday - 1]
        switch language {
        case .zhCN: return "\(date.month)月\(date.day)日 \(weekday)"
        case .en: return "\(weekday) \(date)"
        }
    }

    func diagnosticViews(_ diagnostics: [Diagnostic]) -> [DiagnosticView] {
        diagnostics.map { DiagnosticView($0, model: self) }
    }
}

/// An item as a small coloured block in calendars and lists.
final class ItemChip: Sendable {  // a class: 10,000 chips are passed around by reference, not copied string by string
    let id: String
    let href: String
    let title: String
    let time: String
    let date: String
    let kind: String
    let kindLabel: String
    let persona: String
    let personaName: String
    let initial: String
    let theme: String
    let themeLabel: String
    let themeClass: String
    let status: String
    let statusLabel: String
    let segments: String
    let warningCount: Int
    let hasWarnings: Bool
    let badgeClass: String
    let badgeLabel: String
    /// `pa0`, `pa1`…: the persona's avatar colour, by its position in the plan.
    let personaClass: String
    /// Index classes the filters match on (`fp0 fk1 fs2 fg0 fg3`): no
    /// user-written id ever reaches CSS.
    let filterClasses: String
    let slotLabel: String?
    /// The chip as templates read it, made once: every overview page lists chips.
    let value: TemplateValue

    /// What chips look up in the plan, worked out once for all of them.
    struct Context {
        let language: Language
        let strings: UIStrings
        /// Name, avatar initial and position of each persona.
        let personas: [String: (name: String, initial: String, index: Int)]
        /// Label and position of each theme.
        let themes: [String: (label: String, index: Int)]
        let segments: [String: Int]

        init(plan: Plan, language: Language) {
            self.language = language
            strings = UIStrings.strings(for: language)
            var personas: [String: (name: String, initial: String, index: Int)] = [:]
            for (index, persona) in plan.personas.enumerated() where personas[persona.id] == nil {
                let name = plan.persona(persona.id)?.name ?? persona.name
                personas[persona.id] = (name, Initials.of(name), index)
            }
            self.personas = personas
            var themes: [String: (label: String, index: Int)] = [:]
            for (index, theme) in plan.config.themes.enumerated() where themes[theme.id] == nil {
                themes[theme.id] = (theme.label, index)
            }
            self.themes = themes
            var segments: [String: Int] = [:]
            for (index, segment) in plan.config.segments.enumerated() where segments[segment.id] == nil {
                segments[segment.id] = index
            }
            self.segments = segments
        }
    }

    init(item: Item, context: Context, diagnostics: [Diagnostic]) {
        let language = context.language
        id = item.id
        href = SitePath.encode(item.pagePath)
        title = item.title
        time = item.time.description
        date = item.date.description
        kind = item.kind.rawValue
        kindLabel = item.kind.label.text(language)
        persona = item.persona
        let personaInfo = context.personas[item.persona]
        personaName = personaInfo?.name ?? item.persona
        initial = personaInfo?.initial ?? Initials.of(item.persona)
        theme = item.theme ?? ""
        let themeInfo = item.theme.flatMap { context.themes[$0] }
        themeLabel = themeInfo?.label ?? item.theme ?? ""
        themeClass = themeInfo.map { "t\($0.index)" } ?? "t-none"
        status = item.status.rawValue
        statusLabel = item.status.label.text(language)
        segments = item.segments.joined(separator: " ")
        warningCount = diagnostics.count
        hasWarnings = !diagnostics.isEmpty
        let worst = diagnostics.map(\.severity).max() ?? .notice
        badgeClass = "sev-\(worst.rawValue)"
        badgeLabel = language == .zhCN ? "\(diagnostics.count) 个问题" : "\(diagnostics.count) problem\(diagnostics.count == 1 ? "" : "s")"
        let personaIndex = personaInfo?.index
        personaClass = personaIndex.map { "pa\($0 % Initials.colours)" } ?? "pa-none"
        var classes: [String] = []
        if let personaIndex { classes.append("fp\(personaIndex)") }
        if let kindIndex = ItemKind.allCases.firstIndex(of: item.kind) { classes.append("fk\(kindIndex)") }
        if let statusIndex = ItemStatus.allCases.firstIndex(of: item.status) { classes.append("fs\(statusIndex)") }
        for segment in item.segments {
            if let segmentIndex = context.segments[segment] { classes.append("fg\(segmentIndex)") }
        }
        filterClasses = classes.joined(separator: " ")
        slotLabel = item.slot.map { context.strings.slotLabel($0) }
        // Written out: a site has one chip per item, each read by several pages.
        value = .record([
                "id": .string(id), "href": .string(href), "title": .string(title), "time": .string(time), "date": .string(date),
                "kind": .string(kind), "kindLabel": .string(kindLabel), "persona": .string(persona), "personaName": .string(personaName),
                "initial": .string(initial), "theme": .string(theme), "themeLabel": .string(themeLabel), "themeClass": .string(themeClass),
                "status": .string(status), "statusLabel": .string(statusLabel), "segments": .string(segments),
                "warningCount": .int(warningCount), "hasWarnings": .bool(hasWarnings), "badgeClass": .string(badgeClass),
                "badgeLabel": .string(badgeLabel), "personaClass": .string(personaClass), "filterClasses": .string(filterClasses),
                "slotLabel": .text(slotLabel),
        ])
    }
}

/// The letter a persona's avatar shows. Chinese nicknames often start with
/// the same prefix (小招, 小影, 老王, 阿明): the character after it tells them apart.
enum Initials {
    static let colours = 6

    static func of(_ name: String) -> String {
        let characters = Array(name.trimmingCharacters(in: .whitespaces))
        guard let first = characters.first else { return "?" }
        if characters.count >= 2, ["小", "老", "阿", "大"].contains(first) { return String(characters[1]) }
        return String(first).uppercased()
    }
}

/// A diagnostic as pages show it.
struct DiagnosticView: Sendable {
    let rule: String
    let severity: String
    let severityLabel: String
    let message: String
    let hint: String?
    let location: String
    let itemHref: String?
    let itemTitle: String?
    let related: [RelatedView]
    let hasRelated: Bool

    struct RelatedView: Sendable {
        let location: String
        let message: String
        let href: String?
    }

    init(_ diagnostic: Diagnostic, model: SiteModel) {
        rule = diagnostic.ruleID
        severity = diagnostic.severity.rawValue
        severityLabel = model.text(diagnostic.severity.label)
        message = model.text(diagnostic.message)
        hint = diagnostic.hint.map(model.text)
        location = diagnostic.location.description
        let item = diagnostic.itemID.flatMap { model.plan.item($0) }
        itemHref = item.map { SitePath.encode($0.pagePath) }
        itemTitle = item?.title
        related = diagnostic.related.map { related in
            RelatedView(
                location: related.location.description, message: model.text(related.message),
                href: related.itemID.flatMap { model.plan.item($0) }.map { SitePath.encode($0.pagePath) })
        }
        hasRelated = !diagnostic.related.isEmpty
    }
}

extension ItemChip {
    /// Everything a chip shows, for `serve` to tell whether an overview changed (in-process only).
    var signature: Int {
        var hasher = Hasher()
        for field in [
            id, href, title, time, date, kind, kindLabel, persona, personaName, initial, theme, themeLabel, themeClass, status,
            statusLabel, segments, badgeClass, badgeLabel, personaClass, filterClasses, slotLabel ?? "",
        ] {
            hasher.combineText(field)
        }
        hasher.combine(warningCount)
        return hasher.finalize()
    }
}
