/// The one HTML escaper, for text and attribute values alike (both quotes
/// are escaped): templates' `{{name}}`, serve's error page, anything else
/// that writes HTML. By UTF-8 byte: the five characters are ASCII, and an
/// ASCII byte is never part of a longer sequence, so a quote followed by a
/// combining mark is escaped too (escaping by grapheme cluster misses it and
/// lets a value end an attribute).
public enum HTMLEscaping {
    static func append<Output: ByteOutput>(_ string: String, to output: inout Output) {
        var string = string
        string.withUTF8 { append(bytes: $0, to: &output) }
    }

    static func append<Output: ByteOutput>(bytes: UnsafeBufferPointer<UInt8>, to output: inout Output) {
        guard let base = bytes.baseAddress else { return }
        let count = bytes.count
        var start = 0
        var index = 0
        while index < count {
            // Eight bytes at a time past words that hold none of the five: most of a copy's text.
            if index + 8 <= count, !mayHoldSpecial(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) {
                index += 8
                continue
            }
            let end = min(index + 8, count)
            while index < end {
                let byte = base[index]
                index += 1
                // All five are in 0x22...0x3E: one comparison passes most bytes.
                if byte > 0x3E || byte < 0x22 { continue }
                let replacement: StaticString
                switch byte {
                case 0x3C: replacement = "&lt;"
                case 0x3E: replacement = "&gt;"
                case 0x26: replacement = "&amp;"
                case 0x22: replacement = "&quot;"
                case 0x27: replacement = "&#39;"
                default: continue
                }
                output.append(bytes: UnsafeBufferPointer(rebasing: bytes[start..<index - 1]))
                replacement.withUTF8Buffer { output.append(bytes: $0) }
                start = index
            }
        }
        output.append(bytes: UnsafeBufferPointer(rebasing: bytes[start..<count]))
    }

    /// Whether escaping would change the text: whether it holds any of the five.
    static func changes(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        var index = 0
        while index + 8 <= bytes.count {
            if mayHoldSpecial(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) { break }
            index += 8
        }
        while index < bytes.count {
            switch base[index] {
            case 0x3C, 0x3E, 0x26, 0x22, 0x27: return true
            default: index += 1
            }
        }
        return false
    }

    /// Whether any of the word's bytes may be one of the five: `"` `&` `'`
    /// (and `#`) are the bytes that read 0x27 with bits 0 and 2 set, `<` `>`
    /// those that read 0x3E with bit 1 set. Exact per byte: a zero byte is found without a false alarm.
    @inline(__always)
    private static func mayHoldSpecial(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let quotes = (word | ones &* 0x05) ^ (ones &* 0x27)
        let angles = (word | ones &* 0x02) ^ (ones &* 0x3E)
        return (hasZeroByte(quotes) || hasZeroByte(angles))
    }

    @inline(__always)
    private static func hasZeroByte(_ word: UInt64) -> Bool {
        (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080 != 0
    }

    public static func escape(_ string: String) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(string.utf8.count)
        append(string, to: &output)
        return String(decoding: output, as: UTF8.self)
    }
}
