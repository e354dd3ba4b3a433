/// How the lines of the text being rendered are indented: a standalone
/// partial adds its tag's blanks to each of its lines; a block filled in
/// elsewhere also loses the blanks it had where it was written.
struct LineIndentation {
    var strip: [UInt8] = []
    var add: [UInt8] = []

    var isNone: Bool { strip.isEmpty && add.isEmpty }

    /// What a line that starts with `blanks` starts with once indented.
    func applied(to blanks: [UInt8]) -> [UInt8] {
        var kept = 0
        while kept < strip.count, kept < blanks.count, blanks[kept] == strip[kept] { kept += 1 }
        return add + blanks[kept...]
    }
}

/// One rendering of one page: the context stack, the output, and the
/// indentation and block fillings in force.
struct TemplateRenderer {
    let templates: [String: CompiledTemplate]
    var stack: [TemplateValue]
    var output: [UInt8] = []
    private var indentation = LineIndentation()
    /// Fillings of the parents being rendered, outermost first: the outermost
    /// filling of a name wins, so a child overrides what its parent passes on.
    private var fillings: [TemplateBlock] = []

    init(templates: [String: CompiledTemplate], stack: [TemplateValue]) {
        self.templates = templates
        self.stack = stack
    }

    mutating func render(_ nodes: [TemplateNode], from start: Int = 0, depth: Int) {
        var index = start
        while index < nodes.count {
            defer { index += 1 }
            switch nodes[index] {
            case .text(let run):
                write(run)
            case .variable(let name, let escaped):
                guard let value = Self.lookup(name, in: stack) else { continue }
                Self.write(value, escaped: escaped, into: &output)
            case .section(let name, let inverted, let body):
                let value = Self.lookup(name, in: stack)
                if inverted {
                    if !Self.isTrue(value) { render(body, depth: depth) }
                    continue
                }
                switch value {
                case nil, .bool(false)?:
                    break
                case .bool(true)?:
                    render(body, depth: depth)
                case .list(let elements)?:
                    for element in elements {
                        stack.append(element)
                        render(body, depth: depth)
                        stack.removeLast()
                    }
                case let value?:
                    stack.append(value)
                    render(body, depth: depth)
                    stack.removeLast()
                }
            case .partial(let name, let blanks, let blocks):
                guard depth < TemplateSet.maximumDepth, let partial = templates[name] else { continue }
                let outerIndentation = indentation
                let outerFillings = fillings
                if let blanks {
                    // A standalone partial at the start of an unindented line: nothing to do (every page's layout).
                    if !blanks.isEmpty || !outerIndentation.isNone { indentation = LineIndentation(add: outerIndentation.applied(to: blanks)) }
                } else {
                    indentation = LineIndentation()
                }
                for block in blocks where !fillings.contains(where: { $0.name == block.name }) { fillings.append(block) }
                render(partial.nodes, depth: depth + 1)
                indentation = outerIndentation
                fillings = outerFillings
            case .block(let site):
                guard let filling = fillings.first(where: { $0.name == site.name }) else {
                    render(site.body, depth: depth)
                    continue
                }
                guard depth < TemplateSet.maximumDepth else { continue }
                let outerIndentation = indentation
                indentation = LineIndentation(strip: filling.indentation, add: outerIndentation.applied(to: site.indentation))
                // Filled in on a line that stays: its first line continues that line.
                if site.inline, case .text(let run)? = filling.body.first, run.lineStarts.first == 0 {
                    write(run, indentingFirstLine: false)
                    render(filling.body, from: 1, depth: depth + 1)
                } else {
                    render(filling.body, depth: depth + 1)
                }
                indentation = outerIndentation
            }
        }
    }

    private mutating func write(_ run: TextRun, indentingFirstLine: Bool = true) {
        if indentation.isNone || run.lineStarts.isEmpty {
            output.append(contentsOf: run.bytes)
            return
        }
        var from = 0
        for lineStart in run.lineStarts {
            output.append(contentsOf: run.bytes[from..<lineStart])
            var stripped = 0
            while stripped < indentation.strip.count, lineStart + stripped < run.bytes.count,
                run.bytes[lineStart + stripped] == indentation.strip[stripped]
            {
                stripped += 1
            }
            if indentingFirstLine || lineStart != 0 { output.append(contentsOf: indentation.add) }
            from = lineStart + stripped
        }
        output.append(contentsOf: run.bytes[from...])
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
}
