/// The theme's templates by name, rendering straight into a byte buffer.
struct TemplateSet: Sendable {
    private let templates: [String: CompiledTemplate]

    /// Partials nested deeper than this render nothing: a theme whose partial
    /// includes itself must not overflow the stack.
    static let maximumDepth = 32

    init(_ templates: [String: CompiledTemplate]) {
        self.templates = templates
    }

    /// Renders `template` with `value` as the outermost context; an unknown
    /// template renders nothing.
    func render(_ value: TemplateValue, template: String, into output: inout [UInt8]) {
        guard let compiled = templates[template] else { return }
        var stack: [TemplateValue] = [value]
        render(compiled.nodes, stack: &stack, into: &output, depth: 0)
    }

    private func render(_ nodes: [TemplateNode], stack: inout [TemplateValue], into output: inout [UInt8], depth: Int) {
        for node in nodes {
            switch node {
            case .text(let bytes):
                output.append(contentsOf: bytes)
            case .variable(let name, let escaped):
                guard let value = Self.lookup(name, in: stack) else { continue }
                Self.write(value, escaped: escaped, into: &output)
            case .section(let name, let inverted, let body):
                let value = Self.lookup(name, in: stack)
                if inverted {
                    if !Self.isTrue(value) { render(body, stack: &stack, into: &output, depth: depth) }
                    continue
                }
                switch value {
                case nil, .bool(false)?:
                    break
                case .bool(true)?:
                    render(body, stack: &stack, into: &output, depth: depth)
                case .list(let elements)?:
                    for element in elements {
                        stack.append(element)
                        render(body, stack: &stack, into: &output, depth: depth)
                        stack.removeLast()
                    }
                case let value?:
                    stack.append(value)
                    render(body, stack: &stack, into: &output, depth: depth)
                    stack.removeLast()
                }
            case .partial(let name, let indentation):
                guard depth < Self.maximumDepth, let partial = templates[name] else { continue }
                if indentation.isEmpty {
                    render(partial.nodes, stack: &stack, into: &output, depth: depth + 1)
                } else {
                    var rendered: [UInt8] = []
                    render(partial.nodes, stack: &stack, into: &rendered, depth: depth + 1)
                    Self.indent(rendered, by: indentation, into: &output)
                }
            }
        }
    }

    private static func isTrue(_ value: TemplateValue?) -> Bool {
        switch value {
        case nil, .bool(false)?: return false
        case .list(let elements)?: return !elements.isEmpty
        default: return true
        }
    }

    /// The first value on the stack, from the top, that has the name's first
    /// part; the other parts are looked up inside it only.
    private static func lookup(_ name: TemplateName, in stack: [TemplateValue]) -> TemplateValue? {
        guard let first = name.parts.first else { return stack.last }
        var found: TemplateValue?
        if name.anchored {
            if case .object(let object)? = stack.last { found = object[first] }
        } else {
            for value in stack.reversed() {
                if case .object(let object) = value, let child = object[first] {
                    found = child
                    break
                }
            }
        }
        guard var current = found else { return nil }
        for part in name.parts.dropFirst() {
            guard case .object(let object) = current, let child = object[part] else { return nil }
            current = child
        }
        return current
    }

    private static func write(_ value: TemplateValue, escaped: Bool, into output: inout [UInt8]) {
        switch value {
        case .string(let string):
            if escaped { HTMLEscaping.append(string, to: &output) } else { output.append(contentsOf: string.utf8) }
        case .bytes(let bytes):
            if escaped { bytes.withUnsafeBufferPointer { HTMLEscaping.append(bytes: $0, to: &output) } } else { output.append(contentsOf: bytes) }
        case .int(let number):
            output.append(contentsOf: String(number).utf8)
        case .bool(let flag):
            output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .list, .object:
            break
        }
    }

    /// Every line of a standalone partial starts with the partial tag's indentation.
    private static func indent(_ rendered: [UInt8], by indentation: [UInt8], into output: inout [UInt8]) {
        var atLineStart = true
        for byte in rendered {
            if atLineStart {
                output.append(contentsOf: indentation)
                atLineStart = false
            }
            output.append(byte)
            if byte == 0x0A { atLineStart = true }
        }
    }
}
