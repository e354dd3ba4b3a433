import Foundation

/// The byte-level steps around cmark, which need no C API: bounding the
/// nesting of what goes in, tidying the plain text that comes out.
extension MarkdownRenderer {
    /// cmark pads list markers (`1.  item`); one space reads better in a chat.
    /// Trims blank space around the whole text. Works on bytes: this runs once
    /// per item on every build.
    static func tidyPlainText(bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var lineStart = 0
        while lineStart <= bytes.count {
            let lineEnd = Self.lineEnd(bytes, from: lineStart)
            appendTidyLine(UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd]), to: &output)
            if lineEnd < bytes.count { output.append(0x0A) }
            lineStart = lineEnd + 1
        }
        return trimmingWhitespace(output)
    }

    /// The position of the first line feed at or after `start`, or the end: memchr, as
    /// a byte-at-a-time scan of every copy cost as much as tidying it.
    static func lineEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard start < bytes.count, let base = bytes.baseAddress,
            let found = memchr(base + start, 0x0A, bytes.count - start)
        else { return max(start, bytes.count) }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    private static func appendTidyLine(_ line: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        var index = 0
        while index < line.count, line[index] == 0x20 || line[index] == 0x09 { index += 1 }
        let markerStart = index
        var markerEnd = index
        if index < line.count, line[index] >= 0x30, line[index] <= 0x39 {
            var end = index
            while end < line.count, line[end] >= 0x30, line[end] <= 0x39 { end += 1 }
            if end < line.count, line[end] == UInt8(ascii: ".") || line[end] == UInt8(ascii: ")") { markerEnd = end + 1 }
        } else if index < line.count, line[index] == UInt8(ascii: "-") || line[index] == UInt8(ascii: "*") || line[index] == UInt8(ascii: "+") {
            markerEnd = index + 1
        }
        // The marker must be followed by two or more blanks (an ideographic space counts).
        var rest = markerEnd
        var blanks = 0
        while markerEnd > markerStart, rest < line.count {
            if line[rest] == 0x20 || line[rest] == 0x09 {
                rest += 1
            } else if rest + 2 < line.count, line[rest] == 0xE3, line[rest + 1] == 0x80, line[rest + 2] == 0x80 {
                rest += 3
            } else {
                break
            }
            blanks += 1
        }
        guard markerEnd > markerStart, blanks >= 2 else {
            output.append(contentsOf: line)
            return
        }
        var indent = 0
        while indent < line.count, line[indent] == 0x20 { indent += 1 }
        output.append(contentsOf: repeatElement(0x20, count: indent))
        output.append(contentsOf: UnsafeBufferPointer(rebasing: line[markerStart..<markerEnd]))
        output.append(0x20)
        output.append(contentsOf: UnsafeBufferPointer(rebasing: line[rest..<line.count]))
    }

    /// `trimmingCharacters(in: .whitespacesAndNewlines)` on UTF-8 (the
    /// Unicode White_Space set, scalar by scalar), decoding only the scalars
    /// at the ends: the text itself is neither decoded nor copied.
    static func trimmingWhitespace(_ bytes: [UInt8]) -> [UInt8] {
        bytes.withUnsafeBufferPointer { buffer in
            var start = 0
            var end = buffer.count
            while start < end, let length = whitespaceLength(buffer, at: start) { start += length }
            while end > start {
                var lead = end - 1
                while lead > start, buffer[lead] & 0xC0 == 0x80 { lead -= 1 }
                guard whitespaceLength(buffer, at: lead) == end - lead else { break }
                end = lead
            }
            return start == 0 && end == buffer.count ? bytes : Array(buffer[start..<end])
        }
    }

    /// The length of the white-space scalar that starts at `index`, or nil.
    private static func whitespaceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        let lead = bytes[index]
        if lead < 0x80 { return lead == 0x20 || (lead >= 0x09 && lead <= 0x0D) ? 1 : nil }
        // Non-ASCII white space (U+0085, U+00A0, U+1680, U+2000…U+3000) takes two or three bytes.
        guard lead >= 0xC2, lead < 0xF0 else { return nil }
        let length = lead >= 0xE0 ? 3 : 2
        guard index + length <= bytes.count else { return nil }
        var value = UInt32(lead & (length == 2 ? 0x1F : 0x0F))
        for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        guard let scalar = Unicode.Scalar(value), scalar.properties.isWhitespace else { return nil }
        return length
    }

    /// Block quotes and lists opened on one line, at most; deeper markers are
    /// escaped and read as text.
    static let maximumNesting = 32

    /// cmark-gfm does not recurse on nesting, but a line of a million `>` or
    /// `- ` costs it time far beyond its length. Container markers past
    /// `maximumNesting` on one line get a backslash, so they stay literal
    /// text; ordinary copy never comes near the bound and is left as it is.
    static func boundingNesting(_ markdown: String) -> String {
        // A native string is contiguous UTF-8: scanned in place, copied only to escape.
        let escapes = markdown.utf8.withContiguousStorageIfAvailable(nestingEscapes)
            ?? Array(markdown.utf8).withUnsafeBufferPointer(nestingEscapes)
        if escapes.isEmpty { return markdown }
        let bytes = Array(markdown.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + escapes.count)
        var start = 0
        for escape in escapes {
            output += bytes[start..<escape]
            output.append(UInt8(ascii: "\\"))
            start = escape
        }
        output += bytes[start...]
        return String(decoding: output, as: UTF8.self)
    }

    /// Where `boundingNesting` puts its backslashes.
    private static func nestingEscapes(_ bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
        var escapes: [Int] = []
        var index = 0
        let count = bytes.count
        func isBlank(_ at: Int) -> Bool { at >= count || bytes[at] == 32 || bytes[at] == 9 || bytes[at] == 10 }
        while index < count {
            // At a line start: count the container markers that open the line.
            var markers = 0
            var position = index
            scan: while position < count {
                switch bytes[position] {
                case 32, 9:
                    position += 1
                    continue scan
                case UInt8(ascii: ">"):
                    markers += 1
                    if markers > maximumNesting {
                        escapes.append(position)
                        break scan
                    }
                    position += 1
                case UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "+"):
                    guard isBlank(position + 1) else { break scan }
                    markers += 1
                    if markers > maximumNesting {
                        escapes.append(position)
                        break scan
                    }
                    position += 1
                case UInt8(ascii: "0")...UInt8(ascii: "9"):
                    var end = position
                    while end < count, end - position < 10, bytes[end] >= 48, bytes[end] <= 57 { end += 1 }
                    guard end < count, bytes[end] == UInt8(ascii: ".") || bytes[end] == UInt8(ascii: ")"), isBlank(end + 1)
                    else { break scan }
                    markers += 1
                    if markers > maximumNesting {
                        escapes.append(end)
                        break scan
                    }
                    position = end + 1
                default:
                    break scan
                }
            }
            if position < count, let base = bytes.baseAddress, let newline = memchr(base + position, 10, count - position) {
                position = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(newline))
            } else {
                position = count
            }
            index = position + 1
        }
        return escapes
    }

    /// A string cmark allocated, freed once copied.
    static func take(_ rendered: UnsafeMutablePointer<CChar>?) -> String {
        guard let rendered else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }

    /// The bytes of a string cmark allocated, handed to `body` and then freed.
    static func takeBytes(_ rendered: UnsafeMutablePointer<CChar>?, _ body: (UnsafeBufferPointer<UInt8>) -> [UInt8]) -> [UInt8] {
        guard let rendered else { return [] }
        defer { free(rendered) }
        return rendered.withMemoryRebound(to: UInt8.self, capacity: 1) { body(UnsafeBufferPointer(start: $0, count: strlen(rendered))) }
    }
}
