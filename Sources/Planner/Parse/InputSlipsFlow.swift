/// The flow context of `InputSlips`: `[…]` and `{…}`, which may span lines.
extension InputSlips.Scanner {
    /// Flow collections from `start` to the end of the line (they may go on).
    mutating func flowText(from start: Int) {
        var index = start
        var entry: Int?
        var commas: Set<Int>?
        func endEntry(_ end: Int, _ scanner: inout InputSlips.Scanner) {
            if let first = entry { scanner.checkWrapped(from: first, to: end) }
            entry = nil
        }
        while index < line.count {
            let scalar = line[index]
            switch scalar {
            case "[", "{":
                endEntry(index, &self)
                if commas == nil { commas = commaOpeners() }
                flow.append(InputSlips.Flow(bracket: scalar, commas: commas?.contains(index) ?? false))
                atFlowKey = scalar == "{"
            case "]", "}":
                endEntry(index, &self)
                _ = flow.popLast()
                atFlowKey = false
                // The block context resumes: what follows on the line is YAML's to judge.
                if flow.isEmpty { return }
            case ",":
                endEntry(index, &self)
                if !flow.isEmpty { flow[flow.count - 1].commas = true }
                atFlowKey = flow.last?.bracket == "{"
            case "\"", "'" where entry == nil:
                guard let end = quoteEnd(scalar, from: index + 1) else {
                    openQuote = scalar
                    return
                }
                index = end
            case "#" where index == 0 || line[index - 1] == " " || line[index - 1] == "\t":
                endEntry(index, &self)
                return
            case ":" where index + 1 == line.count || isSpace(index + 1) || ",[]{}".unicodeScalars.contains(line[index + 1]):
                entry = nil
                atFlowKey = false
            case InputSlips.comma, InputSlips.enumerationComma:
                if separates(at: index, entry: entry) || (scalar == InputSlips.comma && startsKey(at: index + 1)) {
                    report(.listSeparator(Character(scalar)), at: index, edits: [(index, [",", " "])])
                    endEntry(index, &self)
                    atFlowKey = flow.last?.bracket == "{"
                } else if entry == nil {
                    entry = index
                }
            case InputSlips.colon where flow.last?.bracket == "{" && atFlowKey:
                if let first = entry, !line[first..<index].contains(where: { $0 == " " || $0 == "\t" }) {
                    reportColon(at: index, key: String(String.UnicodeScalarView(line[first..<index])))
                    entry = nil
                    atFlowKey = false
                }
            case " ", "\t":
                break
            case InputSlips.ideographicSpace where entry == nil:
                report(.fullWidthSpace, at: index, edits: [(index, [" "])])
            default:
                if entry == nil { entry = index }
            }
            index += 1
        }
        endEntry(line.count, &self)
    }

    /// Whether the `，` or `、` at `index` stands between two entries of a
    /// list: always in a list with no ASCII comma, and between two
    /// ids (`[payroll, car，newcomer]`) in any.
    func separates(at index: Int, entry: Int?) -> Bool {
        guard let open = flow.last, open.bracket == "[" else { return false }
        if !open.commas { return true }
        guard let first = entry, isIdentifier(first..<index) else { return false }
        var end = index + 1
        while end < line.count, !",]".unicodeScalars.contains(line[end]), line[end] != InputSlips.comma,
            line[end] != InputSlips.enumerationComma
        {
            end += 1
        }
        var last = end
        while last > index + 1, line[last - 1] == " " { last -= 1 }
        return last > index + 1 && isIdentifier((index + 1)..<last)
    }

    /// The positions of the `[` and `{` on this line that split their
    /// entries by an ASCII comma on it (nested collections and quoted
    /// entries skipped), in one pass: a line of many brackets must not
    /// be read again for each.
    func commaOpeners() -> Set<Int> {
        var openers: Set<Int> = []
        var open: [Int] = []
        var position = 0
        var entryStart = true
        while position < line.count {
            let scalar = line[position]
            switch scalar {
            case "[", "{":
                open.append(position)
                entryStart = true
            case "]", "}":
                _ = open.popLast()
            case ",":
                if let last = open.last { openers.insert(last) }
                entryStart = true
            case "\"", "'" where entryStart:
                // Only a quote that opens an entry; an apostrophe inside text is text.
                guard let end = quoteEnd(scalar, from: position + 1) else { return openers }
                position = end
                entryStart = false
            case " ", "\t":
                break
            default:
                entryStart = false
            }
            position += 1
        }
        return openers
    }

    /// Whether a flow mapping's key follows (`，stage: weak`).
    func startsKey(at start: Int) -> Bool {
        guard flow.last?.bracket == "{" else { return false }
        var index = skipSpaces(from: start)
        let first = index
        while index < line.count, line[index] != " ", line[index] != ",", line[index] != "}" {
            if (line[index] == ":" || line[index] == InputSlips.colon), index > first { return true }
            index += 1
        }
        return false
    }
}
