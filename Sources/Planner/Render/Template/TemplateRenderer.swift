/// How the lines of the text being rendered are indented: a standalone
/// partial adds its tag's blanks to each of its lines; a block filled in
/// elsewhere also loses the blanks it had where it was written.
struct LineIndentation {
    var strip: [UInt8] = []
    var add: [UInt8] = []

    var isNone: Bool { strip.isEmpty && add.isEmpty }

    /// What a line that starts with `blanks` starts with once indented.
    func applied(to blanks: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var kept = 0
        while kept < strip.count, kept < blanks.count, blanks[kept] == strip[kept] { kept += 1 }
        return add + blanks[kept...]
    }
}

/// One rendering of one page: the context stack, the output, and the
/// indentation and block fillings in force. Reads the program through
/// buffers that `render` keeps alive for as long as it runs.
struct TemplateRenderer {
    typealias Op = TemplateProgram.Op

    private let ops: UnsafeBufferPointer<Op>
    private let bytes: UnsafeBufferPointer<UInt8>
    private let lineStarts: UnsafeBufferPointer<Int32>
    let keys: UnsafeBufferPointer<TemplateKey>
    private let fillingTable: UnsafeBufferPointer<TemplateProgram.Filling>
    private let templates: UnsafeBufferPointer<Range<Int32>>
    var stack: [TemplateValue] = []
    /// The objects on `stack`, level by level (nil for other values), unretained:
    /// `stack` keeps them alive, and a lookup that climbs past them retains none.
    var objects: [Unmanaged<TemplateObject>?] = []
    var output: ByteSink
    private var indentation = LineIndentation()
    /// Fillings (in `fillingTable`) of the parents being rendered, outermost
    /// first: the outermost filling of a name wins, so a child overrides what its parent passes on.
    private var fillings: [Int32] = []
    /// Partials rendered with a shared object on top, across the pages of one render.
    let memo: FragmentMemo?
    private let selfContained: UnsafeBufferPointer<Bool>
    /// While a partial is rendered to be kept: the reads that went below `recordBase`
    /// (the shared object's level), and whether one found something other than text.
    var recording: [FragmentMemo.Dependency]?
    /// Text written from below `recordBase` by a variable tag: kept as a hole
    /// in the bytes, filled again with what the name finds when they are reused.
    var recordedHoles: [FragmentMemo.Hole] = []
    var recordStart = 0
    var recordBase = 0
    var recordFailed = false

    /// Renders template `number` of `program` with `value` as the outermost context, appending to `output`.
    static func render(_ program: TemplateProgram, template number: Int32, value: TemplateValue, into output: inout [UInt8]) {
        var sink = ByteSink(capacity: 32 * 1024)
        render(program, template: number, value: value, into: &sink, memo: nil)
        output.append(contentsOf: sink.bytes)
        sink.release()
    }

    /// Renders template `number` of `program` with `value` as the outermost context, appending to `sink`
    /// (a buffer kept from page to page: no page allocates, grows and copies one of its own).
    static func render(
        _ program: TemplateProgram, template number: Int32, value: TemplateValue, into sink: inout ByteSink, memo: FragmentMemo?
    ) {
        program.selfContained.withUnsafeBufferPointer { selfContained in
        program.ops.withUnsafeBufferPointer { ops in
            program.bytes.withUnsafeBufferPointer { bytes in
                program.lineStarts.withUnsafeBufferPointer { lineStarts in
                    program.keys.withUnsafeBufferPointer { keys in
                        program.fillings.withUnsafeBufferPointer { fillingTable in
                            program.templates.withUnsafeBufferPointer { templates in
                                var renderer = TemplateRenderer(
                                    ops: ops, bytes: bytes, lineStarts: lineStarts, keys: keys, fillingTable: fillingTable, templates: templates,
                                    output: sink, memo: memo, selfContained: selfContained)
                                renderer.stack.reserveCapacity(16)
                                renderer.objects.reserveCapacity(16)
                                renderer.push(value)
                                let range = templates[Int(number)]
                                renderer.run(Int(range.lowerBound), Int(range.upperBound), depth: 0)
                                // The sink may have grown (moved): hand back the renderer's copy.
                                sink = renderer.output
                            }
                        }
                    }
                }
            }
        }
        }
    }

    private init(
        ops: UnsafeBufferPointer<Op>, bytes: UnsafeBufferPointer<UInt8>, lineStarts: UnsafeBufferPointer<Int32>,
        keys: UnsafeBufferPointer<TemplateKey>, fillingTable: UnsafeBufferPointer<TemplateProgram.Filling>,
        templates: UnsafeBufferPointer<Range<Int32>>, output: ByteSink, memo: FragmentMemo?, selfContained: UnsafeBufferPointer<Bool>
    ) {
        self.memo = memo
        self.selfContained = selfContained
        self.output = output
        self.ops = ops
        self.bytes = bytes
        self.lineStarts = lineStarts
        self.keys = keys
        self.fillingTable = fillingTable
        self.templates = templates
    }

    mutating func run(_ start: Int, _ end: Int, depth: Int) {
        var pc = start
        while pc < end {
            let op = ops[pc]
            switch op.code {
            case .text:
                if indentation.isNone { output.append(bytes: text(op.a, op.b)) } else { write(op) }
                pc += 1
            case .variable:
                if recording != nil {
                    recordedVariable(op)
                } else if let value = plainLookup(op) {
                    Self.write(value, escaped: op.has(Op.escaped), into: &output)
                }
                pc += 1
            case .section:
                section(op, body: pc + 1, end: Int(op.c), depth: depth)
                pc = Int(op.c)
            case .partial:
                partial(op, depth: depth)
                pc = Int(op.f)
            case .block:
                block(op, body: pc + 1, end: Int(op.b), depth: depth)
                pc = Int(op.b)
            }
        }
    }

    private mutating func section(_ op: Op, body: Int, end: Int, depth: Int) {
        let value = lookup(op)
        if op.has(Op.inverted) {
            if !Self.isTrue(value) { run(body, end, depth: depth) }
            return
        }
        switch value {
        case nil, .bool(false)?:
            break
        case .bool(true)?:
            run(body, end, depth: depth)
        case .list(let elements)?:
            for element in elements {
                push(element)
                run(body, end, depth: depth)
                pop()
            }
        case let value?:
            push(value)
            run(body, end, depth: depth)
            pop()
        }
    }

    private mutating func push(_ value: TemplateValue) {
        stack.append(value)
        if case .object(let object) = value { objects.append(Unmanaged.passUnretained(object)) } else { objects.append(nil) }
    }

    private mutating func pop() {
        objects.removeLast()
        stack.removeLast()
    }

    private mutating func partial(_ op: Op, depth: Int) {
        guard depth < TemplateSet.maximumDepth, op.a >= 0 else { return }
        let range = templates[Int(op.a)]
        let standalone = op.has(Op.standalone)
        // Nothing to indent and no blocks to fill: every chip, every page's layout.
        if op.d == op.e, indentation.isNone, !standalone || op.b == op.c {
            if memo != nil, recording == nil, selfContained[Int(op.a)], let top = objects.last, let object = top,
                object._withUnsafeGuaranteedRef({ $0.shared })
            {
                renderKept(template: op.a, object: object.takeUnretainedValue(), range: range, depth: depth)
                return
            }
            run(Int(range.lowerBound), Int(range.upperBound), depth: depth + 1)
            return
        }
        let outerIndentation = indentation
        let outerFillings = fillings
        if standalone {
            // A standalone partial at the start of an unindented line: nothing to do (every page's layout).
            if op.b != op.c || !outerIndentation.isNone { indentation = LineIndentation(add: outerIndentation.applied(to: text(op.b, op.c))) }
        } else {
            indentation = LineIndentation()
        }
        for filling in op.d..<op.e {
            let block = fillingTable[Int(filling)].block
            if !fillings.contains(where: { fillingTable[Int($0)].block == block }) { fillings.append(filling) }
        }
        run(Int(range.lowerBound), Int(range.upperBound), depth: depth + 1)
        indentation = outerIndentation
        fillings = outerFillings
    }

    private mutating func block(_ op: Op, body: Int, end: Int, depth: Int) {
        guard let found = fillings.first(where: { fillingTable[Int($0)].block == op.a }) else {
            run(body, end, depth: depth)
            return
        }
        guard depth < TemplateSet.maximumDepth else { return }
        let filling = fillingTable[Int(found)]
        let outerIndentation = indentation
        indentation = LineIndentation(
            strip: Array(text(filling.stripStart, filling.stripEnd)), add: outerIndentation.applied(to: text(op.c, op.d)))
        let first = Int(filling.start)
        // Filled in on a line that stays: its first line continues that line.
        if op.has(Op.inline), first < Int(filling.end), ops[first].code == .text, ops[first].c < ops[first].d,
            lineStarts[Int(ops[first].c)] == 0
        {
            write(ops[first], indentingFirstLine: false)
            run(first + 1, Int(filling.end), depth: depth + 1)
        } else {
            run(first, Int(filling.end), depth: depth + 1)
        }
        indentation = outerIndentation
    }

    private func text(_ start: Int32, _ end: Int32) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[Int(start)..<Int(end)])
    }

    /// A text instruction with the indentation in force put where its source lines start.
    private mutating func write(_ op: Op, indentingFirstLine: Bool = true) {
        let run = text(op.a, op.b)
        if op.c == op.d {
            output.append(bytes: run)
            return
        }
        var from = 0
        for line in Int(op.c)..<Int(op.d) {
            let lineStart = Int(lineStarts[line])
            output.append(bytes: UnsafeBufferPointer(rebasing: run[from..<lineStart]))
            var stripped = 0
            while stripped < indentation.strip.count, lineStart + stripped < run.count,
                run[lineStart + stripped] == indentation.strip[stripped]
            {
                stripped += 1
            }
            if indentingFirstLine || lineStart != 0 { indentation.add.withUnsafeBufferPointer { output.append(bytes: $0) } }
            from = lineStart + stripped
        }
        output.append(bytes: UnsafeBufferPointer(rebasing: run[from...]))
    }

    private static func isTrue(_ value: TemplateValue?) -> Bool {
        switch value {
        case nil, .bool(false)?: return false
        case .list(let elements)?: return !elements.isEmpty
        default: return true
        }
    }

    /// The first value on the stack, from the top, that has the name's first
    /// part (`keys[op.a..<op.b]`); the other parts are looked up inside it only.
    private mutating func lookup(_ op: Op) -> TemplateValue? {
        if recording != nil { return recordedLookup(op) }
        return plainLookup(op)
    }

    func plainLookup(_ op: Op) -> TemplateValue? {
        let start = Int(op.a)
        let end = Int(op.b)
        guard start < end else { return stack.last }
        let first = keys[start]
        var found: TemplateValue? = objects.withUnsafeBufferPointer { objects -> TemplateValue? in
            if op.has(Op.anchored) { return objects.last??._withUnsafeGuaranteedRef { $0[first] } }
            var level = objects.count
            while level > 0 {
                level -= 1
                if let object = objects[level], let child = object._withUnsafeGuaranteedRef({ $0[first] }) { return child }
            }
            return nil
        }
        var part = start + 1
        while part < end, let current = found {
            guard case .object(let object) = current else { return nil }
            found = object[keys[part]]
            part += 1
        }
        return found
    }

    static func write(_ value: TemplateValue, escaped: Bool, into output: inout ByteSink) {
        switch value {
        case .string(let string):
            // One view of the bytes for both: `HTMLEscaping.append(_:to:)` would copy the string again.
            string.withBorrowedUTF8 { bytes in
                if escaped { HTMLEscaping.append(bytes: bytes, to: &output) } else { output.append(bytes: bytes) }
            }
        case .bytes(let bytes):
            bytes.withUnsafeBufferPointer { bytes in
                if escaped { HTMLEscaping.append(bytes: bytes, to: &output) } else { output.append(bytes: bytes) }
            }
        case .int(let number):
            var text = String(number)
            text.withUTF8 { output.append(bytes: $0) }
        case .bool(let flag):
            var text = flag ? "true" : "false"
            text.withUTF8 { output.append(bytes: $0) }
        case .escapeFree(let bytes):
            bytes.withUnsafeBufferPointer { output.append(bytes: $0) }
        case .list, .object:
            break
        }
    }
}
