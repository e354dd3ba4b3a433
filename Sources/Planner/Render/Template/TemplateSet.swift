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
        var renderer = TemplateRenderer(templates: templates, stack: [value])
        swap(&renderer.output, &output)
        renderer.render(compiled.nodes, depth: 0)
        swap(&renderer.output, &output)
    }
}
