/// Each rule's name as a page titles it (the warnings pages): a few plain
/// words, where the id (`min-gap`) is what plan.yml and the command line use.
enum RuleNames {
    static func name(_ ruleID: String, language: Language) -> String {
        names[ruleID]?.text(language) ?? ruleID
    }

    static let names: [String: Localized] = [
        "front-matter": Localized(zh: "文件头写法有误", en: "Front matter mistakes"),
        "merge-conflict": Localized(zh: "留有合并冲突标记", en: "Merge conflict markers left"),
        "unknown-key": Localized(zh: "不认识的键", en: "Unknown keys"),
        "unknown-ref": Localized(zh: "找不到引用的对象", en: "References to nothing"),
        "duplicate-id": Localized(zh: "编号重复", en: "Duplicate ids"),
        "missing-file": Localized(zh: "图片或文件不存在", en: "Missing files"),
        "out-of-range": Localized(zh: "日期在计划或在岗期之外", en: "Dates outside the plan or the persona's service"),
        "posts-per-day": Localized(zh: "每天朋友圈条数", en: "Moments per day"),
        "min-gap": Localized(zh: "两条朋友圈间隔太近", en: "Moments too close together"),
        "slot-clash": Localized(zh: "同一时间两条内容", en: "Two items at one time"),
        "quiet-hours": Localized(zh: "免打扰时段发内容", en: "Items in quiet hours"),
        "theme-streak": Localized(zh: "同一主题连发", en: "One theme too many times in a row"),
        "theme-mix": Localized(zh: "每周主题配比不足", en: "Weekly theme mix short"),
        "promo-streak": Localized(zh: "连续多天推广", en: "Promotion on too many days in a row"),
        "promo-share": Localized(zh: "推广占比过高", en: "Too much promotion"),
        "persona-theme": Localized(zh: "人设不该发的主题", en: "Themes outside the persona"),
        "persona-channel": Localized(zh: "人设不用的渠道", en: "Channels outside the persona"),
        "persona-segment": Localized(zh: "人设不服务的客群", en: "Segments the persona does not serve"),
        "persona-group": Localized(zh: "话题不是群主发起", en: "Topics not started by the group's owner"),
        "group-per-day": Localized(zh: "社群一天话题太多", en: "Too many group topics in a day"),
        "group-per-week": Localized(zh: "社群一周话题太少", en: "Too few group topics in a week"),
        "format-streak": Localized(zh: "同一话题形式连用", en: "One topic format too many times in a row"),
        "touch-cap": Localized(zh: "触达过多（过度运营）", en: "Too many touches (over-contact)"),
        "touch-floor": Localized(zh: "触达太少（七次法则）", en: "Too few touches (rule of seven)"),
        "surprise-spacing": Localized(zh: "惊喜间隔太近", en: "Surprises too close together"),
        "surprise-coverage": Localized(zh: "客群久无惊喜", en: "Segments without a surprise"),
        "person-day": Localized(zh: "客户的日子没人记得", en: "Customers' days with nothing planned"),
        "stage-fit": Localized(zh: "触达不合信任层级", en: "Touches that miss the trust stage"),
        "banned-word": Localized(zh: "出现禁用词", en: "Banned words"),
        "disclaimer": Localized(zh: "推广缺风险提示", en: "Promotion without its disclaimer"),
        "image-count": Localized(zh: "配图超过 9 张", en: "More than nine images"),
        "duplicate-copy": Localized(zh: "文案重复使用", en: "Copy used again"),
        "review-required": Localized(zh: "缺少合规签发", en: "Compliance sign-off missing"),
        "stale-draft": Localized(zh: "过期仍是草稿", en: "Drafts past their date"),
        "future-published": Localized(zh: "未到日期已标发布", en: "Published before their date"),
        "engagement-drop": Localized(zh: "互动率连续走低", en: "Interaction falling for weeks"),
        "weekly-model": Localized(zh: "每周轻量模型未做满", en: "Weekly model not met"),
        "quiet-day": Localized(zh: "静默日发推广", en: "Promotion on quiet days"),
        "holiday-touch": Localized(zh: "节日有客群没触达", en: "Festivals without a touch for a segment"),
        "calendar-data": Localized(zh: "缺少节假日数据的年份", en: "Years without holiday data"),
        "suppression": Localized(zh: "破例写法有误", en: "Ignores without reason or effect"),
    ]
}
