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

    init() { strings = nil }

    init(strings: UIStrings) {
        self.strings = TemplateContext().convert(strings)
    }

    func convert(_ value: Any) -> Any? {
        switch value {
        case is String, is Int, is Bool, is Double, is Substring, is [String]:
            return value
        case is MustacheParent, is MustacheCustomRenderable, is MustacheCustomRepresentation, is MustacheLambda,
            is MustacheTemplate:
            return value
        default:
            break
        }
        if let strings, value is UIStrings { return strings }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            guard let wrapped = mirror.children.first else { return nil }
            return convert(wrapped.value)
        case .struct, .class:
            if value is CustomStringConvertible || value is CustomDebugStringConvertible { return value }
            var fields: [String: Any] = [:]
            fields.reserveCapacity(Int(mirror.children.count))
            for child in mirror.children {
                guard let label = child.label, fields[label] == nil, let converted = convert(child.value) else { continue }
                fields[label] = converted
            }
            return fields
        case .collection:
            guard value is any MustacheSequence else { return value }
            return mirror.children.map { convert($0.value) ?? $0.value }
        default:
            return value
        }
    }
}
