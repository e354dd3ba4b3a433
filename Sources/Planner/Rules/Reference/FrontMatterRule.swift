/// Reported by the decoder: YAML that does not parse, a missing required key,
/// a wrong type, a bad date or time.
struct FrontMatterRule: Rule {
    var concern: RuleConcern { .files }
    let id = "front-matter"
    let defaultSeverity = Severity.error
    let summary = Localized(
        zh: "YAML 无法解析（包括输入法打出的全角冒号、全角空格、全角逗号和中文引号）、缺少必填键、类型不对、日期或时间无效",
        en: "YAML that does not parse (input-method slips included: full-width colons, spaces and commas, curly quotes); a missing required key; a wrong type; a bad date or time")
    let explanation = Localized(
        zh: "文件头写错了，这条内容就排不进日历，到了那天也没人会发。用中文输入法写文件头时，“：”“　”“，”“、”和中文引号最容易混进来，看着一样，YAML 却不认。",
        en: "An item whose front matter is broken cannot be placed on the calendar, so nobody posts it on the day. Typed with a Chinese input method, “：”, “　”, “，”, “、” and curly quotes slip in easily: they look right, but YAML does not read them.")
    let example = Localized(
        zh: "theme：life  # 全角冒号，应为 theme: life",
        en: "theme：life  # a full-width colon: write theme: life")
}

/// Reported by the decoder: a key nobody reads.
struct UnknownKeyRule: Rule {
    var concern: RuleConcern { .files }
    let id = "unknown-key"
    let defaultSeverity = Severity.warning
    let summary = Localized(zh: "没有任何地方读取的键（附拼写建议）", en: "A key nobody reads (with a did-you-mean)")
    let explanation = Localized(
        zh: "拼错的键会被悄悄忽略：你以为写了标题，页面上却没有。",
        en: "A misspelt key is silently ignored: you think you set the title, but the page shows none.")
    let example = Localized(zh: "tittle: 晨跑打卡  # 应为 title", en: "tittle: Morning run  # did you mean title?")
}

/// Reported by the resolver: a reference to something not declared.
struct UnknownRefRule: Rule {
    var concern: RuleConcern { .files }
    let id = "unknown-ref"
    let defaultSeverity = Severity.error
    let summary = Localized(
        zh: "引用了未声明的人设、主题、时段、客群、社群或信任动作，或一个名字同时指两样东西（id 和名称都可以引用）",
        en: "A persona, theme, slot, segment, group or action that is not declared, or a name two of them share (ids and names both work)")
    let explanation = Localized(
        zh: "引用不存在的人设或客群，这条内容就不知道由谁发、发给谁。",
        en: "An item that names a persona or segment that does not exist has nobody to post it and nobody to reach.")
    let example = Localized(zh: "persona: xiaozao  # 应为 xiaozhao", en: "persona: xiaozao  # did you mean xiaozhao?")
}

/// Reported by the loader: two files that claim the same id.
struct DuplicateIDRule: Rule {
    var concern: RuleConcern { .files }
    let id = "duplicate-id"
    let defaultSeverity = Severity.error
    let summary = Localized(zh: "两个文件声明了同一个 id", en: "Two files that claim the same id")
    let explanation = Localized(
        zh: "两个文件同名（如 a.md 与 a.markdown），页面和日历只能留下一个，另一个就丢了。",
        en: "Two files with one id (a.md and a.markdown) become one page; the other one is lost.")
    let example = Localized(
        zh: "moments/12/01-晨跑.md 与 moments/12/01-晨跑.markdown",
        en: "moments/12/01-run.md and moments/12/01-run.markdown")
}

/// Reported by the resolver: an image or avatar that does not exist.
struct MissingFileRule: Rule {
    var concern: RuleConcern { .files }
    let id = "missing-file"
    let defaultSeverity = Severity.error
    let summary = Localized(zh: "图片或头像文件不存在", en: "An image or avatar that does not exist")
    let explanation = Localized(
        zh: "配图缺失，朋友圈发出去就只剩文字，或者发错图。",
        en: "A missing picture means the post goes out with text only, or with the wrong picture.")
    let example = Localized(zh: "images: [assets/晨跑.jpg]  # 文件不存在", en: "images: [assets/run.jpg]  # no such file")
}
