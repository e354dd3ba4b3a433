import Foundation

/// The same body (ignoring whitespace, punctuation, symbols and the case of
/// Latin letters) used again, by any persona, fewer than `days` days after
/// its previous use. One dictionary sweep over the chronological items.
struct DuplicateCopyRule: Rule {
    let id = "duplicate-copy"
    let defaultSeverity = Severity.warning
    let options = [
        RuleOption("days", .integer, default: .integer(30), Localized(zh: "同一段文案至少隔几天才能再用", en: "Days before the same copy may be used again")),
    ]
    let summary = Localized(
        zh: "同一段正文（忽略空白和标点）在 {days: 30} 天内被再次使用（不论哪个人设）",
        en: "The same body (ignoring whitespace and punctuation) used again, by any persona, within {days: 30}")
    let explanation = Localized(
        zh: "客户往往同时加了好几位客户经理，也会翻你的朋友圈。同样的话一再出现，一看就是群发模板，真诚感荡然无存。",
        en: "Customers often follow several advisers and scroll back through your feed. The same words again read as a mass-mailed template, and the sincerity is gone.")
    let example = Localized(
        zh: "12-01 和 12-15 的两条朋友圈正文一字不差",
        en: "The moments of 12-01 and 12-15 have word-for-word the same body")

    func check(_ context: RuleContext) -> [Finding] {
        let days = context.options.integer("days")
        let items = context.plan.items
        // serve: an edit that leaves every copy it touches used once finds what the last run found.
        if let memo = context.memo, let kept = memo.duplicateCopy.kept(items: items, days: days, changes: memo.currentChanges) {
            return kept
        }
        // Indices, not items: storing an item copies (and retains) all its fields.
        var latest: [Key: Int] = [:]
        var findings: [Finding] = []
        var keys: [Key] = []
        if context.memo != nil { keys.reserveCapacity(items.count) }
        defer { context.memo?.duplicateCopy.store(keys: keys, findings: findings, days: days) }
        // Keys in the order they were recorded: one recorded `days` days or
        // more before an item can no longer make a finding, and is let go
        // (a year of bodies held at once is most of a check's memory).
        var recorded: [(key: Key, index: Int)] = []
        var firstKept = 0
        for (index, item) in items.enumerated() {
            let key = context.memo?.duplicateKeys.value(for: item, at: index) { Key(Self.key(item.body)) } ?? Key(Self.key(item.body))
            if context.memo != nil { keys.append(key) }
            while firstKept < recorded.count, item.date.dayNumber - items[recorded[firstKept].index].date.dayNumber >= days {
                let old = recorded[firstKept]
                // Only if no later item has taken its place as the latest use.
                if latest[old.key] == old.index { latest[old.key] = nil }
                firstKept += 1
            }
            if firstKept > 4096 && firstKept * 2 > recorded.count {
                recorded.removeFirst(firstKept)
                firstKept = 0
            }
            guard !key.bytes.isEmpty else { continue }
            recorded.append((key, index))
            // One lookup both finds the previous use and records this one.
            guard let earlierIndex = latest.updateValue(index, forKey: key) else { continue }
            let earlier = items[earlierIndex]
            // A series' occurrences share its copy by design (the column's template).
            if let series = item.series?.series, series == earlier.series?.series { continue }
            let apart = item.date.dayNumber - earlier.date.dayNumber
            guard apart < days else { continue }
            let when = apart == 0
                ? Localized(zh: "同一天", en: "the same day")
                : Localized(zh: "\(apart) 天前", en: "\(apart) day\(apart == 1 ? "" : "s") earlier")
            findings.append(
                Finding(
                    location: item.bodyTextLocation, itemID: item.id,
                    message: Localized(
                        zh: "这段文案与 \(earlier.date)（\(when.zh)）的“\(earlier.title)”重复了，\(days) 天内不要重复使用同一段文案。",
                        en: "This copy repeats “\(earlier.title)” of \(earlier.date), \(when.en); do not reuse copy within \(days) days."),
                    hint: Localized(
                        zh: "换个角度重写，或用上自己的真实经历。", en: "Rewrite it from another angle, or in your own words and experience."),
                    related: [RelatedLocation.item(earlier, note: nil)],
                    date: item.date, persona: item.persona,
                    identity: [earlier.id, item.id]))
        }
        return findings
    }

    /// A body's key, hashed as one block of bytes (an array of bytes hashes
    /// them one at a time).
    struct Key: Hashable {
        let bytes: [UInt8]
        /// Worked out once (serve keeps keys between rebuilds), not at every lookup.
        let digest: Int

        /// The length and both ends: enough to tell bodies apart, without
        /// hashing kilobytes (equal keys still hash alike; `==` decides).
        init(_ bytes: [UInt8]) {
            self.bytes = bytes
            var hasher = Hasher()
            hasher.combine(bytes.count)
            bytes.withUnsafeBytes { all in
                hasher.combine(bytes: UnsafeRawBufferPointer(rebasing: all.prefix(96)))
                hasher.combine(bytes: UnsafeRawBufferPointer(rebasing: all.suffix(96)))
            }
            digest = hasher.finalize()
        }

        func hash(into hasher: inout Hasher) { hasher.combine(digest) }

        /// The digests first; then the same bytes, or else all bytes by memcmp
        /// (a byte-by-byte loop over two kilobytes costs more than the lookup).
        static func == (a: Key, b: Key) -> Bool {
            guard a.digest == b.digest, a.bytes.count == b.bytes.count else { return false }
            return a.bytes.withUnsafeBufferPointer { x in
                b.bytes.withUnsafeBufferPointer { y in
                    guard let p = x.baseAddress, let q = y.baseAddress, p != q else { return true }
                    return memcmp(p, q, x.count) == 0
                }
            }
        }
    }

    /// `normalized(text)` as canonical (NFC) UTF-8 bytes: equal keys exactly when
    /// the normalized strings are equal (Swift compares strings canonically), but
    /// hashed as plain bytes. ASCII, CJK ideographs and the punctuation of Chinese
    /// copy, nearly all of any body, take a fast path on the bytes: they are NFC
    /// already and need no property lookups; anything else takes the general path.
    static func key(_ text: String) -> [UInt8] {
        return text.withBorrowedUTF8 { utf8 in
            var general = false
            // Written straight into the array: the fast path never lengthens
            // the text (ASCII stays one byte, the rest three). Raw pointers and a
            // local count: through the buffers' subscripts and the inout count
            // every byte cost a dozen instructions more.
            let bytes = [UInt8](unsafeUninitializedCapacity: utf8.count) { output, written in
                guard let source = utf8.baseAddress, let target = output.baseAddress else { return }
                let count = utf8.count
                var index = 0
                var end = 0
                defer { written = general ? 0 : end }
                Self.punctuation.entries.withUnsafeBufferPointer { punctuation in
                    while index < count {
                        let lead = source[index]
                        if lead < 0x80 {
                            // Digits and lower-case letters kept, upper-case lowered, the rest
                            // (whitespace, controls, punctuation, symbols) dropped.
                            let lower = lead | 0x20
                            if lead &- 0x30 < 10 || (lower &- 0x61 < 26) {
                                target[end] = lead &- 0x30 < 10 ? lead : lower
                                end &+= 1
                            }
                            index &+= 1
                            continue
                        }
                        // U+4E00–U+9FFF: ideographs, kept as they are. A run of them (most
                        // of any Chinese copy) is found by its lead bytes and copied whole.
                        var run = index
                        while run < count {
                            let lead = source[run]
                            guard lead &- 0xE5 < 5 || (lead == 0xE4 && source[run &+ 1] >= 0xB8) else { break }
                            run &+= 3
                        }
                        if run > index {
                            (target + end).update(from: source + index, count: run &- index)
                            end &+= run &- index
                            index = run
                            continue
                        }
                        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
                        var value = UInt32(lead) & (lead >= 0xF0 ? 0x07 : lead >= 0xE0 ? 0x0F : 0x1F)
                        for offset in 1..<length { value = value << 6 | UInt32(source[index + offset] & 0x3F) }
                        index += length
                        let kept: UInt32
                        if (0x3400...0x4DBF).contains(value) {
                            kept = value
                        } else if length == 3, let entry = PunctuationTable.index(of: value) {
                            kept = punctuation[entry]
                            if kept == PunctuationTable.dropped { continue }
                            if kept == PunctuationTable.general {
                                general = true
                                return
                            }
                        } else {
                            // Any other kept scalar of another block, or of another length, takes the general path.
                            guard Unicode.Scalar(value).flatMap(Self.kept) == nil else {
                                general = true
                                return
                            }
                            continue
                        }
                        target[end] = 0xE0 | UInt8(kept >> 12)
                        target[end &+ 1] = 0x80 | UInt8((kept >> 6) & 0x3F)
                        target[end &+ 2] = 0x80 | UInt8(kept & 0x3F)
                        end &+= 3
                    }
                }
            }
            if general { return Array(normalized(String(decoding: utf8, as: UTF8.self)).precomposedStringWithCanonicalMapping.utf8) }
            return bytes
        }
    }

    /// `kept` for the punctuation blocks that fill Chinese copy, worked out
    /// once: Unicode property lookups per scalar cost more than the rest.
    private struct PunctuationTable {
        /// General punctuation, CJK symbols and punctuation, half- and full-width forms:
        /// the kept scalar's value (three bytes in UTF-8, as all of these blocks),
        /// `dropped`, or `general` when the key needs the general path.
        let entries: [UInt32]
        static let dropped: UInt32 = 0
        static let general = UInt32.max

        init() {
            let values = Array(0x2000...0x206F) + Array(0x3000...0x303F) + Array(0xFF00...0xFFEF) as [UInt32]
            entries = values.map { value in
                guard let kept = Unicode.Scalar(value).flatMap(DuplicateCopyRule.kept) else { return Self.dropped }
                // Kept scalars of blocks without canonical decompositions or combining
                // marks (CJK punctuation, full-width forms, general punctuation) are
                // NFC as they stand, and keep their three bytes; any other does not fit.
                guard (0x3000...0x3029).contains(kept.value) || (0x3030...0x303F).contains(kept.value)
                    || (0xFF00...0xFFEF).contains(kept.value) || (0x2000...0x206F).contains(kept.value)
                else { return Self.general }
                return kept.value
            }
        }

        /// Where `value` is in `entries`, or nil outside the three blocks.
        static func index(of value: UInt32) -> Int? {
            switch value {
            case 0x2000...0x206F: return Int(value - 0x2000)
            case 0x3000...0x303F: return 0x70 + Int(value - 0x3000)
            case 0xFF00...0xFFEF: return 0xB0 + Int(value - 0xFF00)
            default: return nil
            }
        }
    }

    private static let punctuation = PunctuationTable()

    /// The scalar as `normalized` keeps it (Latin folded), or nil when dropped.
    private static func kept(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        let properties = scalar.properties
        if properties.isWhitespace { return nil }
        switch properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
            .initialPunctuation, .finalPunctuation, .otherPunctuation,
            .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol,
            .control, .format, .enclosingMark:
            return nil
        case .nonspacingMark where properties.isVariationSelector:
            return nil
        default:
            return foldLatin(scalar)
        }
    }

    /// Unicode whitespace, punctuation and symbols dropped (with the invisible
    /// companions of emoji: variation selectors, joiners, keycaps); Latin letters lower-cased.
    static func normalized(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if let kept = kept(scalar) { scalars.append(kept) }
        }
        return String(scalars)
    }
}
