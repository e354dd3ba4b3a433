/// An item with a theme its persona's `themes` does not allow.
struct PersonaThemeRule: Rule {
    let id = "persona-theme"
    let scope = RuleScope.item
    let defaultSeverity = Severity.warning
    let summary = Localized(zh: "内容的主题不在人设允许的主题之内", en: "A theme the persona does not allow")
    let explanation = Localized(
        zh: "人设说什么、不说什么，客户心里有数；一个只聊跑步和理财的人突然发别的，会显得不协调，信任感也跟着打折。",
        en: "Customers know what a persona talks about and what it does not; a runner-and-adviser who suddenly posts something else feels off, and trust suffers.")
    let example = Localized(
        zh: "人设 themes: [professional, life]，内容却写 theme: promotion",
        en: "The persona allows themes: [professional, life], the item says theme: promotion")

    func check(_ context: RuleContext) -> [Finding] {
        context.coveredItems.compactMap { item in
            // An undeclared theme or persona is unknown-ref's business.
            guard let theme = item.theme, context.config.theme(theme) != nil,
                let persona = context.plan.persona(item.persona), !persona.allows(theme: theme)
            else { return nil }
            let allowed = persona.themes.map { $0.isEmpty ? "—" : $0.joined(separator: ", ") } ?? ""
            return Finding(
                item: item, key: "theme",
                message: Localized(
                    zh: "\(persona.name) 的人设不发\(context.themeName(theme).zh)主题的内容（允许：\(allowed)）。",
                    en: "\(persona.name)'s persona does not post \(context.themeName(theme).en) content (allowed: \(allowed))."),
                hint: Localized(
                    zh: "换一个允许的主题，换一个人设来发，或在人设的 themes 里加上它。",
                    en: "Pick an allowed theme, give the item to another persona, or add the theme to the persona's themes."),
                identity: [item.id, theme])
        }
    }
}
