internal import CSupport

/// The one HTML escaper, for text and attribute values alike (both quotes
/// are escaped): templates' `{{name}}`, serve's error page, anything else
/// that writes HTML. By UTF-8 byte: the five characters are ASCII, and an
/// ASCII byte is never part of a longer sequence, so a quote followed by a
/// combining mark is escaped too (escaping by grapheme cluster misses it and
/// lets a value end an attribute).
public enum HTMLEscaping {
    static func append<Output: ByteOutput>(_ string: String, to output: inout Output) {
        string.withBorrowedUTF8 { append(bytes: $0, to: &output) }
    }

    static func append<Output: ByteOutput>(bytes: UnsafeBufferPointer<UInt8>, to output: inout Output) {
        guard let base = bytes.baseAddress else { return }
        let count = bytes.count
        var start = 0
        while true {
            // The next of the five, found sixteen bytes at a time (CSupport): most text has none.
            let found = planbuild_find_html_special(base, count, start)
            guard found < count else { break }
            output.append(bytes: UnsafeBufferPointer(rebasing: bytes[start..<found]))
            let replacement: StaticString
            switch base[found] {
            case 0x3C: replacement = "&lt;"
            case 0x3E: replacement = "&gt;"
            case 0x26: replacement = "&amp;"
            case 0x22: replacement = "&quot;"
            default: replacement = "&#39;"
            }
            replacement.withUTF8Buffer { output.append(bytes: $0) }
            start = found + 1
        }
        output.append(bytes: UnsafeBufferPointer(rebasing: bytes[start..<count]))
    }

    /// Whether escaping would change the text: whether it holds any of the five.
    static func changes(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        return planbuild_find_html_special(base, bytes.count, 0) < bytes.count
    }

    public static func escape(_ string: String) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(string.utf8.count)
        append(string, to: &output)
        return String(decoding: output, as: UTF8.self)
    }
}
