import Mustache

/// A page model as swift-mustache reads it, built with one reflection pass.
///
/// swift-mustache looks a name up in a plain struct by building a `Mirror` of
/// it and scanning its children — for every `{{name}}` and again for every
/// object it climbs past on the context stack (`{{site.root}}` inside a loop
/// reflects each enclosing object). Reflecting each value once into
/// dictionaries turns every lookup into a hash probe, and the rendered text is
/// byte for byte what the structs would give:
///
/// - a `nil` optional is left out, so the lookup climbs the stack as before;
/// - strings, numbers and booleans stay as they are (sections and escaping
///   see the same types); arrays stay arrays (sections iterate them);
/// - a value that renders itself (`CustomStringConvertible`, enums, mustache
///   protocols) is kept as it is.
struct TemplateContext: @unchecked Sendable {  // immutable; holds value types only
    /// The interface strings, converted once: every page carries the same ones.
    private let strings: Any?

    /// Item chips, converted once: a chip appears on the calendar, its week, its
    /// persona's page, the playbook and its own page.
    private let chips: [String: Any]

    init() {
        strings = nil
        chips = [:]
    }

    init(strings: UIStrings, chips: [String: ItemChip]) {
        let plain = TemplateContext()
        self.strings = plain.convert(strings)
        var converted: [String: Any] = [:]
        converted.reserveCapacity(chips.count)
        for (id, chip) in chips { converted[id] = plain.convert(chip) }
        self.chips = converted
    }

    /// How values of one type are converted; decided once per type and page.
    private enum Shape {
        case keep, optional, record, sequence
    }

    func convert(_ value: Any) -> Any? {
        var shapes: [ObjectIdentifier: Shape] = [:]
        return convert(value, shapes: &shapes)
    }

    private func convert(_ value: Any, shapes: inout [ObjectIdentifier: Shape]) -> Any? {
        let type = ObjectIdentifier(Swift.type(of: value))
        let shape: Shape
        if let known = shapes[type] {
            shape = known
        } else {
            shape = Self.shape(of: value)
            shapes[type] = shape
        }
        switch shape {
        case .keep:
            return value
        case .optional:
            guard let wrapped = Mirror(reflecting: value).children.first else { return nil }
            return convert(wrapped.value, shapes: &shapes)
        case .record:
            if let strings, value is UIStrings { return strings }
            if let chip = value as? ItemChip, let converted = chips[chip.id] { return converted }
            let mirror = Mirror(reflecting: value)
            var fields: [String: Any] = [:]
            for child in mirror.children {
                guard let label = child.label, fields[label] == nil, let converted = convert(child.value, shapes: &shapes) else { continue }
                fields[label] = converted
            }
            return fields
        case .sequence:
            return Mirror(reflecting: value).children.map { convert($0.value, shapes: &shapes) ?? $0.value }
        }
    }

    private static func shape(of value: Any) -> Shape {
        // First: a cast sees through an optional (`Optional("a") is String`), so a
        // type's shape must not be decided from one `.some` value.
        let style = Mirror(reflecting: value).displayStyle
        if style == .optional { return .optional }
        switch value {
        // Only casts that hold for every value of the type: `[] is [String]` is
        // true for an empty array of anything, so arrays are told by their style.
        case is String, is Int, is Bool, is Double:
            return .keep
        case is MustacheParent, is MustacheCustomRenderable, is MustacheCustomRepresentation, is MustacheLambda,
            is MustacheTemplate:
            return .keep
        default:
            break
        }
        switch style {
        case .struct, .class:
            if value is CustomStringConvertible || value is CustomDebugStringConvertible { return .keep }
            return .record
        case .collection:
            return value is any MustacheSequence ? .sequence : .keep
        default:
            return .keep
        }
    }
}
