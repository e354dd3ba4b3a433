import Dispatch
import Foundation

/// `--format text`, for people:
///
///     content/moments/2026-12/01.md:3:7: error: message [rule]
///        3 | date: 2026-12-01
///          |       ^
///          = hint: …
///          = note: content/moments/2026-12/01-b.md:3:7: the other post of that day
///
/// then one summary line. Colour escapes only when `report.colour` is set
/// (the CLI sets it on a terminal without NO_COLOR).
struct TextReport {
    func render(_ report: Report) -> String {
        // Thousands of findings are written in parts on all cores: the report
        // is the last stage of `check`, with nothing else left to run beside it.
        // Four parts a core, taken in turn: a core held up elsewhere for a
        // moment does not leave the others waiting for its one long part.
        let diagnostics = report.diagnostics
        let parts = diagnostics.count < 1024 ? 1 : min(16, 4 * max(1, ProcessInfo.processInfo.activeProcessorCount))
        let texts = ConcurrentResults<String>(count: parts)
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            Heap.prepareThread()
            let range = (diagnostics.count * part / parts)..<(diagnostics.count * (part + 1) / parts)
            texts.set(part, render(diagnostics[range], of: report))
        }
        return texts.values.joined() + TextReport.summary(report)
    }

    private func render(_ diagnostics: ArraySlice<Diagnostic>, of report: Report) -> String {
        var sources = SourceCache(report: report)
        let zh = report.language == .zhCN
        var output = ""
        for diagnostic in diagnostics {
            let style = Style(enabled: report.colour)
            let severity = style.severity(diagnostic.severity.rawValue, diagnostic.severity)
            let message = TextReport.oneLine(diagnostic.message.text(report.language))
            output += "\(style.bold(TextReport.oneLine(diagnostic.location.description))): \(severity): \(style.bold(message)) \(style.dim("[\(diagnostic.ruleID)]"))\n"

            // The line number right-aligned in at least four columns, then ` | `;
            // the caret, hint and note lines start under the `|`.
            let number = String(diagnostic.location.line)
            let width = max(4, number.count)
            let gutter = String(repeating: " ", count: width + 1)
            if let line = sources.line(diagnostic.location.line, of: diagnostic.location.file) {
                let shown = TextReport.printable(line)
                output += "\(style.blue(String(repeating: " ", count: width - number.count) + number + " |")) \(shown)\n"
                let prefix = TextReport.caretPrefix(shown, column: diagnostic.location.column)
                output += "\(style.blue(gutter + "|")) \(prefix)\(style.severity("^", diagnostic.severity))\n"
            }
            if let hint = diagnostic.hint {
                output += "\(gutter)\(style.blue("=")) \(style.bold(zh ? "建议" : "hint")): \(TextReport.oneLine(hint.text(report.language)))\n"
            }
            for related in diagnostic.related {
                output += "\(gutter)\(style.blue("=")) \(style.bold(zh ? "参见" : "note")): \(TextReport.oneLine("\(related.location)")): \(TextReport.oneLine(related.message.text(report.language)))\n"
            }
        }
        return output
    }

    static func summary(_ report: Report) -> String {
        let errors = report.count(.error)
        let warnings = report.count(.warning)
        let notices = report.count(.notice)
        switch report.language {
        case .zhCN:
            return "\(errors) 个错误，\(warnings) 个警告，\(notices) 个提示\n"
        case .en:
            return "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s"), \(notices) notice\(notices == 1 ? "" : "s")\n"
        }
    }

    /// Text from a diagnostic on one line (so `file:line:col: …` stays one record
    /// for editors and grep), with other control characters neutralised.
    static func oneLine(_ text: String) -> String {
        // Nearly every message: no control character at all, one look at its bytes.
        if isPlainLine(text) { return text }
        if !hasBreakOrTab(text) { return printable(text) }
        var output = ""
        var previous: Unicode.Scalar = " "
        for scalar in text.unicodeScalars {
            if scalar == "\n" || scalar == "\r" {
                if !(scalar == "\n" && previous == "\r") { output += " " }
            } else if scalar == "\t" {
                output += " "
            } else {
                output.unicodeScalars.append(scalar)
            }
            previous = scalar
        }
        return printable(output)
    }

    /// A source line with control characters (a stray CR, an escape) shown as
    /// U+FFFD so it can neither move the cursor nor recolour the terminal.
    static func printable(_ line: String) -> String {
        // C1 controls are C2 80–C2 9F in UTF-8: text without them, C0 controls or DEL is printable as it is.
        if !hasControl(line) { return line }
        var output = ""
        for scalar in line.unicodeScalars {
            if scalar == "\t" || (scalar.value >= 0x20 && scalar.value != 0x7F && !(0x80...0x9F).contains(scalar.value)) {
                output.unicodeScalars.append(scalar)
            } else {
                output.unicodeScalars.append("\u{FFFD}")
            }
        }
        return output
    }

    // Every finding's path, message and hint is looked at byte by byte: on
    // the bytes themselves, as the UTF-8 view's iterator costs several times more.

    /// Whether the text holds no C0 control (tabs and line breaks included),
    /// DEL or C1 control (C2 80–C2 9F): then `oneLine` leaves it as it is.
    static func isPlainLine(_ text: String) -> Bool {
        return text.withBorrowedUTF8 { utf8 in
            var previous: UInt8 = 0
            for byte in utf8 {
                // C2 is always a lead byte: a byte after it below A0 is a C1 control.
                if byte < 0x20 || byte == 0x7F || (previous == 0xC2 && byte < 0xA0) { return false }
                previous = byte
            }
            return true
        }
    }

    /// Whether the text holds a line feed, carriage return or tab.
    static func hasBreakOrTab(_ text: String) -> Bool {
        return text.withBorrowedUTF8 { utf8 in
            for byte in utf8 where byte == 10 || byte == 13 || byte == 9 { return true }
            return false
        }
    }

    /// Whether the text holds a C0 control but tab, DEL, or a C1 control
    /// (C2 80–C2 9F; not the rest of C2, like the middle dot of 张·三).
    static func hasControl(_ text: String) -> Bool {
        return text.withBorrowedUTF8 { utf8 in
            for index in utf8.indices {
                let byte = utf8[index]
                if (byte < 0x20 && byte != 0x09) || byte == 0x7F { return true }
                if byte == 0xC2 && index + 1 < utf8.count && utf8[index + 1] < 0xA0 { return true }
            }
            return false
        }
    }

    /// Blanks as wide as the text before `column` (tabs stay tabs, East Asian
    /// wide characters take two cells, combining marks none).
    static func caretPrefix(_ line: String, column: Int) -> String {
        var prefix = ""
        for scalar in line.unicodeScalars.prefix(column - 1) {
            if scalar == "\t" {
                prefix += "\t"
            } else if scalar.properties.generalCategory == .nonspacingMark || scalar.properties.generalCategory == .enclosingMark
                || scalar.value == 0x200D || (0xFE00...0xFE0F).contains(scalar.value)
            {
                continue
            } else {
                prefix += isWide(scalar) ? "  " : " "
            }
        }
        return prefix
    }

    /// East Asian wide characters take two columns on a terminal.
    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F,
            0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            return true
        default: return false
        }
    }

    /// ANSI styles, or nothing at all when colour is off.
    struct Style {
        let enabled: Bool

        func apply(_ code: String, _ text: String) -> String {
            enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
        }

        func bold(_ text: String) -> String { apply("1", text) }
        func dim(_ text: String) -> String { apply("2", text) }
        func blue(_ text: String) -> String { apply("1;34", text) }

        func severity(_ text: String, _ severity: Severity) -> String {
            switch severity {
            case .error: return apply("1;31", text)
            case .warning: return apply("1;33", text)
            case .notice: return apply("1;36", text)
            }
        }
    }

    /// Reads each file and finds its lines once however many diagnostics point into it.
    struct SourceCache {
        let report: Report
        /// By path as bytes: hashing a Chinese path as a String checks every scalar of it.
        var files = TextKeyed<SourceLines?>()

        init(report: Report) { self.report = report }

        mutating func line(_ number: Int, of file: String) -> String? {
            let lines: SourceLines?
            if let known = files[file] {
                lines = known
            } else {
                lines = report.lines(of: file)
                files[file] = .some(lines)
            }
            guard let lines, number >= 1, number <= lines.count else { return nil }
            return String(lines[number - 1])
        }
    }
}
