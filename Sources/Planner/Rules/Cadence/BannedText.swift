/// Text as `banned-word` reads it (spec 11.2): one folded scalar per scalar
/// of the original (full-width forms to half-width, Latin letters to lower
/// case), so an index is also a position in the original. Whitespace,
/// punctuation, symbols and invisible format characters between a word's
/// characters are skipped, so `稳 赚`, `稳，赚` and `稳**赚**` all read 稳赚;
/// a blank line (a paragraph break) is never skipped.
struct BannedText {
    let scalars: [Unicode.Scalar]
    let folded: [UInt32]

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
        folded = scalars.map(Self.fold)
    }

    /// A word or phrase as it is looked for: folded, its own whitespace left out.
    static func needle(_ word: String) -> [UInt32] {
        word.unicodeScalars.filter { !$0.properties.isWhitespace }.map(fold)
    }

    /// The comparison key of a word (for `ignore: {banned-word: {稳赚: …}}`).
    static func key(_ word: String) -> String {
        String(String.UnicodeScalarView(needle(word).compactMap(Unicode.Scalar.init)))
    }

    static func fold(_ scalar: Unicode.Scalar) -> UInt32 {
        let value = scalar.value
        // Full-width ASCII and the ideographic space read as their half-width forms.
        if (0xFF01...0xFF5E).contains(value) { return foldLatin(Unicode.Scalar(value - 0xFEE0)!).value }
        if value == 0x3000 { return 0x20 }
        return foldLatin(scalar).value
    }

    /// The UTF-8 of every scalar that folds to `value` (稳: itself; r: r, R, ｒ, Ｒ):
    /// a text holding none of them cannot hold a word starting with `value`.
    static func forms(of value: UInt32) -> [[UInt8]] {
        var scalars = preimages[value] ?? []
        if let scalar = Unicode.Scalar(value), fold(scalar) == value { scalars.append(value) }
        return scalars.sorted().compactMap(Unicode.Scalar.init).map { Array(String($0).utf8) }
    }

    /// Folded value → the other scalars that fold to it.
    private static let preimages: [UInt32: [UInt32]] = {
        var table: [UInt32: [UInt32]] = [:]
        for range in latinFoldRanges + [0xFF01...0xFF5E, 0x3000...0x3000] {
            for value in range {
                guard let scalar = Unicode.Scalar(value) else { continue }
                let folded = fold(scalar)
                if folded != value { table[folded, default: []].append(value) }
            }
        }
        return table
    }()

    /// Whether the scalar may stand between a word's characters.
    static func isSkippable(_ value: UInt32) -> Bool {
        if value < 0x80 {
            // ASCII: everything but letters and digits.
            return !((0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value))
        }
        // CJK ideographs, kana and Hangul are never skipped: no property lookup for most of the text.
        if (0x3400...0x9FFF).contains(value) || (0xAC00...0xD7AF).contains(value) { return false }
        guard let scalar = Unicode.Scalar(value) else { return false }
        if scalar.properties.isWhitespace { return true }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol, .format:
            return true
        default:
            return false
        }
    }

    /// Where `needle` matches starting at `start`: the end (exclusive), or nil.
    func match(_ needle: [UInt32], at start: Int) -> Int? {
        guard let first = needle.first, start < folded.count, folded[start] == first else { return nil }
        var index = start + 1
        var matched = 1
        var newlines = 0
        while matched < needle.count && index < folded.count {
            let value = folded[index]
            if value == needle[matched] {
                matched += 1
                newlines = 0
            } else if Self.isSkippable(value) {
                if value == 0x0A {
                    newlines += 1
                    if newlines > 1 { return nil }
                }
            } else {
                return nil
            }
            index += 1
        }
        return matched == needle.count ? index : nil
    }

    /// Every match of `needle`, overlapping ones included, left to right.
    func matches(of needle: [UInt32]) -> [Range<Int>] {
        guard let first = needle.first else { return [] }
        var found: [Range<Int>] = []
        for start in folded.indices where folded[start] == first {
            if let end = match(needle, at: start) { found.append(start..<end) }
        }
        return found
    }

    /// The occurrences of a banned word outside its allowed phrases, not
    /// overlapping, left to right. An occurrence is exempt only when one
    /// match of an allowed phrase covers it whole.
    func occurrences(of word: [UInt32], allowing allowed: [[UInt32]]) -> [Range<Int>] {
        let candidates = matches(of: word)
        guard !candidates.isEmpty else { return [] }
        let exemptions = allowed.flatMap(matches(of:))
        var kept: [Range<Int>] = []
        for candidate in candidates {
            if let last = kept.last, candidate.lowerBound < last.upperBound { continue }
            if exemptions.contains(where: { $0.lowerBound <= candidate.lowerBound && candidate.upperBound <= $0.upperBound }) {
                continue
            }
            kept.append(candidate)
        }
        return kept
    }

    /// The 0-based line and column (in scalars) of an index.
    func position(of index: Int) -> (line: Int, column: Int) {
        var line = 0
        var column = 0
        for scalar in scalars[..<index] {
            if scalar == "\n" {
                line += 1
                column = 0
            } else {
                column += 1
            }
        }
        return (line, column)
    }

    /// The original text of a range.
    func text(_ range: Range<Int>) -> String {
        String(String.UnicodeScalarView(scalars[range]))
    }
}
