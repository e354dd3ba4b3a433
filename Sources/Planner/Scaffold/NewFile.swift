import Foundation

/// `plan-build new <kind>`: one new item or persona file with full front
/// matter and a body skeleton; `--next-free` picks the first slot where the
/// new item breaks no rule.
public struct NewFile: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case moment, topic, surprise, persona
    }

    public struct Fields: Sendable {
        public var stem: String?
        public var date: LocalDate?
        public var slot: String?
        public var time: LocalTime?
        public var persona: String?
        public var theme: String?
        public var title: String?
        public var group: String?
        public var format: String?
        public var segments: [String] = []
        public var trigger: String?
        public var via: String?
        public var gift: String?
        public var action: String?
        public var status: String?
        public var owner: String?
        public var tags: [String] = []
        public var name: String?
        public var identity: String?
        public var signature: String?
        public var personality: String?

        public init() {}
    }

    public let contentDirectory: URL
    public let kind: Kind
    public let fields: Fields
    public let nextFree: Bool
    public let today: LocalDate?

    public init(contentDirectory: URL, kind: Kind, fields: Fields, nextFree: Bool, today: LocalDate?) {
        self.contentDirectory = contentDirectory
        self.kind = kind
        self.fields = fields
        self.nextFree = nextFree
        self.today = today
    }

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Writes the file; returns its path under the content folder.
    public func write() throws -> String {
        let (path, text) = try plan()
        _ = try Scaffold.write([(path, text)], under: contentDirectory)
        return path
    }

    /// The path under content/ and the text, without writing.
    public func plan() throws -> (String, String) {
        if kind == .persona { return personaFile() }
        let loaded = PlanLoader(contentDirectory: contentDirectory).load()
        guard let plan = loaded.plan else {
            throw Failure(description: "plan.yml cannot be read; run plan-build check to see why.")
        }
        let itemKind: ItemKind = kind == .moment ? .moment : kind == .topic ? .topic : .surprise
        let zh = plan.config.locale == .zhCN
        guard let persona = fields.persona ?? plan.personas.first?.id else {
            throw Failure(description: "There is no persona yet; create one with plan-build new persona ID --name NAME.")
        }
        let theme = fields.theme ?? (itemKind == .surprise ? nil : plan.config.themes.first(where: { !$0.promotional })?.id)
        let group = fields.group ?? plan.config.groups.first(where: { $0.owner == persona })?.id ?? plan.config.groups.first?.id
        var segments = fields.segments
        if itemKind == .surprise && segments.isEmpty, let first = plan.config.segments.first?.id { segments = [first] }
        let title = fields.title ?? (itemKind == .moment ? nil : (zh ? "新的\(itemKind.label.zh)" : "New \(itemKind.label.en.lowercased())"))
        var candidates: [(LocalDate, String?, LocalTime?)]
        let day = fields.date ?? max(today ?? LocalDate.today(in: plan.config.timezone), plan.config.start)
        if nextFree {
            candidates = []
            var date = day
            while date <= plan.config.end {
                if let time = fields.time {
                    candidates.append((date, nil, time))
                } else {
                    for slot in plan.config.slots.sorted(by: { $0.time < $1.time }) where fields.slot == nil || fields.slot == slot.id {
                        candidates.append((date, slot.id, nil))
                    }
                }
                date = date.adding(days: 1)
            }
        } else {
            candidates = [(day, fields.time == nil ? (fields.slot ?? plan.config.slots.first?.id) : nil, fields.time)]
        }
        let baseline = Set(RuleEngine().run(plan: plan, stageDiagnostics: [], today: today ?? day).map(\.fingerprint))
        for (date, slot, time) in candidates {
            let stem = fields.stem ?? defaultStem(date: date, title: title, zh: zh)
            let folder = itemKind == .moment ? "moments/\(LocalDate.pad(date.year, 4))-\(LocalDate.pad(date.month, 2))"
                : itemKind == .topic ? "topics/\(group ?? "general")" : "surprises"
            let path = "\(folder)/\(stem).md"
            var values = Scaffold.ItemValues(
                slot: slot, time: time, persona: persona, theme: theme, title: title, segments: segments, gift: fields.gift,
                action: fields.action, owner: fields.owner, tags: fields.tags)
            if let group { values.group = group }
            if let format = fields.format { values.format = format }
            if let trigger = fields.trigger { values.trigger = trigger }
            if let via = fields.via { values.via = via }
            if let status = fields.status { values.status = status }
            let text = Scaffold.item(kind: itemKind, date: date, values: values, zh: zh, index: 0)
            guard nextFree else { return (path, text) }
            if FileManager.default.fileExists(atPath: contentDirectory.appendingPathComponent(path).path) { continue }
            if breaksNothing(text: text, path: path, plan: plan, baseline: baseline, today: today ?? day) { return (path, text) }
        }
        throw Failure(description: "No free slot from \(day) to \(plan.config.end) where a new \(itemKind.singular) breaks no rule.")
    }

    private func breaksNothing(text: String, path: String, plan: Plan, baseline: Set<String>, today: LocalDate) -> Bool {
        let top = String(path.split(separator: "/").first ?? "")
        guard let kind = ItemKind(rawValue: top) else { return false }
        let entry = SourceEntry(
            role: .item(kind), relativePath: path, displayPath: path, absolutePath: contentDirectory.appendingPathComponent(path).path)
        let (document, problems) = DocumentDecoder(maximumFileSize: FrontMatterSplitter.defaultMaximumSize).decode(entry: entry, data: Data(text.utf8))
        guard problems.allSatisfy({ $0.severity != .error }), case .item(let decoded) = document else { return false }
        let resolver = Resolver(config: plan.config, assets: Set(plan.assets), contentPrefix: plan.contentPrefix)
        let personas = Dictionary(plan.personas.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let (item, refs) = resolver.resolve(decoded, personas: personas)
        guard let item, refs.isEmpty else { return false }
        let trial = Plan(config: plan.config, personas: plan.personas, items: plan.items + [item], assets: plan.assets, contentPrefix: plan.contentPrefix)
        // A new item never makes a gap (空窗); it may only shorten or split one, which gives
        // the rest a new range and fingerprint: such gap findings (on no item) are not new.
        return RuleEngine().run(plan: trial, stageDiagnostics: [], today: today).allSatisfy {
            baseline.contains($0.fingerprint) || ($0.ruleID == "posts-per-day" && $0.itemID == nil)
        }
    }

    private func defaultStem(date: LocalDate, title: String?, zh: Bool) -> String {
        let words = (title ?? (zh ? "新内容" : "new"))
            .unicodeScalars.map { CharacterSet.alphanumerics.contains($0) ? String($0) : "-" }.joined()
            .split(separator: "-").joined(separator: "-")
        let slug = String(words.prefix(24))
        return "\(LocalDate.pad(date.day, 2))-\(slug.isEmpty ? "new" : slug)"
    }

    private func personaFile() -> (String, String) {
        let id = fields.stem ?? "persona"
        let name = fields.name ?? id
        var lines = ["---", "name: \(Scaffold.yamlScalar(name))", "# avatar: assets/\(id).png"]
        lines.append("identity: \(Scaffold.yamlScalar(fields.identity ?? ""))")
        lines.append("signature: \(Scaffold.yamlScalar(fields.signature ?? ""))")
        lines.append("personality: \(Scaffold.yamlScalar(fields.personality ?? ""))")
        lines += [
            "catchphrases: []", "banned: []", "# disclaimer: 理财有风险，投资需谨慎",
            "# themes: [professional, life, interaction, promotion]", "# channels: [moments, topics, surprises]", "# segments: []",
            "# start: 2026-12-01", "# end: 2026-12-31", "# pauses: [{from: 2026-12-24, to: 2026-12-26, reason: 年假}]",
            "---", "（人设故事 / the persona's story）",
        ]
        return ("personas/\(id).md", lines.joined(separator: "\n") + "\n")
    }
}
