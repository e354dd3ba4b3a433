/// A slip a Chinese input method makes in YAML, found before YAML reads the
/// text: YAML would either fail a line later in its own words, or take the
/// slip as text (`[晨跑，理财]` is one entry, `“小招”` keeps its quotes).
struct InputSlip: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        /// `theme：life`: a full-width colon ends a key.
        case fullWidthColon(key: String)
        /// U+3000 in the indentation (or right after a key's colon).
        case fullWidthSpace
        /// `，` or `、` between the entries of a flow list.
        case listSeparator(Character)
        /// A value wrapped in `“…”` or `‘…’`.
        case curlyQuotes(open: Character, close: Character)
    }

    let kind: Kind
    /// 1-based in the YAML text; the column counts characters.
    let line: Int
    let column: Int
    /// The line as it reads with this slip fixed (around the slip, when long).
    let fixed: String
}

/// Finds `InputSlip`s line by line, knowing enough YAML to leave alone what
/// is text: block scalars, quoted scalars, the continuation lines of plain
/// ones and comments. Quotes inside a value (`他说“加油”就跑了`) stay legal.
enum InputSlips {
    static let colon: Unicode.Scalar = "\u{FF1A}"
    static let ideographicSpace: Unicode.Scalar = "\u{3000}"
    static let comma: Unicode.Scalar = "\u{FF0C}"
    static let enumerationComma: Unicode.Scalar = "\u{3001}"
    static let quotePairs: [(open: Unicode.Scalar, close: Unicode.Scalar)] = [("\u{201C}", "\u{201D}"), ("\u{2018}", "\u{2019}")]

    /// Enough to show the writer the pattern; a file of thousands is not read on.
    static let maximumPerText = 50

    static func find(in yaml: String) -> [InputSlip] {
        guard mayHoldSlips(yaml) else { return [] }
        var scanner = Scanner()
        for (index, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            scanner.scan(Array(line.unicodeScalars), number: index + 1)
            if scanner.slips.count >= maximumPerText { break }
        }
        return scanner.slips
    }

    /// Whether any character a slip is made of occurs at all (nearly no
    /// front matter holds one): `：，` are EF BC 9A/8C, U+3000 and `、` E3 80
    /// 80/81, `“‘` E2 80 9C/98.
    static func mayHoldSlips(_ yaml: String) -> Bool {
        var text = yaml
        return text.withUTF8 { bytes in
            guard bytes.count >= 3 else { return false }
            for index in 0..<(bytes.count - 2) {
                switch (bytes[index], bytes[index + 1], bytes[index + 2]) {
                case (0xEF, 0xBC, 0x9A), (0xEF, 0xBC, 0x8C), (0xE3, 0x80, 0x80), (0xE3, 0x80, 0x81), (0xE2, 0x80, 0x9C),
                    (0xE2, 0x80, 0x98):
                    return true
                default: continue
                }
            }
            return false
        }
    }

    /// An open `[` or `{`, and whether its entries are split by ASCII commas
    /// somewhere (then a `，` in one is text: `[今天也要加油哦, 慢慢来，比较快]`).
    struct Flow {
        let bracket: Unicode.Scalar
        var commas: Bool
    }

    struct Scanner {
        var slips: [InputSlip] = []
        /// Inside a block scalar: lines indented past this column are its text.
        var blockParent: Int?
        /// Inside a quoted scalar that goes on past its line.
        var openQuote: Unicode.Scalar?
        /// Open flow collections, which may span lines.
        var flow: [Flow] = []
        /// In a flow mapping, whether a key comes next (not its value).
        var atFlowKey = false
        /// After `key: plain text`, lines indented past the key go on with the text.
        var plainParent: Int?

        var line: [Unicode.Scalar] = []
        var number = 0

        mutating func scan(_ scalars: [Unicode.Scalar], number: Int) {
            line = scalars
            self.number = number
            var start = 0
            if let parent = blockParent {
                if isBlank(0) || leadingSpaces() > parent { return }
                blockParent = nil
            }
            if let quote = openQuote {
                guard let end = quoteEnd(quote, from: 0) else { return }
                openQuote = nil
                guard !flow.isEmpty else { return }
                start = end + 1
            }
            if start == 0 {
                var index = 0
                while index < line.count, line[index] == " " || line[index] == "\t" || line[index] == InputSlips.ideographicSpace {
                    index += 1
                }
                if let space = line[..<index].firstIndex(of: InputSlips.ideographicSpace) {
                    let edits = (0..<index).filter { line[$0] == InputSlips.ideographicSpace }.map { ($0, [" "] as [Unicode.Scalar]) }
                    report(.fullWidthSpace, at: space, edits: edits)
                }
                if index == line.count { return }
                start = index
                if flow.isEmpty {
                    if line[index] == "#" { return }
                    if let parent = plainParent, index > parent { return }
                    plainParent = nil
                    if index == 0, line.count >= 3, (line[0] == "-" && line[1] == "-" && line[2] == "-") || (line[0] == "." && line[1] == "." && line[2] == "."),
                        line.count == 3 || line[3] == " " || line[3] == "\t"
                    {
                        return
                    }
                    blockNode(at: index)
                    return
                }
            }
            flowText(from: start)
        }

        // MARK: - Block context

        /// A line's node after its indentation: `- ` entries, then a key or a value.
        mutating func blockNode(at start: Int) {
            var index = start
            var entryColumn: Int?
            while index < line.count, line[index] == "-", index + 1 == line.count || line[index + 1] == " " || line[index + 1] == "\t" {
                entryColumn = index
                index = skipSpaces(from: index + 1)
            }
            guard index < line.count else { return }
            let keyColumn = index
            switch line[index] {
            case "#", "*", "?", "&", "!":
                return
            case "|", ">":
                blockParent = entryColumn ?? keyColumn
            case "[", "{":
                flowText(from: index)
            case "\"", "'":
                guard let end = quoteEnd(line[index], from: index + 1) else {
                    openQuote = line[index]
                    return
                }
                let after = skipSpaces(from: end + 1)
                guard after < line.count else { return }
                if line[after] == ":" {
                    if after + 1 == line.count || isSpace(after + 1) { blockValue(from: after + 1, keyColumn: keyColumn) }
                } else if line[after] == InputSlips.colon {
                    reportColon(at: after, key: String(String.UnicodeScalarView(line[(index + 1)..<end])))
                    blockValue(from: after + 1, keyColumn: keyColumn)
                }
            default:
                var position = index
                var spaced = false
                while position < line.count {
                    let scalar = line[position]
                    if scalar == ":", position + 1 == line.count || isSpace(position + 1) || line[position + 1] == InputSlips.ideographicSpace {
                        blockValue(from: position + 1, keyColumn: keyColumn)
                        return
                    }
                    if scalar == InputSlips.colon, !spaced, position > index,
                        entryColumn == nil || isIdentifier(index..<position)
                    {
                        reportColon(at: position, key: String(String.UnicodeScalarView(line[index..<position])))
                        blockValue(from: position + 1, keyColumn: keyColumn)
                        return
                    }
                    if scalar == " " || scalar == "\t" {
                        spaced = true
                        if position + 1 < line.count, line[position + 1] == "#" { break }
                    }
                    position += 1
                }
                // No key: a list entry's text (or a stray line YAML will refuse).
                if let entryColumn {
                    checkWrapped(from: index, to: position)
                    plainParent = entryColumn
                }
            }
        }

        /// The value after `key:` (or `key：`) from `start`.
        mutating func blockValue(from start: Int, keyColumn: Int) {
            var index = start
            while index < line.count, line[index] == " " || line[index] == "\t" || line[index] == InputSlips.ideographicSpace {
                if line[index] == InputSlips.ideographicSpace {
                    report(.fullWidthSpace, at: index, edits: [(index, [" "])])
                }
                index += 1
            }
            guard index < line.count else { return }
            switch line[index] {
            case "#", "*", "&", "!":
                return
            case "|", ">":
                blockParent = keyColumn
            case "\"", "'":
                if quoteEnd(line[index], from: index + 1) == nil { openQuote = line[index] }
            case "[", "{":
                flowText(from: index)
            default:
                var end = index
                while end < line.count, !(line[end] == "#" && (line[end - 1] == " " || line[end - 1] == "\t")) { end += 1 }
                checkWrapped(from: index, to: end)
                plainParent = keyColumn
            }
        }

        // MARK: - Pieces

        /// The index of the quote closing a scalar opened before `start`, or nil.
        func quoteEnd(_ quote: Unicode.Scalar, from start: Int) -> Int? {
            var index = start
            while index < line.count {
                if quote == "\"" && line[index] == "\\" {
                    index += 2
                    continue
                }
                if line[index] == quote {
                    if quote == "'" && index + 1 < line.count && line[index + 1] == "'" {
                        index += 2
                        continue
                    }
                    return index
                }
                index += 1
            }
            return nil
        }

        /// A value from `start` to `end` (spaces at its end left out) wrapped in curly quotes.
        mutating func checkWrapped(from start: Int, to end: Int) {
            var last = end - 1
            while last > start, line[last] == " " || line[last] == "\t" { last -= 1 }
            guard last > start else { return }
            for (open, close) in InputSlips.quotePairs where line[start] == open && line[last] == close {
                // `“加油”和“努力”` is two quotations, not one wrapped value.
                guard !line[(start + 1)..<last].contains(close) else { return }
                report(.curlyQuotes(open: Character(open), close: Character(close)), at: start, edits: [(start, []), (last, [])])
            }
        }

        mutating func reportColon(at index: Int, key: String) {
            let next = index + 1 < line.count ? line[index + 1] : " "
            var edits: [(Int, [Unicode.Scalar])] = [(index, next == " " || next == InputSlips.ideographicSpace ? [":"] : [":", " "])]
            if next == InputSlips.ideographicSpace { edits.append((index + 1, [" "])) }
            report(.fullWidthColon(key: key), at: index, edits: edits)
        }

        /// Records a slip with the line as it reads fixed: `edits` replace
        /// single characters. A long line is shown around the slip only.
        mutating func report(_ kind: InputSlip.Kind, at index: Int, edits: [(Int, [Unicode.Scalar])]) {
            guard slips.count < InputSlips.maximumPerText else { return }
            let window = line.count <= 160 ? 0..<line.count : max(0, index - 60)..<min(line.count, index + 60)
            var fixed = String.UnicodeScalarView()
            if window.lowerBound > 0 { fixed.append("…") }
            for position in window {
                if let edit = edits.first(where: { $0.0 == position }) {
                    fixed.append(contentsOf: edit.1)
                } else {
                    fixed.append(line[position])
                }
            }
            if window.upperBound < line.count { fixed.append("…") }
            slips.append(InputSlip(kind: kind, line: number, column: index + 1, fixed: String(fixed)))
        }

        func isSpace(_ index: Int) -> Bool { line[index] == " " || line[index] == "\t" }

        func isBlank(_ start: Int) -> Bool { line[start...].allSatisfy { $0 == " " || $0 == "\t" } }

        func leadingSpaces() -> Int { line.firstIndex { $0 != " " } ?? line.count }

        func skipSpaces(from start: Int) -> Int {
            var index = start
            while index < line.count, line[index] == " " || line[index] == "\t" { index += 1 }
            return index
        }

        /// `from`, `base_url`, `touch-cap`: what a key in these files looks like.
        func isIdentifier(_ range: Range<Int>) -> Bool {
            line[range].allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "-") }
        }
    }
}
