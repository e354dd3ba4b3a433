/// The one percent-encoder: each byte of a set becomes `%XX` (upper-case
/// hex), every other byte stays. Links between pages, SARIF's URIs and
/// GitHub's workflow commands differ only in the set.
enum PercentEncoding {
    /// Which bytes are encoded, as a table by byte value.
    struct ByteSet: Sendable {
        fileprivate let encoded: [Bool]

        init(encoding: (UInt8) -> Bool) {
            encoded = (0...255).map { encoding(UInt8($0)) }
        }

        /// A path: everything but RFC 3986's unreserved characters and `/`,
        /// so links work for Chinese names, spaces and `#` alike and no
        /// segment can be read as a scheme or query.
        static let path = ByteSet { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"), UInt8(ascii: "/"):
                return false
            default:
                return true
            }
        }
    }

    static func encode(_ text: String, _ set: ByteSet) -> String {
        let utf8 = text.utf8
        // Most paths need nothing encoded: one scan, no copy.
        guard let first = utf8.firstIndex(where: { set.encoded[Int($0)] }) else { return text }
        var output: [UInt8] = []
        output.reserveCapacity(utf8.count * 3)
        output.append(contentsOf: utf8[..<first])
        for byte in utf8[first...] {
            if set.encoded[Int(byte)] {
                output.append(UInt8(ascii: "%"))
                output.append(hexDigit(byte >> 4))
                output.append(hexDigit(byte & 0x0F))
            } else {
                output.append(byte)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "A") + value - 10
    }
}
