import ArgumentParser
import Foundation
import Planner

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Write a new moment, topic, surprise or persona file with its full front matter.",
        discussion: "Never overwrites a file. --next-free picks the first slot from --date on where the new item breaks no rule.")

    @Argument(help: "moment, topic, surprise or persona.")
    var kind: String

    @Argument(help: "The file name without .md (a persona's id); default: the day and a slug of the title.")
    var stem: String?

    @OptionGroup var plan: PlanOptions

    @Option(help: "YYYY-MM-DD.") var date: String?
    @Option(help: "A slot name from plan.yml.") var slot: String?
    @Option(help: "\"HH:MM\" instead of a slot.") var time: String?
    @Option(help: "A persona id.") var persona: String?
    @Option(help: "A theme id.") var theme: String?
    @Option(help: "The title.") var title: String?
    @Option(help: "A topic's group.") var group: String?
    @Option(help: "A topic's format.") var format: String?
    @Option(help: "Segment ids, comma-separated.") var segments: String?
    @Option(help: "A surprise's trigger.") var trigger: String?
    @Option(help: "A surprise's channel.") var via: String?
    @Option(help: "A surprise's gift.") var gift: String?
    @Option(help: "A trust action id.") var action: String?
    @Option(help: "idea, draft, ready or published.") var status: String?
    @Option(help: "Who prepares it.") var owner: String?
    @Option(help: "Tags, comma-separated.") var tags: String?
    @Option(help: "A persona's name.") var name: String?
    @Option(help: "A persona's identity.") var identity: String?
    @Option(help: "A persona's signature.") var signature: String?
    @Option(help: "A persona's personality.") var personality: String?
    @Flag(help: "Pick the next slot where no rule would break.") var nextFree = false

    func run() throws {
        guard let kind = NewFile.Kind(rawValue: kind) else {
            throw ValidationError("Unknown kind “\(kind)”; use moment, topic, surprise or persona.")
        }
        var fields = NewFile.Fields()
        fields.stem = stem
        if let date {
            guard let parsed = LocalDate(parsing: date) else { throw ValidationError("--date must be YYYY-MM-DD.") }
            fields.date = parsed
        }
        if let time {
            guard let parsed = LocalTime(parsing: time) else { throw ValidationError("--time must be HH:MM.") }
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
            FileHandle.standardError.write(Data("plan-build: \(failure.description)\n".utf8))
            throw ExitCode(1)
        } catch let failure as NewFile.Failure {
            FileHandle.standardError.write(Data("plan-build: \(failure.description)\n".utf8))
            throw ExitCode(1)
        }
    }

    /// `a, b` → ["a", "b"].
    private static func list(_ text: String?) -> [String] {
        (text ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
