import Foundation

/// Reads typed values out of one YAML mapping, recording where each key sits
/// and reporting wrong types, bad values and unread keys with file positions.
/// One reader per mapping; nested mappings get readers of their own.
struct MappingReader {
    let file: String
    /// The content-relative id, for fingerprints.
    let id: String
    /// Added to the YAML's 1-based line numbers (the line before the YAML starts).
    let lineOffset: Int
    let pairs: [(key: String, keyNode: YAMLNode, value: YAMLNode)]
    /// Where the mapping itself is (for "missing key" diagnostics).
    let location: SourceLocation
    /// A prefix naming this mapping in messages and fingerprints (`themes.life`).
    let path: String
    private(set) var diagnostics: [Diagnostic] = []
    private var read: Set<String> = []

    init(node: YAMLNode?, file: String, id: String, lineOffset: Int, path: String = "", fallback: SourceLocation? = nil) {
        self.file = file
        self.id = id
        self.lineOffset = lineOffset
        self.path = path
        if case .mapping(let mapping)? = node {
            pairs = mapping.pairs.map { ($0.name, $0.key, $0.value) }
        } else {
            pairs = []
        }
        let mark = node?.mark
        self.location = mark.map { SourceLocation(file: file, line: $0.line + lineOffset, column: $0.column) }
            ?? fallback ?? SourceLocation(file: file, line: lineOffset + 1)
    }

    func location(of node: YAMLNode) -> SourceLocation {
        let mark = node.mark
        return SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column)
    }

    /// Locations of every key present, for later diagnostics.
    var keyLocations: KeyLocations {
        KeyLocations(pairs.lazy.map { ($0.key, location(of: $0.keyNode)) }, count: pairs.count)
    }

    var keys: [String] { pairs.map(\.key) }

    func has(_ key: String) -> Bool { pairs.contains { $0.key == key } }

    func node(_ key: String) -> YAMLNode? { pairs.first { $0.key == key }?.value }

    func qualified(_ key: String) -> String { path.isEmpty ? key : path + "." + key }

    // MARK: - Reporting

    mutating func report(_ message: Localized, at location: SourceLocation, hint: Localized? = nil, code: String, rule: String = "front-matter", severity: Severity = .error) {
        diagnostics.append(
            Diagnostic(
                ruleID: rule, severity: severity, message: message, location: location, itemID: id,
                hint: hint, fingerprint: Fingerprint.make([rule, id, code])))
    }

    mutating func missing(_ key: String) {
        report(
            Localized(zh: "缺少必填的键 “\(qualified(key))”。", en: "The required key “\(qualified(key))” is missing."),
            at: location,
            hint: Localized(zh: "加上一行 \(key): …", en: "Add a line \(key): …"),
            code: "missing:" + qualified(key))
    }

    mutating func wrongType(_ key: String, _ node: YAMLNode, expected: Localized) {
        report(
            Localized(
                zh: "“\(qualified(key))” 应为\(expected.zh)。", en: "“\(qualified(key))” should be \(expected.en)."),
            at: location(of: node), code: "type:" + qualified(key))
    }

    /// Reports every key not in `known` as `unknown-key`, with a suggestion.
    mutating func reportUnknownKeys(known: [String]) {
        for pair in pairs where !known.contains(pair.key) {
            let guess = DidYouMean.suggestion(for: pair.key, among: known)
            let key = qualified(pair.key)
            diagnostics.append(
                Diagnostic(
                    ruleID: "unknown-key", severity: .warning,
                    message: Localized(
                        zh: "没有任何地方读取 “\(key)” 这个键。" + (guess.map { "是不是 “\($0)”？" } ?? ""),
                        en: "Nothing reads the key “\(key)”." + (guess.map { " Did you mean “\($0)”?" } ?? "")),
                    location: location(of: pair.keyNode), itemID: id,
                    hint: guess.map { Localized(zh: "改成 \($0)。", en: "Rename it to \($0).") }
                        ?? Localized(zh: "删掉它，或检查拼写。", en: "Remove it, or check its spelling."),
                    fingerprint: Fingerprint.make(["unknown-key", id, key])))
        }
    }

    // MARK: - Typed values

    static let textType = Localized(zh: "一段文字", en: "text")
    static let listType = Localized(zh: "文字列表（如 [a, b]）", en: "a list of text (like [a, b])")

    /// A scalar as text; nil (and a diagnostic) for lists and maps.
    mutating func string(_ key: String, required: Bool = false) -> String? {
        guard let node = node(key) else {
            if required { missing(key) }
            return nil
        }
        guard case .scalar(let scalar) = node else {
            wrongType(key, node, expected: Self.textType)
            return nil
        }
        if scalar.isNullValue {
            if required { missing(key) }
            return nil
        }
        return scalar.string
    }

    /// A list of scalars; a single scalar (`segments: payroll`) is read as a
    /// list of one, as people write it when there is only one.
    mutating func strings(_ key: String) -> [String]? {
        guard let node = node(key) else { return nil }
        switch node {
        case .sequence(let sequence):
            var values: [String] = []
            for element in sequence.nodes {
                guard case .scalar(let scalar) = element else {
                    wrongType(key, element, expected: Self.listType)
                    return nil
                }
                values.append(scalar.string)
            }
            return values
        case .scalar(let scalar) where scalar.isNullValue:
            return []
        case .scalar(let scalar):
            return [scalar.string]
        default:
            wrongType(key, node, expected: Self.listType)
            return nil
        }
    }

    mutating func bool(_ key: String) -> Bool? {
        guard let node = node(key) else { return nil }
        guard case .scalar(let scalar) = node,
            let value = Self.boolValue(scalar.string)
        else {
            wrongType(key, node, expected: Localized(zh: "true 或 false", en: "true or false"))
            return nil
        }
        return value
    }

    static func boolValue(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: return nil
        }
    }

    /// `text.trimmingCharacters(in: .whitespaces)`, skipping Foundation when
    /// the text starts and ends with ASCII that is neither space nor tab (the
    /// only ASCII in `.whitespaces`): then there is nothing to trim.
    static func trimmingSpaces(_ text: String) -> String {
        if let first = text.utf8.first, let last = text.utf8.last, first < 0x80, last < 0x80, first != 0x20, first != 0x09,
            last != 0x20, last != 0x09
        {
            return text
        }
        return text.trimmingCharacters(in: .whitespaces)
    }

    mutating func date(_ key: String, required: Bool = false) -> LocalDate? {
        guard let text = string(key, required: required) else { return nil }
        guard let date = LocalDate(parsing: Self.trimmingSpaces(text)) else {
            report(
                Localized(
                    zh: "“\(text)” 不是有效的日期（格式 YYYY-MM-DD，且当月要有这一天）。",
                    en: "“\(text)” is not a valid date (YYYY-MM-DD, a day that exists)."),
                at: location(of: node(key)!),
                hint: Localized(zh: "例如 2026-12-01。", en: "For example 2026-12-01."),
                code: "date:" + qualified(key))
            return nil
        }
        return date
    }

    mutating func time(_ key: String) -> LocalTime? {
        guard let text = string(key) else { return nil }
        guard let time = LocalTime(parsing: Self.trimmingSpaces(text)) else {
            report(
                Localized(
                    zh: "“\(text)” 不是有效的时间（格式 \"HH:MM\"，00:00–23:59）。",
                    en: "“\(text)” is not a valid time (\"HH:MM\", 00:00–23:59)."),
                at: location(of: node(key)!),
                hint: Localized(zh: "写成带引号的两位数，例如 \"07:05\"。", en: "Quote it with two digits each, like \"07:05\"."),
                code: "time:" + qualified(key))
            return nil
        }
        return time
    }

    mutating func choice<Value: RawRepresentable & CaseIterable>(_ key: String, required: Bool = false, as type: Value.Type) -> Value?
    where Value.RawValue == String {
        guard let text = string(key, required: required) else { return nil }
        if let value = Value(rawValue: text) { return value }
        let allowed = Value.allCases.map(\.rawValue)
        let guess = DidYouMean.suggestion(for: text, among: allowed)
        report(
            Localized(
                zh: "“\(qualified(key))” 的值 “\(text)” 不在可选范围内：\(allowed.joined(separator: ", "))。"
                    + (guess.map { "是不是 “\($0)”？" } ?? ""),
                en: "“\(text)” is not a valid \(qualified(key)): one of \(allowed.joined(separator: ", "))."
                    + (guess.map { " Did you mean “\($0)”?" } ?? "")),
            at: location(of: node(key)!), code: "choice:" + qualified(key))
        return nil
    }

    /// An item status, by either vocabulary (`published`, `已发布`, `Published`).
    mutating func status(_ key: String) -> ItemStatus? {
        guard let text = string(key) else { return nil }
        if let status = ItemStatus(name: text) { return status }
        let ids = ItemStatus.allCases.map(\.rawValue)
        let names = ItemStatus.allCases.map(\.label.zh)
        let guess = DidYouMean.suggestion(for: text, among: ids + names)
        report(
            Localized(
                zh: "“\(text)” 不是有效的状态：可写 \(names.joined(separator: "、")) 或 \(ids.joined(separator: ", "))。"
                    + (guess.map { "是不是 “\($0)”？" } ?? ""),
                en: "“\(text)” is not a valid status: one of \(ids.joined(separator: ", ")) (or \(names.joined(separator: ", ")))."
                    + (guess.map { " Did you mean “\($0)”?" } ?? "")),
            at: location(of: node(key)!), code: "choice:" + qualified(key))
        return nil
    }

    /// A nested mapping's reader, or nil (and a diagnostic) when the value is not a mapping.
    mutating func mapping(_ key: String) -> MappingReader? {
        guard let node = node(key) else { return nil }
        if case .scalar(let scalar) = node, scalar.isNullValue {
            return MappingReader(node: nil, file: file, id: id, lineOffset: lineOffset, path: qualified(key), fallback: location(of: node))
        }
        guard case .mapping = node else {
            wrongType(key, node, expected: Localized(zh: "一组键值（映射）", en: "a mapping of keys to values"))
            return nil
        }
        return MappingReader(node: node, file: file, id: id, lineOffset: lineOffset, path: qualified(key))
    }

    /// Takes the diagnostics of a nested reader into this one.
    mutating func absorb(_ other: MappingReader) {
        diagnostics += other.diagnostics
    }
}

extension YAMLNode.Scalar {
    /// A plain `~`, `null` or nothing at all: the key is there but has no value.
    var isNullValue: Bool {
        guard isPlain else { return false }
        // By length first: almost every value is neither, and is told so without a comparison.
        switch string.utf8.count {
        case 0: return true
        case 1: return string == "~"
        case 4: return string == "null" || string == "Null" || string == "NULL"
        default: return false
        }
    }
}
