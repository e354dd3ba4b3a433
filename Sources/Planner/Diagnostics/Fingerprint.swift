/// A stable content hash (64-bit FNV-1a, twice with different offsets, giving
/// 128 bits in hex). Unlike `hashValue` it is the same in every process.
public enum Fingerprint {
    public static func make(_ parts: [String]) -> String {
        let (first, second) = words(parts)
        return hex(first) + hex(second)
    }

    /// The two words `make` writes as hex (a feed writes them as bytes itself).
    static func words(_ parts: [String]) -> (UInt64, UInt64) {
        var first: UInt64 = 0xcbf2_9ce4_8422_2325
        var second: UInt64 = 0x8422_2325_cbf2_9ce4
        let prime: UInt64 = 0x0000_0100_0000_01b3
        for part in parts {
            for byte in part.utf8 {
                first = (first ^ UInt64(byte)) &* prime
                second = (second ^ UInt64(byte)) &* prime
                second = (second << 7) | (second >> 57)
            }
            // A separator byte that cannot occur in UTF-8 keeps ["ab","c"] apart from ["a","bc"].
            first = (first ^ 0xff) &* prime
            second = (second ^ 0xff) &* prime
        }
        return (first, second)
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
