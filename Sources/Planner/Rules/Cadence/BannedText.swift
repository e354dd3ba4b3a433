internal import CSupport
import Foundation

/// Text as `banned-word` reads it (spec 11.2), searched in its UTF-8 bytes:
/// each scalar is compared folded (full-width forms to half-width, Latin
/// letters to lower case). Whitespace, punctuation, symbols and invisible
/// format characters between a word's characters are skipped, so `稳 赚`,
/// `稳，赚` and `稳**赚**` all read 稳赚; a blank line (a paragraph break) is
/// never skipped. Ranges are byte offsets on scalar boundaries: they order
/// and nest as scalar indices do, and lines and columns (in scalars) are
/// counted only for what is reported.
struct BannedText {
    let utf8: UnsafeBufferPointer<UInt8>

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

    /// `fold` of a scalar value, without a property lookup for ASCII and most CJK text.
    static func fold(value: UInt32) -> UInt32 {
        if value < 0x80 { return (0x41...0x5A).contains(value) ? value + 0x20 : value }
        // No range that folds lies between U+1F00 and U+2FFF or U+3001 and U+FF00.
        if (0x1F00...0x2FFF).contains(value) || (0x3001...0xFF00).contains(value) { return value }
        guard let scalar = Unicode.Scalar(value) else { return value }
        return fold(scalar)
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

    /// The scalar starting at byte `index` (the text is valid UTF-8): its folded value and length.
    func scalar(at index: Int) -> (folded: UInt32, length: Int) {
        let lead = utf8[index]
        if lead < 0x80 { return (Self.fold(value: UInt32(lead)), 1) }
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        var value = UInt32(lead) & (length == 4 ? 0x07 : length == 3 ? 0x0F : 0x1F)
        for offset in 1..<length { value = value << 6 | UInt32(utf8[index + offset] & 0x3F) }
        return (Self.fold(value: value), length)
    }

    /// Where `needle` matches from byte `start`, where a scalar folding to its
    /// first value begins: the end (exclusive), or nil.
    func match(_ needle: [UInt32], at start: Int) -> Int? {
        var index = start + scalar(at: start).length
        var matched = 1
        var newlines = 0
        while matched < needle.count && index < utf8.count {
            let (value, length) = scalar(at: index)
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
            index += length
        }
        return matched == needle.count ? index : nil
    }

    /// Every match of `needle` from the given starts (ascending), overlapping ones included.
    func matches(of needle: [UInt32], from starts: [Int]) -> [Range<Int>] {
        guard !needle.isEmpty else { return [] }
        return starts.compactMap { start in match(needle, at: start).map { start..<$0 } }
    }

    /// The occurrences of a banned word outside its allowed phrases, not
    /// overlapping, left to right. An occurrence is exempt only when one
    /// match of an allowed phrase covers it whole. `starts` gives where each
    /// first scalar (of the word, then of each phrase) begins.
    func occurrences(of word: [UInt32], allowing allowed: [[UInt32]], starts: (Int) -> [Int], firsts: (word: Int, allowed: [Int]))
        -> [Range<Int>]
    {
        let candidates = matches(of: word, from: starts(firsts.word))
        guard !candidates.isEmpty else { return [] }
        var exemptions: [Range<Int>] = []
        for (phrase, first) in zip(allowed, firsts.allowed) { exemptions += matches(of: phrase, from: starts(first)) }
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

    /// The 0-based line and column (in scalars) of a byte offset.
    func position(of index: Int) -> (line: Int, column: Int) {
        FoldedText.position(of: index, in: utf8)
    }

    /// The original text of a range.
    func text(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: utf8[range]), as: UTF8.self)
    }
}

/// Where the scalars that fold to each of a few first values begin in a
/// text. When the forms are few (at most 4 of one byte, 8 of more: any
/// short list of Chinese words), the text is searched for their last two
/// bytes (the last byte of a one-byte form) 16 positions at a time
/// (CSupport), and each hit compared with the forms ending there: most of a
/// text is passed over without looking at its scalars. Otherwise one pass
/// over its scalars: a three-byte scalar (all of Chinese) is looked up whole
/// in a table of bits (8 KB: one 64-bit mask of last bytes per lead and
/// second byte), other scalars by a table of their first two bytes.
struct FirstScalarTable {
    /// For each first value, the UTF-8 of every scalar folding to it.
    let forms: [[[UInt8]]]
    /// Three-byte forms: bit `third & 0x3F` of entry `(lead & 0x0F) << 6 | second & 0x3F`.
    private var threes = [UInt64](repeating: 0, count: 1024)
    /// Other forms: a bit per pair of first two bytes (one-byte forms mark every pair they start).
    private var pairs = [UInt64](repeating: 0, count: 1024)
    /// First bytes of one-byte forms, which match at the text's last byte too.
    private var singles = [Bool](repeating: false, count: 256)

    init(firsts: [UInt32]) {
        forms = firsts.map(BannedText.forms(of:))
        for form in forms.joined() {
            switch form.count {
            case 1:
                singles[Int(form[0])] = true
                for second in 0..<256 { mark(Int(form[0]) << 8 | second) }
            case 3:
                threes[Int(form[0] & 0x0F) << 6 | Int(form[1] & 0x3F)] |= 1 << UInt64(form[2] & 0x3F)
            default:
                mark(Int(form[0]) << 8 | Int(form[1]))
            }
        }
        groupByLastBytes()
    }

    private mutating func mark(_ pair: Int) { pairs[pair >> 6] |= 1 << UInt64(pair & 63) }

    /// The bytes of the one-byte forms, and the last two bytes of the others
    /// (first, second, …), when few enough for the vector search (else both empty).
    private var singleBytes: [UInt8] = []
    private var lastPairs: [UInt8] = []
    /// Forms grouped by their last byte: those ending in byte `b` are
    /// `endingIn[firstEnding[b]..<firstEnding[b + 1]]`, as (first value, start in `formBytes`, length).
    private var firstEnding = [Int](repeating: 0, count: 257)
    private var endingIn: [(value: Int, start: Int, length: Int)] = []
    private var formBytes: [UInt8] = []

    /// Fills the tables of the search by last bytes, when the forms are few enough.
    private mutating func groupByLastBytes() {
        var singles: [UInt8] = []
        var pairs: [[UInt8]] = []
        var byLast = [[(value: Int, start: Int, length: Int)]](repeating: [], count: 256)
        for (value, forms) in forms.enumerated() {
            for form in forms {
                guard let last = form.last else { continue }
                if form.count == 1 {
                    if !singles.contains(last) { singles.append(last) }
                } else if !pairs.contains(Array(form.suffix(2))) {
                    pairs.append(Array(form.suffix(2)))
                }
                byLast[Int(last)].append((value, formBytes.count, form.count))
                formBytes += form
            }
        }
        guard singles.count + pairs.count > 0, singles.count <= 4, pairs.count <= 8 else { return }
        singleBytes = singles
        lastPairs = Array(pairs.joined())
        for byte in 0..<256 {
            firstEnding[byte] = endingIn.count
            endingIn += byLast[byte]
        }
        firstEnding[256] = endingIn.count
    }

    /// For each first value, the byte offsets where a scalar folding to it begins, ascending.
    func starts(in utf8: UnsafeBufferPointer<UInt8>) -> [[Int]] {
        var found = [[Int]](repeating: [], count: forms.count)
        guard let base = utf8.baseAddress, !utf8.isEmpty else { return found }
        if !endingIn.isEmpty {
            startsByLastBytes(in: utf8, into: &found)
            return found
        }
        threes.withUnsafeBufferPointer { threes in
            pairs.withUnsafeBufferPointer { pairs in
                var index = 0
                let last = utf8.count - 1
                // Scalar by scalar: the text is valid UTF-8, so a lead byte is followed by its whole scalar.
                while index <= last {
                    let lead = base[index]
                    if lead & 0xF0 == 0xE0 {
                        let mask = threes[Int(lead & 0x0F) << 6 | Int(base[index + 1] & 0x3F)]
                        if mask != 0 && mask & (1 &<< UInt64(base[index + 2] & 0x3F)) != 0 { collect(at: index, in: utf8, into: &found) }
                        index += 3
                        continue
                    }
                    if index < last {
                        let pair = Int(lead) << 8 | Int(base[index + 1])
                        if pairs[pair &>> 6] & (1 &<< UInt64(pair & 63)) != 0 { collect(at: index, in: utf8, into: &found) }
                    } else if singles[Int(lead)] {
                        collect(at: index, in: utf8, into: &found)
                    }
                    index += lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : 4
                }
            }
        }
        return found
    }

    /// `starts` by the forms' last bytes. A hit at `position` is where a
    /// one-byte form stands or where the last two bytes of a longer one
    /// begin: the forms ending there (at `position`, or one byte on) are
    /// compared whole. A form matching whole starts on a scalar boundary
    /// (its first byte is a lead byte or ASCII) and scalars do not overlap,
    /// so starts come in ascending order, each once.
    private func startsByLastBytes(in utf8: UnsafeBufferPointer<UInt8>, into found: inout [[Int]]) {
        guard let base = utf8.baseAddress else { return }
        let count = utf8.count
        singleBytes.withUnsafeBufferPointer { singles in
            lastPairs.withUnsafeBufferPointer { pairs in
                endingIn.withUnsafeBufferPointer { endingIn in
                    formBytes.withUnsafeBufferPointer { formBytes in
                        func next(from: Int) -> Int {
                            planbuild_find_bytes(base, count, from, singles.baseAddress, singles.count, pairs.baseAddress, pairs.count / 2)
                        }
                        var position = next(from: 0)
                        while position < count {
                            for end in position...min(position + 1, count - 1) {
                                let byte = Int(base[end])
                                // One-byte forms end at the hit, longer ones a byte on.
                                for candidate in endingIn[firstEnding[byte]..<firstEnding[byte + 1]]
                                where (candidate.length == 1) == (end == position) && candidate.length <= end + 1 {
                                    let start = end + 1 - candidate.length
                                    if memcmp(base + start, formBytes.baseAddress! + candidate.start, candidate.length) == 0 {
                                        found[candidate.value].append(start)
                                    }
                                }
                            }
                            position = next(from: position + 1)
                        }
                    }
                }
            }
        }
    }

    private func collect(at index: Int, in utf8: UnsafeBufferPointer<UInt8>, into found: inout [[Int]]) {
        for (value, forms) in forms.enumerated() {
            for form in forms where form.count <= utf8.count - index {
                var same = true
                for offset in form.indices where utf8[index + offset] != form[offset] {
                    same = false
                    break
                }
                if same {
                    found[value].append(index)
                    break
                }
            }
        }
    }
}
