import Foundation

extension String {
    /// Whether the text is made only of scalars that are in NFC whatever
    /// surrounds them (ASCII, CJK ideographs and punctuation, full-width
    /// forms; no combining marks): then `<` and `==` order and equate it as
    /// its UTF-8 bytes do, and bytes can be compared without `<`'s checks of
    /// every scalar. Paths and ids in a Chinese plan are all such text.
    var isPlainNFC: Bool {
        var text = self
        return text.withUTF8 { utf8 in
            var index = 0
            while index < utf8.count {
                let lead = utf8[index]
                if lead < 0x80 {
                    index += 1
                    continue
                }
                guard lead & 0xF0 == 0xE0, index + 2 < utf8.count else { return false }
                let value = (UInt32(lead) & 0x0F) << 12 | (UInt32(utf8[index + 1]) & 0x3F) << 6 | (UInt32(utf8[index + 2]) & 0x3F)
                switch value {
                case 0x3000...0x3029, 0x3030...0x303F, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xFF01...0xFF5E: index += 3
                default: return false
                }
            }
            return true
        }
    }
}

extension Array {
    /// Sorted by a text key in `<` order: by bytes when every key is plain
    /// NFC text (the same order, several times cheaper), else by `<`.
    /// A walk lists nearly everything in order already: then one pass over it is all.
    func sortedByText(_ key: (Element) -> String) -> [Element] {
        guard allSatisfy({ key($0).isPlainNFC }) else { return sorted { key($0) < key($1) } }
        var inOrder = true
        for index in indices.dropFirst() where !key(self[index - 1]).precedesByBytes(key(self[index])) {
            inOrder = false
            break
        }
        if inOrder { return self }
        return sorted { key($0).precedesByBytes(key($1)) }
    }
}
