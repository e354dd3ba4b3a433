/// Every piece of interface text the built-in theme shows, in one language.
/// Templates read them as `{{t.name}}`.
public struct UIStrings: Sendable {
    public let lang: String
    public let calendar, weeks, week, personas, persona, groups, group, segments, segment, playbook, warnings: String
    public let items, item, legend, filters, all, kind, theme, status, date, time, slot, owner, tags, action: String
    public let title, copy, images, diagnostics, noDiagnostics, edit, source, schedule, themeMix, touches: String
    public let surprises, trustActions, unused, used, topics, format, moments, trigger, via, gift, today: String
    public let outsideRange, identity, signature, personality, story, catchphrases, banned, disclaimer: String
    public let channels, served, allowed, rules, rulesIntro, copyButton, copied, printHint, previous, next: String
    public let months, previousMonth, nextMonth, jumpToToday, otherMonths, ruleNameColumn, pages, allGroups, allSegments: String
    public let monday, tuesday, wednesday, thursday, friday, saturday, sunday: String
    public let errors, notices, warningCount, rule, severity, message, file, hint, related, count, none: String
    public let touchCap, touchFloor, perWeek, stage, segmentsLabel, feed, feedAll, subscribe, day, name: String
    public let skip, clash, openItem, generatedBy, empty, off, options, example, why, applyFilters: String
    public let showing, scrollHint, chartLegend, statusMarks, noJSFilters, touchesAll, overCap, days, fewestIn30Days, capPerWeek, floorPer30Days, plainText, colon, printButton: String
    public let tierNeeds, effectiveTouches, broadcasts, promoShareLimit, review, reviewPending, reviewSigned, reviewChanged, chats, purpose, person, people: String

    /// A slot's name as people say it; an unknown slot id shows as it is.
    public func slotLabel(_ id: String) -> String {
        guard let names = Self.slotNames[id] else { return id }
        return lang == "zh-CN" ? names.zh : names.en
    }

    /// Made once: every chip asks.
    private static let slotNames: [String: (zh: String, en: String)] = [
        "dawn": ("清晨", "Dawn"), "morning": ("早上", "Morning"), "commute": ("通勤", "Commute"),
        "noon": ("午间", "Noon"), "lunch": ("午饭", "Lunch"), "afternoon": ("下午", "Afternoon"),
        "evening": ("晚上", "Evening"), "night": ("夜间", "Night"),
    ]

    public var weekdays: [String] { [monday, tuesday, wednesday, thursday, friday, saturday, sunday] }

    public static func strings(for language: Language) -> UIStrings {
        switch language {
        case .zhCN: return zh
        case .en: return en
        }
    }

    static let zh = UIStrings(
        lang: "zh-CN", calendar: "日历", weeks: "周视图", week: "周", personas: "人设", persona: "人设",
        groups: "社群", group: "社群", segments: "客群", segment: "客群", playbook: "执行手册", warnings: "问题",
        items: "内容", item: "内容", legend: "图例", filters: "筛选", all: "全部", kind: "渠道", theme: "主题",
        status: "状态", date: "日期", time: "时间", slot: "时段", owner: "负责人", tags: "标签", action: "信任动作",
        title: "标题", copy: "文案", images: "配图", diagnostics: "检查结果", noDiagnostics: "没有发现问题。",
        edit: "编辑此文件", source: "源文件", schedule: "排期", themeMix: "主题配比", touches: "触达",
        surprises: "惊喜", trustActions: "信任动作", unused: "未使用", used: "已使用", topics: "社群话题",
        format: "形式", moments: "朋友圈", trigger: "触发", via: "方式", gift: "礼物", today: "今天",
        outsideRange: "计划范围之外", identity: "身份", signature: "签名", personality: "性格", story: "故事",
        catchphrases: "口头禅", banned: "禁用词", disclaimer: "风险提示", channels: "渠道", served: "服务客群",
        allowed: "允许的主题", rules: "规则", rulesIntro: "本计划按以下规则检查（白话版）：", copyButton: "复制文案",
        copied: "已复制", printHint: "打印：A4 纸，每天的内容尽量排在同一页。", previous: "上一周", next: "下一周",
        months: "月份", previousMonth: "上个月", nextMonth: "下个月", jumpToToday: "跳到今天", otherMonths: "其他月份",
        ruleNameColumn: "问题", pages: "分页", allGroups: "全部社群", allSegments: "全部客群",
        monday: "周一", tuesday: "周二", wednesday: "周三", thursday: "周四", friday: "周五", saturday: "周六",
        sunday: "周日", errors: "错误", notices: "提示", warningCount: "警告", rule: "规则", severity: "级别",
        message: "说明", file: "文件", hint: "建议", related: "相关", count: "数量", none: "无",
        touchCap: "触达上限", touchFloor: "触达下限", perWeek: "每周", stage: "信任层级", segmentsLabel: "客群",
        feed: "日历订阅", feedAll: "全部内容的日历订阅（.ics）", subscribe: "订阅", day: "日", name: "名字",
        skip: "跳到正文", clash: "时间冲突", openItem: "查看", generatedBy: "由 plan-build 生成", empty: "（空）",
        off: "已关闭", options: "选项", example: "示例", why: "为什么", applyFilters: "筛选内容",
        showing: "当前显示", scrollHint: "表格较宽，可左右滑动查看整周。", chartLegend: "颜色对应主题",
        statusMarks: "状态：构思（点线）、草稿（虚线）、就绪（实线）、已发布（✓）",
        noJSFilters: "筛选即时生效；也可以打开各人设页面查看其排期。", touchesAll: "全部触达（含朋友圈）",
        overCap: "超过上限", days: "天", fewestIn30Days: "30 天内最少有效触达", capPerWeek: "每 7 天（有效触达）",
        floorPer30Days: "每 30 天（有效触达）；图中按每周折算", plainText: "纯文本（可全选复制）", colon: "：", printButton: "打印本周",
        tierNeeds: "这一层需要的信任动作", effectiveTouches: "有效触达（计入七次法则）", broadcasts: "广播（不计入）",
        promoShareLimit: "推广占比上限（30 天）", review: "合规签发", reviewPending: "待签发", reviewSigned: "已签发",
        reviewChanged: "签发后已改动，需重签", chats: "私聊", purpose: "目的", person: "客户", people: "客户")

    static let en = UIStrings(
        lang: "en", calendar: "Calendar", weeks: "Weeks", week: "Week", personas: "Personas", persona: "Persona",
        groups: "Groups", group: "Group", segments: "Segments", segment: "Segment", playbook: "Playbook",
        warnings: "Warnings", items: "Items", item: "Item", legend: "Legend", filters: "Filters", all: "All",
        kind: "Channel", theme: "Theme", status: "Status", date: "Date", time: "Time", slot: "Slot", owner: "Owner",
        tags: "Tags", action: "Trust action", title: "Title", copy: "Copy", images: "Images",
        diagnostics: "Diagnostics", noDiagnostics: "No problems found.", edit: "Edit this file", source: "Source",
        schedule: "Schedule", themeMix: "Theme mix", touches: "Touches", surprises: "Surprises",
        trustActions: "Trust actions", unused: "Unused", used: "Used", topics: "Group topics", format: "Format",
        moments: "Moments", trigger: "Trigger", via: "Via", gift: "Gift", today: "Today",
        outsideRange: "Outside the planned range", identity: "Identity", signature: "Signature",
        personality: "Personality", story: "Story", catchphrases: "Catchphrases", banned: "Banned words",
        disclaimer: "Disclaimer", channels: "Channels", served: "Segments served", allowed: "Allowed themes",
        rules: "Rules", rulesIntro: "This plan is checked against these rules, in plain words:",
        copyButton: "Copy", copied: "Copied", printHint: "Prints on A4, each day kept on one page where it fits.",
        previous: "Previous week", next: "Next week",
        months: "Months", previousMonth: "Previous month", nextMonth: "Next month", jumpToToday: "Jump to today",
        otherMonths: "Other months", ruleNameColumn: "Problem", pages: "Pages", allGroups: "All groups",
        allSegments: "All segments", monday: "Mon", tuesday: "Tue", wednesday: "Wed",
        thursday: "Thu", friday: "Fri", saturday: "Sat", sunday: "Sun", errors: "Errors", notices: "Notices",
        warningCount: "Warnings", rule: "Rule", severity: "Severity", message: "Message", file: "File", hint: "Hint",
        related: "Related", count: "Count", none: "None", touchCap: "Touch cap", touchFloor: "Touch floor",
        perWeek: "per week", stage: "Trust stage", segmentsLabel: "Segments", feed: "Calendar feed",
        feedAll: "Calendar feed of every item (.ics)", subscribe: "Subscribe", day: "Day", name: "Name",
        skip: "Skip to content", clash: "Clash", openItem: "Open", generatedBy: "Generated by plan-build",
        empty: "(empty)", off: "off", options: "Options", example: "Example", why: "Why", applyFilters: "Filter items",
        showing: "Showing", scrollHint: "The grid is wide: scroll sideways to see the whole week.",
        chartLegend: "Colours are themes",
        statusMarks: "Status: idea (dotted), draft (dashed), ready (solid), published (✓)",
        noJSFilters: "Filters apply at once; each persona's page also lists its schedule.",
        touchesAll: "All touches (moments too)", overCap: "Over the cap",
        days: "days", fewestIn30Days: "Fewest effective touches in 30 days", capPerWeek: "per 7 days (effective touches)",
        floorPer30Days: "per 30 days (effective touches); the chart shows its weekly share",
        plainText: "Plain text (select all to copy)", colon: ": ", printButton: "Print this week",
        tierNeeds: "What this tier needs", effectiveTouches: "Effective touches (the rule of seven counts these)",
        broadcasts: "Broadcasts (not counted)", promoShareLimit: "Highest promotional share (30 days)",
        review: "Compliance sign-off", reviewPending: "Awaiting sign-off", reviewSigned: "Signed off",
        reviewChanged: "Changed after sign-off: sign again", chats: "Chats", purpose: "Purpose", person: "Customer", people: "People")
}
