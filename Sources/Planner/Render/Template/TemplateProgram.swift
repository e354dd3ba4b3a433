/// A theme's templates flattened into one array of plain instructions: text
/// is a range of one byte buffer, a name a range of one key list, a section's
/// body the instructions up to its end, a partial a template number. Walking
/// it copies no reference (the parsed trees retained every node, text and
/// name they passed), and no partial is looked up by name while rendering.
struct TemplateProgram: Sendable {
    enum Code: UInt8, Sendable {
        /// Text `bytes[a..<b]`; its source lines start at `lineStarts[c..<d]` (offsets into the text).
        case text
        /// The name `keys[a..<b]`; `escaped`, `anchored` in `flags`.
        case variable
        /// The name `keys[a..<b]`; its body runs to `c`; `inverted`, `anchored` in `flags`.
        case section
        /// Template `a` (-1: none of that name); standalone with indentation `bytes[b..<c]`
        /// when `standalone`; fills `fillings[d..<e]`, whose bodies run up to `f`.
        case partial
        /// Block `a` (a number per name); its default body runs to `b`; indents by `bytes[c..<d]`; `inline` in `flags`.
        case block
    }

    struct Op: Sendable {
        var code: Code
        var flags: UInt8 = 0
        var a: Int32 = 0
        var b: Int32 = 0
        var c: Int32 = 0
        var d: Int32 = 0
        var e: Int32 = 0
        var f: Int32 = 0

        static let escaped: UInt8 = 1
        static let anchored: UInt8 = 2
        static let inverted: UInt8 = 4
        static let standalone: UInt8 = 8
        static let inline: UInt8 = 16

        func has(_ flag: UInt8) -> Bool { flags & flag != 0 }
    }

    /// What a parent tag fills a block with: the body `ops[start..<end]`, which
    /// loses the blanks `bytes[stripStart..<stripEnd]` from each line.
    struct Filling: Sendable {
        var block: Int32
        var start: Int32
        var end: Int32
        var stripStart: Int32
        var stripEnd: Int32
    }

    private(set) var ops: [Op] = []
    private(set) var bytes: [UInt8] = []
    private(set) var lineStarts: [Int32] = []
    private(set) var keys: [TemplateKey] = []
    private(set) var fillings: [Filling] = []
    /// Each template's instructions, by template number.
    private(set) var templates: [Range<Int32>] = []
    /// Whether each template, by number, holds no partial and no block: what it
    /// renders depends on the context stack alone (`FragmentMemo`).
    private(set) var selfContained: [Bool] = []
    /// Template numbers by name.
    private(set) var numbers: [String: Int32] = [:]
    private var blockNumbers: [String: Int32] = [:]

    init(_ compiled: [String: CompiledTemplate]) {
        // Numbered in name order, so the program is the same on every run.
        let names = compiled.keys.sorted()
        for (number, name) in names.enumerated() { numbers[name] = Int32(number) }
        for name in names {
            let start = Int32(ops.count)
            emit(compiled[name]!.nodes)
            templates.append(start..<Int32(ops.count))
        }
        selfContained = templates.map { range in
            ops[Int(range.lowerBound)..<Int(range.upperBound)].allSatisfy { $0.code != .partial && $0.code != .block }
        }
    }

    private mutating func emit(_ nodes: [TemplateNode]) {
        for node in nodes {
            switch node {
            case .text(let run):
                let (start, end) = append(run.bytes)
                let firstLine = Int32(lineStarts.count)
                lineStarts.append(contentsOf: run.lineStarts.map { Int32($0) })
                ops.append(Op(code: .text, a: start, b: end, c: firstLine, d: Int32(lineStarts.count)))
            case .variable(let name, let escaped):
                let (start, end) = append(name)
                ops.append(Op(code: .variable, flags: (escaped ? Op.escaped : 0) | (name.anchored ? Op.anchored : 0), a: start, b: end))
            case .section(let name, let inverted, let body):
                let (start, end) = append(name)
                let at = ops.count
                ops.append(Op(code: .section, flags: (inverted ? Op.inverted : 0) | (name.anchored ? Op.anchored : 0), a: start, b: end))
                emit(body)
                ops[at].c = Int32(ops.count)
            case .partial(let name, let indentation, let blocks):
                let at = ops.count
                ops.append(Op(code: .partial))
                // Bodies first (a filling may hold parents of its own), then this tag's fillings side by side.
                var filled: [Filling] = []
                for block in blocks {
                    let start = Int32(ops.count)
                    emit(block.body)
                    let (stripStart, stripEnd) = append(block.indentation)
                    filled.append(Filling(
                        block: number(ofBlock: block.name), start: start, end: Int32(ops.count), stripStart: stripStart, stripEnd: stripEnd))
                }
                let (indentStart, indentEnd) = append(indentation ?? [])
                ops[at] = Op(
                    code: .partial, flags: indentation == nil ? 0 : Op.standalone, a: numbers[name] ?? -1, b: indentStart, c: indentEnd,
                    d: Int32(fillings.count), e: Int32(fillings.count + filled.count), f: Int32(ops.count))
                fillings.append(contentsOf: filled)
            case .block(let block):
                let at = ops.count
                let (indentStart, indentEnd) = append(block.indentation)
                ops.append(Op(code: .block, flags: block.inline ? Op.inline : 0, a: number(ofBlock: block.name), c: indentStart, d: indentEnd))
                emit(block.body)
                ops[at].b = Int32(ops.count)
            }
        }
    }

    private mutating func append(_ text: [UInt8]) -> (Int32, Int32) {
        let start = Int32(bytes.count)
        bytes.append(contentsOf: text)
        return (start, Int32(bytes.count))
    }

    private mutating func append(_ name: TemplateName) -> (Int32, Int32) {
        let start = Int32(keys.count)
        keys.append(contentsOf: name.parts)
        return (start, Int32(keys.count))
    }

    private mutating func number(ofBlock name: String) -> Int32 {
        if let number = blockNumbers[name] { return number }
        let number = Int32(blockNumbers.count)
        blockNumbers[name] = number
        return number
    }
}
