import Foundation

/// What a cell says, read the way spreadsheets save things: dates as
/// `2026-12-01`, `2026/12/1` or `2026年12月1日`, times as `7:30`, `07:30` or
/// `07:30:00`, a formula guard `'` stripped, surrounding blanks dropped.
enum SheetCells {
    static let blanks = CharacterSet.whitespacesAndNewlines.union(CharacterSet(charactersIn: "\u{3000}\u{FEFF}"))

    /// The characters that make a spreadsheet treat a cell as a formula.
    static let formulaStarts: Set<Character> = ["=", "+", "-", "@"]

    /// Export: `'` before a cell that would be read as a formula. A cell that
    /// already starts with `'`s before such a character gets one more, so
    /// import, which strips one, gives back the same text.
    static func guarded(_ cell: String) -> String {
        guard let first = cell.drop(while: { $0 == "'" }).first, formulaStarts.contains(first) else { return cell }
        return "'" + cell
    }

    /// Import: the inverse of `guarded`.
    static func unguarded(_ cell: String) -> String {
        guard cell.hasPrefix("'"), let first = cell.drop(while: { $0 == "'" }).first, formulaStarts.contains(first) else {
            return cell
        }
        return String(cell.dropFirst())
    }

    /// CRLF and lone CR as LF (cells written on Windows).
    static func unixLines(_ text: String) -> String {
        var text = text
        let hasCR = text.withUTF8 { bytes in bytes.baseAddress.map { memchr($0, 13, bytes.count) != nil } ?? false }
        guard hasCR else { return text }
        return text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }

    static func date(_ cell: String) -> LocalDate? {
        var text = cell
        // `2026/12/1 0:00`: a date cell that the spreadsheet saved with midnight.
        if let space = text.firstIndex(of: " "), let time = time(String(text[space...]).trimmingCharacters(in: blanks)),
            time.minutes == 0
        {
            text = String(text[..<space])
        }
        let parts = text.split(whereSeparator: { "-/.年月日".contains($0) }).map(String.init)
        guard parts.count == 3, parts[0].count == 4, parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy(\.isASCII) }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            text.last.map({ $0.isNumber || $0 == "日" }) ?? false
        else { return nil }
        return LocalDate(year: year, month: month, day: day)
    }

    static func time(_ cell: String) -> LocalTime? {
        let parts = cell.split(whereSeparator: { $0 == ":" || $0 == "：" }).map(String.init)
        guard parts.count == 2 || (parts.count == 3 && parts[2] == "00"),
            parts[0].count <= 2, parts[1].count == 2, parts.allSatisfy({ $0.allSatisfy(\.isASCII) }),
            let hour = Int(parts[0]), let minute = Int(parts[1])
        else { return nil }
        return LocalTime(hour: hour, minute: minute)
    }

    /// `./assets/a.png` → `assets/a.png`, as the resolver compares images.
    static func normalizedAsset(_ path: String) -> String {
        path.split(separator: "/").filter { $0 != "." }.joined(separator: "/")
    }
}
