/// One check of spec section 7. Each rule is one small type; the reference
/// rules (front-matter, unknown-key…) find their problems while loading and
/// only describe themselves here.
public protocol Rule: Sendable {
    var id: String { get }
    var defaultSeverity: Severity { get }
    /// False for rules a plan turns on (`rules: {weekly-model: on}`, or any setting but off).
    var enabledByDefault: Bool { get }
    var options: [RuleOption] { get }
    /// What it checks, one line.
    var summary: Localized { get }
    /// Why it matters to the customer's trust, in plain words.
    var explanation: Localized { get }
    /// A short example of what triggers it.
    var example: Localized { get }
    /// What its findings depend on besides plan.yml, the personas and today
    /// (serve re-runs it only for the parts an edit touches).
    var scope: RuleScope { get }
    /// Who acts on its findings; the playbook lists only `.practice` rules.
    var concern: RuleConcern { get }
    func check(_ context: RuleContext) -> [Finding]
}

/// The part of the plan one run of a rule looks at: a rule with a scope
/// other than `.plan` finds the same problems for one persona (group,
/// segment, item) whatever the other personas' items are, and checks only the
/// parts `RuleContext.covers` lets through. After an edit, serve re-runs it
/// for the parts the old and the new version of each changed item belong to,
/// and keeps the other parts' findings.
public enum RuleScope: Sendable {
    /// Anything may depend on anything: re-run after every change.
    case plan
    /// Each item on its own: the part is the item's id.
    case item
    /// The items of one persona (any kind): the part is the persona id.
    case persona
    /// The topics of one group: the part is the group id.
    case group
    /// The items that reach one segment: the part is the segment id.
    case segment
}

/// Who acts on a rule's findings: the client managers carrying out the plan
/// (cadence, compliance, touches, review) or whoever keeps the files in shape
/// (front matter, references, ids, the holiday data). The playbook is the client managers'
/// document, so it keeps the first; `help/` and `rules` list both.
public enum RuleConcern: String, Sendable {
    case practice
    case files
}

extension Rule {
    public var enabledByDefault: Bool { true }
    public var options: [RuleOption] { [] }
    public var scope: RuleScope { .plan }
    public var concern: RuleConcern { .practice }
    public func check(_ context: RuleContext) -> [Finding] { [] }
}

/// The kind of value an option takes, for validation at its line in plan.yml.
public enum OptionKind: String, Sendable {
    case integer, number, time, words
    /// A map of theme id to a count (theme-mix `min`).
    case counts
    /// A list of item kinds (touch-cap `kinds`).
    case kinds
}

public enum OptionValue: Hashable, Sendable, CustomStringConvertible {
    case integer(Int)
    case number(Double)
    case time(LocalTime)
    case words([String])
    case counts([String: Int])
    case kinds([ItemKind])

    public var description: String {
        switch self {
        case .integer(let value): return String(value)
        case .number(let value): return String(value)
        case .time(let value): return "\"\(value)\""
        case .words(let value): return "[" + value.joined(separator: ", ") + "]"
        case .counts(let value):
            return "{" + value.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "}"
        case .kinds(let value): return "[" + value.map(\.rawValue).joined(separator: ", ") + "]"
        }
    }
}

public struct RuleOption: Sendable {
    public let name: String
    public let kind: OptionKind
    /// Nil where the default is computed from the plan (theme-mix `min`).
    public let defaultValue: OptionValue?
    public let summary: Localized

    public init(_ name: String, _ kind: OptionKind, default defaultValue: OptionValue?, _ summary: Localized) {
        self.name = name
        self.kind = kind
        self.defaultValue = defaultValue
        self.summary = summary
    }
}

/// What a rule found, before severity, suppression and language are applied.
public struct Finding: Sendable {
    public var location: SourceLocation
    public var itemID: String?
    public var message: Localized
    public var hint: Localized?
    public var related: [RelatedLocation]
    public var date: LocalDate?
    public var persona: String?
    /// What makes this finding this one (item ids, a date, a segment…): the
    /// fingerprint hashes these with the rule id, never lines or paths.
    public var identity: [String]
    /// The part of the rule it is about, for `ignore` of that part only (a banned word).
    public var subject: String?

    public init(
        location: SourceLocation, itemID: String? = nil, message: Localized, hint: Localized? = nil,
        related: [RelatedLocation] = [], date: LocalDate? = nil, persona: String? = nil, identity: [String],
        subject: String? = nil
    ) {
        self.location = location
        self.itemID = itemID
        self.message = message
        self.hint = hint
        self.related = related
        self.date = date
        self.persona = persona
        self.identity = identity
        self.subject = subject
    }

    /// A finding about one item, located at one of its front-matter keys.
    public init(
        item: Item, key: String, message: Localized, hint: Localized? = nil,
        related: [Item] = [], relatedNote: Localized? = nil, identity: [String]
    ) {
        self.init(
            location: item.location(of: key), itemID: item.id, message: message, hint: hint,
            related: related.map { RelatedLocation.item($0, note: relatedNote) },
            date: item.date, persona: item.persona, identity: identity)
    }
}

extension RelatedLocation {
    static func item(_ item: Item, note: Localized?) -> RelatedLocation {
        RelatedLocation(
            location: item.location(of: "date"),
            message: note ?? Localized(
                zh: "\(item.date) \(item.time) · \(item.title)", en: "\(item.date) \(item.time) · \(item.title)"),
            itemID: item.id)
    }
}
