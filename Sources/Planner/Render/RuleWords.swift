/// A rule's summary in plain words for the site: the catalogue writes options
/// as `{min: 1, max: 3}` (name and default, for the command line); pages show
/// the values this plan uses instead (`1–3`, `120`, `22:30–07:00`).
enum RuleWords {
    static func summary(_ rule: any Rule, settings: RuleSettings, language: Language) -> String {
        let text = rule.summary.text(language)
        var output = ""
        var index = text.startIndex
        while index < text.endIndex {
            guard text[index] == "{", let close = matchingBrace(in: text, from: index) else {
                output.append(text[index])
                index = text.index(after: index)
                continue
            }
            let inside = String(text[text.index(after: index)..<close])
            output += values(inside, rule: rule, settings: settings, language: language) ?? inside
            index = text.index(after: close)
        }
        return output
    }

    private static func matchingBrace(in text: String, from open: String.Index) -> String.Index? {
        var depth = 0
        var index = open
        while index < text.endIndex {
            if text[index] == "{" { depth += 1 }
            if text[index] == "}" {
                depth -= 1
                if depth == 0 { return index }
            }
            index = text.index(after: index)
        }
        return nil
    }

    /// `min: 1, max: 3` → the configured values, or nil when a name is unknown.
    private static func values(_ inside: String, rule: any Rule, settings: RuleSettings, language: Language) -> String? {
        var names: [String] = []
        var depth = 0
        var current = ""
        for character in inside {
            if character == "{" { depth += 1 }
            if character == "}" { depth -= 1 }
            if character == "," && depth == 0 {
                names.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        names.append(current)
        let keys = names.compactMap { $0.split(separator: ":", maxSplits: 1).first?.trimmingCharacters(in: .whitespaces) }
        guard keys.count == names.count, !keys.isEmpty else { return nil }
        var shown: [String] = []
        for key in keys {
            // A default computed from the plan (theme-mix `min`, engagement-drop `baseline`): say so in words.
            guard let value = settings.value(key, of: rule) else {
                if key == "baseline" { return language == .zhCN ? "基准" : "the baseline" }
                return language == .zhCN ? "下限" : "the minimum"
            }
            shown.append(plain(value, language: language))
        }
        if keys == ["min", "max"] || keys == ["from", "to"] { return shown.joined(separator: "–") }
        if shown.count == 1 { return shown[0] }
        return zip(keys, shown).map { "\($0) \($1)" }.joined(separator: ", ")
    }

    private static func plain(_ value: OptionValue, language: Language) -> String {
        let separator = language == .zhCN ? "、" : ", "
        switch value {
        case .integer(let number): return String(number)
        case .number(let number): return String(number)
        case .time(let time): return time.description
        case .words(let words): return words.joined(separator: separator)
        case .counts(let counts): return counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: separator)
        case .kinds(let kinds): return kinds.map { $0.label.text(language) }.joined(separator: separator)
        }
    }
}
