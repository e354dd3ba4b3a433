import Foundation

/// Data every page shares, computed once per build: item chips, diagnostics
/// by item, day and persona, theme classes. Pages only pick from it.
final class SiteModel: Sendable {  // a class: every page job holds the model, and a copy of a struct retains each of its fields
    let plan: Plan
    let diagnostics: [Diagnostic]
    let language: Language
    let strings: UIStrings
    /// The interface text as every page's template reads it.
    let sharedStrings: SharedStrings
    let today: LocalDate
    let chips: TextKeyed<ItemChip>
    let diagnosticsByItem: TextKeyed<[Diagnostic]>
    let diagnosticsByDate: [LocalDate: [Diagnostic]]
    let diagnosticsByPersona: [String: [Diagnostic]]
    /// `WarningsPage.byRule`.
    let findingsByRule: [(rule: String, diagnostics: [Diagnostic])]
    /// Whole or partial ISO weeks that meet the range, in order.
    let weeks: [ISOWeek]
    let severityCounts: (error: Int, warning: Int, notice: Int)
    /// The navigation of each section's pages (`Chrome.sections`).
    let navigation: [String: Navigation]
    private let diagnosticViewCache = DiagnosticViewCache()
    /// The estimated bytes of each day's chips (`CrowdedDays`), for the days of the range that have items.
    var dayBytes: [LocalDate: Int] { weighing.byDay }
    /// The chips' estimated bytes by item, day, month and week (`CrowdedDays`).
    let weighing: CrowdedDays.Weighing
    /// The months too full for one page (`CrowdedDays`).
    let crowdedMonths: Set<YearMonth>
    /// The weeks whose pages are split (`SiteModel.weekPages`).
    let crowdedWeeks: Set<ISOWeek>
    /// Each day's label, anchor, week link and calendar marks (`DayTable`).
    var days: DayTable { dayTable.table }
    private let dayTable = DayTableSlot()

    /// Diagnostics by item, date and persona, in report order within each.
    struct Grouped: Sendable {
        let byItem: TextKeyed<[Diagnostic]>
        let byDate: [LocalDate: [Diagnostic]]
        let byPersona: [String: [Diagnostic]]
        let severityCounts: (error: Int, warning: Int, notice: Int)
        /// `WarningsPage.byRule`: the warnings pages and their signatures read it.
        let byRule: [(rule: String, diagnostics: [Diagnostic])]

        init(_ diagnostics: [Diagnostic]) {
            var byItem = TextKeyed<[Diagnostic]>()
            var byDate: [LocalDate: [Diagnostic]] = [:]
            var byPersona: [String: [Diagnostic]] = [:]
            var counts = (error: 0, warning: 0, notice: 0)
            for diagnostic in diagnostics {
                if let item = diagnostic.itemID { byItem[item, default: []].append(diagnostic) }
                if let date = diagnostic.date { byDate[date, default: []].append(diagnostic) }
                if let persona = diagnostic.persona { byPersona[persona, default: []].append(diagnostic) }
                switch diagnostic.severity {
                case .error: counts.error += 1
                case .warning: counts.warning += 1
                case .notice: counts.notice += 1
                }
            }
            self.byItem = byItem
            self.byDate = byDate
            self.byPersona = byPersona
            severityCounts = counts
            byRule = WarningsPage.byRule(diagnostics)
        }
    }

    /// - Parameter reusingChips: chips of a previous render (serve) for items whose inputs are unchanged,
    ///   by position in `plan.items` (or empty).
    /// - Parameter previousChips: the previous render's table, when the plan lists the same item ids in the
    ///   same order: only the chips not reused are put into a copy of it.
    /// - Parameter previousWeighing: the previous render's `weighing`, with `previousChips`: patched for the chips not reused.
    init(
        plan: Plan, diagnostics: [Diagnostic], grouped: Grouped? = nil, language: Language, today: LocalDate,
        reusingChips: [ItemChip?] = [], previousChips: TextKeyed<ItemChip>? = nil, previousWeighing: CrowdedDays.Weighing? = nil
    ) {
        self.plan = plan
        self.diagnostics = diagnostics
        self.language = language
        self.strings = UIStrings.strings(for: language)
        sharedStrings = SharedStrings(strings)
        self.today = today
        let grouped = grouped ?? Grouped(diagnostics)
        diagnosticsByItem = grouped.byItem
        diagnosticsByDate = grouped.byDate
        diagnosticsByPersona = grouped.byPersona
        findingsByRule = grouped.byRule
        let context = ItemChip.Context(plan: plan, language: language)
        let items = plan.items
        if var chips = previousChips, reusingChips.count == items.count {
            var changed: [Int] = []
            for (offset, item) in items.enumerated() where reusingChips[offset] == nil {
                chips[item.id] = ItemChip(item: item, context: context, diagnostics: grouped.byItem[item.id] ?? [])
                changed.append(offset)
            }
            self.chips = chips
            let table = chips
            weighing = previousWeighing?.patched(changed, items: items, config: plan.config) { table[items[$0].id] }
                ?? CrowdedDays.Weighing(items, config: plan.config, chips: zip(items, reusingChips).map { $1 ?? table[$0.id] })
        } else {
            var chips = TextKeyed<ItemChip>(minimumCapacity: items.count)
            let made = Self.chips(items, reusing: reusingChips, context: context, grouped: grouped)
            for (item, chip) in zip(items, made) {
                chips[item.id] = chip
            }
            self.chips = chips
            weighing = CrowdedDays.Weighing(items, config: plan.config, chips: made)
        }
        var weeks: [ISOWeek] = []
        var monday = plan.config.start.weekStart
        while monday <= plan.config.end {
            weeks.append(monday.isoWeek)
            monday = monday.adding(days: 7)
        }
        self.weeks = weeks
        crowdedMonths = weighing.crowdedMonths
        crowdedWeeks = weighing.crowdedWeeks
        severityCounts = grouped.severityCounts
        var navigation: [String: Navigation] = [:]
        for section in Chrome.sections {
            navigation[section] = Navigation(Chrome.navigation(strings: strings, weeks: weeks, plan: plan, today: today, current: section))
        }
        self.navigation = navigation
        dayTable.table = DayTable(model: self)
    }

    /// Where the day table goes once the rest of the model is made (it reads the model).
    private final class DayTableSlot: @unchecked Sendable {  // written once, in `init`, before the model is shared
        var table = DayTable.empty
    }

    func text(_ localized: Localized) -> String { localized.text(language) }

    func themeClass(_ themeID: String?) -> String {
        guard let themeID, let index = plan.config.themes.firstIndex(where: { $0.id == themeID }) else { return "t-none" }
        return "t\(index)"
    }

    /// Each item's chip, by position, made on every core: ten thousand chips were a tenth of a second before any page could start.
    private static func chips(_ items: [Item], reusing: [ItemChip?], context: ItemChip.Context, grouped: Grouped) -> [ItemChip] {
        let made = ConcurrentResults<ItemChip>(count: items.count)
        let batch = 256
        DispatchQueue.concurrentPerform(iterations: (items.count + batch - 1) / batch) { part in
            for offset in part * batch..<min(items.count, (part + 1) * batch) {
                let item = items[offset]
                // Not `??`: its autoclosure would copy the context (a hundred interface strings) for every chip.
                if offset < reusing.count, let reused = reusing[offset] {
                    made.set(offset, reused)
                } else {
                    made.set(offset, ItemChip(item: item, context: context, diagnostics: grouped.byItem[item.id] ?? []))
                }
            }
        }
        return made.values
    }

    func reviewState(of item: Item) -> ReviewState? { plan.reviewState(of: item) }

    func personaName(_ id: String) -> String { plan.persona(id)?.name ?? id }
    /// A person's alias (people files hold no real names); an unknown id shows as written.
    func personName(_ id: String) -> String { plan.person(id)?.alias ?? id }

    func dateLabel(_ date: LocalDate) -> String { days[date]?.label ?? makeDateLabel(date) }

    func makeDateLabel(_ date: LocalDate) -> String {
        let weekday = strings.weekdays[date.isoWeekday - 1]
        switch language {
        case .zhCN: return "\(date.month)月\(date.day)日 \(weekday)"
        case .en: return "\(weekday) \(date)"
        }
    }

    /// Whether `slot-clash` reported the item: the week grid marks its cell
    /// with exactly the rule's findings (its kinds, its severity settings,
    /// its suppressions) rather than deciding clashes a second way.
    func hasSlotClash(_ item: Item) -> Bool {
        diagnosticsByItem[item.id]?.contains { $0.ruleID == Self.slotClash } ?? false
    }

    private static let slotClash = SlotClashRule().id

    /// Each finding as pages show it, made once per render however many pages list it
    /// (its item, its persona, its segments, its rule's warnings page).
    func diagnosticViews(_ diagnostics: [Diagnostic]) -> [DiagnosticView] {
        diagnostics.map { diagnostic in diagnosticViewCache.view(of: diagnostic) { DiagnosticView($0, model: self) } }
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

/// A diagnostic as pages show it, made once per finding however many pages
/// list it (`SiteModel.diagnosticViews`), with its template value and signature.
final class DiagnosticView: SharedTemplateValue, Sendable {
    let diagnostic: Diagnostic
    let shown: DiagnosticFields
    let value: TemplateValue
    let signature: Int

    init(_ diagnostic: Diagnostic, model: SiteModel) {
        self.diagnostic = diagnostic
        shown = DiagnosticFields(diagnostic, model: model)
        value = shown.templateValue
        signature = shown.signature
    }

    func fields<Visitor: FieldVisitor>(_ visitor: inout Visitor) { shown.fields(&visitor) }
}

/// What a diagnostic shows.
struct DiagnosticFields: Sendable, TemplateFields {
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

    struct RelatedView: Sendable, TemplateFields {
        let location: String
        let message: String
        let href: String?

        func fields<Visitor: FieldVisitor>(_ visitor: inout Visitor) {
            visitor.field(FieldKey.location, location)
            visitor.field(FieldKey.message, message)
            visitor.field(FieldKey.href, href)
        }
    }

    init(_ diagnostic: Diagnostic, model: SiteModel) {
        rule = diagnostic.ruleID
        severity = diagnostic.severity.rawValue
        severityLabel = model.text(diagnostic.severity.label)
        message = model.text(diagnostic.message)
        hint = diagnostic.hint.map(model.text)
        location = diagnostic.location.description
        let item = diagnostic.itemID.flatMap { model.plan.item($0) }
        itemHref = item.map { SitePath.encode(SitePath.item($0.id)) }
        itemTitle = item?.title
        related = diagnostic.related.map { related in
            RelatedView(
                location: related.location.description, message: model.text(related.message),
                href: related.itemID.flatMap { model.plan.item($0) }.map { SitePath.encode(SitePath.item($0.id)) })
        }
        hasRelated = !diagnostic.related.isEmpty
    }

    func fields<Visitor: FieldVisitor>(_ visitor: inout Visitor) {
        visitor.field(FieldKey.rule, rule)
        visitor.field(FieldKey.severity, severity)
        visitor.field(FieldKey.severityLabel, severityLabel)
        visitor.field(FieldKey.message, message)
        visitor.field(FieldKey.hint, hint)
        visitor.field(FieldKey.location, location)
        visitor.field(FieldKey.itemHref, itemHref)
        visitor.field(FieldKey.itemTitle, itemTitle)
        visitor.field(FieldKey.related, related)
        visitor.field(FieldKey.hasRelated, hasRelated)
    }
}

/// Diagnostic views by fingerprint, made as pages ask (from any thread); a
/// view is reused only for a diagnostic equal to the one it was made from.
final class DiagnosticViewCache: @unchecked Sendable {  // guarded by `lock`
    private var views: [String: [DiagnosticView]] = [:]
    private let lock = NSLockShim()

    func view(of diagnostic: Diagnostic, _ make: (Diagnostic) -> DiagnosticView) -> DiagnosticView {
        if let known = lock.withLock({ views[diagnostic.fingerprint]?.first { $0.diagnostic == diagnostic } }) { return known }
        let view = make(diagnostic)
        lock.withLock { views[diagnostic.fingerprint, default: []].append(view) }
        return view
    }
}
