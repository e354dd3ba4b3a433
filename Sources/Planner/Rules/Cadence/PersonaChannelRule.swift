/// An item of a kind (channel) its persona's `channels` does not allow.
struct PersonaChannelRule: Rule {
    let id = "persona-channel"
    let scope = RuleScope.item
    let defaultSeverity = Severity.warning
    let summary = Localized(
        zh: "内容所在的渠道不在人设的 channels 之内", en: "An item of a kind (channel) the persona's `channels` does not allow")
    let explanation = Localized(
        zh: "每个人设只在约定的渠道出现，客户才知道去哪里找你；一个只做社群的人设突然发朋友圈，会让人觉得换了个人。",
        en: "A persona appears only where agreed, so customers know where to find it; a group-only persona suddenly posting moments feels like a different person.")
    let example = Localized(
        zh: "人设 channels: [topics]，却写了一条朋友圈",
        en: "The persona has channels: [topics] but posts a moment")

    func check(_ context: RuleContext) -> [Finding] {
        context.coveredItems.compactMap { item in
            guard let persona = context.plan.persona(item.persona), !persona.allows(kind: item.kind) else { return nil }
            let allowed = persona.channels.map { $0.isEmpty ? "—" : $0.map(\.rawValue).joined(separator: ", ") } ?? ""
            return Finding(
                item: item, key: "persona",
                message: Localized(
                    zh: "\(persona.name) 不在\(item.kind.label.zh)渠道出现（允许：\(allowed)）。",
                    en: "\(persona.name) does not post \(item.kind.rawValue) (allowed channels: \(allowed))."),
                hint: Localized(
                    zh: "交给在这个渠道出现的人设，或在人设的 channels 里加上 \(item.kind.rawValue)。",
                    en: "Give it to a persona on this channel, or add \(item.kind.rawValue) to the persona's channels."),
                identity: [item.id])
        }
    }
}
