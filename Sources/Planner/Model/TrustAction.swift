/// One of the trust actions (信任动作) an item can carry.
public struct TrustAction: Hashable, Sendable {
    public let id: String
    public let label: Localized

    public init(id: String, label: Localized) {
        self.id = id
        self.label = label
    }

    /// The sixteen built-in actions of spec section 6, in their canonical order.
    public static let builtIn: [TrustAction] = [
        TrustAction(id: "good-image", label: Localized(zh: "保持形象良好", en: "Keep a good image")),
        TrustAction(id: "small-gift", label: Localized(zh: "礼多人不怪", en: "Small gifts")),
        TrustAction(id: "praise", label: Localized(zh: "夸到点子上", en: "Praise to the point")),
        TrustAction(id: "show-expertise", label: Localized(zh: "巧妙展示自己", en: "Show expertise subtly")),
        TrustAction(id: "next-meeting", label: Localized(zh: "制造再次见面", en: "Arrange the next meeting")),
        TrustAction(id: "emotion-point", label: Localized(zh: "发现情绪点", en: "Find the emotional point")),
        TrustAction(id: "solve-problem", label: Localized(zh: "专门解决一个问题", en: "Solve one problem")),
        TrustAction(id: "ask-favor", label: Localized(zh: "请帮小忙并感谢", en: "Ask a small favour, thank")),
        TrustAction(id: "surprise", label: Localized(zh: "制造惊喜", en: "Create a surprise")),
        TrustAction(id: "show-vulnerability", label: Localized(zh: "展示弱点", en: "Show a weakness")),
        TrustAction(id: "keep-promise", label: Localized(zh: "主动承诺兑现", en: "Make and keep a promise")),
        TrustAction(id: "help-decide", label: Localized(zh: "帮助做决定", en: "Help them decide")),
        TrustAction(id: "social-proof", label: Localized(zh: "若即若离", en: "Keep a little distance")),
        TrustAction(id: "quick-reply", label: Localized(zh: "秒回守护", en: "Reply at once")),
        TrustAction(id: "endorsement", label: Localized(zh: "亲友认可", en: "Endorsement by friends")),
        TrustAction(id: "invite-recognition", label: Localized(zh: "让对方表达认可", en: "Invite recognition")),
    ]
}
