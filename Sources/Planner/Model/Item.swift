/// One planned moment, topic or surprise, resolved against plan.yml.
public struct Item: Sendable {
    public let id: String
    public let kind: ItemKind
    /// Relative to the repository root.
    public let file: String
    public let date: LocalDate
    public let time: LocalTime
    /// The slot name, when the item was planned by slot.
    public let slot: String?
    public let persona: String
    public let theme: String?
    public let title: String
    /// Resolved: explicit, or the group's, or the persona's served segments.
    public let segments: [String]
    /// Whether `segments` was written in the file (rules that blame a segment point there).
    public let segmentsExplicit: Bool
    public let action: String?
    public let status: ItemStatus
    public let owner: String?
    public let tags: [String]
    public let ignores: [Suppression]
    public let images: [String]
    public let group: String?
    public let format: TopicFormat?
    public let trigger: SurpriseTrigger?
    public let via: SurpriseChannel?
    public let gift: String?
    /// The copy, as Markdown.
    public let body: String
    /// The line of the file on which the body starts.
    public let bodyLine: Int
    public let keyLocations: [String: SourceLocation]

    public var dateTime: LocalDateTime { LocalDateTime(date: date, time: time) }

    public func location(of key: String) -> SourceLocation {
        keyLocations[key] ?? SourceLocation(file: file)
    }

    /// The page path under the output folder, e.g. `items/moments/2026-12/01-晨跑.html`.
    public var pagePath: String { SitePath.item(id) }
}

/// An `ignore: {rule-id: reason}` entry.
public struct Suppression: Hashable, Sendable {
    public let ruleID: String
    public let reason: String
    public let location: SourceLocation
}
