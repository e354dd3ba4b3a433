/// A word from plan.yml's or the persona's `banned` in an item's explicit
/// title or its body: substring match, Latin letters case-insensitive.
/// One finding per word and place (title, body), at its first occurrence.
struct BannedWordRule: Rule {
    let id = "banned-word"
    let defaultSeverity = Severity.error
    let summary = Localized(
        zh: "标题或正文里出现了 plan.yml 或人设 banned 列表中的词（子串匹配，拉丁字母不分大小写）",
        en: "A word from plan.yml's or the persona's `banned` in a title or body (substring; Latin letters case-insensitive)")
    let explanation = Localized(
        zh: "“保本”“稳赚”这类词是在承诺做不到的事，既可能违反金融营销的监管要求，也会在客户发现不是这么回事时，一次性毁掉信任。",
        en: "Words like “guaranteed” or “risk-free” promise what cannot be promised: they may break marketing regulations, and they destroy trust at once when the customer finds out.")
    let example = Localized(zh: "正文：这款产品保本保息", en: "Body: this product is guaranteed, no risk")

    private struct Word {
        let text: String
        /// UTF-8 of the folded word (see `FoldedText`).
        let folded: [UInt8]
        let foldStable: Bool
        let persona: Bool
    }

    func check(_ context: RuleContext) -> [Finding] {
        var planWords: [Word] = []
        Self.add(context.config.banned, persona: false, to: &planWords)
        var findings: [Finding] = []
        // Each persona's list, trimmed and folded once rather than once per item.
        var wordsByPersona: [String: [Word]] = [:]
        var saltByPersona: [String: Int] = [:]
        for persona in context.plan.personas where wordsByPersona[persona.id] == nil {
            var words = planWords
            Self.add(persona.banned, persona: true, to: &words)
            wordsByPersona[persona.id] = words
            saltByPersona[persona.id] = Self.salt(words.map(\.folded))
        }
        let planSalt = Self.salt(planWords.map(\.folded))
        for (position, item) in context.plan.items.enumerated() {
            let persona = context.plan.persona(item.persona)
            let words = persona.flatMap { wordsByPersona[$0.id] } ?? planWords
            guard !words.isEmpty else { continue }
            let owner = persona?.name ?? item.persona
            func finding(_ word: Word, at location: SourceLocation, count: Int, inTitle: Bool) -> Finding {
                let source = word.persona
                    ? Localized(zh: "\(owner) 的禁用词", en: "banned for \(owner)")
                    : Localized(zh: "plan.yml 的禁用词", en: "banned in plan.yml")
                let place = inTitle ? Localized(zh: "标题", en: "title") : Localized(zh: "正文", en: "body")
                let times = count > 1 ? Localized(zh: "，共 \(count) 处", en: ", \(count) times") : Localized(zh: "", en: "")
                return Finding(
                    location: location, itemID: item.id,
                    message: Localized(
                        zh: "\(place.zh)里出现了禁用词“\(word.text)”（\(source.zh)\(times.zh)）。",
                        en: "The \(place.en) contains the banned word “\(word.text)” (\(source.en)\(times.en))."),
                    hint: Localized(
                        zh: "换个说法：这类词是在承诺做不到的事，也可能违反金融营销的监管要求。",
                        en: "Rephrase without it: words like this promise what cannot be promised and may break marketing rules."),
                    date: item.date, persona: item.persona,
                    identity: [item.id, word.text, inTitle ? "title" : "body"])
            }
            // A moment's implicit title is its body's first line: the body covers it.
            if item.keyLocations["title"] != nil {
                let hitsByWord = FoldedText(item.title).occurrences(of: words.map(\.folded))
                for (word, hits) in zip(words, hitsByWord) {
                    if !hits.isEmpty {
                        findings.append(finding(word, at: item.location(of: "title"), count: hits.count, inTitle: true))
                    }
                }
            }
            // The whole body at once: a word has no line break, so no match spans lines,
            // and the line and column of the first match are counted afterwards.
            // Words that folding cannot produce from other scalars (Chinese ones)
            // are looked for in the body as it is, without a folded copy.
            let searched = words.filter { !$0.folded.contains(0x0A) }
            let needles = searched.map(\.folded)
            func search(_ haystack: UnsafeBufferPointer<UInt8>) -> [(hits: [Int], place: (line: Int, column: Int)?)] {
                FoldedText.occurrences(of: needles, in: haystack).map { hits in
                    (hits, hits.first.map { FoldedText.position(of: $0, in: haystack) })
                }
            }
            func searchBody() -> [(hits: [Int], place: (line: Int, column: Int)?)] {
                var body = item.body
                return searched.allSatisfy(\.foldStable)
                    ? body.withUTF8(search) : FoldedText(body).bytes.withUnsafeBufferPointer(search)
            }
            let hitsAndPlaces = context.memo?.bannedWordHits.value(
                for: item, at: position, salt: persona.flatMap { saltByPersona[$0.id] } ?? planSalt, make: searchBody) ?? searchBody()
            for (word, found) in zip(searched, hitsAndPlaces) {
                guard let first = found.place else { continue }
                let location = SourceLocation(file: item.file, line: item.bodyLine + first.line, column: first.column + 1)
                findings.append(finding(word, at: location, count: found.hits.count, inTitle: false))
            }
        }
        return findings
    }

    /// Tells word lists apart for the memo (in-process only).
    private static func salt(_ needles: [[UInt8]]) -> Int {
        var hasher = Hasher()
        for needle in needles {
            hasher.combine(needle.count)
            needle.withUnsafeBytes { hasher.combine(bytes: $0) }
        }
        return hasher.finalize()
    }

    private static func add(_ list: [String], persona: Bool, to words: inout [Word]) {
        for text in list {
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            let folded = FoldedText(trimmed).bytes
            guard !folded.isEmpty, !words.contains(where: { $0.folded == folded }) else { continue }
            words.append(Word(text: trimmed, folded: folded, foldStable: FoldedText.isFoldStable(folded), persona: persona))
        }
    }
}
