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

    /// A date cell. `range` gives the year of a date written without one
    /// (`12月1日`, `12/1`): the year that puts it inside the plan.
    static func date(_ cell: String, range: ClosedRange<LocalDate>? = nil) -> LocalDate? {
        var text = cell
        // `2026/12/1 0:00`: a date cell that the spreadsheet saved with midnight.
        if let space = text.firstIndex(of: " "), let time = time(String(text[space...]).trimmingCharacters(in: blanks)),
            time.minutes == 0
        {
            text = String(text[..<space])
        }
        // `12月1日（周二）`, `2026-12-01 星期二`: the weekday people add.
        for mark in ["（", "(", " "] {
            if let open = text.range(of: mark), text[open.upperBound...].contains(where: { $0 == "周" || $0 == "星" }) {
                text = String(text[..<open.lowerBound]).trimmingCharacters(in: blanks)
            }
        }
        // 46357: a date cell formatted as a number (days since 1899-12-30).
        if text.count == 5, let serial = Int(text), (20_000...80_000).contains(serial) {
            return LocalDate(dayNumber: LocalDate(year: 1899, month: 12, day: 30)!.dayNumber + serial)
        }
        guard text.last.map({ $0.isNumber || $0 == "日" }) ?? false else { return nil }
        let parts = text.split(whereSeparator: { "-/.年月日".contains($0) }).map(String.init)
        guard parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy({ $0.isASCII && $0.isNumber }) }) else { return nil }
        if parts.count == 3, parts[0].count == 4, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) {
            return LocalDate(year: year, month: month, day: day)
        }
        guard parts.count == 2, parts.allSatisfy({ $0.count <= 2 }), let range, let month = Int(parts[0]), let day = Int(parts[1])
        else { return nil }
        for year in range.lowerBound.year...range.upperBound.year {
            if let date = LocalDate(year: year, month: month, day: day), range.contains(date) { return date }
        }
        return LocalDate(year: range.lowerBound.year, month: month, day: day)
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
