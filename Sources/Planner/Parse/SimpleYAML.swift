/// Composes the plainest front matter without libyaml: `key: value` lines
/// at the left margin, whose values are plain or unescaped quoted scalars,
/// one-line flow lists of plain scalars, or one-line flow mappings of such
/// keys and scalars (`results: {replies: 5}`, `review: {by: "…", on: …}`,
/// on every published or reviewed item). It builds the very tree (texts,
/// styles, marks) the composer builds from libyaml's events, as most front
/// matter looks like this and libyaml's scanner is the dearest part of
/// reading it. Anything else returns nil and goes the general way: comments,
/// indentation, empty values, escapes, tabs, carriage returns, non-ASCII
/// keys, repeated keys, characters beyond U+FFFF, and plain text with
/// characters YAML treats specially (but for a colon inside, as in `08:30`).
enum SimpleYAML {
    static func compose(_ yaml: String) -> YAMLNode? {
        var text = yaml
        return text.withUTF8 { compose(utf8: $0) }
    }

    private static func compose(utf8: UnsafeBufferPointer<UInt8>) -> YAMLNode? {
        var pairs: [YAMLNode.Mapping.Pair] = []
        var mappingMark: YAMLNode.Mark?
        var lineNumber = 0
        var lineStart = 0
        while lineStart < utf8.count {
            var lineEnd = lineStart
            while lineEnd < utf8.count && utf8[lineEnd] != 0x0A { lineEnd += 1 }
            lineNumber += 1
            defer { lineStart = lineEnd + 1 }
            if lineEnd == lineStart { continue }
            guard let pair = parseLine(UnsafeBufferPointer(rebasing: utf8[lineStart..<lineEnd]), line: lineNumber),
                !pairs.contains(where: { $0.name == pair.name })
            else { return nil }
            if mappingMark == nil { mappingMark = pair.key.mark }
            pairs.append(pair)
        }
        guard let mappingMark else { return nil }
        return .mapping(YAMLNode.Mapping(pairs: pairs, mark: mappingMark))
    }

    /// One `key: value` line.
    private static func parseLine(_ line: UnsafeBufferPointer<UInt8>, line number: Int) -> YAMLNode.Mapping.Pair? {
        guard let (name, key, start) = mappingKey(line, from: 0, line: number),
            let (value, end) = parseValue(line, from: start, line: number, inMapping: false), end == line.count
        else { return nil }
        return YAMLNode.Mapping.Pair(name: name, key: key, value: value)
    }

    /// A key at `start` and the `: ` after it: the key, and where its value starts.
    /// An ASCII letter or underscore, then letters, digits, `_` and `-`; then a
    /// colon and at least one space (the value on the same line).
    private static func mappingKey(_ line: UnsafeBufferPointer<UInt8>, from start: Int, line number: Int) -> (String, YAMLNode, Int)? {
        guard start < line.count, isLetter(line[start]) || line[start] == 0x5F else { return nil }
        var index = start + 1
        while index < line.count && (isLetter(line[index]) || isDigit(line[index]) || line[index] == 0x5F || line[index] == 0x2D) {
            index += 1
        }
        // libyaml allows a key of at most 1,024 characters; far below that is plenty here.
        guard index < line.count, index - start <= 128, line[index] == 0x3A else { return nil }
        let name = String(decoding: UnsafeBufferPointer(rebasing: line[start..<index]), as: UTF8.self)
        index += 1
        guard index < line.count, line[index] == 0x20 else { return nil }
        while index < line.count && line[index] == 0x20 { index += 1 }
        guard index < line.count else { return nil }
        let mark = YAMLNode.Mark(line: number, column: column(of: start, in: line))
        return (name, .scalar(YAMLNode.Scalar(string: name, isPlain: true, mark: mark)), index)
    }

    /// A value at `start` and where it ends: at the end of the line, or, in a
    /// flow mapping, at the comma or brace after it (spaces after a quoted one skipped).
    private static func parseValue(_ line: UnsafeBufferPointer<UInt8>, from start: Int, line number: Int, inMapping: Bool)
        -> (YAMLNode, Int)?
    {
        let first = line[start]
        let mark = YAMLNode.Mark(line: number, column: column(of: start, in: line))
        switch first {
        case 0x22, 0x27:  // "…" or '…': no escapes, no quote inside
            var end = start + 1
            while end < line.count && line[end] != first {
                guard line[end] != 0x5C, let length = simpleLength(line, at: end, inPlain: false) else { return nil }
                end += length
            }
            guard end < line.count else { return nil }
            let string = String(decoding: UnsafeBufferPointer(rebasing: line[(start + 1)..<end]), as: UTF8.self)
            var after = end + 1
            if inMapping { while after < line.count && line[after] == 0x20 { after += 1 } }
            return (.scalar(YAMLNode.Scalar(string: string, isPlain: false, mark: mark)), after)
        case 0x5B:  // [a, b]: plain elements without spaces, commas or brackets
            guard !inMapping else { return nil }
            var nodes: [YAMLNode] = []
            var index = start + 1
            while index < line.count && line[index] == 0x20 { index += 1 }
            if index < line.count && line[index] == 0x5D {
                return (.sequence(YAMLNode.Sequence(nodes: [], mark: mark)), index + 1)
            }
            while true {
                guard let (element, end) = plain(line, from: index, line: number, inFlow: true) else { return nil }
                nodes.append(element)
                guard end < line.count else { return nil }
                if line[end] == 0x5D { return (.sequence(YAMLNode.Sequence(nodes: nodes, mark: mark)), end + 1) }
                guard line[end] == 0x2C else { return nil }
                index = end + 1
                while index < line.count && line[index] == 0x20 { index += 1 }
            }
        case 0x7B:  // {k: v, k2: "v 2"}: keys as at the margin, values plain or quoted, each key once
            guard !inMapping else { return nil }
            var pairs: [YAMLNode.Mapping.Pair] = []
            var index = start + 1
            while index < line.count && line[index] == 0x20 { index += 1 }
            if index < line.count && line[index] == 0x7D {
                return (.mapping(YAMLNode.Mapping(pairs: [], mark: mark)), index + 1)
            }
            while true {
                guard let (name, key, valueStart) = mappingKey(line, from: index, line: number),
                    !pairs.contains(where: { $0.name == name }),
                    let (value, end) = parseValue(line, from: valueStart, line: number, inMapping: true), end < line.count
                else { return nil }
                pairs.append(YAMLNode.Mapping.Pair(name: name, key: key, value: value))
                if line[end] == 0x7D { return (.mapping(YAMLNode.Mapping(pairs: pairs, mark: mark)), end + 1) }
                guard line[end] == 0x2C else { return nil }
                index = end + 1
                while index < line.count && line[index] == 0x20 { index += 1 }
            }
        default:
            return plain(line, from: start, line: number, inFlow: inMapping)
        }
    }

    /// A plain scalar from `start`: it ends at the end of the line or, in a
    /// list or mapping, at a comma, bracket or brace. Nil for any character that
    /// could make it something else (an indicator first, `#` anywhere, `:` in a
    /// list or mapping or before a space or the end, a space at the end or, in
    /// a list or mapping, anywhere).
    private static func plain(_ line: UnsafeBufferPointer<UInt8>, from start: Int, line number: Int, inFlow: Bool)
        -> (YAMLNode, Int)?
    {
        guard start < line.count, !indicators.contains(line[start]) else { return nil }
        var end = start
        while end < line.count {
            let byte = line[end]
            if inFlow && (byte == 0x2C || byte == 0x5D || byte == 0x7D) { break }
            if byte == 0x20 && inFlow { return nil }
            // `08:30`, `https://…`: outside a list or mapping a colon is text
            // unless a space or the end of the line follows (then it maps).
            if byte == 0x3A && !inFlow {
                guard end + 1 < line.count, line[end + 1] != 0x20 else { return nil }
                end += 1
                continue
            }
            guard let length = simpleLength(line, at: end, inPlain: true) else { return nil }
            end += length
        }
        guard end > start, line[end - 1] != 0x20 else { return nil }
        let string = String(decoding: UnsafeBufferPointer(rebasing: line[start..<end]), as: UTF8.self)
        let mark = YAMLNode.Mark(line: number, column: column(of: start, in: line))
        return (.scalar(YAMLNode.Scalar(string: string, isPlain: true, mark: mark)), end)
    }

    /// Characters that may not start a plain scalar here (YAML indicators, and `.`).
    private static let indicators: Set<UInt8> = Set("-?:,[]{}#&*!|>'\"%@`.".utf8)

    /// The byte length of the character at `index` when it is ordinary text
    /// to libyaml: ASCII printable (but for `:#,[]{}` in plain text), or a
    /// printable character of two or three bytes other than the line
    /// breaks U+2028 and U+2029 and the byte order mark. Else nil.
    private static func simpleLength(_ line: UnsafeBufferPointer<UInt8>, at index: Int, inPlain: Bool) -> Int? {
        let lead = line[index]
        if lead < 0x80 {
            guard (0x20...0x7E).contains(lead) else { return nil }
            if inPlain && (lead == 0x3A || lead == 0x23 || lead == 0x2C || lead == 0x5B || lead == 0x5D || lead == 0x7B || lead == 0x7D) {
                return nil
            }
            return 1
        }
        let length = lead >= 0xE0 ? 3 : 2
        guard lead >= 0xC2, lead < 0xF0, index + length <= line.count else { return nil }
        var value = UInt32(lead) & (length == 3 ? 0x0F : 0x1F)
        for offset in 1..<length { value = value << 6 | UInt32(line[index + offset] & 0x3F) }
        switch value {
        case 0xA0...0xD7FF, 0xE000...0xFFFD:
            return value == 0x2028 || value == 0x2029 || value == 0xFEFF ? nil : length
        default:
            return nil  // C1 controls (NEL is a line break to libyaml), surrogates, non-characters
        }
    }

    /// 1-based, in characters (libyaml counts scalars).
    private static func column(of offset: Int, in line: UnsafeBufferPointer<UInt8>) -> Int {
        var column = 1
        for index in 0..<offset where line[index] & 0xC0 != 0x80 { column += 1 }
        return column
    }

    private static func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
    private static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }
}
