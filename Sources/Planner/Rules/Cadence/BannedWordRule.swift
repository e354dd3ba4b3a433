import Foundation

/// A word from plan.yml's or the persona's `banned` in an item's explicit
/// title or its body (spec 7 and 11.2): Latin letters case-insensitive,
/// full- and half-width forms alike, whitespace and punctuation between the
/// word's characters ignored (`BannedText`); an occurrence inside one of the
/// word's `allow` phrases is fine. One finding per word and place (title,
/// body), at its first occurrence; `ignore: {banned-word: {WORD: reason}}`
/// suppresses that word only (the finding's subject).
struct BannedWordRule: Rule {
    let id = "banned-word"
    let defaultSeverity = Severity.error
    /// An item's findings depend on its own title and body and the word lists (plan.yml, its persona).
    let scope = RuleScope.item
    let summary = Localized(
        zh: "标题或正文里出现了 plan.yml 或人设 banned 列表中的词（不分大小写和全半角，忽略字间的空格与标点；allow 里的合规说法除外）",
        en: "A word from plan.yml's or the persona's `banned` in a title or body (any case or width, spaces and punctuation between its characters ignored; its `allow` phrases excepted)")
    let explanation = Localized(
        zh: "“保本”“稳赚”这类词是在承诺做不到的事，既可能违反金融营销的监管要求，也会在客户发现不是这么回事时，一次性毁掉信任。中间加个空格或逗号（“稳 赚”“稳，赚”）照样算；合规要求的说法（如“非保本”）可以写进这个词的 allow 列表。",
        en: "Words like “guaranteed” or “risk-free” promise what cannot be promised: they may break marketing regulations, and they destroy trust at once when the customer finds out. A space or comma inside (“稳 赚”, “稳，赚”) still counts; wording compliance requires (like 非保本, “not principal-protected”) goes in the word's allow list.")
    let example = Localized(
        zh: "正文：这款产品保本保息、稳 赚不赔。plan.yml 里：banned: [稳赚, {word: 保本, allow: [非保本, 不保本]}]；只想放过一个词：ignore: {banned-word: {稳赚: \"引用监管原文\"}}",
        en: "Body: 这款产品保本保息、稳 赚不赔. In plan.yml: banned: [稳赚, {word: 保本, allow: [非保本, 不保本]}]; to let one word pass: ignore: {banned-word: {稳赚: \"quoting the regulator\"}}")

    struct Word {
        let text: String
        let needle: [UInt32]
        let allowed: [[UInt32]]
        let allowText: [String]
        let persona: Bool
    }

    /// A list of words with the table that finds where their first
    /// characters (and their allowed phrases') stand in a text.
    struct Lexicon {
        let words: [Word]
        let table: FirstScalarTable
        /// Per word: the table's index of its first value, and of each allowed phrase's.
        let firsts: [(word: Int, allowed: [Int])]

        init(_ words: [Word]) {
            self.words = words
            var values: [UInt32] = []
            func index(_ needle: [UInt32]) -> Int {
                guard let first = needle.first else { return -1 }
                if let known = values.firstIndex(of: first) { return known }
                values.append(first)
                return values.count - 1
            }
            firsts = words.map { word in (index(word.needle), word.allowed.map(index)) }
            table = FirstScalarTable(firsts: values)
        }
    }

    /// What a search of one text found for one word: the occurrences outside
    /// its allowed phrases, and the first one's place and wording.
    struct Hit {
        let count: Int
        let line: Int
        let column: Int
        let written: String
    }

    func check(_ context: RuleContext) -> [Finding] {
        var planWords: [Word] = []
        Self.add(context.config.bannedWords, persona: false, to: &planWords)
        let planLexicon = Lexicon(planWords)
        var findings: [Finding] = []
        // Each persona's list, folded once rather than once per item.
        var wordsByPersona: [String: Lexicon] = [:]
        var saltByPersona: [String: Int] = [:]
        for persona in context.plan.personas where wordsByPersona[persona.id] == nil {
            var words = planWords
            Self.add(persona.bannedWords, persona: true, to: &words)
            wordsByPersona[persona.id] = Lexicon(words)
            saltByPersona[persona.id] = Self.salt(words)
        }
        let planSalt = Self.salt(planWords)
        // serve re-runs it for the changed items only; they are looked up without the memo of bodies.
        let items = context.only == nil ? context.plan.items : context.coveredItems
        let memo = context.only == nil ? context.memo : nil
        for (position, item) in items.enumerated() {
            let persona = context.plan.persona(item.persona)
            let lexicon = persona.flatMap { wordsByPersona[$0.id] } ?? planLexicon
            let words = lexicon.words
            guard !words.isEmpty else { continue }
            let owner = persona?.name ?? item.persona
            // A moment's implicit title is its body's first line: the body covers it.
            if item.keyLocations["title"] != nil {
                for (word, hit) in zip(words, Self.search(item.title, in: lexicon)) {
                    guard let hit else { continue }
                    findings.append(finding(word, hit, item: item, owner: owner, at: item.location(of: "title"), inTitle: true))
                }
            }
            let hits = memo?.bannedWordHits.value(
                for: item, at: position, salt: persona.flatMap { saltByPersona[$0.id] } ?? planSalt,
                make: { Self.search(item.body, in: lexicon) }) ?? Self.search(item.body, in: lexicon)
            for (word, hit) in zip(words, hits) {
                guard let hit else { continue }
                let location = SourceLocation(file: item.file, line: item.bodyLine + hit.line, column: hit.column + 1)
                findings.append(finding(word, hit, item: item, owner: owner, at: location, inTitle: false))
            }
        }
        return findings
    }

    private func finding(_ word: Word, _ hit: Hit, item: Item, owner: String, at location: SourceLocation, inTitle: Bool) -> Finding {
        let source = word.persona
            ? Localized(zh: "\(owner) 的禁用词", en: "banned for \(owner)")
            : Localized(zh: "plan.yml 的禁用词", en: "banned in plan.yml")
        let place = inTitle ? Localized(zh: "标题", en: "title") : Localized(zh: "正文", en: "body")
        let times = hit.count > 1 ? Localized(zh: "，共 \(hit.count) 处", en: ", \(hit.count) times") : Localized(zh: "", en: "")
        // Written otherwise than the word (`稳 赚`): quoted, so the writer finds it.
        let written = hit.written.unicodeScalars.map(BannedText.fold) == word.needle
            ? Localized(zh: "", en: "")
            : Localized(zh: "，写作“\(hit.written)”", en: ", written “\(hit.written)”")
        var hint = Localized(
            zh: "换个说法：这类词是在承诺做不到的事，也可能违反金融营销的监管要求。",
            en: "Rephrase without it: words like this promise what cannot be promised and may break marketing rules.")
        if !word.allowText.isEmpty {
            let zhList = word.allowText.map { "“\($0)”" }.joined(separator: "、")
            let enList = word.allowText.map { "“\($0)”" }.joined(separator: ", ")
            hint = Localized(
                zh: hint.zh + "只有写在合规说法 \(zhList) 里才不算。",
                en: hint.en + " It is allowed only as part of \(enList).")
        }
        return Finding(
            location: location, itemID: item.id,
            message: Localized(
                zh: "\(place.zh)里出现了禁用词“\(word.text)”（\(source.zh)\(written.zh)\(times.zh)）。",
                en: "The \(place.en) contains the banned word “\(word.text)” (\(source.en)\(written.en)\(times.en))."),
            hint: hint, date: item.date, persona: item.persona,
            identity: [item.id, word.text, inTitle ? "title" : "body"], subject: word.text)
    }

    /// For each word, what the text holds of it (nil: nothing outside its allowed phrases).
    static func search(_ text: String, in lexicon: Lexicon) -> [Hit?] {
        return text.withBorrowedUTF8 { utf8 in
            // One pass finds every first character; most texts hold none, and then nothing else is read.
            let starts = lexicon.table.starts(in: utf8)
            let banned = BannedText(utf8: utf8)
            return zip(lexicon.words, lexicon.firsts).map { word, firsts in
                guard firsts.word >= 0, !starts[firsts.word].isEmpty else { return nil }
                let found = banned.occurrences(
                    of: word.needle, allowing: word.allowed, starts: { $0 >= 0 ? starts[$0] : [] }, firsts: firsts)
                guard let first = found.first else { return nil }
                let place = banned.position(of: first.lowerBound)
                return Hit(count: found.count, line: place.line, column: place.column, written: banned.text(first))
            }
        }
    }

    /// Tells word lists apart for the memo (in-process only).
    private static func salt(_ words: [Word]) -> Int {
        var hasher = Hasher()
        for word in words {
            hasher.combine(word.needle)
            hasher.combine(word.allowed)
        }
        return hasher.finalize()
    }

    private static func add(_ list: [BannedWord], persona: Bool, to words: inout [Word]) {
        for entry in list {
            let text = entry.word.trimmingCharacters(in: .whitespacesAndNewlines)
            let needle = BannedText.needle(text)
            let allowText = entry.allow.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
            let allowed = allowText.map(BannedText.needle)
            if let index = words.firstIndex(where: { $0.needle == needle }) {
                // The same word twice (plan.yml and the persona): one word, every allowed phrase.
                let known = words[index]
                let extra = zip(allowText, allowed).filter { !known.allowed.contains($0.1) }
                words[index] = Word(
                    text: known.text, needle: needle, allowed: known.allowed + extra.map(\.1),
                    allowText: known.allowText + extra.map(\.0), persona: known.persona)
                continue
            }
            guard !needle.isEmpty else { continue }
            words.append(Word(text: text, needle: needle, allowed: allowed, allowText: allowText, persona: persona))
        }
    }
}
