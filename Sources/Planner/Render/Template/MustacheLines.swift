/// The second pass: which lines are standalone, and where each kept line
/// starts (a partial's or a block's indentation goes there, never after a
/// newline inside a value).
///
/// A line is standalone when it holds only blanks and tags that render
/// nothing in place (sections, comments, partials, parents, blocks, set
/// delimiters); it then disappears with its indentation and newline. As the
/// spec's inheritance module has it, a line may hold several such tags when
/// one of them is a parent or a block (`{{<page}}{{$main}}`,
/// `{{/main}}{{/page}}`), except a block filled in place, opened and closed
/// on the same line (`  {{$title}}{{/title}}`): that line stays, and the
/// blanks before the block indent its further lines.
struct LineToken {
    enum Kind {
        /// `lineStart`: the run starts a line of the source (an indentation point).
        case text(start: Int, end: Int, lineStart: Bool)
        case tag(RawTag)
    }
    let kind: Kind
    /// For a tag: whether its line is standalone.
    var standalone = false
    /// For a tag with only blanks before it on its line: those blanks.
    var lineIndent: [UInt8]?
    /// For a standalone tag: the blanks that start the next line.
    var nextLineIndent: [UInt8] = []
}

enum MustacheLines {
    private enum Segment {
        case text(start: Int, end: Int)
        case tag(Int)
    }

    static func tokens(_ pieces: [RawPiece], in bytes: [UInt8]) -> [LineToken] {
        // How tags pair up: a block inside a parent (directly) fills it; closes know their opener.
        var tags: [RawTag] = []
        var openers: [(index: Int, tag: RawTag)] = []
        var isDefinition: [Int: Bool] = [:]
        var closeOf: [Int: Int] = [:]
        var openerSigil: [Int: UInt8] = [:]
        for piece in pieces {
            guard case .tag(let tag) = piece else { continue }
            let index = tags.count
            tags.append(tag)
            switch tag.sigil {
            case UInt8(ascii: "#"), UInt8(ascii: "^"), UInt8(ascii: "<"), UInt8(ascii: "$"):
                if tag.sigil == UInt8(ascii: "$") { isDefinition[index] = openers.last?.tag.sigil == UInt8(ascii: "<") }
                openers.append((index, tag))
            case UInt8(ascii: "/"):
                if let opener = openers.last, opener.tag.content == tag.content {
                    closeOf[opener.index] = index
                    openerSigil[index] = opener.tag.sigil
                    openers.removeLast()
                }
            default:
                break
            }
        }

        func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
        func blanks(from position: Int) -> [UInt8] {
            var end = position
            while end < bytes.count, isBlank(bytes[end]) { end += 1 }
            return Array(bytes[position..<end])
        }
        func rendersNothingInPlace(_ sigil: UInt8) -> Bool {
            switch sigil {
            case UInt8(ascii: "#"), UInt8(ascii: "^"), UInt8(ascii: "/"), UInt8(ascii: "!"), UInt8(ascii: ">"),
                UInt8(ascii: "="), UInt8(ascii: "%"), UInt8(ascii: "<"), UInt8(ascii: "$"):
                return true
            default:
                return false
            }
        }
        func inheritance(_ index: Int) -> Bool {
            let sigil = tags[index].sigil
            if sigil == UInt8(ascii: "<") || sigil == UInt8(ascii: "$") { return true }
            return sigil == UInt8(ascii: "/") && (openerSigil[index] == UInt8(ascii: "<") || openerSigil[index] == UInt8(ascii: "$"))
        }
        /// Blanks only, ending in the line's newline (`\n` or `\r\n`) when `last`.
        func isBlankText(_ start: Int, _ end: Int, last: Bool) -> Bool {
            var end = end
            if last, end > start, bytes[end - 1] == 0x0A {
                end -= 1
                if end > start, bytes[end - 1] == 0x0D { end -= 1 }
            }
            return bytes[start..<end].allSatisfy(isBlank)
        }

        var result: [LineToken] = []
        func finish(_ line: [Segment]) {
            guard !line.isEmpty else { return }
            let lineTags = line.compactMap { segment -> Int? in if case .tag(let index) = segment { return index } else { return nil } }
            var standalone = !lineTags.isEmpty && lineTags.allSatisfy { rendersNothingInPlace(tags[$0].sigil) }
            if standalone {
                for (position, segment) in line.enumerated() {
                    if case .text(let start, let end) = segment, !isBlankText(start, end, last: position == line.count - 1) {
                        standalone = false
                        break
                    }
                }
            }
            if standalone, lineTags.count > 1 {
                let filledInPlace = lineTags.contains { index in
                    tags[index].sigil == UInt8(ascii: "$") && isDefinition[index] == false && closeOf[index].map(lineTags.contains) == true
                }
                standalone = lineTags.contains(where: inheritance) && !filledInPlace
            }
            let lineStart: Int
            switch line[0] {
            case .text(let start, _): lineStart = start
            case .tag(let index): lineStart = tags[index].start
            }
            if standalone {
                let indent = blanks(from: lineStart)
                var nextLine = bytes.count
                if case .text(_, let end) = line[line.count - 1], end > 0, bytes[end - 1] == 0x0A { nextLine = end }
                let next = blanks(from: nextLine)
                for (position, index) in lineTags.enumerated() {
                    result.append(LineToken(kind: .tag(tags[index]), standalone: true, lineIndent: position == 0 ? indent : nil, nextLineIndent: next))
                }
                return
            }
            var onlyBlanksSoFar = true
            for (position, segment) in line.enumerated() {
                switch segment {
                case .text(let start, let end):
                    result.append(LineToken(kind: .text(start: start, end: end, lineStart: position == 0)))
                    if !bytes[start..<end].allSatisfy(isBlank) { onlyBlanksSoFar = false }
                case .tag(let index):
                    if position == 0 { result.append(LineToken(kind: .text(start: lineStart, end: lineStart, lineStart: true))) }
                    let indent = onlyBlanksSoFar ? blanks(from: lineStart) : nil
                    result.append(LineToken(kind: .tag(tags[index]), lineIndent: indent))
                    onlyBlanksSoFar = false
                }
            }
        }

        var line: [Segment] = []
        var tagIndex = 0
        for piece in pieces {
            switch piece {
            case .text(var start, let end):
                var position = start
                while position < end {
                    if bytes[position] == 0x0A {
                        line.append(.text(start: start, end: position + 1))
                        finish(line)
                        line.removeAll(keepingCapacity: true)
                        start = position + 1
                    }
                    position += 1
                }
                if start < end { line.append(.text(start: start, end: end)) }
            case .tag:
                line.append(.tag(tagIndex))
                tagIndex += 1
            }
        }
        finish(line)
        return result
    }
}
