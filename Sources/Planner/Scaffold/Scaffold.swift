import Foundation

/// `plan-build init` and `plan-build new`: files that start a plan. Nothing
/// here ever overwrites a file.
public enum Scaffold {
    public struct Refusal: Error, CustomStringConvertible {
        public let message: Localized
        public var description: String { message.en }
    }

    /// Writes `files` under `root`, refusing before writing anything if one exists.
    public static func write(_ files: [(path: String, text: String)], under root: URL) throws -> [String] {
        for file in files where FileManager.default.fileExists(atPath: root.appendingPathComponent(file.path).path) {
            throw Refusal(message: Localized(
                zh: "\(file.path) 已存在；plan-build 从不覆盖文件。", en: "\(file.path) exists; plan-build never overwrites a file."))
        }
        for file in files {
            let url = root.appendingPathComponent(file.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.text.utf8).write(to: url, options: .withoutOverwriting)
        }
        return files.map(\.path)
    }

    /// A working planning repository for the month after `today`.
    public static func repository(today: LocalDate, language: Language) -> [(path: String, text: String)] {
        let nextMonth = today.month == 12 ? LocalDate(year: today.year + 1, month: 1, day: 1)! : LocalDate(year: today.year, month: today.month + 1, day: 1)!
        let end = LocalDate(year: nextMonth.year, month: nextMonth.month, day: LocalDate.daysIn(month: nextMonth.month, year: nextMonth.year))!
        let month = "\(LocalDate.pad(nextMonth.year, 4))-\(LocalDate.pad(nextMonth.month, 2))"
        let zh = language == .zhCN
        let plan = """
            title: \(zh ? "\(nextMonth.month)月私域内容日历" : "Content calendar \(month)")
            locale: \(language.rawValue)
            timezone: Asia/Shanghai
            start: \(nextMonth)
            end: \(end)
            base_url: /
            slots:
              morning: "07:30"
              noon: "12:10"
              evening: "20:30"
            themes:
              professional: {label: \(zh ? "专业干货" : "Expertise"), color: "#2563eb"}
              life:         {label: \(zh ? "生活日常" : "Daily life"), color: "#16a34a"}
              interaction:  {label: \(zh ? "互动话题" : "Interaction"), color: "#d97706"}
              promotion:    {label: \(zh ? "产品推广" : "Promotion"), color: "#dc2626", promotional: true}
            segments:
              newcomers: {label: \(zh ? "新客" : "Newcomers"), stage: micro}
            groups:
              club: {label: \(zh ? "会员俱乐部" : "Members' club"), owner: host, segments: [newcomers]}
            banned: [\(zh ? "保本, 稳赚" : "guaranteed, risk-free")]
            rules:
              posts-per-day: {min: 1, max: 3}
              # The first weeks are sparse while the team gets going.
              theme-mix: off
              group-per-week: off
              touch-floor: off
              surprise-coverage: off

            """
        let persona = """
            ---
            name: \(zh ? "小安" : "Ann")
            identity: \(zh ? "爱跑步的客户经理" : "A client manager who runs")
            signature: \(zh ? "慢慢来，比较快" : "Slow is smooth, smooth is fast")
            personality: \(zh ? "耐心、靠谱、说话带点幽默" : "Patient, reliable, a little funny")
            catchphrases: [\(zh ? "今天也要加油哦" : "Keep going")]
            banned: []
            disclaimer: \(zh ? "理财有风险，投资需谨慎" : "Investments carry risk.")
            ---
            \(zh ? "在这里写人设的故事：她是谁，为什么值得信任。" : "Write the persona's story here: who she is and why she can be trusted.")

            """
        var files: [(String, String)] = [
            ("content/plan.yml", plan),
            ("content/personas/host.md", persona),
            (".gitignore", "output/\npublic/\n# staging folders and the previous site, kept by plan-build build for reuse\n.*.plan-build-*\n"),
            ("README.md", readme(zh: zh, example: nextMonth.adding(days: 4))),
            (CIFiles.githubWorkflowPath, CIFiles.githubWorkflow),
            (CIFiles.gitlabPath, CIFiles.gitlab),
        ]
        if let guide = guide(language) { files.append((guidePath(language), guide)) }
        let themes = zh ? [("life", "生活日常"), ("professional", "专业干货"), ("interaction", "互动话题")]
            : [("life", "Daily life"), ("professional", "Expertise"), ("interaction", "Interaction")]
        for offset in 0..<end.day {
            let date = nextMonth.adding(days: offset)
            let (theme, label) = themes[offset % themes.count]
            var values = ItemValues(slot: "morning", theme: theme)
            values.body = Placeholder.body(
                Placeholder.Context(
                    kind: .moment, date: date, slot: "morning", time: LocalTime(hour: 7, minute: 30),
                    personaName: zh ? "小安" : "Ann", themeLabel: label),
                zh: zh)
            files.append((
                "content/moments/\(month)/\(LocalDate.pad(date.day, 2))-\(zh ? "晨间" : "morning").md",
                item(kind: .moment, date: date, values: values, zh: zh)))
        }
        files.append((
            "content/topics/club/\(LocalDate.pad(nextMonth.day, 2))-\(zh ? "开场" : "welcome").md",
            item(
                kind: .topic, date: nextMonth,
                values: ItemValues(slot: "evening", theme: "interaction", title: zh ? "开场：大家好" : "Welcome, everyone"), zh: zh)))
        return files.map { (path: $0.0, text: $0.1) }
    }

    /// Where `init` puts the user guide in the repository it starts.
    public static func guidePath(_ language: Language) -> String { "docs/guide.\(language.rawValue).md" }

    /// The user guide (docs/guide.<lang>.md of plan-build), compiled into the binary.
    public static func guide(_ language: Language) -> String? {
        EmbeddedDocs.files.first { $0.path == "guide.\(language.rawValue).md" }
            .flatMap { Data(base64Encoded: $0.base64) }.flatMap { String(data: $0, encoding: .utf8) }
    }

    /// The values of one new item; what is nil is written as a commented-out
    /// key, so the file shows every key there is.
    struct ItemValues {
        var slot: String?
        var time: LocalTime?
        var persona = "host"
        var theme: String?
        var title: String?
        var segments: [String] = []
        var group = "club"
        var format = "discussion"
        var trigger = "custom"
        var via = "private-chat"
        var gift: String?
        var action: String?
        var status = "idea"
        var owner: String?
        var tags: [String] = []
        /// The placeholder copy; nil: a generic line.
        var body: String?
    }

    /// The text of one new item file with its full front matter.
    static func item(kind: ItemKind, date: LocalDate, values: ItemValues, zh: Bool) -> String {
        var lines = ["---", "date: \(date)"]
        if let time = values.time { lines.append("time: \"\(time)\"") } else { lines.append("slot: \(yamlScalar(values.slot ?? "morning"))") }
        lines.append("persona: \(yamlScalar(values.persona))")
        if let theme = values.theme { lines.append("theme: \(yamlScalar(theme))") }
        if let title = values.title { lines.append("title: \(yamlScalar(title))") }
        let segments = "segments: [\(values.segments.map(yamlScalar).joined(separator: ", "))]"
        switch kind {
        case .moment:
            lines.append("# images: [assets/photo.jpg]")
        case .topic:
            lines.append("group: \(yamlScalar(values.group))")
            lines.append("format: \(yamlScalar(values.format))")
        case .surprise:
            lines.append(segments)
            lines.append("trigger: \(yamlScalar(values.trigger))")
            lines.append("via: \(yamlScalar(values.via))")
            lines.append(values.gift.map { "gift: \(yamlScalar($0))" } ?? "# gift: …")
        case .chat:
            lines.append(segments)
            lines.append("purpose: service")
            lines.append("# person: …")
        }
        if kind != .surprise && kind != .chat && !values.segments.isEmpty { lines.append(segments) }
        lines.append(values.action.map { "action: \(yamlScalar($0))" } ?? "# action: show-expertise")
        lines.append("status: \(yamlScalar(values.status))")
        lines.append(values.owner.map { "owner: \(yamlScalar($0))" } ?? "# owner: …")
        lines.append(values.tags.isEmpty ? "# tags: []" : "tags: [\(values.tags.map(yamlScalar).joined(separator: ", "))]")
        lines.append("---")
        let body = values.body ?? Placeholder.body(
            Placeholder.Context(
                kind: kind, date: date, slot: values.slot, time: values.time, personaName: values.persona, themeLabel: values.theme),
            zh: zh)
        return lines.joined(separator: "\n") + "\n" + body + "\n"
    }

    /// A YAML scalar: plain when it is a simple word, otherwise double-quoted
    /// with escapes, so no value given on the command line can add a key.
    static func yamlScalar(_ text: String) -> String {
        let simple = !text.isEmpty && text.unicodeScalars.allSatisfy {
            $0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == "-" || $0 == "_" || $0 == "."
        } && !["true", "false", "yes", "no", "on", "off", "null", "~"].contains(text.lowercased())
            && text.unicodeScalars.first.map({ $0.properties.numericType == nil }) ?? false
        if simple { return text }
        var quoted = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": quoted += "\\\\"
            case "\"": quoted += "\\\""
            case "\n": quoted += "\\n"
            case "\r": quoted += "\\r"
            case "\t": quoted += "\\t"
            default:
                if scalar.value < 0x20 { quoted += "\\x" + String(format: "%02X", scalar.value) } else { quoted.unicodeScalars.append(scalar) }
            }
        }
        return quoted + "\""
    }

    private static func readme(zh: Bool, example: LocalDate) -> String {
        zh
            ? """
            # 私域内容日历

            每条朋友圈、社群话题和惊喜触达都是 `content/` 里的一个 Markdown 文件。

            - `plan-build check`：按节奏规则检查（每天发几条、主题轮换、人设一致、触达预算）。
            - `plan-build build`：生成日历站点到 `output/`。
            - `plan-build serve`：边写边看，保存即刷新。
            - `plan-build new moment --date \(example) --slot noon --persona host --theme life`：新建一条。

            - `plan-build new week --persona host`：起草下一周的朋友圈（每天一条起，主题搭配和推广占比都守规则）。
            - `plan-build rules`：每条规则管什么；生成的站点里 `help/index.html` 用白话讲了一遍。

            合并请求会自动检查新引入的问题（见 `.github/workflows/plan.yml` 与 `.gitlab-ci.yml`）。

            第一次用？读[使用指南](docs/guide.zh-CN.md)：怎么写人设和一周的内容、每条规则保护什么、怎么看合并请求的检查结果、最常见的十个笔误怎么改。

            """
            : """
            # Content calendar

            Every moments post, group topic and surprise touch is one Markdown file under `content/`.

            - `plan-build check`: check the cadence rules (posts per day, theme rotation, persona consistency, touch budgets).
            - `plan-build build`: render the calendar site into `output/`.
            - `plan-build serve`: live preview; saving reloads the page.
            - `plan-build new moment --date \(example) --slot noon --persona host --theme life`: add an item.

            - `plan-build new week --persona host`: draft next week's moments (one a day or more, theme mix and promo share kept).
            - `plan-build rules`: what each rule checks; the built site explains them in plain words at `help/index.html`.

            Pull and merge requests are checked for new problems (see `.github/workflows/plan.yml` and `.gitlab-ci.yml`).

            New here? Read [the guide](docs/guide.en.md): writing a persona and a week of items, what each rule protects, reading a pull request's check, and fixing the ten most common slips.

            """
    }
}
