/// The two languages of the site and of diagnostics.
public enum Language: String, Sendable, CaseIterable, Codable {
    case zhCN = "zh-CN"
    case en

    public init?(tag: String) {
        switch tag.lowercased() {
        case "zh-cn", "zh", "zh-hans", "zh_cn": self = .zhCN
        case "en", "en-us", "en-gb": self = .en
        default: return nil
        }
    }
}

/// A piece of user-facing text in both languages; picked at the last moment so
/// checking never depends on the language asked for.
public struct Localized: Hashable, Sendable {
    public let zh: String
    public let en: String

    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }

    public init(_ both: String) {
        zh = both
        en = both
    }

    public func text(_ language: Language) -> String {
        switch language {
        case .zhCN: return zh
        case .en: return en
        }
    }
}
