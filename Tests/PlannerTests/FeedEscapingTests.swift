import Testing
@testable import Planner

/// A feed's TEXT escaping looks sixteen bytes at a time: with a mark or a
/// control byte at any place of a text of any length, it writes what a
/// byte-by-byte escaper writes (RFC 5545 §3.3.11; tabs stay, CR is dropped).
struct FeedEscapingTests {
    private static func reference(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "\\"), UInt8(ascii: ";"), UInt8(ascii: ","): out += [92, byte]
            case 10: out += [92, 110]
            case 9: out.append(9)
            case 0..<32: break
            default: out.append(byte)
            }
        }
        return out
    }

    @Test func everyMarkAtEveryPlaceIsEscapedAsByteByByte() {
        var wrong: [String] = []
        // Lengths around the sixteen-byte blocks.
        for length in [0, 1, 7, 14, 15, 16, 17, 31, 32, 33, 40] {
            let base = Array(String(repeating: "文a", count: length).utf8.prefix(length))
            for mark: UInt8 in [92, 59, 44, 10, 13, 9, 0, 31] {
                for position in 0...base.count {
                    var text = base
                    text.insert(mark, at: position)
                    var out: [UInt8] = []
                    text.withUnsafeBufferPointer { ICalendar.appendEscaped(bytes: $0, to: &out) }
                    if out != Self.reference(text) { wrong.append("\(length) \(mark) at \(position)") }
                }
            }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(10))")
    }
}
