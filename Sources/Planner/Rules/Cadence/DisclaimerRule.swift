/// A promotional item by a persona with a `disclaimer` whose body lacks it.
/// The comparison ignores whitespace (a line break inside the sentence is
/// fine) and the case of Latin letters; everything else must match.
struct DisclaimerRule: Rule {
    let id = "disclaimer"
    let defaultSeverity = Severity.error
    let summary = Localized(
        zh: "推广主题的内容缺少人设的风险提示（disclaimer）",
        en: "An item of a promotional theme, by a persona with a `disclaimer`, whose body lacks that text")
    let explanation = Localized(
        zh: "推广理财产品必须讲清风险，这是监管要求，也是对客户负责。先说风险再讲收益，客户才会觉得你是站在他这边的。",
        en: "Promoting a financial product without stating its risk breaks the rules and the customer's trust alike; stating the risk first shows you are on their side.")
    let example = Localized(
        zh: "theme: promotion 的朋友圈里没有“理财有风险，投资需谨慎”",
        en: "A theme: promotion moment without “理财有风险，投资需谨慎”")

    func check(_ context: RuleContext) -> [Finding] {
        context.plan.items.compactMap { item in
            guard context.isPromotional(item), let persona = context.plan.persona(item.persona),
                let disclaimer = persona.disclaimer?.trimmingCharacters(in: .whitespacesAndNewlines), !disclaimer.isEmpty,
                !FoldedText(item.body, droppingWhitespace: true).contains(FoldedText(disclaimer, droppingWhitespace: true).bytes)
            else { return nil }
            return Finding(
                item: item, key: "theme",
                message: Localized(
                    zh: "这条推广\(item.kind.noun.zh)缺少 \(persona.name) 的风险提示“\(disclaimer)”。",
                    en: "This promotional \(item.kind.noun.en) lacks \(persona.name)'s disclaimer “\(disclaimer)”."),
                hint: Localized(
                    zh: "在正文里原样加上“\(disclaimer)”。", en: "Add “\(disclaimer)” to the body, word for word."),
                identity: [item.id])
        }
    }
}
