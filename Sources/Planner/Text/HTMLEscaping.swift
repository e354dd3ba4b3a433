/// The one HTML escaper, for text and attribute values alike (both quotes
/// are escaped): templates' `{{name}}`, serve's error page, anything else
/// that writes HTML. By UTF-8 byte: the five characters are ASCII, and an
/// ASCII byte is never part of a longer sequence, so a quote followed by a
/// combining mark is escaped too (escaping by grapheme cluster misses it and
/// lets a value end an attribute).
public enum HTMLEscaping {
    static func append(_ string: String, to output: inout [UInt8]) {
        var string = string
        string.withUTF8 { append(bytes: $0, to: &output) }
    }

    static func append(bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        var start = 0
        for index in 0..<bytes.count {
            let byte = bytes[index]
            // All five are in 0x22...0x3E: one comparison passes most bytes (and all of Chinese).
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
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
            replacement.withUTF8Buffer { output.append(contentsOf: $0) }
            start = index + 1
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<bytes.count]))
    }

    public static func escape(_ string: String) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(string.utf8.count)
        append(string, to: &output)
        return String(decoding: output, as: UTF8.self)
    }
}
