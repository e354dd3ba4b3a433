/// The theme's templates by name, rendering straight into a byte buffer.
struct TemplateSet: Sendable {
    private let program: TemplateProgram

    /// Partials nested deeper than this render nothing: a theme whose partial
    /// includes itself must not overflow the stack.
    static let maximumDepth = 32

    init(_ templates: [String: CompiledTemplate]) {
        program = TemplateProgram(templates)
    }

    /// Renders `template` with `value` as the outermost context; an unknown
    /// template renders nothing.
    func render(_ value: TemplateValue, template: String, into output: inout [UInt8]) {
        guard let number = program.numbers[template] else { return }
        TemplateRenderer.render(program, template: number, value: value, into: &output)
    }

    /// - Parameter memo: partials kept from the other pages of the same render (`FragmentMemo`).
    func render(_ value: TemplateValue, template: String, into sink: inout ByteSink, memo: FragmentMemo? = nil) {
        guard let number = program.numbers[template] else { return }
        TemplateRenderer.render(program, template: number, value: value, into: &sink, memo: memo)
    }
}
