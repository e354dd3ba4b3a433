import Foundation

/// Text as the word rules compare it, in UTF-8 bytes: each scalar folded by
/// `foldLatin` (so matches and counts are the same as over folded scalars:
/// UTF-8 is self-synchronising, so a byte match of a whole folded word
/// starts and ends on scalar boundaries). Bytes, not `[Unicode.Scalar]`:
/// a quarter of the memory, and no scalar decoding to search.
struct FoldedText {
    let bytes: [UInt8]

    /// - Parameter droppingWhitespace: leave out Unicode whitespace (the disclaimer rule).
    init(_ text: String, droppingWhitespace: Bool = false) {
        bytes = text.withBorrowedUTF8 { utf8 in
            if !droppingWhitespace, let copy = Self.foldedASCII(utf8) { return copy }
            return Self.folded(utf8, droppingWhitespace: droppingWhitespace)
        }
    }

    /// The folded bytes when only ASCII letters need folding: the text copied
    /// whole, then lower-cased in place. Nil when a non-ASCII scalar of a
    /// range `foldLatin` folds occurs (from the UTF-8 lead bytes).
    private static func foldedASCII(_ utf8: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var index = 0
        var upper = false
        while index < utf8.count {
            let byte = utf8[index]
            switch byte {
            case 0x41...0x5A:
                upper = true
            case 0xC3...0xC9:  // U+00C0–U+027F
                return nil
            case 0xE1 where index + 1 < utf8.count && (0xB8...0xBB).contains(utf8[index + 1]):  // U+1E00–U+1EFF
                return nil
            case 0xEF where index + 2 < utf8.count && utf8[index + 1] == 0xBC && (0xA1...0xBA).contains(utf8[index + 2]):  // U+FF21–U+FF3A
                return nil
            default:
                break
            }
            index += 1
        }
        var copy = Array(utf8)
        if upper {
            for position in copy.indices where (0x41...0x5A).contains(copy[position]) { copy[position] += 0x20 }
        }
        return copy
    }

    private static func folded(_ utf8: UnsafeBufferPointer<UInt8>, droppingWhitespace: Bool) -> [UInt8] {
        var folded: [UInt8] = []
        folded.reserveCapacity(utf8.count)
        var index = 0
        while index < utf8.count {
            let lead = utf8[index]
            if lead < 0x80 {
                index += 1
                // ASCII whitespace: tab to carriage return, and space.
                let whitespace = lead == 0x20 || (0x09...0x0D).contains(lead)
                if !(droppingWhitespace && whitespace) {
                    folded.append((0x41...0x5A).contains(lead) ? lead + 0x20 : lead)
                }
                continue
            }
            let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
            var value = UInt32(lead) & (lead >= 0xF0 ? 0x07 : lead >= 0xE0 ? 0x0F : 0x1F)
            for offset in 1..<length { value = value << 6 | UInt32(utf8[index + offset] & 0x3F) }
            let start = index
            index += length
            // No scalar above U+3000 is whitespace, nor below U+00C0 a
            // non-ASCII Latin letter: CJK text needs no property lookups.
            if droppingWhitespace && value <= 0x3000, let scalar = Unicode.Scalar(value), scalar.properties.isWhitespace {
                continue
            }
            if value >= 0xC0, let scalar = Unicode.Scalar(value) {
                let lower = foldLatin(scalar)
                if lower != scalar {
                    folded.append(contentsOf: String(lower).utf8)
                    continue
                }
            }
            for offset in start..<index { folded.append(utf8[offset]) }
        }
        return folded
    }

    /// For each needle, the byte offsets where it occurs, not overlapping, left to right.
    func occurrences(of needles: [[UInt8]]) -> [[Int]] {
        bytes.withUnsafeBufferPointer { Self.occurrences(of: needles, in: $0) }
    }

    func contains(_ needle: [UInt8]) -> Bool {
        !occurrences(of: [needle])[0].isEmpty
    }

    /// For each needle, the byte offsets where it occurs in `haystack`, not
    /// overlapping, left to right. `memchr` finds each candidate by the
    /// needle's last byte (in Chinese text, a continuation byte: rare), and
    /// `memcmp` checks it.
    static func occurrences(of needles: [[UInt8]], in haystack: UnsafeBufferPointer<UInt8>) -> [[Int]] {
        needles.map { needle in
            guard let base = haystack.baseAddress, !needle.isEmpty, needle.count <= haystack.count else { return [] }
            var found: [Int] = []
            needle.withUnsafeBytes { word in
                guard let wordBase = word.baseAddress else { return }
                let last = Int32(needle[needle.count - 1])
                // Where the last byte of the next match may be.
                var from = needle.count - 1
                while from < haystack.count, let hit = memchr(base + from, last, haystack.count - from) {
                    let end = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
                    let start = end - (needle.count - 1)
                    // The byte before the last one rules out most candidates without a call.
                    let close = needle.count < 2 || haystack[end - 1] == needle[needle.count - 2]
                    if close && memcmp(base + start, wordBase, needle.count) == 0 {
                        found.append(start)
                        from = end + needle.count
                    } else {
                        from = end + 1
                    }
                }
            }
            return found
        }
    }

    static func position(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (line: Int, column: Int) {
        var line = 0
        var column = 0
        for byte in bytes[..<offset] {
            if byte == 0x0A {
                line += 1
                column = 0
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }

    /// Whether a folded word only ever matches the very same scalars: none
    /// of its scalars is what `foldLatin` makes of another. Such a word is
    /// found in the text as it stands, with the same offsets in scalars.
    static func isFoldStable(_ folded: [UInt8]) -> Bool {
        !String(decoding: folded, as: UTF8.self).unicodeScalars.contains { foldImages.contains($0.value) }
    }

    /// Every scalar `foldLatin` turns another scalar into.
    private static let foldImages: Set<UInt32> = {
        var images: Set<UInt32> = []
        for range in latinFoldRanges {
            for value in range {
                guard let scalar = Unicode.Scalar(value) else { continue }
                let folded = foldLatin(scalar)
                if folded != scalar { images.insert(folded.value) }
            }
        }
        return images
    }()
}
