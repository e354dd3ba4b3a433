/// What a template reads: text, numbers, flags, lists and objects with named
/// fields. Page models turn themselves into these once per page, so rendering
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
        for field in fields where field.key.hash == key.hash && field.key.name == key.name { return field.value }
        return nil
    }

    var keys: [TemplateKey] { fields.map(\.key) }
}

/// A type that states its own template fields; what `TemplateConverter.make`
/// uses first, before falling back to reflection.
protocol TemplateRepresentable {
    /// - Parameter converter: for nested values that are converted once per site (chips, strings).
    func templateValue(_ converter: TemplateConverter) -> TemplateValue
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

    static func text(_ string: String?) -> TemplateValue? { string.map(TemplateValue.string) }

}

/// Turns any page model into template values: types that conform to
/// `TemplateRepresentable` say how; any other struct is reflected field by
/// field (used for pages built a handful of times per site). The interface
/// strings and item chips, which every page repeats, are converted once.
struct TemplateConverter: Sendable {
    private let strings: TemplateValue?
    private let navigation: [String: TemplateValue]

    /// - Parameter navigation: each section's navigation links, converted once for all its pages.
    init(strings: UIStrings? = nil, navigation: [String: [Chrome.NavLink]] = [:]) {
        let plain = TemplateConverter(strings: nil, navigation: [:], plain: ())
        self.strings = strings.flatMap { plain.make($0) }
        self.navigation = navigation.mapValues { plain.list($0) }
    }

    /// The converted navigation of a section's pages.
    func navigationValue(_ section: String) -> TemplateValue? { navigation[section] }

    private init(strings: TemplateValue?, navigation: [String: TemplateValue], plain: Void) {
        self.strings = strings
        self.navigation = navigation
    }

    func make(_ value: Any) -> TemplateValue? {
        if let value = value as? TemplateValue { return value }
        if let chip = value as? ItemChip { return chip.value }
        if let strings, value is UIStrings { return strings }
        if let representable = value as? TemplateRepresentable { return representable.templateValue(self) }
        switch value {
        case let string as String: return .string(string)
        // Not `as? [UInt8]`: an empty array of any type casts to it.
        case let bytes as [UInt8] where type(of: value) == [UInt8].self: return .bytes(bytes)
        case let int as Int: return .int(int)
        case let bool as Bool: return .bool(bool)
        case let double as Double: return .string(String(describing: double))
        default: break
        }
        return reflected(value)
    }

    private func reflected(_ value: Any) -> TemplateValue? {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            guard let wrapped = mirror.children.first else { return nil }
            return make(wrapped.value)
        case .struct, .class:
            if value is CustomStringConvertible { return .string(String(describing: value)) }
            var fields: [(key: TemplateKey, value: TemplateValue)] = []
            for child in mirror.children {
                guard let label = child.label, let converted = make(child.value) else { continue }
                fields.append((TemplateKey(label), converted))
            }
            return .object(TemplateObject(fields))
        case .collection, .set:
            return .list(mirror.children.compactMap { make($0.value) })
        default:
            return .string(String(describing: value))
        }
    }
}

extension TemplateConverter {
    /// Whether a page's written-out fields (`TemplateRepresentable`) say what
    /// reflecting it field by field says, at every depth: debug builds check
    /// every page they render, so a field added to a model and not to its
    /// representation fails the tests.
    func representationDifference(_ page: any TemplateRepresentable) -> String? {
        guard let reflected = deeplyReflected(page) else { return "(not reflected)" }
        return page.templateValue(self).difference(from: reflected)
    }

    private func deeplyReflected(_ value: Any) -> TemplateValue? {
        if let value = value as? TemplateValue { return value }
        if let strings, value is UIStrings { return strings }
        switch value {
        case let string as String: return .string(string)
        // Not `as? [UInt8]`: an empty array of any type casts to it.
        case let bytes as [UInt8] where type(of: value) == [UInt8].self: return .bytes(bytes)
        case let int as Int: return .int(int)
        case let bool as Bool: return .bool(bool)
        default: break
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            guard let wrapped = mirror.children.first else { return nil }
            return deeplyReflected(wrapped.value)
        case .struct, .class:
            var fields: [(key: TemplateKey, value: TemplateValue)] = []
            for child in mirror.children {
                // A chip's own `value` is what it is written out as.
                guard let label = child.label, !(value is ItemChip && label == "value"),
                    let converted = deeplyReflected(child.value)
                else { continue }
                fields.append((TemplateKey(label), converted))
            }
            return .object(TemplateObject(fields))
        case .collection:
            return .list(mirror.children.compactMap { deeplyReflected($0.value) })
        default:
            return nil
        }
    }
}

extension TemplateValue {
    /// Where two values first differ (a dotted path), or nil when they have
    /// the same fields with the same values, in any order.
    func difference(from other: TemplateValue, at path: String = "") -> String? {
        switch (self, other) {
        case (.bool(let a), .bool(let b)): return a == b ? nil : path
        case (.int(let a), .int(let b)): return a == b ? nil : path
        case (.string(let a), .string(let b)): return a == b ? nil : path
        case (.bytes(let a), .bytes(let b)): return a == b ? nil : path
        case (.list(let a), .list(let b)):
            guard a.count == b.count else { return path + "[count]" }
            for (index, pair) in zip(a, b).enumerated() {
                if let difference = pair.0.difference(from: pair.1, at: path + "[\(index)]") { return difference }
            }
            return nil
        case (.object(let a), .object(let b)):
            for key in a.keys + b.keys {
                guard let mine = a[key], let theirs = b[key] else { return path + "." + key.name }
                if let difference = mine.difference(from: theirs, at: path + "." + key.name) { return difference }
            }
            return nil
        default: return path
        }
    }
}
