/// A trust tier's settings (SPEC 11.4): the actions that move a segment up,
/// its own promotional share and touch cap, and the kinds that count as touches.
public struct StageSettings: Hashable, Sendable {
    public let stage: TrustStage
    /// As written in plan.yml; nil: the built-in name in the site's language.
    public let customLabel: String?
    /// Trust action ids this tier needs (seed 001).
    public let needs: [String]
    /// Highest promotional share of the items reaching the segment in 30 days (stage-fit).
    public let promoShare: Double?
    /// Replaces touch-cap's `max` for segments at this tier.
    public let touchCap: Int?
    /// The kinds that count as touches; nil: the plan-wide default.
    public let touchKinds: [ItemKind]?
    public let location: SourceLocation?

    public init(
        stage: TrustStage, customLabel: String? = nil, needs: [String], promoShare: Double? = nil, touchCap: Int? = nil,
        touchKinds: [ItemKind]? = nil, location: SourceLocation? = nil
    ) {
        self.stage = stage
        self.customLabel = customLabel
        self.needs = needs
        self.promoShare = promoShare
        self.touchCap = touchCap
        self.touchKinds = touchKinds
        self.location = location
    }

    public var label: Localized {
        customLabel.map { Localized(zh: $0, en: $0) } ?? stage.label
    }

    /// The built-in tiers, from seed 001.
    public static let defaults: [StageSettings] = [
        StageSettings(stage: .none, needs: ["good-image", "show-expertise"], promoShare: 0.3),
        StageSettings(stage: .micro, needs: ["solve-problem", "keep-promise", "next-meeting"]),
        StageSettings(stage: .weak, needs: ["emotion-point", "help-decide", "small-gift"]),
        StageSettings(stage: .strong, needs: ["surprise", "show-vulnerability"], promoShare: 0.15),
        StageSettings(stage: .super, needs: ["invite-recognition", "endorsement"], promoShare: 0.1, touchCap: 6),
    ]

    /// What counts as a touch where no tier says otherwise: a moment is a broadcast.
    public static let defaultTouchKinds: [ItemKind] = [.topic, .surprise, .chat]
}

/// plan.yml `review_required`: which items need a compliance sign-off.
public struct ReviewRequirement: Hashable, Sendable {
    /// Theme ids; nil: the promotional themes.
    public let themes: [String]?
    /// Text that, found in a title or body, makes an item need review.
    public let patterns: [String]

    public init(themes: [String]? = nil, patterns: [String] = []) {
        self.themes = themes
        self.patterns = patterns
    }
}

extension PlanConfig {
    public func stageSettings(_ stage: TrustStage) -> StageSettings {
        stages.first { $0.stage == stage } ?? StageSettings.defaults.first { $0.stage == stage }!
    }

    /// The tier settings of a segment, nil when it has no stage.
    public func stageSettings(ofSegment id: String) -> StageSettings? {
        segment(id)?.stage.map(stageSettings)
    }

    /// The kinds that count as touches of a segment: its tier's, else the plan-wide default.
    public func touchKinds(ofSegment id: String) -> [ItemKind] {
        stageSettings(ofSegment: id)?.touchKinds ?? planTouchKinds
    }

    /// touch-cap's old `kinds` option, when written, is the plan-wide default (SPEC 11.4).
    public var planTouchKinds: [ItemKind] {
        if let written = rules.byRule["touch-cap"]?.options["kinds"], case .kinds(let kinds) = written { return kinds }
        return StageSettings.defaultTouchKinds
    }

    /// Whether an item needs a sign-off before it may be `ready` or `published`.
    public func requiresReview(_ item: Item) -> Bool {
        if let themes = reviewRequired.themes {
            if let theme = item.theme, themes.contains(theme) { return true }
            if item.purpose == .sales { return true }
        } else if isPromotional(item) {
            return true
        }
        return reviewRequired.patterns.contains { !$0.isEmpty && (item.title.contains($0) || item.body.contains($0)) }
    }
}

/// Where an item stands with its compliance sign-off.
public enum ReviewState: String, Sendable {
    /// Needs a sign-off and has none (or a block without a hash).
    case pending
    /// Signed, and the body is the one signed.
    case signed
    /// Signed, but the body changed since.
    case changed

    public var label: Localized {
        switch self {
        case .pending: return Localized(zh: "待签发", en: "Awaiting sign-off")
        case .signed: return Localized(zh: "已签发", en: "Signed off")
        case .changed: return Localized(zh: "签发后已改动，需重签", en: "Changed after sign-off: sign again")
        }
    }
}

extension PlanConfig {
    /// Nil for an item that needs no sign-off and carries none.
    public func reviewState(of item: Item) -> ReviewState? {
        guard let review = item.review else { return requiresReview(item) ? .pending : nil }
        guard let hash = review.hash else { return .pending }
        return hash == SHA256.hex(item.series?.writtenBody ?? item.body) ? .signed : .changed
    }
}
