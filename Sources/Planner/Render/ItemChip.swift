/// An item as a small coloured block in calendars and lists.
final class ItemChip: SharedTemplateValue, Sendable {  // a class: 10,000 chips are passed around by reference, not copied string by string
    let shown: Shown
    /// The chip as templates read it, made once: every overview page lists chips.
    let value: TemplateValue
    /// The bytes the chip adds to a page (`CrowdedDays`), made once: month pages weigh every chip.
    let estimatedBytes: Int

    init(item: Item, context: Context, diagnostics: [Diagnostic]) {
        shown = Shown(item: item, context: context, diagnostics: diagnostics)
        value = shown.sharedTemplateValue
        estimatedBytes = Self.estimatedBytes(shown)
    }

    func fields<Visitor: FieldVisitor>(_ visitor: inout Visitor) { shown.fields(&visitor) }

    /// What chips look up in the plan, worked out once for all of them.
    final class Context: Sendable {  // a class: every chip made reads it, and a struct copy retains each table
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

    /// What a chip shows.
    struct Shown: TemplateFields, Sendable {
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
        init(item: Item, context: Context, diagnostics: [Diagnostic]) {
            let language = context.language
            id = item.id
            href = SitePath.encode(SitePath.item(item.id))
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
            // Not in a closure: one that captures the context copies its hundred interface strings for every chip.
            if let slot = item.slot { slotLabel = context.strings.slotLabel(slot) } else { slotLabel = nil }
        }

        func fields<Visitor: FieldVisitor>(_ visitor: inout Visitor) {
            visitor.field(FieldKey.id, id)
            visitor.field(FieldKey.href, href)
            visitor.field(FieldKey.title, title)
            visitor.field(FieldKey.time, time)
            visitor.field(FieldKey.date, date)
            visitor.field(FieldKey.kind, kind)
            visitor.field(FieldKey.kindLabel, kindLabel)
            visitor.field(FieldKey.persona, persona)
            visitor.field(FieldKey.personaName, personaName)
            visitor.field(FieldKey.initial, initial)
            visitor.field(FieldKey.theme, theme)
            visitor.field(FieldKey.themeLabel, themeLabel)
            visitor.field(FieldKey.themeClass, themeClass)
            visitor.field(FieldKey.status, status)
            visitor.field(FieldKey.statusLabel, statusLabel)
            visitor.field(FieldKey.segments, segments)
            visitor.field(FieldKey.warningCount, warningCount)
            visitor.field(FieldKey.hasWarnings, hasWarnings)
            visitor.field(FieldKey.badgeClass, badgeClass)
            visitor.field(FieldKey.badgeLabel, badgeLabel)
            visitor.field(FieldKey.personaClass, personaClass)
            visitor.field(FieldKey.filterClasses, filterClasses)
            visitor.field(FieldKey.slotLabel, slotLabel)
        }
    }
}
