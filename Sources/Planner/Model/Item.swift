/// One planned moment, topic or surprise, resolved against plan.yml.
public struct Item: Sendable {
    /// Every field lives in one immutable box: rules and indexes copy items
    /// by the thousand, and a copy is then one retain instead of one per field.
    private let fields: Fields

    public var id: String { fields.id }
    public var kind: ItemKind { fields.kind }
    /// Relative to the repository root.
    public var file: String { fields.file }
    public var date: LocalDate { fields.date }
    public var time: LocalTime { fields.time }
    /// The slot name, when the item was planned by slot.
    public var slot: String? { fields.slot }
    public var persona: String { fields.persona }
    public var theme: String? { fields.theme }
    public var title: String { fields.title }
    /// Resolved: explicit, or the group's, or the persona's served segments.
    public var segments: [String] { fields.segments }
    /// Whether `segments` was written in the file (rules that blame a segment point there).
    public var segmentsExplicit: Bool { fields.segmentsExplicit }
    public var action: String? { fields.action }
    public var status: ItemStatus { fields.status }
    public var owner: String? { fields.owner }
    public var tags: [String] { fields.tags }
    public var ignores: [Suppression] { fields.ignores }
    public var images: [String] { fields.images }
    public var group: String? { fields.group }
    public var format: TopicFormat? { fields.format }
    public var trigger: SurpriseTrigger? { fields.trigger }
    public var via: SurpriseChannel? { fields.via }
    public var gift: String? { fields.gift }
    /// A chat's purpose (`service` unless written); nil for other kinds.
    public var purpose: ChatPurpose? { fields.purpose }
    /// The person (customer alias) a surprise or chat is planned around.
    public var person: String? { fields.person }
    /// The compliance sign-off, when the file carries `review:`.
    public var review: ItemReview? { fields.review }
    /// What customers answered, when the file carries `results:`.
    public var results: ItemResults? { fields.results }
    /// The series this item is an occurrence of, when it is one.
    public var series: SeriesOccurrence? { fields.series }
    /// The copy, as Markdown.
    public var body: String { fields.body }
    /// The line of the file on which the body starts.
    public var bodyLine: Int { fields.bodyLine }
    public var keyLocations: KeyLocations { fields.keyLocations }

    private final class Fields: Sendable {
        let id: String
        let kind: ItemKind
        let file: String
        let date: LocalDate
        let time: LocalTime
        let slot: String?
        let persona: String
        let theme: String?
        let title: String
        let segments: [String]
        let segmentsExplicit: Bool
        let action: String?
        let status: ItemStatus
        let owner: String?
        let tags: [String]
        let ignores: [Suppression]
        let images: [String]
        let group: String?
        let format: TopicFormat?
        let trigger: SurpriseTrigger?
        let via: SurpriseChannel?
        let gift: String?
        let purpose: ChatPurpose?
        let person: String?
        let review: ItemReview?
        let results: ItemResults?
        let series: SeriesOccurrence?
        let body: String
        let bodyLine: Int
        let keyLocations: KeyLocations

        init(id: String, kind: ItemKind, file: String, date: LocalDate, time: LocalTime, slot: String?, persona: String, theme: String?, title: String, segments: [String], segmentsExplicit: Bool, action: String?, status: ItemStatus, owner: String?, tags: [String], ignores: [Suppression], images: [String], group: String?, format: TopicFormat?, trigger: SurpriseTrigger?, via: SurpriseChannel?, gift: String?, purpose: ChatPurpose?, person: String?, review: ItemReview?, results: ItemResults?, series: SeriesOccurrence?, body: String, bodyLine: Int, keyLocations: KeyLocations) {
            self.id = id
            self.kind = kind
            self.file = file
            self.date = date
            self.time = time
            self.slot = slot
            self.persona = persona
            self.theme = theme
            self.title = title
            self.segments = segments
            self.segmentsExplicit = segmentsExplicit
            self.action = action
            self.status = status
            self.owner = owner
            self.tags = tags
            self.ignores = ignores
            self.images = images
            self.group = group
            self.format = format
            self.trigger = trigger
            self.via = via
            self.gift = gift
            self.purpose = purpose
            self.person = person
            self.review = review
            self.results = results
            self.series = series
            self.body = body
            self.bodyLine = bodyLine
            self.keyLocations = keyLocations
        }
    }

    init(
        id: String,
        kind: ItemKind,
        file: String,
        date: LocalDate,
        time: LocalTime,
        slot: String?,
        persona: String,
        theme: String?,
        title: String,
        segments: [String],
        segmentsExplicit: Bool,
        action: String?,
        status: ItemStatus,
        owner: String?,
        tags: [String],
        ignores: [Suppression],
        images: [String],
        group: String?,
        format: TopicFormat?,
        trigger: SurpriseTrigger?,
        via: SurpriseChannel?,
        gift: String?,
        purpose: ChatPurpose? = nil,
        person: String? = nil,
        review: ItemReview? = nil,
        results: ItemResults? = nil,
        series: SeriesOccurrence? = nil,
        body: String,
        bodyLine: Int,
        keyLocations: KeyLocations
    ) {
        fields = Fields(id: id, kind: kind, file: file, date: date, time: time, slot: slot, persona: persona, theme: theme, title: title, segments: segments, segmentsExplicit: segmentsExplicit, action: action, status: status, owner: owner, tags: tags, ignores: ignores, images: images, group: group, format: format, trigger: trigger, via: via, gift: gift, purpose: purpose, person: person, review: review, results: results, series: series, body: body, bodyLine: bodyLine, keyLocations: keyLocations)
    }

    public var dateTime: LocalDateTime { LocalDateTime(date: date, time: time) }

    /// The very same item value (serve keeps unchanged items from load to load):
    /// true means unchanged; false may still mean equal.
    func isSame(as other: Item) -> Bool { fields === other.fields }

    public func location(of key: String) -> SourceLocation {
        keyLocations[key] ?? SourceLocation(file: file)
    }
}

/// An `ignore: {rule-id: reason}` entry.
public struct Suppression: Hashable, Sendable {
    public let ruleID: String
    public let reason: String
    public let location: SourceLocation
    /// What of the rule it suppresses, when only part (`ignore: {banned-word: {稳赚: reason}}`
    /// suppresses the word 稳赚); nil suppresses every finding of the rule.
    public let subject: String?

    public init(ruleID: String, reason: String, location: SourceLocation, subject: String? = nil) {
        self.ruleID = ruleID
        self.reason = reason
        self.location = location
        self.subject = subject
    }
}

/// `review:` on an item: `pending`, or who signed the copy off, when, and the
/// SHA-256 of the body as signed (a block without `hash` counts as pending).
public struct ItemReview: Hashable, Sendable {
    public let by: String?
    public let on: LocalDate?
    /// Lowercase hex; nil when pending.
    public let hash: String?
    public let location: SourceLocation

    public init(by: String?, on: LocalDate?, hash: String?, location: SourceLocation) {
        self.by = by
        self.on = on
        self.hash = hash
        self.location = location
    }

    public var isSigned: Bool { hash != nil }
}
