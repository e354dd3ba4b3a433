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
    case list([TemplateValue])
    case object(TemplateObject)
}

/// Named fields; a class so a value shared by many pages (a chip, the
/// interface strings) is built once and copied as a reference.
final class TemplateObject: Sendable {
    let fields: [String: TemplateValue]

    init(_ fields: [String: TemplateValue]) {
        self.fields = fields
    }

    subscript(name: String) -> TemplateValue? { fields[name] }
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
    static func record(_ fields: KeyValuePairs<String, TemplateValue?>) -> TemplateValue {
        var dictionary: [String: TemplateValue] = [:]
        dictionary.reserveCapacity(fields.count)
        for (name, value) in fields {
            if let value { dictionary[name] = value }
        }
        return .object(TemplateObject(dictionary))
    }

    static func text(_ string: String?) -> TemplateValue? { string.map(TemplateValue.string) }

}

/// Turns any page model into template values: types that conform to
/// `TemplateRepresentable` say how; any other struct is reflected field by
/// field (used for pages built a handful of times per site). The interface
/// strings and item chips, which every page repeats, are converted once.
struct TemplateConverter: Sendable {
    private let strings: TemplateValue?
    private let chips: [String: TemplateValue]
    private let navigation: [String: TemplateValue]

    /// - Parameter reusing: chip values of a previous render (serve) for unchanged items.
    /// - Parameter navigation: each section's navigation links, converted once for all its pages.
    init(
        strings: UIStrings? = nil, chips: [String: ItemChip] = [:], reusing: [String: TemplateValue] = [:],
        navigation: [String: [Chrome.NavLink]] = [:]
    ) {
        let plain = TemplateConverter(strings: nil, chips: [:], navigation: [:], plain: ())
        self.strings = strings.flatMap { plain.make($0) }
        var converted: [String: TemplateValue] = [:]
        converted.reserveCapacity(chips.count)
        for (id, chip) in chips { converted[id] = reusing[id] ?? chip.templateValue }
        self.chips = converted
        self.navigation = navigation.mapValues { plain.list($0) }
    }

    /// The converted value of an item's chip.
    func chipValue(_ id: String) -> TemplateValue? { chips[id] }

    /// The converted navigation of a section's pages.
    func navigationValue(_ section: String) -> TemplateValue? { navigation[section] }

    private init(strings: TemplateValue?, chips: [String: TemplateValue], navigation: [String: TemplateValue], plain: Void) {
        self.strings = strings
        self.chips = chips
        self.navigation = navigation
    }

    func make(_ value: Any) -> TemplateValue? {
        if let value = value as? TemplateValue { return value }
        if let chip = value as? ItemChip { return chips[chip.id] ?? chip.templateValue }
        if let strings, value is UIStrings { return strings }
        if let representable = value as? TemplateRepresentable { return representable.templateValue(self) }
        switch value {
        case let string as String: return .string(string)
        case let int as Int: return .int(int)
        case let bool as Bool: return .bool(bool)
        case let double as Double: return .string(String(describing: double))
        default: break
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            guard let wrapped = mirror.children.first else { return nil }
            return make(wrapped.value)
        case .struct, .class:
            if value is CustomStringConvertible { return .string(String(describing: value)) }
            var fields: [String: TemplateValue] = [:]
            for child in mirror.children {
                guard let label = child.label, fields[label] == nil, let converted = make(child.value) else { continue }
                fields[label] = converted
            }
            return .object(TemplateObject(fields))
        case .collection, .set:
            return .list(mirror.children.compactMap { make($0.value) })
        default:
            return .string(String(describing: value))
        }
    }
}
