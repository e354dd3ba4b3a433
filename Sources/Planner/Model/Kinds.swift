/// The kind of a content file, from its top folder under `content/`.
public enum ItemKind: String, Sendable, CaseIterable, Comparable, Codable {
    case moment = "moments"
    case topic = "topics"
    case surprise = "surprises"
    /// 私聊: a one-to-one conversation, the client manager's main channel (seed 004).
    case chat = "chats"

    public static func < (lhs: ItemKind, rhs: ItemKind) -> Bool { lhs.order < rhs.order }

    var order: Int {
        switch self {
        case .moment: return 0
        case .topic: return 1
        case .surprise: return 2
        case .chat: return 3
        }
    }

    /// The singular word used by `new` and in plan.json.
    public var singular: String {
        switch self {
        case .moment: return "moment"
        case .topic: return "topic"
        case .surprise: return "surprise"
        case .chat: return "chat"
        }
    }

    public var label: Localized {
        switch self {
        case .moment: return Localized(zh: "朋友圈", en: "Moment")
        case .topic: return Localized(zh: "社群话题", en: "Group topic")
        case .surprise: return Localized(zh: "惊喜触达", en: "Surprise")
        case .chat: return Localized(zh: "私聊", en: "Chat")
        }
    }
}

public enum ItemStatus: String, Sendable, CaseIterable, Codable {
    case idea, draft, ready, published

    public var label: Localized {
        switch self {
        case .idea: return Localized(zh: "构思", en: "Idea")
        case .draft: return Localized(zh: "草稿", en: "Draft")
        case .ready: return Localized(zh: "就绪", en: "Ready")
        case .published: return Localized(zh: "已发布", en: "Published")
        }
    }
}

public enum TopicFormat: String, Sendable, CaseIterable, Codable {
    case knowledge, discussion, vote, feedback, qa, live, event

    public var label: Localized {
        switch self {
        case .knowledge: return Localized(zh: "知识分享", en: "Knowledge")
        case .discussion: return Localized(zh: "话题讨论", en: "Discussion")
        case .vote: return Localized(zh: "投票", en: "Vote")
        case .feedback: return Localized(zh: "反馈征集", en: "Feedback")
        case .qa: return Localized(zh: "问答", en: "Q&A")
        case .live: return Localized(zh: "直播", en: "Live")
        case .event: return Localized(zh: "活动", en: "Event")
        }
    }
}

public enum SurpriseTrigger: String, Sendable, CaseIterable, Codable {
    case weather, birthday, anniversary, holiday, milestone, custom

    public var label: Localized {
        switch self {
        case .weather: return Localized(zh: "天气", en: "Weather")
        case .birthday: return Localized(zh: "生日", en: "Birthday")
        case .anniversary: return Localized(zh: "纪念日", en: "Anniversary")
        case .holiday: return Localized(zh: "节日", en: "Holiday")
        case .milestone: return Localized(zh: "里程碑", en: "Milestone")
        case .custom: return Localized(zh: "自定义", en: "Custom")
        }
    }
}

public enum SurpriseChannel: String, Sendable, CaseIterable, Codable {
    case privateChat = "private-chat"
    case group
    case moments
    case offline

    public var label: Localized {
        switch self {
        case .privateChat: return Localized(zh: "私聊", en: "Private chat")
        case .group: return Localized(zh: "社群", en: "Group")
        case .moments: return Localized(zh: "朋友圈", en: "Moments")
        case .offline: return Localized(zh: "线下", en: "Offline")
        }
    }
}

/// Why a chat (私聊) is held; a `sales` chat counts as promotional.
public enum ChatPurpose: String, Sendable, CaseIterable, Codable {
    case service
    case followUp = "follow-up"
    case care, sales, referral

    public var label: Localized {
        switch self {
        case .service: return Localized(zh: "服务", en: "Service")
        case .followUp: return Localized(zh: "跟进", en: "Follow-up")
        case .care: return Localized(zh: "关怀", en: "Care")
        case .sales: return Localized(zh: "销售", en: "Sales")
        case .referral: return Localized(zh: "转介绍", en: "Referral")
        }
    }
}

/// 信任关系层级 of a segment, named as seed 001 names the tiers.
public enum TrustStage: String, Sendable, CaseIterable, Codable {
    case none, micro, weak, strong, `super`

    public var label: Localized {
        switch self {
        case .none: return Localized(zh: "无关系", en: "No relationship")
        case .micro: return Localized(zh: "微关系", en: "Micro relationship")
        case .weak: return Localized(zh: "弱关系", en: "Weak relationship")
        case .strong: return Localized(zh: "强关系", en: "Strong relationship")
        case .super: return Localized(zh: "超强关系", en: "Super-strong relationship")
        }
    }
}
