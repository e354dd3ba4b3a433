/// A topic posted by a persona that is not its group's owner.
struct PersonaGroupRule: Rule {
    let id = "persona-group"
    let scope = RuleScope.item
    let defaultSeverity = Severity.warning
    let summary = Localized(zh: "社群话题不是由群主人设发起", en: "A topic by a persona that is not the group's owner")
    let explanation = Localized(
        zh: "群友信任的是熟悉的群主。话题由另一个人设发起，大家会觉得群换了主人，熟悉感和凝聚力都会受影响。",
        en: "Members trust the group's familiar host. A topic started by another persona feels like the group changed hands, and familiarity and cohesion suffer.")
    let example = Localized(
        zh: "runners 群的群主是 xiaozhao，话题却写 persona: xiaoying",
        en: "The runners group is owned by xiaozhao, but the topic says persona: xiaoying")

    func check(_ context: RuleContext) -> [Finding] {
        context.coveredItems.compactMap { item in
            guard item.kind == .topic, let groupID = item.group, let group = context.config.group(groupID),
                let owner = group.owner, owner != item.persona
            else { return nil }
            return Finding(
                item: item, key: "persona",
                message: Localized(
                    zh: "社群\(context.groupName(groupID).zh)的群主是 \(context.personaName(owner))，这个话题却由 \(context.personaName(item.persona)) 发起。",
                    en: "The group \(context.groupName(groupID).en) is owned by \(context.personaName(owner)), but this topic is by \(context.personaName(item.persona))."),
                hint: Localized(
                    zh: "改成 persona: \(owner)，或在 plan.yml 里调整群主。",
                    en: "Use persona: \(owner), or change the group's owner in plan.yml."),
                identity: [item.id])
        }
    }
}
