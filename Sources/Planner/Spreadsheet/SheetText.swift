import CSV
import Foundation

#if canImport(CoreFoundation)
    import CoreFoundation
#endif

/// A spreadsheet saved as CSV, read into rows of cells: the encoding found
/// (UTF-8 with or without BOM, UTF-16 with BOM, GBK/GB18030 as Excel and WPS
/// save on Chinese Windows), the delimiter guessed from the header line, and
/// the records parsed by CSV.swift (quoted cells may hold commas, quotes and
/// line breaks, so a record is not a line).
struct SheetText {
    enum Encoding: String {
        case utf8 = "UTF-8"
        case utf16 = "UTF-16"
        case gb18030 = "GBK"
    }

    /// Records in file order; record 0 is the header (spreadsheet row 1).
    var records: [[String]]
    var encoding: Encoding

    struct Failure: Error {
        let message: Localized
        let hint: Localized
    }

    /// Reads the sheet file for every importer: its text, or nil after reporting why not (at row 1).
    /// A GBK guess is reported as a notice: saving as "CSV UTF-8" avoids guessing.
    static func load(_ url: URL, report: (_ message: Localized, _ hint: Localized?, _ severity: Severity) -> Void) -> SheetText? {
        switch (try? Data(contentsOf: url)).map(read) {
        case nil:
            report(Localized(zh: "无法读取这个文件。", en: "The file cannot be read."), nil, .error)
            return nil
        case .failure(let failure)?:
            report(failure.message, failure.hint, .error)
            return nil
        case .success(let text)?:
            if text.encoding == .gb18030 {
                report(
                    Localized(zh: "按 GBK 编码读取。", en: "Read as GBK."),
                    Localized(zh: "另存为 “CSV UTF-8” 可以避免编码猜测。", en: "Saving as “CSV UTF-8” avoids guessing the encoding."),
                    .notice)
            }
            return text
        }
    }

    static func read(_ data: Data) -> Result<SheetText, Failure> {
        guard let (text, encoding) = decode([UInt8](data)) else {
            return .failure(
                Failure(
                    message: Localized(
                        zh: "读不懂这个文件的编码：既不是 UTF-8，也不是 GBK。",
                        en: "The file's encoding is neither UTF-8 nor GBK."),
                    hint: Localized(
                        zh: "在 Excel/WPS 里“另存为” → “CSV UTF-8（逗号分隔）”，再导入。",
                        en: "Save it again as “CSV UTF-8 (comma delimited)” in Excel or WPS, then import that file.")))
        }
        let delimiter = guessDelimiter(text)
        do {
            let reader = try CSVReader(string: text, hasHeaderRow: false, trimFields: false, delimiter: delimiter)
            var records: [[String]] = []
            while let row = reader.next() { records.append(row) }
            return .success(SheetText(records: records, encoding: encoding))
        } catch {
            return .failure(
                Failure(
                    message: Localized(zh: "无法按 CSV 读取这个文件。", en: "The file cannot be read as CSV."),
                    hint: Localized(zh: "请在表格软件里另存为 CSV。", en: "Save it as CSV from the spreadsheet program.")))
        }
    }

    /// The text and its encoding: a BOM decides; otherwise valid UTF-8 is
    /// UTF-8, and anything else is tried as GB18030 (a superset of GBK).
    static func decode(_ bytes: [UInt8]) -> (String, Encoding)? {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return String(validating: bytes.dropFirst(3), as: UTF8.self).map { ($0, .utf8) }
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return String(data: Data(bytes), encoding: .utf16).map { (stripBOM($0), .utf16) }
        }
        if let text = String(validating: bytes, as: UTF8.self) { return (text, .utf8) }
        if let text = String(data: Data(bytes), encoding: gb18030) { return (stripBOM(text), .gb18030) }
        return nil
    }

    private static func stripBOM(_ text: String) -> String {
        text.unicodeScalars.first == "\u{FEFF}" ? String(text.unicodeScalars.dropFirst()) : text
    }

    /// Foundation has no named constant for it; CoreFoundation maps it.
    static var gb18030: String.Encoding {
        #if canImport(CoreFoundation)
            String.Encoding(
                rawValue: CFStringConvertEncodingToNSStringEncoding(CFStringEncoding(CFStringEncodings.GB_18030_2000.rawValue)))
        #else
            String.Encoding(rawValue: 0x8000_0632)
        #endif
    }

    /// Comma unless the header line has none and has tabs (Excel's “Unicode
    /// text”) or semicolons (CSV from a locale whose decimal mark is a comma).
    static func guessDelimiter(_ text: String) -> Unicode.Scalar {
        var counts: [Unicode.Scalar: Int] = [",": 0, "\t": 0, ";": 0]
        var quoted = false
        for scalar in text.unicodeScalars {
            if scalar == "\"" { quoted.toggle() }
            if !quoted && (scalar == "\n" || scalar == "\r") { break }
            if !quoted, counts[scalar] != nil { counts[scalar]! += 1 }
        }
        if counts[","]! > 0 { return "," }
        if counts["\t"]! > 0 { return "\t" }
        if counts[";"]! > 0 { return ";" }
        return ","
    }
}
