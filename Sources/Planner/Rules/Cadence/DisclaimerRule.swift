/// A promotional item by a persona with a `disclaimer` whose body lacks it.
/// The comparison ignores whitespace (a line break inside the sentence is
/// fine) and the case of Latin letters; everything else must match.
struct DisclaimerRule: Rule {
    let id = "disclaimer"
    let scope = RuleScope.item
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
        context.coveredItems.compactMap { item in
            guard context.isPromotional(item), let persona = context.plan.persona(item.persona),
                let disclaimer = persona.disclaimer?.trimmingCharacters(in: .whitespacesAndNewlines), !disclaimer.isEmpty,
                !Self.contains(item.body, disclaimer)
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

    /// Whether the body holds the disclaimer, whitespace and Latin case aside.
    /// Written out word for word (the usual case), it is found in the body as
    /// it stands; otherwise both are folded and stripped of whitespace.
    static func contains(_ body: String, _ disclaimer: String) -> Bool {
        let needle = FoldedText(disclaimer, droppingWhitespace: true).bytes
        // Without whitespace and with nothing folding could make, a match in the
        // raw body is a match in the folded, stripped one.
        if FoldedText.isFoldStable(needle) && needle.elementsEqual(disclaimer.utf8) {
            var body = body
            if body.withUTF8({ !FoldedText.occurrences(of: [needle], in: $0)[0].isEmpty }) { return true }
        }
        return FoldedText(body, droppingWhitespace: true).contains(needle)
    }
}
