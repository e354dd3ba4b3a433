/// A persona (人设): the six dimensions plus the rules that keep it consistent.
public struct Persona: Sendable {
    /// The fields live in one immutable box: rules and pages look a persona
    /// up once per item, and a copy is then one retain instead of one per field.
    private final class Box: Sendable {
        let value: Stored
        init(_ value: Stored) { self.value = value }
    }

    private struct Stored: Sendable {
        let id: String
        let file: String
        let name: String
        let avatar: String?
        let identity: String?
        let signature: String?
        let personality: String?
        let catchphrases: [String]
        let banned: [BannedWord]
        let period: PersonaPeriod
        let disclaimer: String?
        let themes: [String]?
        let channels: [ItemKind]?
        let segments: [String]?
        let story: String
        let storyLine: Int
        let keyLocations: KeyLocations
    }

    private let box: Box

    public var id: String { box.value.id }
    public var file: String { box.value.file }
    public var name: String { box.value.name }
    public var avatar: String? { box.value.avatar }
    public var identity: String? { box.value.identity }
    public var signature: String? { box.value.signature }
    public var personality: String? { box.value.personality }
    public var catchphrases: [String] { box.value.catchphrases }
    /// The banned words as written (without their allowed phrases).
    public var banned: [String] { box.value.banned.map(\.word) }
    public var bannedWords: [BannedWord] { box.value.banned }
    /// When the persona works (start, end, pauses).
    public var period: PersonaPeriod { box.value.period }
    public var disclaimer: String? { box.value.disclaimer }
    /// Allowed theme ids; nil means every theme.
    public var themes: [String]? { box.value.themes }
    /// Allowed kinds; nil means every kind.
    public var channels: [ItemKind]? { box.value.channels }
    /// Served segment ids; nil means every segment.
    public var segments: [String]? { box.value.segments }
    /// The story, as Markdown.
    public var story: String { box.value.story }
    public var storyLine: Int { box.value.storyLine }
    public var keyLocations: KeyLocations { box.value.keyLocations }

    public init(
        id: String, file: String, name: String, avatar: String?, identity: String?, signature: String?, personality: String?, catchphrases: [String], banned: [BannedWord], period: PersonaPeriod = .always, disclaimer: String?, themes: [String]?, channels: [ItemKind]?, segments: [String]?, story: String, storyLine: Int, keyLocations: KeyLocations
    ) {
        box = Box(Stored(id: id, file: file, name: name, avatar: avatar, identity: identity, signature: signature, personality: personality, catchphrases: catchphrases, banned: banned, period: period, disclaimer: disclaimer, themes: themes, channels: channels, segments: segments, story: story, storyLine: storyLine, keyLocations: keyLocations))
    }

    public func location(of key: String) -> SourceLocation {
        keyLocations[key] ?? SourceLocation(file: file)
    }

    /// Whether the persona works on `date` (its own start, end and pauses; not the plan's range).
    public func isActive(on date: LocalDate) -> Bool { period.isActive(date) }

    public func allows(theme: String) -> Bool { themes?.contains(theme) ?? true }
    public func allows(kind: ItemKind) -> Bool { channels?.contains(kind) ?? true }
    public func serves(segment: String) -> Bool { segments?.contains(segment) ?? true }
}
