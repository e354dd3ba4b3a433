/// An item's keys as written, each optional: a whole item file, a series'
/// template (no date), or an override that changes some keys of one occurrence.
struct PartialItem: Sendable {
    var slot: String?
    var time: LocalTime?
    var persona: String?
    var theme: String?
    var title: String?
    var segments: [String]?
    var action: String?
    var status: ItemStatus?
    var owner: String?
    var tags: [String]?
    var ignores: [Suppression]?
    var images: [String]?
    var group: String?
    var format: TopicFormat?
    var trigger: SurpriseTrigger?
    var via: SurpriseChannel?
    var gift: String?
    var purpose: ChatPurpose?
    var person: String?
    var review: ItemReview?
    var results: ItemResults?
    var body: String
    var bodyLine: Int
    var keyLocations: KeyLocations
    /// Every required key is there and readable (always true for an override).
    var isComplete: Bool

    /// The item these keys make on `date`, or nil when a required key is missing or unreadable.
    func complete(id: String, kind: ItemKind, file: String, date: LocalDate) -> DecodedItem? {
        guard isComplete, let persona, slot != nil || time != nil, kind == .surprise || kind == .chat || theme != nil,
            kind == .moment || kind == .chat || title != nil
        else { return nil }
        return DecodedItem(
            id: id, kind: kind, file: file, date: date, slot: time == nil ? slot : nil, time: time,
            persona: persona, theme: theme, title: title, segments: segments, action: action, status: status ?? .draft,
            owner: owner, tags: tags ?? [], ignores: ignores ?? [], images: images ?? [], group: group, format: format,
            trigger: trigger, via: kind == .surprise ? (via ?? .privateChat) : via, gift: gift,
            purpose: kind == .chat ? (purpose ?? .service) : purpose, person: person, review: review, results: results, body: body,
            bodyLine: bodyLine, keyLocations: keyLocations)
    }
}

extension DocumentDecoder {
    /// What a file's keys are for: required keys are required of a whole
    /// item and of a series (which stands for every occurrence), never of an override.
    enum ItemMode {
        case item, series, override
    }

    /// Reads every item key but `date` (the caller reads it, or a series has none).
    /// - Parameter kind: nil for an override, which may sit in any folder: the
    ///   keys of every kind are read, and the series' kind decides which count.
    func readItemKeys(kind: ItemKind?, reader: inout MappingReader, document: SplitDocument, mode: ItemMode) -> PartialItem {
        let whole = mode != .override
        let slot = reader.string("slot")
        let time = reader.time("time")
        let hasTime = reader.has("time")
        if whole && slot == nil && !hasTime {
            reader.report(
                Localized(zh: "缺少 slot 或 time：这条内容排在几点？", en: "Neither slot nor time is given: when does this go out?"),
                at: reader.location, hint: Localized(zh: "加上 slot: morning 或 time: \"12:40\"。", en: "Add slot: morning or time: \"12:40\"."),
                code: "missing:slot")
        } else if reader.has("slot") && hasTime {
            reader.report(
                Localized(zh: "slot 和 time 只能写一个。", en: "Give slot or time, not both."),
                at: reader.location(of: reader.node("time")!), code: "slot-and-time")
        }
        let persona = reader.string("persona", required: whole)
        let theme = kind == .chat ? nil : reader.string("theme", required: whole && kind != .surprise)
        let title = reader.string("title", required: whole && (kind == .topic || kind == .surprise))
        let segments = reader.strings("segments")
        if whole && kind == .surprise && segments == nil && !reader.has("segments") { reader.missing("segments") }
        // A chat names the segments it reaches, or the person it is held with.
        if whole && kind == .chat && !reader.has("segments") && !reader.has("person") { reader.missing("segments") }
        var keys = PartialItem(
            slot: slot, time: time, persona: persona, theme: theme, title: title, segments: segments,
            action: reader.string("action"), status: reader.status("status"), owner: reader.string("owner"),
            tags: reader.strings("tags"), ignores: reader.has("ignore") ? decodeIgnores(&reader) : nil,
            body: document.body, bodyLine: document.bodyLine, keyLocations: [:], isComplete: true)
        keys.review = decodeReview(&reader)
        keys.results = decodeResults(&reader)
        if kind == nil || kind == .moment {
            keys.images = reader.strings("images")
        }
        if kind == nil || kind == .topic {
            keys.group = reader.string("group", required: whole)
            keys.format = reader.choice("format", required: whole, as: TopicFormat.self)
            if kind == .topic { keys.isComplete = !whole || (keys.group != nil && keys.format != nil) }
        }
        if kind == nil || kind == .surprise {
            keys.trigger = reader.choice("trigger", required: whole, as: SurpriseTrigger.self)
            keys.via = reader.choice("via", as: SurpriseChannel.self)
            keys.gift = reader.string("gift")
            if kind == .surprise { keys.isComplete = !whole || keys.trigger != nil }
        }
        if kind == nil || kind == .chat {
            keys.purpose = reader.choice("purpose", as: ChatPurpose.self)
        }
        if kind == nil || kind == .surprise || kind == .chat {
            keys.person = reader.string("person")
        }
        keys.keyLocations = reader.keyLocations
        return keys
    }
}
