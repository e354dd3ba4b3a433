/// What a reference names: the things plan.yml and personas/ declare.
public enum NameKind: String, Sendable, CaseIterable {
    case persona, theme, segment, group, action, person

    public var label: Localized {
        switch self {
        case .persona: return Localized(zh: "人设", en: "persona")
        case .theme: return Localized(zh: "主题", en: "theme")
        case .segment: return Localized(zh: "客群", en: "segment")
        case .group: return Localized(zh: "社群", en: "group")
        case .action: return Localized(zh: "信任动作", en: "trust action")
        case .person: return Localized(zh: "人物", en: "person")
        }
    }
}

/// How a name written in a file resolves.
public enum NameMatch: Equatable, Sendable {
    /// The canonical id.
    case found(String)
    /// Two or more things answer to the name: their ids, sorted.
    case ambiguous([String])
    case unknown
}

/// Names as people say them (spec 11.1): a persona by its id or its `name`,
/// a theme, segment or group by its id or `label`, a trust action by its id
/// or its Chinese or English label. A name two things answer to is
/// ambiguous, whichever of them has it as its id. Import (CSV) and the
/// resolver read names through this one index, and write canonical ids.
public struct NameIndex: Sendable {
    /// One declared thing: its id and the names it answers to.
    public struct Entry: Sendable {
        public let id: String
        public let display: String
        public let names: [String]

        public init(id: String, display: String, names: [String]) {
            self.id = id
            self.display = display
            self.names = names
        }
    }

    private struct Table: Sendable {
        var entries: [Entry] = []
        /// Name → ids (sorted, unique).
        var exact: [String: [String]] = [:]
        /// Lower-cased name → ids, for `Product promotion` written `product promotion`.
        var folded: [String: [String]] = [:]

        init(_ entries: [Entry]) {
            self.entries = entries
            for entry in entries {
                for name in Set([entry.id] + entry.names) where !name.isEmpty {
                    Self.add(entry.id, under: name, to: &exact)
                    Self.add(entry.id, under: name.lowercased(), to: &folded)
                }
            }
        }

        private static func add(_ id: String, under name: String, to table: inout [String: [String]]) {
            var ids = table[name, default: []]
            guard !ids.contains(id) else { return }
            ids.append(id)
            ids.sort()
            table[name] = ids
        }

        func match(_ text: String) -> NameMatch {
            let name = MappingReader.trimmingSpaces(text)
            guard let ids = exact[name] ?? folded[name.lowercased()] else { return .unknown }
            return ids.count == 1 ? .found(ids[0]) : .ambiguous(ids)
        }
    }

    private let tables: [NameKind: Table]

    public init(personas: [Entry], themes: [Entry], segments: [Entry], groups: [Entry], actions: [Entry], people: [Entry] = []) {
        tables = [
            .persona: Table(personas), .theme: Table(themes), .segment: Table(segments), .group: Table(groups),
            .action: Table(actions), .person: Table(people),
        ]
    }

    /// The index of a plan's declarations, its personas (id and name each)
    /// and its people (id and alias each).
    public init(config: PlanConfig, personas: [(id: String, name: String)], people: [(id: String, alias: String)] = []) {
        self.init(
            personas: personas.map { Entry(id: $0.id, display: $0.name, names: [$0.name]) },
            themes: config.themes.map { Entry(id: $0.id, display: $0.label, names: [$0.label]) },
            segments: config.segments.map { Entry(id: $0.id, display: $0.label, names: [$0.label]) },
            groups: config.groups.map { Entry(id: $0.id, display: $0.label, names: [$0.label]) },
            actions: config.actions.map { Entry(id: $0.id, display: $0.label.zh, names: [$0.label.zh, $0.label.en]) },
            people: people.map { Entry(id: $0.id, display: $0.alias, names: [$0.alias]) })
    }

    public init(plan: Plan) {
        self.init(config: plan.config, personas: plan.personas.map { ($0.id, $0.name) }, people: plan.people.map { ($0.id, $0.alias) })
    }

    public func resolve(_ text: String, as kind: NameKind) -> NameMatch {
        tables[kind]?.match(text) ?? .unknown
    }

    /// The canonical id, or nil when the name is unknown or ambiguous.
    public func id(of text: String, as kind: NameKind) -> String? {
        if case .found(let id) = resolve(text, as: kind) { return id }
        return nil
    }

    /// What a page shows for an id: a persona's name, a label.
    public func display(of id: String, as kind: NameKind) -> String? {
        tables[kind]?.entries.first { $0.id == id }?.display
    }

    /// Every id and name of a kind, for did-you-mean suggestions.
    public func names(of kind: NameKind) -> [String] {
        guard let table = tables[kind] else { return [] }
        return Array(Set(table.entries.flatMap { [$0.id] + $0.names })).sorted()
    }

    /// The ids of a kind, in declared order.
    public func ids(of kind: NameKind) -> [String] {
        tables[kind]?.entries.map(\.id) ?? []
    }
}

extension ItemStatus {
    /// A status by its id (`published`), its Chinese name (`已发布`) or its
    /// English one (`Published`), under every locale.
    public init?(name: String) {
        let text = MappingReader.trimmingSpaces(name)
        if let status = ItemStatus(rawValue: text.lowercased()) {
            self = status
            return
        }
        guard let status = ItemStatus.allCases.first(where: { $0.label.zh == text || $0.label.en.lowercased() == text.lowercased() })
        else { return nil }
        self = status
    }
}
