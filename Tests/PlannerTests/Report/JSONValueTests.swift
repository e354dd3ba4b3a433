import Foundation
import Testing

@testable import Planner

@Suite struct JSONValueTests {
    @Test func escapesStrings() {
        let value = JSONValue.string("a\"b\\c\nd\re\tf\u{01}g\u{7F}h</script>\u{2028}中文%,:|")
        #expect(
            value.encoded()
                == #""a\"b\\c\nd\re\tf\u0001g\u007fh<\/script>\u2028中文%,:|""#)
    }

    /// The escaper finds what to escape sixteen bytes at a time, looking
    /// closer at the lead byte 0xE2 (Chinese quotation marks and dashes share
    /// it with U+2028) and at `/` (escaped only after `<`): with each mark at
    /// each place of texts around the block size, it writes what escaping one
    /// scalar at a time writes.
    @Test func everyMarkAtEveryPlaceIsEscapedAsScalarByScalar() {
        func reference(_ text: String) -> String {
            var out = "\""
            var previous: Unicode.Scalar = " "
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                case "\u{08}": out += "\\b"
                case "\u{0C}": out += "\\f"
                case "/" where previous == "<": out += "\\/"
                case "\u{2028}": out += "\\u2028"
                case "\u{2029}": out += "\\u2029"
                case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                default: out.unicodeScalars.append(scalar)
                }
                previous = scalar
            }
            return out + "\""
        }
        var wrong: [String] = []
        let marks = ["\"", "\\", "\n", "\u{1}", "\u{7F}", "</", "\u{2028}", "\u{2029}", "“", "—", "…", "\u{2027}", "/", "<", "中"]
        for length in [0, 1, 7, 14, 15, 16, 17, 31, 32, 33] {
            let base = Array(String(repeating: "文a", count: length).prefix(length))
            for mark in marks {
                for position in 0...base.count {
                    var text = base
                    text.insert(contentsOf: mark, at: position)
                    let string = String(text)
                    var output: [UInt8] = []
                    JSONValue.quote(string, into: &output)
                    if String(decoding: output, as: UTF8.self) != reference(string) { wrong.append(string.debugDescription) }
                }
            }
        }
        #expect(wrong.isEmpty, "escaped differently: \(wrong.prefix(5))")
    }

    @Test func roundTripsThroughFoundation() throws {
        let text = "引号\" 反斜杠\\ 换行\r\n 控制\u{00} \u{1B}[31m <script>&</script> 🎉"
        let value: JSONValue = ["text": .string(text), "list": [1, 2.5, true, nil, "x"]]
        for pretty in [true, false] {
            let parsed = try #require(try ReportSamples.parse(value.encoded(pretty: pretty)) as? [String: Any])
            #expect(parsed["text"] as? String == text)
            let list = try #require(parsed["list"] as? [Any])
            #expect(list.count == 5)
            #expect(list[0] as? Int == 1)
            #expect(list[1] as? Double == 2.5)
            #expect(list[2] as? Bool == true)
            #expect(list[3] is NSNull)
        }
    }

    @Test func sortsKeysAndIndents() {
        let value: JSONValue = ["b": 1, "a": ["z": [], "$y": [:]], "B": "x", "中": 2]
        #expect(
            value.encoded() == """
                {
                  "B": "x",
                  "a": {
                    "$y": {},
                    "z": []
                  },
                  "b": 1,
                  "中": 2
                }
                """)
        #expect(value.encoded(pretty: false) == #"{"B":"x","a":{"$y":{},"z":[]},"b":1,"中":2}"#)
    }

    @Test func writesNumbers() {
        #expect(JSONValue.double(2).encoded() == "2")
        #expect(JSONValue.double(-0.5).encoded() == "-0.5")
        #expect(JSONValue.double(.nan).encoded() == "null")
        #expect(JSONValue.double(.infinity).encoded() == "null")
        #expect(JSONValue.int(-42).encoded() == "-42")
        #expect(JSONValue.string(nil as String?).encoded() == "null")
        #expect(JSONValue.int(nil as Int?).encoded() == "null")
    }

    @Test func isTheSameEveryTime() {
        var members: [String: JSONValue] = [:]
        for index in 0..<200 { members["key\(index)"] = .int(index) }
        let first = JSONValue.object(members).encoded()
        let again = JSONValue.object(Dictionary(uniqueKeysWithValues: members.reversed())).encoded()
        #expect(first == again)
    }
}
