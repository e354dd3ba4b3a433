/// An item that needs a compliance sign-off (`review_required`: by default the
/// promotional themes and `sales` chats) that is `ready` or `published`
/// without one, or whose body changed after it was signed (SPEC 11.5).
struct ReviewRequiredRule: Rule {
    let id = "review-required"
    let scope = RuleScope.item
    let defaultSeverity = Severity.error
    let summary = Localized(
        zh: "需要合规审核的内容（review_required：默认推广主题和销售私聊）已是就绪或已发布，却没有签发（review），或签发后正文又改过",
        en: "An item that needs a compliance sign-off (`review_required`: by default promotional themes and `sales` chats) is `ready` or `published` without `review`, or its body changed after it was signed")
    let explanation = Localized(
        zh: "银行的产品文案发出前必须有合规签字。签发记下的是当时正文的哈希：正文改一个字，签字就不再算数，要重新审。这样发出去的每一条都确实是审过的那一版。",
        en: "A bank's product copy needs compliance's signature before it goes out. The sign-off records a hash of the body as signed: change one character and the signature no longer counts until it is signed again, so what goes out is exactly what was reviewed.")
    let example = Localized(
        zh: "status: ready 的产品推广朋友圈没有 review，或签发后改了收益率那句话",
        en: "A product-promotion moment with status: ready and no review, or edited after it was signed")

    func check(_ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        for item in context.coveredItems where item.status == .ready || item.status == .published {
            guard context.config.requiresReview(item) else { continue }
            let key = item.keyLocations["review"] != nil ? "review" : "status"
            switch context.plan.reviewState(of: item) {
            case .signed?, nil: continue
            case .changed?:
                let who = item.review?.by.map { Localized(zh: "\($0) ", en: " by \($0)") } ?? Localized(zh: "", en: "")
                findings.append(
                    Finding(
                        item: item, key: key,
                        message: Localized(
                            zh: "这条\(item.kind.noun.zh)的正文在 \(who.zh)签发后改过，签发不再有效。",
                            en: "This \(item.kind.noun.en)'s body changed after it was signed off\(who.en); the sign-off no longer holds."),
                        hint: Localized(
                            zh: "请合规再看一遍改过的正文，然后运行 plan-build review sign \(item.id) --by 姓名。",
                            en: "Have compliance read the changed body, then run plan-build review sign \(item.id) --by NAME."),
                        identity: [item.id, "changed"]))
            case .pending?:
                findings.append(
                    Finding(
                        item: item, key: key,
                        message: Localized(
                            zh: "这条\(item.kind.noun.zh)需要合规签发，却已是\(item.status.label.zh)，还没有签发。",
                            en: "This \(item.kind.noun.en) needs a compliance sign-off and is already \(item.status.label.en.lowercased()) without one."),
                        hint: Localized(
                            zh: "审过后运行 plan-build review sign \(item.id) --by 姓名；没审完就把 status 改回 draft。",
                            en: "Once reviewed, run plan-build review sign \(item.id) --by NAME; until then set status back to draft."),
                        identity: [item.id, "unsigned"]))
            }
        }
        return findings
    }
}
