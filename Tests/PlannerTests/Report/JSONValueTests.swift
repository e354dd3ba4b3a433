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
