/// Reported by the rule engine after suppressions are applied.
struct SuppressionRule: Rule {
    var concern: RuleConcern { .files }
    let id = "suppression"
    let defaultSeverity = Severity.warning
    let summary = Localized(
        zh: "ignore 没写理由，或者没有压制任何问题", en: "An `ignore` without a reason, or one that suppressed nothing")
    let explanation = Localized(
        zh: "每一次破例都要写清理由，审阅的人才知道是有意为之；不再需要的破例要删掉，免得掩盖以后的问题。",
        en: "Every exception needs a reason so reviewers know it is deliberate; one that no longer applies would hide future problems.")
    let example = Localized(zh: "ignore: {posts-per-day: \"\"}", en: "ignore: {posts-per-day: \"\"}")
}
