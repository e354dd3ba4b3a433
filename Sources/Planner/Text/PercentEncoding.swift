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
        set.encoded.withUnsafeBufferPointer { encoded in
            text.withBorrowedUTF8 { utf8 -> String in
                // Most paths need nothing encoded: one scan, no copy.
                var first = 0
                while first < utf8.count, !encoded[Int(utf8[first])] { first += 1 }
                if first == utf8.count { return text }
                // Written in place: every byte turns into at most three ASCII ones.
                return String(unsafeUninitializedCapacity: utf8.count * 3) { output in
                    var count = 0
                    for index in 0..<utf8.count {
                        let byte = utf8[index]
                        if index >= first, encoded[Int(byte)] {
                            output[count] = UInt8(ascii: "%")
                            output[count + 1] = hexDigit(byte >> 4)
                            output[count + 2] = hexDigit(byte & 0x0F)
                            count += 3
                        } else {
                            output[count] = byte
                            count += 1
                        }
                    }
                    return count
                }
            }
        }
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "A") + value - 10
    }
}
