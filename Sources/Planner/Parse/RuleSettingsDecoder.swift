/// Decodes plan.yml `rules:`: `off`, a severity, or `{severity:, option: value}`.
/// An unknown rule or option is an `unknown-key` warning with a suggestion; an
/// option of the wrong type is a `front-matter` error at its line.
struct RuleSettingsDecoder {
    var reader: MappingReader
    /// Theme ids and labels: `min: {生活日常: 1}` counts the theme `life`.
    let themes: NameIndex

    init(reader: MappingReader, themes: [ContentTheme]) {
        self.reader = reader
        self.themes = NameIndex(
            personas: [], themes: themes.map { NameIndex.Entry(id: $0.id, display: $0.label, names: [$0.label]) }, segments: [],
            groups: [], actions: [])
    }

    mutating func decode() -> RuleSettings {
        var settings = RuleSettings()
        let known = RuleCatalogue.ids
        for key in reader.keys {
            guard let rule = RuleCatalogue.rule(key), let node = reader.node(key) else { continue }
            var setting = RuleSetting()
            setting.location = reader.keyLocations[key]
            switch node {
            case .scalar(let scalar):
                if let enabled = MappingReader.boolValue(scalar.string) {
                    setting.enabled = enabled
                } else if let severity = Severity(rawValue: scalar.string) {
                    setting.severity = severity
                } else if scalar.isNullValue {
                    break
                } else {
                    reader.report(
                        Localized(
                            zh: "规则 “\(key)” 的设置应为 off、error/warning/notice，或 {severity: …, 选项: …}。",
                            en: "Rule “\(key)” takes off, error/warning/notice, or {severity: …, option: …}."),
                        at: reader.location(of: node), code: "rule:\(key)")
                }
            case .mapping:
                guard var optionsReader = reader.mapping(key) else { break }
                decodeOptions(rule: rule, reader: &optionsReader, into: &setting)
                reader.absorb(optionsReader)
            default:
                reader.wrongType(key, node, expected: Localized(zh: "off 或一组选项", en: "off or a mapping of options"))
            }
            settings.byRule[key] = setting
        }
        reader.reportUnknownKeys(known: known)
        return settings
    }

    private func decodeOptions(rule: any Rule, reader optionsReader: inout MappingReader, into setting: inout RuleSetting) {
        if let severityText = optionsReader.string("severity") {
            if let severity = Severity(rawValue: severityText) { setting.severity = severity } else {
                optionsReader.report(
                    Localized(
                        zh: "severity 只能是 error、warning 或 notice，而不是 “\(severityText)”。",
                        en: "severity must be error, warning or notice, not “\(severityText)”."),
                    at: optionsReader.location(of: optionsReader.node("severity")!), code: "severity:\(rule.id)")
            }
        }
        if let enabled = optionsReader.bool("enabled") { setting.enabled = enabled }
        for option in rule.options {
            guard let node = optionsReader.node(option.name) else { continue }
            if let value = value(of: node, kind: option.kind, key: option.name, reader: &optionsReader) {
                setting.options[option.name] = value
            }
        }
        optionsReader.reportUnknownKeys(known: ["severity", "enabled"] + rule.options.map(\.name))
    }

    private func value(of node: YAMLNode, kind: OptionKind, key: String, reader: inout MappingReader) -> OptionValue? {
        func fail(_ expected: Localized) -> OptionValue? {
            reader.wrongType(key, node, expected: expected)
            return nil
        }
        switch kind {
        case .integer:
            guard case .scalar(let scalar) = node, let value = Int(scalar.string), value >= 0 else {
                return fail(Localized(zh: "非负整数", en: "a whole number, 0 or more"))
            }
            return .integer(value)
        case .number:
            guard case .scalar(let scalar) = node, let value = Double(scalar.string), value >= 0, value.isFinite else {
                return fail(Localized(zh: "非负数字（如 0.2）", en: "a number, 0 or more (like 0.2)"))
            }
            return .number(value)
        case .time:
            guard case .scalar(let scalar) = node, let value = LocalTime(parsing: scalar.string) else {
                return fail(Localized(zh: "时间 \"HH:MM\"", en: "a time \"HH:MM\""))
            }
            return .time(value)
        case .words:
            guard let words = reader.strings(key) else { return nil }
            return .words(words)
        case .kinds:
            guard let words = reader.strings(key) else { return nil }
            var kinds: [ItemKind] = []
            for word in words {
                guard let kind = ItemKind(rawValue: word) ?? ItemKind.allCases.first(where: { $0.singular == word }) else {
                    return fail(Localized(zh: "moments/topics/surprises 组成的列表", en: "a list of moments, topics, surprises"))
                }
                kinds.append(kind)
            }
            return .kinds(kinds)
        case .counts:
            guard case .mapping(let mapping) = node else {
                return fail(Localized(zh: "主题到次数的映射（如 {life: 1}）", en: "a mapping of theme to count (like {life: 1})"))
            }
            var counts: [String: Int] = [:]
            for pair in mapping.pairs {
                let (themeNode, countNode) = (pair.key, pair.value)
                guard let theme = themeNode.string, case .scalar(let scalar) = countNode, let count = Int(scalar.string), count >= 0 else {
                    return fail(Localized(zh: "主题到次数的映射（如 {life: 1}）", en: "a mapping of theme to count (like {life: 1})"))
                }
                guard let id = themes.id(of: theme, as: .theme) else {
                    reader.report(
                        Localized(zh: "主题 “\(theme)” 没有在 themes 里声明。", en: "The theme “\(theme)” is not declared in themes."),
                        at: reader.location(of: themeNode), code: "theme:\(key):\(theme)", rule: "unknown-ref")
                    counts[theme] = count
                    continue
                }
                counts[id] = count
            }
            return .counts(counts)
        }
    }
}
