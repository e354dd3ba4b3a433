/// The keys of spec 11.2: a persona's working period (`start`, `end`,
/// `pauses`) and `banned` lists whose entries may carry allowed phrases.
extension MappingReader {
    /// `banned: [稳赚, {word: 保本, allow: [非保本, 不保本]}]`; a single word is a list of one.
    mutating func bannedWords(_ key: String) -> [BannedWord]? {
        guard let node = node(key) else { return nil }
        let entries: [YAMLNode]
        switch node {
        case .sequence(let sequence): entries = sequence.nodes
        case .scalar(let scalar) where scalar.isNullValue: return []
        case .scalar: entries = [node]
        case .mapping: entries = [node]
        }
        var words: [BannedWord] = []
        for (position, entry) in entries.enumerated() {
            switch entry {
            case .scalar(let scalar):
                if !scalar.isNullValue { words.append(BannedWord(word: scalar.string)) }
            case .mapping:
                var entryReader = MappingReader(
                    node: entry, file: file, id: id, lineOffset: lineOffset, path: qualified(key) + "[\(position + 1)]")
                let word = entryReader.string("word", required: true)
                let allow = entryReader.strings("allow") ?? []
                entryReader.reportUnknownKeys(known: ["word", "allow"])
                absorb(entryReader)
                if let word { words.append(BannedWord(word: word, allow: allow)) }
            case .sequence:
                wrongType(key, entry, expected: Localized(
                    zh: "词的列表，每项是一个词或 {word: 词, allow: [允许的说法]}",
                    en: "a list of words, each a word or {word: WORD, allow: [allowed phrases]}"))
            }
        }
        return words
    }

    /// A persona's `start`, `end` and `pauses: [{from, to, reason}]`.
    mutating func personaPeriod() -> PersonaPeriod {
        let start = date("start")
        let end = date("end")
        if let start, let end, end < start {
            report(
                Localized(zh: "人设的 end（\(end)）早于 start（\(start)）。", en: "The persona's end (\(end)) is before its start (\(start))."),
                at: location(of: node("end")!),
                hint: Localized(zh: "把 end 改到 start 之后。", en: "Set end on or after start."), code: "period")
        }
        return PersonaPeriod(start: start, end: end, pauses: pauses())
    }

    private mutating func pauses() -> [PersonaPause] {
        guard let node = node("pauses") else { return [] }
        let entries: [YAMLNode]
        switch node {
        case .sequence(let sequence): entries = sequence.nodes
        case .mapping: entries = [node]
        case .scalar(let scalar) where scalar.isNullValue: return []
        case .scalar:
            wrongType("pauses", node, expected: Self.pauseListType)
            return []
        }
        var pauses: [PersonaPause] = []
        for (position, entry) in entries.enumerated() {
            guard case .mapping = entry else {
                wrongType("pauses", entry, expected: Self.pauseListType)
                continue
            }
            var entryReader = MappingReader(
                node: entry, file: file, id: id, lineOffset: lineOffset, path: qualified("pauses") + "[\(position + 1)]")
            let from = entryReader.date("from", required: true)
            // A pause of one day may leave out `to`.
            let to = entryReader.date("to") ?? (entryReader.has("to") ? nil : from)
            let reason = entryReader.string("reason")
            entryReader.reportUnknownKeys(known: ["from", "to", "reason"])
            if let from, let to {
                if to < from {
                    entryReader.report(
                        Localized(zh: "暂停的 to（\(to)）早于 from（\(from)）。", en: "The pause's to (\(to)) is before its from (\(from))."),
                        at: entryReader.location(of: entryReader.node("to")!),
                        hint: Localized(zh: "把 to 改到 from 之后。", en: "Set to on or after from."),
                        code: "pause-order:\(position + 1)")
                } else {
                    pauses.append(PersonaPause(from: from, to: to, reason: reason, location: entryReader.location))
                }
            }
            absorb(entryReader)
        }
        return pauses
    }

    private static let pauseListType = Localized(
        zh: "暂停列表，如 [{from: 2026-12-24, to: 2026-12-26, reason: 年假}]",
        en: "a list of pauses, like [{from: 2026-12-24, to: 2026-12-26, reason: leave}]")
}
