/// Reported by the decoder: git conflict markers left in a content file.
/// A file with them gets no other diagnostic (see `RuleEngine`): its keys
/// and copy are two versions at once, so any other finding would be noise.
struct MergeConflictRule: Rule {
    var concern: RuleConcern { .files }
    static let ruleID = "merge-conflict"
    let id = MergeConflictRule.ruleID
    let defaultSeverity = Severity.error
    let summary = Localized(
        zh: "文件里留着 git 合并冲突标记（<<<<<<< … ======= … >>>>>>>）",
        en: "Git conflict markers (<<<<<<< … ======= … >>>>>>>) left in a content file")
    let explanation = Localized(
        zh: "合并时没解决的冲突会把两个版本连同标记一起发出去：客户看到的是一段乱码似的文案，人设的专业形象一下子就没了。",
        en: "An unresolved merge publishes both versions and the markers between them: the customer reads garbled copy, and the persona's professional image is gone at once.")
    let example = Localized(
        zh: "<<<<<<< HEAD\n今晚 8 点直播\n=======\n今晚 9 点直播\n>>>>>>> 改时间",
        en: "<<<<<<< HEAD\nLive at 8 tonight\n=======\nLive at 9 tonight\n>>>>>>> new-time")
}
