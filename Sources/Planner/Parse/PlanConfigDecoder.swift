import Foundation

/// Decodes `content/plan.yml` into a `PlanConfig`, applying the defaults of
/// spec section 3 and reporting every problem at its line.
struct PlanConfigDecoder {
    static let knownKeys = [
        "title", "locale", "timezone", "start", "end", "base_url", "repo_url", "theme", "slots", "themes",
        "segments", "groups", "banned", "rules", "actions", "max_file_size", "stages", "review_required",
        "calendar", "events", "holiday_slots",
    ]
    static let palette = ["#2563eb", "#16a34a", "#d97706", "#dc2626", "#7c3aed", "#0891b2", "#db2777", "#4b5563"]

    let file: String

    struct Result {
        var config: PlanConfig?
        var maximumFileSize: Int
        var diagnostics: [Diagnostic]
    }

    func decode(_ text: String) -> Result {
        let conflicts = ConflictMarkers.find(text)
        if !conflicts.isEmpty {
            // Which side holds the plan is for the writer to say; nothing else is checked meanwhile.
            let diagnostics = ConflictMarkers.diagnostics(conflicts, file: file, id: "plan")
            return Result(config: nil, maximumFileSize: FrontMatterSplitter.defaultMaximumSize, diagnostics: diagnostics)
        }
        let parsed = YAMLDocument.parse(text, file: file, id: "plan", firstLine: 1)
        let node: YAMLNode?
        switch parsed {
        case .failure(let failure):
            return Result(config: nil, maximumFileSize: FrontMatterSplitter.defaultMaximumSize, diagnostics: failure.diagnostics)
        case .success(let value): node = value
        }
        var reader = MappingReader(node: node, file: file, id: "plan", lineOffset: 0)
        if let node, case .mapping = node {} else {
            reader.report(
                Localized(zh: "plan.yml 应是一组键值（映射），例如 title: …", en: "plan.yml should be a mapping of keys, like title: …"),
                at: SourceLocation(file: file), code: "not-mapping")
            return Result(config: nil, maximumFileSize: FrontMatterSplitter.defaultMaximumSize, diagnostics: reader.diagnostics)
        }
        let title = reader.string("title", required: true)
        let start = reader.date("start", required: true)
        let end = reader.date("end", required: true)
        var locale = Language.zhCN
        if let tag = reader.string("locale") {
            if let language = Language(tag: tag) { locale = language } else {
                reader.report(
                    Localized(zh: "locale 只能是 zh-CN 或 en，而不是 “\(tag)”。", en: "locale must be zh-CN or en, not “\(tag)”."),
                    at: reader.location(of: reader.node("locale")!), code: "locale")
            }
        }
        var timezone = PlanConfig.defaultTimezone
        if let name = reader.string("timezone") {
            if TimeZone(identifier: name) != nil, name.contains("/") || name == "UTC" { timezone = name } else {
                let guess = DidYouMean.suggestion(for: name, among: TimeZone.knownTimeZoneIdentifiers)
                reader.report(
                    Localized(
                        zh: "“\(name)” 不是已知的 IANA 时区。" + (guess.map { "是不是 “\($0)”？" } ?? ""),
                        en: "“\(name)” is not a known IANA timezone." + (guess.map { " Did you mean “\($0)”?" } ?? "")),
                    at: reader.location(of: reader.node("timezone")!),
                    hint: Localized(zh: "例如 Asia/Shanghai。", en: "For example Asia/Shanghai."), code: "timezone")
            }
        }
        if let start, let end, end < start {
            reader.report(
                Localized(zh: "end（\(end)）早于 start（\(start)）。", en: "end (\(end)) is before start (\(start))."),
                at: reader.location(of: reader.node("end")!), code: "range")
        }
        var baseURL = reader.string("base_url") ?? "/"
        if !baseURL.hasSuffix("/") { baseURL += "/" }
        var repoURL = reader.string("repo_url").map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
        if let written = repoURL, !(written.hasPrefix("https://") || written.hasPrefix("http://")) {
            // Never a link: `javascript:` or `data:` here would be one on every item page.
            reader.report(
                Localized(zh: "repo_url 应以 https:// 开头。", en: "repo_url should start with https://."),
                at: reader.location(of: reader.node("repo_url")!), code: "repo_url", severity: .warning)
            repoURL = nil
        }
        let themeName = reader.string("theme") ?? "default"
        let slots = decodeSlots(&reader)
        let themes = decodeThemes(&reader)
        let segments = decodeSegments(&reader)
        let groups = decodeGroups(&reader)
        let bannedWords = reader.bannedWords("banned") ?? []
        let actions = decodeActions(&reader)
        let stages = decodeStages(&reader)
        let reviewRequired = decodeReviewRequirement(&reader)
        let calendar = decodeCalendar(&reader, slots: slots)
        var maximumFileSize = FrontMatterSplitter.defaultMaximumSize
        if let text = reader.string("max_file_size") {
            if let value = Int(text), value > 0 { maximumFileSize = value } else {
                reader.wrongType("max_file_size", reader.node("max_file_size")!, expected: Localized(zh: "正整数（字节）", en: "a positive number of bytes"))
            }
        }
        var rules = RuleSettings()
        if let rulesReader = reader.mapping("rules") {
            var ruleDecoder = RuleSettingsDecoder(reader: rulesReader, themes: themes)
            rules = ruleDecoder.decode()
            reader.absorb(ruleDecoder.reader)
        }
        if let setting = rules.byRule["touch-cap"], setting.options["kinds"] != nil {
            reader.report(
                Localized(
                    zh: "touch-cap 的 kinds 是旧写法：现在按它作为全计划默认的触达类型；信任层级（stages）的 touch-kinds 优先。",
                    en: "touch-cap's kinds is the old form: it is now read as the plan-wide default of the kinds that count as touches; a tier's touch-kinds (stages) comes first."),
                at: setting.location ?? reader.location,
                hint: Localized(
                    zh: "改到 stages 下，例如 stages: {weak: {touch-kinds: [chats, topics, surprises]}}。",
                    en: "Move it under stages, e.g. stages: {weak: {touch-kinds: [chats, topics, surprises]}}."),
                code: "touch-cap-kinds", rule: "touch-cap", severity: .notice)
        }
        reader.reportUnknownKeys(known: Self.knownKeys)
        guard let title, let start, let end else {
            return Result(config: nil, maximumFileSize: maximumFileSize, diagnostics: reader.diagnostics)
        }
        var config = PlanConfig(
            title: title, locale: locale, timezone: timezone, start: start, end: end, baseURL: baseURL,
            repoURL: repoURL, theme: themeName, slots: slots, themes: themes, segments: segments, groups: groups,
            bannedWords: bannedWords, actions: actions, rules: rules, keyLocations: reader.keyLocations, file: file)
        config.stages = stages
        config.reviewRequired = reviewRequired
        config.calendar = calendar
        return Result(config: config, maximumFileSize: maximumFileSize, diagnostics: reader.diagnostics)
    }

    private func decodeSlots(_ reader: inout MappingReader) -> [Slot] {
        guard var slotsReader = reader.mapping("slots") else { return PlanConfig.defaultSlots }
        var slots: [Slot] = []
        for key in slotsReader.keys {
            if let time = slotsReader.time(key) { slots.append(Slot(id: key, time: time)) }
        }
        reader.absorb(slotsReader)
        return slots
    }

    private func decodeThemes(_ reader: inout MappingReader) -> [ContentTheme] {
        guard var themesReader = reader.mapping("themes") else { return PlanConfig.defaultThemes }
        var themes: [ContentTheme] = []
        for (position, key) in themesReader.keys.enumerated() {
            guard var themeReader = themesReader.mapping(key) else { continue }
            let label = themeReader.string("label") ?? key
            var color = Self.palette[position % Self.palette.count]
            if let written = themeReader.string("color") {
                if Self.isHexColor(written) { color = written.lowercased() } else {
                    themeReader.report(
                        Localized(
                            zh: "颜色 “\(written)” 应写成 #rgb 或 #rrggbb。",
                            en: "The colour “\(written)” should be #rgb or #rrggbb."),
                        at: themeReader.location(of: themeReader.node("color")!), code: "color:\(key)")
                }
            }
            let promotional = themeReader.bool("promotional") ?? false
            themeReader.reportUnknownKeys(known: ["label", "color", "promotional"])
            themesReader.absorb(themeReader)
            themes.append(ContentTheme(id: key, label: label, color: color, promotional: promotional))
        }
        reader.absorb(themesReader)
        return themes
    }

    static func isHexColor(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard scalars.first == "#", scalars.count == 4 || scalars.count == 7 else { return false }
        return scalars.dropFirst().allSatisfy { $0.properties.isASCIIHexDigit }
    }

    private func decodeSegments(_ reader: inout MappingReader) -> [Segment] {
        guard var segmentsReader = reader.mapping("segments") else { return [] }
        var segments: [Segment] = []
        for key in segmentsReader.keys {
            guard var segmentReader = segmentsReader.mapping(key) else { continue }
            let label = segmentReader.string("label") ?? key
            let stage = segmentReader.choice("stage", as: TrustStage.self)
            segmentReader.reportUnknownKeys(known: ["label", "stage"])
            segmentsReader.absorb(segmentReader)
            segments.append(Segment(id: key, label: label, stage: stage, location: segmentsReader.keyLocations[key]))
        }
        reader.absorb(segmentsReader)
        return segments
    }

    private func decodeGroups(_ reader: inout MappingReader) -> [Group] {
        guard var groupsReader = reader.mapping("groups") else { return [] }
        var groups: [Group] = []
        for key in groupsReader.keys {
            guard var groupReader = groupsReader.mapping(key) else { continue }
            let label = groupReader.string("label") ?? key
            let owner = groupReader.string("owner")
            let segments = groupReader.strings("segments") ?? []
            groupReader.reportUnknownKeys(known: ["label", "owner", "segments"])
            groupsReader.absorb(groupReader)
            groups.append(
                Group(id: key, label: label, owner: owner, segments: segments,
                      location: groupsReader.keyLocations[key] ?? groupsReader.location))
        }
        reader.absorb(groupsReader)
        return groups
    }

    private func decodeActions(_ reader: inout MappingReader) -> [TrustAction] {
        var actions = TrustAction.builtIn
        guard var actionsReader = reader.mapping("actions") else { return actions }
        for key in actionsReader.keys {
            guard let node = actionsReader.node(key) else { continue }
            var label: Localized?
            if case .scalar = node, let text = actionsReader.string(key) {
                label = Localized(text)
            } else if var labelReader = actionsReader.mapping(key) {
                let zh = labelReader.string("zh") ?? labelReader.string("label")
                let en = labelReader.string("en") ?? zh
                labelReader.reportUnknownKeys(known: ["zh", "en", "label"])
                actionsReader.absorb(labelReader)
                if let zh, let en { label = Localized(zh: zh, en: en) }
            }
            guard let label else { continue }
            actions.removeAll { $0.id == key }
            actions.append(TrustAction(id: key, label: label))
        }
        reader.absorb(actionsReader)
        return actions
    }
}
