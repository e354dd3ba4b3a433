/// A moment with more than `max` images (the moments feed holds nine).
struct ImageCountRule: Rule {
    let id = "image-count"
    let scope = RuleScope.item
    let defaultSeverity = Severity.error
    let options = [
        RuleOption("max", .integer, default: .integer(9), Localized(zh: "一条朋友圈最多几张图", en: "Most images in one moment")),
    ]
    let summary = Localized(zh: "一条朋友圈超过 9 张图", en: "A moment with more than 9 images")
    let explanation = Localized(
        zh: "朋友圈一次最多发 9 张图，多出来的发不出去；到了发的时候临时删图，往往删掉的正是最要紧的那张。",
        en: "A moment holds at most nine images; the rest cannot be posted, and pictures cut in a hurry on the day are often the ones that mattered.")
    let example = Localized(zh: "images: 列了 10 张图", en: "images: lists 10 pictures")

    func check(_ context: RuleContext) -> [Finding] {
        let maximum = context.options.integer("max")
        return context.coveredItems.filter { $0.kind == .moment && $0.images.count > maximum }.map { item in
            Finding(
                item: item, key: "images",
                message: Localized(
                    zh: "这条朋友圈有 \(item.images.count) 张图，一条朋友圈最多 \(maximum) 张。",
                    en: "This moment has \(item.images.count) images; a moment holds at most \(maximum)."),
                hint: Localized(
                    zh: "挑出最好的 \(maximum) 张，其余的拆成另一条。", en: "Keep the best \(maximum) and move the rest to another moment."),
                identity: [item.id])
        }
    }
}
