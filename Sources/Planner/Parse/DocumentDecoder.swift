import Foundation

/// A persona file's front matter, typed but not yet checked against plan.yml.
struct DecodedPersona: Sendable {
    var id: String
    var file: String
    var name: String
    var avatar: String?
    var identity: String?
    var signature: String?
    var personality: String?
    var catchphrases: [String]
    var banned: [BannedWord]
    var period: PersonaPeriod
    var disclaimer: String?
    var themes: [String]?
    var channels: [String]?
    var segments: [String]?
    var story: String
    var storyLine: Int
    var keyLocations: KeyLocations
}

/// An item file's front matter, typed but not yet resolved.
struct DecodedItem: Sendable {
    var id: String
    var kind: ItemKind
    var file: String
    var date: LocalDate
    var slot: String?
    var time: LocalTime?
    var persona: String
    var theme: String?
    var title: String?
    var segments: [String]?
    var action: String?
    var status: ItemStatus
    var owner: String?
    var tags: [String]
    var ignores: [Suppression]
    var images: [String]
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
    /// Set on the occurrences a series expands into.
    var series: SeriesOccurrence? = nil
}

/// Indirect: a decoded item is copied several times on its way to the
/// resolver, and a boxed one is copied with one retain.
indirect enum DecodedDocument: Sendable {
    case persona(DecodedPersona)
    case item(DecodedItem)
    case series(DecodedSeries)
    /// An item file naming `series:`: one occurrence changed or cancelled.
    case override(DecodedOverride)
    case person(DecodedPerson)
    case none
}

/// Turns one content file's bytes into a typed document plus diagnostics.
struct DocumentDecoder: Sendable {
    static let commonItemKeys = [
        "date", "slot", "time", "persona", "theme", "title", "segments", "action", "status", "owner", "tags", "ignore",
        "review", "results",
    ]
    static let personaKeys = [
        "name", "avatar", "identity", "signature", "personality", "catchphrases", "banned", "disclaimer", "themes",
        "channels", "segments", "start", "end", "pauses",
    ]

    static func itemKeys(_ kind: ItemKind) -> [String] {
        switch kind {
        case .moment: return commonItemKeys + ["images"]
        case .topic: return commonItemKeys + ["group", "format"]
        case .surprise: return commonItemKeys + ["trigger", "via", "gift", "person"]
        // SPEC 11.3: a chat has no theme; its purpose says whether it sells.
        case .chat: return commonItemKeys.filter { $0 != "theme" } + ["purpose", "person"]
        }
    }

    let maximumFileSize: Int

    func decode(entry: SourceEntry, data: Data) -> (DecodedDocument, [Diagnostic]) {
        decode(entry: entry, bytes: [UInt8](data))
    }

    func decode(entry: SourceEntry, bytes: [UInt8]) -> (DecodedDocument, [Diagnostic]) {
        decodeKeepingText(entry: entry, bytes: bytes).decoded
    }

    /// `decode(entry:bytes:)`, with the file's text (in pieces that join to it) when its bytes were text
    /// (a text report quotes its lines without decoding them again).
    func decodeKeepingText(entry: SourceEntry, bytes: [UInt8]) -> (decoded: (DecodedDocument, [Diagnostic]), text: [String]?) {
        let text: String
        switch FrontMatterSplitter.decodeText(bytes: bytes, maximumSize: maximumFileSize) {
        case .failure(let failure): return ((.none, [failure.diagnostic(file: entry.displayPath, id: entry.id)]), nil)
        case .success(let value): text = value
        }
        let conflicts = ConflictMarkers.find(text)
        if !conflicts.isEmpty {
            // The side checked out before the merge stands in, so that what
            // refers to this file still resolves; it is reported on nothing else.
            var ours: SplitDocument?
            let (document, _) = decode(entry: entry, text: ConflictMarkers.oursSide(text), split: &ours)
            return ((document, ConflictMarkers.diagnostics(conflicts, file: entry.displayPath, id: entry.id)), [text])
        }
        var split: SplitDocument?
        let decoded = decode(entry: entry, text: text, split: &split)
        // The split's pieces, not the whole text: the decoded document holds the body already.
        return (decoded, split?.parts ?? [text])
    }

    /// `split`: the text split in two, when it could be.
    private func decode(entry: SourceEntry, text: String, split: inout SplitDocument?) -> (DecodedDocument, [Diagnostic]) {
        let document: SplitDocument
        switch FrontMatterSplitter.split(text) {
        case .failure(let failure): return (.none, [failure.diagnostic(file: entry.displayPath, id: entry.id)])
        case .success(let value): document = value
        }
        split = document
        let node: YAMLNode?
        switch YAMLDocument.parse(document.yaml, file: entry.displayPath, id: entry.id, firstLine: document.yamlFirstLine) {
        case .failure(let failure): return (.none, failure.diagnostics)
        case .success(let value): node = value
        }
        var reader = MappingReader(node: node, file: entry.displayPath, id: entry.id, lineOffset: document.yamlFirstLine - 1)
        if let node, case .mapping = node {} else if node != nil {
            reader.report(
                Localized(zh: "文件头应是一组键值（映射），例如 date: 2026-12-01。", en: "The front matter should be a mapping of keys, like date: 2026-12-01."),
                at: SourceLocation(file: entry.displayPath, line: 2), code: "not-mapping")
            return (.none, reader.diagnostics)
        }
        switch entry.role {
        case .plan: return (.none, [])
        case .persona:
            let persona = decodePersona(entry: entry, reader: &reader, document: document)
            return (persona.map(DecodedDocument.persona) ?? .none, reader.diagnostics)
        case .item(let kind):
            if reader.has("series") {
                let override = decodeOverride(entry: entry, reader: &reader, document: document)
                return (override.map(DecodedDocument.override) ?? .none, reader.diagnostics)
            }
            let item = decodeItem(entry: entry, kind: kind, reader: &reader, document: document)
            return (item.map(DecodedDocument.item) ?? .none, reader.diagnostics)
        case .series where reader.has("series") && !reader.has("repeat"):
            // An override kept beside its series (series/friday/2026-12-11.md).
            let override = decodeOverride(entry: entry, reader: &reader, document: document)
            return (override.map(DecodedDocument.override) ?? .none, reader.diagnostics)
        case .series:
            let series = decodeSeries(entry: entry, reader: &reader, document: document)
            return (series.map(DecodedDocument.series) ?? .none, reader.diagnostics)
        case .person:
            let person = decodePerson(entry: entry, reader: &reader, document: document)
            return (person.map(DecodedDocument.person) ?? .none, reader.diagnostics)
        }
    }

    private func decodePersona(entry: SourceEntry, reader: inout MappingReader, document: SplitDocument) -> DecodedPersona? {
        let name = reader.string("name", required: true)
        let persona = DecodedPersona(
            id: entry.id, file: entry.displayPath, name: name ?? entry.id,
            avatar: reader.string("avatar"), identity: reader.string("identity"), signature: reader.string("signature"),
            personality: reader.string("personality"), catchphrases: reader.strings("catchphrases") ?? [],
            banned: reader.bannedWords("banned") ?? [], period: reader.personaPeriod(), disclaimer: reader.string("disclaimer"),
            themes: reader.strings("themes"), channels: reader.strings("channels"), segments: reader.strings("segments"),
            story: document.body, storyLine: document.bodyLine, keyLocations: reader.keyLocations)
        reader.reportUnknownKeys(known: Self.personaKeys)
        return name == nil ? nil : persona
    }

    private func decodeItem(entry: SourceEntry, kind: ItemKind, reader: inout MappingReader, document: SplitDocument) -> DecodedItem? {
        let date = reader.date("date", required: true)
        let keys = readItemKeys(kind: kind, reader: &reader, document: document, mode: .item)
        reader.reportUnknownKeys(known: Self.itemKeys(kind))
        guard let date else { return nil }
        return keys.complete(id: entry.id, kind: kind, file: entry.displayPath, date: date)
    }

    /// `review: pending` or `review: {by, on, hash}`; a block without `hash` is pending.
    func decodeReview(_ reader: inout MappingReader) -> ItemReview? {
        guard let node = reader.node("review") else { return nil }
        let location = reader.location(of: node)
        if case .scalar(let scalar) = node, scalar.string == "pending" {
            return ItemReview(by: nil, on: nil, hash: nil, location: location)
        }
        guard case .mapping = node, var block = reader.mapping("review") else {
            reader.report(
                Localized(zh: "review 应是 pending 或 {by: 姓名, on: 日期, hash: 正文哈希}。", en: "review should be pending or {by: NAME, on: DATE, hash: BODY-HASH}."),
                at: location, hint: Localized(zh: "用 plan-build review sign 签发，它会写好这一块。", en: "Sign with plan-build review sign, which writes this block."),
                code: "review-shape")
            return nil
        }
        let by = block.string("by")
        let on = block.date("on")
        var hash = block.string("hash")?.lowercased()
        if let value = hash, value.count != 64 || !value.allSatisfy({ $0.isHexDigit }) {
            block.report(
                Localized(zh: "review 的 hash 应是 64 位十六进制的 SHA-256。", en: "review's hash should be a SHA-256 in 64 hex digits."),
                at: block.location(of: block.node("hash")!), code: "review-hash")
            hash = nil
        }
        block.reportUnknownKeys(known: ["by", "on", "hash"])
        reader.absorb(block)
        return ItemReview(by: by, on: on, hash: hash, location: location)
    }

    func decodeIgnores(_ reader: inout MappingReader) -> [Suppression] {
        guard let node = reader.node("ignore") else { return [] }
        if case .sequence(let sequence) = node {
            // A bare list of rule ids: kept, so the suppression rule can ask for reasons.
            return sequence.nodes.compactMap { element in
                element.string.map { Suppression(ruleID: $0, reason: "", location: reader.location(of: element)) }
            }
        }
        guard let ignoreReader = reader.mapping("ignore") else { return [] }
        var suppressions: [Suppression] = []
        for pair in ignoreReader.pairs {
            // `banned-word: {稳赚: reason}`: one suppression per word.
            if case .mapping(let words) = pair.value {
                for word in words.pairs {
                    var reason = ""
                    if case .scalar(let scalar) = word.value, !scalar.isNullValue { reason = scalar.string }
                    suppressions.append(
                        Suppression(ruleID: pair.key, reason: reason, location: ignoreReader.location(of: word.key), subject: word.name))
                }
                continue
            }
            let reason: String
            if case .scalar(let scalar) = pair.value, !(scalar.isNullValue) {
                reason = scalar.string
            } else {
                reason = ""
            }
            suppressions.append(Suppression(ruleID: pair.key, reason: reason, location: ignoreReader.location(of: pair.keyNode)))
        }
        return suppressions
    }
}
