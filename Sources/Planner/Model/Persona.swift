/// A persona (人设): the six dimensions plus the rules that keep it consistent.
public struct Persona: Sendable {
    public let id: String
    public let file: String
    public let name: String
    public let avatar: String?
    public let identity: String?
    public let signature: String?
    public let personality: String?
    public let catchphrases: [String]
    public let banned: [String]
    public let disclaimer: String?
    /// Allowed theme ids; nil means every theme.
    public let themes: [String]?
    /// Allowed kinds; nil means every kind.
    public let channels: [ItemKind]?
    /// Served segment ids; nil means every segment.
    public let segments: [String]?
    /// The story, as Markdown.
    public let story: String
    public let storyLine: Int
    public let keyLocations: [String: SourceLocation]

    public func location(of key: String) -> SourceLocation {
        keyLocations[key] ?? SourceLocation(file: file)
    }

    public func allows(theme: String) -> Bool { themes?.contains(theme) ?? true }
    public func allows(kind: ItemKind) -> Bool { channels?.contains(kind) ?? true }
    public func serves(segment: String) -> Bool { segments?.contains(segment) ?? true }
}
