import Foundation

/// The ids a spreadsheet cell may name, each with the display names people
/// type for it. Import turns a name into its id; export turns an id into
/// its display name. Personas, themes, segments, groups, trust actions and
/// statuses are matched as item files match them (SPEC §11.1: the
/// resolver's `NameIndex` and `ItemStatus(name:)`); the vocabularies only a
/// sheet names (kinds, slots, formats, triggers, channels) by this table.
struct NameTable: Sendable {
    struct Entry: Sendable {
        let id: String
        /// Other names than the id that mean this entry.
        let names: [String]
        /// What export writes.
        let display: Localized
    }

    let what: Localized
    let entries: [Entry]
    /// Folded id or name → the ids it means, in entry order.
    private let index: [String: [String]]
    /// Every id and name, for did-you-mean.
    private let candidates: [String]

    /// The shared matcher, when the names are those item files use.
    private let matcher: (@Sendable (String) -> Outcome)?

    init(what: Localized, entries: [Entry], matcher: (@Sendable (String) -> Outcome)? = nil) {
        self.what = what
        self.entries = entries
        self.matcher = matcher
        var index: [String: [String]] = [:]
        for entry in entries {
            for name in [entry.id] + entry.names where !(index[Self.folded(name)] ?? []).contains(entry.id) {
                index[Self.folded(name), default: []].append(entry.id)
            }
        }
        self.index = index
        candidates = entries.flatMap { [$0.id] + $0.names }
    }

    enum Outcome: Equatable {
        case found(String)
        /// Matches none; the closest known id or name, if one is close.
        case unknown(guess: String?)
        /// Matches more than one entry (their ids).
        case ambiguous([String])
    }

    /// An id or a name, compared case-insensitively after trimming; an
    /// entry that matches by id and another by name are both listed.
    func resolve(_ value: String) -> Outcome {
        if let matcher { return matcher(value) }
        let matches = index[Self.folded(value)] ?? []
        if matches.count == 1 { return .found(matches[0]) }
        if matches.count > 1 { return .ambiguous(matches.sorted()) }
        return .unknown(guess: DidYouMean.suggestion(for: value, among: candidates))
    }

    func display(_ id: String, _ language: Language) -> String {
        entries.first { $0.id == id }?.display.text(language) ?? id
    }

    /// `xiaozhao（小招）、xiaoying（小影）` for a hint.
    var known: Localized {
        let listed = entries.prefix(16).map { entry in (entry.id, entry.names.first { $0 != entry.id }) }
        return Localized(
            zh: listed.map { id, name in name.map { "\(id)（\($0)）" } ?? id }.joined(separator: "、"),
            en: listed.map { id, name in name.map { "\(id) (\($0))" } ?? id }.joined(separator: ", "))
    }

    private static let blanks = CharacterSet.whitespaces.union(CharacterSet(charactersIn: "\u{3000}"))

    private static func folded(_ text: String) -> String {
        text.trimmingCharacters(in: blanks).lowercased()
    }
}

/// Every name table of one plan.
struct SheetNames: Sendable {
    let kinds: NameTable
    let personas: NameTable
    let themes: NameTable
    let segments: NameTable
    let groups: NameTable
    let slots: NameTable
    let actions: NameTable
    let statuses: NameTable
    let formats: NameTable
    let triggers: NameTable
    let vias: NameTable

    /// Short names of kinds that people write in a sheet beside the labels
    /// (keyed by folder, so a kind added later needs only its entry here).
    static let kindShortNames: [String: [String]] = [
        "moments": ["朋友圈"], "topics": ["社群话题", "话题"], "surprises": ["惊喜"], "chats": ["私聊"],
    ]

    init(plan: Plan) {
        let config = plan.config
        kinds = NameTable(
            what: Localized(zh: "类型", en: "kind"),
            entries: ItemKind.allCases.map { kind in
                let short = Self.kindShortNames[kind.rawValue] ?? []
                return NameTable.Entry(
                    id: kind.rawValue, names: [kind.singular, kind.label.zh, kind.label.en] + short,
                    display: Localized(zh: short.first ?? kind.label.zh, en: kind.label.en))
            })
        let index = NameIndex(plan: plan)
        func shared(_ kind: NameKind, _ entries: [NameTable.Entry]) -> NameTable {
            NameTable(what: kind.label, entries: entries) { value in
                switch index.resolve(value, as: kind) {
                case .found(let id): return .found(id)
                case .ambiguous(let ids): return .ambiguous(ids)
                case .unknown: return .unknown(guess: DidYouMean.suggestion(for: value, among: index.names(of: kind)))
                }
            }
        }
        personas = shared(.persona, plan.personas.map { NameTable.Entry(id: $0.id, names: [$0.name], display: Localized($0.name)) })
        themes = shared(.theme, config.themes.map { NameTable.Entry(id: $0.id, names: [$0.label], display: Localized($0.label)) })
        segments = shared(.segment, config.segments.map { NameTable.Entry(id: $0.id, names: [$0.label], display: Localized($0.label)) })
        groups = shared(.group, config.groups.map { NameTable.Entry(id: $0.id, names: [$0.label], display: Localized($0.label)) })
        actions = shared(
            .action, config.actions.map { NameTable.Entry(id: $0.id, names: [$0.label.zh, $0.label.en], display: $0.label) })
        slots = NameTable(
            what: Localized(zh: "时段", en: "slot"),
            entries: config.slots.map { NameTable.Entry(id: $0.id, names: [], display: Localized($0.id)) })
        let statusWhat = Localized(zh: "状态", en: "status")
        statuses = NameTable(
            what: statusWhat,
            entries: ItemStatus.allCases.map { NameTable.Entry(id: $0.rawValue, names: [$0.label.zh, $0.label.en], display: $0.label) }
        ) { value in
            ItemStatus(name: value).map { .found($0.rawValue) }
                ?? .unknown(guess: DidYouMean.suggestion(for: value, among: ItemStatus.allCases.flatMap { [$0.rawValue, $0.label.zh] }))
        }
        formats = Self.table(Localized(zh: "形式", en: "format"), TopicFormat.allCases.map { ($0.rawValue, $0.label) })
        triggers = Self.table(Localized(zh: "触发", en: "trigger"), SurpriseTrigger.allCases.map { ($0.rawValue, $0.label) })
        vias = Self.table(Localized(zh: "方式", en: "via"), SurpriseChannel.allCases.map { ($0.rawValue, $0.label) })
    }

    /// The table a single-name column resolves against, if it names things.
    func table(for column: SheetColumn) -> NameTable? {
        switch column {
        case .kind: return kinds
        case .persona: return personas
        case .theme: return themes
        case .segments: return segments
        case .group: return groups
        case .slot: return slots
        case .action: return actions
        case .status: return statuses
        case .format: return formats
        case .trigger: return triggers
        case .via: return vias
        default: return nil
        }
    }

    private static func table(_ what: Localized, _ values: [(String, Localized)]) -> NameTable {
        NameTable(what: what, entries: values.map { NameTable.Entry(id: $0.0, names: [$0.1.zh, $0.1.en], display: $0.1) })
    }
}
