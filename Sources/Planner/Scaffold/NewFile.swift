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
        let pipeline = Pipeline(content: contentDirectory, today: today)
        let checked = pipeline.check()
        guard let plan = checked.plan, let today = checked.today else {
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
        let day = fields.date ?? max(today, plan.config.start)
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
        let baseline = Set(checked.result.diagnostics.map(\.fingerprint))
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
            if pipeline.breaksNothing(adding: text, at: path, to: checked, baseline: baseline) { return (path, text) }
        }
        throw Failure(description: "No free slot from \(day) to \(plan.config.end) where a new \(itemKind.singular) breaks no rule.")
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
            "---", "（人设故事 / the persona's story）",
        ]
        return ("personas/\(id).md", lines.joined(separator: "\n") + "\n")
    }
}
