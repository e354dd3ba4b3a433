/// `results:` on an item (SPEC §11.5): what customers answered once it went
/// out. Every count is optional; an absent one is unknown, not zero.
public struct ItemResults: Hashable, Sendable {
    /// One count, in the order the keys are written and shown.
    public enum Metric: String, CaseIterable, Sendable {
        case likes, comments, replies, shares
        case leftGroup = "left_group"
        case newContacts = "new_contacts"

        /// The key in front matter and in plan.json.
        public var key: String { rawValue }

        /// The header teams' exports use in Chinese.
        public var chinese: String {
            switch self {
            case .likes: return "点赞"
            case .comments: return "评论"
            case .replies: return "回复"
            case .shares: return "转发"
            case .leftGroup: return "退群"
            case .newContacts: return "新增"
            }
        }

        public var label: Localized {
            switch self {
            case .likes: return Localized(zh: "点赞", en: "Likes")
            case .comments: return Localized(zh: "评论", en: "Comments")
            case .replies: return Localized(zh: "回复", en: "Replies")
            case .shares: return Localized(zh: "转发", en: "Shares")
            case .leftGroup: return Localized(zh: "退群", en: "Left the group")
            case .newContacts: return Localized(zh: "新增联系人", en: "New contacts")
            }
        }
    }

    /// Metric → count, only for the counts written.
    public let counts: [Metric: Int]
    /// Where `results:` is written.
    public let location: SourceLocation

    public init(counts: [Metric: Int], location: SourceLocation = SourceLocation(file: "")) {
        self.counts = counts
        self.location = location
    }

    public subscript(_ metric: Metric) -> Int? { counts[metric] }

    /// Whether any count is written: an empty `results: {}` tells nothing.
    public var isEmpty: Bool { counts.isEmpty }

    /// Comments plus replies: what the interaction rate counts (unknown counts as 0).
    public var interactions: Int { (counts[.comments] ?? 0) + (counts[.replies] ?? 0) }

    /// `{likes: 12, comments: 3}`: the flow mapping written into files, in metric order.
    public var flowYAML: String {
        "{" + Metric.allCases.compactMap { metric in counts[metric].map { "\(metric.key): \($0)" } }.joined(separator: ", ") + "}"
    }
}

extension Item {
    /// Published, with at least one count: what interaction rates are made of.
    public var hasPublishedResults: Bool { status == .published && !(results?.isEmpty ?? true) }
}
