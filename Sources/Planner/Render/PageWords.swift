/// Interface text of the working pages (today, copy-first item pages, the
/// playbook by persona), in both languages; templates read `{{w.name}}`.
/// Kept apart from `UIStrings` so these pages carry their own words.
struct PageWords: WordTable {
    let language: Language

    static let all: [(name: String, words: Localized)] = [
        ("saveImage", Localized(zh: "保存图片", en: "Save image")),
        ("saveAll", Localized(zh: "保存全部图片", en: "Save all images")),
        ("details", Localized(zh: "详情", en: "Details")),
        ("today", Localized(zh: "今天", en: "Today")),
        ("tomorrow", Localized(zh: "明天", en: "Tomorrow")),
        ("todayTitle", Localized(zh: "今天发什么", en: "What to post today")),
        ("todayIntro", Localized(
            zh: "每位人设从今天起 8 天的内容：文案在前，一键复制，配图可直接保存。",
            en: "Each persona's next eight days: the copy first, one tap to copy it, the images ready to save.")),
        ("nothingPlanned", Localized(zh: "这一天没有安排内容。", en: "Nothing is planned for this day.")),
        ("openItem", Localized(zh: "内容页", en: "Item page")),
        ("laterDays", Localized(zh: "之后几天", en: "The days after")),
        ("itemsToday", Localized(zh: "今天", en: "today")),
        ("itemsWeek", Localized(zh: "8 天内", en: "in 8 days")),
        // The note a today page shows: without JavaScript, and when opened outside its eight days.
        ("builtNote", Localized(
            zh: "本页生成于 {date}，显示的是这一天和次日的内容；如果今天不是 {date}，请重新生成或打开网页版。",
            en: "This page was made on {date} and shows that day and the next; if today is not {date}, build it again or open it online.")),
        ("outsideNote", Localized(
            zh: "今天（{today}）不在本页包含的 8 天之内，下面仍是生成当天 {date} 的内容。",
            en: "Today ({today}) is outside the eight days this page holds; below is still {date}, the day it was made.")),
    ]
}

/// A family of pages' interface words in both languages, one table each;
/// templates read them by name, code with `text(_:)`.
protocol WordTable: Sendable, TemplateFields {
    static var all: [(name: String, words: Localized)] { get }
    var language: Language { get }
}

extension WordTable {
    func fields<Visitor: FieldVisitor>(_ visitor: inout Visitor) {
        for (name, words) in Self.all { visitor.field(TemplateKey(name), words.text(language)) }
    }

    func text(_ key: String) -> String {
        Self.all.first { $0.name == key }?.words.text(language) ?? key
    }
}

/// `PageWords` as templates read them, made once per language: every item
/// page and playbook week shows them, and building fourteen fields per page
/// for the same words cost more than the lookups that read them.
final class SharedPageWords: SharedTemplateValue, Sendable {
    let words: PageWords
    let value: TemplateValue
    let signature: Int

    private init(_ words: PageWords) {
        self.words = words
        value = words.templateValue
        signature = words.signature
    }

    private static let zh = SharedPageWords(PageWords(language: .zhCN))
    private static let en = SharedPageWords(PageWords(language: .en))

    static func of(_ language: Language) -> SharedPageWords {
        switch language {
        case .zhCN: return zh
        case .en: return en
        }
    }

    func fields<Visitor: FieldVisitor>(_ visitor: inout Visitor) { words.fields(&visitor) }
}
