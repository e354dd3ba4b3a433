import Foundation

/// The language of the command line itself (help, `new`/`init`/`serve`
/// messages, the serve log), chosen before the arguments are parsed, as spec
/// §11.1 orders it: `--lang`, then the plan's explicit `locale`, then the
/// environment's language, then zh-CN.
public enum InterfaceLanguage {
    public static func choose(arguments: [String], environment: [String: String], directory: URL) -> Language {
        if let tag = value(of: "--lang", in: arguments), let language = Language(tag: tag) { return language }
        let content = value(of: "--content", in: arguments) ?? "content"
        let folder = content.hasPrefix("/") ? URL(fileURLWithPath: content) : directory.appendingPathComponent(content)
        if let language = explicitLocale(of: folder.appendingPathComponent("plan.yml")) { return language }
        if let language = fromEnvironment(environment) { return language }
        return .zhCN
    }

    /// POSIX order: LC_ALL, then LC_MESSAGES, then LANG; `zh_CN.UTF-8` → zh-CN,
    /// `en_US.UTF-8` → en; `C`, `POSIX` or another language says nothing.
    public static func fromEnvironment(_ environment: [String: String]) -> Language? {
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[name], !value.isEmpty else { continue }
            let code = value.prefix { $0.isLetter }.lowercased()
            switch code {
            case "zh": return .zhCN
            case "en": return .en
            default: return nil
            }
        }
        return nil
    }

    /// `locale:` written at the top level of plan.yml, read without parsing the
    /// rest (the plan may be broken; the interface must still speak).
    public static func explicitLocale(of planFile: URL) -> Language? {
        guard let data = try? Data(contentsOf: planFile), data.count < 4 << 20,
            let text = String(data: data, encoding: .utf8)
        else { return nil }
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            let trimmed = line.hasPrefix("\u{FEFF}") ? line.dropFirst() : line[...]
            guard trimmed.hasPrefix("locale") else { continue }
            var rest = trimmed.dropFirst("locale".count).drop { $0 == " " || $0 == "\t" }
            guard let colon = rest.first, colon == ":" || colon == "：" else { continue }
            rest = rest.dropFirst().drop { $0 == " " || $0 == "\t" || $0 == "\u{3000}" }
            let value = rest.prefix { !" \t#".contains($0) }.trimmingCharacters(in: CharacterSet(charactersIn: "\"'“”‘’"))
            return Language(tag: value)
        }
        return nil
    }

    /// `--name VALUE` or `--name=VALUE`, the last one given.
    static func value(of name: String, in arguments: [String]) -> String? {
        var found: String?
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--" { break }
            if argument == name, index + 1 < arguments.count {
                found = arguments[index + 1]
                index += 1
            } else if argument.hasPrefix(name + "=") {
                found = String(argument.dropFirst(name.count + 1))
            }
            index += 1
        }
        return found
    }
}
