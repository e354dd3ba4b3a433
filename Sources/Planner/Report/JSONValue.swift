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
        var output = ""
        write(into: &output, pretty: pretty, indent: 0)
        return output
    }

    /// The value as it is written `indent` levels deep inside pretty output, so
    /// parts of one document can be encoded apart (in parallel) and joined.
    func encoded(prettyAtIndent indent: Int) -> String {
        var output = ""
        write(into: &output, pretty: true, indent: indent)
        return output
    }

    private func write(into output: inout String, pretty: Bool, indent: Int) {
        switch self {
        case .null: output += "null"
        case .bool(let value): output += value ? "true" : "false"
        case .int(let value): output += String(value)
        case .double(let value): output += JSONValue.number(value)
        case .string(let value): JSONValue.quote(value, into: &output)
        case .array(let values):
            if values.isEmpty {
                output += "[]"
                return
            }
            output += "["
            for (index, value) in values.enumerated() {
                if index > 0 { output += "," }
                if pretty { JSONValue.newline(&output, indent + 1) }
                value.write(into: &output, pretty: pretty, indent: indent + 1)
            }
            if pretty { JSONValue.newline(&output, indent) }
            output += "]"
        case .object(let members):
            JSONValue.writeObject(JSONValue.sortedKeys(members).map { ($0, members[$0]!) }, into: &output, pretty: pretty, indent: indent)
        }
    }

    /// An object whose members come in sorted key order already, as pretty
    /// output `indent` levels deep: what `.object(…).encoded(prettyAtIndent:)`
    /// gives, without building and sorting a dictionary (plan.json writes one
    /// per item).
    static func encodedObject(sortedMembers members: [(String, JSONValue)], prettyAtIndent indent: Int) -> String {
        assert(zip(members, members.dropFirst()).allSatisfy { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }, "members out of order")
        var output = ""
        writeObject(members, into: &output, pretty: true, indent: indent)
        return output
    }

    private static func writeObject(_ members: [(String, JSONValue)], into output: inout String, pretty: Bool, indent: Int) {
        if members.isEmpty {
            output += "{}"
            return
        }
        output += "{"
        for (index, member) in members.enumerated() {
            if index > 0 { output += "," }
            if pretty { newline(&output, indent + 1) }
            quote(member.0, into: &output)
            output += pretty ? ": " : ":"
            member.1.write(into: &output, pretty: pretty, indent: indent + 1)
        }
        if pretty { newline(&output, indent) }
        output += "}"
    }

    /// Keys in the order of their UTF-8 bytes (the order of code points), which
    /// does not depend on the locale or on Unicode normalisation.
    static func sortedKeys(_ members: [String: JSONValue]) -> [String] {
        members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    private static func newline(_ output: inout String, _ indent: Int) {
        output += "\n"
        output += String(repeating: "  ", count: indent)
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
    static func quote(_ text: String, into output: inout String) {
        output += "\""
        // Most text needs no escape at all: one scan of the bytes, then one append.
        var text = text
        let plain = text.withUTF8 { bytes -> Bool in
            var previous: UInt8 = 0
            for index in 0..<bytes.count {
                let byte = bytes[index]
                if byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F || (byte == 0x2F && previous == 0x3C) { return false }
                // U+2028 and U+2029 are E2 80 A8 and E2 80 A9.
                if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 {
                    return false
                }
                previous = byte
            }
            return true
        }
        if plain {
            output += text
            output += "\""
            return
        }
        var previous: Unicode.Scalar = " "
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            case "/" where previous == "<": output += "\\/"
            case "\u{2028}": output += "\\u2028"
            case "\u{2029}": output += "\\u2029"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
            previous = scalar
        }
        output += "\""
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
