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
    /// UTF-8 text known to hold none of the characters HTML escaping replaces
    /// (`PlainCopy`): written as it is, escaped or not, without a scan.
    case escapeFree([UInt8])
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
        // Eight bytes at a time (every page model makes its keys anew, so this runs
        // for each field of each page); only compared within one process.
        var name = name
        self.hash = name.withUTF8 { bytes in
            var hash = UInt64(bytes.count) &* 0x9E37_79B9_7F4A_7C15
            guard let base = bytes.baseAddress else { return hash }
            let raw = UnsafeRawPointer(base)
            var index = 0
            while index + 8 <= bytes.count {
                hash = Self.mix(hash, raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                index += 8
            }
            if index < bytes.count, bytes.count >= 8 {
                // The last eight bytes, overlapping the word before.
                hash = Self.mix(hash, raw.loadUnaligned(fromByteOffset: bytes.count - 8, as: UInt64.self))
            } else if index < bytes.count {
                var tail: UInt64 = 0
                var shift: UInt64 = 0
                while index < bytes.count {
                    tail |= UInt64(bytes[index]) << shift
                    shift += 8
                    index += 1
                }
                hash = Self.mix(hash, tail)
            }
            return hash
        }
    }

    private static func mix(_ hash: UInt64, _ word: UInt64) -> UInt64 {
        let mixed = (hash ^ word) &* 0x9E37_79B9_7F4A_7C15
        return mixed ^ (mixed >> 29)
    }

    init(stringLiteral name: String) { self.init(name) }
}

/// Named fields in the order they were given; a class so a value shared by
/// many pages (a chip, the interface strings) is built once and copied as a
/// reference. A page model has a few dozen fields at most, so a scan that
/// compares hashes beats a hash table, and making one costs a single array.
/// One named value of an object: a struct rather than a tuple, so that
/// freeing a page's values runs the struct's own destroy code instead of
/// the runtime's generic walk over a tuple's elements.
struct TemplateField: Sendable {
    let key: TemplateKey
    let value: TemplateValue
}

final class TemplateObject: Sendable {
    private let fields: [TemplateField]
    /// Made once and shown on many pages (a chip): a partial rendered with it
    /// on top may be kept and reused (`FragmentMemo`).
    let shared: Bool
    /// For an object of many fields (the interface strings, a chip): slots by
    /// hash holding a field's position plus one (0: empty), so a lookup, and
    /// above all a miss on the way up the stack, probes a slot or two rather
    /// than comparing every field. Empty for small objects, which a scan serves.
    private let slots: [UInt8]

    /// Objects with at least this many fields get `slots`.
    static let indexedFieldCount = 20

    /// - Parameter fields: the first of two fields with one name wins.
    init(_ fields: [TemplateField], shared: Bool = false) {
        self.fields = fields
        self.shared = shared
        slots = Self.slots(for: fields)
    }

    convenience init(_ fields: [(key: TemplateKey, value: TemplateValue)]) {
        self.init(fields.map { TemplateField(key: $0.key, value: $0.value) })
    }

    private static func slots(for fields: [TemplateField]) -> [UInt8] {
        guard fields.count >= indexedFieldCount, fields.count < 255 else { return [] }
        var size = 64
        while size < 2 * fields.count { size *= 2 }
        var slots = [UInt8](repeating: 0, count: size)
        for (position, field) in fields.enumerated() {
            var slot = Int(truncatingIfNeeded: field.key.hash) & (size - 1)
            var taken = false
            while slots[slot] != 0 {
                let other = fields[Int(slots[slot]) - 1].key
                if other.hash == field.key.hash && other.name == field.key.name {
                    taken = true  // the first of two fields with one name wins
                    break
                }
                slot = (slot + 1) & (size - 1)
            }
            if !taken { slots[slot] = UInt8(position + 1) }
        }
        return slots
    }

    subscript(key: TemplateKey) -> TemplateValue? {
        // By index through the buffer: a `for field in fields` loop copies (retains) every value it passes.
        fields.withUnsafeBufferPointer { fields in
            if !slots.isEmpty {
                return slots.withUnsafeBufferPointer { slots -> TemplateValue? in
                    let mask = slots.count - 1
                    var slot = Int(truncatingIfNeeded: key.hash) & mask
                    while slots[slot] != 0 {
                        let position = Int(slots[slot]) - 1
                        if fields[position].key.hash == key.hash && fields[position].key.name == key.name { return fields[position].value }
                        slot = (slot + 1) & mask
                    }
                    return nil
                }
            }
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
        var present: [TemplateField] = []
        present.reserveCapacity(fields.count)
        for (key, value) in fields {
            if let value { present.append(TemplateField(key: key, value: value)) }
        }
        return .object(TemplateObject(present))
    }
}
