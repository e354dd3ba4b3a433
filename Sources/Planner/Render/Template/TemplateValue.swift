/// What a template reads: text, numbers, flags, lists and objects with named
/// fields. Page models turn themselves into these once per page (`TemplateFields`), so rendering
/// never casts, reflects or parses a name.
///
/// Truth follows the Mustache semantics the built-in theme was written
/// against: only `false`, an empty list and an absent name are false; an
/// empty string or `0` still opens a section.
enum TemplateValue: Sendable {
    case bool(Bool)
    case int(Int)
    case string(String)
    /// Text already in UTF-8 (rendered copy): written without a conversion.
    case bytes([UInt8])
    case list([TemplateValue])
    case object(TemplateObject)
}

/// A field name with its hash worked out once: template names are hashed
/// when the template is parsed, record keys when the record is made, so a
/// lookup compares two integers before it compares any text.
struct TemplateKey: Sendable, ExpressibleByStringLiteral {
    let name: String
    let hash: UInt64

    init(_ name: String) {
        self.name = name
        // FNV-1a: cheap for the short ASCII names templates use; only compared within one process.
        var name = name
        self.hash = name.withUTF8 { bytes in
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in bytes {
                hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            }
            return hash
        }
    }

    init(stringLiteral name: String) { self.init(name) }
}

/// Named fields in the order they were given; a class so a value shared by
/// many pages (a chip, the interface strings) is built once and copied as a
/// reference. A page model has a few dozen fields at most, so a scan that
/// compares hashes beats a hash table, and making one costs a single array.
final class TemplateObject: Sendable {
    private let fields: [(key: TemplateKey, value: TemplateValue)]

    /// - Parameter fields: the first of two fields with one name wins.
    init(_ fields: [(key: TemplateKey, value: TemplateValue)]) {
        self.fields = fields
    }

    subscript(key: TemplateKey) -> TemplateValue? {
        // By index through the buffer: a `for field in fields` loop copies (retains) every value it passes.
        fields.withUnsafeBufferPointer { fields in
            for index in fields.indices where fields[index].key.hash == key.hash && fields[index].key.name == key.name {
                return fields[index].value
            }
            return nil
        }
    }
}

extension TemplateValue {
    /// An object from fields; `nil` values are left out, so a lookup of that
    /// name climbs to the enclosing objects as Mustache prescribes.
    static func record(_ fields: KeyValuePairs<TemplateKey, TemplateValue?>) -> TemplateValue {
        var present: [(key: TemplateKey, value: TemplateValue)] = []
        present.reserveCapacity(fields.count)
        for (key, value) in fields {
            if let value { present.append((key, value)) }
        }
        return .object(TemplateObject(present))
    }
}
