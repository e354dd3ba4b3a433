import Foundation

/// `plan-build new <kind>`: one new item or persona file with full front
/// matter and a placeholder body of its own; `--next-free` spreads new items
/// over the days and slots where they break no rule (`SlotSearch`).
public struct NewFile: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case moment, topic, surprise, chat, persona
        /// A recurring column (`series/<id>.md`, SPEC 11.6).
        case series
        /// A customer a surprise or chat is planned around (`people/<id>.md`).
        case person
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

    /// Why `new` wrote nothing, in both languages (the CLI picks one).
    public struct Failure: Error, CustomStringConvertible {
        public let message: Localized

        public init(_ message: Localized) { self.message = message }
        public init(zh: String, en: String) { message = Localized(zh: zh, en: en) }

        public var description: String { message.en }
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
        if kind == .person { return personFile() }
        let (plan, today, pipeline) = try NewFile.loadPlan(contentDirectory, today: today)
        if kind == .series { return try seriesFile(plan: plan, today: today) }
        let itemKind: ItemKind = kind == .moment ? .moment : kind == .topic ? .topic : kind == .chat ? .chat : .surprise
        let persona = try NewFile.persona(fields.persona, in: plan)
        let theme = try fields.theme.map { try NewFile.theme($0, in: plan) }
            ?? (itemKind == .surprise || itemKind == .chat ? nil : plan.config.themes.first(where: { !$0.promotional && persona.allows(theme: $0.id) })?.id)
        if let slot = fields.slot, plan.config.slot(slot) == nil {
            let known = plan.config.slots.map(\.id)
            throw Failure(
                zh: "plan.yml 里没有时段“\(slot)”；现有：\(known.joined(separator: "、"))。",
                en: "plan.yml has no slot “\(slot)”; there are: \(known.joined(separator: ", ")).")
        }
        let day = fields.date ?? max(today, plan.config.start)
        let draft = Draft(contentDirectory: contentDirectory, plan: plan, kind: itemKind, persona: persona, fields: fields)
        guard nextFree else {
            let slot = fields.time == nil ? (fields.slot ?? plan.config.slots.first?.id) : nil
            return draft.file(date: day, slot: slot, time: fields.time, theme: theme, taken: [])
        }
        let trial = TrialRun(plan: plan, pipeline: pipeline, contentDirectory: contentDirectory, today: today)
        return try SlotSearch(draft: draft, trial: trial).first(from: day, theme: theme)
    }

    /// The plan through the pipeline's load and resolve stages, and the day
    /// the rules take as today (`--today`, else the real date in the plan's timezone).
    static func loadPlan(_ contentDirectory: URL, today: LocalDate?) throws -> (Plan, LocalDate, Pipeline) {
        let pipeline = Pipeline(content: contentDirectory, today: today)
        guard let plan = pipeline.load().plan else {
            throw Failure(
                zh: "读不了 plan.yml；运行 plan-build check 看看原因。",
                en: "plan.yml cannot be read; run plan-build check to see why.")
        }
        return (plan, pipeline.today(for: plan.config), pipeline)
    }

    /// A persona by id or by `name`; none given means the only (or first) one.
    static func persona(_ reference: String?, in plan: Plan) throws -> Persona {
        guard let reference else {
            guard let first = plan.personas.first else {
                throw Failure(
                    zh: "还没有人设；先用 plan-build new persona ID --name 名字 建一个。",
                    en: "There is no persona yet; create one with plan-build new persona ID --name NAME.")
            }
            return first
        }
        if let persona = plan.persona(reference) { return persona }
        let named = plan.personas.filter { $0.name == reference }
        if named.count == 1 { return named[0] }
        let known = plan.personas.map { "\($0.id)（\($0.name)）" }.joined(separator: "、")
        let knownEN = plan.personas.map { "\($0.id) (\($0.name))" }.joined(separator: ", ")
        if named.count > 1 {
            throw Failure(
                zh: "“\(reference)”同时是 \(named.map(\.id).joined(separator: "、")) 的名字；请用 id。",
                en: "“\(reference)” is the name of \(named.map(\.id).joined(separator: ", ")); use the id.")
        }
        throw Failure(zh: "没有人设“\(reference)”；现有：\(known)。", en: "There is no persona “\(reference)”; there are: \(knownEN).")
    }

    /// A theme id, found by id or `label`.
    static func theme(_ reference: String, in plan: Plan) throws -> String {
        if plan.config.theme(reference) != nil { return reference }
        let labelled = plan.config.themes.filter { $0.label == reference }
        if labelled.count == 1 { return labelled[0].id }
        let known = plan.config.themes.map { "\($0.id)（\($0.label)）" }.joined(separator: "、")
        let knownEN = plan.config.themes.map { "\($0.id) (\($0.label))" }.joined(separator: ", ")
        throw Failure(zh: "没有主题“\(reference)”；现有：\(known)。", en: "There is no theme “\(reference)”; there are: \(knownEN).")
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

    /// An alias only: people files never hold a real name, a phone or an ID number.
    private func personFile() -> (String, String) {
        let id = fields.stem ?? "person"
        var lines = [
            "---", "# 只写化名，不写真实姓名、电话或证件号 / an alias only: never a real name, phone or ID number",
            "alias: \(Scaffold.yamlScalar(fields.name ?? id))",
        ]
        lines.append(fields.segments.first.map { "segment: \(Scaffold.yamlScalar($0))" } ?? "# segment: payroll")
        lines += [
            "dates:", "  birthday: \(fields.date.map { "\(LocalDate.pad($0.month, 2))-\(LocalDate.pad($0.day, 2))" } ?? "01-01")   # MM-DD: every year",
            "  # anniversary: 06-18", "  # joined: 2026-03-01        # YYYY-MM-DD: once", "---", "",
        ]
        return ("people/\(id).md", lines.joined(separator: "\n"))
    }

    /// A weekly series of moments on the weekday of `--date` (default: the plan's start).
    private func seriesFile(plan: Plan, today: LocalDate) throws -> (String, String) {
        let id = fields.stem ?? "series"
        let persona = try NewFile.persona(fields.persona, in: plan)
        let theme = try fields.theme.map { try NewFile.theme($0, in: plan) }
            ?? plan.config.themes.first(where: { !$0.promotional && persona.allows(theme: $0.id) })?.id ?? "life"
        let from = fields.date ?? max(today, plan.config.start)
        let weekday = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"][from.isoWeekday - 1]
        let zh = plan.config.locale == .zhCN
        var lines = ["---", "kind: moments   # moments | topics | surprises | chats", "persona: \(persona.id)", "theme: \(theme)"]
        if let time = fields.time { lines.append("time: \"\(time)\"") } else {
            lines.append("slot: \(fields.slot ?? plan.config.slots.first?.id ?? "morning")")
        }
        lines.append("title: \(Scaffold.yamlScalar(fields.title ?? (zh ? "固定栏目 · 第 {{n}} 期" : "Column no. {{n}}")))")
        if let status = fields.status { lines.append("status: \(status)") }
        if let owner = fields.owner { lines.append("owner: \(Scaffold.yamlScalar(owner))") }
        lines += [
            "repeat:", "  every: week       # day | week | month", "  on: [\(weekday)]", "  from: \(from)", "  # until: \(plan.config.end)",
            "  # except: []", "  holidays: keep    # skip: no occurrence on a public holiday", "---",
            zh ? "第 {{n}} 期（{{date}}）：" : "No. {{n}} ({{date}}):", "",
        ]
        let path = "series/\(id).md"
        if FileManager.default.fileExists(atPath: contentDirectory.appendingPathComponent(path).path) {
            throw Failure(zh: "\(path) 已经存在，不会覆盖。", en: "\(path) exists already; it is not overwritten.")
        }
        return (path, lines.joined(separator: "\n"))
    }
}

/// Everything about a new item but its day, time and theme: turns those into
/// a file path (never one that exists) and the file's text.
struct Draft {
    let contentDirectory: URL
    let plan: Plan
    let kind: ItemKind
    let persona: Persona
    let fields: NewFile.Fields

    var zh: Bool { plan.config.locale == .zhCN }

    var group: String? {
        fields.group ?? plan.config.groups.first(where: { $0.owner == persona.id })?.id ?? plan.config.groups.first?.id
    }

    func file(date: LocalDate, slot: String?, time: LocalTime?, theme: String?, taken: Set<String>) -> (String, String) {
        let title = fields.title ?? (kind == .moment ? nil : (zh ? "新的\(kind.label.zh)" : "New \(kind.label.en.lowercased())"))
        var segments = fields.segments
        if (kind == .surprise || kind == .chat) && segments.isEmpty, let first = plan.config.segments.first(where: { persona.serves(segment: $0.id) })?.id {
            segments = [first]
        }
        let folder = kind == .moment ? "moments/\(LocalDate.pad(date.year, 4))-\(LocalDate.pad(date.month, 2))"
            : kind == .topic ? "topics/\(group ?? "general")" : kind == .chat ? "chats" : "surprises"
        let label = theme.flatMap { plan.config.theme($0)?.label }
        // A stem given by the user is kept as it is (and refused if it exists); a made-up one steps aside.
        let path = fields.stem.map { "\(folder)/\($0).md" }
            ?? freePath(folder: folder, stem: defaultStem(date: date, slot: slot, time: time, words: title ?? label), taken: taken)
        var values = Scaffold.ItemValues(
            slot: slot, time: time, persona: persona.id, theme: theme, title: title, segments: segments, gift: fields.gift,
            action: fields.action, owner: fields.owner, tags: fields.tags)
        if let group { values.group = group }
        if let format = fields.format { values.format = format }
        if let trigger = fields.trigger { values.trigger = trigger }
        if let via = fields.via { values.via = via }
        if let status = fields.status { values.status = status }
        let promotional = theme.flatMap { plan.config.theme($0)?.promotional } ?? false
        values.body = Placeholder.body(
            Placeholder.Context(
                kind: kind, date: date, slot: slot, time: time ?? slot.flatMap { id in plan.config.slot(id).map { plan.config.time(ofSlot: $0, on: date) } },
                personaName: persona.name, themeLabel: label, disclaimer: promotional ? persona.disclaimer : nil),
            zh: zh)
        return (path, Scaffold.item(kind: kind, date: date, values: values, zh: zh))
    }

    /// `14-xiaozhao-noon-生活日常`: the day, the persona (when the plan has
    /// several), the slot and a few words, so a week of new files reads well
    /// in a folder listing.
    private func defaultStem(date: LocalDate, slot: String?, time: LocalTime?, words: String?) -> String {
        let slug = String((words ?? (zh ? "新内容" : "new"))
            .unicodeScalars.map { CharacterSet.alphanumerics.contains($0) ? String($0) : "-" }.joined()
            .split(separator: "-").joined(separator: "-").prefix(24))
        let when = slot ?? time.map { "\(LocalDate.pad($0.hour, 2))\(LocalDate.pad($0.minute, 2))" }
        let who = plan.personas.count > 1 ? persona.id : nil
        return [LocalDate.pad(date.day, 2), who, when, slug.isEmpty ? nil : slug].compactMap { $0 }.joined(separator: "-")
    }

    /// The path, or the first of `-2`, `-3`… after it that neither exists nor is taken.
    private func freePath(folder: String, stem: String, taken: Set<String>) -> String {
        var candidate = "\(folder)/\(stem).md"
        var number = 2
        while taken.contains(candidate) || FileManager.default.fileExists(atPath: contentDirectory.appendingPathComponent(candidate).path) {
            candidate = "\(folder)/\(stem)-\(number).md"
            number += 1
        }
        return candidate
    }
}
