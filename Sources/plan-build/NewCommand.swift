import ArgumentParser
import Foundation
import Planner

struct NewCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "new",
            abstract: words(
                "新建一条朋友圈、社群话题、惊喜、私聊、一个人设、一个固定栏目（series）或一位客户（person），带完整的 front matter；new week 起草一周的朋友圈。",
                "Write a new moment, topic, surprise, chat, persona, series (a recurring column) or person (a customer) with its full front matter; new week drafts a week of moments."),
            discussion: words(
                """
                从不覆盖已有文件。--next-free 从 --date 那一周起，先找这个人设发得最少的一天、再找这周用得最少的时段，\
                放在第一个不违反任何规则的位置；没有空位时逐日列出挡住它的规则。
                new week --persona P [--from 日期]：起草 --from 所在 ISO 周的朋友圈（默认：从今天起 P 还没有朋友圈的第一周；\
                再运行一次就起草下一周），每天至少达到 posts-per-day 的下限，用计划的时段，主题搭配和推广占比都守规则，一条一个文件。
                """,
                """
                Never overwrites a file. --next-free starts in the week of --date: the day with the fewest posts by the persona \
                first, then the slot used least that week, the first place where the new item breaks no rule; when there is none, \
                it lists the rule that blocked each day.
                new week --persona P [--from DATE]: drafts the moments of the ISO week holding --from (default: the first week \
                from today in which P has no moments; run it again for the next one): posts-per-day's minimum each day, in the \
                plan's slots, with the theme mix and promo share kept, one file per moment.
                """))
    }

    @Argument(help: help("moment、topic、surprise、chat、persona、series、person 或 week。", "moment, topic, surprise, chat, persona, series, person or week."))
    var kind: String

    @Argument(help: help(
        "文件名（不带 .md；人设的 id）；默认：日期、时段和几个字。", "The file name without .md (a persona's id); default: the day, the slot and a few words."))
    var stem: String?

    @OptionGroup var plan: PlanOptions

    @Option(help: help("日期，YYYY-MM-DD。", "YYYY-MM-DD.")) var date: String?
    @Option(help: help("new week：这一天所在的 ISO 周（YYYY-MM-DD）。", "new week: the ISO week holding this day (YYYY-MM-DD).")) var from: String?
    @Option(help: help("plan.yml 里的时段名。", "A slot name from plan.yml.")) var slot: String?
    @Option(help: help("\"HH:MM\"，代替时段。", "\"HH:MM\" instead of a slot.")) var time: String?
    @Option(help: help("人设的 id 或名字。", "A persona's id or name.")) var persona: String?
    @Option(help: help("主题的 id 或名称。", "A theme's id or label.")) var theme: String?
    @Option(help: help("标题。", "The title.")) var title: String?
    @Option(help: help("社群话题所属的社群。", "A topic's group.")) var group: String?
    @Option(help: help("社群话题的形式。", "A topic's format.")) var format: String?
    @Option(help: help("客群 id，用逗号分隔。", "Segment ids, comma-separated.")) var segments: String?
    @Option(help: help("惊喜的触发原因。", "A surprise's trigger.")) var trigger: String?
    @Option(help: help("惊喜的送达方式。", "A surprise's channel.")) var via: String?
    @Option(help: help("惊喜的礼物。", "A surprise's gift.")) var gift: String?
    @Option(help: help("信任动作 id。", "A trust action id.")) var action: String?
    @Option(help: help("idea、draft、ready 或 published（或 构思、草稿、就绪、已发布）。", "idea, draft, ready or published.")) var status: String?
    @Option(help: help("负责准备的人。", "Who prepares it.")) var owner: String?
    @Option(help: help("标签，用逗号分隔。", "Tags, comma-separated.")) var tags: String?
    @Option(help: help("人设的名字；new person：客户的化名。", "A persona's name; new person: the customer's alias.")) var name: String?
    @Option(help: help("人设的身份。", "A persona's identity.")) var identity: String?
    @Option(help: help("人设的签名。", "A persona's signature.")) var signature: String?
    @Option(help: help("人设的性格。", "A persona's personality.")) var personality: String?
    @Flag(help: help("找下一个不违反任何规则的位置。", "Pick the next place where no rule would break.")) var nextFree = false

    func run() throws {
        let language = try plan.language() ?? interfaceLanguage
        if kind == "week" { return try week(language) }
        guard let kind = NewFile.Kind(rawValue: kind) else {
            throw ValidationError(words(
                "没有“\(kind)”这种类型；可用 moment、topic、surprise、chat、persona、series、person 或 week。",
                "Unknown kind “\(kind)”; use moment, topic, surprise, chat, persona, series, person or week."))
        }
        var fields = NewFile.Fields()
        fields.stem = stem
        if let date { fields.date = try Self.day(date, flag: "--date") }
        if let time {
            guard let parsed = LocalTime(parsing: time) else { throw ValidationError(words("--time 要写成 HH:MM。", "--time must be HH:MM.")) }
            fields.time = parsed
        }
        fields.slot = slot
        fields.persona = persona
        fields.theme = theme
        fields.title = title
        fields.group = group
        fields.format = format
        fields.segments = Self.list(segments)
        fields.trigger = trigger
        fields.via = via
        fields.gift = gift
        fields.action = action
        fields.status = status
        fields.owner = owner
        fields.tags = Self.list(tags)
        fields.name = name
        fields.identity = identity
        fields.signature = signature
        fields.personality = personality
        let content = try plan.contentURL()
        do {
            let path = try NewFile(contentDirectory: content, kind: kind, fields: fields, nextFree: nextFree, today: try plan.todayDate()).write()
            print((plan.content as NSString).appendingPathComponent(path))
        } catch let failure as Scaffold.Refusal {
            complain(failure.message.text(language))
            throw ExitCode(1)
        } catch let failure as NewFile.Failure {
            complain(failure.message.text(language))
            throw ExitCode(1)
        }
    }

    /// `new week --persona P [--from DATE]`.
    private func week(_ language: Language) throws {
        guard let persona else {
            throw ValidationError(words("new week 需要 --persona（人设的 id 或名字）。", "new week needs --persona (a persona's id or name)."))
        }
        let from = try self.from.map { try Self.day($0, flag: "--from") } ?? date.map { try Self.day($0, flag: "--date") }
        let content = try plan.contentURL()
        do {
            let outcome = try WeekDraft(contentDirectory: content, persona: persona, from: from, today: try plan.todayDate()).write()
            for file in outcome.files { print((plan.content as NSString).appendingPathComponent(file.path)) }
            FileHandle.standardError.write(Data((outcome.summary.text(language) + "\n").utf8))
        } catch let failure as Scaffold.Refusal {
            complain(failure.message.text(language))
            throw ExitCode(1)
        } catch let failure as NewFile.Failure {
            complain(failure.message.text(language))
            throw ExitCode(1)
        }
    }

    private static func day(_ text: String, flag: String) throws -> LocalDate {
        guard let parsed = LocalDate(parsing: text) else {
            throw ValidationError(words("\(flag) 要写成 YYYY-MM-DD，而不是“\(text)”。", "\(flag) must be YYYY-MM-DD, not “\(text)”."))
        }
        return parsed
    }

    /// `a, b` or `a，b` → ["a", "b"].
    private static func list(_ text: String?) -> [String] {
        (text ?? "").split(whereSeparator: { $0 == "," || $0 == "，" || $0 == "、" })
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
