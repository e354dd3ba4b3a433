/// The six-dimension persona card, shared by persona pages and the playbook.
struct PersonaCard: Sendable, TemplateFields {
    let id: String
    let href: String
    let name: String
    let initial: String
    let personaClass: String
    let avatar: String?
    let identity: String?
    let signature: String?
    let personality: String?
    let story: String
    let catchphrases: [String]
    let banned: [String]
    let hasCatchphrases: Bool
    let hasBanned: Bool
    let disclaimer: String?
    let themes: String
    let channels: String
    let segments: String
    /// The working period in words (`2026-12-15 起；暂停 …`), nil when the persona always works.
    let period: String?
    let periodLabel: String

    init(_ persona: Persona, model: SiteModel) {
        id = persona.id
        href = SitePath.encode(SitePath.persona(persona.id))
        name = persona.name
        initial = Initials.of(persona.name)
        personaClass = model.plan.personas.firstIndex { $0.id == persona.id }.map { "pa\($0 % Initials.colours)" } ?? "pa-none"
        avatar = persona.avatar.map(SitePath.encode)
        identity = persona.identity
        signature = persona.signature
        personality = persona.personality
        story = MarkdownRenderer().html(persona.story)
        catchphrases = persona.catchphrases
        banned = persona.banned
        hasCatchphrases = !persona.catchphrases.isEmpty
        hasBanned = !persona.banned.isEmpty
        disclaimer = persona.disclaimer
        let config = model.plan.config
        themes = (persona.themes ?? config.themes.map(\.id)).map { config.theme($0)?.label ?? $0 }.joined(separator: "、")
        channels = (persona.channels ?? ItemKind.allCases).map { model.text($0.label) }.joined(separator: "、")
        segments = (persona.segments ?? config.segments.map(\.id)).map { config.segment($0)?.label ?? $0 }.joined(separator: "、")
        period = Self.describe(persona.period).map(model.text)
        periodLabel = model.text(Localized(zh: "工作期", en: "Working period"))
    }

    static func describe(_ period: PersonaPeriod) -> Localized? {
        guard !period.isAlways else { return nil }
        var zh: [String] = []
        var en: [String] = []
        switch (period.start, period.end) {
        case let (start?, end?):
            zh.append("\(start) 至 \(end)")
            en.append("\(start) to \(end)")
        case let (start?, nil):
            zh.append("\(start) 起")
            en.append("from \(start)")
        case let (nil, end?):
            zh.append("到 \(end) 为止")
            en.append("until \(end)")
        case (nil, nil):
            break
        }
        for pause in period.pauses {
            let reason = pause.reason.map { (zh: "（\($0)）", en: " (\($0))") } ?? (zh: "", en: "")
            zh.append("暂停 \(pause.from) 至 \(pause.to)\(reason.zh)")
            en.append("pause \(pause.from) to \(pause.to)\(reason.en)")
        }
        return Localized(zh: zh.joined(separator: "；"), en: en.joined(separator: "; "))
    }

    func fields<Visitor: FieldVisitor>(_ visitor: inout Visitor) {
        visitor.field(FieldKey.id, id)
        visitor.field(FieldKey.href, href)
        visitor.field(FieldKey.name, name)
        visitor.field(FieldKey.initial, initial)
        visitor.field(FieldKey.personaClass, personaClass)
        visitor.field(FieldKey.avatar, avatar)
        visitor.field(FieldKey.identity, identity)
        visitor.field(FieldKey.signature, signature)
        visitor.field(FieldKey.personality, personality)
        visitor.field(FieldKey.story, story)
        visitor.field(FieldKey.catchphrases, catchphrases)
        visitor.field(FieldKey.banned, banned)
        visitor.field(FieldKey.hasCatchphrases, hasCatchphrases)
        visitor.field(FieldKey.hasBanned, hasBanned)
        visitor.field(FieldKey.disclaimer, disclaimer)
        visitor.field(FieldKey.themes, themes)
        visitor.field(FieldKey.channels, channels)
        visitor.field(FieldKey.segments, segments)
        visitor.field(FieldKey.period, period)
        visitor.field(FieldKey.periodLabel, periodLabel)
    }
}
