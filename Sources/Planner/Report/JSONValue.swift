internal import CSupport

/// A JSON document built by hand, written with its object keys sorted so the
/// same value always gives the same bytes. Used by the `json`, `gitlab` and
/// `sarif` report formats and by plan.json.
public enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// `.string(text)`, or `.null` when there is no text.
    public static func string(_ text: String?) -> JSONValue {
        guard let text else { return .null }
        return .string(text)
    }

    /// `.int(number)`, or `.null` when there is no number.
    public static func int(_ number: Int?) -> JSONValue {
        guard let number else { return .null }
        return .int(number)
    }

    /// The value as JSON text. Pretty output indents by two spaces and puts
    /// each member on its own line; compact output has no whitespace at all.
    /// Neither form ends with a newline.
    public func encoded(pretty: Bool = true) -> String {
        var output: [UInt8] = []
        write(into: &output, pretty: pretty, indent: 0)
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends the value's JSON text as UTF-8, `indent` levels deep.
    func write(into output: inout [UInt8], pretty: Bool, indent: Int) {
        switch self {
        case .null: output.append(contentsOf: "null".utf8)
        case .bool(let value): output.append(contentsOf: (value ? "true" : "false").utf8)
        case .int(let value): output.append(contentsOf: String(value).utf8)
        case .double(let value): output.append(contentsOf: JSONValue.number(value).utf8)
        case .string(let value): JSONValue.quote(value, into: &output)
        case .array(let values):
            if values.isEmpty {
                output.append(contentsOf: "[]".utf8)
                return
            }
            output.append(UInt8(ascii: "["))
            for (index, value) in values.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                if pretty { JSONValue.newline(&output, indent + 1) }
                value.write(into: &output, pretty: pretty, indent: indent + 1)
            }
            if pretty { JSONValue.newline(&output, indent) }
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            JSONValue.writeObject(JSONValue.sortedKeys(members).map { ($0, members[$0]!) }, into: &output, pretty: pretty, indent: indent)
        }
    }

    /// An object whose members come in sorted key order already, as pretty
    /// output `indent` levels deep: what `.object(…)` writes, without building
    /// and sorting a dictionary (plan.json writes one per item).
    static func writeObject(sortedMembers members: [(String, JSONValue)], into output: inout [UInt8], indent: Int) {
        assert(zip(members, members.dropFirst()).allSatisfy { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }, "members out of order")
        writeObject(members, into: &output, pretty: true, indent: indent)
    }

    private static func writeObject(_ members: [(String, JSONValue)], into output: inout [UInt8], pretty: Bool, indent: Int) {
        if members.isEmpty {
            output.append(contentsOf: "{}".utf8)
            return
        }
        output.append(UInt8(ascii: "{"))
        for (index, member) in members.enumerated() {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            if pretty { newline(&output, indent + 1) }
            quote(member.0, into: &output)
            output.append(UInt8(ascii: ":"))
            if pretty { output.append(UInt8(ascii: " ")) }
            member.1.write(into: &output, pretty: pretty, indent: indent + 1)
        }
        if pretty { newline(&output, indent) }
        output.append(UInt8(ascii: "}"))
    }

    /// Keys in the order of their UTF-8 bytes (the order of code points), which
    /// does not depend on the locale or on Unicode normalisation.
    static func sortedKeys(_ members: [String: JSONValue]) -> [String] {
        members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    private static func newline(_ output: inout [UInt8], _ indent: Int) {
        output.append(0x0A)
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * indent))
    }

    /// JSON has no NaN or infinity; they become null. Whole numbers keep no
    /// fraction so `2.0` is written `2`.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return value.description
    }

    /// Writes `text` as a JSON string: quote, backslash and the C0 controls are
    /// escaped, and so are U+2028/U+2029 (so the text is also valid JavaScript)
    /// and `</` (so it can sit inside an HTML `<script>` element). Everything
    /// else, Chinese included, stays as UTF-8.
    static func quote(_ text: String, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        // Most text needs no escape at all: one scan of the bytes (sixteen at a
        // time, CSupport/escape.c), then one append.
        let plain = text.withBorrowedUTF8 { bytes -> Bool in
            if let base = bytes.baseAddress, planbuild_find_json_special(base, bytes.count, 0) < bytes.count { return false }
            output.append(contentsOf: bytes)
            return true
        }
        if plain {
            output.append(UInt8(ascii: "\""))
            return
        }
        var escaped = ""
        var previous: Unicode.Scalar = " "
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            case "\r": escaped += "\\r"
            case "\t": escaped += "\\t"
            case "\u{08}": escaped += "\\b"
            case "\u{0C}": escaped += "\\f"
            case "/" where previous == "<": escaped += "\\/"
            case "\u{2028}": escaped += "\\u2028"
            case "\u{2029}": escaped += "\\u2029"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16)
                    escaped += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    escaped.unicodeScalars.append(scalar)
                }
            }
            previous = scalar
        }
        output.append(contentsOf: escaped.utf8)
        output.append(UInt8(ascii: "\""))
    }
}

extension JSONValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    public init(nilLiteral: ()) { self = .null }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }

    /// A repeated key keeps its last value.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}
